// The Solar Hijri calendar against dates whose Gregorian day is known (Nowruz in leap and
// common years, the fall of Kabul on 24 Asad 1400), both ways.
#include "sitrep/model/solar_hijri.hpp"

#include <gtest/gtest.h>

namespace sitrep::model {
namespace {

std::string gregorian(int y, int m, int d) {
  return format_iso(*from_solar_hijri(y, m, d));
}

TEST(SolarHijri, KnownDatesConvertToTheirGregorianDays) {
  EXPECT_EQ(gregorian(1398, 1, 1), "2019-03-21");
  EXPECT_EQ(gregorian(1399, 1, 1), "2020-03-20");
  EXPECT_EQ(gregorian(1399, 12, 30), "2021-03-20");  // 1399 was a leap year
  EXPECT_EQ(gregorian(1400, 1, 1), "2021-03-21");
  EXPECT_EQ(gregorian(1400, 5, 24), "2021-08-15");  // 24 Asad 1400: the Taliban enter Kabul
  EXPECT_EQ(gregorian(1401, 2, 18), "2022-05-08");
  EXPECT_EQ(gregorian(1403, 1, 1), "2024-03-20");
}

TEST(SolarHijri, DaysThatDoNotExistAreRefused) {
  EXPECT_FALSE(from_solar_hijri(1400, 12, 30));  // 1400 is a common year
  EXPECT_FALSE(from_solar_hijri(1401, 7, 31));   // months 7-11 have 30 days
  EXPECT_FALSE(from_solar_hijri(1401, 13, 1));
  EXPECT_EQ(solar_hijri_days_in_month(1399, 12), 30);
  EXPECT_EQ(solar_hijri_days_in_month(1401, 12), 29);
}

TEST(SolarHijri, EveryDayOfTwentyYearsRoundTrips) {
  Day first = *from_solar_hijri(1390, 1, 1), last = *from_solar_hijri(1410, 1, 1);
  for (Day d = first; d < last; ++d) {
    SolarHijriDate h = to_solar_hijri(d);
    ASSERT_EQ(from_solar_hijri(h.year, h.month, h.day), d) << format_iso(d);
  }
}

}  // namespace
}  // namespace sitrep::model
