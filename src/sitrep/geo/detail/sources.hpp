// The gazetteer's sources as the builder gathers them, before they are packed into an image.
// Shared by gazetteer_builder.cpp (reading sources) and gazetteer_packing.cpp (finish); nothing
// outside the geo module includes it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sitrep/geo/feature.hpp"
#include "sitrep/geo/gazetteer_builder.hpp"

namespace sitrep::geo {

struct SourcePlace {
  uint32_t geonameid = 0;
  std::string name;
  std::vector<std::string> names;
  double lat = 0, lon = 0;
  char feature_class = 0;
  std::string feature_code;
  std::string country;
  std::string admin1_code;  // "AF.26"
  std::string admin2_code;  // "AF.26.1212"
  uint32_t population = 0;
};

struct SourceArea {
  int level = 1;
  std::string code;  // GeoNames code, when known
  std::string country;
  std::string name;
  std::vector<std::string> names;
  std::string admin1_code;  // districts: their province
  std::vector<std::vector<Vertex>> rings;
};

struct SourceRegion {
  std::string key;
  std::vector<std::string> names;
  std::string country;
  std::vector<std::string> members;  // admin1 codes
  bool border = false;
};

struct SourceCountry {
  std::string iso2;
  std::string iso3;
  std::string name;
  std::vector<std::string> names;
};

struct SourceWord {
  std::string word;
  uint8_t role = 0;  // WordRole
  bool before = false;
  bool either = false;  // before or after the name
};

struct GazetteerBuilder::Sources {
  std::vector<SourcePlace> places;
  std::map<uint32_t, size_t> place_of_geonameid;
  std::map<std::string, std::string> admin1_names, admin2_names;  // code → name
  std::vector<SourceArea> areas;
  std::vector<SourceRegion> regions;
  std::map<std::string, SourceCountry> countries;  // by ISO2
  std::vector<SourceWord> kind_words;
  struct ExtraName {
    std::string code, name, where;  // where: file:line, for errors
  };
  std::vector<ExtraName> extra_names;  // names.tsv
};

}  // namespace sitrep::geo
