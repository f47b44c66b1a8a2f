// What a gazetteer holds: features (places and areas), each with a representative point, its
// country and the admin areas it lies in, and for areas the rings of their polygons.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep::geo {

inline constexpr uint32_t kNoFeature = UINT32_MAX;

enum class FeatureKind : uint8_t {
  place = 0,    // a GeoNames row: a town, a village, a district seat
  country = 1,  // a country (its point: the mean of its admin1 label points)
  admin1 = 2,   // a province, region or oblast, with its polygon
  admin2 = 3,   // a district, with its polygon
  region = 4,   // a named group of admin1 areas: "northern Afghanistan", a border zone
};

std::string_view kind_name(FeatureKind kind);

// How precisely a resolved name locates an event: a point, or the area it names.
enum class Precision : uint8_t { point, admin2, admin1, border, region, country };
std::string_view precision_name(Precision p);
Precision precision_of(FeatureKind kind, bool border_zone);

// The fixed-size record of one feature, stored as is in the gazetteer file.
struct Feature {
  uint32_t geonameid = 0;  // 0: not a GeoNames row
  int32_t lat_e7 = 0;      // representative point, 1e-7 degrees
  int32_t lon_e7 = 0;
  uint32_t population = 0;
  uint32_t name = 0;  // string id of the display name
  uint32_t code = 0;  // string id of the code: "AF.26", "AF.26.1212", a region key; 0: none
  uint32_t admin1 = kNoFeature;  // the admin1 area it lies in (itself for an admin1)
  uint32_t admin2 = kNoFeature;  // the admin2 area it lies in (itself for an admin2)
  uint32_t rings_begin = 0;      // polygon rings [begin, end) of an area; regions: members
  uint32_t rings_end = 0;
  char country[2] = {0, 0};  // ISO 3166-1 alpha-2
  char feature_class = 0;    // GeoNames feature class (P, A, …)
  FeatureKind kind = FeatureKind::place;
  char feature_code[8] = {};  // GeoNames feature code (PPLA, PPLA2, ADM2, …)
  uint8_t border_zone = 0;    // a region that is a border zone
  uint8_t has_districts = 0;  // an admin1 that district polygons name as their province
  uint8_t coarse_point = 0;   // a district without shape or places: its point is its province's
  uint8_t reserved[9] = {};

  double latitude() const { return lat_e7 / 1e7; }
  double longitude() const { return lon_e7 / 1e7; }
  std::string_view country_code() const { return {country, country[0] ? 2u : 0u}; }
  std::string_view code_of_feature() const {
    size_t n = 0;
    while (n < sizeof feature_code && feature_code[n]) ++n;
    return {feature_code, n};
  }
};
static_assert(sizeof(Feature) == 64);

// One ring of a polygon: vertices [begin, end) of the vertex array, closed (first == last).
// Outer rings and holes alike: a point is inside an area when it crosses an odd number of its
// rings' edges.
struct Ring {
  uint32_t begin = 0;
  uint32_t end = 0;
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

// An area's edges by band of latitude: band k holds every edge whose latitude range meets
// [base + k * step, base + (k + 1) * step], so a point's crossings are counted over the few edges
// of its band, not over every edge of the polygon.
struct AreaBands {
  double base = 0;       // latitude of band 0
  uint32_t offsets = 0;  // index into the band offsets of band 0
  uint32_t count = 0;    // bands (0: not an area with a polygon)
};

struct Vertex {
  double lon = 0;
  double lat = 0;
};

}  // namespace sitrep::geo
