// A test of one packed column, evaluated 64 rows at a time: the building block of fused
// conjunctions. A filter's categorical and numeric terms become ColumnTests and run block by
// block over the rows (a block of words per test, so that each kernel loop stays tight), each
// word tested only while it still has candidates.
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

  // ANDs the test (or, when negated, its complement) into `live[w - first]` for the words
  // w in [begin, end) that still have a candidate. One dispatch on the column's width per call;
  // the loop over words inside is the kernel's.
  void apply(size_t begin, size_t end, uint64_t* live, size_t first) const {
    column->visit([&](const auto* v) {
      using T = std::remove_cvref_t<decltype(*v)>;
      if (!ranges.empty()) {
        run(begin, end, live, first, v, [&](const T* values, size_t w) -> uint64_t {
          if (!zone_max.empty() && zone_max[w * 64 / zone_rows] < zone_below) return 0;
          uint64_t bits = 0;
          for (auto [lo, hi] : ranges) bits |= kernels::in_range(values, lo, hi - lo);
          return bits;
        });
      } else if (!lut.empty()) {
        const uint8_t* table = lut.data();
        run(begin, end, live, first, v,
            [table](const T* values, size_t) { return kernels::in_table(values, table); });
      } else {
        kernels::CodeMatcher<T> matcher(codes.data(), static_cast<int>(codes.size()));
        run(begin, end, live, first, v,
            [&matcher](const T* values, size_t) { return matcher.match(values); });
      }
    });
  }

 private:
  template <typename T, typename Match>
  void run(size_t begin, size_t end, uint64_t* live, size_t first, const T* v, Match match) const {
    const size_t full_words = column->size / 64;
    for (size_t w = begin; w < end; ++w) {
      uint64_t m = live[w - first];
      if (m == 0) continue;
      uint64_t bits;
      if (w < full_words) {
        bits = match(v + w * 64, w);
      } else {  // the last, partial word: pad with zeros, mask after
        alignas(16) T tail[64] = {};
        std::copy(v + w * 64, v + column->size, tail);
        bits = match(tail, w) & ((uint64_t{1} << (column->size - w * 64)) - 1);
      }
      live[w - first] = m & (negated ? ~bits : bits);
    }
  }
};

}  // namespace sitrep::query
