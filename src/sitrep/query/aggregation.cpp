#include "sitrep/query/aggregation.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "sitrep/query/code_counting.hpp"
#include "sitrep/query/parallel.hpp"
#include "sitrep/query/scan_kernels.hpp"
#include "sitrep/query/sum_increments.hpp"

namespace sitrep::query {
namespace {

struct KeyName {
  std::string_view name;
  GroupKey key;
};
constexpr std::array<KeyName, 16> kKeyNames = {{
    {"day", GroupKey::day},
    {"week", GroupKey::week},
    {"month", GroupKey::month},
    {"year", GroupKey::year},
    {"country", GroupKey::country},
    {"admin1", GroupKey::admin1},
    {"admin2", GroupKey::admin2},
    {"location", GroupKey::location},
    {"actor", GroupKey::actor},
    {"actor2", GroupKey::actor2},
    {"type", GroupKey::type},
    {"subtype", GroupKey::subtype},
    {"target", GroupKey::target},
    {"weapon", GroupKey::weapon},
    {"claimed", GroupKey::claimed},
    {"dataset", GroupKey::dataset},
}};
constexpr std::array<std::string_view, 4> kMeasureNames = {
    "count", "fatalities", "events_with_fatalities", "distinct_places"};

constexpr size_t kChunkRows = 2048;
// The accumulators a single-key scan may spread over copies (a part of a core's L1 cache).
constexpr size_t kLaneCacheBytes = 32 * 1024;
constexpr uint64_t kDenseLimit = uint64_t{1} << 18;
constexpr uint64_t kFewCodes = kernels::kMaxCountedCodes;  // at most this many: SIMD counts

// One key of a grouping: how a row maps to a component in [0, cardinality), and back to labels.
struct Dimension {
  const PackedInts* column = nullptr;
  std::vector<uint32_t> lut;  // stored value -> component; empty: the stored value itself
  uint32_t cardinality = 1;
  // Appends a component's labels to a group's (one per key column).
  std::function<void(uint32_t, std::vector<std::string>&)> labels;
  size_t columns = 1;
};

model::Day monday_of(model::Day d) {
  return d - (((d + 3) % 7) + 7) % 7;
}

Dimension time_dimension(const EventIndex& index, GroupKey key) {
  Dimension d;
  d.column = &index.column(Column::day);
  model::Day first = index.first_day(), last = index.last_day();
  uint32_t days = index.size() ? static_cast<uint32_t>(last - first + 1) : 1;
  if (key == GroupKey::day) {
    d.cardinality = days;
    d.labels = [first](uint32_t i, std::vector<std::string>& out) {
      out.push_back(model::format_iso(first + static_cast<model::Day>(i)));
    };
    return d;
  }
  d.lut.resize(days);
  model::CivilDate start = model::to_civil(first);
  model::Day week0 = monday_of(first);
  for (uint32_t i = 0; i < days; ++i) {
    model::Day day = first + static_cast<model::Day>(i);
    model::CivilDate c = model::to_civil(day);
    if (key == GroupKey::week) d.lut[i] = static_cast<uint32_t>((day - week0) / 7);
    if (key == GroupKey::month) {
      d.lut[i] = static_cast<uint32_t>((c.year - start.year) * 12 + c.month - start.month);
    }
    if (key == GroupKey::year) d.lut[i] = static_cast<uint32_t>(c.year - start.year);
  }
  d.cardinality = days ? d.lut.back() + 1 : 1;
  if (key == GroupKey::week) {
    d.labels = [week0](uint32_t i, std::vector<std::string>& out) {
      out.push_back(model::format_iso(week0 + 7 * static_cast<model::Day>(i)));
    };
  } else if (key == GroupKey::month) {
    d.labels = [start](uint32_t i, std::vector<std::string>& out) {
      int months = start.year * 12 + start.month - 1 + static_cast<int>(i);
      out.push_back(fmt::format("{:04}-{:02}", months / 12, months % 12 + 1));
    };
  } else {
    d.labels = [start](uint32_t i, std::vector<std::string>& out) {
      out.push_back(fmt::format("{:04}", start.year + static_cast<int>(i)));
    };
  }
  return d;
}

Dimension coded_dimension(const EventIndex& index, Column column, Category category) {
  Dimension d;
  d.column = &index.column(column);
  const Dictionary* dictionary = &index.dictionary(category);
  d.cardinality = dictionary->size();
  d.labels = [dictionary](uint32_t code, std::vector<std::string>& out) {
    out.emplace_back(dictionary->at(code));
  };
  return d;
}

// admin1, admin2 or location: the place column mapped to distinct prefixes of its tuple.
Dimension place_dimension(const EventIndex& index, size_t depth) {
  Dimension d;
  d.column = &index.column(Column::place);
  auto places = index.places();
  // Each place's prefix, then the places in prefix order: equal prefixes, one component. (A
  // sort of the place numbers rather than a map of prefixes: this runs on every query, and the
  // map's allocations were a tenth of a small query's time.)
  std::vector<std::array<uint32_t, 4>> tuples(places.size());
  for (size_t p = 0; p < places.size(); ++p) {
    tuples[p] = {places[p].country, places[p].admin1, places[p].admin2, places[p].location};
    for (size_t k = depth; k < 4; ++k) tuples[p][k] = 0;
  }
  std::vector<uint32_t> order(places.size());
  for (size_t p = 0; p < order.size(); ++p) order[p] = static_cast<uint32_t>(p);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return tuples[a] < tuples[b]; });
  auto names = std::make_shared<std::vector<std::array<uint32_t, 4>>>();
  d.lut.resize(places.size());
  for (uint32_t p : order) {
    if (names->empty() || names->back() != tuples[p]) names->push_back(tuples[p]);
    d.lut[p] = static_cast<uint32_t>(names->size() - 1);
  }
  d.cardinality = static_cast<uint32_t>(std::max<size_t>(names->size(), 1));
  constexpr std::array<Category, 4> kParts = {Category::country, Category::admin1, Category::admin2,
                                              Category::location};
  d.columns = depth;
  d.labels = [&index, names, depth, kParts](uint32_t id, std::vector<std::string>& out) {
    for (size_t k = 0; k < depth; ++k)
      out.emplace_back(index.dictionary(kParts[k]).at((*names)[id][k]));
  };
  return d;
}

Dimension make_dimension(const EventIndex& index, GroupKey key) {
  switch (key) {
    case GroupKey::day:
    case GroupKey::week:
    case GroupKey::month:
    case GroupKey::year:
      return time_dimension(index, key);
    case GroupKey::country:
      return coded_dimension(index, Column::country, Category::country);
    case GroupKey::admin1:
      return place_dimension(index, 2);
    case GroupKey::admin2:
      return place_dimension(index, 3);
    case GroupKey::location:
      return place_dimension(index, 4);
    case GroupKey::actor:
      return coded_dimension(index, Column::actor1, Category::actor);
    case GroupKey::actor2:
      return coded_dimension(index, Column::actor2, Category::actor);
    case GroupKey::type:
      return coded_dimension(index, Column::event_type, Category::event_type);
    case GroupKey::subtype:
      return coded_dimension(index, Column::sub_event_type, Category::sub_event_type);
    case GroupKey::target:
      return coded_dimension(index, Column::target, Category::target);
    case GroupKey::weapon:
      return coded_dimension(index, Column::weapon, Category::weapon);
    case GroupKey::claimed:
      return coded_dimension(index, Column::claim, Category::claim);
    case GroupKey::dataset:
      return coded_dimension(index, Column::dataset, Category::dataset);
  }
  return {};
}

// Accumulators of one thread: slot per group, dense or through a hash of the composite key.
struct Partial {
  bool dense = true;
  std::unordered_map<uint64_t, uint32_t> slot_of;
  std::vector<uint64_t> key_of;  // hash mode: slot -> key
  std::vector<int64_t> count, fatalities, with_fatalities;
  std::vector<uint64_t> place_pairs;  // (slot << 32) | place, for distinct_places
  std::vector<uint64_t> place_bits;   // dense: one bit per (slot, place)
  size_t slots() const { return count.size(); }
  void grow(size_t n) {
    count.resize(n);
    fatalities.resize(n);
    with_fatalities.resize(n);
  }
};

// Calls add(lane, row) for each selected row of words [word_begin, word_end): the rows of a
// wholly selected word in turn on lanes 0..kLanes-1, scattered rows on lane 0; and every_words()
// after each `period` words (never when period is 0).
template <size_t kLanes, typename Add, typename Every>
void visit_in_lanes(const Selection& selection, size_t word_begin, size_t word_end, size_t period,
                    Add&& add, Every&& every_words) {
  const uint64_t* words = selection.data();
  const size_t first = selection.first_word();
  for (size_t w = word_begin; w < word_end; ++w) {
    uint64_t bits = words[w - first];
    size_t row = w * 64;
    if (bits == ~uint64_t{0}) {
      // Unrolled whole, so that each lane's pointer stays in a register: a loop over the lanes
      // reloads it per row (the packed scan ran a quarter slower so; see sum_increments.cpp).
#pragma GCC unroll 64
      for (size_t r = row; r < row + 64; r += kLanes) {
#pragma GCC unroll 8
        for (size_t l = 0; l < kLanes; ++l) add(l, r + l);
      }
    } else {
      while (bits) {
        add(size_t{0}, row + static_cast<size_t>(std::countr_zero(bits)));
        bits &= bits - 1;
      }
    }
    if (period != 0 && (w - word_begin + 1) % period == 0) every_words();
  }
}

class Aggregator {
 public:
  Aggregator(const EventIndex& index, const std::vector<GroupKey>& keys,
             const std::vector<Measure>& measures)
      : index_(index), measures_(measures) {
    for (GroupKey k : keys) dims_.push_back(make_dimension(index, k));
    uint64_t product = 1;
    for (auto it = dims_.rbegin(); it != dims_.rend(); ++it) {
      strides_.insert(strides_.begin(), product);
      product = product > (uint64_t{1} << 40) ? product : product * it->cardinality;
    }
    key_space_ = product;
    dense_ = product <= kDenseLimit;
    for (Measure m : measures) {
      if (m == Measure::fatalities || m == Measure::events_with_fatalities) need_fatalities_ = true;
      if (m == Measure::events_with_fatalities) need_with_fatalities_ = true;
      if (m == Measure::distinct_places) need_places_ = true;
    }
    place_count_ = index.places().size();
    auto zones = index.zone_max_fatalities();
    largest_fatalities_ = zones.empty() ? 0 : *std::max_element(zones.begin(), zones.end());
    places_dense_ = dense_ && key_space_ * place_count_ <= (uint64_t{1} << 26);
  }

  Grouping run(const Selection& selection, const std::vector<GroupKey>& keys) {
    bool counts_only = std::all_of(measures_.begin(), measures_.end(),
                                   [](Measure m) { return m == Measure::count; });
    if (dims_.size() == 1 && is_time_key(keys[0]) && counts_only) {
      return counts_by_period(selection, keys);
    }
    if (dims_.size() == 1 && dense_ && !need_places_) return single_key(selection, keys);
    size_t parts = parallel_parts(selection.end_word() - selection.first_word(), 8192);
    std::vector<Partial> partials(parts);
    for (Partial& p : partials) {
      p.dense = dense_;
      if (dense_) p.grow(key_space_);
      if (need_places_ && places_dense_)
        p.place_bits.assign((key_space_ * place_count_ + 63) / 64, 0);
    }
    parallel_slices(parts, selection.first_word(), selection.end_word(), kChunkRows / 64,
                    [&](size_t part, size_t begin, size_t end) {
                      scan(selection, begin, end, partials[part]);
                    });
    return finish(partials, keys);
  }

 private:
  // Rows are sorted by day, so each period is a row range: its count is the number of selected
  // rows in the range, a popcount over the selection's words. No column is read at all.
  Grouping counts_by_period(const Selection& selection, const std::vector<GroupKey>& keys) {
    const Dimension& d = dims_[0];
    std::vector<Partial> partials(1);
    Partial& out = partials[0];
    out.grow(d.cardinality);
    size_t days =
        index_.size() ? static_cast<size_t>(index_.last_day() - index_.first_day() + 1) : 0;
    size_t day = 0;
    while (day < days) {
      uint32_t component = d.lut.empty() ? static_cast<uint32_t>(day) : d.lut[day];
      size_t next = day + 1;
      while (next < days && !d.lut.empty() && d.lut[next] == component) ++next;
      size_t begin = index_.lower_bound_day(index_.first_day() + static_cast<model::Day>(day));
      size_t end = index_.lower_bound_day(index_.first_day() + static_cast<model::Day>(next));
      out.count[component] += static_cast<int64_t>(selection.count(begin, end));
      day = next;
    }
    return finish(partials, keys);
  }

  // One key, dense accumulators: read the key column (and fatalities) straight from the
  // selected rows, 64 at a time where a whole word is selected.
  Grouping single_key(const Selection& selection, const std::vector<GroupKey>& keys) {
    const Dimension& d = dims_[0];
    // SIMD counting visits every word; under one selected row in 16, visiting rows is cheaper.
    sparse_ = !selection.has_at_least((selection.end_word() - selection.first_word()) * 64 / 16);
    size_t parts = parallel_parts(selection.end_word() - selection.first_word(), 8192);
    std::vector<Partial> partials(parts);
    for (Partial& p : partials) p.grow(key_space_);
    parallel_slices(
        parts, selection.first_word(), selection.end_word(), 1,
        [&](size_t part, size_t begin, size_t end) {
          Partial& out = partials[part];
          d.column->visit([&](const auto* v) {
            index_.column(Column::fatalities).visit([&](const auto* f) {
              // Only the sums a measure needs: each one is an add per row.
              const uint32_t* lut = d.lut.empty() ? nullptr : d.lut.data();
              auto scan = [&]<bool kDirect>() {
                if (!need_fatalities_) {
                  scan_single<kDirect, kCountOnly>(selection, begin, end, v, lut, f, out);
                } else if (!need_with_fatalities_) {
                  scan_single<kDirect, kWithSum>(selection, begin, end, v, lut, f, out);
                } else {
                  scan_single<kDirect, kWithSumAndShare>(selection, begin, end, v, lut, f, out);
                }
              };
              // A key read through a table (place to admin2, day to week) is summed per raw
              // code and folded into groups at the end when the raw codes are few: a row
              // then costs one load less.
              if (lut && d.lut.size() * sizeof(Sums) > kLaneCacheBytes) {
                scan.template operator()<false>();
              } else {
                scan.template operator()<true>();
              }
            });
          });
        });
    return finish(partials, keys);
  }

  // Counts only, a key with a few codes: SIMD compares per code and popcounts, per word, with
  // the widest instructions the CPU has (code_counting.hpp).
  template <typename K>
  void count_few_codes(const Selection& selection, size_t word_begin, size_t word_end,
                       const K* keys, size_t rows, Partial& out) {
    kernels::count_selected_codes(
        keys, rows, selection.data() + (word_begin - selection.first_word()), word_begin, word_end,
        static_cast<uint32_t>(key_space_), out.count.data());
  }

  // A group's three sums side by side: one cache line per row's update, not three.
  struct Sums {
    int64_t count = 0, fatalities = 0, with_fatalities = 0;
  };

  // What scan_single accumulates beside the count.
  static constexpr int kCountOnly = 0, kWithSum = 1, kWithSumAndShare = 2;

  template <bool kDirect, int kHarm, typename K, typename F>
  void scan_single(const Selection& selection, size_t word_begin, size_t word_end, const K* keys,
                   const uint32_t* lut, const F* fatalities, Partial& out) {
    if constexpr (kDirect && kHarm == kCountOnly && sizeof(K) <= 2) {
      if (key_space_ <= kFewCodes && !sparse_ && dims_[0].lut.empty()) {
        count_few_codes(selection, word_begin, word_end, keys, index_.size(), out);
        return;
      }
    }
    if constexpr (kHarm == kWithSum) {
      if (packs_count_and_sum()) {
        scan_packed<kDirect>(selection, word_begin, word_end, keys, lut, fatalities, out);
        return;
      }
    }
    // Runs of selected rows update kLanes copies of the sums in turn, so that consecutive rows
    // of the same group (events cluster in places) do not wait on each other's
    // read-modify-write; the copies are used only while they all fit in the first-level cache.
    // Direct scans of a key read through a table sum per raw code (see single_key).
    const std::vector<uint32_t>& fold = dims_[0].lut;
    const size_t space = kDirect && !fold.empty() ? fold.size() : key_space_;
    constexpr size_t kLanes = 4;
    const size_t lanes = space * kLanes * sizeof(Sums) <= kLaneCacheBytes ? kLanes : 1;
    std::vector<Sums> sums(space * lanes);
    const int64_t base = index_.column(Column::fatalities).base;
    auto add = [&](Sums* acc, size_t r) {
      Sums& g = acc[kDirect ? static_cast<uint32_t>(keys[r]) : lut[keys[r]]];
      ++g.count;
      if constexpr (kHarm != kCountOnly) {
        uint32_t x = fatalities[r];
        int64_t value = x == 0 ? 0 : base + x;
        g.fatalities += value;
        if constexpr (kHarm == kWithSumAndShare) g.with_fatalities += value > 0;
      }
    };
    Sums* lane[kLanes];
    for (size_t l = 0; l < kLanes; ++l) lane[l] = sums.data() + (l % lanes) * space;
    visit_in_lanes<kLanes>(
        selection, word_begin, word_end, 0, [&](size_t l, size_t r) { add(lane[l], r); }, [] {});
    for (size_t l = 0; l < lanes; ++l) {
      const Sums* acc = sums.data() + l * space;
      for (size_t code = 0; code < space; ++code) {
        size_t k = kDirect && !fold.empty() ? fold[code] : code;
        out.count[k] += acc[code].count;
        out.fatalities[k] += acc[code].fatalities;
        out.with_fatalities[k] += acc[code].with_fatalities;
      }
    }
  }

  // A count and a sum of fatalities fit in one 64-bit word per group, count above bit 40 and
  // sum below it, while no row's figure reaches 2^24: one add per row instead of two. The words
  // are emptied into the partial sums before either field can overflow
  // (kernels::rows_between_emptyings).
  static constexpr int kCountShift = 40;
  bool packs_count_and_sum() const {
    return index_.column(Column::fatalities).base >= -1 && largest_fatalities_ < (1 << 24);
  }

  template <bool kDirect, typename K, typename F>
  void scan_packed(const Selection& selection, size_t word_begin, size_t word_end, const K* keys,
                   const uint32_t* lut, const F* fatalities, Partial& out) {
    const std::vector<uint32_t>& fold = dims_[0].lut;
    const size_t space = kDirect && !fold.empty() ? fold.size() : key_space_;
    constexpr size_t kLanes = 4;
    size_t lanes = kLanes;
    while (lanes > 1 && space * lanes * sizeof(uint64_t) > kLaneCacheBytes) lanes /= 2;
    std::vector<uint64_t> sums(space * lanes);
    uint64_t* lane[kLanes];
    for (size_t l = 0; l < kLanes; ++l) lane[l] = sums.data() + (l % lanes) * space;
    const int64_t base = index_.column(Column::fatalities).base;
    auto slot = [&](size_t r) -> uint32_t {
      return kDirect ? static_cast<uint32_t>(keys[r]) : lut[keys[r]];
    };
    auto add = [&](uint64_t* acc, size_t r) {
      uint32_t x = fatalities[r];
      uint64_t value = x == 0 ? 0 : static_cast<uint64_t>(base + x);
      acc[slot(r)] += (uint64_t{1} << kCountShift) + value;
    };
    auto flush = [&] {
      for (size_t l = 1; l < lanes; ++l) {
        for (size_t code = 0; code < space; ++code) lane[0][code] += lane[l][code];
      }
      for (size_t code = 0; code < space; ++code) {
        uint64_t packed = lane[0][code];
        size_t k = kDirect && !fold.empty() ? fold[code] : code;
        out.count[k] += static_cast<int64_t>(packed >> kCountShift);
        out.fatalities[k] += static_cast<int64_t>(packed & ((uint64_t{1} << kCountShift) - 1));
      }
      std::fill(sums.begin(), sums.end(), 0);
    };
    // Runs of wholly selected words go to the histogram kernel (sum_increments.hpp); with a
    // key read through a table, each word's 64 increments still come from it, then a load and
    // an add per row in turn on the lanes. Scattered rows are added one by one.
    const uint64_t* words = selection.data();
    const size_t first = selection.first_word();
    const size_t period = kernels::rows_between_emptyings(kCountShift, largest_fatalities_) / 64;
    auto full = [&](size_t w) { return words[w - first] == ~uint64_t{0}; };
    alignas(64) uint64_t increments[64];
    for (size_t w = word_begin; w < word_end;) {
      const size_t stop = std::min(word_end, w + period - (w - word_begin) % period);
      while (w < stop) {
        size_t run = w;
        while (run < stop && full(run)) ++run;
        if constexpr (kDirect) {
          kernels::add_packed_words(keys + w * 64, fatalities + w * 64, run - w, base, kCountShift,
                                    lane);
        } else {
          for (size_t v = w; v < run; ++v) {
            kernels::sum_increments(fatalities + v * 64, base, kCountShift, increments);
#pragma GCC unroll 16
            for (size_t j = 0; j < 64; ++j) lane[j % kLanes][slot(v * 64 + j)] += increments[j];
          }
        }
        w = run;
        if (w < stop) {
          for (uint64_t bits = words[w - first]; bits; bits &= bits - 1)
            add(lane[0], w * 64 + static_cast<size_t>(std::countr_zero(bits)));
          ++w;
        }
      }
      flush();
    }
  }

  void scan(const Selection& selection, size_t word_begin, size_t word_end, Partial& out) {
    std::vector<uint32_t> rows(kChunkRows);
    std::vector<uint64_t> keys(kChunkRows);
    std::vector<uint32_t> slots(kChunkRows);
    const uint64_t* words = selection.data();
    const size_t first = selection.first_word();
    constexpr size_t kWordsPerChunk = kChunkRows / 64;
    for (size_t w = word_begin; w < word_end; w += kWordsPerChunk) {
      size_t n = 0;
      bool contiguous = true;
      size_t w_end = std::min(word_end, w + kWordsPerChunk);
      for (size_t v = w; v < w_end; ++v) {
        uint64_t bits = words[v - first];
        if (bits != ~uint64_t{0}) contiguous = false;
        size_t base = v * 64;
        while (bits) {
          rows[n++] = static_cast<uint32_t>(base + static_cast<size_t>(std::countr_zero(bits)));
          bits &= bits - 1;
        }
      }
      if (n == 0) continue;
      std::fill(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(n), 0);
      for (size_t d = 0; d < dims_.size(); ++d)
        add_component(dims_[d], strides_[d], rows, n, contiguous, keys);
      to_slots(keys, n, out, slots);
      accumulate(rows, slots, n, contiguous, out);
    }
  }

  static void add_component(const Dimension& d, uint64_t stride, const std::vector<uint32_t>& rows,
                            size_t n, bool contiguous, std::vector<uint64_t>& keys) {
    d.column->visit([&](const auto* v) {
      uint64_t* k = keys.data();
      const uint32_t* r = rows.data();
      if (d.lut.empty()) {
        if (contiguous) {
          const auto* p = v + r[0];
          for (size_t j = 0; j < n; ++j) k[j] += p[j] * stride;
        } else {
          for (size_t j = 0; j < n; ++j) k[j] += v[r[j]] * stride;
        }
      } else {
        const uint32_t* l = d.lut.data();
        for (size_t j = 0; j < n; ++j) k[j] += uint64_t{l[v[r[j]]]} * stride;
      }
    });
  }

  void to_slots(const std::vector<uint64_t>& keys, size_t n, Partial& out,
                std::vector<uint32_t>& slots) {
    if (dense_) {
      for (size_t j = 0; j < n; ++j) slots[j] = static_cast<uint32_t>(keys[j]);
      return;
    }
    for (size_t j = 0; j < n; ++j) {
      auto [it, inserted] = out.slot_of.try_emplace(keys[j], static_cast<uint32_t>(out.slots()));
      if (inserted) {
        out.key_of.push_back(keys[j]);
        out.grow(out.slots() + 1);
      }
      slots[j] = it->second;
    }
  }

  void accumulate(const std::vector<uint32_t>& rows, const std::vector<uint32_t>& slots, size_t n,
                  bool contiguous, Partial& out) {
    const uint32_t* s = slots.data();
    int64_t* count = out.count.data();
    for (size_t j = 0; j < n; ++j) ++count[s[j]];
    if (need_fatalities_) {
      const PackedInts& f = index_.column(Column::fatalities);
      int64_t base = f.base;
      int64_t* sum = out.fatalities.data();
      int64_t* with = out.with_fatalities.data();
      f.visit([&](const auto* v) {
        for (size_t j = 0; j < n; ++j) {
          uint32_t x = contiguous ? v[rows[0] + j] : v[rows[j]];
          int64_t value = x == 0 ? 0 : base + x;
          sum[s[j]] += value;
          with[s[j]] += value > 0;
        }
      });
    }
    if (need_places_) {
      const PackedInts& p = index_.column(Column::place);
      auto places = index_.places();
      p.visit([&](const auto* v) {
        for (size_t j = 0; j < n; ++j) {
          uint32_t place = v[rows[j]];
          if (places[place].location == 0) continue;
          if (places_dense_) {
            uint64_t bit = uint64_t{s[j]} * place_count_ + place;
            out.place_bits[bit >> 6] |= uint64_t{1} << (bit & 63);
          } else {
            out.place_pairs.push_back((uint64_t{s[j]} << 32) | place);
          }
        }
      });
    }
  }

  Grouping finish(std::vector<Partial>& partials, const std::vector<GroupKey>& keys) {
    // Merge into a map from composite key to totals.
    struct Totals {
      int64_t count = 0, fatalities = 0, with_fatalities = 0, places = 0;
    };
    // Dense partials share their slots, which are the composite keys in order: they are summed
    // slot by slot. Hashed ones go through a map.
    auto add = [](Totals& t, const Partial& p, size_t slot) {
      t.count += p.count[slot];
      t.fatalities += p.fatalities[slot];
      t.with_fatalities += p.with_fatalities[slot];
    };
    std::vector<std::pair<uint64_t, Totals>> merged;
    if (std::all_of(partials.begin(), partials.end(), [](const Partial& p) { return p.dense; })) {
      size_t slots = 0;
      for (const Partial& p : partials) slots = std::max(slots, p.slots());
      std::vector<Totals> sums(slots);
      for (const Partial& p : partials) {
        for (size_t slot = 0; slot < p.slots(); ++slot) add(sums[slot], p, slot);
      }
      for (size_t key = 0; key < sums.size(); ++key) {
        if (sums[key].count != 0) merged.emplace_back(key, sums[key]);
      }
    } else {
      std::map<uint64_t, Totals> by_key;
      for (const Partial& p : partials) {
        for (size_t slot = 0; slot < p.slots(); ++slot) {
          if (p.count[slot] != 0) add(by_key[p.dense ? slot : p.key_of[slot]], p, slot);
        }
      }
      merged.assign(by_key.begin(), by_key.end());
    }
    std::map<uint64_t, std::vector<uint32_t>> place_lists;
    std::vector<uint64_t> dense_place_bits;
    for (Partial& p : partials) {
      if (!p.place_bits.empty()) {
        if (dense_place_bits.empty()) dense_place_bits.assign(p.place_bits.size(), 0);
        for (size_t i = 0; i < p.place_bits.size(); ++i) dense_place_bits[i] |= p.place_bits[i];
      }
      for (uint64_t pair : p.place_pairs) {
        uint32_t slot = static_cast<uint32_t>(pair >> 32);
        uint64_t key = p.dense ? slot : p.key_of[slot];
        place_lists[key].push_back(static_cast<uint32_t>(pair));
      }
    }
    if (need_places_) {
      for (auto& [key, totals] : merged) {
        if (places_dense_) {
          for (size_t place = 0; place < place_count_; ++place) {
            uint64_t bit = key * place_count_ + place;
            totals.places += (dense_place_bits[bit >> 6] >> (bit & 63)) & 1;
          }
        } else {
          auto& list = place_lists[key];
          std::sort(list.begin(), list.end());
          totals.places = std::unique(list.begin(), list.end()) - list.begin();
        }
      }
    }
    Grouping out;
    out.keys = keys;
    out.measures = measures_;
    out.groups.reserve(merged.size());
    size_t columns = 0;
    for (const Dimension& d : dims_) columns += d.columns;
    for (const auto& [key, t] : merged) {
      Group g;
      g.order = key;
      g.labels.reserve(columns);
      g.values.reserve(measures_.size());
      for (size_t d = 0; d < dims_.size(); ++d) {
        auto component = static_cast<uint32_t>(key / strides_[d] % dims_[d].cardinality);
        dims_[d].labels(component, g.labels);
      }
      for (Measure m : measures_) {
        g.values.push_back(m == Measure::count                    ? t.count
                           : m == Measure::fatalities             ? t.fatalities
                           : m == Measure::events_with_fatalities ? t.with_fatalities
                                                                  : t.places);
      }
      out.groups.push_back(std::move(g));
    }
    return out;
  }

 public:
  // Moves each selected corrected row's fatalities, in its group, to the corrected figure.
  void correct(Grouping& grouping, const Selection& selection,
               const std::vector<FatalityCorrection>& corrections) const {
    const auto fatalities = std::find(measures_.begin(), measures_.end(), Measure::fatalities);
    const auto with =
        std::find(measures_.begin(), measures_.end(), Measure::events_with_fatalities);
    if (fatalities == measures_.end() && with == measures_.end()) return;
    std::unordered_map<uint64_t, size_t> group_of;
    for (size_t g = 0; g < grouping.groups.size(); ++g) group_of[grouping.groups[g].order] = g;
    for (const FatalityCorrection& c : corrections) {
      if (!selection.test(c.row)) continue;
      auto g = group_of.find(key_of(c.row));
      if (g == group_of.end()) continue;
      std::vector<int64_t>& values = grouping.groups[g->second].values;
      const int64_t own = index_.fatalities(c.row).value_or(0);
      if (fatalities != measures_.end()) values[fatalities - measures_.begin()] += c.delta;
      if (with != measures_.end()) {
        values[with - measures_.begin()] += (own + c.delta > 0) - (own > 0);
      }
    }
  }

 private:
  // The composite key of one row, as the scans compute it.
  uint64_t key_of(size_t row) const {
    uint64_t key = 0;
    for (size_t d = 0; d < dims_.size(); ++d) {
      const uint64_t stored = dims_[d].column->stored(row);
      key += strides_[d] * (dims_[d].lut.empty() ? stored : dims_[d].lut[stored]);
    }
    return key;
  }

  const EventIndex& index_;
  std::vector<Measure> measures_;
  std::vector<Dimension> dims_;
  std::vector<uint64_t> strides_;
  uint64_t key_space_ = 1;
  bool dense_ = true;
  bool need_fatalities_ = false, need_places_ = false, places_dense_ = false;
  bool need_with_fatalities_ = false;
  bool sparse_ = false;  // few selected rows: count them one by one
  size_t place_count_ = 0;
  int64_t largest_fatalities_ = 0;  // the largest best estimate of any row (the zone maps')
};

}  // namespace

Result<GroupKey> parse_group_key(std::string_view name) {
  for (const KeyName& k : kKeyNames) {
    if (k.name == name) return k.key;
  }
  return make_error(fmt::format("unknown key '{}': expected one of {}", name, group_key_names()));
}

Result<Measure> parse_measure(std::string_view name) {
  for (size_t i = 0; i < kMeasureNames.size(); ++i) {
    if (kMeasureNames[i] == name) return static_cast<Measure>(i);
  }
  return make_error(fmt::format("unknown measure '{}': expected one of {}", name, measure_names()));
}

std::string_view to_string(Measure measure) {
  return kMeasureNames[static_cast<size_t>(measure)];
}

bool is_time_key(GroupKey key) {
  return key == GroupKey::day || key == GroupKey::week || key == GroupKey::month ||
         key == GroupKey::year;
}

std::vector<std::string> key_columns(GroupKey key) {
  switch (key) {
    case GroupKey::admin1:
      return {"country", "admin1"};
    case GroupKey::admin2:
      return {"country", "admin1", "admin2"};
    case GroupKey::location:
      return {"country", "admin1", "admin2", "location"};
    default:
      for (const KeyName& k : kKeyNames) {
        if (k.key == key) return {std::string(k.name)};
      }
  }
  return {};
}

std::string group_key_names() {
  std::string names;
  for (const KeyName& k : kKeyNames) {
    if (!names.empty()) names += ", ";
    names += k.name;
  }
  return names;
}

std::string measure_names() {
  std::string names;
  for (std::string_view m : kMeasureNames) {
    if (!names.empty()) names += ", ";
    names += m;
  }
  return names;
}

Grouping aggregate(const EventIndex& index, const Selection& selection,
                   const std::vector<GroupKey>& keys, const std::vector<Measure>& measures,
                   const std::vector<FatalityCorrection>* corrections) {
  Aggregator aggregator(index, keys, measures);
  Grouping grouping = aggregator.run(selection, keys);
  if (corrections) aggregator.correct(grouping, selection, *corrections);
  return grouping;
}

std::vector<std::pair<std::string, int64_t>> count_by_any_actor(const EventIndex& index,
                                                                const Selection& selection,
                                                                size_t limit) {
  const Dictionary& actors = index.dictionary(Category::actor);
  std::vector<int64_t> counts(actors.size(), 0);
  const PackedInts& a1 = index.column(Column::actor1);
  const PackedInts& a2 = index.column(Column::actor2);
  selection.for_each([&](size_t row) {
    uint32_t x = a1.stored(row), y = a2.stored(row);
    ++counts[x];
    if (y != x) ++counts[y];
  });
  std::vector<std::pair<std::string, int64_t>> out;
  for (uint32_t code = 1; code < counts.size(); ++code) {
    if (counts[code] > 0) out.emplace_back(std::string(actors.at(code)), counts[code]);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace sitrep::query
