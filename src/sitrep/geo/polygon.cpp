#include "sitrep/geo/polygon.hpp"

#include <algorithm>
#include <cmath>

namespace sitrep::geo {
namespace {

double signed_area(const std::vector<Vertex>& ring) {
  double a = 0;
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    a += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
  }
  return a / 2;
}

Vertex centroid(const std::vector<Vertex>& ring) {
  double a = signed_area(ring), x = 0, y = 0;
  if (std::abs(a) < 1e-15) return ring.empty() ? Vertex{} : ring[0];
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    double cross = ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
    x += (ring[i].lon + ring[i + 1].lon) * cross;
    y += (ring[i].lat + ring[i + 1].lat) * cross;
  }
  return {x / (6 * a), y / (6 * a)};
}

}  // namespace

bool rings_contain(std::span<const std::vector<Vertex>> rings, double lon, double lat) {
  bool inside = false;
  for (const auto& ring : rings) {
    for (size_t v = 0; v + 1 < ring.size(); ++v) {
      if (crosses(ring[v], ring[v + 1], lon, lat)) inside = !inside;
    }
  }
  return inside;
}

Vertex interior_point(std::span<const std::vector<Vertex>> rings) {
  if (rings.empty()) return {};
  const auto& largest = *std::max_element(rings.begin(), rings.end(), [](auto& a, auto& b) {
    return std::abs(signed_area(a)) < std::abs(signed_area(b));
  });
  Vertex c = centroid(largest);
  if (rings_contain(rings, c.lon, c.lat)) return c;
  // Where the parallel through c crosses the rings, sorted: inside between odd and even ones.
  std::vector<double> xs;
  for (const auto& ring : rings) {
    for (size_t v = 0; v + 1 < ring.size(); ++v) {
      const Vertex &a = ring[v], &b = ring[v + 1];
      if ((a.lat > c.lat) != (b.lat > c.lat)) {
        xs.push_back(a.lon + (c.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat));
      }
    }
  }
  std::sort(xs.begin(), xs.end());
  double best = -1;
  Vertex out = largest.empty() ? Vertex{} : largest[0];
  for (size_t i = 0; i + 1 < xs.size(); i += 2) {
    if (xs[i + 1] - xs[i] > best) {
      best = xs[i + 1] - xs[i];
      out = {(xs[i] + xs[i + 1]) / 2, c.lat};
    }
  }
  return out;
}

}  // namespace sitrep::geo
