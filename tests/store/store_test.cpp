// The store's contract: imports are transactions, idempotent, revisioned, and lose nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/store/importer.hpp"

namespace sitrep::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = SqliteStore::open(dir_.file("store.db"));
    ASSERT_TRUE(opened.ok()) << opened.error();
    store_ = std::move(opened).value();
  }

  ImportReport import(const std::vector<std::string>& paths, ImportOptions options = {}) {
    auto report = import_files(*store_, paths, testing::bundled_vocabulary(), options);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error());
    return report.ok() ? std::move(report).value() : ImportReport{};
  }
  int64_t count() { return store_->count_events(SqlCondition{}).value(); }

  testing::ScratchDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(StoreTest, ReimportingTheSameFileAddsNothing) {
  auto first = import({testing::fixture("ucdp-ged-full.csv")});
  EXPECT_EQ(first.totals.inserted, 4);
  auto second = import({testing::fixture("ucdp-ged-full.csv")});
  EXPECT_EQ(second.totals.inserted, 0);
  EXPECT_EQ(second.totals.unchanged, 4);
  EXPECT_EQ(count(), 4);
  EXPECT_EQ(store_->runs().value().size(), 2u);
}

TEST_F(StoreTest, ANewerExportRevisesChangedRecordsAndKeepsThePreviousRevision) {
  import({testing::fixture("acled-api.csv")});
  auto newer = import({testing::fixture("acled-export.csv")});
  EXPECT_GE(newer.totals.updated, 1);
  int64_t revised_id = 0;
  ASSERT_TRUE(store_->for_each_event(SqlCondition{"e.native_id = 'AFG12398'", {}}, -1,
                                     [&](const model::Event& e) {
                                       EXPECT_EQ(e.fatalities_best, 31);
                                       EXPECT_EQ(e.revision, 2);
                                       revised_id = e.id;
                                       return true;
                                     }));
  auto history = store_->revisions(revised_id).value();
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].fatalities_best, 33);
  EXPECT_EQ(history[0].revision, 1);
}

TEST_F(StoreTest, TooManyRejectsLeaveTheStoreExactlyAsItWas) {
  import({testing::fixture("gtd-full.csv")});
  std::string bad = dir_.write("bad.csv",
                               "eventid,iyear,imonth,iday,country_txt,gname,nkill\n"
                               "1,2018,2,30,Afghanistan,Taliban,1\n"
                               "2,2018,1,1,Afghanistan,Taliban,-4\n"
                               "3,2018,1,1,Afghanistan,Taliban,2\n");
  ImportOptions options;
  options.max_rejects = 1;
  auto report = import({bad}, options);
  EXPECT_FALSE(report.committed);
  EXPECT_EQ(report.totals.rejected, 2);
  EXPECT_EQ(count(), 5);
  EXPECT_EQ(store_->runs().value().size(), 1u);
  EXPECT_EQ(store_->latest_run_with_rejects().value(), 0);
}

TEST_F(StoreTest, AcceptedRejectsAreKeptWithFileLineColumnAndReason) {
  std::string bad = dir_.write("bad.csv",
                               "eventid,iyear,imonth,iday,country_txt,gname,nkill\n"
                               "1,2018,2,30,Afghanistan,Taliban,1\n"
                               "3,2018,1,1,Afghanistan,Taliban,2\n");
  auto report = import({bad});
  ASSERT_TRUE(report.committed);
  EXPECT_EQ(count(), 1);
  auto rejects = store_->rejects(report.run_id).value();
  ASSERT_EQ(rejects.size(), 1u);
  EXPECT_EQ(rejects[0].error.line, 2);
  EXPECT_EQ(rejects[0].error.column, 10);
  EXPECT_EQ(rejects[0].error.field, "iday");
  EXPECT_EQ(rejects[0].error.raw, "1,2018,2,30,Afghanistan,Taliban,1");
}

TEST_F(StoreTest, ADryRunWritesNothingButCountsWhatWouldChange) {
  ImportOptions options;
  options.dry_run = true;
  auto report = import({testing::fixture("gtd-full.csv")}, options);
  EXPECT_EQ(report.totals.inserted, 5);
  EXPECT_FALSE(report.committed);
  EXPECT_EQ(count(), 0);
  EXPECT_TRUE(store_->runs().value().empty());
}

TEST_F(StoreTest, AnUnreadableFileAbortsTheWholeImport) {
  std::string unknown = dir_.write("unknown.csv", "date,place,deaths\n2022-01-01,Kabul,3\n");
  auto report = import_files(*store_, {testing::fixture("gtd-full.csv"), unknown},
                             testing::bundled_vocabulary(), {});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().find("unknown.csv:1"), std::string::npos);
  EXPECT_EQ(count(), 0);
}

TEST_F(StoreTest, TheSameIdTwiceInOneImportIsRejectedNotMerged) {
  std::string twice = dir_.write("twice.csv",
                                 "eventid,iyear,imonth,iday,country_txt,gname,nkill\n"
                                 "7,2018,1,1,Afghanistan,Taliban,1\n"
                                 "7,2018,1,2,Afghanistan,Taliban,5\n");
  auto report = import({twice});
  EXPECT_EQ(report.totals.inserted, 1);
  ASSERT_EQ(report.rejects.size(), 1u);
  EXPECT_NE(report.rejects[0].reason.find("already read in this import (line 2)"),
            std::string::npos);
}

TEST_F(StoreTest, TheTextIndexFollowsBulkLoadsAndRevisions) {
  auto line = [](int id, const char* notes) {
    return fmt::format(
               R"({{"dataset":"wire","native_id":"{}","date_start":"2022-01-01","notes":"{}"}})",
               id, notes) +
           "\n";
  };
  auto matches = [&](const char* word) {
    auto where = SqlCondition{"e.id IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)",
                              {std::string(word)},
                              true};
    return store_->count_events(where).value();
  };
  import({dir_.write("bulk.jsonl", line(1, "alpha"))});  // a bulk load: the index goes stale
  EXPECT_FALSE(store_->text_index_is_current().value());
  import({dir_.write("more.jsonl", line(1, "beta") + line(2, "gamma"))});  // still stale
  EXPECT_EQ(matches("alpha"), 0);  // the query rebuilt the index from the current notes
  EXPECT_EQ(matches("beta"), 1);
  EXPECT_EQ(matches("gamma"), 1);
  EXPECT_TRUE(store_->text_index_is_current().value());
  import({dir_.write("again.jsonl", line(2, "delta"))});  // kept current row by row
  EXPECT_TRUE(store_->text_index_is_current().value());
  EXPECT_EQ(matches("gamma"), 0);
  EXPECT_EQ(matches("delta"), 1);
}

TEST_F(StoreTest, ALargeImportIntoAStoreInUseRebuildsTheDateIndexAndKeepsRevisions) {
  import({testing::fixture("ucdp-ged-full.csv")});
  ASSERT_TRUE(store_->ensure_text_index().ok());
  // The sample is several times the store's size: its date index is rebuilt at commit and the
  // text index goes stale, while ids still resolve against the stored events.
  auto report =
      import({std::string(SITREP_SOURCE_DATA_DIR) + "/sample/ucdp-ged-afghanistan-2020.csv"});
  EXPECT_EQ(report.totals.inserted, 3317);
  EXPECT_FALSE(store_->text_index_is_current().value());
  Statement indexes = Statement::prepare(store_->handle(),
                                         "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                         "('events_by_native_id', 'events_by_date')")
                          .value();
  ASSERT_TRUE(indexes.step().value());
  EXPECT_EQ(indexes.column_int(0), 2);
  auto words = SqlCondition{"e.id IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)",
                            {std::string("Kandahar")},
                            true};
  EXPECT_GT(store_->count_events(words).value(), 0);
  auto again = import({testing::fixture("ucdp-ged-full.csv")});
  EXPECT_EQ(again.totals.unchanged, 4);
}

}  // namespace
}  // namespace sitrep::store
