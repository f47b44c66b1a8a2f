// A stable least-significant-digit radix sort over 16-bit digits, for the millions of keys
// fusion puts in order (candidate pairs, good pairs best first): linear time where std::sort
// takes n log n comparisons.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace sitrep::fuse {

// Sorts `items` stably by the 16-bit digits (key(item) >> shift) & 0xFFFF, one pass per shift,
// the least significant digit's shift first. A digit that is the same in every item is skipped.
template <typename T, typename Key>
void radix_sort_by_digits(std::vector<T>& items, const std::vector<int>& shifts, Key key) {
  std::vector<T> buffer(items.size());
  std::vector<size_t> count(size_t{1} << 16);
  auto digit = [&](const T& item, int shift) {
    return static_cast<size_t>((key(item) >> shift) & 0xFFFF);
  };
  for (int shift : shifts) {
    std::fill(count.begin(), count.end(), 0);
    for (const T& item : items) ++count[digit(item, shift)];
    if (!items.empty() && count[digit(items[0], shift)] == items.size()) continue;
    size_t total = 0;
    for (size_t& c : count) total += std::exchange(c, total);
    for (const T& item : items) buffer[count[digit(item, shift)]++] = item;
    items.swap(buffer);
  }
}

}  // namespace sitrep::fuse
