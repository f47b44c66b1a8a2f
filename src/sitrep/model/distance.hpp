// Great-circle distance on a spherical Earth, the one formula every `near:` test uses.
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sitrep::model {

// Mean Earth radius (IUGG), in kilometres.
inline constexpr double kEarthRadiusKm = 6371.0088;

// Haversine distance in km between two points given in degrees. The SQL path (the store's
// sitrep_distance_km function) and the columnar index both call this, so a `near:` filter selects
// the same events through either.
inline double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = std::numbers::pi / 180.0;
  lat1 *= kRadians;
  lon1 *= kRadians;
  lat2 *= kRadians;
  lon2 *= kRadians;
  double a = std::pow(std::sin((lat2 - lat1) / 2), 2) +
             std::cos(lat1) * std::cos(lat2) * std::pow(std::sin((lon2 - lon1) / 2), 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

// Half the side, in degrees of latitude, of the band that surely holds every point within
// `radius_km` of a centre (a degree of latitude is about 111.2 km; 111 errs on the wide side).
inline double latitude_band_degrees(double radius_km) {
  return radius_km / 111.0;
}

// The initial bearing, in degrees clockwise from north (0..360), from the first point to the
// second along the great circle.
inline double bearing_degrees(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = std::numbers::pi / 180.0;
  double phi1 = lat1 * kRadians, phi2 = lat2 * kRadians, dlon = (lon2 - lon1) * kRadians;
  double y = std::sin(dlon) * std::cos(phi2);
  double x = std::cos(phi1) * std::sin(phi2) - std::sin(phi1) * std::cos(phi2) * std::cos(dlon);
  double bearing = std::atan2(y, x) / kRadians;
  return bearing < 0 ? bearing + 360 : bearing;
}

// The nearest of the eight compass points to a bearing: "north", "north-east", ...
inline const char* compass_point(double bearing) {
  static const char* const kPoints[] = {"north", "north-east", "east", "south-east",
                                        "south", "south-west", "west", "north-west"};
  int sector = static_cast<int>(std::floor((bearing + 22.5) / 45.0)) % 8;
  return kPoints[sector < 0 ? sector + 8 : sector];
}

}  // namespace sitrep::model
