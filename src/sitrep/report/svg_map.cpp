#include "sitrep/report/svg_map.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <set>

#include <fmt/format.h>

#include "sitrep/report/detail/markup.hpp"

namespace sitrep::report {
namespace {

using analyze::Record;

// Five classes from pale to dark red; class 0 is "no events".
constexpr const char* kShades[] = {"#f3f1ee", "#fde0c5", "#f9b38b",
                                   "#ef7a5a", "#d1443c", "#9e1b2b"};

struct Box {
  double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
  void add(double lon, double lat) {
    min_lon = std::min(min_lon, lon);
    max_lon = std::max(max_lon, lon);
    min_lat = std::min(min_lat, lat);
    max_lat = std::max(max_lat, lat);
  }
  bool empty() const { return min_lon > max_lon; }
  bool meets(const Box& o) const {
    return min_lon <= o.max_lon && o.min_lon <= max_lon && min_lat <= o.max_lat &&
           o.min_lat <= max_lat;
  }
  // Wider and higher by `share` of the span on each side.
  void grow(double share) {
    double dx = (max_lon - min_lon) * share, dy = (max_lat - min_lat) * share;
    min_lon -= dx;
    max_lon += dx;
    min_lat -= dy;
    max_lat += dy;
  }
  // At least `degrees` wide and high, around the same centre.
  void widen_to(double degrees) {
    double grow_x = std::max(0.0, degrees - (max_lon - min_lon)) / 2;
    double grow_y = std::max(0.0, degrees - (max_lat - min_lat)) / 2;
    min_lon -= grow_x;
    max_lon += grow_x;
    min_lat -= grow_y;
    max_lat += grow_y;
  }
};

class Projection {
 public:
  Projection(const Box& box, int width, int max_height) {
    const double mid = (box.min_lat + box.max_lat) / 2;
    x_scale_ = std::cos(mid * std::numbers::pi / 180);
    const double span_x = std::max(1e-6, (box.max_lon - box.min_lon) * x_scale_);
    const double span_y = std::max(1e-6, box.max_lat - box.min_lat);
    scale_ = std::min((width - 2 * kPad) / span_x, (max_height - 2 * kPad) / span_y);
    box_ = box;
    width_ = width;
    height_ = static_cast<int>(std::ceil(span_y * scale_ + 2 * kPad));
  }
  double x(double lon) const { return kPad + (lon - box_.min_lon) * x_scale_ * scale_; }
  double y(double lat) const { return kPad + (box_.max_lat - lat) * scale_; }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  static constexpr double kPad = 12;
  Box box_;
  double x_scale_ = 1, scale_ = 1;
  int width_ = 0, height_ = 0;
};

// The admin-1 areas with polygons that reach into the frame: every country's, so that the
// neighbours of the events' countries are drawn too. `countries` are drawn in full colour.
std::vector<uint32_t> areas_of(const geo::Gazetteer& g, const Box& frame) {
  std::vector<uint32_t> out;
  for (uint32_t id = 0; id < g.size(); ++id) {
    const geo::Feature& f = g.feature(id);
    if (f.kind != geo::FeatureKind::admin1 || f.rings_end <= f.rings_begin) continue;
    for (const geo::Ring& ring : g.rings(id)) {
      Box ring_box{ring.min_lon, ring.min_lat, ring.max_lon, ring.max_lat};
      if (ring_box.meets(frame)) {
        out.push_back(id);
        break;
      }
    }
  }
  return out;
}

// An SVG path for an area's rings, dropping vertices closer than a pixel to the last one kept.
std::string area_path(const geo::Gazetteer& g, uint32_t area, const Projection& p) {
  std::string d;
  const auto vertices = g.vertices();
  for (const geo::Ring& ring : g.rings(area)) {
    double last_x = -1e9, last_y = -1e9;
    size_t kept = 0;
    for (uint32_t i = ring.begin; i < ring.end; ++i) {
      double x = p.x(vertices[i].lon), y = p.y(vertices[i].lat);
      bool final_vertex = i + 1 == ring.end;
      if (!final_vertex && std::hypot(x - last_x, y - last_y) < 1.0) continue;
      d += fmt::format("{}{:.1f},{:.1f}", kept == 0 ? "M" : "L", x, y);
      last_x = x;
      last_y = y;
      ++kept;
    }
    d += "Z";
  }
  return d;
}

int shade_class(int64_t count, int64_t largest) {
  if (count <= 0 || largest <= 0) return 0;
  // Classes by share of the largest count, on a square-root scale (counts are long-tailed).
  double share = std::sqrt(static_cast<double>(count) / static_cast<double>(largest));
  return std::clamp(static_cast<int>(std::ceil(share * 5)), 1, 5);
}

double radius_of(const Record& r) {
  return std::min(16.0, 3.0 + 1.3 * std::sqrt(static_cast<double>(r.fatalities.value_or(0))));
}

void write_legend(const Projection& p, int64_t largest, bool has_areas,
                  const analyze::AssessmentOptions& options, std::string& svg) {
  double x = 14, y = p.height() - 16;
  svg += fmt::format(
      "<g class=\"legend\" font-size=\"11\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" "
      "fill=\"white\" fill-opacity=\"0.85\" rx=\"3\"/>",
      x - 6, y - (has_areas ? 44 : 24), has_areas ? 250 : 200, has_areas ? 54 : 34);
  if (has_areas) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{} per province (largest {})</text>", x, y - 30,
                       options.units(), largest);
    for (int c = 1; c <= 5; ++c) {
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"10\" fill=\"{}\" stroke=\"#999\" "
          "stroke-width=\"0.5\"/>",
          x + (c - 1) * 24, y - 24, kShades[c]);
    }
  }
  svg += fmt::format(
      "<circle cx=\"{}\" cy=\"{}\" r=\"4\" class=\"pt\"/><text x=\"{}\" y=\"{}\">{} (size: "
      "fatalities)</text>",
      x + 4, y - 2, x + 12, y + 2, options.unit);
  svg += "</g>";
}

}  // namespace

std::string map_svg(const analyze::Assessment& a, const geo::Gazetteer* gazetteer,
                    const MapOptions& options) {
  std::vector<const Record*> located;
  std::set<std::string> countries;
  Box box;
  for (const Record* r : a.window_records) {
    if (!r->latitude || !r->longitude) continue;
    located.push_back(r);
    box.add(*r->longitude, *r->latitude);
    if (!r->country.empty()) countries.emplace(r->country);
    if (!r->origin_country.empty()) countries.emplace(r->origin_country);
    if (r->origin_latitude && r->origin_longitude)
      box.add(*r->origin_longitude, *r->origin_latitude);
  }
  if (located.empty()) return {};
  // The map frames the events, with room around them: at least 3 degrees, and a fifth more
  // on each side, so that a province's shape is seen around a single town.
  box.widen_to(3.0);
  box.grow(0.2);
  std::vector<uint32_t> areas;
  if (gazetteer) areas = areas_of(*gazetteer, box);
  const Projection p(box, options.width, options.max_height);

  std::map<uint32_t, int64_t> counts;
  if (gazetteer) {
    for (const Record* r : located) {
      uint32_t area = gazetteer->locate(*r->latitude, *r->longitude).admin1;
      if (area != geo::kNoFeature) ++counts[area];
    }
  }
  int64_t largest = 0;
  for (const auto& [area, n] : counts) largest = std::max(largest, n);

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"Map of the window's {}\"><defs><marker id=\"arrow\" "
      "viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
      "orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#1f4e79\"/></marker>"
      "</defs><rect width=\"100%\" height=\"100%\" fill=\"#dfe9f2\"/>",
      p.width(), p.height(), a.options.units());
  for (uint32_t id : areas) {
    auto it = counts.find(id);
    int64_t n = it == counts.end() ? 0 : it->second;
    const bool involved = countries.contains(std::string(gazetteer->feature(id).country_code()));
    svg += fmt::format(
        "<path d=\"{}\" fill=\"{}\" stroke=\"#8a8a8a\" stroke-width=\"0.6\"><title>{}, {}: {}"
        "</title></path>",
        area_path(*gazetteer, id, p),
        n > 0 || involved ? kShades[shade_class(n, largest)] : "#e4e2dd",
        detail::escape(gazetteer->name(id)), gazetteer->feature(id).country_code(),
        a.options.count(n));
  }
  for (const Record* r : located) {
    svg += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" class=\"pt\"><title>{} {}: {}{}"
        "</title></circle>",
        p.x(*r->longitude), p.y(*r->latitude), radius_of(*r), model::format_iso(r->day),
        detail::escape(r->location.empty() ? r->admin1 : r->location), r->fatalities.value_or(0),
        " killed");
  }
  for (const Record* r : located) {
    if (!r->origin_latitude || !r->origin_longitude) continue;
    if (r->origin_country.empty() || r->origin_country == r->country) continue;
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#1f4e79\" "
        "stroke-width=\"2.2\" marker-end=\"url(#arrow)\"><title>cross-border, {}: from {} into "
        "{}</title></line>",
        p.x(*r->origin_longitude), p.y(*r->origin_latitude), p.x(*r->longitude), p.y(*r->latitude),
        model::format_iso(r->day), detail::escape(r->origin_country), detail::escape(r->country));
  }
  write_legend(p, largest, !areas.empty(), a.options, svg);
  svg += "</svg>";
  return svg;
}

}  // namespace sitrep::report
