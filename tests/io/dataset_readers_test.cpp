// The three dataset readers and JSONL, on hand-checked fixtures with the real column sets
// (tests/fixtures/README.md gives the expected values and where the headers come from).
#include <map>

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/io/event_json.hpp"
#include "sitrep/io/event_reader.hpp"

namespace sitrep::io {
namespace {

struct ReadResult {
  Format format;
  std::map<std::string, model::Event> events;  // by native id
  std::vector<RowError> errors;
};

ReadResult read_file(const std::string& path, std::optional<Format> forced = std::nullopt) {
  auto reader = open_event_reader(path, forced, testing::bundled_vocabulary());
  if (!reader) throw std::runtime_error(reader.error());
  ReadResult out{(*reader)->format(), {}, {}};
  model::Event event;
  RowError error;
  while ((*reader)->next(event, error)) {
    if (error.reason.empty()) {
      out.events[event.native_id] = event;
    } else {
      out.errors.push_back(error);
    }
  }
  return out;
}

std::string iso(model::Day day) {
  return model::format_iso(day);
}

TEST(AcledReader, ReadsTheExportToolFormatWithTextDatesAndInteractionNames) {
  auto r = read_file(testing::fixture("acled-export.csv"));
  EXPECT_EQ(r.format, Format::acled);
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.events.size(), 6u);
  const model::Event& e = r.events.at("AFG12345");
  EXPECT_EQ(iso(e.date.start), "2022-04-18");
  EXPECT_EQ(e.country, "AF");
  EXPECT_EQ(e.admin1, "Kabul");
  EXPECT_EQ(e.actor1.canonical, "IS-KP");
  EXPECT_EQ(e.actor1.original, "Islamic State Khorasan Province (ISKP)");
  EXPECT_EQ(e.actor2.canonical, "Civilians");
  EXPECT_EQ(e.assoc_actors2.size(), 2u);
  EXPECT_EQ(e.fatalities_best, 6);
  EXPECT_EQ(e.target, "civilians");
  EXPECT_EQ(e.weapon, "ied");
  EXPECT_EQ(e.geo_level, model::GeoLevel::exact);
  EXPECT_NE(e.notes.find("\"Amaq\""), std::string::npos);
}

TEST(AcledReader, ReadsTheApiFormatWithIsoDatesAndNumericInteractionCodes) {
  auto r = read_file(testing::fixture("acled-api.csv"));
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.events.size(), 4u);
  EXPECT_EQ(iso(r.events.at("AFG12345").date.start), "2022-04-18");
  EXPECT_EQ(r.events.at("AFG12398").fatalities_best, 33);
  EXPECT_EQ(r.events.at("AFG12345").target, "civilians");  // inter2 = 7
}

TEST(UcdpReader, ReadsTheFullGedColumnSet) {
  auto r = read_file(testing::fixture("ucdp-ged-full.csv"));
  EXPECT_EQ(r.format, Format::ucdp_ged);
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.events.size(), 4u);
  const model::Event& e = r.events.at("332101");
  EXPECT_EQ(e.admin1, "Nangarhar");  // "Nangarhar province" in the file
  EXPECT_EQ(e.admin2, "Jalalabad");
  EXPECT_EQ(e.actor2.canonical, "IS-KP");  // UCDP's "IS" in Afghanistan
  EXPECT_EQ(e.violence_type, 1);
  const model::Event& week = r.events.at("332544");
  EXPECT_EQ(iso(week.date.start), "2020-01-10");
  EXPECT_EQ(iso(week.date.end), "2020-01-12");
  EXPECT_EQ(week.date.precision, model::DatePrecision::week);
}

TEST(UcdpReader, ReadsTheReducedBundledSampleWithItsIndexColumnAsId) {
  auto r = read_file(std::string(SITREP_SOURCE_DATA_DIR) + "/sample/ucdp-ged-afghanistan-2020.csv");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.events.size(), 3317u);
  const model::Event& e = r.events.at("1292");
  EXPECT_EQ(e.location, "Hutal (Maywand) town");
  EXPECT_EQ(iso(e.date.end), "2020-01-02");
  EXPECT_EQ(e.actor2.canonical, "Taliban");
  EXPECT_EQ(e.event_type, "Battles");
}

TEST(GtdReader, ReadsTheFull135ColumnExportWithUnknownDaysAndMonths) {
  auto r = read_file(testing::fixture("gtd-full.csv"));
  EXPECT_EQ(r.format, Format::gtd);
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.events.size(), 5u);
  const model::Event& year_only = r.events.at("201800000003");
  EXPECT_EQ(year_only.date.precision, model::DatePrecision::year);
  EXPECT_EQ(iso(year_only.date.end), "2018-12-31");
  EXPECT_FALSE(year_only.fatalities_best.has_value());  // empty nkill stays unknown
  const model::Event& month_only = r.events.at("201807000001");
  EXPECT_EQ(month_only.date.precision, model::DatePrecision::month);
  EXPECT_EQ(iso(month_only.date.end), "2018-07-31");
  const model::Event& kabul = r.events.at("201804220002");
  EXPECT_EQ(kabul.claim, model::ClaimStatus::claimed);
  EXPECT_EQ(kabul.actor1.canonical, "IS-KP");
  EXPECT_EQ(kabul.weapon, "suicide-bomb");
  EXPECT_EQ(kabul.sub_event_type, "Suicide bomb");
  EXPECT_EQ(kabul.target, "civilians");
  EXPECT_EQ(r.events.at("201811230004").claim, model::ClaimStatus::unclaimed);
  EXPECT_EQ(year_only.claim, model::ClaimStatus::unknown);  // claimed = -9
}

TEST(GtdReader, AnArmedAssaultOnSoldiersIsABattleAndOnOfficialsViolenceAgainstCivilians) {
  auto r = read_file(testing::fixture("gtd-full.csv"));
  const model::Event& checkpoint = r.events.at("201800000003");  // Armed Assault on Military
  EXPECT_EQ(checkpoint.event_type, "Battles");
  EXPECT_EQ(checkpoint.sub_event_type, "Armed clash");
  EXPECT_EQ(r.events.at("201807000001").event_type, "Battles");  // on a police patrol
  const model::Event& official = r.events.at("201810140021");    // Assassination, Government
  EXPECT_EQ(official.event_type, "Violence against civilians");
  EXPECT_EQ(r.events.at("201804220002").sub_event_type, "Suicide bomb");
}

TEST(GtdReader, ReadsASubsetOfColumnsInAnotherOrder) {
  auto full = read_file(testing::fixture("gtd-full.csv"));
  auto subset = read_file(testing::fixture("gtd-subset.csv"));
  EXPECT_TRUE(subset.errors.empty());
  ASSERT_EQ(subset.events.size(), full.events.size());
  for (const auto& [id, e] : subset.events) {
    EXPECT_EQ(e.date, full.events.at(id).date) << id;
    EXPECT_EQ(e.fatalities_best, full.events.at(id).fatalities_best) << id;
    EXPECT_EQ(e.claim, full.events.at(id).claim) << id;
  }
}

TEST(GtdReader, InternationalEventsHaveNoCountryAndUnknownCountriesAreRejected) {
  testing::ScratchDir dir;
  auto r = read_file(dir.write("intl.csv",
                               "eventid,iyear,imonth,iday,country_txt,gname\n"
                               "1,2018,1,1,International,Unknown\n"
                               "2,2018,1,1,Atlantis,Unknown\n"));
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events.at("1").country, "");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].field, "country_txt");
  EXPECT_NE(r.errors[0].reason.find("unknown country 'Atlantis'"), std::string::npos);
}

TEST(FormatDetection, NamesWhatEachFormatNeedsWhenTheHeaderIsUnknown) {
  auto result = detect_format("date,place,deaths");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().find("event_id_cnty"), std::string::npos);
  EXPECT_NE(result.error().find("--format"), std::string::npos);
  EXPECT_EQ(detect_format("\xEF\xBB\xBF"
                          "event_id_cnty,event_date,x")
                .value(),
            Format::acled);
  EXPECT_EQ(detect_format("{\"dataset\":\"x\"}").value(), Format::jsonl);
}

TEST(JsonlReader, RoundTripsEveryFieldThroughTheSitrepSchema) {
  testing::ScratchDir dir;
  auto gtd = read_file(testing::fixture("gtd-full.csv"));
  std::string jsonl;
  for (const auto& [id, e] : gtd.events) jsonl += event_to_json(e).dump() + "\n";
  auto back = read_file(dir.write("events.jsonl", jsonl));
  EXPECT_TRUE(back.errors.empty());
  ASSERT_EQ(back.events.size(), gtd.events.size());
  for (const auto& [id, e] : gtd.events) {
    EXPECT_EQ(model::content_digest(back.events.at(id)), model::content_digest(e)) << id;
  }
}

TEST(JsonlReader, RejectsUnknownKeysAndBadValuesNamingTheKey) {
  testing::ScratchDir dir;
  auto r =
      read_file(dir.write("bad.jsonl",
                          "{\"dataset\":\"x\",\"native_id\":\"1\",\"date_start\":\"2022-01-01\","
                          "\"fatalites_best\":3}\n"
                          "{\"dataset\":\"x\",\"native_id\":\"2\",\"date_start\":\"2022-01-01\","
                          "\"latitude\":123}\n"
                          "{\"dataset\":\"x\",\"native_id\":\"3\",\"date_start\":\"2022-01-01\"}\n"
                          "{\"dataset\":\"x\", broken\n"));
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].field, "fatalites_best");
  EXPECT_EQ(r.errors[1].field, "latitude");
  EXPECT_EQ(r.errors[2].line, 4);
  EXPECT_EQ(r.events.size(), 1u);
}

}  // namespace
}  // namespace sitrep::io
