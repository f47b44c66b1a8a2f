// The thresholds and weights of fusion, from data/fusion.tsv (key, value, note): plain data an
// analyst can review and tune without recompiling.
#pragma once

#include <string>

#include "sitrep/result.hpp"

namespace sitrep::fuse {

struct FusionRules {
  int max_days_apart = 1;  // day-precision records this many days apart may match
  double point_km = 25;    // places known to the town match within this distance
  double weight_place = 3, weight_date = 2, weight_casualties = 1, weight_target = 2,
         weight_words = 5;
  double weight_doubt = 0;   // a part scoring 0 in every pair: how much evidence a merge needs
  double merge_score = 0.6;  // pairs scoring at least this are merged

  // Reads the table; every key must be known and every value a number in its range. Keys not
  // in the file keep the defaults above.
  static Result<FusionRules> load(const std::string& path);
};

}  // namespace sitrep::fuse
