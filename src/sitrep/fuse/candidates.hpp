// Blocking: the pairs of records worth comparing, without comparing every pair.
//
// Records are swept in date order. A record stays "open" until the sweep passes its last day
// plus max_days_apart, so a month-precision report is compared with every record of its month
// and a day-precision one with the records of its neighbouring days. Among open records, only
// those of the same country (or of an unknown country) and of a near enough place are paired:
// two points within point_km of latitude, or records whose provinces are the same or not
// given. Whether a pair really is compatible is match()'s business (match.hpp); blocking only
// never leaves out a pair match() could merge.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/fuse/fusion_rules.hpp"

namespace sitrep::fuse {

struct CandidatePair {
  uint32_t a = 0, b = 0;  // indices into the records, a < b
};

// Two indices as one sortable key: the lower above the higher, whichever way round they come.
inline uint64_t pair_key(uint32_t x, uint32_t y) {
  return (uint64_t{std::min(x, y)} << 32) | std::max(x, y);
}

// Widens the date of each record dated only by its report's publication to the
// publication_lag_days before it: it meets any day of them (match.cpp counts the publication
// day and the day before as the same day). Run before blocking.
void widen_publication_dates(std::vector<FusionRecord>& records, const FusionRules& rules);

// The candidate pairs among `records`; with `fresh` given (one flag per record), only pairs with
// at least one fresh record (an incremental run compares new records with everything, and
// nothing else). Pairs come in ascending (a, b) order.
std::vector<CandidatePair> candidate_pairs(const std::vector<FusionRecord>& records,
                                           const FusionRules& rules,
                                           const std::vector<bool>* fresh = nullptr);

}  // namespace sitrep::fuse
