#include "sitrep/query/cpu_features.hpp"

namespace sitrep::query::kernels {

bool cpu_has(Isa isa) {
#if defined(__x86_64__) && defined(__GNUC__)
  switch (isa) {
    case Isa::sse2:
      return true;
    case Isa::avx2:
      return __builtin_cpu_supports("avx2");
    case Isa::avx512bw:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  }
  return false;
#else
  return isa == Isa::sse2;
#endif
}

Isa best_isa() {
  static const Isa isa = cpu_has(Isa::avx512bw) ? Isa::avx512bw
                         : cpu_has(Isa::avx2)   ? Isa::avx2
                                                : Isa::sse2;
  return isa;
}

std::string_view isa_name(Isa isa) {
  switch (isa) {
    case Isa::avx512bw:
      return "avx512bw";
    case Isa::avx2:
      return "avx2";
    case Isa::sse2:
      return "sse2";
  }
  return "sse2";
}

}  // namespace sitrep::query::kernels
