#include "sitrep/query/event_index.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sitrep/io/mapped_file.hpp"

namespace sitrep::query {
namespace {

constexpr std::array<std::string_view, kColumnCount> kColumnSections = {"col.day",
                                                                        "col.event_id",
                                                                        "col.country",
                                                                        "col.admin1",
                                                                        "col.admin2",
                                                                        "col.place",
                                                                        "col.type",
                                                                        "col.subtype",
                                                                        "col.target",
                                                                        "col.weapon",
                                                                        "col.actor1",
                                                                        "col.actor2",
                                                                        "col.claim",
                                                                        "col.dataset",
                                                                        "col.fatalities",
                                                                        "col.fatalities_low",
                                                                        "col.fatalities_high"};

constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
    "country", "admin1", "admin2", "location", "type",   "subtype",
    "target",  "weapon", "actor",  "claim",    "dataset"};

template <typename T>
Result<std::span<const T>> typed_section(const SnapshotContents& contents, std::string_view name) {
  auto section = contents.section(name);
  if (!section) return std::move(section).take_error();
  if (section->bytes.size() % sizeof(T) != 0) {
    return make_error(fmt::format("snapshot section '{}' has a partial element", name));
  }
  return std::span<const T>(reinterpret_cast<const T*>(section->bytes.data()),
                            section->bytes.size() / sizeof(T));
}

}  // namespace

std::string_view column_section(Column c) {
  return kColumnSections[static_cast<size_t>(c)];
}

std::string_view category_name(Category c) {
  return kCategoryNames[static_cast<size_t>(c)];
}

Result<EventIndex> EventIndex::from_image(std::shared_ptr<const void> owner,
                                          std::string_view image) {
  EventIndex index;
  if (Status s = index.attach(std::move(owner), image); !s) return make_error(s.error());
  return index;
}

Result<EventIndex> EventIndex::open_snapshot(const std::string& path) {
  auto file = io::MappedFile::open(path);
  if (!file) return std::move(file).take_error();
  auto owner = std::make_shared<io::MappedFile>(std::move(*file));
  std::string_view image = owner->contents();
  auto index = from_image(owner, image);
  if (!index) return make_error(fmt::format("{}: {}", path, index.error()));
  return index;
}

Status EventIndex::save_snapshot(const std::string& path) const {
  return write_snapshot(path, image_);
}

// Checks every section the index reads: its presence, its element size and that its length
// agrees with the number of rows. A snapshot that fails any check is rebuilt by the caller.
Status EventIndex::attach(std::shared_ptr<const void> owner, std::string_view image) {
  owner_ = std::move(owner);
  image_ = image;
  auto contents = parse_snapshot(image);
  if (!contents) return make_error(contents.error());
  contents_ = std::move(*contents);
  size_ = contents_.event_count;
  for (size_t c = 0; c < kColumnCount; ++c) {
    auto section = contents_.section(kColumnSections[c]);
    if (!section) return make_error(section.error());
    PackedInts& column = columns_[c];
    column.data = section->bytes.data();
    column.width = section->width;
    column.base = section->base;
    column.size = size_;
    if ((column.width != 1 && column.width != 2 && column.width != 4) ||
        section->bytes.size() != size_ * column.width) {
      return make_error(fmt::format("snapshot column '{}' has the wrong size", kColumnSections[c]));
    }
  }
  for (size_t c = 0; c < kCategoryCount; ++c) {
    auto offsets =
        typed_section<uint32_t>(contents_, fmt::format("dict.{}.off", kCategoryNames[c]));
    if (!offsets) return make_error(offsets.error());
    auto text = contents_.section(fmt::format("dict.{}.txt", kCategoryNames[c]));
    if (!text) return make_error(text.error());
    if (offsets->empty() || offsets->back() != text->bytes.size() ||
        !std::is_sorted(offsets->begin(), offsets->end())) {
      return make_error(fmt::format("snapshot dictionary '{}' is inconsistent", kCategoryNames[c]));
    }
    dictionaries_[c] = Dictionary(*offsets, text->bytes);
  }
  auto assign = [&]<typename T>(std::span<const T>& out, std::string_view name,
                                std::optional<size_t> expected) -> Status {
    auto span = typed_section<T>(contents_, name);
    if (!span) return make_error(span.error());
    if (expected && span->size() != *expected) {
      return make_error(fmt::format("snapshot section '{}' has the wrong size", name));
    }
    out = *span;
    return Status::success();
  };
  size_t zones = (size_ + kZoneRows - 1) / kZoneRows;
  std::span<const uint32_t> info;
  for (Status s :
       {assign(latitude_, "coord.lat", size_), assign(longitude_, "coord.lon", size_),
        assign(exact_coordinates_, "coord.exact", std::nullopt),
        assign(assoc1_, "assoc.1", std::nullopt), assign(assoc2_, "assoc.2", std::nullopt),
        assign(places_, "places", std::nullopt),
        assign(zone_fatalities_max_, "zone.fat_max", zones),
        assign(zone_lat_min_, "zone.lat_min", zones), assign(zone_lat_max_, "zone.lat_max", zones),
        assign(grid_cells_, "grid.cells", std::nullopt),
        assign(grid_rows_, "grid.rows", std::nullopt), assign(info, "info", 1)}) {
    if (!s) return s;
  }
  if (Status s = assign(grid_starts_, "grid.starts", grid_cells_.size() + 1); !s) return s;
  if (grid_starts_.back() != grid_rows_.size()) {
    return make_error("snapshot grid is inconsistent");
  }
  ids_ascending_ = info[0] != 0;
  return Status::success();
}

size_t EventIndex::row_bytes() const {
  size_t bytes = 0;
  for (const PackedInts& c : columns_) bytes += c.bytes();
  bytes += (latitude_.size() + longitude_.size()) * sizeof(int32_t);
  bytes += (assoc1_.size() + assoc2_.size()) * sizeof(AssociatedActor);
  bytes += exact_coordinates_.size() * sizeof(ExactCoordinate);
  bytes += grid_rows_.size() * sizeof(uint32_t);
  return bytes;
}

namespace {

std::optional<int64_t> nullable(const PackedInts& c, size_t row) {
  uint32_t stored = c.stored(row);
  if (stored == 0) return std::nullopt;
  return c.base + stored;
}

}  // namespace

std::optional<int64_t> EventIndex::fatalities(size_t row) const {
  return nullable(column(Column::fatalities), row);
}

std::optional<int64_t> EventIndex::fatalities_low(size_t row) const {
  return nullable(column(Column::fatalities_low), row);
}

std::optional<int64_t> EventIndex::fatalities_high(size_t row) const {
  return nullable(column(Column::fatalities_high), row);
}

size_t EventIndex::lower_bound_day(model::Day day) const {
  const PackedInts& c = column(Column::day);
  if (day <= c.base) return 0;
  uint64_t target = static_cast<uint64_t>(day - c.base);
  return c.visit([&](const auto* v) {
    using T = std::remove_cvref_t<decltype(*v)>;
    if (target > std::numeric_limits<T>::max()) return size_;
    return static_cast<size_t>(std::lower_bound(v, v + size_, static_cast<T>(target)) - v);
  });
}

namespace {

double exact_or(std::span<const ExactCoordinate> exact, size_t row, int32_t e7, bool latitude) {
  if (!exact.empty()) {
    auto it = std::lower_bound(exact.begin(), exact.end(), row,
                               [](const ExactCoordinate& c, size_t r) { return c.row < r; });
    if (it != exact.end() && it->row == row) return latitude ? it->latitude : it->longitude;
  }
  return e7 / kCoordinateScale;
}

}  // namespace

double EventIndex::latitude(size_t row) const {
  return exact_or(exact_coordinates_, row, latitude_[row], true);
}

double EventIndex::longitude(size_t row) const {
  return exact_or(exact_coordinates_, row, longitude_[row], false);
}

uint32_t EventIndex::grid_cell(int32_t latitude_e7, int32_t longitude_e7) {
  auto cell = [](int32_t e7, double offset, uint32_t count) {
    double index = std::floor((e7 / kCoordinateScale + offset) / kGridCellDegrees);
    return static_cast<uint32_t>(std::clamp(index, 0.0, static_cast<double>(count - 1)));
  };
  return cell(latitude_e7, 90, kGridRows) * kGridColumns + cell(longitude_e7, 180, kGridColumns);
}

std::vector<uint32_t> EventIndex::rows_of_events(const std::vector<int64_t>& ids) const {
  std::vector<uint32_t> rows;
  rows.reserve(ids.size());
  const PackedInts& id_column = column(Column::event_id);
  if (ids_ascending_) {
    // Ids rise with the rows: one galloping walk.
    size_t from = 0;
    id_column.visit([&](const auto* v) {
      for (int64_t id : ids) {
        if (id < id_column.base) continue;
        auto target = static_cast<uint64_t>(id - id_column.base);
        if (target > std::numeric_limits<std::remove_cvref_t<decltype(*v)>>::max()) break;
        // Galloping: the next id is usually close after the last one found.
        size_t step = 1, hi = from;
        while (hi < size_ && static_cast<uint64_t>(v[hi]) < target) {
          from = hi + 1;
          hi += step;
          step *= 2;
        }
        hi = std::min(hi + 1, size_);
        size_t at = static_cast<size_t>(
            std::lower_bound(v + from, v + hi, target,
                             [](auto a, uint64_t b) { return static_cast<uint64_t>(a) < b; }) -
            v);
        if (at < size_ && static_cast<uint64_t>(v[at]) == target)
          rows.push_back(static_cast<uint32_t>(at));
        from = at;
      }
    });
    return rows;
  }
  if (!row_by_id_) {
    auto map = std::make_shared<std::vector<uint32_t>>();
    uint64_t span = size_ ? static_cast<uint64_t>(id_column.value(0) - id_column.base) : 0;
    for (size_t r = 0; r < size_; ++r) span = std::max<uint64_t>(span, id_column.stored(r));
    map->assign(size_ ? span + 1 : 0, UINT32_MAX);
    for (size_t r = 0; r < size_; ++r) (*map)[id_column.stored(r)] = static_cast<uint32_t>(r);
    row_by_id_ = std::move(map);
  }
  for (int64_t id : ids) {
    if (id < id_column.base) continue;
    auto offset = static_cast<uint64_t>(id - id_column.base);
    if (offset < row_by_id_->size() && (*row_by_id_)[offset] != UINT32_MAX) {
      rows.push_back((*row_by_id_)[offset]);
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace sitrep::query
