// End to end: the `sitrep` binary on the bundled sample, on each dataset format, and on every
// kind of bad input the foundation promises to handle.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sitrep/store/sqlite_store.hpp"
#include "support/run_sitrep.hpp"

namespace {

namespace fs = std::filesystem;

using sitrep::e2e::Outcome;
using sitrep::e2e::slurp;

class Cli : public sitrep::e2e::SitrepTest {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return (dir_ / name).string();
  }
  int64_t stored_events() {
    auto store = sitrep::store::SqliteStore::open(db_);
    EXPECT_TRUE(store.ok());
    return (*store)->count_events({}).value();
  }
  void kill_import_midway(const std::string& preload);
};

constexpr const char* kAcledHeader =
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
    "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n";
constexpr const char* kGoodRow =
    "AFG1,18 April 2022,2022,1,Battles,Armed clash,Taliban,Islamic State Khorasan Province "
    "(ISKP),Afghanistan,Nangarhar,Jalalabad,34.43,70.45,1,Pajhwok,\"Clash, near the city\",4\n";

TEST_F(Cli, ImportsTheBundledSampleOnceAndOnlyOnce) {
  Outcome first = sitrep("import --quiet " + sample());
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("3,317 rows read, 3,317 new"), std::string::npos) << first.out;
  Outcome again = sitrep("import --quiet " + sample());
  EXPECT_NE(again.out.find("0 new, 0 revised, 3,317 unchanged"), std::string::npos) << again.out;
  Outcome stats = sitrep("stats");
  EXPECT_NE(stats.out.find("3,317 events, 2020-01-01 to 2020-12-31"), std::string::npos);
  EXPECT_NE(stats.out.find("IS-KP"), std::string::npos);
  Outcome runs = sitrep("runs");
  EXPECT_EQ(runs.code, 0);
  EXPECT_NE(runs.out.find("3,317"), std::string::npos);
}

TEST_F(Cli, ImportsEachDatasetFormatByItsHeader) {
  for (const char* name : {"acled-export.csv", "acled-api.csv", "gtd-full.csv", "gtd-subset.csv",
                           "ucdp-ged-full.csv"}) {
    Outcome run = sitrep("import --quiet " + fixture(name));
    EXPECT_EQ(run.code, 0) << name << ": " << run.err;
    EXPECT_NE(run.out.find(" 0 rejected"), std::string::npos) << name << ": " << run.out;
  }
  Outcome events = sitrep("events actor:IS-KP --format jsonl");
  int lines = 0;
  for (char c : events.out) lines += c == '\n';
  EXPECT_GE(lines, 6);
}

TEST_F(Cli, JsonlExportImportsBackUnchangedIntoAnotherStore) {
  ASSERT_EQ(sitrep("import --quiet " + fixture("gtd-full.csv")).code, 0);
  std::string jsonl = write("export.jsonl", sitrep("events --format jsonl").out);
  db_ = (dir_ / "second.db").string();
  Outcome back = sitrep("import --quiet " + jsonl);
  ASSERT_EQ(back.code, 0) << back.err;
  EXPECT_NE(back.out.find("5 new"), std::string::npos);
}

TEST_F(Cli, GeoJsonIsAPointLayerWithEveryAttribute) {
  ASSERT_EQ(sitrep("import --quiet " + fixture("acled-export.csv")).code, 0);
  Outcome run = sitrep("events --format geojson");
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["type"], "FeatureCollection");
  ASSERT_EQ(doc["features"].size(), 6u);
  const auto& feature = doc["features"][0];
  EXPECT_EQ(feature["geometry"]["type"], "Point");
  EXPECT_EQ(feature["geometry"]["coordinates"].size(), 2u);
  for (const char* key : {"native_id", "date_start", "actor1_canonical", "fatalities_best", "notes",
                          "provenance_file"}) {
    EXPECT_TRUE(feature["properties"].contains(key)) << key;
  }
}

struct BadInput {
  const char* name;
  std::string content;
  const char* expected;  // in stderr
};

TEST_F(Cli, EachKindOfBadInputIsReportedPreciselyAndChangesNothing) {
  ASSERT_EQ(sitrep("import --quiet " + fixture("gtd-full.csv")).code, 0);
  const std::string h = kAcledHeader;
  const std::vector<BadInput> cases = {
      {"truncated",
       h + kGoodRow +
           "AFG2,18 April 2022,2022,1,Battles,,Taliban,,Afghanistan,"
           "Kabul,Kabul,34.5,69.1,1,x,\"cut off in the mid",
       "truncated.csv:3:"},
      {"unbalanced",
       h +
           "AFG3,18 April 2022,2022,1,Battles,,Tali\"ban,,Afghanistan,Kabul,"
           "Kabul,34.5,69.1,1,x,y,1\n" +
           kGoodRow,
       "unbalanced.csv:2:40: a quote inside an unquoted field"},
      {"columns", h + "AFG4,18 April 2022,2022,1,Battles\n", "columns.csv:2:"},
      {"utf8",
       h + "AFG5,18 April 2022,2022,1,Battles,,Tal\xff"
           "ban,,Afghanistan,Kabul,Kabul,"
           "34.5,69.1,1,x,y,1\n",
       "utf8.csv:2:"},
      {"baddate",
       h + "AFG6,2022-02-30,2022,1,Battles,,Taliban,,Afghanistan,Kabul,Kabul,34.5,"
           "69.1,1,x,y,1\n",
       "baddate.csv:2:6: event_date: '2022-02-30' is not a date: February 2022 has 28 days"},
      {"latitude",
       h + "AFG7,18 April 2022,2022,1,Battles,,Taliban,,Afghanistan,Kabul,Kabul,123,"
           "69.1,1,x,y,1\n",
       "latitude.csv:2:"},
      {"negative",
       h + "AFG8,18 April 2022,2022,1,Battles,,Taliban,,Afghanistan,Kabul,Kabul,34.5,"
           "69.1,1,x,y,-3\n",
       "fatalities: fatalities cannot be negative (-3)"},
      {"header", "when,where,how many\n2022-01-01,Kabul,3\n", "cannot tell the format"},
  };
  for (const BadInput& c : cases) {
    std::string path = write(std::string(c.name) + ".csv", c.content);
    Outcome run = sitrep("import --quiet --max-rejects 0 " + path);
    EXPECT_EQ(run.code, 1) << c.name;
    EXPECT_NE(run.err.find(c.expected), std::string::npos) << c.name << ":\n" << run.err;
    EXPECT_NE(run.err.find("unchanged"), std::string::npos) << c.name << ":\n" << run.err;
    EXPECT_EQ(stored_events(), 5) << c.name;
  }
  Outcome latitude = sitrep("import --quiet --max-rejects 0 " + (dir_ / "latitude.csv").string());
  EXPECT_NE(latitude.err.find("latitude 123 is out of range [-90, 90]"), std::string::npos);
}

TEST_F(Cli, ValidRowsAroundBadOnesAreKeptWhenRejectsAreAllowed) {
  std::string path = write("mixed.csv", std::string(kAcledHeader) + kGoodRow +
                                            "AFG9,18 April 2022,2022,1,Battles,,Taliban,,"
                                            "Afghanistan,Kabul,Kabul,123,69.1,1,x,y,1\n");
  Outcome run = sitrep("import --quiet " + path);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(stored_events(), 1);
  Outcome rejects = sitrep("rejects --raw");
  EXPECT_NE(rejects.out.find("mixed.csv:3:"), std::string::npos) << rejects.out;
  EXPECT_NE(rejects.out.find("AFG9,18 April 2022"), std::string::npos);
}

TEST_F(Cli, ByteOrderMarksAndCrlfLineEndsAreAccepted) {
  std::string crlf = std::string(kAcledHeader) + kGoodRow;
  for (size_t at = crlf.find('\n'); at != std::string::npos; at = crlf.find('\n', at + 2)) {
    crlf.replace(at, 1, "\r\n");
  }
  Outcome run = sitrep("import --quiet " + write("bom.csv", "\xEF\xBB\xBF" + crlf));
  ASSERT_EQ(run.code, 0) << run.err;
  Outcome events = sitrep("events --format csv");
  EXPECT_NE(events.out.find("\"Clash, near the city\""), std::string::npos) << events.out;
  EXPECT_EQ(events.out.find('\r'), std::string::npos);
}

TEST_F(Cli, DryRunValidatesWithoutWriting) {
  Outcome run = sitrep("import --quiet --dry-run " + fixture("acled-export.csv"));
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("6 new"), std::string::npos);
  EXPECT_NE(run.out.find("Dry run"), std::string::npos);
  EXPECT_EQ(stored_events(), 0);
}

TEST_F(Cli, ShowGivesAnEventsSourceRecordAndWhatEachRevisionChanged) {
  ASSERT_EQ(sitrep("import --quiet " + fixture("acled-api.csv")).code, 0);
  ASSERT_EQ(sitrep("import --quiet " + fixture("acled-export.csv")).code, 0);
  std::string id =
      nlohmann::json::parse(sitrep("events --format jsonl native_id:AFG12398").out)["id"].dump();
  Outcome show = sitrep("show " + id);
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("acled AFG12398, revision 2"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("event_date               21 April 2022"), std::string::npos);
  EXPECT_NE(show.out.find("revision 1: " + fixture("acled-api.csv") + " line 3"),
            std::string::npos);
  EXPECT_NE(show.out.find("fatalities_best        33 → 31"), std::string::npos);
  auto doc = nlohmann::json::parse(sitrep("show --json " + id).out);
  EXPECT_EQ(doc["source"]["event_id_cnty"], "AFG12398");
  EXPECT_EQ(doc["revisions"][0]["fatalities_best"], 33);
  Outcome missing = sitrep("show 999999");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no event has id 999999"), std::string::npos);
}

TEST_F(Cli, FilterErrorsShowWhereTheyAre) {
  ASSERT_EQ(sitrep("import --quiet " + fixture("gtd-full.csv")).code, 0);
  Outcome run = sitrep("events actor:IS-KP contry:AF");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("column 13: unknown field 'contry'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("            ^"), std::string::npos);
}

// Imports 1,000,000 rows and kills the import with SIGKILL once it reports 500,000 read: by then
// it has written more than SQLite's page cache holds, so the store file, the journal or the
// WAL hold part of the import. Then checks that the store holds exactly what it held before
// (`preload`, if any) and passes SQLite's integrity check.
void Cli::kill_import_midway(const std::string& preload) {
  std::string big = (dir_ / "big.csv").string();
  {
    std::ofstream out(big);
    out << kAcledHeader;
    for (int i = 0; i < 1000000; ++i) {
      out << "AFG" << i << ",18 April 2022,2022,1,Battles,Armed clash,Taliban,IS-KP,Afghanistan,"
          << "Nangarhar,Jalalabad,34.43,70.45,1,Pajhwok,\"A clash, reported twice\"," << i % 7
          << "\n";
    }
  }
  ASSERT_EQ(sitrep(preload.empty() ? "runs" : "import --quiet " + preload).code, 0);
  const int64_t before = stored_events();

  int progress[2];
  ASSERT_EQ(pipe(progress), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(progress[1], 2);
    close(progress[0]);
    execl(SITREP_BINARY, SITREP_BINARY, "--db", db_.c_str(), "import", "--progress", big.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(progress[1]);
  // Progress lines read "  FILE (1/1):  52%  524,288 rows  …".
  auto rows_reported = [](const std::string& text) {
    int64_t most = 0;
    for (size_t at = text.find(" rows "); at != std::string::npos;
         at = text.find(" rows ", at + 1)) {
      size_t start = text.rfind(' ', at - 1) + 1;
      std::string digits;
      for (char c : text.substr(start, at - start)) {
        if (c >= '0' && c <= '9') digits += c;
      }
      if (!digits.empty()) most = std::max<int64_t>(most, std::stoll(digits));
    }
    return most;
  };
  std::string reported;
  char buffer[256];
  while (rows_reported(reported) < 500000) {
    ssize_t n = read(progress[0], buffer, sizeof buffer);
    if (n <= 0) break;
    reported.append(buffer, static_cast<size_t>(n));
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  close(progress[0]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_GE(rows_reported(reported), 500000) << "progress reported: " << reported;
  ASSERT_TRUE(WIFSIGNALED(status)) << "the import ended before it could be killed";
  EXPECT_EQ(stored_events(), before);
  Outcome runs = sitrep("runs");
  EXPECT_EQ(runs.out.find("big.csv"), std::string::npos);
  auto opened = sitrep::store::SqliteStore::open(db_);
  ASSERT_TRUE(opened.ok());
  sitrep::store::Statement check =
      sitrep::store::Statement::prepare((*opened)->handle(), "PRAGMA integrity_check").value();
  ASSERT_TRUE(check.step().value());
  EXPECT_EQ(check.column_text(0), "ok");
  // The indexes an import may drop until its commit are there.
  sitrep::store::Statement indexes =
      sitrep::store::Statement::prepare((*opened)->handle(),
                                        "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                        "('events_by_native_id', 'events_by_date')")
          .value();
  ASSERT_TRUE(indexes.step().value());
  EXPECT_EQ(indexes.column_int(0), 2);
}

TEST_F(Cli, KillDuringALargeImportLeavesTheStoreAsItWas) {
  kill_import_midway(fixture("gtd-full.csv"));
}

TEST_F(Cli, KillDuringAFirstBulkLoadLeavesTheStoreEmpty) {
  kill_import_midway("");
}

TEST_F(Cli, AFirstBulkLoadCatchesRepeatedIdsAndRestoresTheIndexes) {
  std::string path = write("repeat.csv", std::string(kAcledHeader) + kGoodRow + kGoodRow);
  Outcome run = sitrep("import --quiet " + path);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(
      run.err.find("repeat.csv:3:1: acled id 'AFG1' was already read in this import (line 2)"),
      std::string::npos)
      << run.err;
  EXPECT_EQ(stored_events(), 1);
  Outcome again = sitrep("import --quiet " + path);  // now an incremental import
  EXPECT_NE(again.out.find("0 new, 0 revised, 1 unchanged, 1 rejected"), std::string::npos)
      << again.out;
  Outcome words = sitrep("events Clash --format csv");
  EXPECT_NE(words.out.find("AFG1"), std::string::npos);  // the full-text index has the load
}

}  // namespace
