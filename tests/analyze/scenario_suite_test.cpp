// The scenario suite on its first ten worlds: every plant whose finding is a fact of the record
// (a first, a re-emergence) is found in all of them, the statistical ones in most, and nothing
// is reported about a plant in the worlds without it. `sitrep eval assess --seeds 200` runs the
// full suite (bench/README.md has its figures).
#include "sitrep/analyze/scenario_suite.hpp"

#include <gtest/gtest.h>

#include <array>

namespace sitrep::analyze {
namespace {

TEST(ScenarioSuite, PlantsAreFoundAndAbsentPlantsRaiseNoAlarm) {
  auto vocabulary = model::Vocabulary::load(SITREP_SOURCE_DATA_DIR);
  ASSERT_TRUE(vocabulary.ok()) << vocabulary.error();
  auto scenario = synth::Scenario::load(SITREP_SOURCE_DATA_DIR);
  ASSERT_TRUE(scenario.ok()) << scenario.error();
  std::array<int, kPlantCount> found{};
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    auto outcome = run_scenario(*scenario, *vocabulary, seed);
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    for (const PlantOutcome& p : outcome->plants) {
      found[static_cast<size_t>(p.plant)] += p.found;
      EXPECT_FALSE(p.false_alarm) << "seed " << seed << " " << to_string(p.plant) << ": "
                                  << p.detail;
    }
  }
  for (Plant certain : {Plant::cross_border, Plant::reemergence, Plant::provincial_official}) {
    EXPECT_EQ(found[static_cast<size_t>(certain)], 10) << to_string(certain);
  }
  EXPECT_GE(found[static_cast<size_t>(Plant::target_mix)], 9);
  EXPECT_GE(found[static_cast<size_t>(Plant::hallmarks)], 9);
  EXPECT_GE(found[static_cast<size_t>(Plant::campaign)], 5);  // 84% over 200 worlds
}

TEST(ScenarioSuite, AWorldIsTheSameForTheSameSeed) {
  auto vocabulary = model::Vocabulary::load(SITREP_SOURCE_DATA_DIR);
  auto scenario = synth::Scenario::load(SITREP_SOURCE_DATA_DIR);
  ASSERT_TRUE(vocabulary.ok() && scenario.ok());
  auto a = run_scenario(*scenario, *vocabulary, 7), b = run_scenario(*scenario, *vocabulary, 7);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t i = 0; i < kPlantCount; ++i) EXPECT_EQ(a->plants[i].detail, b->plants[i].detail);
}

}  // namespace
}  // namespace sitrep::analyze
