// Scoring fusion against a labelled set: each record carries the incident it tells (gold), and
// fusion puts it in a group (predicted).
//
// Pairwise: a pair of records is positive when both are in one incident; precision, recall and
// F1 over pairs. B-cubed: per record, the share of its predicted group that is in its gold
// incident (precision) and the share of its gold incident that is in its predicted group
// (recall), averaged over records. False merges are reported on their own — a record merged into
// another incident hides an attack, which is worse than a duplicate left standing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/result.hpp"

namespace sitrep::fuse {

struct LabelledRecord {
  FusionRecord record;
  std::string incident;
  // Other incidents the record may rightly join (a headline several dataset events cite: it
  // can be one of them, whichever). Empty for most records.
  std::vector<std::string> alternatives;
};

// The labels to score against: a record with alternatives takes the one that another record of
// its predicted group has, if any, else its own.
std::vector<std::string> resolve_labels(const std::vector<LabelledRecord>& set,
                                        const std::vector<uint32_t>& group);

// Reads a labelled set: one JSON object per line (see docs/fusion.md for the fields).
Result<std::vector<LabelledRecord>> read_labelled_records(const std::string& path);
std::string labelled_record_json(const LabelledRecord& record);

struct FusionScores {
  int64_t records = 0, gold_incidents = 0, predicted_incidents = 0;
  int64_t gold_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  double precision = 0, recall = 0, f1 = 0;
  double bcubed_precision = 0, bcubed_recall = 0, bcubed_f1 = 0;
  int64_t false_merge_pairs = 0;  // predicted pairs of two incidents
  int64_t incidents_hidden = 0;   // gold incidents folded into a group led by another incident
  int64_t missed_pairs = 0;       // gold pairs left apart
};

// `group` gives each record's predicted group (any number naming it).
FusionScores score_fusion(const std::vector<std::string>& gold, const std::vector<uint32_t>& group);

}  // namespace sitrep::fuse
