#include "sitrep/fuse/candidates.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace sitrep::fuse {
namespace {

constexpr double kKmPerDegreeLatitude = 111.2;
constexpr double kCellDegrees = 0.25;

// A cheap test that keeps every pair match() could find compatible.
bool near_enough(const FusionRecord& a, const FusionRecord& b, double max_latitude_gap) {
  if (a.is_point() && b.is_point()) return std::abs(*a.latitude - *b.latitude) <= max_latitude_gap;
  return a.admin1.empty() || b.admin1.empty() || a.admin1 == b.admin1;
}

// The open records of one country: by province ("" for records that name none) and, for
// points, by grid cell, so that a record meets only those that could be near it.
struct OpenLists {
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_admin1;
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_cell;
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
  std::vector<uint32_t> order(records.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    if (records[x].date.start != records[y].date.start) {
      return records[x].date.start < records[y].date.start;
    }
    return x < y;
  });
  std::unordered_map<std::string_view, OpenLists> open;  // by country; "" when not known
  const double max_latitude_gap = rules.point_km / kKmPerDegreeLatitude + 1e-9;
  // A point's neighbours within point_km lie in the cells around its own: `rows` cells north
  // and south, and more east and west, as a degree of longitude shrinks away from the equator.
  const auto rows = static_cast<int64_t>(std::ceil(max_latitude_gap / kCellDegrees));
  auto columns_at = [&](double latitude) {
    const double shrink = std::max(0.1, std::cos((std::abs(latitude) + kCellDegrees) * M_PI / 180));
    return static_cast<int64_t>(std::ceil(max_latitude_gap / shrink / kCellDegrees));
  };
  std::vector<CandidatePair> pairs;
  auto visit = [&](std::vector<uint32_t>& list, uint32_t r) {
    const FusionRecord& rec = records[r];
    size_t kept = 0;
    for (uint32_t other : list) {
      const FusionRecord& o = records[other];
      if (o.date.end + rules.max_days_apart < rec.date.start) continue;  // closed: drop it
      list[kept++] = other;
      if (fresh && !(*fresh)[r] && !(*fresh)[other]) continue;
      if (!rec.exclusive.empty() && rec.exclusive == o.exclusive) continue;  // never one
      if (near_enough(rec, o, max_latitude_gap)) {
        pairs.push_back({std::min(r, other), std::max(r, other)});
      }
    }
    list.resize(kept);
  };
  auto visit_country = [&](OpenLists& lists, uint32_t r) {
    const FusionRecord& rec = records[r];
    if (rec.admin1.empty()) {
      for (auto& [admin1, list] : lists.by_admin1) visit(list, r);
      return;  // every open record of the country was met
    }
    visit(lists.by_admin1[rec.admin1], r);
    if (auto unplaced = lists.by_admin1.find(""); unplaced != lists.by_admin1.end()) {
      visit(unplaced->second, r);
    }
    if (!rec.is_point()) return;
    auto [row, column] = cell_of(rec);
    const int64_t columns = columns_at(*rec.latitude + rows * kCellDegrees);
    for (int64_t dr = -rows; dr <= rows; ++dr) {
      for (int64_t dc = -columns; dc <= columns; ++dc) {
        auto cell = lists.by_cell.find(cell_key(row + dr, column + dc));
        if (cell != lists.by_cell.end()) visit(cell->second, r);
      }
    }
  };
  for (uint32_t r : order) {
    const FusionRecord& rec = records[r];
    if (rec.country.empty()) {
      for (auto& [country, lists] : open) visit_country(lists, r);
    } else {
      visit_country(open[rec.country], r);
      if (auto unknown = open.find(""); unknown != open.end()) visit_country(unknown->second, r);
    }
    OpenLists& home = open[rec.country];
    home.by_admin1[rec.admin1].push_back(r);
    if (rec.is_point() && !rec.admin1.empty()) {
      auto [row, column] = cell_of(rec);
      home.by_cell[cell_key(row, column)].push_back(r);
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const CandidatePair& x, const CandidatePair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const CandidatePair& x, const CandidatePair& y) {
                            return x.a == y.a && x.b == y.b;
                          }),
              pairs.end());
  return pairs;
}

}  // namespace sitrep::fuse
