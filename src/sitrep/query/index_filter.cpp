#include "sitrep/query/index_filter.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

#include <fmt/format.h>

#include "sitrep/model/distance.hpp"
#include "sitrep/query/column_test.hpp"
#include "sitrep/query/parallel.hpp"
#include "sitrep/query/scan_kernels.hpp"

namespace sitrep::query {
namespace {

constexpr size_t kMinWordsPerThread = 8192;  // 512K rows

// Calls `match(values)` for each 64-row word w in [word_begin, word_end) that the running
// result `active` still selects, and ORs the bits it returns into `out`. Words the result has
// already excluded are skipped: later conditions cost only what the earlier ones left.
template <typename Match>
void scan_active(const PackedInts& column, size_t word_begin, size_t word_end,
                 const Selection& active, Selection& out, Match match) {
  uint64_t* words = out.data();
  const uint64_t* live = active.data();
  const size_t first = out.first_word();
  size_t parts = parallel_parts(word_end - word_begin, kMinWordsPerThread);
  parallel_slices(parts, word_begin, word_end, 1, [&](size_t, size_t b, size_t e) {
    column.visit([&](const auto* v) {
      using T = std::remove_cvref_t<decltype(*v)>;
      alignas(16) T tail[64] = {};
      for (size_t w = b; w < e; ++w) {
        if (live[w - first] == 0) continue;
        size_t base = w * 64;
        const T* values = v + base;
        if (base + 64 > column.size) {  // the last, partial word: pad with zeros, then mask
          std::copy(v + base, v + column.size, tail);
          values = tail;
        }
        uint64_t bits = match(values);
        if (base + 64 > column.size) bits &= (uint64_t{1} << (column.size - base)) - 1;
        words[w - first] |= bits;
      }
    });
  });
}

// Selects the rows whose code is in `codes`.
void scan_codes(const PackedInts& column, const std::vector<uint32_t>& codes, size_t lut_size,
                size_t word_begin, size_t word_end, const Selection& active, Selection& out) {
  if (codes.empty()) return;
  if (codes.size() <= kernels::kMaxSimdCodes) {
    const uint32_t* c = codes.data();
    int n = static_cast<int>(codes.size());
    scan_active(column, word_begin, word_end, active, out,
                [c, n](const auto* v) { return kernels::equal_any(v, c, n); });
    return;
  }
  std::vector<uint8_t> lut(
      std::max<size_t>(lut_size, size_t{1} << (8 * std::min(column.width, 2u))), 0);
  for (uint32_t c : codes) lut[c] = 1;
  const uint8_t* l = lut.data();
  scan_active(column, word_begin, word_end, active, out,
              [l](const auto* v) { return kernels::in_table(v, l); });
}

// SQLite-style case-insensitive lookup of every value in a dictionary.
std::vector<uint32_t> codes_nocase(const Dictionary& dictionary,
                                   const std::vector<std::string>& values) {
  std::vector<uint32_t> codes;
  for (const std::string& v : values) {
    for (uint32_t code : dictionary.find_nocase(v)) codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

class IndexEvaluator {
 public:
  IndexEvaluator(const EventIndex& index, const Filter& filter, const model::Vocabulary& vocabulary,
                 const IdLookup& lookup)
      : index_(index), filter_(filter), vocabulary_(vocabulary), lookup_(lookup) {}

  Result<Selection> run() {
    auto conditions = resolve_filter(filter_, vocabulary_);
    if (!conditions) return std::move(conditions).take_error();
    narrow_to_dates(*conditions);
    Selection result = Selection::of_range(index_.size(), row_begin_, row_end_);
    active_ = &result;
    // Terms on one packed column are fused into one pass at the end; the others (dates, places,
    // actors, ids, words) make bitmaps first.
    std::vector<ColumnTest> tests;
    for (const Condition& c : *conditions) {
      if (result.empty()) break;
      if (auto test = column_test(c)) {
        if (test->codes.empty() && test->lut.empty() && test->ranges.empty()) {
          if (!c.negated) return empty();  // no value matches: nothing is selected
          continue;                        // ... and its negation holds everywhere
        }
        test->negated = c.negated;
        tests.push_back(std::move(*test));
        continue;
      }
      auto selected = evaluate(c);
      if (!selected) return selected;
      if (c.negated) selected->flip();
      result &= *selected;
    }
    if (!tests.empty()) apply(tests, result);
    return result;
  }

 private:
  // Positive date conditions bound every other scan to a row range.
  void narrow_to_dates(const std::vector<Condition>& conditions) {
    row_begin_ = 0;
    row_end_ = index_.size();
    for (const Condition& c : conditions) {
      if (c.kind != Condition::Kind::date || c.negated) continue;
      size_t lo = index_.size(), hi = 0;
      for (auto [from, to] : c.days) {
        auto [b, e] = day_rows(from, to);
        if (b < e) {
          lo = std::min(lo, b);
          hi = std::max(hi, e);
        }
      }
      row_begin_ = std::max(row_begin_, lo);
      row_end_ = std::min(row_end_, hi);
    }
    if (row_begin_ > row_end_) row_begin_ = row_end_ = 0;
    word_begin_ = row_begin_ / 64;
    word_end_ = (row_end_ + 63) / 64;
  }

  // The conjunction of `tests` over the rows `result` still selects, a block of words at a
  // time; a word's later tests are skipped once it has no candidate left.
  void apply(const std::vector<ColumnTest>& tests, Selection& result) const {
    uint64_t* words = result.data();
    const size_t first = result.first_word();
    size_t parts = parallel_parts(word_end_ - word_begin_, kMinWordsPerThread);
    constexpr size_t kBlockWords = 64;  // 4,096 rows: every test's column slice stays in cache
    parallel_slices(parts, word_begin_, word_end_, kBlockWords, [&](size_t, size_t b, size_t e) {
      for (size_t block = b; block < e; block += kBlockWords) {
        size_t block_end = std::min(e, block + kBlockWords);
        for (const ColumnTest& test : tests) test.apply(block, block_end, words, first);
      }
    });
  }

  // The test a condition on one packed column makes, if it is one.
  std::optional<ColumnTest> column_test(const Condition& c) const {
    switch (c.kind) {
      case Condition::Kind::country: {
        const Dictionary& d = index_.dictionary(Category::country);
        std::vector<uint32_t> codes;
        for (const std::string& iso : c.strings) {
          if (uint32_t code = d.find(iso)) codes.push_back(code);
        }
        return codes_test(index_.column(Column::country), std::move(codes), d.size());
      }
      case Condition::Kind::equals_any:
        return equals_any_test(c);
      case Condition::Kind::fatalities:
        return fatalities_test(c);
      default:
        return std::nullopt;
    }
  }

  static ColumnTest codes_test(const PackedInts& column, std::vector<uint32_t> codes,
                               size_t dictionary_size) {
    ColumnTest t;
    t.column = &column;
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    if (codes.size() <= kernels::kMaxSimdCodes) {
      t.codes = std::move(codes);
      return t;
    }
    // Stored values of a 1- or 2-byte column can reach 255 or 65535 whatever the dictionary.
    t.lut.assign(std::max<size_t>(dictionary_size, size_t{1} << (8 * std::min(column.width, 2u))),
                 0);
    for (uint32_t code : codes) t.lut[code] = 1;
    return t;
  }

  std::optional<ColumnTest> equals_any_test(const Condition& c) const {
    struct Target {
      std::string_view column;
      Column index_column;
      Category category;
    };
    static constexpr Target kTargets[] = {
        {"admin1", Column::admin1, Category::admin1},
        {"admin2", Column::admin2, Category::admin2},
        {"dataset", Column::dataset, Category::dataset},
        {"event_type", Column::event_type, Category::event_type},
        {"sub_event_type", Column::sub_event_type, Category::sub_event_type},
        {"target", Column::target, Category::target},
        {"weapon", Column::weapon, Category::weapon},
        {"claim", Column::claim, Category::claim},
    };
    if (c.column == "location") {  // a location is a set of places
      std::vector<uint32_t> names = codes_nocase(index_.dictionary(Category::location), c.strings);
      std::vector<uint32_t> places;
      auto all = index_.places();
      for (uint32_t p = 0; p < all.size(); ++p) {
        if (std::binary_search(names.begin(), names.end(), all[p].location)) places.push_back(p);
      }
      return codes_test(index_.column(Column::place), std::move(places), all.size());
    }
    for (const Target& t : kTargets) {
      if (c.column == t.column) {
        const Dictionary& d = index_.dictionary(t.category);
        return codes_test(index_.column(t.index_column), codes_nocase(d, c.strings), d.size());
      }
    }
    return std::nullopt;  // native_id: the store's unique index answers it
  }

  ColumnTest fatalities_test(const Condition& c) const {
    ColumnTest t;
    t.column = &index_.column(Column::fatalities);
    // Stored value x: 0 is NULL, else fatalities = base + x. Ranges in stored units.
    const int64_t base = t.column->base;
    t.zone_below = INT64_MAX;
    for (auto [low, high] : c.counts) {
      int64_t a = low == INT64_MIN ? 1 : std::max<int64_t>(1, low - base);
      int64_t b = high == INT64_MAX ? UINT32_MAX : high - base;
      if (b < a || b < 1) continue;
      t.ranges.emplace_back(static_cast<uint32_t>(std::min<int64_t>(a, UINT32_MAX)),
                            static_cast<uint32_t>(std::min<int64_t>(b, UINT32_MAX)));
      t.zone_below = std::min(t.zone_below, low);
    }
    t.zone_max = index_.zone_max_fatalities();
    t.zone_rows = kZoneRows;
    return t;
  }

  // A selection spanning the rows the date conditions leave.
  Selection empty() const { return Selection(index_.size(), false, word_begin_, word_end_); }

  // Sets `rows` that lie in the span.
  void set_rows(const std::vector<uint32_t>& rows, Selection& s) const {
    for (uint32_t row : rows) {
      if (row >= row_begin_ && row < row_end_) s.set(row);
    }
  }

  std::pair<size_t, size_t> day_rows(model::Day from, model::Day to) const {
    size_t b = from == kOpenStart ? 0 : index_.lower_bound_day(from);
    size_t e = to == kOpenEnd ? index_.size() : index_.lower_bound_day(to + 1);
    return {b, std::max(b, e)};
  }

  Result<Selection> evaluate(const Condition& c) {
    Selection s = empty();
    switch (c.kind) {
      case Condition::Kind::date:
        for (auto [from, to] : c.days) {
          auto [b, e] = day_rows(from, to);
          s.set_range(b, e);
        }
        return s;
      case Condition::Kind::actor:
        return actor(c, s);
      case Condition::Kind::country:  // column tests (run()); only native_id reaches here
      case Condition::Kind::fatalities:
      case Condition::Kind::equals_any:
        return from_store(c, s);
      case Condition::Kind::near:
        near(c, s);
        return s;
      case Condition::Kind::event_id: {
        std::vector<int64_t> ids = c.ids;
        std::sort(ids.begin(), ids.end());
        set_rows(index_.rows_of_events(ids), s);
        return s;
      }
      case Condition::Kind::words:
        return from_store(c, s);
    }
    return s;
  }

  Result<Selection> from_store(const Condition& c, Selection& s) {
    Condition positive = c;
    positive.negated = false;
    auto ids = lookup_(positive);
    if (!ids) return std::move(ids).take_error();
    set_rows(index_.rows_of_events(*ids), s);
    return std::move(s);
  }

  Result<Selection> actor(const Condition& c, Selection& s) {
    const Dictionary& d = index_.dictionary(Category::actor);
    if (Status known = check_actors_known(c, d); !known) return make_error(known.error());
    std::vector<uint32_t> codes = codes_nocase(d, c.strings);
    for (int role : {1, 2}) {
      if (!(c.actor_roles & role)) continue;
      scan_codes(index_.column(role == 1 ? Column::actor1 : Column::actor2), codes, d.size(),
                 word_begin_, word_end_, *active_, s);
      for (const AssociatedActor& a : index_.associated_actors(role)) {
        if (a.row >= row_begin_ && a.row < row_end_ &&
            std::binary_search(codes.begin(), codes.end(), a.actor)) {
          s.set(a.row);
        }
      }
    }
    return std::move(s);
  }

  // An actor name must be known to data/actors.tsv or appear in the data: a typo would
  // otherwise silently select nothing.
  Status check_actors_known(const Condition& c, const Dictionary& actors) {
    const Term& term = filter_.terms[c.term_index];
    for (size_t i = 0; i < term.values.size(); ++i) {
      const std::string& v = term.values[i];
      if (vocabulary_.actors.knows(v) || !actors.find_nocase(v).empty()) continue;
      std::vector<std::pair<size_t, std::string>> scored;
      auto consider = [&](std::string_view name) {
        scored.emplace_back(edit_distance(v, name), std::string(name));
      };
      for (const std::string& name : vocabulary_.actors.canonical_names()) consider(name);
      for (uint32_t code = 1; code < actors.size(); ++code) consider(actors.at(code));
      std::sort(scored.begin(), scored.end());
      scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
      std::string suggestions;
      for (size_t k = 0; k < scored.size() && k < 5; ++k) {
        suggestions += fmt::format("{}'{}'", k ? ", " : "", scored[k].second);
      }
      return make_error(describe_error(
          filter_.text, term.positions[i],
          fmt::format("unknown actor '{}': not in data/actors.tsv nor in the store{}", v,
                      suggestions.empty() ? "" : "; closest: " + suggestions)));
    }
    return Status::success();
  }

  void near(const Condition& c, Selection& s) {
    double band = model::latitude_band_degrees(c.radius_km);
    double lat_lo = c.latitude - band, lat_hi = c.latitude + band;
    // Longitude half-width of the spherical cap (exact), widened by a hair.
    double angular = c.radius_km / model::kEarthRadiusKm;
    double max_abs_lat = std::min(90.0, std::max(std::abs(lat_lo), std::abs(lat_hi)));
    double cos_lat = std::cos(c.latitude * std::numbers::pi / 180.0);
    double dlon = 360.0;
    if (angular < std::numbers::pi / 2 && max_abs_lat < 89.0 && std::sin(angular) < cos_lat) {
      dlon = std::asin(std::sin(angular) / cos_lat) * 180.0 / std::numbers::pi + 0.01;
    }
    std::vector<std::pair<double, double>> lon_ranges;
    if (dlon >= 180.0) {
      lon_ranges.emplace_back(-180.0, 180.0);
    } else {
      double lo = c.longitude - dlon, hi = c.longitude + dlon;
      if (lo < -180.0) lon_ranges.emplace_back(lo + 360.0, 180.0), lo = -180.0;
      if (hi > 180.0) lon_ranges.emplace_back(-180.0, hi - 360.0), hi = 180.0;
      lon_ranges.emplace_back(lo, hi);
    }
    auto cell_index = [](double degrees, double offset, uint32_t count) {
      double i = std::floor((degrees + offset) / kGridCellDegrees);
      return static_cast<uint32_t>(std::clamp(i, 0.0, static_cast<double>(count - 1)));
    };
    uint32_t row_lo = cell_index(std::max(-90.0, lat_lo), 90, kGridRows);
    uint32_t row_hi = cell_index(std::min(90.0, lat_hi), 90, kGridRows);
    auto cells = index_.grid_cells();
    auto starts = index_.grid_starts();
    auto rows = index_.grid_rows();
    // Events often share coordinates (a town's centre): remember the last verdicts.
    struct Memo {
      int32_t lat = kNoCoordinate, lon = kNoCoordinate;
      bool inside = false;
    };
    std::vector<Memo> memo(4096);
    const bool exact = index_.coordinates_fit_e7();  // else equal e7 may hide distinct doubles
    for (uint32_t gr = row_lo; gr <= row_hi; ++gr) {
      for (auto [lon_lo, lon_hi] : lon_ranges) {
        uint32_t first = gr * kGridColumns + cell_index(lon_lo, 180, kGridColumns);
        uint32_t last = gr * kGridColumns + cell_index(lon_hi, 180, kGridColumns);
        auto it = std::lower_bound(cells.begin(), cells.end(), first);
        for (; it != cells.end() && *it <= last; ++it) {
          size_t k = static_cast<size_t>(it - cells.begin());
          for (uint32_t i = starts[k]; i < starts[k + 1]; ++i) {
            uint32_t row = rows[i];
            if (row < row_begin_ || row >= row_end_) continue;
            int32_t la = index_.latitude_e7()[row], lo = index_.longitude_e7()[row];
            Memo& m = memo[(static_cast<uint32_t>(la) * 31u + static_cast<uint32_t>(lo)) & 4095];
            if (m.lat != la || m.lon != lo || !exact) {
              double lat = index_.latitude(row), lon = index_.longitude(row);
              m = {la, lo,
                   lat >= lat_lo && lat <= lat_hi &&
                       model::distance_km(lat, lon, c.latitude, c.longitude) <= c.radius_km};
            }
            if (m.inside) s.set(row);
          }
        }
      }
    }
  }

  const EventIndex& index_;
  const Filter& filter_;
  const model::Vocabulary& vocabulary_;
  const IdLookup& lookup_;
  size_t row_begin_ = 0, row_end_ = 0, word_begin_ = 0, word_end_ = 0;
  const Selection* active_ = nullptr;  // the conditions so far: words it excludes are skipped
};

}  // namespace

IdLookup lookup_in_store(store::SqliteStore& store) {
  return [&store](const Condition& c) -> Result<std::vector<int64_t>> {
    if (c.kind == Condition::Kind::words) return store.ids_with_text(fts_phrase(c.strings[0]));
    return store.event_ids(condition_to_sql(c));
  };
}

Result<Selection> select_rows(const EventIndex& index, const Filter& filter,
                              const model::Vocabulary& vocabulary, const IdLookup& lookup) {
  return IndexEvaluator(index, filter, vocabulary, lookup).run();
}

}  // namespace sitrep::query
