// The columnar event index: a read-optimised copy of the store's events for filters and
// aggregations (issue 3; docs/query-engine.md explains the layout and the figures).
//
// Rows are the events sorted by (date_start, id), so a date window is a row range found by
// binary search. Every categorical field is dictionary-coded (codes sorted like their strings,
// 0 = not given) and packed at 1, 2 or 4 bytes; days and fatalities are offsets from a base.
// Beside the columns: per-block zone maps (1,024 rows) for fatalities and latitude, associated
// actors as (row, actor) lists, a 0.1-degree spatial grid for `near:`, and `places`, the
// distinct (country, admin1, admin2, location) tuples that `--by admin1|admin2|location` and
// `distinct_places` group by.
//
// The index is derived from the store and never the source of truth. It lives in one image
// (see snapshot_file.hpp), either built in memory or mapped from the snapshot file beside the
// database; EventIndex is a set of views into that image.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sitrep/model/date.hpp"
#include "sitrep/query/dictionary.hpp"
#include "sitrep/query/packed_ints.hpp"
#include "sitrep/query/snapshot_file.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::query {

// The dictionary-coded string fields. Actor1, actor2 and the associated actors share `actor`.
enum class Category : uint8_t {
  country,
  admin1,
  admin2,
  location,
  event_type,
  sub_event_type,
  target,
  weapon,
  actor,
  claim,
  dataset,
};
inline constexpr size_t kCategoryCount = 11;

// The packed integer columns, one value per row.
enum class Column : uint8_t {
  day,
  event_id,
  country,
  admin1,
  admin2,
  place,
  event_type,
  sub_event_type,
  target,
  weapon,
  actor1,
  actor2,
  claim,
  dataset,
  fatalities,       // fatalities_best; stored 0 = not given, else value - base
  fatalities_low,   // the same for fatalities_low
  fatalities_high,  // and fatalities_high
};
inline constexpr size_t kColumnCount = 17;

struct Place {
  uint32_t country = 0;  // codes in the country, admin1, admin2 and location dictionaries
  uint32_t admin1 = 0;
  uint32_t admin2 = 0;
  uint32_t location = 0;
};

struct AssociatedActor {
  uint32_t row = 0;
  uint32_t actor = 0;
};

// A coordinate that 1e-7-degree integers cannot hold exactly (more than seven decimals).
struct ExactCoordinate {
  uint32_t row = 0;
  uint32_t unused = 0;
  double latitude = 0;
  double longitude = 0;
};

inline constexpr size_t kZoneRows = 1024;
inline constexpr int32_t kNoCoordinate = INT32_MIN;
inline constexpr double kCoordinateScale = 1e7;
inline constexpr double kGridCellDegrees = 0.1;
inline constexpr uint32_t kGridColumns = 3600;  // 360 / 0.1
inline constexpr uint32_t kGridRows = 1800;     // 180 / 0.1

// Progress of a build: events read so far, of `total`. Called from the reading threads, one call
// at a time.
using BuildProgress = std::function<void(int64_t done, int64_t total)>;

struct BuildOptions {
  BuildProgress progress = {};
  // At least this many events to read from their rows are read by two threads, each over half.
  int64_t parallel_from = 200000;
  // Off: read every event from its row, as a store without column chunks is read (the
  // reference the chunks are tested against).
  bool read_chunks = true;
  // Set: the snapshot is written there as it is laid out and the index maps it, instead of
  // being built in memory and saved afterwards (a copy of the whole image fewer).
  std::string snapshot_path = {};
};

// Where a build found the events, and whether it could write the snapshot it was asked for.
struct BuildReport {
  int64_t from_chunks = 0;
  int64_t from_rows = 0;
  std::string save_error;  // empty: written (or not asked for)
};

// The share (0 to 1) of the store's id range that its column chunks hold unchanged: what a
// rebuild would take from chunks rather than rows. An estimate from the chunks' bounds and the
// stale list (deleted ids count as held), without reading a chunk; 0 for a store without them.
double share_in_column_chunks(store::SqliteStore& store);

class EventIndex {
 public:
  // Reads every event of the store (one consistent read) into a new index: from the store's
  // column chunks (column_chunk_writer.hpp) where they hold the events unchanged since, and
  // from the event rows otherwise. `report`, if given, says how many came from each.
  static Result<EventIndex> build(store::SqliteStore& store, const BuildOptions& options = {},
                                  BuildReport* report = nullptr);
  // Views a snapshot image that `owner` keeps alive; verifies it (see parse_snapshot).
  static Result<EventIndex> from_image(std::shared_ptr<const void> owner, std::string_view image);
  // Maps and verifies the snapshot file at `path`.
  static Result<EventIndex> open_snapshot(const std::string& path);
  // Writes this index's image to `path` (atomically).
  Status save_snapshot(const std::string& path) const;

  size_t size() const { return size_; }
  const store::StoreStamp& stamp() const { return contents_.stamp; }
  // Bytes of the image: columns, dictionaries, zone maps and grid.
  size_t memory_bytes() const { return image_.size(); }
  // Bytes of the per-event structures only (columns, grid, associated actors).
  size_t row_bytes() const;

  const PackedInts& column(Column c) const { return columns_[static_cast<size_t>(c)]; }
  const Dictionary& dictionary(Category c) const { return dictionaries_[static_cast<size_t>(c)]; }

  model::Day day(size_t row) const {
    return static_cast<model::Day>(column(Column::day).value(row));
  }
  int64_t event_id(size_t row) const { return column(Column::event_id).value(row); }
  std::optional<int64_t> fatalities(size_t row) const;
  // The low and high estimates, where the source gave them.
  std::optional<int64_t> fatalities_low(size_t row) const;
  std::optional<int64_t> fatalities_high(size_t row) const;
  // The day of the first and last row (0 when empty).
  model::Day first_day() const { return size_ ? day(0) : 0; }
  model::Day last_day() const { return size_ ? day(size_ - 1) : 0; }
  // The first row with day >= `day` (binary search over the sorted day column).
  size_t lower_bound_day(model::Day day) const;

  std::span<const int32_t> latitude_e7() const { return latitude_; }
  std::span<const int32_t> longitude_e7() const { return longitude_; }
  bool has_coordinates(size_t row) const { return latitude_[row] != kNoCoordinate; }
  // The coordinates exactly as stored (exact doubles for the rare ones e7 cannot hold).
  double latitude(size_t row) const;
  double longitude(size_t row) const;
  // Whether every coordinate is exactly its 1e-7-degree integer (no exceptions held).
  bool coordinates_fit_e7() const { return exact_coordinates_.empty(); }

  std::span<const AssociatedActor> associated_actors(int role) const {
    return role == 1 ? assoc1_ : assoc2_;
  }
  std::span<const Place> places() const { return places_; }

  std::span<const int32_t> zone_max_fatalities() const { return zone_fatalities_max_; }
  std::span<const int32_t> zone_min_latitude() const { return zone_lat_min_; }
  std::span<const int32_t> zone_max_latitude() const { return zone_lat_max_; }

  // The grid: sorted cell numbers (row * kGridColumns + column), the start of each cell's run
  // in `grid_rows`, and the rows with coordinates grouped by cell.
  std::span<const uint32_t> grid_cells() const { return grid_cells_; }
  std::span<const uint32_t> grid_starts() const { return grid_starts_; }
  std::span<const uint32_t> grid_rows() const { return grid_rows_; }
  static uint32_t grid_cell(int32_t latitude_e7, int32_t longitude_e7);

  // Rows of the given event ids (ascending ids in; ids not in the index are skipped).
  std::vector<uint32_t> rows_of_events(const std::vector<int64_t>& ids) const;

 private:
  Status attach(std::shared_ptr<const void> owner, std::string_view image);

  std::shared_ptr<const void> owner_;
  std::string_view image_;
  SnapshotContents contents_;
  size_t size_ = 0;
  bool ids_ascending_ = true;
  std::array<PackedInts, kColumnCount> columns_;
  std::array<Dictionary, kCategoryCount> dictionaries_;
  std::span<const int32_t> latitude_, longitude_;
  std::span<const ExactCoordinate> exact_coordinates_;
  std::span<const AssociatedActor> assoc1_, assoc2_;
  std::span<const Place> places_;
  std::span<const int32_t> zone_fatalities_max_, zone_lat_min_, zone_lat_max_;
  std::span<const uint32_t> grid_cells_, grid_starts_, grid_rows_;
  mutable std::shared_ptr<std::vector<uint32_t>> row_by_id_;  // built on first need
};

// Builds an index from events handed over one at a time, as the store would hold them (empty
// strings are "not given"). The synthetic scale benchmark feeds it 100M generated events without
// a store; it is also the shape an import-time index would take.
class EventIndexBuilder {
 public:
  EventIndexBuilder();
  ~EventIndexBuilder();
  EventIndexBuilder(const EventIndexBuilder&) = delete;
  EventIndexBuilder& operator=(const EventIndexBuilder&) = delete;

  // `event.id` must be set, unique and at least 1; `event.date.start` is the row's day.
  void add(const model::Event& event);
  size_t size() const;
  Result<EventIndex> finish(const store::StoreStamp& stamp);
  // The index of `base` with these events added; base's events with the same ids are replaced
  // (their revisions).
  Result<EventIndex> finish_over(const EventIndex& base, const store::StoreStamp& stamp);
  // As finish and finish_over, the snapshot written straight to `path` (atomically) as it is
  // laid out, and no index kept: what an import does (a first load, or an import into a store
  // whose snapshot was current), which only saves it.
  Status save(const store::StoreStamp& stamp, const std::string& path);
  Status save_over(const EventIndex& base, const store::StoreStamp& stamp, const std::string& path);

 private:
  struct Rows;
  std::unique_ptr<Rows> rows_;
};

// Names of the snapshot sections, shared by the builder and the reader.
std::string_view column_section(Column c);
std::string_view category_name(Category c);

}  // namespace sitrep::query
