#include "sitrep/query/code_counting.hpp"

#include <algorithm>
#include <bit>

#include "sitrep/query/scan_kernels.hpp"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SITREP_X86_DISPATCH 1
#endif

namespace sitrep::query::kernels {
namespace {

// The counting loop of the variants that compare whole words: Mask(v, c) gives the bits of
// the 64 keys at v equal to c. The last, partial word's keys are copied into a zeroed buffer
// first so that no compare reads past the column. Always inlined, so that it is compiled for
// the instruction set of the variant that calls it, and Mask with it.
template <typename T, uint64_t (*Mask)(const T*, uint32_t)>
[[gnu::always_inline]] inline void count_whole_words(const T* keys, size_t rows,
                                                     const uint64_t* words, size_t word_begin,
                                                     size_t word_end, uint32_t n, int64_t* counts) {
  uint64_t local[kMaxCountedCodes] = {};
  alignas(64) T tail[64] = {};
  for (size_t w = word_begin; w < word_end; ++w) {
    uint64_t bits = words[w - word_begin];
    if (bits == 0) continue;
    const T* v = keys + w * 64;
    if (w * 64 + 64 > rows) {
      std::copy(keys + w * 64, keys + rows, tail);
      v = tail;
    }
    for (uint32_t c = 0; c < n; ++c)
      local[c] += static_cast<uint64_t>(std::popcount(Mask(v, c) & bits));
  }
  for (uint32_t c = 0; c < n; ++c) counts[c] += static_cast<int64_t>(local[c]);
}

template <typename T>
uint64_t equal_mask_sse2(const T* v, uint32_t c) {
  return kernels::equal_any(v, &c, 1);
}

template <typename T>
void count_sse2(const T* keys, size_t rows, const uint64_t* words, size_t word_begin,
                size_t word_end, uint32_t n, int64_t* counts) {
  count_whole_words<T, equal_mask_sse2<T>>(keys, rows, words, word_begin, word_end, n, counts);
}

#if defined(SITREP_X86_DISPATCH)

// The mask of the 64 keys at v equal to c, per instruction set and key width. The loops that
// call them are compiled for the same instruction set, so the compares are inlined.

__attribute__((target("avx2"))) inline uint64_t equal_mask_avx2(const uint8_t* v, uint32_t c) {
  __m256i code = _mm256_set1_epi8(static_cast<char>(c));
  uint64_t mask = 0;
  for (int h = 0; h < 2; ++h) {
    __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(v + 32 * h));
    mask |= static_cast<uint64_t>(
                static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, code))))
            << (32 * h);
  }
  return mask;
}

__attribute__((target("avx2"))) inline uint64_t equal_mask_avx2(const uint16_t* v, uint32_t c) {
  __m256i code = _mm256_set1_epi16(static_cast<short>(c));
  uint64_t mask = 0;
  for (int h = 0; h < 2; ++h) {
    __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(v + 32 * h));
    __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(v + 32 * h + 16));
    // packs works within 128-bit halves; the permute puts the 32 lanes back in row order.
    __m256i packed = _mm256_packs_epi16(_mm256_cmpeq_epi16(a, code), _mm256_cmpeq_epi16(b, code));
    packed = _mm256_permute4x64_epi64(packed, 0xD8);
    mask |= static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(packed))) << (32 * h);
  }
  return mask;
}

template <typename T>
__attribute__((target("avx2"))) void count_avx2(const T* keys, size_t rows, const uint64_t* words,
                                                size_t word_begin, size_t word_end, uint32_t n,
                                                int64_t* counts) {
  count_whole_words<T, equal_mask_avx2>(keys, rows, words, word_begin, word_end, n, counts);
}

// With AVX-512 a masked load reads only the rows that exist: no copy for the last word.
__attribute__((target("avx512f,avx512bw"))) inline uint64_t equal_mask_avx512(const uint8_t* v,
                                                                              size_t valid,
                                                                              uint32_t c) {
  __mmask64 present = valid >= 64 ? ~__mmask64{0} : (__mmask64{1} << valid) - 1;
  __m512i x = _mm512_maskz_loadu_epi8(present, v);
  return _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(static_cast<char>(c)));
}

__attribute__((target("avx512f,avx512bw"))) inline uint64_t equal_mask_avx512(const uint16_t* v,
                                                                              size_t valid,
                                                                              uint32_t c) {
  uint64_t mask = 0;
  for (size_t h = 0; h < 2; ++h) {
    size_t here = valid > 32 * h ? std::min<size_t>(32, valid - 32 * h) : 0;
    __mmask32 present = here >= 32 ? ~__mmask32{0} : (__mmask32{1} << here) - 1;
    __m512i x = _mm512_maskz_loadu_epi16(present, v + 32 * h);
    mask |=
        static_cast<uint64_t>(_mm512_cmpeq_epi16_mask(x, _mm512_set1_epi16(static_cast<short>(c))))
        << (32 * h);
  }
  return mask;
}

template <typename T>
__attribute__((target("avx512f,avx512bw"))) void count_avx512(const T* keys, size_t rows,
                                                              const uint64_t* words,
                                                              size_t word_begin, size_t word_end,
                                                              uint32_t n, int64_t* counts) {
  uint64_t local[kMaxCountedCodes] = {};
  for (size_t w = word_begin; w < word_end; ++w) {
    uint64_t bits = words[w - word_begin];
    if (bits == 0) continue;
    size_t valid = rows - std::min(rows, w * 64);
    for (uint32_t c = 0; c < n; ++c) {
      local[c] +=
          static_cast<uint64_t>(std::popcount(equal_mask_avx512(keys + w * 64, valid, c) & bits));
    }
  }
  for (uint32_t c = 0; c < n; ++c) counts[c] += static_cast<int64_t>(local[c]);
}

#endif  // SITREP_X86_DISPATCH

}  // namespace

namespace detail {

template <typename T>
void count_selected_codes_with(Isa isa, const T* keys, size_t rows, const uint64_t* words,
                               size_t word_begin, size_t word_end, uint32_t n, int64_t* counts) {
  n = std::min(n, kMaxCountedCodes);
#if defined(SITREP_X86_DISPATCH)
  if (isa == Isa::avx512bw && cpu_has(isa)) {
    return count_avx512(keys, rows, words, word_begin, word_end, n, counts);
  }
  if (isa == Isa::avx2 && cpu_has(isa)) {
    return count_avx2(keys, rows, words, word_begin, word_end, n, counts);
  }
#endif
  (void)isa;
  count_sse2(keys, rows, words, word_begin, word_end, n, counts);
}

template void count_selected_codes_with(Isa, const uint8_t*, size_t, const uint64_t*, size_t,
                                        size_t, uint32_t, int64_t*);
template void count_selected_codes_with(Isa, const uint16_t*, size_t, const uint64_t*, size_t,
                                        size_t, uint32_t, int64_t*);

}  // namespace detail

void count_selected_codes(const uint8_t* keys, size_t rows, const uint64_t* words,
                          size_t word_begin, size_t word_end, uint32_t n, int64_t* counts) {
  detail::count_selected_codes_with(best_isa(), keys, rows, words, word_begin, word_end, n, counts);
}

void count_selected_codes(const uint16_t* keys, size_t rows, const uint64_t* words,
                          size_t word_begin, size_t word_end, uint32_t n, int64_t* counts) {
  detail::count_selected_codes_with(best_isa(), keys, rows, words, word_begin, word_end, n, counts);
}

}  // namespace sitrep::query::kernels
