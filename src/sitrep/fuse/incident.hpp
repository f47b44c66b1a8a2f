// An incident: the records that report one real-world event, and the canonical fields derived
// from them. The rules (docs/fusion.md says the same for analysts):
//
// - date: among the day-precision records, the earliest day that is well supported (given by
//   a dataset or by two independent sources; reports dated by their publication day run late),
//   else the earliest day; with no day-precision record, the narrowest span. The spread is the
//   days between the earliest and latest day-precision dates.
// - place: the most precise place the records give; among records of that precision, the
//   place most of them give, a dataset's first.
// - event type and target: what most records say, a dataset's first on a tie.
// - perpetrator: the one named perpetrator, "disputed" with the candidates when records name
//   different ones (possible only through an analyst's merge), else the catch-all or nothing.
// - fatalities: one figure per independent source (its most confident record); low is the
//   smallest low of the credible sources (confidence at least 0.5), high the largest high of
//   all, best the median of the sources' best figures (a report's best is its lowest figure:
//   "at least 31" is 31).
// - claim: claimed when any source reports a claim, denied when any reports a denial, disputed
//   when both; else unclaimed when a source says nobody claimed it; with who claimed and who
//   denied, from every source.
// - sources: the distinct independent sources; confidence: 1 - Π(1 - c) over them (c the most
//   confident record of each source), at most 0.99.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/fuse/fusion_record.hpp"

namespace sitrep::fuse {

inline constexpr std::string_view kDisputedPerpetrator = "disputed";

struct Incident {
  int64_t id = 0;  // 0 until stored
  std::vector<RecordRef> members;
  model::DateSpan date;
  int date_spread_days = 0;
  std::string country, admin1, admin2, location;
  std::optional<double> latitude, longitude;
  PlacePrecision place_precision = PlacePrecision::unknown;
  std::string event_type, target;
  std::string perpetrator;
  std::vector<std::string> perpetrator_candidates;  // when disputed
  std::optional<int> fatalities_low, fatalities_best, fatalities_high;
  model::ClaimStatus claim = model::ClaimStatus::unknown;
  std::string claimed_by, denied_by;  // "; "-joined, sorted, distinct
  int sources = 0;
  double confidence = 0;
};

// The incident made of these records (at least one).
Incident summarize(const std::vector<const FusionRecord*>& members);

}  // namespace sitrep::fuse
