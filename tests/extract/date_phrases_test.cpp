// Dates in report text against a publication date, with year boundaries and the words that
// only look like dates.
#include "sitrep/extract/date_phrases.hpp"

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "bundled.hpp"
#include "sitrep/extract/word_table.hpp"

namespace sitrep::extract {
namespace {

class DatePhrasesTest : public ::testing::Test {
 protected:
  // "start..end precision" of each date found, and the words it covers.
  static std::vector<std::string> dates(std::string_view text, const char* published) {
    std::vector<std::string> out;
    auto day = model::parse_date(published);
    for (const DateMention& m : testing::bundled<DateReader>().find(text, day.value())) {
      out.push_back(std::string(text.substr(m.begin, m.end - m.begin)) + " = " +
                    model::format_iso(m.span.start) + ".." + model::format_iso(m.span.end) + " " +
                    std::string(model::to_string(m.span.precision)));
    }
    return out;
  }
};

using Dates = std::vector<std::string>;

TEST_F(DatePhrasesTest, WeekdaysAndRelativeWordsCountBackFromPublication) {
  // 2022-04-19 was a Tuesday.
  EXPECT_EQ(dates("Gunmen attacked on Monday.", "2022-04-19"),
            Dates{"Monday = 2022-04-18..2022-04-18 day"});
  EXPECT_EQ(dates("It happened on Tuesday.", "2022-04-19"),
            Dates{"Tuesday = 2022-04-19..2022-04-19 day"});
  EXPECT_EQ(dates("Rockets hit last Tuesday.", "2022-04-19"),
            Dates{"last Tuesday = 2022-04-12..2022-04-12 day"});
  EXPECT_EQ(dates("A blast yesterday killed four.", "2022-04-19"),
            Dates{"yesterday = 2022-04-18..2022-04-18 day"});
  EXPECT_EQ(dates("Взрыв произошёл вчера.", "2022-04-19"),
            Dates{"вчера = 2022-04-18..2022-04-18 day"});
  EXPECT_EQ(dates("حمله دیروز رخ داد", "2022-04-19"), Dates{"دیروز = 2022-04-18..2022-04-18 day"});
}

TEST_F(DatePhrasesTest, RussianWeekdaysInTheGenitiveAndFridayPrayers) {
  // 2020-06-23 was a Tuesday: "in the night from Monday to Tuesday" starts on the Monday
  EXPECT_EQ(
      dates("Бой продолжался в ночь с понедельника на вторник.", "2020-06-23"),
      (Dates{"понедельника = 2020-06-22..2020-06-22 day", "вторник = 2020-06-23..2020-06-23 day"}));
  // "during Friday prayers"; 2022-09-03 was a Saturday
  EXPECT_EQ(dates("Взрыв произошёл во время пятничной молитвы.", "2022-09-03"),
            Dates{"пятничной = 2022-09-02..2022-09-02 day"});
}

TEST_F(DatePhrasesTest, PashtoAndDariGiveTheDayAfterItsMonthAndTheYearBefore) {
  // "on the 12th of October of the year 2023"
  EXPECT_EQ(dates("د ۲۰۲۳ کال د اکتوبر په ۱۲مه برید وشو.", "2023-10-13"),
            Dates{"۲۰۲۳ کال د اکتوبر په ۱۲مه = 2023-10-12..2023-10-12 day"});
  // "on the 22nd of the month of Libra of the solar year 1397" (1397-07-22 is 2018-10-14)
  EXPECT_EQ(dates("د ۱۳۹۷ لمریز کال د تلې میاشتې په ۲۲مه برید وشو.", "2018-10-15"),
            Dates{"۱۳۹۷ لمریز کال د تلې میاشتې په ۲۲مه = 2018-10-14..2018-10-14 day"});
  EXPECT_EQ(dates("د تلې د میاشتې په ۱۹مه برید وشو.", "2020-10-11"),
            Dates{"تلې د میاشتې په ۱۹مه = 2020-10-10..2020-10-10 day"});
}

TEST_F(DatePhrasesTest, ThePastDayIsYesterdayInDariPashtoAndUrdu) {
  EXPECT_EQ(dates("پولیس روز گذشته سه تن را بازداشت کردند.", "2019-11-24"),
            Dates{"روز گذشته = 2019-11-23..2019-11-23 day"});
  EXPECT_EQ(dates("تېره ورځ برید وشو.", "2019-11-24"),
            Dates{"تېره ورځ = 2019-11-23..2019-11-23 day"});
  EXPECT_EQ(dates("کوئٹہ میں گزشتہ روز دھماکا ہوا۔", "2019-11-15"),
            Dates{"گزشتہ روز = 2019-11-14..2019-11-14 day"});
  // and the past night is last night
  EXPECT_EQ(dates("گزشتہ رات دھماکا ہوا۔", "2019-11-15"),
            Dates{"گزشتہ رات = 2019-11-14..2019-11-15 day"});
}

TEST_F(DatePhrasesTest, LastNightIsTheDayBeforeInEveryLanguage) {
  // The night before publication: it spans two days, and starts on the first.
  EXPECT_EQ(dates("Last night, terrorists attacked a post.", "2022-04-19"),
            Dates{"Last night = 2022-04-18..2022-04-19 day"});
  EXPECT_EQ(dates("شب گذشته جنگجویان طالب حمله کردند", "2022-04-19"),
            Dates{"شب گذشته = 2022-04-18..2022-04-19 day"});
  EXPECT_EQ(dates("Боевики напали прошлой ночью.", "2022-04-19"),
            Dates{"прошлой ночью = 2022-04-18..2022-04-19 day"});
}

TEST_F(DatePhrasesTest, NightBeforeLastInEnglishIsNotLastNight) {
  // Dari puts its "last" after the night; English "at night last week" is last week.
  EXPECT_EQ(dates("killed late at night last week", "2023-07-19"),
            Dates{"last week = 2023-07-10..2023-07-16 week"});
}

TEST_F(DatePhrasesTest, PashtoWeekdaysInTheirObliqueForm) {
  // "د پنجشنبې په ورځ": on Thursday. 2022-07-08 was a Friday.
  EXPECT_EQ(dates("د پنجشنبې په ورځ یوه چاودنه وشوه", "2022-07-08"),
            Dates{"پنجشنبې = 2022-07-07..2022-07-07 day"});
  EXPECT_EQ(dates("د چهارشنبې په ورځ", "2022-07-08"),
            Dates{"چهارشنبې = 2022-07-06..2022-07-06 day"});
}

TEST_F(DatePhrasesTest, PashtoLastNightAndItsOtherWeekdayNames) {
  // "تېره شپه": the past night; "څلورشنبې" and "درېشنبې" are Pashto's own Wednesday and
  // Tuesday. 2022-07-08 was a Friday.
  EXPECT_EQ(dates("تېره شپه وسله والو برید وکړ", "2022-07-08"),
            Dates{"تېره شپه = 2022-07-07..2022-07-08 day"});
  EXPECT_EQ(dates("د څلورشنبې په ورځ", "2022-07-08"),
            Dates{"څلورشنبې = 2022-07-06..2022-07-06 day"});
  EXPECT_EQ(dates("د درېشنبې په ورځ", "2022-07-08"), Dates{"درېشنبې = 2022-07-05..2022-07-05 day"});
}

TEST_F(DatePhrasesTest, UrduArabicUzbekAndTajikWeekdaysAndMonths) {
  // 2022-07-08 was a Friday.
  EXPECT_EQ(dates("منگل کی رات پولیس چوکی پر حملہ", "2022-07-08"),
            Dates{"منگل = 2022-07-05..2022-07-05 day"});
  EXPECT_EQ(dates("هجوم يوم الأربعاء في كابل", "2022-07-08"),
            Dates{"الأربعاء = 2022-07-06..2022-07-06 day"});
  EXPECT_EQ(dates("Hujum seshanba kuni sodir bo'ldi", "2022-07-08"),
            Dates{"seshanba = 2022-07-05..2022-07-05 day"});
  EXPECT_EQ(dates("Ҳамла рӯзи сешанбе рух дод", "2022-07-08"),
            Dates{"сешанбе = 2022-07-05..2022-07-05 day"});
  // "Душанбе" is the capital, "душанбе" Monday; "Juma" is a man's name as often as "juma" is
  // Friday: these weekdays count only in lower case
  EXPECT_EQ(dates("Ҳамла дар Душанбе", "2022-07-08"), Dates{});
  EXPECT_EQ(dates("Ҳамла шоми душанбе рух дод", "2022-07-08"),
            Dates{"душанбе = 2022-07-04..2022-07-04 day"});
  EXPECT_EQ(dates("Juma Khan hujum juma kuni bo'ldi", "2022-07-08"),
            Dates{"juma = 2022-07-08..2022-07-08 day"});
  // Uzbek in Cyrillic, a Tajik month, Urdu's oblique Friday
  EXPECT_EQ(dates("Ҳодиса шанба куни юз берди", "2022-07-08"),
            Dates{"шанба = 2022-07-02..2022-07-02 day"});
  EXPECT_EQ(dates("14 март дар Душанбе", "2022-07-08"),
            Dates{"14 март = 2022-03-14..2022-03-14 day"});
  EXPECT_EQ(dates("جمعے کی صبح دھماکا ہوا", "2022-07-08"),
            Dates{"جمعے = 2022-07-08..2022-07-08 day"});
}

TEST_F(DatePhrasesTest, UrduSaturdayAndMondayOnlyBeforeOnOrAPartOfTheDay) {
  // 2022-07-08 was a Friday. "ہفتے" is Saturday and the week, "پیر" Monday and a saint.
  EXPECT_EQ(dates("ہفتے کی شام فائرنگ ہوئی", "2022-07-08"),
            Dates{"ہفتے = 2022-07-02..2022-07-02 day"});
  EXPECT_EQ(dates("پیر کو دھماکا ہوا", "2022-07-08"), Dates{"پیر = 2022-07-04..2022-07-04 day"});
  // "during last week", "the shrine of a saint"
  EXPECT_EQ(dates("گزشتہ ہفتے کے دوران حملے ہوئے", "2022-07-08"), Dates{});
  EXPECT_EQ(dates("پیر صاحب کے مزار پر حملہ", "2022-07-08"), Dates{});
}

TEST_F(DatePhrasesTest, DariAndPashtoWeekdaysInTwoWords) {
  // "سه شنبه": three + Saturday, Tuesday. 2021-11-24 was a Wednesday.
  EXPECT_EQ(dates("د سه شنبې په ورځ چاودنه وشوه", "2021-11-24"),
            Dates{"سه شنبې = 2021-11-23..2021-11-23 day"});
  EXPECT_EQ(dates("روز پنج شنبه حمله شد", "2021-11-24"),
            Dates{"پنج شنبه = 2021-11-18..2021-11-18 day"});
  EXPECT_EQ(dates("شنبه", "2021-11-24"), Dates{"شنبه = 2021-11-20..2021-11-20 day"});  // alone
  EXPECT_TRUE(dates("سه نفر کشته شدند", "2021-11-24").empty());  // "three people": no weekday
}

TEST(WordTable, ARowOfMoreThanOneWordIsAnErrorNamingFileAndLine) {
  // The reader looks words up one token at a time: such a row never matched, silently.
  sitrep::testing::ScratchDir dir;
  std::string path = dir.write("dates.tsv",
                               "word\tkind\tvalue\nmonday\tweekday\t1\n"
                               "last night\trelative\t1\n");
  auto table = WordTable::load(path);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().find("dates.tsv:3"), std::string::npos) << table.error();
  EXPECT_NE(table.error().find("'last night' is more than one word"), std::string::npos)
      << table.error();
}

TEST_F(DatePhrasesTest, DaysAndMonthsTakeTheYearThatPutsThemBeforePublication) {
  EXPECT_EQ(dates("The attack on April 18 was claimed.", "2022-04-19"),
            Dates{"April 18 = 2022-04-18..2022-04-18 day"});
  // A report of 3 January about "December 28" is about last year.
  EXPECT_EQ(dates("Fighting since December 28th.", "2022-01-03"),
            Dates{"December 28th = 2021-12-28..2021-12-28 day"});
  EXPECT_EQ(dates("18 апреля 2022 года боевики напали.", "2022-05-01"),
            Dates{"18 апреля 2022 года = 2022-04-18..2022-04-18 day"});
  EXPECT_EQ(dates("on 5 March 2021 and 2022-04-18", "2022-05-01"),
            Dates({"5 March 2021 = 2021-03-05..2021-03-05 day",
                   "2022-04-18 = 2022-04-18..2022-04-18 day"}));
  EXPECT_EQ(dates("۱۸ اپریل", "2022-05-01"), Dates{"۱۸ اپریل = 2022-04-18..2022-04-18 day"});
}

TEST_F(DatePhrasesTest, MonthsPartsOfMonthsPeriodsAndYears) {
  EXPECT_EQ(dates("in March", "2022-05-01"), Dates{"March = 2022-03-01..2022-03-31 month"});
  EXPECT_EQ(dates("in mid-January", "2022-05-01"),
            Dates{"mid-January = 2022-01-11..2022-01-20 week"});
  EXPECT_EQ(dates("early December 2021", "2022-05-01"),
            Dates{"early December 2021 = 2021-12-01..2021-12-10 week"});
  EXPECT_EQ(dates("late February", "2024-05-01"),
            Dates{"late February = 2024-02-21..2024-02-29 week"});  // a leap year
  EXPECT_EQ(dates("last month", "2022-01-15"), Dates{"last month = 2021-12-01..2021-12-31 month"});
  EXPECT_EQ(dates("last week", "2022-04-19"), Dates{"last week = 2022-04-11..2022-04-17 week"});
  EXPECT_EQ(dates("attacks in 2021 rose", "2022-05-01"),
            Dates{"2021 = 2021-01-01..2021-12-31 year"});
  EXPECT_EQ(dates("с 2012 года в стране", "2023-06-16"),
            Dates{"2012 года = 2012-01-01..2012-12-31 year"});
  EXPECT_TRUE(dates("с 2012 сотрудниками", "2023-06-16").empty());  // "with 2012 staff"
}

TEST_F(DatePhrasesTest, WordsThatOnlyLookLikeDatesAreNotDates) {
  EXPECT_TRUE(dates("Officials may confirm the toll.", "2022-05-01").empty());
  EXPECT_TRUE(dates("A march through Kabul.", "2022-05-01").empty());
  EXPECT_TRUE(dates("31 people and 2022-13-45 are no dates", "2022-05-01").empty());
}

}  // namespace
}  // namespace sitrep::extract

namespace sitrep::extract {
namespace {

TEST_F(DatePhrasesTest, SolarHijriDatesInDariPashtoAndLatin) {
  EXPECT_EQ(dates("این حمله به تاریخ ۱۸ ثور ۱۴۰۱ رخ داد", "2022-05-10"),
            Dates{"۱۸ ثور ۱۴۰۱ = 2022-05-08..2022-05-08 day"});
  // No year: the latest 18 Saur on or before publication (last year's, in March).
  EXPECT_EQ(dates("on 18 Saur", "2022-03-01"), Dates{"18 Saur = 2021-05-08..2021-05-08 day"});
  EXPECT_EQ(dates("د ۱۴۰۰/۵/۲۴ نېټه", "2021-08-20"),
            Dates{"۱۴۰۰/۵/۲۴ = 2021-08-15..2021-08-15 day"});
  EXPECT_EQ(dates("در ماه اسد ۱۴۰۰", "2021-09-30"),
            Dates{"اسد ۱۴۰۰ = 2021-07-23..2021-08-22 month"});
  // A month name that is also a word is read only beside a day or a year.
  EXPECT_EQ(dates("او دی", "2022-05-10"), Dates{});
}

}  // namespace
}  // namespace sitrep::extract
