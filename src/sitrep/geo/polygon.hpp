// Polygon arithmetic on lon/lat vertices, as the gazetteer stores them: containment by ray
// casting (even-odd over all rings, so holes and multipolygons need no special case), and a
// point guaranteed to lie inside an area for its label.
#pragma once

#include <span>
#include <vector>

#include "sitrep/geo/feature.hpp"

namespace sitrep::geo {

// Does the ray east of (lon, lat) cross the edge a-b? Edges are half-open in latitude, so a
// point level with a vertex counts one crossing, not two, and a point on a border shared by two
// areas lies in exactly one of them.
//
// The crossing is computed from the lower endpoint whichever way the edge runs: two areas that
// share an edge traverse it in opposite directions, and must round it the same way.
inline bool crosses(const Vertex& a, const Vertex& b, double lon, double lat) {
  if ((a.lat > lat) == (b.lat > lat)) return false;
  const Vertex& low = a.lat < b.lat ? a : b;
  const Vertex& high = a.lat < b.lat ? b : a;
  double at = low.lon + (lat - low.lat) * (high.lon - low.lon) / (high.lat - low.lat);
  return lon < at;
}

// Even-odd containment over closed rings (first vertex == last).
bool rings_contain(std::span<const std::vector<Vertex>> rings, double lon, double lat);

// A point inside the area: on the parallel through the largest ring's centroid, the middle of
// the widest stretch that lies inside (a centroid alone can fall outside a concave district).
Vertex interior_point(std::span<const std::vector<Vertex>> rings);

}  // namespace sitrep::geo
