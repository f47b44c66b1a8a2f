// EventIndex::build: one pass over the store's events in rowid order, then sorting by date,
// sorting the dictionaries and packing the columns into a snapshot image.
#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "sitrep/query/event_index.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::query {
namespace {

// The string columns read from `events`, in select-list order after id, date_start, latitude,
// longitude and fatalities_best.
struct StringField {
  const char* column;
  Category category;
};
constexpr std::array<StringField, 12> kStringFields = {{
    {"country", Category::country},
    {"admin1", Category::admin1},
    {"admin2", Category::admin2},
    {"location", Category::location},
    {"event_type", Category::event_type},
    {"sub_event_type", Category::sub_event_type},
    {"target", Category::target},
    {"weapon", Category::weapon},
    {"actor1", Category::actor},
    {"actor2", Category::actor},
    {"claim", Category::claim},
    {"dataset", Category::dataset},
}};
constexpr int kFirstStringColumn = 5;
constexpr int kAssocColumn1 = kFirstStringColumn + static_cast<int>(kStringFields.size());

// Assigns codes 1, 2, ... to strings in first-seen order; `sorted_codes` renumbers them.
class Interner {
 public:
  // Starts from a dictionary's values, keeping their codes.
  void preload(const Dictionary& dictionary) {
    for (uint32_t code = 1; code < dictionary.size(); ++code) {
      values_.emplace_back(dictionary.at(code));
      codes_.emplace(values_.back(), code);
    }
  }

  uint32_t code(const unsigned char* text, int bytes) {
    if (!text) return 0;
    std::string_view s(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes));
    if (last_code_ != 0 && s == last_) return last_code_;
    auto it = codes_.find(s);  // no string is built to look one up
    if (it == codes_.end()) {
      values_.emplace_back(s);
      it = codes_.emplace(values_.back(), static_cast<uint32_t>(values_.size())).first;
    }
    last_ = it->first;
    last_code_ = it->second;
    return last_code_;
  }
  // The values in byte order, and old code -> new code (0 stays 0).
  void sorted(std::vector<std::string>& values, std::vector<uint32_t>& remap) const {
    // (values_ is a deque so that last_ stays valid as it grows)
    std::vector<uint32_t> order(values_.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return values_[a] < values_[b]; });
    values.clear();
    remap.assign(values_.size() + 1, 0);
    for (uint32_t i = 0; i < order.size(); ++i) {
      values.push_back(values_[order[i]]);
      remap[order[i] + 1] = i + 1;
    }
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> codes_;
  std::deque<std::string> values_;  // stable addresses: last_ views one of them
  std::string_view last_;
  uint32_t last_code_ = 0;
};

struct RawEvents {
  std::vector<int64_t> id;
  std::vector<int32_t> day;
  std::vector<int32_t> latitude, longitude;
  std::vector<ExactCoordinate> exact;
  std::vector<int64_t> fatalities;  // INT64_MIN: not given
  std::array<std::vector<uint32_t>, kStringFields.size()> codes;
  std::vector<AssociatedActor> assoc1, assoc2;
};

constexpr int64_t kNoFatalities = INT64_MIN;

Result<model::Day> parse_day(const unsigned char* text, int bytes) {
  auto digit = [&](int i) { return text[i] - '0'; };
  if (text && bytes == 10 && text[4] == '-' && text[7] == '-') {
    int year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    int month = digit(5) * 10 + digit(6), day = digit(8) * 10 + digit(9);
    if (month >= 1 && month <= 12 && day >= 1 && day <= model::days_in_month(year, month)) {
      return model::to_day({year, month, day});
    }
  }
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
  std::string sql = "SELECT id, date_start, latitude, longitude, fatalities_best";
  for (const StringField& f : kStringFields) sql += fmt::format(", {}", f.column);
  sql += ", assoc_actors1, assoc_actors2 FROM events WHERE id >= ? AND id < ?";
  auto stmt = store::Statement::prepare(db, sql);
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, first_id);
  stmt->bind(2, end_id);
  sqlite3_stmt* s = stmt->handle();
  for (auto* v : {&raw.id, &raw.fatalities}) v->reserve(static_cast<size_t>(total));
  for (auto* v : {&raw.day, &raw.latitude, &raw.longitude}) v->reserve(static_cast<size_t>(total));
  for (auto& c : raw.codes) c.reserve(static_cast<size_t>(total));
  Interner& actors = interners[static_cast<size_t>(Category::actor)];
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
    raw.fatalities.push_back(sqlite3_column_type(s, 4) == SQLITE_NULL ? kNoFatalities
                                                                      : sqlite3_column_int64(s, 4));
    for (size_t f = 0; f < kStringFields.size(); ++f) {
      int column = kFirstStringColumn + static_cast<int>(f);
      raw.codes[f].push_back(interners[static_cast<size_t>(kStringFields[f].category)].code(
          sqlite3_column_text(s, column), sqlite3_column_bytes(s, column)));
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

// Row order: by (day, id). Stores bulk-loaded in date order need no sort at all.
std::vector<uint32_t> date_order(const RawEvents& raw) {
  size_t n = raw.id.size();
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto before = [&](uint32_t a, uint32_t b) {
    return raw.day[a] != raw.day[b] ? raw.day[a] < raw.day[b] : raw.id[a] < raw.id[b];
  };
  // Usually a long sorted run (the store's rows, or an earlier index) with at most a tail of
  // new events out of order: sort the tail from the first step back and merge it in.
  size_t descent = 1;
  while (descent < n && !before(order[descent], order[descent - 1])) ++descent;
  if (descent < n) {
    auto middle = order.begin() + static_cast<std::ptrdiff_t>(descent);
    std::sort(middle, order.end(), before);
    std::inplace_merge(order.begin(), middle, order.end(), before);
  }
  return order;
}

// How a packed column is based: codes are stored as they are; days and ids as offsets from
// their minimum; nullable counts as offsets from one below their minimum, so stored 0 is NULL.
enum class Base { zero, minimum, nullable_minimum };

template <typename Value>
void add_packed(SnapshotBuilder& out, std::string_view name, const std::vector<uint32_t>& order,
                Value value, Base how) {
  const bool nullable = how == Base::nullable_minimum;
  size_t n = order.size();
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (uint32_t r : order) {
    int64_t v = value(r);
    if (nullable && v == kNoFatalities) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo > hi) lo = hi = 0;
  int64_t base = how == Base::zero ? 0 : nullable ? lo - 1 : lo;
  uint32_t width = PackedInts::width_for(static_cast<uint64_t>(hi - base));
  std::vector<uint32_t> stored(n);
  for (size_t i = 0; i < n; ++i) {
    int64_t v = value(order[i]);
    stored[i] = nullable && v == kNoFatalities ? 0 : static_cast<uint32_t>(v - base);
  }
  std::vector<char> bytes(n * width);
  pack_ints(stored.data(), n, width, bytes.data());
  out.add(name, bytes.data(), bytes.size(), width, base);
}

void add_grid(SnapshotBuilder& out, const std::vector<int32_t>& lat,
              const std::vector<int32_t>& lon) {
  // Counting sort of the rows by cell: one array of counts over every cell of the globe.
  std::vector<uint32_t> counts(size_t{kGridRows} * kGridColumns + 1, 0);
  std::vector<uint32_t> cell_of(lat.size(), UINT32_MAX);
  for (size_t r = 0; r < lat.size(); ++r) {
    if (lat[r] == kNoCoordinate) continue;
    cell_of[r] = EventIndex::grid_cell(lat[r], lon[r]);
    ++counts[cell_of[r] + 1];
  }
  std::vector<uint32_t> cells, starts;
  for (uint32_t c = 0; c + 1 < counts.size(); ++c) {
    if (counts[c + 1] == 0) continue;
    cells.push_back(c);
  }
  std::partial_sum(counts.begin(), counts.end(), counts.begin());
  uint32_t with_coordinates = counts.back();
  std::vector<uint32_t> rows(with_coordinates);
  for (uint32_t c : cells) starts.push_back(counts[c]);
  starts.push_back(with_coordinates);
  for (size_t r = 0; r < lat.size(); ++r) {
    if (cell_of[r] != UINT32_MAX) rows[counts[cell_of[r]]++] = static_cast<uint32_t>(r);
  }
  out.add("grid.cells", cells);
  out.add("grid.starts", starts);
  out.add("grid.rows", rows);
}

void add_zone_maps(SnapshotBuilder& out, const std::vector<int64_t>& fatalities,
                   const std::vector<int32_t>& lat) {
  size_t zones = (lat.size() + kZoneRows - 1) / kZoneRows;
  std::vector<int32_t> fat_max(zones, -1), lat_min(zones, INT32_MAX), lat_max(zones, INT32_MIN);
  for (size_t r = 0; r < lat.size(); ++r) {
    size_t z = r / kZoneRows;
    if (fatalities[r] != kNoFatalities) {
      fat_max[z] = std::max<int32_t>(
          fat_max[z], static_cast<int32_t>(std::min<int64_t>(fatalities[r], INT32_MAX)));
    }
    if (lat[r] != kNoCoordinate) {
      lat_min[z] = std::min(lat_min[z], lat[r]);
      lat_max[z] = std::max(lat_max[z], lat[r]);
    }
  }
  out.add("zone.fat_max", fat_max);
  out.add("zone.lat_min", lat_min);
  out.add("zone.lat_max", lat_max);
}

template <typename T>
std::vector<T> permuted(const std::vector<T>& values, const std::vector<uint32_t>& order) {
  std::vector<T> out(order.size());
  for (size_t i = 0; i < order.size(); ++i) out[i] = values[order[i]];
  return out;
}

using Dictionaries = std::array<std::vector<std::string>, kCategoryCount>;

// The image of `raw`, whose codes are final (numbered in the sorted `dictionaries`).
std::vector<uint64_t> pack(RawEvents& raw, const Dictionaries& dictionaries,
                           const store::StoreStamp& stamp) {
  SnapshotBuilder out;
  for (size_t c = 0; c < kCategoryCount; ++c) {
    std::vector<uint32_t> offsets;
    std::string text;
    Dictionary::encode(dictionaries[c], offsets, text);
    out.add(fmt::format("dict.{}.off", category_name(static_cast<Category>(c))), offsets);
    out.add(fmt::format("dict.{}.txt", category_name(static_cast<Category>(c))), text.data(),
            text.size());
  }
  std::vector<uint32_t> order = date_order(raw);
  std::vector<uint32_t> row_of(order.size());
  for (uint32_t i = 0; i < order.size(); ++i) row_of[order[i]] = i;
  for (auto* assoc : {&raw.assoc1, &raw.assoc2}) {
    for (AssociatedActor& a : *assoc) a.row = row_of[a.row];
    std::sort(assoc->begin(), assoc->end(), [](const AssociatedActor& a, const AssociatedActor& b) {
      return a.row != b.row ? a.row < b.row : a.actor < b.actor;
    });
  }
  for (ExactCoordinate& e : raw.exact) e.row = row_of[e.row];
  std::sort(raw.exact.begin(), raw.exact.end(),
            [](const ExactCoordinate& a, const ExactCoordinate& b) { return a.row < b.row; });

  // Places: the distinct (country, admin1, admin2, location) tuples, in code order.
  const auto& codes = raw.codes;
  std::vector<uint32_t> place_of(order.size());
  std::vector<Place> places;
  {
    auto key = [&](uint32_t r) {
      return std::array<uint32_t, 4>{codes[0][r], codes[1][r], codes[2][r], codes[3][r]};
    };
    // Distinct tuples by hashing (one pass), then numbered in tuple order.
    struct TupleHash {
      size_t operator()(const std::array<uint32_t, 4>& k) const {
        uint64_t h = 0x9E3779B97F4A7C15ull;
        for (uint32_t x : k) h = (h ^ x) * 0xBF58476D1CE4E5B9ull;
        return static_cast<size_t>(h ^ (h >> 31));
      }
    };
    std::unordered_map<std::array<uint32_t, 4>, uint32_t, TupleHash> ids;
    std::array<uint32_t, 4> last_key = {UINT32_MAX, 0, 0, 0};
    uint32_t last_id = 0;
    for (uint32_t r = 0; r < order.size(); ++r) {
      auto k = key(r);
      if (k != last_key) {
        last_id = ids.try_emplace(k, 0).first->second;
        last_key = k;
      }
    }
    std::vector<std::array<uint32_t, 4>> tuples;
    for (const auto& [k, id] : ids) tuples.push_back(k);
    std::sort(tuples.begin(), tuples.end());
    for (const auto& k : tuples) {
      ids[k] = static_cast<uint32_t>(places.size());
      places.push_back({k[0], k[1], k[2], k[3]});
    }
    last_key = {UINT32_MAX, 0, 0, 0};
    for (uint32_t r = 0; r < order.size(); ++r) {
      auto k = key(r);
      if (k != last_key) {
        last_id = ids[k];
        last_key = k;
      }
      place_of[r] = last_id;
    }
  }
  out.add("places", places);

  auto code_of = [&](size_t field) {
    return [&, field](uint32_t r) { return static_cast<int64_t>(codes[field][r]); };
  };
  add_packed(
      out, column_section(Column::day), order, [&](uint32_t r) { return raw.day[r]; },
      Base::minimum);
  add_packed(
      out, column_section(Column::event_id), order, [&](uint32_t r) { return raw.id[r]; },
      Base::minimum);
  constexpr std::array<std::pair<Column, size_t>, 11> kCoded = {{
      {Column::country, 0},
      {Column::admin1, 1},
      {Column::admin2, 2},
      {Column::event_type, 4},
      {Column::sub_event_type, 5},
      {Column::target, 6},
      {Column::weapon, 7},
      {Column::actor1, 8},
      {Column::actor2, 9},
      {Column::claim, 10},
      {Column::dataset, 11},
  }};
  for (auto [column, field] : kCoded) {
    add_packed(out, column_section(column), order, code_of(field), Base::zero);
  }
  add_packed(
      out, column_section(Column::place), order,
      [&](uint32_t r) { return static_cast<int64_t>(place_of[r]); }, Base::zero);
  add_packed(
      out, column_section(Column::fatalities), order, [&](uint32_t r) { return raw.fatalities[r]; },
      Base::nullable_minimum);

  std::vector<int32_t> lat = permuted(raw.latitude, order), lon = permuted(raw.longitude, order);
  std::vector<int64_t> fatalities = permuted(raw.fatalities, order);
  out.add("coord.lat", lat);
  out.add("coord.lon", lon);
  out.add("coord.exact", raw.exact);
  out.add("assoc.1", raw.assoc1);
  out.add("assoc.2", raw.assoc2);
  add_zone_maps(out, fatalities, lat);
  add_grid(out, lat, lon);
  bool ids_ascending = true;
  for (size_t i = 1; i < order.size() && ids_ascending; ++i) {
    ids_ascending = raw.id[order[i]] > raw.id[order[i - 1]];
  }
  std::vector<uint32_t> info = {ids_ascending ? 1u : 0u};
  out.add("info", info);
  return out.finish(order.size(), stamp);
}

// What one reading thread gathers: rows in id order, codes local to its interners.
struct Part {
  RawEvents raw;
  std::array<Interner, kCategoryCount> interners;
  Status status;
};

// Sorted dictionaries over every part's strings; each part's codes renumbered into them and
// the parts concatenated (in id order, as the parts are).
RawEvents merge_parts(std::vector<Part>& parts, Dictionaries& dictionaries) {
  std::vector<std::array<std::vector<uint32_t>, kCategoryCount>> remaps(parts.size());
  for (size_t c = 0; c < kCategoryCount; ++c) {
    std::vector<std::vector<std::string>> sorted(parts.size());
    std::vector<std::string>& all = dictionaries[c];
    for (size_t p = 0; p < parts.size(); ++p) {
      std::vector<uint32_t> local;  // local code -> position in the part's sorted list
      parts[p].interners[c].sorted(sorted[p], local);
      all.insert(all.end(), sorted[p].begin(), sorted[p].end());
      // old code -> global code, through the part's sorted position
      remaps[p][c].assign(local.size(), 0);
      for (size_t old = 1; old < local.size(); ++old) remaps[p][c][old] = local[old];
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    for (size_t p = 0; p < parts.size(); ++p) {
      for (uint32_t& code : remaps[p][c]) {
        if (code == 0) continue;
        const std::string& value = sorted[p][code - 1];
        code =
            static_cast<uint32_t>(std::lower_bound(all.begin(), all.end(), value) - all.begin()) +
            1;
      }
    }
  }
  RawEvents merged = std::move(parts[0].raw);
  auto renumber = [&](RawEvents& raw,
                      const std::array<std::vector<uint32_t>, kCategoryCount>& remap) {
    for (size_t f = 0; f < kStringFields.size(); ++f) {
      const auto& r = remap[static_cast<size_t>(kStringFields[f].category)];
      for (uint32_t& code : raw.codes[f]) code = r[code];
    }
    const auto& actors = remap[static_cast<size_t>(Category::actor)];
    for (auto* assoc : {&raw.assoc1, &raw.assoc2}) {
      for (AssociatedActor& a : *assoc) a.actor = actors[a.actor];
    }
  };
  renumber(merged, remaps[0]);
  for (size_t p = 1; p < parts.size(); ++p) {
    RawEvents& raw = parts[p].raw;
    renumber(raw, remaps[p]);
    auto offset = static_cast<uint32_t>(merged.id.size());
    for (auto* assoc : {&raw.assoc1, &raw.assoc2}) {
      for (AssociatedActor& a : *assoc) a.row += offset;
    }
    for (ExactCoordinate& e : raw.exact) e.row += offset;
    auto append = [](auto& to, auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    append(merged.id, raw.id);
    append(merged.day, raw.day);
    append(merged.latitude, raw.latitude);
    append(merged.longitude, raw.longitude);
    append(merged.exact, raw.exact);
    append(merged.fatalities, raw.fatalities);
    for (size_t f = 0; f < kStringFields.size(); ++f) append(merged.codes[f], raw.codes[f]);
    append(merged.assoc1, raw.assoc1);
    append(merged.assoc2, raw.assoc2);
    raw = RawEvents();
  }
  return merged;
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
  (void)store::exec(db, "PRAGMA mmap_size = 1099511627776");  // read pages in place
  std::vector<Part> parts(split ? 2 : 1);
  int64_t middle = split ? min_id + total / 2 : max_id + 1;
  std::thread helper;
  if (split) {
    helper = std::thread([&] {
      (void)store::exec(second.db, "PRAGMA mmap_size = 1099511627776");
      parts[1].status = read_events(second.db, middle, max_id + 1, parts[1].raw, parts[1].interners,
                                    total - (middle - min_id), {});
    });
  }
  parts[0].status =
      read_events(db, min_id, middle, parts[0].raw, parts[0].interners, middle - min_id, progress);
  if (helper.joinable()) helper.join();
  (void)store::exec(db, "PRAGMA mmap_size = 0");
  for (const Part& p : parts) {
    if (!p.status) return make_error(p.status.error());
  }
  Dictionaries dictionaries;
  RawEvents raw = merge_parts(parts, dictionaries);
  if (raw.id.size() > UINT32_MAX - 1) {
    return make_error("the query index holds at most 4,294,967,294 events");
  }
  auto image = std::make_shared<std::vector<uint64_t>>(pack(raw, dictionaries, *stamp));
  std::string_view bytes(reinterpret_cast<const char*>(image->data()),
                         image->size() * sizeof(uint64_t));
  return from_image(image, bytes);
}

struct EventIndexBuilder::Rows {
  Part part;
};

EventIndexBuilder::EventIndexBuilder() : rows_(std::make_unique<Rows>()) {}
EventIndexBuilder::~EventIndexBuilder() = default;

size_t EventIndexBuilder::size() const {
  return rows_->part.raw.id.size();
}

void EventIndexBuilder::add(const model::Event& e) {
  RawEvents& raw = rows_->part.raw;
  auto& interners = rows_->part.interners;
  auto row = static_cast<uint32_t>(raw.id.size());
  raw.id.push_back(e.id);
  raw.day.push_back(e.date.start);
  if (e.latitude && e.longitude) {
    auto lat_e7 = static_cast<int32_t>(std::llround(std::clamp(*e.latitude, -90.0, 90.0) * 1e7));
    auto lon_e7 = static_cast<int32_t>(std::llround(std::clamp(*e.longitude, -180.0, 180.0) * 1e7));
    raw.latitude.push_back(lat_e7);
    raw.longitude.push_back(lon_e7);
    if (lat_e7 / kCoordinateScale != *e.latitude || lon_e7 / kCoordinateScale != *e.longitude) {
      raw.exact.push_back({row, 0, *e.latitude, *e.longitude});
    }
  } else {
    raw.latitude.push_back(kNoCoordinate);
    raw.longitude.push_back(kNoCoordinate);
  }
  raw.fatalities.push_back(e.fatalities_best ? *e.fatalities_best : kNoFatalities);
  std::string_view claim = model::to_string(e.claim);
  const std::array<std::string_view, kStringFields.size()> values = {
      e.country, e.admin1, e.admin2,        e.location,      e.event_type, e.sub_event_type,
      e.target,  e.weapon, e.actor1.name(), e.actor2.name(), claim,        e.dataset};
  for (size_t f = 0; f < kStringFields.size(); ++f) {
    std::string_view v = values[f];
    raw.codes[f].push_back(
        v.empty()
            ? 0
            : interners[static_cast<size_t>(kStringFields[f].category)].code(
                  reinterpret_cast<const unsigned char*>(v.data()), static_cast<int>(v.size())));
  }
  Interner& actors = interners[static_cast<size_t>(Category::actor)];
  for (int role : {1, 2}) {
    for (const model::ActorRef& a : role == 1 ? e.assoc_actors1 : e.assoc_actors2) {
      const std::string& name = a.name();
      if (name.empty()) continue;
      (role == 1 ? raw.assoc1 : raw.assoc2)
          .push_back({row, actors.code(reinterpret_cast<const unsigned char*>(name.data()),
                                       static_cast<int>(name.size()))});
    }
  }
}

Result<EventIndex> EventIndexBuilder::finish(const store::StoreStamp& stamp) {
  std::vector<Part> parts;
  parts.push_back(std::move(rows_->part));
  rows_->part = Part();
  Dictionaries dictionaries;
  RawEvents raw = merge_parts(parts, dictionaries);
  if (raw.id.size() > UINT32_MAX - 1) {
    return make_error("the query index holds at most 4,294,967,294 events");
  }
  auto image = std::make_shared<std::vector<uint64_t>>(pack(raw, dictionaries, stamp));
  raw = RawEvents();
  std::string_view bytes(reinterpret_cast<const char*>(image->data()),
                         image->size() * sizeof(uint64_t));
  return EventIndex::from_image(image, bytes);
}

namespace {

// The values of a packed column as offsets from its base, one per row.
std::vector<uint32_t> unpack(const PackedInts& column) {
  std::vector<uint32_t> out(column.size);
  column.visit([&](const auto* v) { std::copy(v, v + column.size, out.begin()); });
  return out;
}

// The rows of `base` as a Part, in its row order, with codes of its dictionaries, except the
// events whose ids are in `dropped`. Column by column: each is one tight loop.
Part part_of(const EventIndex& base, const std::vector<int64_t>& dropped) {
  Part part;
  for (size_t c = 0; c < kCategoryCount; ++c) {
    part.interners[c].preload(base.dictionary(static_cast<Category>(c)));
  }
  const size_t n = base.size();
  // Which rows stay: ids of `dropped` marked in a bitmap over the base's id range.
  const PackedInts& ids = base.column(Column::event_id);
  std::vector<uint32_t> id_offsets = unpack(ids);
  std::vector<bool> gone(n ? *std::max_element(id_offsets.begin(), id_offsets.end()) + 1 : 0);
  for (int64_t id : dropped) {
    if (id >= ids.base && static_cast<uint64_t>(id - ids.base) < gone.size()) {
      gone[static_cast<size_t>(id - ids.base)] = true;
    }
  }
  std::vector<uint32_t> new_row(n, UINT32_MAX);
  uint32_t kept = 0;
  for (size_t r = 0; r < n; ++r) {
    if (!gone[id_offsets[r]]) new_row[r] = kept++;
  }
  RawEvents& raw = part.raw;
  auto keep = [&](auto& out, auto value_of) {
    out.resize(kept);
    for (size_t r = 0; r < n; ++r) {
      if (new_row[r] != UINT32_MAX) out[new_row[r]] = value_of(r);
    }
  };
  keep(raw.id, [&](size_t r) { return ids.base + id_offsets[r]; });
  std::vector<uint32_t> days = unpack(base.column(Column::day));
  keep(raw.day,
       [&](size_t r) { return static_cast<model::Day>(base.column(Column::day).base + days[r]); });
  keep(raw.latitude, [&](size_t r) { return base.latitude_e7()[r]; });
  keep(raw.longitude, [&](size_t r) { return base.longitude_e7()[r]; });
  const PackedInts& fat = base.column(Column::fatalities);
  std::vector<uint32_t> fatalities = unpack(fat);
  keep(raw.fatalities,
       [&](size_t r) { return fatalities[r] == 0 ? kNoFatalities : fat.base + fatalities[r]; });
  constexpr std::array<Column, kStringFields.size()> kColumns = {
      Column::country,    Column::admin1,         Column::admin2, Column::place,
      Column::event_type, Column::sub_event_type, Column::target, Column::weapon,
      Column::actor1,     Column::actor2,         Column::claim,  Column::dataset};
  auto places = base.places();
  for (size_t f = 0; f < kColumns.size(); ++f) {
    std::vector<uint32_t> codes = unpack(base.column(kColumns[f]));
    if (kColumns[f] == Column::place) {  // the location field is the place's location
      for (uint32_t& code : codes) code = places[code].location;
    }
    keep(raw.codes[f], [&](size_t r) { return codes[r]; });
  }
  if (!base.coordinates_fit_e7()) {
    for (size_t r = 0; r < n; ++r) {
      if (new_row[r] == UINT32_MAX || base.latitude_e7()[r] == kNoCoordinate) continue;
      double lat = base.latitude(r), lon = base.longitude(r);
      if (base.latitude_e7()[r] / kCoordinateScale != lat ||
          base.longitude_e7()[r] / kCoordinateScale != lon) {
        raw.exact.push_back({new_row[r], 0, lat, lon});
      }
    }
  }
  for (int role : {1, 2}) {
    for (const AssociatedActor& a : base.associated_actors(role)) {
      if (new_row[a.row] == UINT32_MAX) continue;
      (role == 1 ? raw.assoc1 : raw.assoc2).push_back({new_row[a.row], a.actor});
    }
  }
  return part;
}

}  // namespace

Result<EventIndex> EventIndexBuilder::finish_over(const EventIndex& base,
                                                  const store::StoreStamp& stamp) {
  std::vector<Part> parts;
  parts.push_back(part_of(base, rows_->part.raw.id));
  parts.push_back(std::move(rows_->part));
  rows_->part = Part();
  Dictionaries dictionaries;
  RawEvents raw = merge_parts(parts, dictionaries);
  if (raw.id.size() > UINT32_MAX - 1) {
    return make_error("the query index holds at most 4,294,967,294 events");
  }
  auto image = std::make_shared<std::vector<uint64_t>>(pack(raw, dictionaries, stamp));
  raw = RawEvents();
  std::string_view bytes(reinterpret_cast<const char*>(image->data()),
                         image->size() * sizeof(uint64_t));
  return EventIndex::from_image(image, bytes);
}

}  // namespace sitrep::query
