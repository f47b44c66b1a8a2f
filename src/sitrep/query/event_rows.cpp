// Reading events back from their rows (detail/event_rows.hpp).
#include "sitrep/query/detail/event_rows.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "sitrep/store/statement.hpp"

namespace sitrep::query::detail {
namespace {

constexpr int kFirstStringColumn = 7;
constexpr int kAssocColumn1 = kFirstStringColumn + static_cast<int>(kStringFields.size());

Result<model::Day> parse_day(const unsigned char* text, int bytes) {
  if (!text) return make_error("date_start is missing");
  return model::parse_date(
      std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes)));
}

std::string_view column_view(sqlite3_stmt* s, int column) {
  const unsigned char* text = sqlite3_column_text(s, column);
  if (!text) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(s, column))};
}

}  // namespace

Status read_rows(sqlite3* db, const std::vector<IdRange>& ranges, Part& part, int64_t total,
                 const BuildProgress& progress) {
  std::string sql =
      "SELECT id, date_start, latitude, longitude, fatalities_best, fatalities_low, "
      "fatalities_high";
  for (const StringField& f : kStringFields) sql += fmt::format(", {}", f.column);
  sql += ", assoc_actors1, assoc_actors2 FROM events WHERE id >= ? AND id < ?";
  auto stmt = store::Statement::prepare(db, sql);
  if (!stmt) return make_error(stmt.error());
  sqlite3_stmt* s = stmt->handle();
  RawEvents& raw = part.raw;
  auto& interners = part.interners;
  for_each_row_column(
      raw, [total](auto& column) { column.reserve(column.size() + static_cast<size_t>(total)); });
  Interner& actors = interners[static_cast<size_t>(Category::actor)];
  std::array<Interner::Recent, kStringFields.size()> recent;
  for (const IdRange& range : ranges) {
    stmt->reset();
    stmt->bind(1, range.first);
    stmt->bind(2, range.end);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      auto row = static_cast<uint32_t>(raw.id.size());
      raw.id.push_back(sqlite3_column_int64(s, 0));
      auto day = parse_day(sqlite3_column_text(s, 1), sqlite3_column_bytes(s, 1));
      if (!day) {
        return make_error(fmt::format("event {}: date_start: {}", raw.id.back(), day.error()));
      }
      raw.day.push_back(*day);
      auto coordinate = [s](int column) {
        return sqlite3_column_type(s, column) == SQLITE_NULL
                   ? std::nullopt
                   : std::optional<double>(sqlite3_column_double(s, column));
      };
      add_coordinates(raw, row, coordinate(2), coordinate(3));
      auto fatalities = [s](int column) {
        return sqlite3_column_type(s, column) == SQLITE_NULL ? kNoFatalities
                                                             : sqlite3_column_int64(s, column);
      };
      raw.fatalities.push_back(fatalities(4));
      raw.fatalities_low.push_back(fatalities(5));
      raw.fatalities_high.push_back(fatalities(6));
      for (size_t f = 0; f < kStringFields.size(); ++f) {
        int column = kFirstStringColumn + static_cast<int>(f);
        raw.codes[f].push_back(interners[static_cast<size_t>(kStringFields[f].category)].code(
            sqlite3_column_text(s, column), sqlite3_column_bytes(s, column), recent[f]));
      }
      add_associated(column_view(s, kAssocColumn1), row, actors, raw.assoc1);
      add_associated(column_view(s, kAssocColumn1 + 1), row, actors, raw.assoc2);
      if (progress && (row & 0xFFFFF) == 0) progress(row, total);
    }
    if (rc != SQLITE_DONE) {
      return make_error(fmt::format("reading events: {}", sqlite3_errmsg(db)));
    }
  }
  return Status::success();
}

}  // namespace sitrep::query::detail
