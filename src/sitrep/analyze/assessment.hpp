// An assessment: every finding for a subject (an actor and its branches, or any filter) in a
// window against a baseline, ranked.
//
// `assess` is a pure function of the subject's records, so it is tested on hand-built records
// and is as fast as the records are small; loading them (analyze/record_loader.hpp) is where
// the store and the index come in. The findings (one file each) are:
//   tempo.cpp        events and fatalities in the window against the baseline; change point
//   firsts.cpp       first event in a country, admin1 or admin2; re-emergence after a gap
//   cross_border.cpp attacks whose origin lies in another country; the first against each
//   target_mix.cpp   what the subject attacks, by province, and where the mix differs
//   spread.cpp       areas reached in the window and the baseline, shift of the centre
//   claims.cpp       claimed, unclaimed and denied shares against the baseline
//   high_value.cpp   officials attacked, by level, with the first at each level
//   hallmarks.cpp    unattributed events in the window that look like the subject's work
//   campaigns.cpp    bursts in which several branches of the organisation rose together
//   media.cpp        what the subject's own outlets published, by outlet and language
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/analyze/background.hpp"
#include "sitrep/analyze/earlier_history.hpp"
#include "sitrep/analyze/family_tally.hpp"
#include "sitrep/analyze/finding.hpp"
#include "sitrep/analyze/period.hpp"
#include "sitrep/analyze/record.hpp"

namespace sitrep::analyze {

struct AssessmentOptions {
  std::string subject;  // how the brief names the subject: "IS-KP", or the filter text
  Period window;
  Period baseline;
  // The days the store holds data for (its first to last event day): exposure outside it is
  // not counted, and a "first" needs data well before it.
  Period coverage;
  int reemergence_months = 12;  // a place is re-entered after at least this long without events
  int minimum_events = 5;       // fewer records than this make no statistical finding
  // Names a country by its ISO code, for statements about a country ("Uzbekistan", not "UZ");
  // unset, codes are printed as they are.
  std::function<std::string(std::string_view)> name_country;
  // What the brief counts, and calls it: "event" (every record), or "incident" after sitrep fuse
  // (the dataset rows and reports of one incident count once).
  std::string unit = "event";
  bool fused = false;  // sitrep fuse has run on the store: counting records was asked for

  // The days an actor's assessment reads event by event or summed up: from the baseline's first
  // day (or the window's, if earlier) to the window's last.
  Period studied() const { return Period{std::min(baseline.from, window.from), window.to}; }

  std::string country_name(std::string_view iso2) const {
    return name_country ? name_country(iso2) : std::string(iso2);
  }
  std::string units() const { return unit + "s"; }  // "events", "incidents"
  std::string count(int64_t n) const;               // "1 incident", "30 incidents"
};

// Events in one ISO week (Monday to Sunday).
struct WeekCount {
  model::Day monday = 0;
  int64_t events = 0;
  int64_t fatalities = 0;
};

struct Assessment {
  AssessmentOptions options;
  // Weekly counts from the first week of the baseline (within coverage) to the window's last.
  std::vector<WeekCount> weekly;
  size_t records_total = 0;  // the subject's records in the whole history
  size_t records_in_window = 0;
  size_t records_in_baseline = 0;
  size_t mentions_in_window = 0;  // of records_in_window, read from text
  double window_days = 0;         // the window's days within coverage
  double baseline_days = 0;       // the baseline's days within coverage
  // The window's records, in date order, for maps and charts: views into the RecordSet that
  // was assessed, valid while it lives.
  std::vector<const Record*> window_records;
  std::vector<Finding> findings;  // reported first, by score; then the rest
  // Seconds each step of the assessment took ("sort", then each finder; finders run two at a
  // time), for --timings.
  std::vector<std::pair<std::string, double>> timings;
};

// The inputs every finder reads: the subject's whole history (for firsts and re-emergence), the
// records in the window and in the baseline, all in date order.
struct FinderInput {
  explicit FinderInput(const AssessmentOptions& o) : options(o) {}

  const AssessmentOptions& options;
  std::vector<const Record*> history;
  std::vector<const Record*> window;
  std::vector<const Record*> baseline;
  // The baseline's days within coverage, and the window's: the exposures of rate comparisons.
  double window_days = 0;
  double baseline_days = 0;
  std::vector<WeekCount> weekly;
  // The background of hallmark matching (background.hpp): the tally of other events where the
  // subject operates, and the window's unattributed candidates.
  const TraitCounts* background = nullptr;
  std::vector<const Record*> unattributed;
  // The events of the subject's whole organisation (every branch under its top actor) over
  // the baseline and the window, tallied by branch (family_tally.hpp).
  const FamilyTally* family = nullptr;
  // What the subject's own outlets published (the subject's RecordSet's media), date order.
  std::vector<const MediaItem*> media;
  // The subject's history before its records, summed up, when the loader summed it up; `history`
  // then starts at earlier->before.
  const EarlierHistory* earlier = nullptr;

  // The baseline's dataset events summed up by the loader instead of held in `baseline`
  // (earlier_history.hpp), or null.
  const HeldBack* held_back() const {
    return earlier && earlier->held_back.until > earlier->before ? &earlier->held_back : nullptr;
  }
};

// The weekly series of `records` (date order) over the weeks that meet `span`.
std::vector<WeekCount> weekly_counts(const std::vector<const Record*>& records, const Period& span);

// What an actor's assessment reads besides its own records; a filter's has neither.
struct AssessmentSources {
  // Other events in the subject's countries over the baseline and the window: the background
  // its hallmarks are told apart from, and the unattributed events matched against them.
  const Background* background = nullptr;
  // The events of the subject's organisation, branch by branch, over the baseline and the
  // window: what campaigns are found in.
  const FamilyTally* family = nullptr;
  // The subject's events before its records, summed up (earlier_history.hpp).
  const EarlierHistory* earlier = nullptr;
};

Assessment assess(const RecordSet& records, const AssessmentOptions& options,
                  const AssessmentSources& sources = {});

// The finders, each adding its findings (reported or not) to `out`.
void find_tempo(const FinderInput& in, std::vector<Finding>& out);
void find_firsts(const FinderInput& in, std::vector<Finding>& out);
void find_cross_border(const FinderInput& in, std::vector<Finding>& out);
void find_target_mix(const FinderInput& in, std::vector<Finding>& out);
void find_spread(const FinderInput& in, std::vector<Finding>& out);
void find_claims(const FinderInput& in, std::vector<Finding>& out);
void find_high_value_targets(const FinderInput& in, std::vector<Finding>& out);
void find_hallmark_matches(const FinderInput& in, std::vector<Finding>& out);
void find_campaigns(const FinderInput& in, std::vector<Finding>& out);
void find_media(const FinderInput& in, std::vector<Finding>& out);

// Confidence from a test's p-value and the records it rests on: high below 0.001 with at least
// 20 records, moderate below 0.01 with at least 10, else low.
Confidence confidence_from(double p_value, size_t records);

}  // namespace sitrep::analyze
