// An analyst's corrections of fusion: taking records out of an incident, and making incidents
// and records one. Each is written at once (in the caller's transaction) and recorded as
// decisions — records kept apart, records kept together — that every later run of fusion
// respects (fuser.hpp), from scratch too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/fuse/incident_store.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::fuse {

struct SplitOutcome {
  int64_t kept = 0;  // the incident, or 0 when one record was left (it stands alone)
  int64_t made = 0;  // the incident of the records taken out, or 0 for a single record
  size_t kept_records = 0;
};

// Takes `taken` (records of the incident, not all of them) out of incident `id`.
Result<SplitOutcome> split_incident(store::SqliteStore& store, IncidentStore& incidents, int64_t id,
                                    const std::vector<RecordRef>& taken, const std::string& note);

// An incident (id) or a record (in an incident or on its own) to merge.
struct MergeItem {
  int64_t incident = 0;
  RecordRef record;  // when incident is 0
};

struct MergeOutcome {
  int64_t incident = 0;
  size_t records = 0;
};

// Makes the items one incident, keeping the smallest incident id among them.
Result<MergeOutcome> merge_items(store::SqliteStore& store, IncidentStore& incidents,
                                 const std::vector<MergeItem>& items, const std::string& note);

// Recomputes an incident from these records and writes it; with fewer than two it is no
// incident any more and is removed. Returns its id (0 when removed or never written).
Result<int64_t> rewrite_incident(store::SqliteStore& store, IncidentStore& incidents, int64_t id,
                                 const std::vector<RecordRef>& members);

}  // namespace sitrep::fuse
