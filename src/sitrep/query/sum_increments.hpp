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

namespace detail {
// Each variant, for tests that compare them on CPUs that have them.
template <typename F>
void sum_increments_with(Isa isa, const F* stored, int64_t base, int count_shift, uint64_t* out);
}  // namespace detail

}  // namespace sitrep::query::kernels
