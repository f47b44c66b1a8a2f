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

FusionScores score_file(const std::string& name) {
  auto set = read_labelled_records(std::string(SITREP_TESTS_DATA_DIR) + "/" + name);
  EXPECT_TRUE(set.ok()) << set.error();
  auto data = FusionData::load(SITREP_SOURCE_DATA_DIR);
  EXPECT_TRUE(data.ok()) << data.error();
  if (!set.ok() || !data.ok()) return {};
  std::vector<FusionRecord> records;
  for (const LabelledRecord& r : *set) records.push_back(r.record);
  Clusters clusters = fuse_records(records, data->rules);
  return score_fusion(resolve_labels(*set, clusters.group), clusters.group);
}

// The synthetic labelled set (sitrep eval fuse --synthetic 100 --seed 1) at the target.
TEST(FusionEvaluation, TheSyntheticLabelledSetFusesAtTheTarget) {
  FusionScores s = score_file("fusion-gold-synthetic.jsonl");
  EXPECT_EQ(s.records, 343);
  EXPECT_GE(s.f1, 0.95);
  EXPECT_GE(s.precision, 0.95);  // false merges hide attacks
}

// The real set (UCDP's April 2020 events and the headlines they cite): what fusion reaches on
// events read from headlines (bench/README.md), kept from falling.
TEST(FusionEvaluation, TheUcdpHeadlineSetKeepsItsPrecision) {
  FusionScores s = score_file("fusion-gold-ucdp-2020-04.jsonl");
  EXPECT_EQ(s.records, 327);
  EXPECT_GE(s.precision, 0.60);
  EXPECT_GE(s.f1, 0.38);
}

TEST(FusionEvaluation, AHeadlineSeveralEventsCiteIsRightInAnyOfThem) {
  std::vector<LabelledRecord> set(3);
  set[0].incident = "u1";
  set[1].incident = "u2";
  set[2].incident = "u1";
  set[2].alternatives = {"u2"};
  EXPECT_EQ(resolve_labels(set, {0, 1, 1}), (std::vector<std::string>{"u1", "u2", "u2"}));
  EXPECT_EQ(resolve_labels(set, {0, 1, 2}), (std::vector<std::string>{"u1", "u2", "u1"}));
}

}  // namespace
}  // namespace sitrep::fuse
