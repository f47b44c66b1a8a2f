// The time frames of an assessment: the window under study and the baseline it is compared with.
//
// Both are inclusive day ranges. By default the window is the last 30 days of data and the
// baseline the 12 calendar months before it; rates in the baseline are scaled to the window's
// length, and only the days the store has data for count as exposure (a baseline that reaches
// back before the first event of the store would otherwise read as a quiet year).
#pragma once

#include <string>

#include "sitrep/model/date.hpp"
#include "sitrep/result.hpp"

namespace sitrep::analyze {

struct Period {
  model::Day from = 0;
  model::Day to = -1;  // inclusive; to < from is empty

  int64_t days() const { return to < from ? 0 : int64_t{to} - from + 1; }
  bool contains(model::Day day) const { return day >= from && day <= to; }
  bool empty() const { return to < from; }
  // The days this period shares with `other`.
  Period overlap(const Period& other) const;
  bool operator==(const Period&) const = default;
};

// "2022-04-01..2022-05-31".
std::string to_string(const Period& period);

// Parses "FROM..TO" where each side is a date, a month (2022-04) or a year (2022): the month or
// year runs to its last day. A single date, month or year is the whole of it.
Result<Period> parse_period(std::string_view text);

// The default window: the `days` days ending on `last_day` (the last day of data).
Period default_window(model::Day last_day, int days = 30);

// The default baseline: the `months` calendar months before the window starts.
Period default_baseline(const Period& window, int months = 12);

// The Monday on or before `day`: weeks in sitrep run Monday to Sunday (ISO 8601).
model::Day week_start(model::Day day);

}  // namespace sitrep::analyze
