// `sitrep query` end to end on the bundled UCDP sample: both engines give the same CSV, JSON
// carries the groups and the total, --compare lines up a baseline, negated terms work as typed,
// the snapshot a first load writes is the one a rebuild writes, and it is reused, rebuilt when
// missing, stale or damaged.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sitrep/store/sqlite_store.hpp"
#include "sitrep/store/statement.hpp"
#include "support/run_sitrep.hpp"

namespace {

namespace fs = std::filesystem;

using sitrep::e2e::Outcome;
using sitrep::e2e::slurp;

// Every test starts from a store holding the bundled UCDP sample (a first load).
class QueryCli : public sitrep::e2e::SitrepTest {
 protected:
  void SetUp() override {
    SitrepTest::SetUp();
    ASSERT_EQ(sitrep("import --quiet " + sample()).code, 0);
  }

  void expect_later_imports_keep_the_snapshot(const std::string& how);
};

TEST_F(QueryCli, TheIndexAndTheSqlEngineGiveTheSameCsv) {
  for (const std::string& query :
       {std::string("--by month --measure count,fatalities,events_with_fatalities,distinct_places"),
        std::string("actor:IS-KP --by type,claimed"),
        std::string("-type:Battles 'fatalities:>=5' --by actor --top 3"),
        std::string("near:34.43,70.45/60km --by week --measure count,fatalities")}) {
    Outcome index = sitrep("query " + query + " --format csv");
    Outcome sql = sitrep("query " + query + " --format csv --engine sql");
    ASSERT_EQ(index.code, 0) << query << ": " << index.err;
    ASSERT_EQ(sql.code, 0) << query << ": " << sql.err;
    EXPECT_EQ(index.out, sql.out) << query;
    EXPECT_GT(std::count(index.out.begin(), index.out.end(), '\n'), 1) << query;
  }
}

TEST_F(QueryCli, JsonHasTheGroupsAndTheTotal) {
  Outcome run = sitrep("query date:2020-03 --by type --measure count,fatalities --format json");
  ASSERT_EQ(run.code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["rows"].size(), 2u);
  EXPECT_EQ(json["rows"][0]["type"], "Battles");  // largest first
  int64_t sum = 0;
  for (const auto& row : json["rows"]) sum += row["count"].get<int64_t>();
  EXPECT_EQ(json["total"]["count"].get<int64_t>(), sum);
  EXPECT_EQ(sum, 258);  // the sample's March 2020
}

TEST_F(QueryCli, CompareShowsABaselineBesideTheWindow) {
  Outcome run = sitrep(
      "query country:AF date:2020-04..2020-06 --by actor --compare 2020-01..2020-03 --format csv");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find('\n')), "actor,count,count_baseline,count_change");
  EXPECT_NE(run.out.find("IS-KP,8,1,+700.0%"), std::string::npos) << run.out;
  Outcome by_week = sitrep("query --by week --compare 2020-01..2020-03");
  EXPECT_EQ(by_week.code, 2);
  EXPECT_NE(by_week.err.find("group by a field"), std::string::npos) << by_week.err;
}

TEST_F(QueryCli, NegatedTermsWorkAsTyped) {
  Outcome negated = sitrep("query -type:Battles --by type --format csv");
  ASSERT_EQ(negated.code, 0) << negated.err;
  EXPECT_EQ(negated.out, "type,count\nViolence against civilians,171\n");
  Outcome spaced = sitrep("events 'type:Violence against civilians' --format csv --limit 1");
  ASSERT_EQ(spaced.code, 0) << spaced.err;
}

TEST_F(QueryCli, TheSnapshotIsWrittenReusedAndRebuiltAfterAnImport) {
  // The first load (SetUp) wrote the snapshot; queries use it.
  EXPECT_TRUE(fs::exists(db_ + "-index"));
  Outcome first = sitrep("query --by year");
  ASSERT_EQ(first.code, 0);
  EXPECT_EQ(first.err.find("Building"), std::string::npos) << first.err;
  fs::remove(db_ + "-index");
  Outcome second = sitrep("query --by year");
  EXPECT_NE(second.err.find("Building the query index over 3,317 events (no snapshot yet)"),
            std::string::npos)
      << second.err;
  EXPECT_TRUE(fs::exists(db_ + "-index"));
  std::ofstream(dir_ / "more.csv")
      << "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
         "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n"
         "AFG1,18 April 2022,2022,1,Battles,Armed clash,Taliban,Islamic State Khorasan Province "
         "(ISKP),Afghanistan,Nangarhar,Jalalabad,34.43,70.45,1,Pajhwok,\"Clash\",4\n";
  // The import extends the snapshot; the one from before it is stale and is not used.
  fs::copy_file(db_ + "-index", dir_ / "before-import-index");
  ASSERT_EQ(sitrep("import --quiet " + (dir_ / "more.csv").string()).code, 0);
  fs::copy_file(dir_ / "before-import-index", db_ + "-index", fs::copy_options::overwrite_existing);
  Outcome third = sitrep("query --by year --format csv");
  EXPECT_NE(third.err.find("the store changed since"), std::string::npos) << third.err;
  EXPECT_NE(third.out.find("2022,1"), std::string::npos) << third.out;
  // A damaged snapshot is noticed and replaced.
  {
    std::fstream f(db_ + "-index", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(300);
    f.write("garbage!", 8);
  }
  Outcome fourth = sitrep("stats");
  EXPECT_EQ(fourth.code, 0);
  EXPECT_NE(fourth.err.find("checksum mismatch"), std::string::npos) << fourth.err;
}

TEST_F(QueryCli, AFirstLoadWritesTheSameIndexAsARebuildFromTheStore) {
  // SetUp's import was a first load: it wrote the snapshot from the events as it stored them.
  ASSERT_TRUE(fs::exists(db_ + "-index"));
  std::string from_import = slurp(db_ + "-index");
  fs::remove(db_ + "-index");
  Outcome rebuild = sitrep("query id:1");
  ASSERT_EQ(rebuild.code, 0) << rebuild.err;
  EXPECT_NE(rebuild.err.find("Building the query index"), std::string::npos);
  // The import wrote column chunks, and the rebuild read every event from them.
  EXPECT_NE(rebuild.err.find("column chunks, 0 from event rows"), std::string::npos) << rebuild.err;
  EXPECT_TRUE(slurp(db_ + "-index") == from_import) << "the two snapshots differ";

  // The same with every real-format fixture in one first load (NULLs, associated actors, GTD
  // month dates), into a fresh store.
  db_ = (dir_ / "fixtures.db").string();
  std::string fixtures;
  for (const char* f : {"acled-export.csv", "acled-api.csv", "ucdp-ged-full.csv", "gtd-full.csv"}) {
    fixtures.append(" ").append(fixture(f));
  }
  ASSERT_EQ(sitrep("import --quiet" + fixtures).code, 0);
  from_import = slurp(db_ + "-index");
  ASSERT_FALSE(from_import.empty());
  fs::remove(db_ + "-index");
  ASSERT_EQ(sitrep("stats").code, 0);
  EXPECT_TRUE(slurp(db_ + "-index") == from_import) << "the two snapshots differ";
}

// Imports two ACLED files one after the other into the sample's store (the second revising an
// event of the first) and checks, after each, that the snapshot the import left is the one a
// rebuild writes, and that its output says how it was made (`how`, after the event count).
void QueryCli::expect_later_imports_keep_the_snapshot(const std::string& how) {
  const std::string header =
      "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
      "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n";
  const std::string first =
      "AFG1,18 April 2022,2022,1,Battles,Armed clash,Taliban,Islamic State Khorasan Province "
      "(ISKP),Afghanistan,Nangarhar,Jalalabad,34.43,70.45,1,Pajhwok,\"Clash\",4\n"
      "AFG2,19 April 2022,2022,1,Battles,Armed clash,Taliban,,Afghanistan,Kunar,Asadabad,"
      "34.8714,71.1467,1,Pajhwok,\"Clash\",2\n";
  // AFG1 revised (fatalities 4 -> 9), AFG3 new.
  const std::string second =
      "AFG1,18 April 2022,2022,1,Battles,Armed clash,Taliban,Islamic State Khorasan Province "
      "(ISKP),Afghanistan,Nangarhar,Jalalabad,34.43,70.45,1,Pajhwok,\"Clash\",9\n"
      "AFG3,20 April 2022,2022,1,Explosions/Remote violence,Suicide bomb,Islamic State Khorasan "
      "Province (ISKP),Civilians (Afghanistan),Afghanistan,Kabul,Kabul,34.5553,69.2075,1,"
      "Tolo,\"Bombing\",31\n";
  for (const std::string& rows : {first, second}) {
    std::ofstream(dir_ / "acled.csv") << header << rows;
    Outcome imported = sitrep("import --quiet " + (dir_ / "acled.csv").string());
    ASSERT_EQ(imported.code, 0) << imported.err;
    EXPECT_NE(imported.out.find("Query index updated with 2 events in "), std::string::npos)
        << imported.out;
    EXPECT_NE(imported.out.find(" s" + how + ".\n"), std::string::npos) << imported.out;
    std::string extended = slurp(db_ + "-index");
    fs::remove(db_ + "-index");
    Outcome rebuilt = sitrep("query id:1");
    ASSERT_EQ(rebuilt.code, 0);
    EXPECT_NE(rebuilt.err.find("Building the query index"), std::string::npos);
    EXPECT_TRUE(slurp(db_ + "-index") == extended) << "the updated snapshot differs";
  }
  Outcome revised = sitrep("query native_id:AFG1 --measure fatalities --format csv");
  EXPECT_EQ(revised.out, "fatalities\n9\n");
}

TEST_F(QueryCli, LaterImportsRebuildTheSnapshotFromColumnChunksAsARebuildWould) {
  expect_later_imports_keep_the_snapshot(", rebuilt from the store's column chunks");
}

TEST_F(QueryCli, LaterImportsIntoAStoreWithoutChunksExtendTheSnapshotAsARebuildWould) {
  {
    auto store = sitrep::store::SqliteStore::open(db_);
    ASSERT_TRUE(store.ok()) << store.error();
    ASSERT_TRUE(sitrep::store::exec((*store)->handle(), "DELETE FROM event_columns").ok());
  }
  expect_later_imports_keep_the_snapshot("");
}

}  // namespace
