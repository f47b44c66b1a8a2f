// Builds a gazetteer image from its sources:
//   GeoNames place files      geonameid, name, asciiname, alternatenames, … (19 columns; the
//                             cities500/cities1000/allCountries dumps and country files AF.txt)
//   GeoNames alternateNames   extra names for the places already added
//   admin name tables         code → name (GeoNames admin1CodesASCII / admin2Codes, TSV)
//   polygon layers (GeoJSON)  admin1 or admin2 areas; properties say code, country, name,
//                             names and (districts) the admin1 code they belong to
//   the region table          named groups of admin1 areas (regions.tsv)
//   the country table         data/countries.tsv, for country names
//   the kind words            kind-words.tsv: "district", "ولسوالی", "район", "near", …
// Every reader reports a bad line or feature as "file:line: reason" and adds nothing from it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/geo/feature.hpp"
#include "sitrep/result.hpp"

namespace sitrep::geo {

class GazetteerBuilder {
 public:
  GazetteerBuilder();
  ~GazetteerBuilder();
  GazetteerBuilder(GazetteerBuilder&&) noexcept;
  GazetteerBuilder& operator=(GazetteerBuilder&&) noexcept;

  // GeoNames rows whose feature class is P (populated places) or A (admin seats); other
  // classes (rivers, mountains) are skipped unless `all_classes`. Returns rows added.
  Result<size_t> add_geonames(const std::string& path, bool all_classes = false);
  Result<size_t> add_alternate_names(const std::string& path);
  // level 1 or 2: code → name.
  Result<size_t> add_admin_names(const std::string& path, int level);
  // level 1 or 2; 0: decided per feature (a feature with an "admin1" property is a district).
  Result<size_t> add_polygons(const std::string& path, int level = 0);
  Result<size_t> add_regions(const std::string& path);
  Result<size_t> add_countries(const std::string& path);
  // Words that say what kind of place a phrase names (kind-words.tsv: word, role).
  Result<size_t> add_kind_words(const std::string& path);
  // More names for admin areas and places (names.tsv: code, name): an admin1 or admin2 code
  // ("PK.03", "PK.03.1234") or a GeoNames id. A code the other sources do not know is an error
  // when the gazetteer is finished, so that a mistyped code is not silently ignored.
  Result<size_t> add_names(const std::string& path);

  // Every source of a gazetteer directory, by file name: *.txt GeoNames, admin1.tsv,
  // admin2.tsv, *.geojson polygons, regions.tsv, kind-words.tsv, names.tsv; plus the countries
  // table.
  Status add_directory(const std::string& directory, const std::string& countries_table);

  // The image; `label` records what it was built from.
  Result<std::vector<uint64_t>> finish(const std::string& label, uint64_t source_hash);

  struct Sources;

 private:
  std::unique_ptr<Sources> sources_;
};

}  // namespace sitrep::geo
