#include "sitrep/fuse/candidates.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace sitrep::fuse {
namespace {

constexpr double kKmPerDegreeLatitude = 111.2;

bool is_point(const FusionRecord& r) {
  return r.place_precision == PlacePrecision::point && r.latitude && r.longitude;
}

// A cheap test that keeps every pair match() could find compatible.
bool near_enough(const FusionRecord& a, const FusionRecord& b, double max_latitude_gap) {
  if (is_point(a) && is_point(b)) return std::abs(*a.latitude - *b.latitude) <= max_latitude_gap;
  return a.admin1.empty() || b.admin1.empty() || a.admin1 == b.admin1;
}

}  // namespace

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
  // Open records by country; records of an unknown country meet every country.
  std::unordered_map<std::string_view, std::vector<uint32_t>> open;
  std::vector<uint32_t> open_unknown;
  const double max_latitude_gap = rules.point_km / kKmPerDegreeLatitude + 1e-9;
  std::vector<CandidatePair> pairs;
  auto visit = [&](std::vector<uint32_t>& list, uint32_t r) {
    const FusionRecord& rec = records[r];
    size_t kept = 0;
    for (uint32_t other : list) {
      const FusionRecord& o = records[other];
      if (o.date.end + rules.max_days_apart < rec.date.start) continue;  // closed: drop it
      list[kept++] = other;
      if (fresh && !(*fresh)[r] && !(*fresh)[other]) continue;
      if (near_enough(rec, o, max_latitude_gap)) {
        pairs.push_back({std::min(r, other), std::max(r, other)});
      }
    }
    list.resize(kept);
  };
  for (uint32_t r : order) {
    const FusionRecord& rec = records[r];
    if (rec.country.empty()) {
      for (auto& [country, list] : open) visit(list, r);
    } else {
      visit(open[rec.country], r);
    }
    visit(open_unknown, r);
    (rec.country.empty() ? open_unknown : open[rec.country]).push_back(r);
  }
  std::sort(pairs.begin(), pairs.end(), [](const CandidatePair& x, const CandidatePair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return pairs;
}

}  // namespace sitrep::fuse
