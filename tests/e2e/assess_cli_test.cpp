// `sitrep assess` end to end on the bundled UCDP sample and sample reports: a Markdown brief
// with its numbers and sources, the same findings as JSON, a cross-border first from text, and
// clear refusals of what it cannot do.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run_sitrep.hpp"

namespace {

using sitrep::e2e::Outcome;
using sitrep::e2e::slurp;

class AssessCli : public sitrep::e2e::SitrepTest {
 protected:
  void SetUp() override {
    SitrepTest::SetUp();
    ASSERT_EQ(sitrep("import --quiet " + sample()).code, 0);
  }
};

// IS-KP has 2 + 6 + 13 = 21 events in the sample's October to December 2020 (sitrep query
// actor:IS-KP --by month) and 46 from January to September.
TEST_F(AssessCli, MarkdownBriefCountsTheWindowAgainstTheBaselineWithSources) {
  Outcome run = sitrep("assess --actor IS-KP --from 2020-10 --to 2020-12");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("# IS-KP: assessment of 2020-10-01..2020-12-31"), std::string::npos);
  EXPECT_NE(run.out.find("21 events involving IS-KP in 2020-10-01..2020-12-31"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("46 events in 2020-01-01..2020-09-30, the days with data"),
            std::string::npos);
  EXPECT_NE(run.out.find("## Sources\n\n1. UCDP GED "), std::string::npos);
  EXPECT_NE(run.out.find("## Checked, not reported"), std::string::npos);
  EXPECT_NE(run.out.find("(sitrep fuse has not run)"), std::string::npos) << run.out;
  EXPECT_NE(run.err.find("(21 in the window)"), std::string::npos) << run.err;
}

TEST_F(AssessCli, JsonCarriesTheFindingsWeeksAndNotes) {
  Outcome run = sitrep("assess --actor IS-KP --from 2020-10 --to 2020-12 --format json");
  ASSERT_EQ(run.code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["records"]["window"], 21);
  EXPECT_EQ(j["records"]["baseline"], 46);
  EXPECT_EQ(j["findings"][0]["kind"], "tempo");
  EXPECT_FALSE(j["weekly"].empty());
  int64_t weekly_total = 0;
  for (const auto& w : j["weekly"]) weekly_total += w["events"].get<int64_t>();
  EXPECT_EQ(weekly_total, 21 + 46);
  EXPECT_FALSE(j["notes"].empty());
}

TEST_F(AssessCli, AnExtractedRocketAttackIsAFirstCrossBorderAttackWithItsReport) {
  ASSERT_EQ(sitrep("ingest --quiet " + std::string(SITREP_SAMPLE_DIR) + "/reports.jsonl").code, 0);
  const std::string path = (dir_ / "brief.md").string();
  Outcome run = sitrep("assess --actor IS-KP --from 2022-04 --to 2022-05 -o '" + path + "'");
  ASSERT_EQ(run.code, 0) << run.err;
  std::string md = slurp(path);
  EXPECT_NE(md.find("### 1. First cross-border attack into Uzbekistan"), std::string::npos) << md;
  EXPECT_NE(md.find("denied by Government of Uzbekistan"), std::string::npos);
  EXPECT_NE(md.find("Reuters, 2022-04-20, \"Rockets fired from Afghanistan hit Termez\""),
            std::string::npos);
  EXPECT_NE(run.err.find("written to " + path), std::string::npos);
}

TEST_F(AssessCli, RefusesDateTermsUnknownFormatsAndNoSubject) {
  Outcome dated = sitrep("assess --actor IS-KP date:2020-03");
  EXPECT_EQ(dated.code, 2);
  EXPECT_NE(dated.err.find("must not hold date terms"), std::string::npos);
  Outcome html = sitrep("assess --actor IS-KP --format pdf");
  EXPECT_EQ(html.code, 2);
  EXPECT_NE(html.err.find("--format must be md, html or json"), std::string::npos);
  Outcome nobody = sitrep("assess");
  EXPECT_EQ(nobody.code, 2);
  EXPECT_NE(nobody.err.find("--actor NAME or a filter"), std::string::npos);
  Outcome backwards = sitrep("assess --actor IS-KP --from 2020-05 --to 2020-04");
  EXPECT_EQ(backwards.code, 2);
}

TEST_F(AssessCli, HtmlBriefIsOneFileWithMapAndCharts) {
  Outcome run = sitrep(
      "assess --actor IS-KP --from 2020-07 --to 2020-12 --baseline "
      "2020-01..2020-06 --format html");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(run.out.find("aria-label=\"Map of the window's events\""), std::string::npos);
  EXPECT_NE(run.out.find("aria-label=\"Events per week\""), std::string::npos);
  EXPECT_NE(run.out.find("aria-label=\"Targets by province\""), std::string::npos);
  // Provinces drawn from the bundled gazetteer, Nangarhar shaded with its events.
  EXPECT_NE(run.out.find("<title>Nangarhar, AF: "), std::string::npos);
  EXPECT_EQ(run.out.find("<script"), std::string::npos);
  EXPECT_EQ(run.out.find("<link"), std::string::npos);
}

TEST_F(AssessCli, EvalAssessPrintsFoundAndFalseAlarmsPerPlant) {
  Outcome run = sitrep("eval assess --seeds 2 --events 20000");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("cross_border                 2/2                0/2"), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("2 worlds of 20000 events (seeds 1..2)"), std::string::npos);
}

TEST_F(AssessCli, AnyFilterCanBeTheSubject) {
  Outcome run = sitrep("assess country:AF type:Battles --from 2020-12 --to 2020-12 --format json");
  ASSERT_EQ(run.code, 0) << run.err;
  auto j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["subject"], "country:AF type:Battles");
  EXPECT_GT(j["records"]["window"].get<int64_t>(), 0);
}

}  // namespace
