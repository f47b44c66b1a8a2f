// Counting incidents instead of records (`--unit incidents`, the default once `sitrep fuse` has
// run; docs/fusion.md).
//
// An incident of several dataset events counts once. A filter selects it when it selects any of
// its events; it then counts through the first of them the filter selected (the lowest id), so
// its keys (actor, place, type) are those of an event that matched, and that row carries the
// incident's canonical fatalities. Events in no incident count as incidents of their own.
// Events read from text are not in the index, so an incident they alone tell is not counted
// here.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "sitrep/query/event_index.hpp"
#include "sitrep/query/selection.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::query {

struct FatalityCorrection {
  uint32_t row = 0;
  int64_t delta = 0;  // the incident's best figure minus the row's own
};

struct IncidentUnits {
  // Every member row of every incident, incident after incident, each incident's rows in the
  // order of their event ids: incident i has rows[starts[i]] to rows[starts[i + 1]] (exclusive).
  std::vector<uint32_t> rows;
  std::vector<uint32_t> starts;
  // For every member row whose figure is not its incident's: counted, it counts the incident's.
  std::vector<FatalityCorrection> fatalities;
  int64_t incidents = 0;  // incidents with an event in the index
  int64_t folded = 0;     // events beyond the first of their incident

  // The store's incidents over this index (nothing when fusion has not run).
  static Result<IncidentUnits> load(store::SqliteStore& store, const EventIndex& index);

  // Keeps one selected row of each incident the selection reaches: its first selected member.
  void fold(Selection& selected) const;
};

}  // namespace sitrep::query
