// Packing raw event columns into an index image: date order, packed columns, places, zone maps
// and the spatial grid.
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "sitrep/query/detail/raw_events.hpp"

namespace sitrep::query::detail {
namespace {

// Row order: by (day, id). Stores bulk-loaded in date order need no sort at all.
// Rows in id order (as the store is read) sort by (day, id) with one stable counting pass over
// the days: linear, where a comparison sort of 10M rows took a second.
bool counting_sort_by_day(const RawEvents& raw, std::vector<uint32_t>& order) {
  size_t n = raw.id.size();
  if (n == 0 ||
      std::adjacent_find(raw.id.begin(), raw.id.end(), std::greater_equal<>()) != raw.id.end()) {
    return false;
  }
  auto [lo, hi] = std::minmax_element(raw.day.begin(), raw.day.end());
  if (int64_t{*hi} - *lo >= (int64_t{1} << 24)) return false;
  std::vector<uint32_t> start(static_cast<size_t>(*hi - *lo) + 2, 0);
  for (int32_t d : raw.day) ++start[static_cast<size_t>(d - *lo) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  for (uint32_t r = 0; r < n; ++r) order[start[static_cast<size_t>(raw.day[r] - *lo)]++] = r;
  return true;
}

std::vector<uint32_t> date_order(const RawEvents& raw) {
  size_t n = raw.id.size();
  std::vector<uint32_t> order(n);
  if (counting_sort_by_day(raw, order)) return order;
  std::iota(order.begin(), order.end(), 0);
  auto before = [&](uint32_t a, uint32_t b) {
    return raw.day[a] != raw.day[b] ? raw.day[a] < raw.day[b] : raw.id[a] < raw.id[b];
  };
  // An earlier index's rows (sorted) followed by new events: sort the tail from the first step
  // back and merge it in.
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

}  // namespace

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
    // One hashing pass gives each row a provisional id (first seen, first numbered); the
    // distinct tuples are then numbered in tuple order and the rows renumbered by a table.
    struct TupleHash {
      size_t operator()(const std::array<uint32_t, 4>& k) const {
        uint64_t h = 0x9E3779B97F4A7C15ull;
        for (uint32_t x : k) h = (h ^ x) * 0xBF58476D1CE4E5B9ull;
        return static_cast<size_t>(h ^ (h >> 31));
      }
    };
    std::unordered_map<std::array<uint32_t, 4>, uint32_t, TupleHash> ids;
    std::vector<std::array<uint32_t, 4>> tuples;
    std::array<uint32_t, 4> last_key = {UINT32_MAX, 0, 0, 0};
    uint32_t last_id = 0;
    for (uint32_t r = 0; r < order.size(); ++r) {
      auto k = key(r);
      if (k != last_key) {
        auto [it, added] = ids.try_emplace(k, static_cast<uint32_t>(tuples.size()));
        if (added) tuples.push_back(k);
        last_id = it->second;
        last_key = k;
      }
      place_of[r] = last_id;
    }
    std::vector<uint32_t> by_tuple(tuples.size());
    std::iota(by_tuple.begin(), by_tuple.end(), 0);
    std::sort(by_tuple.begin(), by_tuple.end(),
              [&](uint32_t a, uint32_t b) { return tuples[a] < tuples[b]; });
    std::vector<uint32_t> final_id(tuples.size());
    for (uint32_t i = 0; i < by_tuple.size(); ++i) {
      final_id[by_tuple[i]] = i;
      const auto& k = tuples[by_tuple[i]];
      places.push_back({k[0], k[1], k[2], k[3]});
    }
    for (uint32_t& id : place_of) id = final_id[id];
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
  for (auto [column, values] : {std::pair{Column::fatalities, &raw.fatalities},
                                std::pair{Column::fatalities_low, &raw.fatalities_low},
                                std::pair{Column::fatalities_high, &raw.fatalities_high}}) {
    add_packed(
        out, column_section(column), order, [&](uint32_t r) { return (*values)[r]; },
        Base::nullable_minimum);
  }

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

Result<EventIndex> index_of_parts(std::vector<Part>& parts, const store::StoreStamp& stamp) {
  Dictionaries dictionaries;
  RawEvents raw = merge_parts(parts, dictionaries);
  parts.clear();
  if (raw.id.size() > UINT32_MAX - 1) {
    return make_error("the query index holds at most 4,294,967,294 events");
  }
  auto image = std::make_shared<std::vector<uint64_t>>(pack(raw, dictionaries, stamp));
  raw = RawEvents();
  std::string_view bytes(reinterpret_cast<const char*>(image->data()),
                         image->size() * sizeof(uint64_t));
  return EventIndex::from_image(image, bytes);
}

}  // namespace sitrep::query::detail
