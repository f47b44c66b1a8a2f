#include "sitrep/analyze/target_groups.hpp"

#include <map>

namespace sitrep::analyze {

int target_group(std::string_view target) {
  static const std::map<std::string_view, int> groups = {
      {"civilians", 0},      {"minorities", 0},      {"religious", 0},   {"education", 0},
      {"journalists", 0},    {"aid-workers", 0},     {"business", 0},    {"transport", 0},
      {"infrastructure", 0}, {"security-forces", 1}, {"military", 1},    {"police", 1},
      {"government", 2},     {"diplomatic", 2},      {"armed-groups", 3}};
  auto it = groups.find(target);
  return it == groups.end() ? -1 : it->second;
}

}  // namespace sitrep::analyze
