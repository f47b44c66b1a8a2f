// Reading events back from the store's `events` rows into a Part (the plain columns an index is
// packed from): what a rebuild of the index does where no column chunk holds the events, and
// what rewriting a chunk whose events changed does. Nothing outside the query module includes
// it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <vector>

#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/query/event_index.hpp"
#include "sitrep/result.hpp"

namespace sitrep::query::detail {

// Ids [first, end) of events to read from their rows.
struct IdRange {
  int64_t first = 0;
  int64_t end = 0;
};

// Appends the events of `ranges` (ascending) to `part` in id order. `total`: the events expected
// (for reserving and for `progress`, which may be empty).
Status read_rows(sqlite3* db, const std::vector<IdRange>& ranges, Part& part, int64_t total,
                 const BuildProgress& progress);

}  // namespace sitrep::query::detail
