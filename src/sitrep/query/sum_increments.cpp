#include "sitrep/query/sum_increments.hpp"

#include <algorithm>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SITREP_X86_DISPATCH 1
#endif

namespace sitrep::query::kernels {
namespace {

// Adds one word's 64 increments to the lanes in turn. Unrolled whole, so that each lane's
// pointer stays in a register (a loop over the lanes reloads it per row: a quarter slower).
template <typename K>
[[gnu::always_inline]] inline void add_word(const K* keys, const uint64_t* increments,
                                            uint64_t* const lanes[4]) {
  uint64_t* const a = lanes[0];
  uint64_t* const b = lanes[1];
  uint64_t* const c = lanes[2];
  uint64_t* const d = lanes[3];
#pragma GCC unroll 16
  for (size_t j = 0; j < 64; j += 4) {
    a[keys[j]] += increments[j];
    b[keys[j + 1]] += increments[j + 1];
    c[keys[j + 2]] += increments[j + 2];
    d[keys[j + 3]] += increments[j + 3];
  }
}

template <typename F>
[[gnu::always_inline]] inline void increments_plain(const F* stored, int64_t base, int count_shift,
                                                    uint64_t* out) {
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
[[gnu::always_inline]] inline __attribute__((target("avx2"))) void increments_avx2(const F* stored,
                                                                                   int64_t base,
                                                                                   int count_shift,
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
[[gnu::always_inline]] inline __attribute__((target("avx512f,avx512bw"))) void increments_avx512(
    const F* stored, int64_t base, int count_shift, uint64_t* out) {
  const __m512i one = _mm512_set1_epi64(int64_t{1} << count_shift);
  const __m512i offset = _mm512_set1_epi64(base);
  for (int q = 0; q < 8; ++q) {
    __m512i x = widen8(stored + 8 * q);
    __mmask8 present = _mm512_test_epi64_mask(x, x);
    __m512i value = _mm512_maskz_add_epi64(present, x, offset);
    _mm512_storeu_si512(out + 8 * q, _mm512_add_epi64(value, one));
  }
}

// The word loops of add_packed_words, one per instruction set so that the increments inline
// (GCC refuses to inline a target-specific kernel through a shared generic driver: "target
// specific option mismatch", so the two loops cannot be one template).
// Each word's increments are worked out while the adds of the word before are still in flight:
// read back at once, the vector stores would stall the loads.
template <typename K, typename F>
__attribute__((target("avx2"))) void words_avx2(const K* keys, const F* stored, size_t words,
                                                int64_t base, int count_shift,
                                                uint64_t* const lanes[4]) {
  alignas(64) uint64_t increments[2][64];
  if (words != 0) increments_avx2(stored, base, count_shift, increments[0]);
  for (size_t w = 0; w < words; ++w) {
    if (w + 1 < words)
      increments_avx2(stored + 64 * (w + 1), base, count_shift, increments[(w + 1) & 1]);
    add_word(keys + 64 * w, increments[w & 1], lanes);
  }
}

template <typename K, typename F>
__attribute__((target("avx512f,avx512bw"))) void words_avx512(const K* keys, const F* stored,
                                                              size_t words, int64_t base,
                                                              int count_shift,
                                                              uint64_t* const lanes[4]) {
  alignas(64) uint64_t increments[2][64];
  if (words != 0) increments_avx512(stored, base, count_shift, increments[0]);
  for (size_t w = 0; w < words; ++w) {
    if (w + 1 < words)
      increments_avx512(stored + 64 * (w + 1), base, count_shift, increments[(w + 1) & 1]);
    add_word(keys + 64 * w, increments[w & 1], lanes);
  }
}

#pragma GCC diagnostic pop

#endif  // SITREP_X86_DISPATCH

template <typename K, typename F>
void words_plain(const K* keys, const F* stored, size_t words, int64_t base, int count_shift,
                 uint64_t* const lanes[4]) {
  alignas(64) uint64_t increments[64];
  for (size_t w = 0; w < words; ++w) {
    increments_plain(stored + 64 * w, base, count_shift, increments);
    add_word(keys + 64 * w, increments, lanes);
  }
}

template <typename K, typename F>
using WordsKernel = void (*)(const K*, const F*, size_t, int64_t, int, uint64_t* const[4]);

template <typename K, typename F>
WordsKernel<K, F> words_kernel_for(Isa isa) {
#if defined(SITREP_X86_DISPATCH)
  if (isa == Isa::avx512bw && cpu_has(isa)) return words_avx512<K, F>;
  if (isa == Isa::avx2 && cpu_has(isa)) return words_avx2<K, F>;
#endif
  (void)isa;
  return words_plain<K, F>;
}

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

template <typename K, typename F>
void add_packed_words(const K* keys, const F* stored, size_t words, int64_t base, int count_shift,
                      uint64_t* const lanes[4]) {
  static const WordsKernel<K, F> kernel = words_kernel_for<K, F>(best_isa());
  kernel(keys, stored, words, base, count_shift, lanes);
}

#define SITREP_ADD_PACKED_WORDS(K, F)                                                           \
  template void add_packed_words(const K*, const F*, size_t, int64_t, int, uint64_t* const[4]); \
  template void detail::add_packed_words_with(Isa, const K*, const F*, size_t, int64_t, int,    \
                                              uint64_t* const[4]);

uint64_t rows_between_emptyings(int count_shift, int64_t largest) {
  const uint64_t count_room = (uint64_t{1} << (64 - count_shift)) - 1;
  const uint64_t sum_room =
      ((uint64_t{1} << count_shift) - 1) / static_cast<uint64_t>(std::max<int64_t>(1, largest));
  return std::max<uint64_t>(64, std::min(count_room, sum_room) / 64 * 64);
}

namespace detail {

template <typename F>
void sum_increments_with(Isa isa, const F* stored, int64_t base, int count_shift, uint64_t* out) {
  kernel_for<F>(isa)(stored, base, count_shift, out);
}

template void sum_increments_with(Isa, const uint8_t*, int64_t, int, uint64_t*);
template void sum_increments_with(Isa, const uint16_t*, int64_t, int, uint64_t*);
template void sum_increments_with(Isa, const uint32_t*, int64_t, int, uint64_t*);

template <typename K, typename F>
void add_packed_words_with(Isa isa, const K* keys, const F* stored, size_t words, int64_t base,
                           int count_shift, uint64_t* const lanes[4]) {
  words_kernel_for<K, F>(isa)(keys, stored, words, base, count_shift, lanes);
}

}  // namespace detail

// Every width of key and figure column.
SITREP_ADD_PACKED_WORDS(uint8_t, uint8_t)
SITREP_ADD_PACKED_WORDS(uint8_t, uint16_t)
SITREP_ADD_PACKED_WORDS(uint8_t, uint32_t)
SITREP_ADD_PACKED_WORDS(uint16_t, uint8_t)
SITREP_ADD_PACKED_WORDS(uint16_t, uint16_t)
SITREP_ADD_PACKED_WORDS(uint16_t, uint32_t)
SITREP_ADD_PACKED_WORDS(uint32_t, uint8_t)
SITREP_ADD_PACKED_WORDS(uint32_t, uint16_t)
SITREP_ADD_PACKED_WORDS(uint32_t, uint32_t)
#undef SITREP_ADD_PACKED_WORDS
}  // namespace sitrep::query::kernels
