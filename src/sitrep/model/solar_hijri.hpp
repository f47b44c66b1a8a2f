// The Solar Hijri calendar, Afghanistan's and Iran's official calendar: Afghan statements and
// Dari and Pashto media date events by it ("۱۸ ثور ۱۴۰۱" is 8 May 2022). Months 1-6 have 31
// days, 7-11 have 30, the 12th 29 or 30; the year begins at Nowruz (20 or 21 March). Leap years
// follow the 33-year arithmetic of jdf, the conversion Iranian and Afghan civil software uses;
// sitrep reads years 1000-2000 SH.
#pragma once

#include <optional>

#include "sitrep/model/date.hpp"

namespace sitrep::model {

struct SolarHijriDate {
  int year = 0, month = 0, day = 0;
};

// The day of a Solar Hijri date; nullopt if it does not exist.
std::optional<Day> from_solar_hijri(int year, int month, int day);

// The Solar Hijri date of a day.
SolarHijriDate to_solar_hijri(Day day);

// Days in a Solar Hijri month (the 12th: 30 in leap years).
int solar_hijri_days_in_month(int year, int month);

}  // namespace sitrep::model
