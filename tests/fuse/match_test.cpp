// Which records may be one incident, and how alike they are, on hand-made pairs.
#include "sitrep/fuse/match.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "sitrep/fuse/area_keys.hpp"
#include "sitrep/fuse/candidates.hpp"
#include "sitrep/fuse/rare_words.hpp"
#include "sitrep/model/distance.hpp"

namespace sitrep::fuse {
namespace {

using model::to_day;

// A mosque bombing in Kunduz city, reported on the day.
// Weighted words in the order word matching walks them (sort_words), weights kept beside.
void give_words(FusionRecord& r, std::vector<std::pair<const char*, float>> words) {
  std::sort(words.begin(), words.end(), [](const auto& x, const auto& y) {
    return Symbol(x.first).id() < Symbol(y.first).id();
  });
  r.words.clear();
  r.word_weights.clear();
  for (const auto& [word, weight] : words) {
    r.words.emplace_back(word);
    r.word_weights.push_back(weight);
  }
}

FusionRecord bombing(int64_t id) {
  FusionRecord r;
  r.id = id;
  r.date = {to_day({2021, 10, 8}), to_day({2021, 10, 8}), model::DatePrecision::day};
  r.country = "AF";
  r.admin1 = "Kunduz";
  r.admin2 = "Kunduz";
  r.latitude = 36.728;
  r.longitude = 68.857;
  r.place_precision = PlacePrecision::point;
  r.event_type = "Explosions/Remote violence";
  r.perpetrator = "IS-KP";
  r.target = "religious";
  r.fatalities_low = 46;
  r.fatalities_high = 60;
  r.words = {"kunduz", "mosque", "shia", "suicide"};
  sort_words(r.words);  // the order word matching walks them in
  return r;
}

TEST(FusionMatch, TwoReportsOfOneBombingMerge) {
  FusionRules rules;  // the defaults, as data/fusion.tsv sets them
  FusionRecord a = bombing(1), b = bombing(2);
  b.date = {to_day({2021, 10, 9}), to_day({2021, 10, 9}), model::DatePrecision::day};  // published
  b.latitude = 36.75;  // 2.5 km north
  b.fatalities_low = 55;
  b.fatalities_high = 55;
  b.words = {"kunduz", "mosque", "worshippers"};
  sort_words(b.words);
  Match m = match(a, b, rules);
  ASSERT_TRUE(m.compatible) << why_apart(a, b, FusionRules{});
  const double km = model::distance_km(36.728, 68.857, 36.75, 68.857);
  EXPECT_NEAR(m.parts.place, 2.5 - 2.0 * km / 25, 1e-12);  // 2.5 at the spot, 0.5 at 25 km
  EXPECT_DOUBLE_EQ(m.parts.date, -0.3);                    // a day apart
  EXPECT_DOUBLE_EQ(*m.parts.casualties, 1.5);              // 55 lies in 46..60: 46 dead or more
  EXPECT_NEAR(*m.parts.words, -2.5 + 6.5 * 2 / 3, 1e-12);  // kunduz, mosque of the three
  EXPECT_DOUBLE_EQ(*m.parts.target, 0.5);                  // religious, both
  EXPECT_DOUBLE_EQ(*m.parts.perpetrator, 1.0);             // IS-KP, both
  const double evidence = -1.5 + m.parts.place - 0.3 + 1.5 + (-2.5 + 6.5 * 2 / 3) + 0.5 + 1.0;
  EXPECT_NEAR(m.score, 1 / (1 + std::exp(-evidence)), 1e-12);
  EXPECT_TRUE(m.merge);
}

TEST(FusionMatch, AMonthPrecisionRecordMeetsAnyDayOfItsMonth) {
  FusionRecord a = bombing(1), b = bombing(2);
  b.date = model::month_span(2021, 10);
  b.date.precision = model::DatePrecision::month;
  b.place_precision = PlacePrecision::admin1;
  b.latitude.reset();
  b.longitude.reset();
  b.admin2.clear();
  Match m = match(a, b, FusionRules{});
  ASSERT_TRUE(m.compatible) << why_apart(a, b, FusionRules{});
  // They agree as far as the coarser record can tell, which is little evidence.
  EXPECT_DOUBLE_EQ(m.parts.date, 0.0);
  EXPECT_DOUBLE_EQ(m.parts.place, 0.8);  // the same province
}

TEST(FusionMatch, AReportDatedByItsPublicationTellsOfThatDayOrTheDayBefore) {
  FusionRecord event = bombing(1), report = bombing(2);
  report.dated_by_publication = true;
  report.date = {to_day({2021, 10, 9}), to_day({2021, 10, 9}), model::DatePrecision::day};
  EXPECT_DOUBLE_EQ(match(event, report, FusionRules{}).parts.date, 0.7);  // the 8th: same day
  event.date = report.date;
  EXPECT_DOUBLE_EQ(match(event, report, FusionRules{}).parts.date, 0.7);
  event.date = {to_day({2021, 10, 10}), to_day({2021, 10, 10}), model::DatePrecision::day};
  EXPECT_DOUBLE_EQ(match(event, report, FusionRules{}).parts.date, -0.3);  // after publication
  // With a lag, the report's span reaches back to events days older (at a day apart's evidence).
  FusionRules rules;
  rules.publication_lag_days = 3;
  std::vector<FusionRecord> records = {report};
  widen_publication_dates(records, rules);
  EXPECT_EQ(records[0].date.start, to_day({2021, 10, 6}));
  event.date = {to_day({2021, 10, 6}), to_day({2021, 10, 6}), model::DatePrecision::day};
  Match m = match(event, records[0], rules);
  EXPECT_TRUE(m.compatible);
  EXPECT_DOUBLE_EQ(m.parts.date, -0.3);
}

TEST(FusionMatch, FewDeadInCommonIsLittleEvidenceAndFiguresApartAreEvidenceAgainst) {
  FusionRecord a = bombing(1), b = bombing(2);
  a.fatalities_low = a.fatalities_high = b.fatalities_low = b.fatalities_high = 1;
  EXPECT_NEAR(*match(a, b, FusionRules{}).parts.casualties, 1.5 * std::log(2) / std::log(11),
              1e-12);
  b.fatalities_low = b.fatalities_high = 4;
  EXPECT_NEAR(*match(a, b, FusionRules{}).parts.casualties, -2.0 * (1 - 1.0 / 4), 1e-12);
}

TEST(FusionMatch, AReportNamingEitherSideOfADatasetsDyadNamesItsEvent) {
  FusionRecord ucdp = bombing(1), report = bombing(2);
  ucdp.perpetrator = "Government of Afghanistan";  // UCDP's side_a, whoever struck
  ucdp.counterpart = "Taliban";
  report.perpetrator = "Taliban";
  EXPECT_TRUE(match(ucdp, report, FusionRules{}).compatible);
  report.perpetrator = "IS-KP";
  EXPECT_EQ(why_apart(ucdp, report, FusionRules{}),
            "perpetrators differ: Government of Afghanistan and IS-KP");
}

TEST(FusionMatch, KindsOfTargetOfOneFamilyPartlyAgree) {
  FusionRecord a = bombing(1), b = bombing(2);
  b.target = "minorities";  // a Shia mosque: religious to one source, minorities to another
  EXPECT_DOUBLE_EQ(*match(a, b, FusionRules{}).parts.target, 0.2);
  b.target = "police";
  EXPECT_DOUBLE_EQ(*match(a, b, FusionRules{}).parts.target, -2.0);
  b.target = "unknown";
  EXPECT_FALSE(match(a, b, FusionRules{}).parts.target.has_value());
}

TEST(FusionMatch, AreaNamesSpelledTwoWaysAreOneAreaOnceKeyed) {
  FusionRecord a = bombing(1), b = bombing(2);
  for (FusionRecord* r : {&a, &b}) {
    r->place_precision = PlacePrecision::admin2;
    r->admin1 = "Helmand";
  }
  a.admin2 = "Nahr-e Saraj";  // a dataset's spelling
  b.admin2 = "Nahri Sarraj";  // the gazetteer's
  b.admin1 = "Helmand Province";
  EXPECT_FALSE(match(a, b, FusionRules{}).compatible);  // as written, they differ
  std::vector<FusionRecord> records = {a, b};
  key_areas(records);
  EXPECT_TRUE(match(records[0], records[1], FusionRules{}).compatible)
      << why_apart(records[0], records[1], FusionRules{});
  records[1].admin2 = "Gereshk";  // another district stays another
  key_areas(records);
  EXPECT_EQ(why_apart(records[0], records[1], FusionRules{}),
            "districts differ: Nahr-e Saraj and Gereshk");
}

TEST(FusionMatch, TargetFamiliesAreDataAnAnalystCanEdit) {
  FusionRules shipped;
  ASSERT_TRUE(
      shipped
          .load_target_families(std::string(SITREP_SOURCE_DATA_DIR) + "/fusion-target-families.tsv")
          .ok());
  EXPECT_EQ(shipped.target_families, FusionRules{}.target_families);  // the defaults are the file's

  const auto path = std::filesystem::temp_directory_path() / "sitrep-families-test.tsv";
  std::ofstream(path) << "target\tfamily\nreligious\tworship\nminorities\tworship\n";
  FusionRules edited;
  ASSERT_TRUE(edited.load_target_families(path.string()).ok());
  FusionRecord a = bombing(1), b = bombing(2);
  b.target = "minorities";
  EXPECT_DOUBLE_EQ(*match(a, b, edited).parts.target, 0.2);
  b.target = "civilians";  // in no family now
  EXPECT_DOUBLE_EQ(*match(a, b, edited).parts.target, -2.0);

  std::ofstream(path) << "target\tfamily\nreligious\tworship\nreligious\tcivilian\n";
  Status twice = edited.load_target_families(path.string());
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().find("sitrep-families-test.tsv:3: 'religious' is listed twice"),
            std::string::npos)
      << twice.error();
  std::filesystem::remove(path);
}

TEST(FusionMatch, RareSharedWordsWeighMoreThanTheTownsName) {
  FusionRecord a = bombing(1), b = bombing(2);
  // kunduz is in twenty records, the rest in two
  give_words(a, {{"kunduz", 0.05f}, {"sayedabad", 0.5f}});
  give_words(b, {{"kunduz", 0.05f}, {"khanabad", 0.5f}});
  EXPECT_NEAR(*match(a, b, FusionRules{}).parts.words, -2.5 + 6.5 * (0.05 / 0.55), 1e-6);
  give_words(b, {{"kunduz", 0.05f}});  // the town's name alone tells nothing either way
  EXPECT_FALSE(match(a, b, FusionRules{}).parts.words.has_value());
}

TEST(FusionMatch, EachDisagreementKeepsRecordsApartAndSaysWhy) {
  FusionRules rules;
  auto why = [&](FusionRecord b) { return why_apart(bombing(1), b, rules); };
  FusionRecord later = bombing(2);
  later.date = {to_day({2021, 10, 12}), to_day({2021, 10, 12}), model::DatePrecision::day};
  EXPECT_EQ(why(later), "dates 4 days apart (more than 1)");
  FusionRecord elsewhere = bombing(2);
  elsewhere.latitude = 36.70;
  elsewhere.longitude = 69.40;  // about 49 km east
  EXPECT_NE(why(elsewhere).find("km apart (more than 25)"), std::string::npos);
  FusionRecord province = bombing(2);
  province.place_precision = PlacePrecision::admin1;
  province.admin1 = "Baghlan";
  EXPECT_EQ(why(province), "provinces differ: Kunduz and Baghlan");
  FusionRecord protest = bombing(2);
  protest.event_type = "Protests";
  EXPECT_EQ(why(protest),
            "event types of different kinds: Explosions/Remote violence and Protests");
  FusionRecord taliban = bombing(2);
  taliban.perpetrator = "Taliban";
  EXPECT_EQ(why(taliban), "perpetrators differ: IS-KP and Taliban");
  FusionRecord abroad = bombing(2);
  abroad.country = "TJ";
  EXPECT_EQ(why(abroad), "countries differ: AF and TJ");
  for (const FusionRecord& b : {later, elsewhere, province, protest, taliban, abroad}) {
    EXPECT_FALSE(match(bombing(1), b, rules).compatible) << why(b);
  }
  EXPECT_EQ(why(bombing(2)), "");  // compatible: nothing to say
}

TEST(FusionMatch, AnUnknownPerpetratorAgreesWithANamedOne) {
  FusionRecord b = bombing(2);
  b.perpetrator = "Unidentified armed group";
  EXPECT_TRUE(match(bombing(1), b, FusionRules{}).compatible);
}

TEST(FusionMatch, CasualtiesThatDisagreeCountTheRatioOfTheNearerEnds) {
  FusionRecord a = bombing(1), b = bombing(2);
  b.fatalities_low = 100;
  b.fatalities_high = 120;
  EXPECT_NEAR(*match(a, b, FusionRules{}).parts.casualties, -2.0 * (1 - 60.0 / 100), 1e-12);
  b.fatalities_low.reset();
  b.fatalities_high.reset();
  EXPECT_FALSE(match(a, b, FusionRules{}).parts.casualties.has_value());
}

TEST(FusionMatch, RulesLoadFromTheDataTableAndRejectUnknownKeys) {
  auto rules = FusionRules::load(std::string(SITREP_SOURCE_DATA_DIR) + "/fusion.tsv");
  ASSERT_TRUE(rules.ok()) << rules.error();
  EXPECT_EQ(rules->max_days_apart, 1);
  EXPECT_DOUBLE_EQ(rules->point_km, 25);
  EXPECT_DOUBLE_EQ(rules->merge_score, 0.5);
  EXPECT_DOUBLE_EQ(rules->target_differ, -2.0);  // evidence may be negative

  const auto path = std::filesystem::temp_directory_path() / "sitrep-fusion-test.tsv";
  std::ofstream(path) << "key\tvalue\nmerge_scor\t0.5\n";
  auto typo = FusionRules::load(path.string());
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.error().find("sitrep-fusion-test.tsv:2: unknown key 'merge_scor'"),
            std::string::npos)
      << typo.error();
  std::ofstream(path) << "key\tvalue\nmerge_score\t1.5\n";
  EXPECT_FALSE(FusionRules::load(path.string()).ok());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace sitrep::fuse
