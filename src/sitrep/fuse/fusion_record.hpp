// A record as fusion sees it: an imported dataset event or an event read from text, with how
// precisely its date and place are known — what decides which records may be one incident.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/model/date.hpp"

namespace sitrep::fuse {

// How precisely a record places its event, finest first.
enum class PlacePrecision : uint8_t { point, admin2, admin1, country, unknown };

struct FusionRecord {
  int64_t id = 0;
  bool from_text = false;  // a mention (table `mentions`), else an event (table `events`)
  model::DateSpan date;    // a month-precision record spans its month
  std::string country, admin1, admin2;
  std::optional<double> latitude, longitude;
  PlacePrecision place_precision = PlacePrecision::unknown;
  std::string event_type;   // ACLED's
  std::string perpetrator;  // canonical; empty or a catch-all when unknown
  std::string target;
  std::optional<int> fatalities_low, fatalities_high;
  std::vector<std::string> words;  // rare words and names of its text, folded, sorted, distinct
};

}  // namespace sitrep::fuse
