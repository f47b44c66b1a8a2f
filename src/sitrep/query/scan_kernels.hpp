// The inner loops of filters: one 64-bit word of matches from 64 packed values.
//
// With SSE2 (every x86-64 CPU) equality against up to four codes and unsigned range tests are
// 16 lanes per instruction and movemask packs the lanes into bits; elsewhere, and for larger
// code sets, a scalar loop over a lookup table. Each kernel returns the match bits of rows
// base .. base + 63, bit i for row base + i.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sitrep::query::kernels {

inline constexpr int kMaxSimdCodes = 4;

// Bits of the 64 values at `v` equal to one of up to kMaxSimdCodes codes. The codes are
// broadcast once, when the matcher is made: make one per scan, not per word.
template <typename T>
class CodeMatcher {
 public:
  CodeMatcher(const uint32_t* codes, int n) : n_(n) {
    for (int k = 0; k < n && k < kMaxSimdCodes; ++k) codes_[k] = codes[k];
#if defined(__SSE2__)
    for (int k = 0; k < n && k < kMaxSimdCodes; ++k) {
      keys_[k] = sizeof(T) == 1 ? _mm_set1_epi8(static_cast<char>(codes[k]))
                                : _mm_set1_epi16(static_cast<short>(codes[k]));
    }
#endif
  }

  uint64_t match(const T* v) const {
#if defined(__SSE2__)
    if constexpr (sizeof(T) == 1) {
      uint64_t out = 0;
      for (int q = 0; q < 4; ++q) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v + 16 * q));
        __m128i m = _mm_cmpeq_epi8(x, keys_[0]);
        for (int k = 1; k < n_; ++k) m = _mm_or_si128(m, _mm_cmpeq_epi8(x, keys_[k]));
        out |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(m))) << (16 * q);
      }
      return out;
    } else if constexpr (sizeof(T) == 2) {
      uint64_t out = 0;
      for (int q = 0; q < 4; ++q) {
        __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v + 16 * q));
        __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v + 16 * q + 8));
        __m128i ma = _mm_cmpeq_epi16(a, keys_[0]), mb = _mm_cmpeq_epi16(b, keys_[0]);
        for (int k = 1; k < n_; ++k) {
          ma = _mm_or_si128(ma, _mm_cmpeq_epi16(a, keys_[k]));
          mb = _mm_or_si128(mb, _mm_cmpeq_epi16(b, keys_[k]));
        }
        out |=
            static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_packs_epi16(ma, mb))))
            << (16 * q);
      }
      return out;
    }
#endif
    uint64_t out = 0;
    for (unsigned j = 0; j < 64; ++j) {
      bool hit = false;
      for (int k = 0; k < n_; ++k) hit |= v[j] == codes_[k];
      out |= static_cast<uint64_t>(hit) << j;
    }
    return out;
  }

 private:
  int n_;
  uint32_t codes_[kMaxSimdCodes] = {};
#if defined(__SSE2__)
  __m128i keys_[kMaxSimdCodes] = {};
#endif
};

// The same for one word, when no matcher is at hand.
template <typename T>
inline uint64_t equal_any(const T* v, const uint32_t* codes, int n) {
  return CodeMatcher<T>(codes, n).match(v);
}

// Bits of the 64 values at `v` within [lo, lo + span] (unsigned).
template <typename T>
inline uint64_t in_range(const T* v, uint32_t lo, uint32_t span) {
#if defined(__SSE2__)
  if constexpr (sizeof(T) == 1) {
    if (lo <= 0xFF) {
      // The range clipped to what a byte holds, so that x - lo cannot wrap into it.
      uint64_t hi = uint64_t{lo} + span > 0xFF ? 0xFF : uint64_t{lo} + span;
      auto s = static_cast<uint8_t>(hi - lo);
      __m128i l = _mm_set1_epi8(static_cast<char>(lo)), sp = _mm_set1_epi8(static_cast<char>(s));
      uint64_t out = 0;
      for (int q = 0; q < 4; ++q) {
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v + 16 * q));
        // x - lo wraps below lo; saturating (x - lo) - span is zero exactly when inside.
        __m128i over = _mm_subs_epu8(_mm_sub_epi8(x, l), sp);
        __m128i inside = _mm_cmpeq_epi8(over, _mm_setzero_si128());
        out |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(inside))) << (16 * q);
      }
      return out;
    }
  } else if constexpr (sizeof(T) == 2) {
    if (lo <= 0xFFFF) {
      uint64_t hi = uint64_t{lo} + span > 0xFFFF ? 0xFFFF : uint64_t{lo} + span;
      auto s = static_cast<uint16_t>(hi - lo);
      __m128i l = _mm_set1_epi16(static_cast<short>(lo)),
              sp = _mm_set1_epi16(static_cast<short>(s));
      uint64_t out = 0;
      for (int q = 0; q < 4; ++q) {
        __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v + 16 * q));
        __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(v + 16 * q + 8));
        __m128i ia = _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16(a, l), sp), _mm_setzero_si128());
        __m128i ib = _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16(b, l), sp), _mm_setzero_si128());
        out |=
            static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(_mm_packs_epi16(ia, ib))))
            << (16 * q);
      }
      return out;
    }
  }
#endif
  uint64_t out = 0;
  for (unsigned j = 0; j < 64; ++j) {
    out |= static_cast<uint64_t>(static_cast<uint32_t>(v[j]) - lo <= span) << j;
  }
  return out;
}

// Bits of the 64 values at `v` whose entry in `lut` is set.
template <typename T>
inline uint64_t in_table(const T* v, const uint8_t* lut) {
  uint64_t out = 0;
  for (unsigned j = 0; j < 64; ++j) out |= static_cast<uint64_t>(lut[v[j]] != 0) << j;
  return out;
}

// Adds to counts[c], for each code c < n, how many of the 64 values at `v` selected by `selected`
// equal c: a histogram for keys with few codes (event type, claim status) without the
// store-to-load chains of incrementing a handful of counters one row at a time.
template <typename T>
inline void count_codes(const T* v, uint64_t selected, uint32_t n, int64_t* counts) {
  for (uint32_t c = 0; c < n; ++c) {
    counts[c] += std::popcount(equal_any(v, &c, 1) & selected);
  }
}

}  // namespace sitrep::query::kernels
