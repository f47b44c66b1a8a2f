#include "sitrep/fuse/candidates.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <utility>

#include "sitrep/fuse/radix_sort.hpp"

namespace sitrep::fuse {
namespace {

constexpr double kKmPerDegreeLatitude = 111.2;
constexpr double kCellDegrees = 0.25;

// What the sweep reads of each record, side by side: the sweep meets each record many times,
// and a whole FusionRecord is a few hundred bytes away from the next.
struct SweepEntry {
  model::Day start = 0;
  model::Day open_until = 0;  // its last day plus max_days_apart
  uint32_t exclusive = 0;     // the symbol's number; 0 for none
  uint32_t admin1 = 0;        // the symbol's number; 0 for none
  double latitude = 0;        // for points
  bool point = false;
};

std::vector<SweepEntry> sweep_entries(const std::vector<FusionRecord>& records,
                                      const FusionRules& rules) {
  std::vector<SweepEntry> out(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    const FusionRecord& r = records[i];
    out[i] = {r.date.start,      r.date.end + rules.max_days_apart, r.exclusive.id(),
              r.province().id(), r.is_point() ? *r.latitude : 0.0,  r.is_point()};
  }
  return out;
}

// A cheap test that keeps every pair match() could find compatible.
bool near_enough(const SweepEntry& a, const SweepEntry& b, double max_latitude_gap) {
  if (a.point && b.point) return std::abs(a.latitude - b.latitude) <= max_latitude_gap;
  return a.admin1 == 0 || b.admin1 == 0 || a.admin1 == b.admin1;
}

// Sorts pair keys of indices below `n`, visiting only the 16-bit digits below n's top bit in
// both halves: eight million pairs in a fraction of std::sort's time.
void radix_sort(std::vector<uint64_t>& keys, size_t n) {
  int bits = 1;
  while (bits < 32 && (uint64_t{1} << bits) < n) ++bits;
  std::vector<int> shifts;
  for (int half : {0, 32}) {
    for (int shift = half; shift < half + bits; shift += 16) shifts.push_back(shift);
  }
  radix_sort_by_digits(keys, shifts, [](uint64_t k) { return k; });
}

// The sweep's order: by first day, ties by index. Counted by day when the days span no more
// than a few times as many days as there are records (real data always does), so that a
// million records take one pass; sorted as (day, index) keys otherwise.
std::vector<uint32_t> sweep_order(const std::vector<SweepEntry>& sweep) {
  std::vector<uint32_t> order(sweep.size());
  if (sweep.empty()) return order;
  auto [low, high] = std::minmax_element(
      sweep.begin(), sweep.end(), [](const auto& x, const auto& y) { return x.start < y.start; });
  const uint64_t span = static_cast<uint64_t>(int64_t{high->start} - low->start) + 1;
  if (span <= 4 * sweep.size() + 1024) {
    const auto first_day = low->start;
    std::vector<uint32_t> at(span + 1, 0);
    for (const SweepEntry& e : sweep) ++at[static_cast<size_t>(int64_t{e.start} - first_day) + 1];
    for (size_t d = 1; d < at.size(); ++d) at[d] += at[d - 1];
    for (uint32_t i = 0; i < sweep.size(); ++i) {
      order[at[static_cast<size_t>(int64_t{sweep[i].start} - first_day)]++] = i;
    }
    return order;
  }
  std::vector<uint64_t> by_day(sweep.size());
  for (uint32_t i = 0; i < sweep.size(); ++i) {
    by_day[i] =
        (static_cast<uint64_t>(static_cast<uint32_t>(sweep[i].start) ^ 0x80000000u) << 32) | i;
  }
  std::sort(by_day.begin(), by_day.end());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(by_day[i]);
  return order;
}

// Values by 64-bit key: open addressing over a power-of-two table, values in insertion order
// at addresses that never move. The sweep looks up a dozen grid cells per record; with
// std::unordered_map, the modulo by a prime bucket count was a fifth of the sweep.
template <typename V>
class KeyedValues {
 public:
  V* find(uint64_t key) {
    for (size_t at = home(key);; at = (at + 1) & (slots_.size() - 1)) {
      if (slots_[at].index == 0) return nullptr;
      if (slots_[at].key == key) return &values_[slots_[at].index - 1];
    }
  }
  V& operator[](uint64_t key) {
    if (V* v = find(key)) return *v;
    if (2 * (values_.size() + 1) > slots_.size()) grow();
    values_.emplace_back();
    place({key, values_.size()});
    return values_.back();
  }
  std::deque<V>& values() { return values_; }

 private:
  struct Slot {
    uint64_t key = 0;
    size_t index = 0;  // into values_, plus one; 0: empty
  };
  size_t home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & (slots_.size() - 1);
  }
  void place(Slot slot) {
    size_t at = home(slot.key);
    while (slots_[at].index != 0) at = (at + 1) & (slots_.size() - 1);
    slots_[at] = slot;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.index != 0) place(slot);
    }
  }
  std::vector<Slot> slots_ = std::vector<Slot>(16);
  std::deque<V> values_;
};

// The open records of one country: by province ("" for records that name none) and, for
// points, by grid cell, so that a record meets only those that could be near it.
struct OpenLists {
  KeyedValues<std::vector<uint32_t>> by_admin1;  // by the province's symbol
  KeyedValues<std::vector<uint32_t>> by_cell;
};

uint64_t cell_key(int64_t row, int64_t column) {
  return (static_cast<uint64_t>(row) << 32) | static_cast<uint32_t>(column);
}

std::pair<int64_t, int64_t> cell_of(const FusionRecord& r) {
  return {static_cast<int64_t>(std::floor(*r.latitude / kCellDegrees)),
          static_cast<int64_t>(std::floor(*r.longitude / kCellDegrees))};
}

}  // namespace

void widen_publication_dates(std::vector<FusionRecord>& records, const FusionRules& rules) {
  if (rules.publication_lag_days == 0) return;
  for (FusionRecord& r : records) {
    if (!r.dated_by_publication || r.date.precision != model::DatePrecision::day) continue;
    if (r.date.start != r.date.end) continue;  // widened already
    r.date.start -= rules.publication_lag_days;
  }
}

std::vector<CandidatePair> candidate_pairs(const std::vector<FusionRecord>& records,
                                           const FusionRules& rules,
                                           const std::vector<bool>* fresh) {
  const std::vector<SweepEntry> sweep = sweep_entries(records, rules);
  const std::vector<uint32_t> order = sweep_order(sweep);
  KeyedValues<OpenLists> open;  // by the country's symbol; 0 when not known
  const double max_latitude_gap = rules.point_km / kKmPerDegreeLatitude + 1e-9;
  // A point's neighbours within point_km lie in the cells around its own: `rows` cells north
  // and south, and more east and west, as a degree of longitude shrinks away from the equator.
  const auto rows = static_cast<int64_t>(std::ceil(max_latitude_gap / kCellDegrees));
  auto columns_at = [&](double latitude) {
    const double shrink = std::max(0.1, std::cos((std::abs(latitude) + kCellDegrees) * M_PI / 180));
    return static_cast<int64_t>(std::ceil(max_latitude_gap / shrink / kCellDegrees));
  };
  std::vector<uint64_t> pairs;
  // `met_in` is a province whose records r has met already (through that province's list):
  // a grid cell holding them does not pair them again.
  auto visit = [&](std::vector<uint32_t>& list, uint32_t r, uint32_t met_in = UINT32_MAX) {
    const SweepEntry& rec = sweep[r];
    size_t kept = 0;
    for (uint32_t other : list) {
      const SweepEntry& o = sweep[other];
      if (o.open_until < rec.start) continue;  // closed: drop it
      list[kept++] = other;
      if (o.admin1 == met_in) continue;
      if (fresh && !(*fresh)[r] && !(*fresh)[other]) continue;
      if (rec.exclusive != 0 && rec.exclusive == o.exclusive) continue;  // never one
      if (near_enough(rec, o, max_latitude_gap)) pairs.push_back(pair_key(r, other));
    }
    list.resize(kept);
  };
  auto visit_country = [&](OpenLists& lists, uint32_t r) {
    const FusionRecord& rec = records[r];
    if (rec.admin1.empty()) {
      for (std::vector<uint32_t>& list : lists.by_admin1.values()) visit(list, r);
      return;  // every open record of the country was met
    }
    visit(lists.by_admin1[rec.province().id()], r);
    if (std::vector<uint32_t>* unplaced = lists.by_admin1.find(0)) visit(*unplaced, r);
    if (!rec.is_point()) return;
    auto [row, column] = cell_of(rec);
    const int64_t columns = columns_at(*rec.latitude + rows * kCellDegrees);
    for (int64_t dr = -rows; dr <= rows; ++dr) {
      for (int64_t dc = -columns; dc <= columns; ++dc) {
        std::vector<uint32_t>* cell = lists.by_cell.find(cell_key(row + dr, column + dc));
        if (cell) visit(*cell, r, rec.province().id());
      }
    }
  };
  for (uint32_t r : order) {
    const FusionRecord& rec = records[r];
    if (rec.country.empty()) {
      for (OpenLists& lists : open.values()) visit_country(lists, r);
    } else {
      visit_country(open[rec.country.id()], r);
      if (OpenLists* unknown = open.find(0)) visit_country(*unknown, r);
    }
    OpenLists& home = open[rec.country.id()];
    home.by_admin1[rec.province().id()].push_back(r);
    if (rec.is_point() && !rec.admin1.empty()) {
      auto [row, column] = cell_of(rec);
      home.by_cell[cell_key(row, column)].push_back(r);
    }
  }
  radix_sort(pairs, records.size());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<CandidatePair> out(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    out[i] = {static_cast<uint32_t>(pairs[i] >> 32), static_cast<uint32_t>(pairs[i])};
  }
  return out;
}

}  // namespace sitrep::fuse
