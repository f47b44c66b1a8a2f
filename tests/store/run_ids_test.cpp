// The in-memory record of which ids an import has written: repeats are found, and two ids that
// share a 64-bit hash are told apart by their stored keys.
#include "sitrep/store/run_ids.hpp"

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/store/importer.hpp"

namespace sitrep::store::detail {
namespace {

class RunIdsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = SqliteStore::open(dir_.file("ids.db")).value();
    auto report = import_files(*store_, {testing::fixture("ucdp-ged-full.csv")},
                               testing::bundled_vocabulary(), {});
    ASSERT_TRUE(report.ok() && report->committed);
    ASSERT_TRUE(store_->for_each_event(SqlCondition{}, 2, [&](const model::Event& e) {
      events_.push_back(e);
      return true;
    }));
    ASSERT_EQ(events_.size(), 2u);
  }

  testing::ScratchDir dir_;
  std::unique_ptr<SqliteStore> store_;
  std::vector<model::Event> events_;  // two stored events with different ids
};

TEST_F(RunIdsTest, FindsARepeatedIdAndItsFirstLine) {
  RunIds ids = RunIds::create(store_->handle()).value();
  const model::Event& a = events_[0];
  EXPECT_FALSE(ids.earlier_line(a, RunIds::id_hash(a)).value().has_value());
  ids.add(a, RunIds::id_hash(a), 7);
  EXPECT_EQ(ids.earlier_line(a, RunIds::id_hash(a)).value(), 7);
}

TEST_F(RunIdsTest, TwoIdsWithTheSameHashAreNotMistakenForEachOther) {
  RunIds ids = RunIds::create(store_->handle()).value();
  const model::Event &a = events_[0], &b = events_[1];
  const uint64_t shared = 42;  // as if both ids hashed alike
  ids.add(a, shared, 2);
  EXPECT_FALSE(ids.earlier_line(b, shared).value().has_value());
  ids.add(b, shared, 3);
  EXPECT_EQ(ids.earlier_line(b, shared).value(), 3);
  EXPECT_EQ(ids.earlier_line(a, shared).value(), 2);
}

TEST_F(RunIdsTest, KeepsEveryEntryAsTheTableGrows) {
  RunIds ids = RunIds::create(store_->handle()).value();
  const model::Event& a = events_[0];
  for (uint64_t hash = 0; hash < 20000; ++hash) ids.add(a, hash * 1024, static_cast<int64_t>(hash));
  for (uint64_t hash = 0; hash < 20000; ++hash) {
    ASSERT_EQ(ids.earlier_line(a, hash * 1024).value(), static_cast<int64_t>(hash)) << hash;
  }
  EXPECT_FALSE(ids.earlier_line(a, 20000 * 1024 + 1).value().has_value());
}

}  // namespace
}  // namespace sitrep::store::detail
