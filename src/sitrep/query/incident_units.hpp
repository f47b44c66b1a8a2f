// Counting incidents instead of records (`--unit incidents`, the default once `sitrep fuse` has
// run; docs/fusion.md).
//
// An incident of several dataset events counts once, through its first event (the lowest id),
// which carries the incident's canonical fatalities; its other events are folded into it and
// left out. Events in no incident count as incidents of their own. Events read from text are not
// in the index, so an incident they alone tell is not counted here.
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
  std::vector<uint32_t> folded;                // rows left out, ascending
  std::vector<FatalityCorrection> fatalities;  // the first rows whose figure changes
  int64_t incidents = 0;                       // incidents with an event in the index

  // The store's incidents over this index (nothing when fusion has not run).
  static Result<IncidentUnits> load(store::SqliteStore& store, const EventIndex& index);

  // Leaves the folded rows out of `rows`.
  void fold(Selection& rows) const;
};

}  // namespace sitrep::query
