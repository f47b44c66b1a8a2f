// Counting the selected rows of each code of a key with few codes (event type, claim status):
// the inner loop of `sitrep query --by type`, the whole-table scan of the query suite.
//
// With AVX-512BW one compare of 64 keys gives the 64-bit mask directly, and the scan runs at
// memory speed instead of at the speed of the compares (see bench/README.md); the variant is
// chosen once per process (cpu_features.hpp).
#pragma once

#include <cstddef>
#include <cstdint>

#include "sitrep/query/cpu_features.hpp"

namespace sitrep::query::kernels {

// Adds to counts[c], for each code c < n, the number of rows r in [64 * word_begin,
// 64 * word_end) with keys[r] == c and bit (r % 64) of words[r / 64 - word_begin] set. Rows at
// or beyond `rows` must not be selected; their keys are never read. n is at most kMaxCountedCodes.
inline constexpr uint32_t kMaxCountedCodes = 8;
void count_selected_codes(const uint8_t* keys, size_t rows, const uint64_t* words,
                          size_t word_begin, size_t word_end, uint32_t n, int64_t* counts);
void count_selected_codes(const uint16_t* keys, size_t rows, const uint64_t* words,
                          size_t word_begin, size_t word_end, uint32_t n, int64_t* counts);

namespace detail {
// Each variant, for tests that compare them on CPUs that have them.
template <typename T>
void count_selected_codes_with(Isa isa, const T* keys, size_t rows, const uint64_t* words,
                               size_t word_begin, size_t word_end, uint32_t n, int64_t* counts);
}  // namespace detail

}  // namespace sitrep::query::kernels
