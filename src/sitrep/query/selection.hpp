// A set of index rows as a bitmap: one bit per event, 64 rows to a word.
//
// Filters produce selections term by term and combine them with word-wide AND, OR and NOT;
// aggregations and listings walk the set bits in row (that is, date) order. 10M events take
// 1.25 MB, so a selection is cheap to build, combine and throw away.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sitrep::query {

class Selection {
 public:
  Selection() = default;
  // `rows` rows, all selected or none.
  Selection(size_t rows, bool all);

  size_t rows() const { return rows_; }
  size_t word_count() const { return words_.size(); }
  uint64_t* words() { return words_.data(); }
  const uint64_t* words() const { return words_.data(); }

  bool test(size_t row) const { return (words_[row >> 6] >> (row & 63)) & 1; }
  void set(size_t row) { words_[row >> 6] |= uint64_t{1} << (row & 63); }
  // Selects rows [begin, end).
  void set_range(size_t begin, size_t end);
  // Keeps only rows [begin, end).
  void keep_range(size_t begin, size_t end);

  Selection& operator&=(const Selection& other);
  Selection& operator|=(const Selection& other);
  // Complements within the rows (the bits past the last row stay clear).
  void flip();

  size_t count() const;
  bool empty() const { return count() == 0; }

  // Calls f(row) for each selected row in ascending order; walks whole words of 64 without
  // testing bits, the common case for broad filters.
  template <typename F>
  void for_each(F&& f, size_t word_begin = 0, size_t word_end = SIZE_MAX) const {
    if (word_end > words_.size()) word_end = words_.size();
    for (size_t w = word_begin; w < word_end; ++w) {
      uint64_t bits = words_[w];
      size_t base = w << 6;
      if (bits == ~uint64_t{0}) {
        for (size_t r = base; r < base + 64; ++r) f(r);
        continue;
      }
      while (bits) {
        f(base + static_cast<size_t>(std::countr_zero(bits)));
        bits &= bits - 1;
      }
    }
  }

  // The first and last selected rows; false when none is.
  bool bounds(size_t& first, size_t& last) const;

 private:
  void clear_tail();

  size_t rows_ = 0;
  std::vector<uint64_t> words_;
};

}  // namespace sitrep::query
