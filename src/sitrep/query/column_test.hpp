// A test of one packed column, evaluated 64 rows at a time: the building block of fused
// conjunctions. A filter's categorical and numeric terms become ColumnTests and run in one pass
// over the rows, word by word, each test looked at only while the word still has candidates.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "sitrep/query/packed_ints.hpp"
#include "sitrep/query/scan_kernels.hpp"

namespace sitrep::query {

struct ColumnTest {
  const PackedInts* column = nullptr;
  bool negated = false;
  // One of: codes (few: SIMD compares), lut (many: a table by code), ranges (inclusive, in
  // stored units; with a zone map of block maxima that lets whole blocks be skipped).
  std::vector<uint32_t> codes;
  std::vector<uint8_t> lut;
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  std::span<const int32_t> zone_max;  // per zone_rows rows, in value units
  int64_t zone_below = INT64_MIN;     // a block whose maximum is below this has no match
  size_t zone_rows = 1;

  // Match bits of rows 64w .. 64w + 63 (bits past the column's end are 0).
  uint64_t matches(size_t w) const {
    if (!ranges.empty() && !zone_max.empty() && zone_max[w * 64 / zone_rows] < zone_below) {
      return 0;
    }
    return column->visit([&](const auto* v) -> uint64_t {
      using T = std::remove_cvref_t<decltype(*v)>;
      size_t base = w * 64;
      const T* values = v + base;
      alignas(16) T tail[64] = {};
      bool partial = base + 64 > column->size;
      if (partial) {  // the last word: pad with zeros, mask after
        std::copy(v + base, v + column->size, tail);
        values = tail;
      }
      uint64_t bits = 0;
      if (!ranges.empty()) {
        for (auto [lo, hi] : ranges) bits |= kernels::in_range(values, lo, hi - lo);
      } else if (!lut.empty()) {
        bits = kernels::in_table(values, lut.data());
      } else {
        bits = kernels::equal_any(values, codes.data(), static_cast<int>(codes.size()));
      }
      if (partial) bits &= (uint64_t{1} << (column->size - base)) - 1;
      return bits;
    });
  }
};

}  // namespace sitrep::query
