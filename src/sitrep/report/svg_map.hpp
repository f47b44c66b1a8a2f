// The brief's map, as inline SVG: the admin-1 areas of the countries the window's events lie
// in, shaded by their count of events (a choropleth in five classes), the events as points sized
// by fatalities, and cross-border attacks as arrows from origin to target.
//
// Areas come from the gazetteer's polygons (the bundled one or the store's), simplified to the
// map's resolution; events are counted in the area their coordinates fall in. Without a
// gazetteer, or for countries it has no polygons for, the map shows the points alone. The
// projection is equirectangular around the mean latitude: faithful enough at a country's scale.
#pragma once

#include <string>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/geo/gazetteer.hpp"

namespace sitrep::report {

struct MapOptions {
  int width = 860;
  int max_height = 620;
};

// An empty string when no window event has coordinates.
std::string map_svg(const analyze::Assessment& assessment, const geo::Gazetteer* gazetteer,
                    const MapOptions& options = {});

}  // namespace sitrep::report
