// EventIndex::build: one pass over the store's events in rowid order, then sorting by date,
// sorting the dictionaries and packing the columns into a snapshot image.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
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
  uint32_t code(const unsigned char* text, int bytes) {
    if (!text) return 0;
    std::string_view s(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes));
    if (last_code_ != 0 && s == last_) return last_code_;
    auto [it, inserted] = codes_.try_emplace(std::string(s), 0);
    if (inserted) {
      values_.push_back(it->first);
      it->second = static_cast<uint32_t>(values_.size());
    }
    last_ = it->first;
    last_code_ = it->second;
    return last_code_;
  }
  // The values in byte order, and old code -> new code (0 stays 0).
  void sorted(std::vector<std::string>& values, std::vector<uint32_t>& remap) const {
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
  std::unordered_map<std::string, uint32_t> codes_;
  std::vector<std::string> values_;
  std::string last_;
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

Status read_events(sqlite3* db, RawEvents& raw, std::array<Interner, kCategoryCount>& interners,
                   int64_t total, const BuildProgress& progress) {
  std::string sql = "SELECT id, date_start, latitude, longitude, fatalities_best";
  for (const StringField& f : kStringFields) sql += fmt::format(", {}", f.column);
  sql += ", assoc_actors1, assoc_actors2 FROM events";
  auto stmt = store::Statement::prepare(db, sql);
  if (!stmt) return make_error(stmt.error());
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
  bool sorted = true;
  for (size_t i = 1; i < n && sorted; ++i) sorted = !before(order[i], order[i - 1]);
  if (!sorted) std::sort(order.begin(), order.end(), before);
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

// The image of `raw`, once its codes are final (dictionaries sorted) and its rows in date order.
std::vector<uint64_t> pack(RawEvents& raw, const std::array<Interner, kCategoryCount>& interners,
                           const store::StoreStamp& stamp) {
  SnapshotBuilder out;
  // Dictionaries, and codes renumbered to sorted order.
  std::array<std::vector<uint32_t>, kCategoryCount> remaps;
  for (size_t c = 0; c < kCategoryCount; ++c) {
    std::vector<std::string> values;
    interners[c].sorted(values, remaps[c]);
    std::vector<uint32_t> offsets;
    std::string text;
    Dictionary::encode(values, offsets, text);
    out.add(fmt::format("dict.{}.off", category_name(static_cast<Category>(c))), offsets);
    out.add(fmt::format("dict.{}.txt", category_name(static_cast<Category>(c))), text.data(),
            text.size());
  }
  for (size_t f = 0; f < kStringFields.size(); ++f) {
    const auto& remap = remaps[static_cast<size_t>(kStringFields[f].category)];
    for (uint32_t& code : raw.codes[f]) code = remap[code];
  }
  const auto& actor_remap = remaps[static_cast<size_t>(Category::actor)];
  std::vector<uint32_t> order = date_order(raw);
  std::vector<uint32_t> row_of(order.size());
  for (uint32_t i = 0; i < order.size(); ++i) row_of[order[i]] = i;
  for (auto* assoc : {&raw.assoc1, &raw.assoc2}) {
    for (AssociatedActor& a : *assoc) a = {row_of[a.row], actor_remap[a.actor]};
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
    std::map<std::array<uint32_t, 4>, uint32_t> ids;
    for (uint32_t r = 0; r < order.size(); ++r) ids.emplace(key(r), 0);
    for (auto& [k, id] : ids) {
      id = static_cast<uint32_t>(places.size());
      places.push_back({k[0], k[1], k[2], k[3]});
    }
    for (uint32_t r = 0; r < order.size(); ++r) place_of[r] = ids[key(r)];
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

// The largest id: an upper bound on the number of events, for progress and reservations.
Result<int64_t> estimate_event_count(sqlite3* db) {
  auto stmt = store::Statement::prepare(db, "SELECT coalesce(max(id), 0) FROM events");
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return stmt->column_int(0);
}

}  // namespace

Result<EventIndex> EventIndex::build(store::SqliteStore& store, const BuildProgress& progress) {
  sqlite3* db = store.handle();
  // One read transaction: the stamp and the rows come from the same state of the store.
  if (Status s = store::exec(db, "BEGIN"); !s) return make_error(s.error());
  struct EndRead {
    sqlite3* db;
    ~EndRead() { (void)store::exec(db, "COMMIT"); }
  } end_read{db};
  auto stamp = store.stamp();
  if (!stamp) return std::move(stamp).take_error();
  auto total = estimate_event_count(db);
  if (!total) return std::move(total).take_error();
  RawEvents raw;
  std::array<Interner, kCategoryCount> interners;
  if (Status s = read_events(db, raw, interners, *total, progress); !s) {
    return make_error(s.error());
  }
  if (raw.id.size() > UINT32_MAX - 1) {
    return make_error("the query index holds at most 4,294,967,294 events");
  }
  auto image = std::make_shared<std::vector<uint64_t>>(pack(raw, interners, *stamp));
  std::string_view bytes(reinterpret_cast<const char*>(image->data()),
                         image->size() * sizeof(uint64_t));
  return from_image(image, bytes);
}

}  // namespace sitrep::query
