// Every instruction-set variant of the histogram increments against the formula.
#include "sitrep/query/sum_increments.hpp"

#include <gtest/gtest.h>

#include <random>

namespace sitrep::query::kernels {
namespace {

template <typename F>
void check_every_variant(int64_t base) {
  std::mt19937_64 random(7);
  constexpr int kShift = 40;
  for (Isa isa : {Isa::sse2, Isa::avx2, Isa::avx512bw}) {
    if (!cpu_has(isa)) continue;
    for (int round = 0; round < 50; ++round) {
      F stored[64];
      for (F& v : stored) {
        // A third missing (0), the rest small or as large as the width holds.
        uint64_t kind = random() % 3;
        v = kind == 0   ? F{0}
            : kind == 1 ? static_cast<F>(1 + random() % 9)
                        : static_cast<F>(random());
        if (v == 0 && kind != 0) v = 1;
      }
      uint64_t out[64];
      detail::sum_increments_with(isa, stored, base, kShift, out);
      for (int j = 0; j < 64; ++j) {
        uint64_t value = stored[j] == 0 ? 0 : static_cast<uint64_t>(base + int64_t{stored[j]});
        ASSERT_EQ(out[j], (uint64_t{1} << kShift) + value)
            << "isa " << isa_name(isa) << ", row " << j << ", stored " << uint64_t{stored[j]};
      }
    }
  }
}

TEST(SumIncrements, EveryVariantGivesOneCountAndTheFigureOrNothingForAMissingOne) {
  for (int64_t base : {int64_t{-1}, int64_t{0}, int64_t{3}}) {
    check_every_variant<uint8_t>(base);
    check_every_variant<uint16_t>(base);
    check_every_variant<uint32_t>(base);
  }
}

}  // namespace
}  // namespace sitrep::query::kernels
