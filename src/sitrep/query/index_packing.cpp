// Packing raw event columns into an index image: date order, packed columns, places, zone maps
// and the spatial grid.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>
#include <unordered_map>
#include <variant>

#include <fmt/format.h>

#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/query/parallel.hpp"

namespace sitrep::query::detail {
namespace {

// Row order: by (day, id). Stores bulk-loaded in date order need no sort at all.
// One stable counting pass over the days: linear, where a comparison sort of 10M rows took a
// second. Rows that came in id order come out of it in (day, id) order; a day whose rows came in
// another order is sorted by id on its own. That is most days of a rebuild from column chunks,
// whose parts are merged in whatever order the two reading threads finish them.
bool counting_sort_by_day(const RawEvents& raw, std::vector<uint32_t>& order) {
  size_t n = raw.id.size();
  if (n == 0) return false;
  auto [lo, hi] = std::minmax_element(raw.day.begin(), raw.day.end());
  if (int64_t{*hi} - *lo >= (int64_t{1} << 24)) return false;
  std::vector<uint32_t> start(static_cast<size_t>(*hi - *lo) + 2, 0);
  for (int32_t d : raw.day) ++start[static_cast<size_t>(d - *lo) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (uint32_t r = 0; r < n; ++r) order[next[static_cast<size_t>(raw.day[r] - *lo)]++] = r;
  if (std::adjacent_find(raw.id.begin(), raw.id.end(), std::greater_equal<>()) == raw.id.end()) {
    return true;
  }
  auto by_id = [&](uint32_t a, uint32_t b) { return raw.id[a] < raw.id[b]; };
  for (size_t d = 0; d + 1 < start.size(); ++d) {
    auto first = order.begin() + start[d], last = order.begin() + start[d + 1];
    if (!std::is_sorted(first, last, by_id)) std::sort(first, last, by_id);
  }
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

// A column's values in row order, packed at the narrowest width from its base.
struct PackedSection {
  std::string bytes;
  uint32_t width = 0;
  int64_t base = 0;
};

// The stored value of `v` from `base` (0 for a missing count of a nullable column).
inline uint32_t stored_value(int64_t v, int64_t base, bool nullable) {
  return nullable && v == kNoFatalities ? 0 : static_cast<uint32_t>(v - base);
}

// `values` gathered through `order`, packed at the narrowest width from their base. The minimum
// and maximum are taken over the column in its own order (the same values, read in sequence),
// and the gather writes straight into the section: no column-sized temporary, whose fresh pages
// cost a fault each on a VM.
template <typename T>
PackedSection packed(const std::vector<uint32_t>& order, const std::vector<T>& values, Base how) {
  const bool nullable = how == Base::nullable_minimum;
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (T value : values) {
    int64_t v = value;
    if (nullable && v == kNoFatalities) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo > hi) lo = hi = 0;
  PackedSection out;
  out.base = how == Base::zero ? 0 : nullable ? lo - 1 : lo;
  out.width = PackedInts::width_for(static_cast<uint64_t>(hi - out.base));
  out.bytes.resize(order.size() * out.width);
  auto gather = [&]<typename Stored>(Stored* stored) {
    for (size_t i = 0; i < order.size(); ++i) {
      stored[i] = static_cast<Stored>(stored_value(values[order[i]], out.base, nullable));
    }
  };
  if (out.width == 1) {
    gather(reinterpret_cast<uint8_t*>(out.bytes.data()));
  } else if (out.width == 2) {
    gather(reinterpret_cast<uint16_t*>(out.bytes.data()));
  } else {
    gather(reinterpret_cast<uint32_t*>(out.bytes.data()));
  }
  return out;
}

// The spatial grid's sections: the occupied cells, where each one's rows start, and the rows.
struct Grid {
  std::vector<uint32_t> cells, starts;
  std::string rows;  // uint32_t row numbers, cell by cell
};

Grid grid_of(std::span<const int32_t> lat, std::span<const int32_t> lon) {
  // Counting sort of the rows by cell: one array of counts over every cell of the globe. The
  // cells are computed twice rather than kept (a column-sized array of fresh memory).
  std::vector<uint32_t> counts(size_t{kGridRows} * kGridColumns + 1, 0);
  auto for_each_located = [&](auto&& f) {
    for (size_t r = 0; r < lat.size(); ++r) {
      if (lat[r] != kNoCoordinate) {
        f(static_cast<uint32_t>(r), EventIndex::grid_cell(lat[r], lon[r]));
      }
    }
  };
  for_each_located([&](uint32_t, uint32_t cell) { ++counts[cell + 1]; });
  Grid grid;
  for (uint32_t c = 0; c + 1 < counts.size(); ++c) {
    if (counts[c + 1] == 0) continue;
    grid.cells.push_back(c);
  }
  std::partial_sum(counts.begin(), counts.end(), counts.begin());
  uint32_t with_coordinates = counts.back();
  grid.rows.assign(size_t{with_coordinates} * sizeof(uint32_t), '\0');
  auto* rows = reinterpret_cast<uint32_t*>(grid.rows.data());
  for (uint32_t c : grid.cells) grid.starts.push_back(counts[c]);
  grid.starts.push_back(with_coordinates);
  for_each_located([&](uint32_t r, uint32_t cell) { rows[counts[cell]++] = r; });
  return grid;
}

// Per block of kZoneRows rows: the largest fatality count and the latitude range.
struct ZoneMaps {
  std::vector<int32_t> fat_max, lat_min, lat_max;
};

// `fatalities` in the rows' original order, read through `order`; `lat` in date order.
ZoneMaps zone_maps_of(const std::vector<uint32_t>& order, const std::vector<int64_t>& fatalities,
                      std::span<const int32_t> lat) {
  size_t zones = (lat.size() + kZoneRows - 1) / kZoneRows;
  ZoneMaps maps{std::vector<int32_t>(zones, -1), std::vector<int32_t>(zones, INT32_MAX),
                std::vector<int32_t>(zones, INT32_MIN)};
  auto& [fat_max, lat_min, lat_max] = maps;
  for (size_t r = 0; r < lat.size(); ++r) {
    size_t z = r / kZoneRows;
    const int64_t killed = fatalities[order[r]];
    if (killed != kNoFatalities) {
      fat_max[z] =
          std::max<int32_t>(fat_max[z], static_cast<int32_t>(std::min<int64_t>(killed, INT32_MAX)));
    }
    if (lat[r] != kNoCoordinate) {
      lat_min[z] = std::min(lat_min[z], lat[r]);
      lat_max[z] = std::max(lat_max[z], lat[r]);
    }
  }
  return maps;
}

// `values` gathered through `order`, as the bytes of a section.
template <typename T>
std::string permuted_bytes(const std::vector<T>& values, const std::vector<uint32_t>& order) {
  std::string out(order.size() * sizeof(T), '\0');
  auto* target = reinterpret_cast<T*>(out.data());
  for (size_t i = 0; i < order.size(); ++i) target[i] = values[order[i]];
  return out;
}

template <typename T>
std::span<const T> as_span(const std::string& bytes) {
  return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
}

// The sections of the image of `raw`, whose codes are final (numbered in the sorted
// `dictionaries`). Frees the columns it no longer needs as it goes (see below).
SnapshotBuilder packed_sections(RawEvents& raw, const Dictionaries& dictionaries) {
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
  std::vector<uint32_t>().swap(row_of);

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

  // The packed columns, each a gather through `order` (random reads): two threads take turns
  // over them, and the sections are added in a fixed order.
  using Values = std::variant<const std::vector<int32_t>*, const std::vector<int64_t>*,
                              const std::vector<uint32_t>*>;
  struct Job {
    Column column;
    Values values;
    Base how;
  };
  std::vector<Job> jobs = {{Column::day, &raw.day, Base::minimum},
                           {Column::event_id, &raw.id, Base::minimum}};
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
  for (auto [column, field] : kCoded) jobs.push_back({column, &codes[field], Base::zero});
  jobs.push_back({Column::place, &place_of, Base::zero});
  jobs.push_back({Column::fatalities, &raw.fatalities, Base::nullable_minimum});
  jobs.push_back({Column::fatalities_low, &raw.fatalities_low, Base::nullable_minimum});
  jobs.push_back({Column::fatalities_high, &raw.fatalities_high, Base::nullable_minimum});
  std::vector<PackedSection> sections(jobs.size());
  const size_t threads = order.size() >= 100000 ? parallel_parts(jobs.size(), 1) : 1;
  run_parts(threads, [&](size_t part) {
    for (size_t j = part; j < jobs.size(); j += threads) {
      sections[j] = std::visit(
          [&](const auto* values) { return packed(order, *values, jobs[j].how); }, jobs[j].values);
    }
  });
  for (size_t j = 0; j < jobs.size(); ++j) {
    out.add(column_section(jobs[j].column), std::move(sections[j].bytes), sections[j].width,
            sections[j].base);
  }
  // The codes and fatality ranges are packed: their memory goes to the steps below (a rebuild
  // of 10M events peaks at about 2 GB, and on a VM every fresh page costs a fault).
  for (auto& column : raw.codes) std::vector<uint32_t>().swap(column);
  std::vector<int64_t>().swap(raw.fatalities_low);
  std::vector<int64_t>().swap(raw.fatalities_high);
  std::vector<uint32_t>().swap(place_of);

  std::vector<int32_t>().swap(raw.day);

  // The coordinates are gathered straight into their sections, which the zone maps and the grid
  // then read: no second copy of them.
  std::string lat_bytes = permuted_bytes(raw.latitude, order);
  std::vector<int32_t>().swap(raw.latitude);
  std::string lon_bytes = permuted_bytes(raw.longitude, order);
  std::vector<int32_t>().swap(raw.longitude);
  const auto lat = as_span<int32_t>(lat_bytes), lon = as_span<int32_t>(lon_bytes);
  ZoneMaps zones = zone_maps_of(order, raw.fatalities, lat);
  std::vector<int64_t>().swap(raw.fatalities);
  Grid grid = grid_of(lat, lon);
  // Sections in their established order (the file's layout follows it).
  out.add("coord.lat", std::move(lat_bytes), 0, 0);
  out.add("coord.lon", std::move(lon_bytes), 0, 0);
  out.add("coord.exact", raw.exact);
  out.add("assoc.1", raw.assoc1);
  out.add("assoc.2", raw.assoc2);
  out.add("zone.fat_max", zones.fat_max);
  out.add("zone.lat_min", zones.lat_min);
  out.add("zone.lat_max", zones.lat_max);
  out.add("grid.cells", grid.cells);
  out.add("grid.starts", grid.starts);
  out.add("grid.rows", std::move(grid.rows), 0, 0);
  bool ids_ascending = true;
  for (size_t i = 1; i < order.size() && ids_ascending; ++i) {
    ids_ascending = raw.id[order[i]] > raw.id[order[i - 1]];
  }
  std::vector<uint32_t> info = {ids_ascending ? 1u : 0u};
  out.add("info", info);
  return out;
}

Status fits_an_index(const RawEvents& raw) {
  if (raw.id.size() > UINT32_MAX - 1) {
    return make_error("the query index holds at most 4,294,967,294 events");
  }
  return Status::success();
}

// An index over the image of `sections`, built in memory.
Result<EventIndex> index_in_memory(const SnapshotBuilder& sections, size_t events,
                                   const store::StoreStamp& stamp) {
  auto image = std::make_shared<std::vector<uint64_t>>(sections.finish(events, stamp));
  std::string_view bytes(reinterpret_cast<const char*>(image->data()),
                         image->size() * sizeof(uint64_t));
  return EventIndex::from_image(image, bytes);
}

}  // namespace

Result<EventIndex> index_of_rows(RawEvents raw, const Dictionaries& dictionaries,
                                 const store::StoreStamp& stamp) {
  if (Status s = fits_an_index(raw); !s) return make_error(s.error());
  SnapshotBuilder sections = packed_sections(raw, dictionaries);
  const size_t events = raw.id.size();
  raw = RawEvents();
  return index_in_memory(sections, events, stamp);
}

Status write_parts(std::vector<Part>& parts, const store::StoreStamp& stamp,
                   const std::string& path) {
  Dictionaries dictionaries;
  RawEvents raw = merge_parts(parts, dictionaries);
  parts.clear();
  if (Status s = fits_an_index(raw); !s) return s;
  return packed_sections(raw, dictionaries).write(path, raw.id.size(), stamp);
}

Result<EventIndex> saved_index_of_rows(RawEvents raw, const Dictionaries& dictionaries,
                                       const store::StoreStamp& stamp, const std::string& path,
                                       std::string& save_error) {
  if (Status s = fits_an_index(raw); !s) return make_error(s.error());
  SnapshotBuilder sections = packed_sections(raw, dictionaries);
  const size_t events = raw.id.size();
  raw = RawEvents();
  Status written = sections.write(path, events, stamp);
  if (written) {
    // Another process may have renamed its own snapshot over this one since: then this
    // build's index is the one built in memory below (and the file is theirs).
    auto index = EventIndex::open_snapshot(path);
    if (index && index->stamp() == stamp) return index;
    save_error = index ? "another process wrote it meanwhile" : index.error();
  } else {
    save_error = written.error();
  }
  return index_in_memory(sections, events, stamp);
}

Result<EventIndex> index_of_parts(std::vector<Part>& parts, const store::StoreStamp& stamp) {
  Dictionaries dictionaries;
  RawEvents raw = merge_parts(parts, dictionaries);
  parts.clear();
  return index_of_rows(std::move(raw), dictionaries, stamp);
}

}  // namespace sitrep::query::detail
