#include "sitrep/query/sum_increments.hpp"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SITREP_X86_DISPATCH 1
#endif

namespace sitrep::query::kernels {
namespace {

template <typename F>
void increments_plain(const F* stored, int64_t base, int count_shift, uint64_t* out) {
  const uint64_t one = uint64_t{1} << count_shift;
  for (int j = 0; j < 64; ++j) {
    uint64_t x = stored[j];
    out[j] = one + (x == 0 ? 0 : static_cast<uint64_t>(base + static_cast<int64_t>(x)));
  }
}

#if defined(SITREP_X86_DISPATCH)

// Four or eight stored values widened to 64-bit lanes, per value width.
__attribute__((target("avx2"))) inline __m256i widen4(const uint8_t* v) {
  return _mm256_cvtepu8_epi64(_mm_cvtsi32_si128(*reinterpret_cast<const int*>(v)));
}
__attribute__((target("avx2"))) inline __m256i widen4(const uint16_t* v) {
  return _mm256_cvtepu16_epi64(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(v)));
}
__attribute__((target("avx2"))) inline __m256i widen4(const uint32_t* v) {
  return _mm256_cvtepu32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(v)));
}

template <typename F>
__attribute__((target("avx2"))) void increments_avx2(const F* stored, int64_t base, int count_shift,
                                                     uint64_t* out) {
  const __m256i one = _mm256_set1_epi64x(int64_t{1} << count_shift);
  const __m256i offset = _mm256_set1_epi64x(base);
  for (int q = 0; q < 16; ++q) {
    __m256i x = widen4(stored + 4 * q);
    __m256i missing = _mm256_cmpeq_epi64(x, _mm256_setzero_si256());
    __m256i value = _mm256_andnot_si256(missing, _mm256_add_epi64(x, offset));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + 4 * q), _mm256_add_epi64(value, one));
  }
}

// GCC 12's widening intrinsics start from an undefined vector on purpose, and its warning then
// flags its own header (-Wuninitialized).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

__attribute__((target("avx512f,avx512bw"))) inline __m512i widen8(const uint8_t* v) {
  return _mm512_cvtepu8_epi64(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(v)));
}
__attribute__((target("avx512f,avx512bw"))) inline __m512i widen8(const uint16_t* v) {
  return _mm512_cvtepu16_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(v)));
}
__attribute__((target("avx512f,avx512bw"))) inline __m512i widen8(const uint32_t* v) {
  return _mm512_cvtepu32_epi64(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(v)));
}

template <typename F>
__attribute__((target("avx512f,avx512bw"))) void increments_avx512(const F* stored, int64_t base,
                                                                   int count_shift, uint64_t* out) {
  const __m512i one = _mm512_set1_epi64(int64_t{1} << count_shift);
  const __m512i offset = _mm512_set1_epi64(base);
  for (int q = 0; q < 8; ++q) {
    __m512i x = widen8(stored + 8 * q);
    __mmask8 present = _mm512_test_epi64_mask(x, x);
    __m512i value = _mm512_maskz_add_epi64(present, x, offset);
    _mm512_storeu_si512(out + 8 * q, _mm512_add_epi64(value, one));
  }
}

#pragma GCC diagnostic pop

#endif  // SITREP_X86_DISPATCH

template <typename F>
using Kernel = void (*)(const F*, int64_t, int, uint64_t*);

template <typename F>
Kernel<F> kernel_for(Isa isa) {
#if defined(SITREP_X86_DISPATCH)
  if (isa == Isa::avx512bw && cpu_has(isa)) return increments_avx512<F>;
  if (isa == Isa::avx2 && cpu_has(isa)) return increments_avx2<F>;
#endif
  (void)isa;
  return increments_plain<F>;
}

template <typename F>
void run_best(const F* stored, int64_t base, int count_shift, uint64_t* out) {
  static const Kernel<F> kernel = kernel_for<F>(best_isa());
  kernel(stored, base, count_shift, out);
}

}  // namespace

void sum_increments(const uint8_t* stored, int64_t base, int count_shift, uint64_t* out) {
  run_best(stored, base, count_shift, out);
}
void sum_increments(const uint16_t* stored, int64_t base, int count_shift, uint64_t* out) {
  run_best(stored, base, count_shift, out);
}
void sum_increments(const uint32_t* stored, int64_t base, int count_shift, uint64_t* out) {
  run_best(stored, base, count_shift, out);
}

namespace detail {

template <typename F>
void sum_increments_with(Isa isa, const F* stored, int64_t base, int count_shift, uint64_t* out) {
  kernel_for<F>(isa)(stored, base, count_shift, out);
}

template void sum_increments_with(Isa, const uint8_t*, int64_t, int, uint64_t*);
template void sum_increments_with(Isa, const uint16_t*, int64_t, int, uint64_t*);
template void sum_increments_with(Isa, const uint32_t*, int64_t, int, uint64_t*);

}  // namespace detail
}  // namespace sitrep::query::kernels
