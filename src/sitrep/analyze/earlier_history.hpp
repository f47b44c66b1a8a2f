// The subject's history before the records an assessment holds in full, summed up.
//
// Findings read the baseline and the window event by event, but of the years before they need
// only where the subject had been and when it was last there (firsts and re-emergence) and what
// its events looked like (its hallmarks). Over a long, busy history — a group's million events —
// that summary is read as codes from the index (record_loader.hpp) instead of a million records.
#pragma once

#include "sitrep/analyze/area.hpp"
#include "sitrep/analyze/background.hpp"

namespace sitrep::analyze {

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
};

}  // namespace sitrep::analyze
