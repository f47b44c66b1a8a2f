// Calendar dates as day numbers, and date spans with a precision.
//
// A `Day` counts days since 1970-01-01 (proleptic Gregorian), so spans, windows and weeks are
// integer arithmetic. Every dataset reports when an event happened with some uncertainty: UCDP
// gives date_start/date_end and date_prec, ACLED time_precision, GTD a zero day or month. A
// `DateSpan` keeps all of it: the first and last possible day and how precise the report was.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/result.hpp"

namespace sitrep::model {

using Day = int32_t;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Converts between civil dates and day numbers. `to_day` assumes a valid date.
Day to_day(CivilDate date);
CivilDate to_civil(Day day);
int days_in_month(int year, int month);

// "2022-04-18"; the date must exist (2022-02-30 is an error).
std::string format_iso(Day day);

// Parses a calendar date written as ISO "2022-04-18" (optionally followed by a time, as UCDP's
// "2020-03-06 00:00:00.000"), or as ACLED's export tool writes it, "18 April 2022" (also
// "18-April-2022" and abbreviated month names). Errors say what was wrong, e.g.
// "2022-02-30 is not a date: February 2022 has 28 days".
Result<Day> parse_date(std::string_view text);

// A date bound as analysts write them: YYYY-MM-DD, YYYY-MM (the month) or YYYY (the year);
// `end` picks the last day of a month or year, else the first.
Result<Day> parse_date_bound(std::string_view text, bool end);

// How precisely the source dated the event.
enum class DatePrecision : uint8_t { day = 1, week = 2, month = 3, year = 4 };

std::string_view to_string(DatePrecision precision);
std::optional<DatePrecision> parse_date_precision(std::string_view text);

struct DateSpan {
  Day start = 0;
  Day end = 0;  // inclusive; equal to start for a single day
  DatePrecision precision = DatePrecision::day;

  bool operator==(const DateSpan&) const = default;
};

// The whole month or year containing a day, for sources that know only that much.
DateSpan month_span(int year, int month);
DateSpan year_span(int year);

}  // namespace sitrep::model
