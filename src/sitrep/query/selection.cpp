#include "sitrep/query/selection.hpp"

#include <algorithm>

namespace sitrep::query {

Selection::Selection(size_t rows, bool all) : Selection(rows, all, 0, (rows + 63) / 64) {}

Selection::Selection(size_t rows, bool all, size_t first_word, size_t end_word) : rows_(rows) {
  end_word = std::min(end_word, (rows + 63) / 64);
  first_word_ = std::min(first_word, end_word);
  words_.assign(end_word - first_word_, all ? ~uint64_t{0} : 0);
  clear_tail();
}

Selection Selection::of_range(size_t rows, size_t begin, size_t end) {
  end = std::min(end, rows);
  begin = std::min(begin, end);
  Selection s(rows, true, begin / 64, (end + 63) / 64);
  if (s.words_.empty()) return s;
  s.words_.front() &= ~uint64_t{0} << (begin & 63);
  if (end % 64 != 0) s.words_.back() &= (uint64_t{1} << (end % 64)) - 1;
  return s;
}

void Selection::clear_tail() {
  if (rows_ % 64 != 0 && !words_.empty() && end_word() == (rows_ + 63) / 64) {
    words_.back() &= (uint64_t{1} << (rows_ % 64)) - 1;
  }
}

void Selection::set_range(size_t begin, size_t end) {
  begin = std::max(begin, first_word_ * 64);
  end = std::min({end, rows_, end_word() * 64});
  if (begin >= end) return;
  size_t first = (begin >> 6) - first_word_, last = ((end - 1) >> 6) - first_word_;
  uint64_t head = ~uint64_t{0} << (begin & 63);
  uint64_t tail = ~uint64_t{0} >> (63 - ((end - 1) & 63));
  if (first == last) {
    words_[first] |= head & tail;
    return;
  }
  words_[first] |= head;
  for (size_t w = first + 1; w < last; ++w) words_[w] = ~uint64_t{0};
  words_[last] |= tail;
}

Selection& Selection::operator&=(const Selection& other) {
  for (size_t w = 0; w < words_.size(); ++w) words_[w] &= other.words_[w];
  return *this;
}

void Selection::flip() {
  for (uint64_t& w : words_) w = ~w;
  clear_tail();
}

size_t Selection::count() const {
  size_t n = 0;
  for (uint64_t w : words_) n += static_cast<size_t>(std::popcount(w));
  return n;
}

bool Selection::has_at_least(size_t n) const {
  size_t seen = 0;
  for (uint64_t w : words_) {
    if (seen >= n) return true;
    seen += static_cast<size_t>(std::popcount(w));
  }
  return seen >= n;
}

size_t Selection::count(size_t begin, size_t end) const {
  begin = std::max(begin, first_word_ * 64);
  end = std::min({end, rows_, end_word() * 64});
  if (begin >= end) return 0;
  size_t first = (begin >> 6) - first_word_, last = ((end - 1) >> 6) - first_word_;
  uint64_t head = ~uint64_t{0} << (begin & 63);
  uint64_t tail = ~uint64_t{0} >> (63 - ((end - 1) & 63));
  if (first == last) return static_cast<size_t>(std::popcount(words_[first] & head & tail));
  size_t n = static_cast<size_t>(std::popcount(words_[first] & head)) +
             static_cast<size_t>(std::popcount(words_[last] & tail));
  for (size_t w = first + 1; w < last; ++w) n += static_cast<size_t>(std::popcount(words_[w]));
  return n;
}

bool Selection::bounds(size_t& first, size_t& last) const {
  size_t w = 0;
  while (w < words_.size() && words_[w] == 0) ++w;
  if (w == words_.size()) return false;
  first = ((w + first_word_) << 6) + static_cast<size_t>(std::countr_zero(words_[w]));
  size_t v = words_.size() - 1;
  while (words_[v] == 0) --v;
  last = ((v + first_word_) << 6) + 63 - static_cast<size_t>(std::countl_zero(words_[v]));
  return true;
}

}  // namespace sitrep::query
