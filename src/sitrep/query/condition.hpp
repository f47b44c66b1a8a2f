// What each filter term means, independent of where it is evaluated.
//
// resolve_filter() checks a parsed filter against the vocabulary (unknown countries, taxonomy
// codes, bad dates and counts are errors naming the column) and turns each term into a
// Condition: the values already expanded (actor hierarchy, taxonomy descendants, claim
// statuses), dates as inclusive day ranges, counts as inclusive ranges. Both engines read
// Conditions: the SQL translation (the reference) and the columnar index (the fast path), so the
// two cannot disagree on what a term means, only on how it is computed.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/model/date.hpp"
#include "sitrep/model/vocabulary.hpp"
#include "sitrep/query/filter.hpp"
#include "sitrep/result.hpp"

namespace sitrep::query {

struct Condition {
  enum class Kind {
    words,       // `strings[0]` is an FTS5 phrase over the notes
    actor,       // any of `strings` (canonical names) in the roles of `actor_roles`
    equals_any,  // `column` equals one of `strings`, ignoring ASCII case (SQLite NOCASE)
    country,     // country is one of `strings` (ISO2, exact)
    date,        // date_start within one of `days`
    fatalities,  // fatalities_best within one of `counts`
    near,        // within `radius_km` of (`latitude`, `longitude`)
    event_id,    // the sitrep id is one of `ids`
  };
  Kind kind = Kind::words;
  bool negated = false;
  size_t term_index = 0;
  std::string column;  // equals_any: the events column (admin1, event_type, claim, ...)
  std::vector<std::string> strings;
  int actor_roles = 3;  // bit 1: actor1 and assoc_actors1; bit 2: actor2 and assoc_actors2
  std::vector<std::pair<model::Day, model::Day>> days;  // inclusive; open ends are INT32_MIN/MAX
  std::vector<std::pair<int64_t, int64_t>> counts;      // inclusive
  double latitude = 0, longitude = 0, radius_km = 0;
  std::vector<int64_t> ids;
};

inline constexpr model::Day kOpenStart = INT32_MIN;
inline constexpr model::Day kOpenEnd = INT32_MAX;

// Every term, in order; all must hold (a negated one must not).
Result<std::vector<Condition>> resolve_filter(const Filter& filter,
                                              const model::Vocabulary& vocabulary);

}  // namespace sitrep::query
