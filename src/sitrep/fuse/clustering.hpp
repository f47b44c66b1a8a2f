// From scored pairs to incidents: which records end up together.
//
// Merges go best score first (ties by record order, so a run is deterministic). Two groups are
// merged only when every record of one is compatible with every record of the other (match.hpp),
// their pairs score at least merge_score on average,
// none shares an exclusive key with the other (two rows of one dataset, two mentions of one
// report), and no analyst decision keeps two of them apart: a chain of good pairs never joins
// two records that contradict each other. Groups start from the incidents already stored (an
// incremental run adds to them) and from the analyst's "together" decisions, which hold even
// against the rules.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "sitrep/fuse/candidates.hpp"
#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/fuse/fusion_rules.hpp"
#include "sitrep/fuse/match.hpp"

namespace sitrep::fuse {

// An analyst's decisions, as pairs of record indices.
struct Decisions {
  std::vector<std::pair<uint32_t, uint32_t>> together, apart;
};

// A pair that joined two groups in this run, and why: its probability and the evidence of
// each part (match.hpp).
struct Link {
  uint32_t a = 0, b = 0;
  double score = 0;
  MatchParts parts;
};

struct Clusters {
  std::vector<uint32_t> group;  // per record: the index of its group's first record
  std::vector<Link> links;      // in the order they were made
  size_t pairs_compared = 0;
  size_t merges_refused = 0;  // good pairs whose groups contradict each other somewhere
};

// `existing` gives each record's stored incident (0 for a record in none): records of one
// incident start as one group.
Clusters cluster_records(const std::vector<FusionRecord>& records,
                         const std::vector<int64_t>& existing,
                         const std::vector<CandidatePair>& pairs, const Decisions& decisions,
                         const FusionRules& rules);

}  // namespace sitrep::fuse
