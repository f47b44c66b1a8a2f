// What the index builders share: the rows of events as plain columns before packing, the
// interning of strings into codes, merging parts read separately, and packing into an image.
// EventIndex::build (index_reader.cpp), EventIndexBuilder (index_builder.cpp) and the packer
// (index_packing.cpp) use it; nothing outside the query module includes it.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/query/event_index.hpp"

namespace sitrep::query::detail {

// The string columns read from `events`, in select-list order after id, date_start, latitude,
// longitude, fatalities_best, fatalities_low and fatalities_high.
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

// Assigns codes 1, 2, ... to strings in first-seen order; `sorted` renumbers them in byte order.
class Interner {
 public:
  // Starts from a dictionary's values, keeping their codes.
  void preload(const Dictionary& dictionary) {
    for (uint32_t code = 1; code < dictionary.size(); ++code) {
      values_.emplace_back(dictionary.at(code));
      codes_.emplace(values_.back(), code);
    }
  }

  // The last value a caller looked up and its code: a column whose consecutive rows repeat a
  // value (same day, same place) skips the hash. Callers keep one per column they read.
  struct Recent {
    std::string_view value;  // views one of values_, whose addresses are stable
    uint32_t code = 0;
  };

  uint32_t code(const unsigned char* text, int bytes) { return code(text, bytes, recent_); }

  uint32_t code(const unsigned char* text, int bytes, Recent& recent) {
    if (!text) return 0;
    std::string_view s(reinterpret_cast<const char*>(text), static_cast<size_t>(bytes));
    if (recent.code != 0 && s == recent.value) return recent.code;
    auto it = codes_.find(s);  // no string is built to look one up
    if (it == codes_.end()) {
      values_.emplace_back(s);
      it = codes_.emplace(values_.back(), static_cast<uint32_t>(values_.size())).first;
    }
    recent = {it->first, it->second};
    return recent.code;
  }
  size_t size() const { return values_.size(); }
  // The value of code `code` (1 .. size()).
  const std::string& value(uint32_t code) const { return values_[code - 1]; }

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
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> codes_;
  std::deque<std::string> values_;  // stable addresses: Recent views one of them
  Recent recent_;
};

struct RawEvents {
  std::vector<int64_t> id;
  std::vector<int32_t> day;
  std::vector<int32_t> latitude, longitude;
  std::vector<ExactCoordinate> exact;
  std::vector<int64_t> fatalities;  // INT64_MIN: not given
  std::vector<int64_t> fatalities_low, fatalities_high;
  std::array<std::vector<uint32_t>, kStringFields.size()> codes;
  std::vector<AssociatedActor> assoc1, assoc2;
};

constexpr int64_t kNoFatalities = INT64_MIN;

// Calls f(column) for each column of `raw` that holds a number per row (not the string codes).
// The two-argument form pairs the same column of `a` and `b`.
template <typename F>
void for_each_number_column(RawEvents& raw, F&& f) {
  f(raw.id);
  f(raw.day);
  f(raw.latitude);
  f(raw.longitude);
  f(raw.fatalities);
  f(raw.fatalities_low);
  f(raw.fatalities_high);
}
template <typename F>
void for_each_number_column(RawEvents& a, const RawEvents& b, F&& f) {
  f(a.id, b.id);
  f(a.day, b.day);
  f(a.latitude, b.latitude);
  f(a.longitude, b.longitude);
  f(a.fatalities, b.fatalities);
  f(a.fatalities_low, b.fatalities_low);
  f(a.fatalities_high, b.fatalities_high);
}
// Calls f(column) for every column of `raw` with one value per row: the numbers and the codes.
template <typename F>
void for_each_row_column(RawEvents& raw, F&& f) {
  for_each_number_column(raw, f);
  for (auto& codes : raw.codes) f(codes);
}

// Appends row `row`'s coordinates (or none) as 1e-7-degree integers, keeping the exact values
// of a coordinate they cannot hold.
void add_coordinates(RawEvents& raw, uint32_t row, std::optional<double> latitude,
                     std::optional<double> longitude);

using Dictionaries = std::array<std::vector<std::string>, kCategoryCount>;

// What one reading thread gathers: rows in id order, codes local to its interners.
struct Part {
  RawEvents raw;
  std::array<Interner, kCategoryCount> interners;
  Status status;
};

// Adds the associated actors of `names`, joined by "; " as the store holds them (and as the SQL
// path splits them), to `out` for `row`. Empty names are skipped.
void add_associated(std::string_view names, uint32_t row, Interner& actors,
                    std::vector<AssociatedActor>& out);

// Appends `event` as the part's next row, interning its strings (`recent`: one per string
// column). The row holds what a read of the event's stored row would hold.
void add_event(Part& part, std::array<Interner::Recent, kStringFields.size()>& recent,
               const model::Event& event);

// Merges parts one at a time into one set of rows, in the order they are added (the rows need
// not come in id order): each part's codes are renumbered into one interner per category as it
// comes (a hash lookup per distinct value of the part), its rows appended, and the part freed,
// so that the next part reuses its memory. finish() sorts the dictionaries and renumbers.
class PartMerger {
 public:
  // `rows_expected`: the rows all parts will hold, or more (sized once; grown only if exceeded).
  explicit PartMerger(size_t rows_expected);
  void add(Part&& part);
  RawEvents finish(Dictionaries& dictionaries);

 private:
  RawEvents merged_;  // sized up front; rows_ of it hold rows
  size_t rows_ = 0;
  std::array<Interner, kCategoryCount> interners_;
};

// The parts merged, in their order (PartMerger).
RawEvents merge_parts(std::vector<Part>& parts, Dictionaries& dictionaries);

// The index of `raw`, whose codes are numbered in the sorted `dictionaries` (packed: into date
// order, bit-packed columns, places, zone maps and the grid).
Result<EventIndex> index_of_rows(RawEvents raw, const Dictionaries& dictionaries,
                                 const store::StoreStamp& stamp);

// As index_of_rows, writing the image to `path` as it is laid out and mapping it from there (no
// copy of it in memory). If the file cannot be written or read back, the index is built in
// memory and `save_error` says why.
Result<EventIndex> saved_index_of_rows(RawEvents raw, const Dictionaries& dictionaries,
                                       const store::StoreStamp& stamp, const std::string& path,
                                       std::string& save_error);

// The snapshot of `parts` (merged, then packed) written to `path`, and nothing kept.
Status write_parts(std::vector<Part>& parts, const store::StoreStamp& stamp,
                   const std::string& path);

// The index of `parts` (merged, then packed).
Result<EventIndex> index_of_parts(std::vector<Part>& parts, const store::StoreStamp& stamp);

}  // namespace sitrep::query::detail
