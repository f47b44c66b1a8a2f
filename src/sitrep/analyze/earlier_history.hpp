// The subject's history before the records an assessment holds in full, summed up.
//
// Findings read the baseline and the window event by event, but of the years before they need
// only where the subject had been and when it was last there (firsts and re-emergence) and what
// its events looked like (its hallmarks). Over a long, busy history — a group's million events —
// that summary is read as codes from the index (record_loader.hpp) instead of a million records.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sitrep/analyze/area.hpp"
#include "sitrep/analyze/background.hpp"
#include "sitrep/analyze/period.hpp"

namespace sitrep::analyze {

// Sums of located events' coordinates: enough for their centre and its spread.
struct Moments {
  size_t n = 0;
  double lat = 0, lon = 0, lat2 = 0, lon2 = 0, latlon = 0;
  void add(double latitude, double longitude) {
    ++n;
    lat += latitude;
    lon += longitude;
    lat2 += latitude * latitude;
    lon2 += longitude * longitude;
    latlon += latitude * longitude;
  }
  void add(const Moments& o) {
    n += o.n;
    lat += o.lat;
    lon += o.lon;
    lat2 += o.lat2;
    lon2 += o.lon2;
    latlon += o.latlon;
  }
};

// The subject's dataset events from `before` up to the window, not held as records either: what
// the baseline's findings need of those inside the baseline (tempo, spread, claims, target mix)
// and the days of all of them (the weekly series).
struct HeldBack {
  model::Day until = INT32_MIN;  // covers dataset events with before <= day < until
  Period baseline;               // set by the caller: what "inside the baseline" means
  size_t events = 0;
  std::vector<int64_t> daily_events, daily_fatalities;  // per day from `before`
  size_t in_baseline = 0;
  std::array<size_t, 5> claims{};              // inside the baseline, by model::ClaimStatus
  std::set<std::string> provinces, districts;  // inside the baseline, named as briefs name them
  Moments located;                             // inside the baseline
  // Inside the baseline: events per (province, target group of target_groups.hpp).
  std::map<std::pair<std::string, int>, size_t> targets;
  // The three deadliest events of each week (ISO weeks, earliest first among equals), in date
  // order: the evidence a change in the weekly rate cites when it falls in these weeks.
  RecordSet week_leaders;
};

struct EarlierHistory {
  model::Day before = 0;  // the summary covers the subject's events before this day
  size_t events = 0;
  model::Day first_day = 0;  // of the earliest event, when events > 0
  // The last day in each area of the subject's dataset events before `places_before` (the
  // window's first day, later than `before`): firsts then look at the window's records alone.
  model::Day places_before = 0;
  LastSeen last_seen;
  // The traits of the subject's dataset events up to and including `traits_through` (the
  // window's last day): of every event, and of the claimed ones, with their number. Hallmarks
  // then add only what the index does not hold (events read from text).
  model::Day traits_through = INT32_MIN;
  size_t claimed = 0;
  TraitCounts all_traits;
  TraitCounts claimed_traits;
  HeldBack held_back;
};

}  // namespace sitrep::analyze
