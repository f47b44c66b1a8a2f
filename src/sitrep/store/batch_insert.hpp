// Rows inserted many to a statement: INSERT INTO t (a, b) VALUES (?,?),(?,?),…
//
// A statement per row costs SQLite a program start, cursors opened and closed, and bindings
// cleared for every row; a fusion run writing a million member rows spent more time there than
// in the B-trees. A BatchInsert holds the rows' values and writes them a batch per statement
// (single-row statements for the remainder), in the order they were added, so INSERT OR REPLACE
// and the like behave as if each row had been inserted on its own. The rows are in the table
// only after flush(): flush before reading the table, changing it otherwise, or committing.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "sitrep/result.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::store {

class BatchInsert {
 public:
  // Text held in text_ (its bytes from `offset`): a row's strings are copied into one growing
  // buffer, not a std::string each (a first fusion writes millions of them).
  struct Text {
    size_t offset = 0, size = 0;
  };
  // NULL, an integer, a real, or text.
  using Value = std::variant<std::monostate, int64_t, double, Text>;

  // `head` is everything before VALUES: "INSERT OR REPLACE INTO t (a, b, c)"; `columns` the
  // values per row.
  BatchInsert(sqlite3* db, std::string head, int columns, int rows_per_statement = 64);

  // Adds one row: exactly `columns` values, in the columns' order. Writes a full batch.
  template <typename... Values>
  Status add(Values&&... values) {
    static_assert(sizeof...(Values) > 0);
    (values_.push_back(value_of(std::forward<Values>(values))), ...);
    if (++rows_ < rows_per_statement_) return Status::success();
    return flush();
  }

  // Writes every row held (and forgets them, written or not: on an error the caller rolls
  // back).
  Status flush();
  // Forgets the rows held (a rollback).
  void discard() {
    values_.clear();
    text_.clear();
    rows_ = 0;
  }
  size_t rows_held() const { return rows_; }

 private:
  template <typename T>
  struct is_optional : std::false_type {};
  template <typename T>
  struct is_optional<std::optional<T>> : std::true_type {};

  // An integer, a real, text (a string, a view, a literal), or an optional of one (NULL when
  // empty).
  template <typename T>
  Value value_of(const T& v) {
    if constexpr (is_optional<T>::value) {
      return v ? value_of(*v) : Value();
    } else if constexpr (std::is_integral_v<T>) {
      return Value(static_cast<int64_t>(v));
    } else if constexpr (std::is_floating_point_v<T>) {
      return Value(static_cast<double>(v));
    } else {
      const std::string_view text(v);
      Text held{text_.size(), text.size()};
      text_.append(text);
      return Value(held);
    }
  }

  Result<Statement*> statement(int rows);
  Status write(size_t first_value, int rows);

  sqlite3* db_;
  std::string head_;
  int columns_;
  int rows_per_statement_;
  std::vector<Value> values_;
  std::string text_;  // the text values' bytes
  int rows_ = 0;
  Statement one_row_, full_batch_;
};

}  // namespace sitrep::store
