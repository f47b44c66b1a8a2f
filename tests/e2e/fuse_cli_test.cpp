// Fusion end to end: the Mazar-i-Sharif mosque bombing of 21 April 2022 from an ACLED export, a
// GTD export and two news reports becomes one incident with all four sources; an analyst's
// split holds in later runs; mistakes in the commands are clear errors that change nothing.
#include <fstream>

#include "support/run_sitrep.hpp"

namespace sitrep::e2e {
namespace {

using FuseCli = SitrepTest;

constexpr const char* kNews =
    R"({"id":"n1","published":"2022-04-21","source":"Reuters","title":"Blast at Shia mosque in Mazar-i-Sharif kills at least 31","text":"A suicide bomber killed at least 31 worshippers at the Seh Dokan mosque in Mazar-i-Sharif on Thursday, officials said. Islamic State claimed responsibility for the attack."})"
    "\n"
    R"({"id":"n2","published":"2022-04-22","source":"TOLOnews","title":"Death toll in Seh Dokan mosque bombing rises to 33","text":"The death toll from Thursday's suicide bombing at the Seh Dokan mosque in Mazar-i-Sharif, Balkh province, rose to 33, health officials said. Daesh claimed the bombing."})"
    "\n"
    R"({"id":"n3","published":"2022-04-22","source":"Pajhwok","title":"Gunmen kill two policemen in Kunduz","text":"Unidentified gunmen shot dead two policemen at a checkpoint in Kunduz city on Friday."})"
    "\n";

class FuseCliTest : public FuseCli {
 protected:
  void SetUp() override {
    FuseCli::SetUp();
    ASSERT_EQ(sitrep("import --quiet " + fixture("acled-export.csv") + " " +
                     fixture("gtd-mazar-2022.csv"))
                  .code,
              0);
    std::ofstream(dir_ / "news.jsonl") << kNews;
    Outcome ingest = sitrep("ingest '" + (dir_ / "news.jsonl").string() + "'");
    ASSERT_EQ(ingest.code, 0) << ingest.err;
  }
};

TEST_F(FuseCliTest, TheSameBombingFromTwoDatasetsAndTwoReportsIsOneIncident) {
  Outcome fuse = sitrep("fuse");
  ASSERT_EQ(fuse.code, 0) << fuse.err;
  EXPECT_NE(fuse.out.find("Fused 10 new records"), std::string::npos) << fuse.out;
  EXPECT_NE(fuse.out.find("1 new"), std::string::npos) << fuse.out;
  Outcome list = sitrep("incident list");
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find("Mazari Sharif, Balkh (AF)"), std::string::npos) << list.out;
  Outcome show = sitrep("incident show 1");
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("4 independent sources, 4 records"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("perpetrator IS-KP"), std::string::npos) << show.out;
  // One figure per source: ACLED 31, GTD 33, Reuters "at least 31"; TOLOnews gave none.
  EXPECT_NE(show.out.find("fatalities 31 (low 31, high 33)"), std::string::npos) << show.out;
  for (const char* member : {"event:2 ", "event:7 ", "mention:1 ", "mention:2 "}) {
    EXPECT_NE(show.out.find(member), std::string::npos) << member << show.out;
  }
  EXPECT_EQ(show.out.find("mention:3"), std::string::npos) << "the Kunduz shooting is apart";
  EXPECT_NE(show.out.find("Why they are one incident (3 links;"), std::string::npos) << show.out;
  Outcome again = sitrep("fuse");
  EXPECT_NE(again.out.find("nothing to fuse"), std::string::npos) << again.out;
}

TEST_F(FuseCliTest, QueriesAndStatsCountTheIncidentOnce) {
  ASSERT_EQ(sitrep("fuse -q").code, 0);
  Outcome incidents = sitrep("query country:AF admin1:Balkh --measure count,fatalities");
  ASSERT_EQ(incidents.code, 0) << incidents.err;
  EXPECT_NE(incidents.out.find("1          31"), std::string::npos) << incidents.out;
  EXPECT_NE(incidents.err.find("Counting incidents"), std::string::npos) << incidents.err;
  Outcome records =
      sitrep("query country:AF admin1:Balkh --measure count,fatalities --unit records");
  ASSERT_EQ(records.code, 0) << records.err;
  EXPECT_NE(records.out.find("2          64"), std::string::npos) << records.out;
  Outcome sql = sitrep("query country:AF --engine sql");
  EXPECT_EQ(sql.code, 2);
  EXPECT_NE(sql.err.find("add --unit records"), std::string::npos) << sql.err;
  Outcome stats = sitrep("stats");
  EXPECT_NE(stats.out.find("7 events (6 incidents"), std::string::npos) << stats.out;
  // The assessment counts the bombing once, not as two dataset rows and two reports.
  const std::string assess = "assess --actor IS-KP --from 2022-04-01 --to 2022-05-31 -f json";
  Outcome once = sitrep(assess);
  ASSERT_EQ(once.code, 0) << once.err;
  EXPECT_NE(once.out.find("4 incidents involving IS-KP"), std::string::npos) << once.out;
  Outcome every = sitrep(assess + " --unit records");
  EXPECT_NE(every.out.find("7 events involving IS-KP"), std::string::npos) << every.out;
  // The brief says what it counted.
  Outcome md = sitrep("assess --actor IS-KP --from 2022-04-01 --to 2022-05-31");
  EXPECT_NE(md.out.find("Counted as incidents"), std::string::npos) << md.out;
  Outcome md_records =
      sitrep("assess --actor IS-KP --from 2022-04-01 --to 2022-05-31 --unit records");
  EXPECT_NE(md_records.out.find("Counted as records (--unit records)"), std::string::npos)
      << md_records.out;
}

TEST_F(FuseCliTest, IncidentsToldOnlyByReportsAreNamedWhereTheyAreNotCounted) {
  std::ofstream(dir_ / "more.jsonl")
      << R"({"id":"n4","published":"2022-04-22","source":"Ariana News","title":"Two policemen shot dead at Kunduz checkpoint","text":"Gunmen shot dead two policemen at a police checkpoint in Kunduz city on Friday, police said."})"
      << "\n";
  ASSERT_EQ(sitrep("ingest '" + (dir_ / "more.jsonl").string() + "'").code, 0);
  ASSERT_EQ(sitrep("fuse -q").code, 0);
  Outcome list = sitrep("incident list");
  EXPECT_NE(list.out.find("Kunduz"), std::string::npos) << list.out;
  Outcome stats = sitrep("stats");
  EXPECT_NE(stats.out.find("and 1 incident told only by reports, not counted below"),
            std::string::npos)
      << stats.out;
  Outcome query = sitrep("query country:AF");
  EXPECT_NE(query.err.find("1 incident told only by reports is not in these counts"),
            std::string::npos)
      << query.err;
}

TEST_F(FuseCliTest, CompareSaysWhyTwoRecordsAreOrAreNotOneIncident) {
  ASSERT_EQ(sitrep("fuse -q").code, 0);
  Outcome same = sitrep("incident compare event:2 mention:1");
  ASSERT_EQ(same.code, 0) << same.err;
  EXPECT_NE(same.out.find("They can be one incident: probability"), std::string::npos) << same.out;
  EXPECT_NE(same.out.find("Now event:2 is in incident 1, and mention:1 is in incident 1."),
            std::string::npos)
      << same.out;
  Outcome apart = sitrep("incident compare mention:1 mention:3");
  ASSERT_EQ(apart.code, 0) << apart.err;
  EXPECT_NE(apart.out.find("They cannot be one incident: "), std::string::npos) << apart.out;
  Outcome missing = sitrep("incident compare event:2 mention:999");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("no mention:999 in the store"), std::string::npos) << missing.err;
}

TEST_F(FuseCliTest, AnAnalystsSplitHoldsWhenFusionRunsAgain) {
  ASSERT_EQ(sitrep("fuse -q").code, 0);
  Outcome split = sitrep("incident split 1 mention:2 --note 'a second blast'");
  ASSERT_EQ(split.code, 0) << split.err;
  EXPECT_NE(split.out.find("keeps 3 records"), std::string::npos) << split.out;
  ASSERT_EQ(sitrep("fuse -q --from-scratch").code, 0);
  Outcome show = sitrep("incident show 1");
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("3 records"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("mention:2 apart from event:2 — a second blast"), std::string::npos)
      << show.out;
}

TEST_F(FuseCliTest, MistakesAreClearErrorsAndChangeNothing) {
  ASSERT_EQ(sitrep("fuse -q").code, 0);
  Outcome missing = sitrep("incident show 99");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("no incident 99"), std::string::npos) << missing.err;
  Outcome stranger = sitrep("incident split 1 mention:3");
  EXPECT_EQ(stranger.code, 1);
  EXPECT_NE(stranger.err.find("mention:3 is not a record of incident 1 (nothing was changed)"),
            std::string::npos)
      << stranger.err;
  Outcome all = sitrep("incident split 1 event:2 event:7 mention:1 mention:2");
  EXPECT_EQ(all.code, 1);
  EXPECT_NE(all.err.find("not all of them"), std::string::npos) << all.err;
  Outcome ghost = sitrep("incident merge 1 event:99999");
  EXPECT_EQ(ghost.code, 1);
  EXPECT_NE(ghost.err.find("event:99999 is not in the store (nothing was changed)"),
            std::string::npos)
      << ghost.err;
  Outcome typo = sitrep("incident merge 1 evnt:3");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.err.find("'evnt:3' is neither an incident id nor a record"), std::string::npos);
  EXPECT_NE(sitrep("incident show 1").out.find("4 records"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::e2e
