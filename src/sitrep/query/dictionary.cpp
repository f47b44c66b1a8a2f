#include "sitrep/query/dictionary.hpp"

#include <algorithm>

namespace sitrep::query {

bool equals_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

uint32_t Dictionary::find(std::string_view value) const {
  uint32_t lo = 1, hi = size();
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (at(mid) < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < size() && at(lo) == value ? lo : 0;
}

std::vector<uint32_t> Dictionary::find_nocase(std::string_view value) const {
  std::vector<uint32_t> codes;
  for (uint32_t code = 1; code < size(); ++code) {
    if (equals_nocase(at(code), value)) codes.push_back(code);
  }
  return codes;
}

void Dictionary::encode(const std::vector<std::string>& values, std::vector<uint32_t>& offsets,
                        std::string& text) {
  offsets.clear();
  text.clear();
  offsets.push_back(0);
  for (const std::string& v : values) {
    text += v;
    offsets.push_back(static_cast<uint32_t>(text.size()));
  }
}

}  // namespace sitrep::query
