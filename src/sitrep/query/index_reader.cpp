// EventIndex::build: the store's events read back in rowid order (two threads over halves of the
// ids when the store is large), then merged and packed.
#include <algorithm>
#include <cmath>
#include <thread>

#include <fmt/format.h>

#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/store/mapped_reads.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::query {
namespace {

using namespace detail;

constexpr int kFirstStringColumn = 7;
constexpr int kAssocColumn1 = kFirstStringColumn + static_cast<int>(kStringFields.size());

Result<model::Day> parse_day(const unsigned char* text, int bytes) {
  if (!text) return make_error("date_start is missing");
  return model::parse_date(
      std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes)));
}

void add_associated(const unsigned char* text, int bytes, uint32_t row, Interner& actors,
                    std::vector<AssociatedActor>& out) {
  if (!text || bytes == 0) return;
  std::string_view list(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes));
  // "; "-joined, as the SQL path splits them.
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find("; ", start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view name = list.substr(start, end - start);
    if (!name.empty()) {
      out.push_back({row, actors.code(reinterpret_cast<const unsigned char*>(name.data()),
                                      static_cast<int>(name.size()))});
    }
    start = end + 2;
  }
}

// Reads the events with ids in [first_id, end_id) in id order.
Status read_events(sqlite3* db, int64_t first_id, int64_t end_id, RawEvents& raw,
                   std::array<Interner, kCategoryCount>& interners, int64_t total,
                   const BuildProgress& progress) {
  std::string sql =
      "SELECT id, date_start, latitude, longitude, fatalities_best, fatalities_low, "
      "fatalities_high";
  for (const StringField& f : kStringFields) sql += fmt::format(", {}", f.column);
  sql += ", assoc_actors1, assoc_actors2 FROM events WHERE id >= ? AND id < ?";
  auto stmt = store::Statement::prepare(db, sql);
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, first_id);
  stmt->bind(2, end_id);
  sqlite3_stmt* s = stmt->handle();
  for (auto* v : {&raw.id, &raw.fatalities, &raw.fatalities_low, &raw.fatalities_high}) {
    v->reserve(static_cast<size_t>(total));
  }
  for (auto* v : {&raw.day, &raw.latitude, &raw.longitude}) v->reserve(static_cast<size_t>(total));
  for (auto& c : raw.codes) c.reserve(static_cast<size_t>(total));
  Interner& actors = interners[static_cast<size_t>(Category::actor)];
  std::array<Interner::Recent, kStringFields.size()> recent;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    auto row = static_cast<uint32_t>(raw.id.size());
    raw.id.push_back(sqlite3_column_int64(s, 0));
    auto day = parse_day(sqlite3_column_text(s, 1), sqlite3_column_bytes(s, 1));
    if (!day) {
      return make_error(fmt::format("event {}: date_start: {}", raw.id.back(), day.error()));
    }
    raw.day.push_back(*day);
    if (sqlite3_column_type(s, 2) == SQLITE_NULL || sqlite3_column_type(s, 3) == SQLITE_NULL) {
      raw.latitude.push_back(kNoCoordinate);
      raw.longitude.push_back(kNoCoordinate);
    } else {
      double lat = sqlite3_column_double(s, 2), lon = sqlite3_column_double(s, 3);
      auto lat_e7 = static_cast<int32_t>(std::llround(std::clamp(lat, -90.0, 90.0) * 1e7));
      auto lon_e7 = static_cast<int32_t>(std::llround(std::clamp(lon, -180.0, 180.0) * 1e7));
      raw.latitude.push_back(lat_e7);
      raw.longitude.push_back(lon_e7);
      if (lat_e7 / kCoordinateScale != lat || lon_e7 / kCoordinateScale != lon) {
        raw.exact.push_back({row, 0, lat, lon});
      }
    }
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
    add_associated(sqlite3_column_text(s, kAssocColumn1), sqlite3_column_bytes(s, kAssocColumn1),
                   row, actors, raw.assoc1);
    add_associated(sqlite3_column_text(s, kAssocColumn1 + 1),
                   sqlite3_column_bytes(s, kAssocColumn1 + 1), row, actors, raw.assoc2);
    if (progress && (row & 0xFFFFF) == 0) progress(row, total);
  }
  if (rc != SQLITE_DONE) return make_error(fmt::format("reading events: {}", sqlite3_errmsg(db)));
  return Status::success();
}

Result<std::pair<int64_t, int64_t>> id_bounds(sqlite3* db) {
  auto stmt = store::Statement::prepare(
      db, "SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM events");
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return std::make_pair(stmt->column_int(0), stmt->column_int(1));
}

// A second read-only connection to the store's file, in a read transaction of its own.
struct ReaderConnection {
  sqlite3* db = nullptr;
  ~ReaderConnection() {
    if (db) {
      (void)store::exec(db, "COMMIT");
      sqlite3_close(db);
    }
  }
};

}  // namespace

Result<EventIndex> EventIndex::build(store::SqliteStore& store, const BuildProgress& progress,
                                     int64_t parallel_from) {
  sqlite3* db = store.handle();
  // One read transaction: the stamp and the rows come from the same state of the store.
  if (Status s = store::exec(db, "BEGIN"); !s) return make_error(s.error());
  struct EndRead {
    sqlite3* db;
    ~EndRead() { (void)store::exec(db, "COMMIT"); }
  } end_read{db};
  auto stamp = store.stamp();
  if (!stamp) return std::move(stamp).take_error();
  auto bounds = id_bounds(db);
  if (!bounds) return std::move(bounds).take_error();
  auto [min_id, max_id] = *bounds;
  const int64_t total = max_id - min_id + 1;

  // Large stores are read by two threads, each over half the ids on its own connection; the
  // second connection must see the same state of the store (same stamp), else one thread reads.
  const char* file = sqlite3_db_filename(db, "main");
  ReaderConnection second;
  bool split = total >= parallel_from && file && *file && std::thread::hardware_concurrency() > 1 &&
               sqlite3_open_v2(file, &second.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                               nullptr) == SQLITE_OK &&
               store::exec(second.db, "BEGIN").ok();
  if (split) {
    auto other = store::stamp_of(second.db);
    split = other.ok() && *other == *stamp;
  }
  std::vector<Part> parts(split ? 2 : 1);
  int64_t middle = split ? min_id + total / 2 : max_id + 1;
  {
    const store::MappedReads mapped(db);
    std::thread helper;
    if (split) {
      helper = std::thread([&] {
        const store::MappedReads mapped_second(second.db);
        parts[1].status = read_events(second.db, middle, max_id + 1, parts[1].raw,
                                      parts[1].interners, total - (middle - min_id), {});
      });
    }
    parts[0].status = read_events(db, min_id, middle, parts[0].raw, parts[0].interners,
                                  middle - min_id, progress);
    if (helper.joinable()) helper.join();
  }
  for (const Part& p : parts) {
    if (!p.status) return make_error(p.status.error());
  }
  return index_of_parts(parts, *stamp);
}

}  // namespace sitrep::query
