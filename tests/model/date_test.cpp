#include "sitrep/model/date.hpp"

#include <gtest/gtest.h>

namespace sitrep::model {
namespace {

TEST(Date, DayNumbersRoundTripAcrossLeapYears) {
  for (Day d = to_day({1999, 1, 1}); d <= to_day({2025, 12, 31}); ++d) {
    ASSERT_EQ(to_day(to_civil(d)), d);
  }
  EXPECT_EQ(to_day({1970, 1, 1}), 0);
  EXPECT_EQ(format_iso(to_day({2024, 2, 29})), "2024-02-29");
}

TEST(Date, ParsesIsoAcledExportAndUcdpTimestampForms) {
  Day expected = to_day({2022, 4, 18});
  EXPECT_EQ(parse_date("2022-04-18").value(), expected);
  EXPECT_EQ(parse_date("18 April 2022").value(), expected);
  EXPECT_EQ(parse_date("18-Apr-2022").value(), expected);
  EXPECT_EQ(parse_date("2022-04-18 00:00:00.000").value(), expected);
}

TEST(Date, RejectsImpossibleDatesWithTheReason) {
  auto result = parse_date("2022-02-30");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().find("February 2022 has 28 days"), std::string::npos);
  EXPECT_FALSE(parse_date("2022-13-01").ok());
  EXPECT_FALSE(parse_date("31 Foo 2022").ok());
  EXPECT_FALSE(parse_date("2022/04/18").ok());
  EXPECT_TRUE(parse_date("2024-02-29").ok());
  EXPECT_FALSE(parse_date("2023-02-29").ok());
}

TEST(Date, IsoDatesNeedEveryDigitInPlace) {
  for (const char* text : {"2022-0A-18", "2022-04-1x", "20a2-04-18", "2022-04-+1", "2022-04- 8",
                           "2022-04-18x", "2022-4-18", "2022-00-10"}) {
    EXPECT_FALSE(parse_date(text).ok()) << text;
  }
  EXPECT_EQ(parse_date("2022-04-18T06:30:00").value(), to_day({2022, 4, 18}));
  EXPECT_EQ(parse_date("1999-12-31").value(), to_day({1999, 12, 31}));
}

TEST(Date, MonthAndYearSpansCoverTheWholePeriod) {
  DateSpan feb = month_span(2024, 2);
  EXPECT_EQ(format_iso(feb.start), "2024-02-01");
  EXPECT_EQ(format_iso(feb.end), "2024-02-29");
  EXPECT_EQ(feb.precision, DatePrecision::month);
  EXPECT_EQ(format_iso(year_span(2018).end), "2018-12-31");
}

}  // namespace
}  // namespace sitrep::model
