// EventIndexBuilder: an index from events handed over one at a time, alone (a first load) or on
// top of an existing index (a later import); and merging the parts of a build.
#include <algorithm>
#include <cmath>

#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/query/worker_pool.hpp"

namespace sitrep::query {

namespace detail {

// The merged columns are sized (and so first touched) at once, on two threads when large: on a
// virtual machine a fresh page can cost more than the work done in it, and two cores take the
// faults side by side.
PartMerger::PartMerger(size_t rows_expected) {
  auto sized = [rows_expected](auto& column) { column.resize(rows_expected); };
  auto size_numbers = [&] { for_each_number_column(merged_, sized); };
  auto size_codes = [&] {
    for (auto& codes : merged_.codes) sized(codes);
  };
  if (rows_expected < (size_t{1} << 20)) {
    size_numbers();
    size_codes();
    return;
  }
  run_parts(2, [&](size_t part) { part == 0 ? size_numbers() : size_codes(); });
}

void PartMerger::add(Part&& part) {
  // The part's codes -> codes of interners_, per category, looked up the first time a row uses
  // them: a part's interner may hold values none of its rows use any more (rows dropped as
  // stale, or revised away from an earlier index), and a rebuild from the rows never sees those.
  constexpr uint32_t kUnseen = UINT32_MAX;
  std::array<std::vector<uint32_t>, kCategoryCount> remap;
  for (size_t c = 0; c < kCategoryCount; ++c) {
    remap[c].assign(part.interners[c].size() + 1, kUnseen);
    remap[c][0] = 0;
  }
  auto merged_code = [&](size_t category, uint32_t code) {
    uint32_t& to = remap[category][code];
    if (to == kUnseen) {
      const std::string& value = part.interners[category].value(code);
      to = interners_[category].code(reinterpret_cast<const unsigned char*>(value.data()),
                                     static_cast<int>(value.size()));
    }
    return to;
  };
  RawEvents& raw = part.raw;
  const auto offset = static_cast<uint32_t>(rows_);
  const size_t n = raw.id.size();
  if (rows_ + n > merged_.id.size()) {  // more rows than expected: grow every column
    for_each_row_column(merged_, [&](auto& column) { column.resize(rows_ + n); });
  }
  for_each_number_column(merged_, raw, [&](auto& to, const auto& from) {
    std::copy(from.begin(), from.end(), to.begin() + static_cast<std::ptrdiff_t>(rows_));
  });
  for (size_t f = 0; f < kStringFields.size(); ++f) {
    const auto category = static_cast<size_t>(kStringFields[f].category);
    uint32_t* to = merged_.codes[f].data() + rows_;
    for (uint32_t code : raw.codes[f]) *to++ = merged_code(category, code);
  }
  rows_ += n;
  for (ExactCoordinate e : raw.exact) {
    e.row += offset;
    merged_.exact.push_back(e);
  }
  const auto actors = static_cast<size_t>(Category::actor);
  for (auto [from, to] :
       {std::pair{&raw.assoc1, &merged_.assoc1}, {&raw.assoc2, &merged_.assoc2}}) {
    for (AssociatedActor a : *from) {
      to->push_back({a.row + offset, merged_code(actors, a.actor)});
    }
  }
  part = Part();
}

RawEvents PartMerger::finish(Dictionaries& dictionaries) {
  for_each_row_column(merged_, [&](auto& column) { column.resize(rows_); });
  std::array<std::vector<uint32_t>, kCategoryCount> sorted_code;  // merged code -> sorted code
  for (size_t c = 0; c < kCategoryCount; ++c) interners_[c].sorted(dictionaries[c], sorted_code[c]);
  for (size_t f = 0; f < kStringFields.size(); ++f) {
    const std::vector<uint32_t>& r = sorted_code[static_cast<size_t>(kStringFields[f].category)];
    for (uint32_t& code : merged_.codes[f]) code = r[code];
  }
  const std::vector<uint32_t>& actors = sorted_code[static_cast<size_t>(Category::actor)];
  for (auto* assoc : {&merged_.assoc1, &merged_.assoc2}) {
    for (AssociatedActor& a : *assoc) a.actor = actors[a.actor];
  }
  interners_ = {};
  return std::move(merged_);
}

RawEvents merge_parts(std::vector<Part>& parts, Dictionaries& dictionaries) {
  size_t rows = 0;
  for (const Part& p : parts) rows += p.raw.id.size();
  PartMerger merger(rows);
  for (Part& p : parts) merger.add(std::move(p));
  return merger.finish(dictionaries);
}

void add_event(Part& part, std::array<Interner::Recent, kStringFields.size()>& recent,
               const model::Event& e) {
  RawEvents& raw = part.raw;
  auto& interners = part.interners;
  auto row = static_cast<uint32_t>(raw.id.size());
  raw.id.push_back(e.id);
  raw.day.push_back(e.date.start);
  add_coordinates(raw, row, e.latitude, e.longitude);
  raw.fatalities.push_back(e.fatalities_best ? *e.fatalities_best : kNoFatalities);
  raw.fatalities_low.push_back(e.fatalities_low ? *e.fatalities_low : kNoFatalities);
  raw.fatalities_high.push_back(e.fatalities_high ? *e.fatalities_high : kNoFatalities);
  std::string_view claim = model::to_string(e.claim);
  const std::array<std::string_view, kStringFields.size()> values = {
      e.country, e.admin1, e.admin2,        e.location,      e.event_type, e.sub_event_type,
      e.target,  e.weapon, e.actor1.name(), e.actor2.name(), claim,        e.dataset};
  for (size_t f = 0; f < kStringFields.size(); ++f) {
    std::string_view v = values[f];
    raw.codes[f].push_back(v.empty()
                               ? 0
                               : interners[static_cast<size_t>(kStringFields[f].category)].code(
                                     reinterpret_cast<const unsigned char*>(v.data()),
                                     static_cast<int>(v.size()), recent[f]));
  }
  Interner& actors = interners[static_cast<size_t>(Category::actor)];
  for (int role : {1, 2}) {
    // Split as the stored row would be: a name holding "; " is two actors there.
    for (const model::ActorRef& a : role == 1 ? e.assoc_actors1 : e.assoc_actors2) {
      add_associated(a.name(), row, actors, role == 1 ? raw.assoc1 : raw.assoc2);
    }
  }
}

void add_coordinates(RawEvents& raw, uint32_t row, std::optional<double> latitude,
                     std::optional<double> longitude) {
  if (!latitude || !longitude) {
    raw.latitude.push_back(kNoCoordinate);
    raw.longitude.push_back(kNoCoordinate);
    return;
  }
  auto lat_e7 = static_cast<int32_t>(std::llround(std::clamp(*latitude, -90.0, 90.0) * 1e7));
  auto lon_e7 = static_cast<int32_t>(std::llround(std::clamp(*longitude, -180.0, 180.0) * 1e7));
  raw.latitude.push_back(lat_e7);
  raw.longitude.push_back(lon_e7);
  if (lat_e7 / kCoordinateScale != *latitude || lon_e7 / kCoordinateScale != *longitude) {
    raw.exact.push_back({row, 0, *latitude, *longitude});
  }
}

void add_associated(std::string_view names, uint32_t row, Interner& actors,
                    std::vector<AssociatedActor>& out) {
  size_t start = 0;
  while (start <= names.size()) {
    size_t end = names.find("; ", start);
    if (end == std::string_view::npos) end = names.size();
    std::string_view name = names.substr(start, end - start);
    if (!name.empty()) {
      out.push_back({row, actors.code(reinterpret_cast<const unsigned char*>(name.data()),
                                      static_cast<int>(name.size()))});
    }
    start = end + 2;
  }
}

}  // namespace detail

using namespace detail;

struct EventIndexBuilder::Rows {
  Part part;
  std::array<Interner::Recent, kStringFields.size()> recent;  // per column read
};

EventIndexBuilder::EventIndexBuilder() : rows_(std::make_unique<Rows>()) {}
EventIndexBuilder::~EventIndexBuilder() = default;

size_t EventIndexBuilder::size() const {
  return rows_->part.raw.id.size();
}

void EventIndexBuilder::add(const model::Event& e) {
  add_event(rows_->part, rows_->recent, e);
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
  for (auto [column, values] : {std::pair{Column::fatalities, &raw.fatalities},
                                std::pair{Column::fatalities_low, &raw.fatalities_low},
                                std::pair{Column::fatalities_high, &raw.fatalities_high}}) {
    const PackedInts& fat = base.column(column);
    std::vector<uint32_t> stored = unpack(fat);
    keep(*values, [&](size_t r) { return stored[r] == 0 ? kNoFatalities : fat.base + stored[r]; });
  }
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

// The builder's events as the parts of an index: alone, or after `base`'s other events.
std::vector<Part> take_parts(Part& added, const EventIndex* base) {
  std::vector<Part> parts;
  if (base) parts.push_back(part_of(*base, added.raw.id));
  parts.push_back(std::move(added));
  added = Part();
  return parts;
}

}  // namespace

Result<EventIndex> EventIndexBuilder::finish(const store::StoreStamp& stamp) {
  std::vector<Part> parts = take_parts(rows_->part, nullptr);
  return index_of_parts(parts, stamp);
}

Result<EventIndex> EventIndexBuilder::finish_over(const EventIndex& base,
                                                  const store::StoreStamp& stamp) {
  std::vector<Part> parts = take_parts(rows_->part, &base);
  return index_of_parts(parts, stamp);
}

Status EventIndexBuilder::save(const store::StoreStamp& stamp, const std::string& path) {
  std::vector<Part> parts = take_parts(rows_->part, nullptr);
  return write_parts(parts, stamp, path);
}

Status EventIndexBuilder::save_over(const EventIndex& base, const store::StoreStamp& stamp,
                                    const std::string& path) {
  std::vector<Part> parts = take_parts(rows_->part, &base);
  return write_parts(parts, stamp, path);
}

}  // namespace sitrep::query
