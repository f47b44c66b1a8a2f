// Areas at three levels — a country, a province (admin1) in it, a district (admin2) in that — as
// keys for tallies of where a subject has been.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "sitrep/analyze/record.hpp"

namespace sitrep::analyze {

enum class AreaLevel : uint8_t { country, admin1, admin2 };
inline constexpr size_t kAreaLevels = 3;

// The names down to a level (the finer ones empty).
struct AreaKey {
  std::string_view country, admin1, admin2;
  bool operator==(const AreaKey&) const = default;
};

struct AreaHash {
  size_t operator()(const AreaKey& k) const {
    std::hash<std::string_view> h;
    return h(k.country) ^ (h(k.admin1) * 0x9e3779b97f4a7c15ULL) ^
           (h(k.admin2) * 0xc2b2ae3d27d4eb4fULL);
  }
};

// The record's area at `level`; false when the record does not name it.
inline bool area_key(const Record& r, AreaLevel level, AreaKey& key) {
  if (r.country.empty()) return false;
  switch (level) {
    case AreaLevel::country:
      key = {r.country, {}, {}};
      return true;
    case AreaLevel::admin1:
      key = {r.country, r.admin1, {}};
      return !r.admin1.empty();
    case AreaLevel::admin2:
      key = {r.country, r.admin1, r.admin2};
      return !r.admin2.empty();
  }
  return false;
}

// The last day a subject had an event in each area, per level.
using LastSeen = std::array<std::unordered_map<AreaKey, model::Day, AreaHash>, kAreaLevels>;

}  // namespace sitrep::analyze
