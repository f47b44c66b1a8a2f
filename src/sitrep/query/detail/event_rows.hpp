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

// Adds `id` to `runs`: it extends the last range when it follows it, else starts a new one. Ids
// added in ascending order give their runs of consecutive ids.
inline void add_to_runs(std::vector<IdRange>& runs, int64_t id) {
  if (runs.empty() || runs.back().end != id) {
    runs.push_back({id, id + 1});
  } else {
    ++runs.back().end;
  }
}

// Appends the events of `ranges` (ascending) to `part` in id order. `total`: the events expected
// (for reserving and for `progress`, which may be empty).
Status read_rows(sqlite3* db, const std::vector<IdRange>& ranges, Part& part, int64_t total,
                 const BuildProgress& progress);

}  // namespace sitrep::query::detail
