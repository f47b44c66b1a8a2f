// A set of index rows as a bitmap: one bit per event, 64 rows to a word.
//
// Filters produce selections term by term and combine them with word-wide AND, OR and NOT;
// aggregations and listings walk the set bits in row (that is, date) order. A selection holds
// only the words of its span, rows [64 * first_word, 64 * end_word): a date window over a long
// history costs the window's words, not the whole table's (10M events take 1.25 MB).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sitrep::query {

class Selection {
 public:
  Selection() = default;
  // A table of `rows` rows, all selected or none; the span covers every row.
  Selection(size_t rows, bool all);
  // Rows outside [64 * first_word, 64 * end_word) are never selected.
  Selection(size_t rows, bool all, size_t first_word, size_t end_word);
  // Rows [begin, end) selected, in a span of the words that hold them: one pass over the words.
  static Selection of_range(size_t rows, size_t begin, size_t end);

  size_t rows() const { return rows_; }
  size_t first_word() const { return first_word_; }
  size_t end_word() const { return first_word_ + words_.size(); }
  // The span's words: data()[w - first_word()] holds rows 64w .. 64w + 63.
  uint64_t* data() { return words_.data(); }
  const uint64_t* data() const { return words_.data(); }

  bool test(size_t row) const {
    size_t w = row >> 6;
    return w >= first_word_ && w < end_word() && ((words_[w - first_word_] >> (row & 63)) & 1);
  }
  // `row` must lie in the span.
  void set(size_t row) { words_[(row >> 6) - first_word_] |= uint64_t{1} << (row & 63); }
  // Leaves `row` out (nothing to do outside the span).
  void reset(size_t row) {
    size_t w = row >> 6;
    if (w >= first_word_ && w < end_word()) words_[w - first_word_] &= ~(uint64_t{1} << (row & 63));
  }
  // Selects rows [begin, end).
  void set_range(size_t begin, size_t end);

  // Both selections must have the same span.
  Selection& operator&=(const Selection& other);
  // Complements within the span (the bits past the last row stay clear).
  void flip();

  size_t count() const;
  // Selected rows in [begin, end).
  size_t count(size_t begin, size_t end) const;
  // Whether at least n rows are selected: stops counting there, so a broad selection answers
  // after its first words.
  bool has_at_least(size_t n) const;
  bool empty() const { return !has_at_least(1); }

  // Calls f(row) for each selected row in ascending order; walks whole words of 64 without
  // testing bits, the common case for broad filters.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t w = first_word_; w < end_word(); ++w) {
      uint64_t bits = words_[w - first_word_];
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
  size_t first_word_ = 0;
  std::vector<uint64_t> words_;
};

}  // namespace sitrep::query
