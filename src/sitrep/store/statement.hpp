// A prepared SQLite statement that finalizes itself. Values are always bound, never spliced
// into SQL text.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/result.hpp"

namespace sitrep::store {

class Statement {
 public:
  Statement() = default;
  static Result<Statement> prepare(sqlite3* db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binding, 1-based as in SQLite. Text is copied (SQLITE_TRANSIENT) unless `static_text`.
  void bind(int index, std::string_view text);
  void bind(int index, int64_t value);
  void bind(int index, int value) { bind(index, static_cast<int64_t>(value)); }
  void bind(int index, double value);
  void bind_null(int index);
  template <typename T>
  void bind(int index, const std::optional<T>& value) {
    if (value) {
      bind(index, *value);
    } else {
      bind_null(index);
    }
  }
  // Text, or NULL when empty: absent values are NULL in the store.
  void bind_text_or_null(int index, std::string_view text);
  // As bind_text_or_null, without a copy: `text` must stay valid until the statement is reset.
  // For the import path, where every row's strings outlive its step.
  void bind_borrowed_or_null(int index, std::string_view text);

  // Runs one step: true when a row is available, false when done. Errors become Result errors.
  Result<bool> step();
  // Steps to completion, for statements without rows.
  Status run();
  void reset();

  int64_t column_int(int index) const { return sqlite3_column_int64(stmt_, index); }
  double column_double(int index) const { return sqlite3_column_double(stmt_, index); }
  bool column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }
  std::string_view column_text(int index) const;
  // For hot loops that read columns directly through the SQLite API.
  sqlite3_stmt* handle() const { return stmt_; }
  std::optional<int> column_optional_int(int index) const;
  std::optional<double> column_optional_double(int index) const;
  int column_count() const { return sqlite3_column_count(stmt_); }
  std::string_view column_name(int index) const { return sqlite3_column_name(stmt_, index); }

  sqlite3_stmt* raw() const { return stmt_; }

 private:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  sqlite3_stmt* stmt_ = nullptr;
};

// "?, ?, ?": `count` parameter markers for an IN list or a VALUES row.
std::string sql_placeholders(size_t count);

// Runs SQL without results (may hold several statements).
Status exec(sqlite3* db, std::string_view sql);

}  // namespace sitrep::store
