// The events of a subject's organisation, branch by branch, as campaigns (campaigns.cpp) read
// them: each branch's events per day over the baseline and the window and its countries, and
// the window's events themselves for evidence.
//
// A tally, not a list: a large organisation has hundreds of thousands of events in a year.
// `load_family_tally` (record_loader.hpp) counts them from the index; `family_tally_of` from
// records, for tests and synthetic worlds.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sitrep/analyze/period.hpp"
#include "sitrep/analyze/record.hpp"

namespace sitrep::analyze {

struct BranchTally {
  std::string name;
  std::map<std::string, size_t, std::less<>> countries;  // events per country
  std::vector<int64_t> daily;                            // events per day over the span
};

struct FamilyTally {
  Period span;  // the baseline's first day to the window's last
  std::vector<BranchTally> branches;
  // The window's events of every branch (actor_branch set), for the evidence of a campaign.
  RecordSet window_records;
};

// The tally of `family`'s records with an actor_branch, over `span`; those inside `window` are
// copied (their strings view `family`'s, which must outlive the tally).
FamilyTally family_tally_of(const RecordSet& family, const Period& span, const Period& window);

}  // namespace sitrep::analyze
