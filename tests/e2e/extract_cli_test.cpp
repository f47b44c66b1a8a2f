// Text to events end to end: sitrep extract on the three input formats and standard input,
// malformed inputs, sitrep ingest storing reports and their events idempotently, and the
// extraction evaluation on the bundled gold passages.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "support/run_sitrep.hpp"

namespace sitrep::e2e {
namespace {

using ExtractCli = SitrepTest;

constexpr const char* kReport =
    "title: Rockets hit Termez\n"
    "published: 2022-04-20\n"
    "source: Reuters\n"
    "\n"
    "Militants fired ten 107mm rockets from Balkh province toward a military base in Termez on "
    "Monday. Uzbekistan's defence ministry denied that any attack took place.\n";

TEST_F(ExtractCli, APlainTextReportGivesItsEventWithEvidence) {
  std::ofstream(dir_ / "report.txt") << kReport;
  Outcome r = sitrep("extract '" + (dir_ / "report.txt").string() + "' --explain");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Shelling/artillery/missile attack"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("indirect-fire x10 «107mm rockets»"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cross-border yes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2022-04-18 «Monday»"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("denied; denied by Government of Uzbekistan"), std::string::npos) << r.out;
}

TEST_F(ExtractCli, JsonlAndTelegramExportsGiveOneReportPerItem) {
  std::ofstream(dir_ / "news.jsonl")
      << R"({"id":"a1","published":"2022-04-20","source":"Dawn","title":"","text":"Gunmen shot dead a teacher in Khost on Monday."})"
      << "\n"
      << R"({"id":"a2","published":"2022-04-20","text":"The minister met traders in Kabul."})"
      << "\n";
  Outcome jsonl = sitrep("extract '" + (dir_ / "news.jsonl").string() + "' --format jsonl");
  ASSERT_EQ(jsonl.code, 0) << jsonl.err;
  EXPECT_NE(jsonl.out.find(R"("id":"a1")"), std::string::npos) << jsonl.out;
  EXPECT_NE(jsonl.out.find(R"("target":{"evidence":{"begin":19,"end":26,"text":"teacher"})"),
            std::string::npos)
      << jsonl.out;
  EXPECT_NE(jsonl.out.find(R"("not_understood":["no event found"])"), std::string::npos);

  std::ofstream(dir_ / "result.json") << R"({"name":"Channel","type":"public_channel","id":1,
    "messages":[
      {"id":7,"type":"message","date":"2022-05-02T10:00:00","text":"Боевики выпустили ракеты по Кулябу в понедельник."},
      {"id":8,"type":"service","date":"2022-05-02T11:00:00","action":"pin_message","text":""}
    ]})";
  Outcome telegram = sitrep("extract '" + (dir_ / "result.json").string() + "'");
  ASSERT_EQ(telegram.code, 0) << telegram.err;
  EXPECT_NE(telegram.out.find("Kŭlob"), std::string::npos) << telegram.out;
  EXPECT_NE(telegram.out.find("2022-05-02"), std::string::npos) << telegram.out;
}

TEST_F(ExtractCli, StandardInputTakesAPublicationDate) {
  std::ofstream(dir_ / "in.txt") << "Gunmen killed two policemen in Kunduz on Monday.";
  Outcome r = sitrep("extract - --published 2022-04-20 < '" + (dir_ / "in.txt").string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2022-04-18"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("killed       2"), std::string::npos) << r.out;
}

TEST_F(ExtractCli, MalformedInputsAreClearErrorsAndTheRestIsRead) {
  std::ofstream(dir_ / "bad.jsonl") << R"({"id":"ok","text":"A bomb killed two people in Kabul."})"
                                    << "\n{not json\n";
  Outcome bad = sitrep("extract '" + (dir_ / "bad.jsonl").string() + "'");
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("bad.jsonl:2:"), std::string::npos) << bad.err;
  EXPECT_NE(bad.out.find("Remote explosive"), std::string::npos) << "the good line was lost";

  std::ofstream(dir_ / "empty.txt") << "";
  Outcome empty = sitrep("extract '" + (dir_ / "empty.txt").string() + "'");
  EXPECT_EQ(empty.code, 1);
  EXPECT_NE(empty.err.find("the file is empty"), std::string::npos) << empty.err;

  std::ofstream(dir_ / "latin1.txt") << "Bomb in Kabul \xE9t\xE9\n";
  Outcome latin1 = sitrep("extract '" + (dir_ / "latin1.txt").string() + "'");
  EXPECT_EQ(latin1.code, 1);
  EXPECT_NE(latin1.err.find("latin1.txt:1:15: invalid UTF-8"), std::string::npos) << latin1.err;

  // A 50 MB report on one line is read, not refused or truncated silently.
  {
    std::ofstream big(dir_ / "big.txt");
    std::string chunk = "The market was calm and traders sold fruit. ";
    for (size_t written = 0; written < 50u << 20; written += chunk.size()) big << chunk;
    big << "A bomb killed two people in Kabul.";
  }
  Outcome huge = sitrep("extract '" + (dir_ / "big.txt").string() + "' --format jsonl");
  ASSERT_EQ(huge.code, 0) << huge.err;
  EXPECT_NE(huge.out.find("Remote explosive/landmine/IED"), std::string::npos);
}

TEST_F(ExtractCli, IngestStoresReportsAndEventsOnceAndReplacesChangedText) {
  std::ofstream(dir_ / "news.jsonl")
      << R"({"id":"n1","published":"2022-04-20","text":"Gunmen shot dead a teacher in Khost on Monday."})"
      << "\n"
      << R"({"id":"n2","published":"2022-04-20","text":"The minister met traders in Kabul."})"
      << "\n";
  Outcome first = sitrep("ingest '" + (dir_ / "news.jsonl").string() + "'");
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("2 new, 0 replaced, 0 unchanged"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("holds 2 reports and 1 extracted events"), std::string::npos)
      << first.out;
  Outcome again = sitrep("ingest '" + (dir_ / "news.jsonl").string() + "'");
  EXPECT_NE(again.out.find("0 new, 0 replaced, 2 unchanged"), std::string::npos) << again.out;

  std::ofstream(dir_ / "news.jsonl")
      << R"({"id":"n1","published":"2022-04-20","text":"Gunmen shot dead two teachers in Khost on Monday."})"
      << "\n";
  Outcome changed = sitrep("ingest '" + (dir_ / "news.jsonl").string() + "'");
  EXPECT_NE(changed.out.find("0 new, 1 replaced, 0 unchanged"), std::string::npos) << changed.out;
  EXPECT_NE(changed.out.find("holds 2 reports and 1 extracted events"), std::string::npos)
      << changed.out;
}

// More reports than one batch (256), one of them twice with a batch between: the printed
// events and what ingest stores do not depend on how many threads extract them.
TEST_F(ExtractCli, SeveralThreadsPrintAndStoreWhatOneThreadDoes) {
  std::ofstream news(dir_ / "news.jsonl");
  std::string first;
  for (const char* set : {"extract-gold-dev2.jsonl", "extract-gold-dev3.jsonl"}) {
    std::ifstream in(std::string(SITREP_TESTS_DATA_DIR) + "/" + set);
    for (std::string line; std::getline(in, line);) {
      if (first.empty()) first = line;
      news << line << "\n";
    }
  }
  news << first << "\n";
  news.close();
  const std::string file = "'" + (dir_ / "news.jsonl").string() + "'";
  Outcome one = sitrep("extract " + file + " --format jsonl --threads 1");
  Outcome three = sitrep("extract " + file + " --format jsonl --threads 3");
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 351);
  EXPECT_TRUE(one.out == three.out) << "the outputs differ";

  Outcome stored_one = sitrep("ingest " + file + " --threads 1");
  std::filesystem::remove(db_);
  Outcome stored_three = sitrep("ingest " + file + " --threads 3");
  ASSERT_EQ(stored_one.code, 0) << stored_one.err;
  EXPECT_NE(stored_one.out.find("351 reports read, 350 new, 0 replaced, 1 unchanged"),
            std::string::npos)
      << stored_one.out;
  EXPECT_EQ(stored_three.out, stored_one.out);
}

// Batches ask the store about their reports before the batch before is written: a report whose
// id came earlier in the file must still be written as one at a time would write it.
TEST_F(ExtractCli, AnIdGivenTwoTextsInOneFileEndsWithItsLastText) {
  const std::string two =
      R"({"id":"n1","published":"2022-04-20","text":"Gunmen shot dead two teachers in Khost."})";
  const std::string three =
      R"({"id":"n1","published":"2022-04-20","text":"Gunmen shot dead three teachers in Khost."})";
  std::ofstream(dir_ / "first.jsonl") << two << "\n";
  std::ofstream(dir_ / "both.jsonl") << three << "\n" << two << "\n";
  ASSERT_EQ(sitrep("ingest '" + (dir_ / "first.jsonl").string() + "'").code, 0);
  Outcome both = sitrep("ingest '" + (dir_ / "both.jsonl").string() + "'");
  EXPECT_NE(both.out.find("0 new, 2 replaced, 0 unchanged"), std::string::npos) << both.out;
  Outcome again = sitrep("ingest '" + (dir_ / "first.jsonl").string() + "'");
  EXPECT_NE(again.out.find("0 new, 0 replaced, 1 unchanged"), std::string::npos) << again.out;
}

// A batch takes reports across files: 300 files of one report each are extracted together, each
// file is still closed with its own line, in order, and an id in a later file is written after
// the earlier file's, as one at a time.
TEST_F(ExtractCli, ManySmallFilesAreIngestedTogetherAndReportedInOrder) {
  std::string files;
  int written = 0;
  for (const char* set : {"extract-gold-dev2.jsonl", "extract-gold-dev3.jsonl"}) {
    std::ifstream in(std::string(SITREP_TESTS_DATA_DIR) + "/" + set);
    for (std::string line; written < 300 && std::getline(in, line); ++written) {
      const auto name = dir_ / fmt::format("r{}.jsonl", 1000 + written);
      std::ofstream(name) << line << "\n";
      files.append(" '").append(name.string()).append("'");
    }
  }
  std::ofstream(dir_ / "s1.jsonl")
      << R"({"id":"n1","published":"2022-04-20","text":"Gunmen shot dead three teachers in Khost."})"
      << "\n";
  std::ofstream(dir_ / "s2.jsonl")
      << R"({"id":"n1","published":"2022-04-20","text":"Gunmen shot dead two teachers in Khost."})"
      << "\n";
  for (const char* name : {"s1.jsonl", "s2.jsonl"}) {
    files.append(" '").append((dir_ / name).string()).append("'");
  }
  Outcome one = sitrep("ingest" + files + " --threads 1");
  std::filesystem::remove(db_);
  Outcome three = sitrep("ingest" + files + " --threads 3");
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(three.out, one.out);
  EXPECT_EQ(three.err, one.err);
  EXPECT_NE(one.out.find("302 reports read, 301 new, 1 replaced, 0 unchanged"), std::string::npos)
      << one.out;
  EXPECT_LT(one.err.find("r1000.jsonl: 1 reports"), one.err.find("r1299.jsonl: 1 reports"));
  EXPECT_NE(one.err.find("s2.jsonl: 1 reports (0 new, 1 replaced"), std::string::npos) << one.err;

  Outcome printed_one = sitrep("extract" + files + " --format jsonl --threads 1");
  Outcome printed_three = sitrep("extract" + files + " --format jsonl --threads 3");
  ASSERT_EQ(printed_one.code, 0) << printed_one.err;
  EXPECT_EQ(std::count(printed_one.out.begin(), printed_one.out.end(), '\n'), 302);
  EXPECT_TRUE(printed_three.out == printed_one.out) << "the outputs differ";
}

TEST_F(ExtractCli, IngestReportsProgressIntoALogWhenAsked) {
  std::ofstream(dir_ / "news.jsonl")
      << R"({"id":"p1","published":"2022-04-20","text":"A bomb killed two people in Kabul."})"
      << "\n";
  Outcome r = sitrep("ingest '" + (dir_ / "news.jsonl").string() + "' --progress");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("news.jsonl (1/1): 100%  1 reports"), std::string::npos) << r.err;
  Outcome quiet = sitrep("ingest '" + (dir_ / "news.jsonl").string() + "' --quiet");
  EXPECT_EQ(quiet.err, "");
}

TEST_F(ExtractCli, AnIngestWithAnUnreadableFileStoresNothing) {
  std::ofstream(dir_ / "good.jsonl")
      << R"({"id":"g1","published":"2022-04-20","text":"A bomb killed two people in Kabul."})"
      << "\n";
  std::ofstream(dir_ / "empty.txt") << "";
  Outcome r = sitrep("ingest '" + (dir_ / "good.jsonl").string() + "' '" +
                     (dir_ / "empty.txt").string() + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("Nothing was stored"), std::string::npos) << r.err;
  Outcome after = sitrep("ingest '" + (dir_ / "good.jsonl").string() + "'");
  EXPECT_NE(after.out.find("1 new"), std::string::npos) << "the failed ingest left a report";
}

TEST_F(ExtractCli, TheGoldPassagesAreScoredPerField) {
  Outcome r =
      sitrep(std::string("eval extract --gold '") + SITREP_TESTS_DATA_DIR + "/extract-gold.jsonl'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("200 passages, 195 gold events"), std::string::npos) << r.out;
  for (const char* field : {"event_type", "perpetrator", "admin1", "date", "claim"}) {
    EXPECT_NE(r.out.find(field), std::string::npos) << field;
  }
}

// A guard on the figures the issue sets targets for, on the set never used to write a rule:
// a change that loses one of them below 0.90 fails here (bench/README.md has the history).
TEST_F(ExtractCli, TheHeldOutSetKeepsEveryTargetFieldAtNinetyPercent) {
  Outcome r = sitrep(std::string("eval extract --gold '") + SITREP_TESTS_DATA_DIR +
                     "/extract-gold-heldout.jsonl'");
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream table(r.out);
  std::map<std::string, double> f1;
  for (std::string line; std::getline(table, line);) {
    std::istringstream cells(line);
    std::string field;
    double tp, fp, fn, precision, recall, score;
    if (cells >> field >> tp >> fp >> fn >> precision >> recall >> score) f1[field] = score;
  }
  for (const char* field : {"event_type", "perpetrator", "admin1", "date", "claim"}) {
    ASSERT_TRUE(f1.count(field)) << r.out;
    EXPECT_GE(f1[field], 0.90) << field << "\n" << r.out;
  }
}

// Real headlines against a dataset's labels (--headlines): every actor named is judged against
// the dyad's two sides whatever its role, and a toll against the dataset's range for the
// headline. Four headlines, checked by hand: the first names side b as the target, and its toll
// agrees; the second gives its toll as a list, read as the last count (15, not 107); the third
// is "over 2 dozen" (25 or more), struck by side a; the fourth tells no single event.
TEST_F(ExtractCli, HeadlinesAreJudgedOnEveryActorNamedAndOnTheirToll) {
  std::ofstream(dir_ / "headlines.tsv")
      << "row\toutlet\tpublished\theadline\tside_a\tside_b\tlatitude\tlongitude\t"
         "headline_low\theadline_best\theadline_high\n"
      << "1\tTOLO\t2020-03-02\t10 Taliban Killed in Zabul Province: MoD\t"
         "Government of Afghanistan\tTaleban\t32.1\t67.2\t10\t10\t12\n"
      << "2\tXinhua\t2020-06-22\t92 Taliban, 15 security personnel killed in new clashes\t"
         "Government of Afghanistan\tTaleban\t34.5\t69.2\t78\t102\t107\n"
      << "3\tXinhua\t2020-05-10\tOver 2 dozen militants killed as Afghan air force launch "
         "airstrikes\tGovernment of Afghanistan\tTaleban\t34.5\t69.2\t26\t26\t30\n"
      << "4\tAAN\t2020-06-01\tAfghan War Casualty Report: May 2020\t"
         "Government of Afghanistan\tTaleban\t34.5\t69.2\t5\t5\t5\n"
      << "5\tTOLO\t2020-07-20\t600 Taliban militants killed in Helmand\t"
         "Government of Afghanistan\tTaleban\t31.6\t64.4\t144\t144\t144\n";
  Outcome r = sitrep("eval extract --headlines '" + (dir_ / "headlines.tsv").string() +
                     "' --country AF --failures");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("an event found in 4/5"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("one of the sides: 4/4"), std::string::npos) << r.out;
  // "92 Taliban, 15 security personnel killed" is 107, within UCDP's range; UCDP counted 144 of
  // the 600 a ministry claimed.
  EXPECT_NE(r.out.find("range (summed over the events citing it): 3/4"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("deaths\t78-102-107"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("deaths\t144-144-144\t600"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace sitrep::e2e
