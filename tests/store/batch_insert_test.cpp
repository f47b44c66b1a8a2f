// Rows written many to a statement: every row lands, in the order added (so OR REPLACE keeps
// the last), across full batches and the single-row remainder, with NULLs, reals and text.
#include "sitrep/store/batch_insert.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace sitrep::store {
namespace {

class BatchInsertTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(exec(db_, "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT, x REAL)").ok());
  }
  void TearDown() override { sqlite3_close(db_); }

  std::string rows() {
    auto stmt = Statement::prepare(db_, "SELECT k, coalesce(v, 'null'), x FROM t ORDER BY k");
    std::string out;
    for (;;) {
      auto more = stmt->step();
      if (!more.ok() || !*more) break;
      out += fmt::format("{}={}", stmt->column_int(0), stmt->column_text(1));
      if (!stmt->column_is_null(2)) out += fmt::format("/{}", stmt->column_int(2));
      out += ' ';
    }
    return out;
  }

  sqlite3* db_ = nullptr;
};

TEST_F(BatchInsertTest, RowsLandInOrderAcrossBatchesAndTheRemainder) {
  {
    // (Scoped: the batch's statements are finalized before the connection closes.)
    BatchInsert batch(db_, "INSERT OR REPLACE INTO t (k, v, x)", 3, 4);
    for (int64_t i = 0; i < 10; ++i) {
      ASSERT_TRUE(batch.add(i % 6, fmt::format("r{}", i), std::optional<double>()).ok());
    }
    EXPECT_EQ(batch.rows_held(), 2u);  // two batches of four written; two rows held
    ASSERT_TRUE(batch.add(int64_t{7}, std::optional<std::string>(), 2.0).ok());
    ASSERT_TRUE(batch.flush().ok());
    EXPECT_EQ(batch.rows_held(), 0u);
  }
  // Keys 0-3 were replaced by rows 6-9, the last added.
  EXPECT_EQ(rows(), "0=r6 1=r7 2=r8 3=r9 4=r4 5=r5 7=null/2 ");
}

TEST_F(BatchInsertTest, AFailingRowFailsTheFlush) {
  BatchInsert batch(db_, "INSERT INTO t (k, v, x)", 3, 8);
  ASSERT_TRUE(batch.add(int64_t{1}, "a", 1.0).ok());
  ASSERT_TRUE(batch.add(int64_t{1}, "b", 2.0).ok());  // same key
  Status flushed = batch.flush();
  EXPECT_FALSE(flushed.ok());
  EXPECT_NE(flushed.error().find("UNIQUE"), std::string::npos) << flushed.error();
}

}  // namespace
}  // namespace sitrep::store
