// Lists of names kept in one text field, "; "-joined: the claimants and deniers of an event,
// an incident's candidate perpetrators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::model {

template <typename Names>
std::string join_name_list(const Names& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += "; ";
    out += name;
  }
  return out;
}

// The names of a "; "-joined list, empty pieces left out.
inline std::vector<std::string> split_name_list(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("; ", start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

}  // namespace sitrep::model
