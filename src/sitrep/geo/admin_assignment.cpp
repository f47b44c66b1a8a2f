#include "sitrep/geo/admin_assignment.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sitrep/geo/name_key.hpp"

namespace sitrep::geo {
namespace {

void append(std::string& list, std::string_view item, std::string_view separator) {
  if (!list.empty()) list += separator;
  list += item;
}

}  // namespace

AdminAssigner::AdminAssigner(std::shared_ptr<const Gazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)) {}

bool AdminAssigner::names(uint32_t area, const std::string& stated) {
  auto [it, inserted] = keys_.try_emplace(area);
  if (inserted) {
    for (std::string_view n : gazetteer_->names(area)) {
      NameKeys k = name_keys(n);
      it->second.push_back("f" + k.folded);
      it->second.push_back("s" + k.skeleton);
    }
  }
  // The folded key, or the consonants with the same first letter: "Hilmand" is Helmand, but
  // "Eastland" is not Westland though both are s-t-l-n-d.
  NameKeys k = name_keys(stated);
  const auto& known = it->second;
  if (std::find(known.begin(), known.end(), "f" + k.folded) != known.end()) return true;
  if (k.skeleton.empty()) return false;  // a script without a skeleton: the folded key decides
  for (size_t i = 0; i + 1 < known.size(); i += 2) {
    if (known[i + 1] == "s" + k.skeleton && known[i].size() > 1 && !k.folded.empty() &&
        known[i][1] == k.folded[0]) {
      return true;
    }
  }
  return false;
}

bool AdminAssigner::outside_every_polygon(double latitude, double longitude) const {
  return gazetteer_->locate(latitude, longitude).admin1 == kNoFeature;
}

void AdminAssigner::assign(model::Event& e) {
  // Places an earlier derivation filled (a sitrep export read back) are derived again.
  model::blank_filled_places(e, e.admin_filled);
  e.admin_filled.clear();
  e.geo_check.clear();
  if (!e.latitude || !e.longitude) return;
  const Gazetteer& g = *gazetteer_;
  double lat = *e.latitude, lon = *e.longitude;
  if (lat == 0 && lon == 0) {
    e.geo_check = "coordinates 0,0 (a missing value, not a place): no admin area assigned";
    ++counts_.flagged;
    return;
  }
  if (!(std::abs(lat) <= 90 && std::abs(lon) <= 180)) {
    e.geo_check = fmt::format("coordinates {},{} are out of range", lat, lon);
    ++counts_.flagged;
    return;
  }
  AdminAreas at = g.locate(lat, lon);
  if (at.admin1 == kNoFeature) {
    ++counts_.unplaced;
    return;
  }
  std::string_view country = g.feature(at.admin1).country_code();
  if (!e.country.empty() && e.country != country) {
    e.geo_check = fmt::format("the coordinates lie in {} ({}), not in the stated country {}",
                              g.name(at.admin1), country, e.country);
    ++counts_.flagged;
    return;
  }
  std::string filled, check;
  if (e.country.empty()) {
    e.country = std::string(country);
    append(filled, "country", ",");
  }
  bool admin1_agrees = true;
  if (e.admin1.empty()) {
    e.admin1 = std::string(g.name(at.admin1));
    append(filled, "admin1", ",");
  } else if (!names(at.admin1, e.admin1)) {
    admin1_agrees = false;
    append(check,
           fmt::format("admin1 '{}' as stated, but the coordinates lie in {}", e.admin1,
                       g.name(at.admin1)),
           "; ");
  }
  if (at.admin2 != kNoFeature) {
    if (e.admin2.empty() && admin1_agrees) {
      e.admin2 = std::string(g.name(at.admin2));
      append(filled, "admin2", ",");
    } else if (!e.admin2.empty() && admin1_agrees && !names(at.admin2, e.admin2)) {
      append(check,
             fmt::format("admin2 '{}' as stated, but the coordinates lie in {}", e.admin2,
                         g.name(at.admin2)),
             "; ");
    }
  }
  if (!filled.empty()) {
    e.admin_filled = filled;
    ++counts_.filled;
  }
  if (!check.empty()) {
    e.geo_check = check;
    ++counts_.flagged;
  }
}

}  // namespace sitrep::geo
