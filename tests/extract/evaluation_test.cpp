// The scoring of `sitrep eval extract`: pairing gold events with mentions, and what counts as a
// true positive, a false positive and a false negative per field.
#include "sitrep/extract/evaluation.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "../geo/bundled_gazetteer.hpp"

namespace sitrep::extract {
namespace {

const FieldScore& field(const ExtractionEvaluation& e, const std::string& name) {
  for (const FieldScore& f : e.fields) {
    if (f.field == name) return f;
  }
  ADD_FAILURE() << "no field " << name;
  static const FieldScore none;
  return none;
}

Mention mention(std::string type, std::string admin1, int killed_low, std::optional<int> high) {
  Mention m;
  m.event_type = std::move(type);
  PlaceMention p;
  p.found = true;
  p.country = "AF";
  p.admin1 = std::move(admin1);
  m.places.push_back(p);
  m.killed = CasualtyMention{CasualtyMention::Kind::killed, killed_low, high, 0, 0};
  return m;
}

GoldPassage passage(std::vector<GoldEvent> events) {
  GoldPassage p;
  p.document.id.assign(7, 'p');  // (not a literal: GCC 12 misreads that as an overlap)
  p.events = std::move(events);
  return p;
}

GoldEvent gold(std::string type, std::string admin1, int low, std::optional<int> high) {
  GoldEvent g;
  g.fields = {{"event_type", type}, {"admin1", admin1}, {"country", "AF"}};
  g.killed_low = low;
  g.killed_high = high;
  return g;
}

TEST(EvaluateExtraction, PairsEventsByAgreementNotByOrder) {
  std::vector<GoldPassage> g = {passage(
      {gold("Battles", "Helmand", 3, 3), gold("Violence against civilians", "Herat", 1, 1)})};
  auto e = evaluate_extraction(g, [](const Document&) {
    ReportExtraction x;
    x.mentions = {mention("Violence against civilians", "Herat", 1, 1),
                  mention("Battles", "Helmand", 3, 3)};
    return x;
  });
  EXPECT_EQ(field(e, "event_type").true_positives, 2);
  EXPECT_EQ(field(e, "admin1").true_positives, 2);
  EXPECT_DOUBLE_EQ(field(e, "admin1").f1(), 1.0);
}

TEST(EvaluateExtraction, AnEventInAPassageWithoutOneIsAFalsePositive) {
  std::vector<GoldPassage> g = {passage({})};
  auto e = evaluate_extraction(g, [](const Document&) {
    ReportExtraction x;
    x.mentions = {mention("Battles", "Helmand", 1, 1)};
    return x;
  });
  EXPECT_EQ(field(e, "event_type").false_positives, 1);
  EXPECT_EQ(field(e, "event_type").true_positives, 0);
  EXPECT_EQ(e.misses.front().field, "event_type");
}

TEST(EvaluateExtraction, DisagreementIsBothAFalsePositiveAndAFalseNegative) {
  std::vector<GoldPassage> g = {passage({gold("Battles", "Helmand", 3, 3)})};
  auto e = evaluate_extraction(g, [](const Document&) {
    ReportExtraction x;
    x.mentions = {mention("Battles", "Kandahar", 3, 3)};
    return x;
  });
  EXPECT_EQ(field(e, "admin1").false_positives, 1);
  EXPECT_EQ(field(e, "admin1").false_negatives, 1);
  EXPECT_EQ(field(e, "event_type").true_positives, 1);
}

TEST(EvaluateExtraction, FatalitiesAgreeWhenRangesOverlapOpenEndsIncluded) {
  std::vector<GoldPassage> g = {passage({gold("Battles", "Helmand", 31, std::nullopt)}),
                                passage({gold("Battles", "Helmand", 5, 5)})};
  int call = 0;
  auto e = evaluate_extraction(g, [&](const Document&) {
    ReportExtraction x;
    x.mentions = {call++ == 0 ? mention("Battles", "Helmand", 36, 36)
                              : mention("Battles", "Helmand", 7, 7)};
    return x;
  });
  EXPECT_EQ(field(e, "fatalities").true_positives, 1);
  EXPECT_EQ(field(e, "fatalities").false_positives, 1);
  EXPECT_EQ(field(e, "fatalities").false_negatives, 1);
}

TEST(EvaluateExtraction, DistrictsAgreeAsAreasWhateverTheirSpelling) {
  // admin2 compares names as written; admin2_area as areas: diacritics, romanisation and the
  // word for the unit do not count, a different district does.
  auto scores = [](std::string want, std::string got) {
    GoldEvent g = gold("Battles", "Kunduz", 1, 1);
    g.fields["admin2"] = want;
    std::vector<GoldPassage> golds = {passage({g})};
    return evaluate_extraction(golds, [&](const Document&) {
      ReportExtraction x;
      x.mentions = {mention("Battles", "Kunduz", 1, 1)};
      x.mentions[0].places[0].admin2 = got;
      return x;
    });
  };
  auto spelled = scores("Imām Şāḩib", "Imam Sahib");
  EXPECT_EQ(field(spelled, "admin2").true_positives, 0);
  EXPECT_EQ(field(spelled, "admin2_area").true_positives, 1);
  EXPECT_EQ(field(scores("Kandahar District", "Kandahar"), "admin2_area").true_positives, 1);
  auto other = scores("Imām Şāḩib", "Qala-e Zal");
  EXPECT_EQ(field(other, "admin2_area").true_positives, 0);
  EXPECT_EQ(field(other, "admin2_area").false_positives, 1);
}

TEST(EvaluateExtraction, DistrictsAreOneAreaWhenOneGazetteerDistrictHoldsBothNames) {
  SameDistrict same = same_district_in(*geo::testing::bundled_gazetteer());
  // GeoNames' spelling of the district and geoBoundaries' (the one sitrep reports)
  EXPECT_TRUE(same("Garmsīr", "Helmand", "Garmser", "Helmand"));
  EXPECT_TRUE(same("Khūgyāṉī", "Nangarhar", "Khogayani", "Nangarhar"));
  // Qarah Bagh is a district of Ghazni and one of Kabul: not the same area
  EXPECT_FALSE(same("Qarah Bāgh", "Ghazni", "Qarabagh", "Kabul"));
  EXPECT_FALSE(same("Garmsīr", "Helmand", "Nad Ali", "Helmand"));
}

TEST(ReadExtractionGold, ABadLineIsAnErrorWithItsLineNumber) {
  auto path = std::filesystem::temp_directory_path() / "sitrep-gold-test.jsonl";
  std::ofstream(path) << R"({"id":"a","text":"x","events":[]})"
                      << "\n{not json}\n";
  auto read = read_extraction_gold(path.string());
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().find(":2: not a JSON object"), std::string::npos) << read.error();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace sitrep::extract
