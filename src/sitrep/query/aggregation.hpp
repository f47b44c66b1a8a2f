// Group-by and measures over a selection of the columnar index: `sitrep query --by --measure`.
//
// Keys: day, week (starting Monday, labelled by that Monday), month, year; country, admin1
// (within its country), admin2 (within its admin1), location (a place: country, admin1, admin2,
// location); actor (actor1, the side that acted), actor2; type, subtype, target, weapon,
// claimed (the claim status), dataset. Measures: count, fatalities (sum of the best estimates;
// not given counts 0), events_with_fatalities (best estimate above 0), distinct_places (distinct
// locations with a name).
//
// Rows are processed in chunks of 2,048: each key adds its component to the chunk's group
// numbers in one tight loop per column width, then each measure accumulates into dense arrays
// (or a hash table when the key space is too large), one set per core, merged at the end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/query/event_index.hpp"
#include "sitrep/query/incident_units.hpp"
#include "sitrep/query/selection.hpp"
#include "sitrep/result.hpp"

namespace sitrep::query {

enum class GroupKey {
  day,
  week,
  month,
  year,
  country,
  admin1,
  admin2,
  location,
  actor,
  actor2,
  type,
  subtype,
  target,
  weapon,
  claimed,
  dataset,
};
enum class Measure { count, fatalities, events_with_fatalities, distinct_places };

Result<GroupKey> parse_group_key(std::string_view name);
Result<Measure> parse_measure(std::string_view name);
std::string_view to_string(Measure measure);
bool is_time_key(GroupKey key);
// The output columns a key fills: admin1 is ["country", "admin1"], and so on.
std::vector<std::string> key_columns(GroupKey key);
// Every key and measure name, for --help and errors.
std::string group_key_names();
std::string measure_names();

struct Group {
  std::vector<std::string> labels;  // one per key column; "" when the field was not given
  std::vector<int64_t> values;      // one per measure
  uint64_t order = 0;               // the composite key: sorts groups by their keys
};

struct Grouping {
  std::vector<GroupKey> keys;
  std::vector<Measure> measures;
  std::vector<Group> groups;  // in key order
};

// With `corrections`, the selected rows among them count the corrected fatality figure (an
// incident's, on its first row: incident_units.hpp).
Grouping aggregate(const EventIndex& index, const Selection& selection,
                   const std::vector<GroupKey>& keys, const std::vector<Measure>& measures,
                   const std::vector<FatalityCorrection>* corrections = nullptr);

// Events per actor in either main role (an event counts once per actor), largest first.
std::vector<std::pair<std::string, int64_t>> count_by_any_actor(const EventIndex& index,
                                                                const Selection& selection,
                                                                size_t limit);

}  // namespace sitrep::query
