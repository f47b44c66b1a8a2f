// The filter language: syntax errors point at the character, and each field selects exactly the
// events it should from a store loaded with the fixtures.
#include <set>

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/query/filter.hpp"
#include "sitrep/store/importer.hpp"

namespace sitrep::query {
namespace {

TEST(FilterParser, ParsesFieldsListsQuotesNegationAndWords) {
  auto f = parse_filter(
      R"(actor:IS-KP country:AF,PK type:"Explosions/Remote violence" -admin1:Kabul mosque "suicide bomber")");
  ASSERT_TRUE(f.ok()) << f.error();
  ASSERT_EQ(f->terms.size(), 6u);
  EXPECT_EQ(f->terms[1].values, (std::vector<std::string>{"AF", "PK"}));
  EXPECT_EQ(f->terms[2].values[0], "Explosions/Remote violence");
  EXPECT_TRUE(f->terms[3].negated);
  EXPECT_EQ(f->terms[4].field, "");
  EXPECT_EQ(f->terms[5].values[0], "suicide bomber");
}

TEST(FilterParser, ErrorsPointAtTheOffendingCharacter) {
  auto unknown = parse_filter("actor:IS-KP contry:AF");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().rfind("column 13: unknown field 'contry'", 0), 0u) << unknown.error();
  EXPECT_NE(unknown.error().find("\n              ^"), std::string::npos) << unknown.error();
  auto quote = parse_filter("type:\"Battles");
  ASSERT_FALSE(quote.ok());
  EXPECT_EQ(quote.error().rfind("column 6:", 0), 0u);
  EXPECT_FALSE(parse_filter("country:AF,").ok());
  EXPECT_FALSE(parse_filter("- country:AF").ok());
}

class FilterOnStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::ScratchDir();
    store_ = store::SqliteStore::open(dir_->file("filters.db")).value().release();
    auto report =
        store::import_files(*store_,
                            {testing::fixture("acled-export.csv"), testing::fixture("gtd-full.csv"),
                             testing::fixture("ucdp-ged-full.csv")},
                            testing::bundled_vocabulary(), {});
    ASSERT_TRUE(report.ok() && report->committed);
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  // Native ids the filter selects.
  static std::set<std::string> ids(std::string_view filter) {
    auto where = compile_filter(filter, testing::bundled_vocabulary());
    EXPECT_TRUE(where.ok()) << (where.ok() ? "" : where.error());
    std::set<std::string> out;
    if (!where.ok()) return out;
    Status s = store_->for_each_event(*where, -1, [&](const model::Event& e) {
      out.insert(e.native_id);
      return true;
    });
    EXPECT_TRUE(s.ok()) << s.error();
    return out;
  }
  static size_t count(std::string_view filter) { return ids(filter).size(); }

  static testing::ScratchDir* dir_;
  static store::SqliteStore* store_;
};
testing::ScratchDir* FilterOnStore::dir_ = nullptr;
store::SqliteStore* FilterOnStore::store_ = nullptr;

TEST_F(FilterOnStore, ActorMatchesAliasesAcrossDatasetsAndSubActors) {
  auto iskp = ids("actor:IS-KP");
  EXPECT_TRUE(iskp.count("AFG12345"));      // ACLED spelling
  EXPECT_TRUE(iskp.count("201804220002"));  // GTD spelling
  EXPECT_TRUE(iskp.count("332101"));        // UCDP "IS" in Afghanistan
  EXPECT_EQ(ids("actor:Daesh"), iskp);      // an alias scoped to the region
  EXPECT_EQ(ids("actor:IS"), iskp);         // the parent includes its branch
  EXPECT_TRUE(ids("actor2:IS-KP").count("332101"));
  EXPECT_FALSE(ids("actor1:IS-KP").count("332101"));
}

TEST_F(FilterOnStore, NegationIsTheExactComplement) {
  size_t all = count("");
  for (std::string_view f : {"country:AF", "fatalities:>=5", "claimed:yes", "target:civilians",
                             "actor:Taliban", "mosque"}) {
    std::string negated = std::string("-").append(f);
    EXPECT_EQ(count(f) + count(negated), all) << f;
  }
}

TEST_F(FilterOnStore, DatesAcceptYearsMonthsDaysAndOpenEnds) {
  EXPECT_EQ(count("date:2018"), 5u);
  EXPECT_EQ(count("date:2018-07"), 1u);  // GTD month-only event starts on the 1st
  EXPECT_EQ(count("date:2022-04-18..2022-04-21"), ids("date:2022-04-18..2022-04-21").size());
  EXPECT_EQ(count("date:..2019") + count("date:2020.."), count(""));
  auto bad = compile_filter("date:2022-02-30..", testing::bundled_vocabulary());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().find("February 2022 has 28 days"), std::string::npos);
}

TEST_F(FilterOnStore, TaxonomyCodesIncludeTheirChildren) {
  auto military = ids("target:military");
  for (const std::string& id : military) EXPECT_TRUE(ids("target:security-forces").count(id));
  EXPECT_GE(count("target:security-forces"), count("target:military") + count("target:police"));
  EXPECT_EQ(count("weapon:explosives"), count("weapon:explosives,ied,suicide-bomb,vbied,grenade"));
  EXPECT_FALSE(compile_filter("target:soldiers", testing::bundled_vocabulary()).ok());
}

TEST_F(FilterOnStore, ClaimsFatalitiesNearbyAndFreeText) {
  EXPECT_EQ(ids("claimed:yes"), (std::set<std::string>{"201804220002", "201810140021"}));
  EXPECT_TRUE(ids("claimed:no").count("201811230004"));
  EXPECT_TRUE(ids("fatalities:>=50").count("201804220002"));
  EXPECT_TRUE(ids("fatalities:6").count("AFG12345"));
  EXPECT_TRUE(ids("fatalities:5..6").count("AFG12345"));
  EXPECT_FALSE(ids("fatalities:<6").count("AFG12345"));
  // Kabul events within 20 km of the city centre, none from Jalalabad (~120 km away).
  auto kabul = ids("near:34.53,69.17/20km");
  EXPECT_TRUE(kabul.count("AFG12345"));
  EXPECT_FALSE(kabul.count("332101"));
  EXPECT_TRUE(ids("Amaq").count("AFG12345"));
  EXPECT_TRUE(ids("amaq").count("AFG12345"));  // case-insensitive words
  EXPECT_EQ(count("country:Afghanistan"), count("country:AF"));
  EXPECT_EQ(ids("native_id:AFG12345,332101"), (std::set<std::string>{"AFG12345", "332101"}));
  EXPECT_EQ(count("country:AF,PK"), count("country:AF") + count("country:PK"));
}

TEST_F(FilterOnStore, UserTextIsNeverSql) {
  EXPECT_EQ(count("admin1:\"Kabul' OR 1=1 --\""), 0u);
  EXPECT_EQ(count("\"x' OR '1'='1\""), 0u);
}

}  // namespace
}  // namespace sitrep::query
