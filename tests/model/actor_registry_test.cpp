#include "sitrep/model/actor_registry.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "../support/test_support.hpp"

namespace sitrep::model {
namespace {

const ActorRegistry& actors() {
  return testing::bundled_vocabulary().actors;
}
Day day(int y, int m, int d) {
  return to_day({y, m, d});
}

TEST(ActorRegistry, ResolvesEveryDatasetsSpellingOfIsKp) {
  EXPECT_EQ(actors().resolve("Islamic State Khorasan Province (ISKP)", "AF", day(2022, 4, 18)),
            "IS-KP");
  EXPECT_EQ(actors().resolve("Khorasan Chapter of the Islamic State", "AF", day(2018, 1, 1)),
            "IS-KP");
  EXPECT_EQ(actors().resolve("Islamic State (Afghanistan)", "AF", day(2019, 1, 1)), "IS-KP");
  EXPECT_EQ(actors().resolve("ISIS-K", "", day(2021, 8, 26)), "IS-KP");
  EXPECT_EQ(actors().resolve("Taleban", "AF", day(2020, 1, 1)), "Taliban");
}

TEST(ActorRegistry, UcdpIsMeansTheBranchOfItsCountry) {
  EXPECT_EQ(actors().resolve("IS", "AF", day(2020, 5, 1)), "IS-KP");
  EXPECT_EQ(actors().resolve("IS", "PK", day(2020, 5, 1)), "IS-KP");
  EXPECT_EQ(actors().resolve("IS", "IQ", day(2020, 5, 1)), "IS-Iraq");
  EXPECT_EQ(actors().resolve("IS", "NG", day(2020, 5, 1)), "ISWAP");
  // Where no branch is listed, the organisation itself.
  EXPECT_EQ(actors().resolve("IS", "FR", day(2020, 5, 1)), "IS");
}

TEST(ActorRegistry, DateScopedAliasesFollowTheTalibanTakeover) {
  EXPECT_EQ(actors().resolve("Government of Afghanistan", "AF", day(2021, 8, 1)),
            "Government of Afghanistan (2004-2021)");
  EXPECT_EQ(actors().resolve("Government of Afghanistan", "AF", day(2021, 9, 1)), "Taliban");
}

TEST(ActorRegistry, DropsAcledsCountryQualifierOnlyWhenTheFullNameIsUnknown) {
  EXPECT_EQ(actors().resolve("Civilians (Pakistan)", "PK", day(2022, 1, 1)), "Civilians");
  EXPECT_EQ(actors().resolve("Some New Group (Afghanistan)", "AF", day(2022, 1, 1)), "");
}

TEST(ActorRegistry, FilterOnAParentIncludesItsBranches) {
  auto is = actors().expand_for_filter("Islamic State");
  EXPECT_NE(std::find(is.begin(), is.end(), "IS-KP"), is.end());
  EXPECT_NE(std::find(is.begin(), is.end(), "IS-Pakistan"), is.end());
  EXPECT_NE(std::find(is.begin(), is.end(), "ISWAP"), is.end());
  auto iskp = actors().expand_for_filter("ISKP");
  EXPECT_EQ(iskp, std::vector<std::string>{"IS-KP"});
  EXPECT_EQ(actors().expand_for_filter("Nobody Known"), std::vector<std::string>{"Nobody Known"});
}

}  // namespace
}  // namespace sitrep::model
