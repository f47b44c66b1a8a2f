#include "sitrep/store/batch_insert.hpp"

#include <fmt/format.h>

namespace sitrep::store {

BatchInsert::BatchInsert(sqlite3* db, std::string head, int columns, int rows_per_statement)
    : db_(db),
      head_(std::move(head)),
      columns_(columns),
      rows_per_statement_(std::max(1, rows_per_statement)) {
  values_.reserve(static_cast<size_t>(columns_ * rows_per_statement_));
}

Result<Statement*> BatchInsert::statement(int rows) {
  Statement& slot = rows == 1 ? one_row_ : full_batch_;
  if (!slot.raw()) {
    const std::string row = fmt::format("({})", sql_placeholders(static_cast<size_t>(columns_)));
    std::string sql = head_ + " VALUES " + row;
    for (int i = 1; i < rows; ++i) sql += "," + row;
    auto prepared = Statement::prepare(db_, sql);
    if (!prepared) return make_error(prepared.error());
    slot = std::move(*prepared);
  }
  return &slot;
}

Status BatchInsert::write(size_t first_value, int rows) {
  auto stmt = statement(rows);
  if (!stmt) return make_error(stmt.error());
  Statement& s = **stmt;
  const size_t count = static_cast<size_t>(rows * columns_);
  for (size_t i = 0; i < count; ++i) {
    const int index = static_cast<int>(i + 1);
    const Value& v = values_[first_value + i];
    if (const auto* n = std::get_if<int64_t>(&v)) {
      s.bind(index, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      s.bind(index, *d);
    } else if (const auto* text = std::get_if<Text>(&v)) {
      // The buffer outlives the step and does not move during it: no copy.
      sqlite3_bind_text(s.raw(), index, text_.data() + text->offset, static_cast<int>(text->size),
                        SQLITE_STATIC);
    } else {
      s.bind_null(index);
    }
  }
  return s.run();
}

Status BatchInsert::flush() {
  Status result = Status::success();
  if (rows_ == rows_per_statement_) {
    result = write(0, rows_);
  } else {
    for (int row = 0; row < rows_ && result; ++row) {
      result = write(static_cast<size_t>(row * columns_), 1);
    }
  }
  values_.clear();
  text_.clear();
  rows_ = 0;
  return result;
}

}  // namespace sitrep::store
