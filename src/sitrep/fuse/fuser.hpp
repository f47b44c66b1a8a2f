// Fusing the store's records into incidents: what `sitrep fuse` runs.
//
// A run is incremental. Records newer than the last run's high-water marks, and events that a
// later import revised, are "fresh"; the run reads the records whose dates meet the fresh ones'
// (with the slack of the rules, a window around each), starts from the incidents already stored
// among them, and compares each fresh record with everything near it — nothing else is
// compared again. Fresh records join existing incidents, form new ones, or stay on their own (a
// record in no incident is an incident of one); a revised event first leaves its incident.
// Otherwise an existing incident is never split by a run, and two are merged only when a fresh
// record joins both and every member of one is compatible with every member of the other. An
// analyst's decisions (records kept together or apart: `sitrep incident merge|split`) hold in every
// run, from scratch too. The run is one transaction, and deterministic: the same store gives the
// same incidents.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/fuse/clustering.hpp"
#include "sitrep/fuse/fusion_rules.hpp"
#include "sitrep/fuse/incident.hpp"
#include "sitrep/fuse/rare_words.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::fuse {

struct FuseOptions {
  bool from_scratch = false;  // forget every stored incident first (decisions stay)
  std::function<void(std::string_view step)> progress;
};

struct FuseSummary {
  int64_t records = 0;           // read and considered
  int64_t fresh = 0;             // new since the last run
  int64_t undated_mentions = 0;  // not fusable
  size_t pairs_compared = 0, links = 0, merges_refused = 0;
  int64_t incidents_created = 0, incidents_grown = 0, incidents_merged = 0, incidents_removed = 0;
  int64_t incidents_total = 0;
  std::vector<std::pair<std::string, double>> seconds;  // per step
};

Result<FuseSummary> fuse_store(store::SqliteStore& store, const FusionRules& rules,
                               const WordFilter& words, const FuseOptions& options = {});

// Readies records read together for comparing: rare words kept and weighed among them, area
// keys set, publication-dated records widened. Every path that compares records calls it.
void prepare_records(std::vector<FusionRecord>& records, const FusionRules& rules);

// Fusion of records held in memory (evaluation, benchmarks): rare words kept, candidates
// blocked, records clustered, with no stored incidents and no decisions.
Clusters fuse_records(std::vector<FusionRecord>& records, const FusionRules& rules);

}  // namespace sitrep::fuse
