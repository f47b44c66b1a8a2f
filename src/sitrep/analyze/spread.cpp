// Spread: how many provinces and districts the subject reached in the window against the
// baseline, the areas new since the baseline, and whether the centre of its events moved (a
// two-sample test of the mean position: Hotelling's statistic with separate covariances, read
// against chi-square on 2 df).
#include <cmath>
#include <numbers>
#include <set>

#include <fmt/format.h>

#include "sitrep/analyze/area.hpp"
#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"
#include "sitrep/analyze/statistics.hpp"
#include "sitrep/io/thousands.hpp"
#include "sitrep/model/distance.hpp"

namespace sitrep::analyze {
namespace {

constexpr size_t kMinimumLocated = 10;
constexpr double kMinimumShiftKm = 25;
constexpr double kKmPerDegree = model::kEarthRadiusKm * std::numbers::pi / 180;

struct Centre {
  size_t n = 0;
  double latitude = 0, longitude = 0;
  double var_x = 0, var_y = 0, cov_xy = 0;  // of positions in km around the centre
};

// The centre of located events and the spread around it, from the sums of their coordinates
// (records held one by one, and those the loader summed up).
Centre centre_of(const Moments& m) {
  Centre c;
  c.n = m.n;
  if (c.n == 0) return c;
  const auto n = static_cast<double>(c.n);
  c.latitude = m.lat / n;
  c.longitude = m.lon / n;
  if (c.n > 1) {
    const double x_scale = kKmPerDegree * std::cos(c.latitude * std::numbers::pi / 180);
    const double d = n - 1;
    c.var_x = (m.lon2 - m.lon * m.lon / n) / d * x_scale * x_scale;
    c.var_y = (m.lat2 - m.lat * m.lat / n) / d * kKmPerDegree * kKmPerDegree;
    c.cov_xy = (m.latlon - m.lat * m.lon / n) / d * x_scale * kKmPerDegree;
  }
  return c;
}

Moments moments_of(const std::vector<const Record*>& records) {
  Moments m;
  for (const Record* r : records) {
    if (r->latitude && r->longitude) m.add(*r->latitude, *r->longitude);
  }
  return m;
}

// The distinct provinces (or districts) of the records, named as the brief names them. Records
// from the index carry their place's code: one record per place is enough to name it, found
// with an array, not a hash of a million names. Records read from text have no code and are
// keyed by their names.
std::set<std::string> areas(const std::vector<const Record*>& records, bool districts) {
  uint32_t largest = 0;
  for (const Record* r : records) largest = std::max(largest, r->place);
  std::vector<const Record*> one_per_place(static_cast<size_t>(largest) + 1, nullptr);
  std::vector<const Record*> by_name;
  for (const Record* r : records) {
    if (r->place == 0) {
      by_name.push_back(r);
    } else if (!one_per_place[r->place]) {
      one_per_place[r->place] = r;
    }
  }
  std::set<std::string> out;
  AreaKey key;
  auto add = [&](const Record* r) {
    if (r && area_key(*r, districts ? AreaLevel::admin2 : AreaLevel::admin1, key)) {
      out.insert(detail::area_name(key.country, key.admin1, key.admin2));
    }
  };
  for (const Record* r : one_per_place) add(r);
  for (const Record* r : by_name) add(r);
  return out;
}

void add_areas(const FinderInput& in, std::vector<Finding>& out) {
  const auto provinces_now = areas(in.window, false), districts_now = areas(in.window, true);
  auto provinces_before = areas(in.baseline, false), districts_before = areas(in.baseline, true);
  const HeldBack* held = in.held_back();
  if (held) {
    provinces_before.insert(held->provinces.begin(), held->provinces.end());
    districts_before.insert(held->districts.begin(), held->districts.end());
  }
  std::vector<std::string> new_provinces;
  for (const std::string& p : provinces_now) {
    if (!provinces_before.contains(p)) new_provinces.push_back(p);
  }
  Finding f;
  f.kind = FindingKind::spread;
  f.title = "Areas reached";
  std::string list;
  for (const std::string& p : new_provinces) list += (list.empty() ? "" : "; ") + p;
  f.statement = fmt::format(
      "{} had {} in {} and {} in {}, against {} and {} in the baseline{}.", in.options.subject,
      in.options.units(), detail::count_of(static_cast<int64_t>(provinces_now.size()), "province"),
      detail::count_of(static_cast<int64_t>(districts_now.size()), "district"),
      to_string(in.options.window),
      detail::count_of(static_cast<int64_t>(provinces_before.size()), "province"),
      detail::count_of(static_cast<int64_t>(districts_before.size()), "district"),
      new_provinces.empty()
          ? std::string()
          : fmt::format("; provinces without {} in the baseline: {}", in.options.units(), list));
  f.figures = {{"provinces in window", static_cast<double>(provinces_now.size()),
                std::to_string(provinces_now.size())},
               {"districts in window", static_cast<double>(districts_now.size()),
                std::to_string(districts_now.size())},
               {"provinces in baseline", static_cast<double>(provinces_before.size()),
                std::to_string(provinces_before.size())},
               {"districts in baseline", static_cast<double>(districts_before.size()),
                std::to_string(districts_before.size())}};
  for (const std::string& p : new_provinces) f.figures.push_back({"new province", 0, p});
  f.confidence = Confidence::high;
  f.reported = in.window.size() >= static_cast<size_t>(in.options.minimum_events) &&
               (!in.baseline.empty() || (held && held->in_baseline > 0));
  if (!f.reported) {
    f.not_reported_because =
        fmt::format("too few {} in the window, or no baseline", in.options.units());
  }
  f.score = 40 + 5 * static_cast<double>(new_provinces.size());
  out.push_back(std::move(f));
}

void add_centre_shift(const FinderInput& in, std::vector<Finding>& out) {
  Moments earlier = moments_of(in.baseline);
  if (const HeldBack* held = in.held_back()) earlier.add(held->located);
  const Centre now = centre_of(moments_of(in.window)), before = centre_of(earlier);
  if (now.n < 2 || before.n < 2) return;
  const double km =
      model::distance_km(before.latitude, before.longitude, now.latitude, now.longitude);
  const double bearing =
      model::bearing_degrees(before.latitude, before.longitude, now.latitude, now.longitude);
  // Hotelling's two-sample statistic with unpooled covariances (the areas may differ in spread).
  const double x_scale = kKmPerDegree * std::cos(before.latitude * std::numbers::pi / 180);
  const double dx = (now.longitude - before.longitude) * x_scale;
  const double dy = (now.latitude - before.latitude) * kKmPerDegree;
  const double n1 = static_cast<double>(now.n), n2 = static_cast<double>(before.n);
  const double sxx = now.var_x / n1 + before.var_x / n2, syy = now.var_y / n1 + before.var_y / n2;
  const double sxy = now.cov_xy / n1 + before.cov_xy / n2;
  const double det = sxx * syy - sxy * sxy;
  const double t2 = det > 0 ? (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det : 0;
  const double p = det > 0 ? chi_square_survival(t2, 2) : 1;
  Finding f;
  f.kind = FindingKind::spread;
  f.title = "Centre of activity";
  f.statement = fmt::format(
      "The centre of {}'s located {} moved {} km {} between the baseline and the window "
      "({} and {} located; {}).",
      in.options.subject, in.options.units(), detail::number(km, 0), model::compass_point(bearing),
      io::thousands(static_cast<int64_t>(before.n)), io::thousands(static_cast<int64_t>(now.n)),
      detail::p_text(p));
  f.figures = {
      {"shift km", km, detail::number(km, 0)},
      {"bearing degrees", bearing, detail::number(bearing, 0)},
      {"baseline centre", 0, fmt::format("{:.3f}, {:.3f}", before.latitude, before.longitude)},
      {"window centre", 0, fmt::format("{:.3f}, {:.3f}", now.latitude, now.longitude)},
      {"p-value", p, detail::p_text(p)}};
  f.p_value = p;
  f.confidence = confidence_from(p, now.n + before.n);
  f.reported =
      p < 0.01 && km >= kMinimumShiftKm && now.n >= kMinimumLocated && before.n >= kMinimumLocated;
  if (!f.reported) {
    f.not_reported_because = fmt::format(
        "a shift of {} km ({}) with {} and {} located {} is not a move", detail::number(km, 0),
        detail::p_text(p), io::thousands(static_cast<int64_t>(before.n)),
        io::thousands(static_cast<int64_t>(now.n)), in.options.units());
  }
  f.score = 45 + std::min(20.0, km / 20);
  out.push_back(std::move(f));
}

}  // namespace

void find_spread(const FinderInput& in, std::vector<Finding>& out) {
  add_areas(in, out);
  add_centre_shift(in, out);
}

}  // namespace sitrep::analyze
