#include "sitrep/store/statement.hpp"

#include <utility>

#include <fmt/format.h>

namespace sitrep::store {

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return make_error(fmt::format("SQL error: {} in: {}", sqlite3_errmsg(db), sql));
  }
  return Statement(stmt);
}

Statement::Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

void Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}
void Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
}
void Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
}
void Statement::bind_text_or_null(int index, std::string_view text) {
  if (text.empty()) {
    bind_null(index);
  } else {
    bind(index, text);
  }
}

void Statement::bind_borrowed_or_null(int index, std::string_view text) {
  if (text.empty()) {
    bind_null(index);
  } else {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return make_error(fmt::format("SQL error: {}", sqlite3_errmsg(sqlite3_db_handle(stmt_))));
}

Status Statement::run() {
  while (true) {
    auto row = step();
    if (!row) {
      reset();
      return std::move(row).take_error();
    }
    if (!*row) break;
  }
  reset();
  return Status::success();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  if (!text) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, index))};
}

std::optional<int> Statement::column_optional_int(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return static_cast<int>(column_int(index));
}

std::optional<double> Statement::column_optional_double(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_double(index);
}

std::string sql_placeholders(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += i ? ", ?" : "?";
  return out;
}

Status exec(sqlite3* db, std::string_view sql) {
  char* message = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error = message ? message : "unknown error";
    sqlite3_free(message);
    return make_error(fmt::format("SQL error: {}", error));
  }
  return Status::success();
}

}  // namespace sitrep::store
