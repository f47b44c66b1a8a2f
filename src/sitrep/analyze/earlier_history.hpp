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
  size_t claimed = 0;
  model::Day first_day = 0;  // of the earliest event, when events > 0
  // The last day in each area of the subject's dataset events before `places_before` (the
  // window's first day, later than `before`): firsts then look at the window's records alone.
  model::Day places_before = 0;
  LastSeen last_seen;
  TraitCounts all_traits;      // of every event
  TraitCounts claimed_traits;  // of the claimed ones
};

}  // namespace sitrep::analyze
