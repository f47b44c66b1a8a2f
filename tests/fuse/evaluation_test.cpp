// Scoring fusion against labels, on a hand-counted case, and the target on the labelled set.
#include "sitrep/fuse/evaluation.hpp"

#include <gtest/gtest.h>

#include "sitrep/fuse/fuser.hpp"
#include "sitrep/fuse/fusion_data.hpp"

namespace sitrep::fuse {
namespace {

TEST(FusionEvaluation, PairwiseAndBCubedScoresOnAHandCountedCase) {
  // Gold: {0,1,2} {3,4}. Predicted: {0,1} {2,3,4}.
  FusionScores s = score_fusion({"A", "A", "A", "B", "B"}, {0, 0, 2, 2, 2});
  EXPECT_EQ(s.gold_pairs, 4);       // 3 + 1
  EXPECT_EQ(s.predicted_pairs, 4);  // 1 + 3
  EXPECT_EQ(s.correct_pairs, 2);    // (0,1) and (3,4)
  EXPECT_DOUBLE_EQ(s.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_EQ(s.false_merge_pairs, 2);  // (2,3), (2,4)
  EXPECT_EQ(s.missed_pairs, 2);       // (0,2), (1,2)
  // B-cubed precision: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
  EXPECT_NEAR(s.bcubed_precision, (1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, 1e-12);
  EXPECT_NEAR(s.bcubed_recall, (2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, 1e-12);
  EXPECT_EQ(s.incidents_hidden, 0);  // A leads {0,1}, B leads {2,3,4}
  EXPECT_EQ(score_fusion({"A", "B"}, {0, 0}).incidents_hidden, 1);
}

// The synthetic labelled set (sitrep eval fuse --synthetic 100 --seed 1) at the target.
TEST(FusionEvaluation, TheSyntheticLabelledSetFusesAtTheTarget) {
  auto set =
      read_labelled_records(std::string(SITREP_TESTS_DATA_DIR) + "/fusion-gold-synthetic.jsonl");
  ASSERT_TRUE(set.ok()) << set.error();
  auto data = FusionData::load(SITREP_SOURCE_DATA_DIR);
  ASSERT_TRUE(data.ok()) << data.error();
  std::vector<FusionRecord> records;
  std::vector<std::string> gold;
  for (const LabelledRecord& r : *set) {
    records.push_back(r.record);
    gold.push_back(r.incident);
  }
  FusionScores s = score_fusion(gold, fuse_records(records, data->rules).group);
  EXPECT_EQ(s.records, 343);
  EXPECT_GE(s.f1, 0.95);
  EXPECT_GE(s.precision, 0.95);  // false merges hide attacks
}

}  // namespace
}  // namespace sitrep::fuse
