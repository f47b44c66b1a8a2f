#include "sitrep/model/solar_hijri.hpp"

namespace sitrep::model {
namespace {

// The arithmetic of jdf (jdf.scr.ir), the conversion Iranian and Afghan civil software uses:
// a 33-year leap cycle in days from a fixed epoch. Integer division of non-negative values only
// for the years sitrep meets; checked against known dates in the unit test.
CivilDate gregorian_of(int jy, int jm, int jd) {
  long y = jy + 1595;
  long days = -355668 + 365 * y + (y / 33) * 8 + ((y % 33) + 3) / 4 + jd;
  days += jm < 7 ? (jm - 1) * 31 : (jm - 7) * 30 + 186;
  long gy = 400 * (days / 146097);
  days %= 146097;
  if (days > 36524) {
    --days;
    gy += 100 * (days / 36524);
    days %= 36524;
    if (days >= 365) ++days;
  }
  gy += 4 * (days / 1461);
  days %= 1461;
  if (days > 365) {
    gy += (days - 1) / 365;
    days = (days - 1) % 365;
  }
  int gd = static_cast<int>(days) + 1;
  int gm = 1;
  while (gm <= 12 && gd > days_in_month(static_cast<int>(gy), gm)) {
    gd -= days_in_month(static_cast<int>(gy), gm);
    ++gm;
  }
  return {static_cast<int>(gy), gm, gd};
}

Day raw_day(int year, int month, int day) {
  return to_day(gregorian_of(year, month, day));
}

}  // namespace

int solar_hijri_days_in_month(int year, int month) {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return raw_day(year + 1, 1, 1) - raw_day(year, 1, 1) == 366 ? 30 : 29;
}

std::optional<Day> from_solar_hijri(int year, int month, int day) {
  if (year < 1000 || year > 2000 || month < 1 || month > 12 || day < 1 ||
      day > solar_hijri_days_in_month(year, month)) {
    return std::nullopt;
  }
  return raw_day(year, month, day);
}

SolarHijriDate to_solar_hijri(Day day) {
  CivilDate g = to_civil(day);
  static constexpr int kDaysBeforeMonth[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  long gy2 = g.month > 2 ? g.year + 1 : g.year;
  long days = 355666 + 365L * g.year + (gy2 + 3) / 4 - (gy2 + 99) / 100 + (gy2 + 399) / 400 +
              g.day + kDaysBeforeMonth[g.month - 1];
  long jy = -1595 + 33 * (days / 12053);
  days %= 12053;
  jy += 4 * (days / 1461);
  days %= 1461;
  if (days > 365) {
    jy += (days - 1) / 365;
    days = (days - 1) % 365;
  }
  int jm = days < 186 ? 1 + static_cast<int>(days / 31) : 7 + static_cast<int>((days - 186) / 30);
  int jd = days < 186 ? 1 + static_cast<int>(days % 31) : 1 + static_cast<int>((days - 186) % 30);
  return {static_cast<int>(jy), jm, jd};
}

}  // namespace sitrep::model
