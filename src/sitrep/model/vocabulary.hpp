// Everything sitrep knows about names and codes, loaded from the data/ directory.
//
// The data directory is found in this order: an explicit path (the CLI's --data-dir),
// $SITREP_DATA, `../share/sitrep` and `../data` next to the executable, then the source tree's
// data/ compiled in at build time.
#pragma once

#include <string>

#include "sitrep/model/actor_registry.hpp"
#include "sitrep/model/code_map.hpp"
#include "sitrep/model/country_table.hpp"
#include "sitrep/model/taxonomy.hpp"
#include "sitrep/result.hpp"

namespace sitrep::model {

struct Vocabulary {
  std::string data_dir;
  CountryTable countries;
  ActorRegistry actors;
  Taxonomy targets;
  Taxonomy weapons;
  CodeMap target_map;
  CodeMap weapon_map;
  CodeMap event_type_map;
  CodeMap geo_precision_map;

  static Result<Vocabulary> load(const std::string& data_dir);
};

// The first existing data directory in the search order above (`explicit_dir` may be empty).
std::string find_data_dir(const std::string& explicit_dir);

}  // namespace sitrep::model
