// The words a count-and-sum histogram adds, 64 rows at a time.
//
// `sitrep query --measure fatalities` keeps, per group, one 64-bit word holding the count above
// bit `count_shift` and the sum of fatalities below it, so that each row costs one add
// (aggregation.cpp). Working out each row's word (one for the count, plus its fatalities, none
// for a missing figure) took as many instructions as the add itself; done for 64 rows at once in
// vector registers, the loop that remains is a load and an add per row: the top-20-districts scan
// of the query suite runs about 1.4x faster (bench/README.md).
#pragma once

#include <cstddef>
#include <cstdint>

#include "sitrep/query/cpu_features.hpp"

namespace sitrep::query::kernels {

// out[j] = (1 << count_shift) + (stored[j] == 0 ? 0 : base + stored[j]) for j < 64: the column
// stores a missing figure as 0 and a figure v as v - base. base + stored[j] must not be negative.
void sum_increments(const uint8_t* stored, int64_t base, int count_shift, uint64_t* out);
void sum_increments(const uint16_t* stored, int64_t base, int count_shift, uint64_t* out);
void sum_increments(const uint32_t* stored, int64_t base, int count_shift, uint64_t* out);

// The whole histogram for `words` wholly selected words of rows (64 * words rows from row 0 of
// `keys` and `stored`): row r adds its increment (as above) to lanes[r % 4][keys[r]]. The
// increments are worked out one word ahead of the adds, inline in the same instruction set:
// the loop that remains is a load of the key, a load of the increment and an add to memory per
// row, and it runs about 10% faster than calling sum_increments per word (bench/README.md).
// Lanes may repeat (two copies of the sums used in turn are lanes {a, b, a, b}).
template <typename K, typename F>
void add_packed_words(const K* keys, const F* stored, size_t words, int64_t base, int count_shift,
                      uint64_t* const lanes[4]);

// How many rows may be summed into the packed words before they must be emptied: few enough
// that the count (above bit count_shift) and the sum of figures up to `largest` each (below it)
// cannot overflow. A multiple of 64 (whole words of a selection), at least 64 while largest is
// under 2^(count_shift - 6). Emptying costs a pass over every group, so it is done this rarely:
// every 65,536 rows for figures just under 2^24, once per 16.7M rows for figures under 65,536.
uint64_t rows_between_emptyings(int count_shift, int64_t largest);

namespace detail {
// Each variant, for tests that compare them on CPUs that have them.
template <typename F>
void sum_increments_with(Isa isa, const F* stored, int64_t base, int count_shift, uint64_t* out);
template <typename K, typename F>
void add_packed_words_with(Isa isa, const K* keys, const F* stored, size_t words, int64_t base,
                           int count_shift, uint64_t* const lanes[4]);
}  // namespace detail

}  // namespace sitrep::query::kernels
