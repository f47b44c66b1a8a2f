#include "sitrep/analyze/period.hpp"

#include <gtest/gtest.h>

namespace sitrep::analyze {
namespace {

using model::to_day;

TEST(Period, ParsesDatesMonthsAndYearsAsInclusiveRanges) {
  EXPECT_EQ(parse_period("2022-04-01..2022-05-31").value(),
            (Period{to_day({2022, 4, 1}), to_day({2022, 5, 31})}));
  EXPECT_EQ(parse_period("2022-04..2022-05").value(),
            (Period{to_day({2022, 4, 1}), to_day({2022, 5, 31})}));
  EXPECT_EQ(parse_period("2020").value(), (Period{to_day({2020, 1, 1}), to_day({2020, 12, 31})}));
  EXPECT_EQ(parse_period("2022-04-01..2022-05-31").value().days(), 61);
}

TEST(Period, RejectsHalfOpenBackwardsAndBadDates) {
  EXPECT_FALSE(parse_period("2022-04-01..").ok());
  EXPECT_NE(parse_period("2022-05..2022-04").error().find("ends before it starts"),
            std::string::npos);
  EXPECT_NE(parse_period("2022-02-30..2022-03-01").error().find("February 2022 has 28 days"),
            std::string::npos);
}

TEST(Period, DefaultWindowIsTheLastThirtyDaysAndBaselineTheTwelveMonthsBefore) {
  Period window = default_window(to_day({2020, 12, 31}));
  EXPECT_EQ(window, (Period{to_day({2020, 12, 2}), to_day({2020, 12, 31})}));
  EXPECT_EQ(default_baseline(window), (Period{to_day({2019, 12, 2}), to_day({2020, 12, 1})}));
  // A window starting on the 31st goes back to the last day of a shorter month.
  Period from_31{to_day({2022, 3, 31}), to_day({2022, 4, 29})};
  EXPECT_EQ(default_baseline(from_31, 1).from, to_day({2022, 2, 28}));
}

TEST(Period, WeeksStartOnMonday) {
  EXPECT_EQ(week_start(to_day({2022, 4, 18})), to_day({2022, 4, 18}));  // a Monday
  EXPECT_EQ(week_start(to_day({2022, 4, 24})), to_day({2022, 4, 18}));  // the Sunday after
  EXPECT_EQ(week_start(to_day({1970, 1, 1})), to_day({1969, 12, 29}));
}

TEST(Period, OverlapOfDisjointPeriodsIsEmpty) {
  Period a{10, 20}, b{30, 40};
  EXPECT_TRUE(a.overlap(b).empty());
  EXPECT_EQ(a.overlap(Period{15, 35}), (Period{15, 20}));
}

}  // namespace
}  // namespace sitrep::analyze
