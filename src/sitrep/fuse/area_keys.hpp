// Areas' names as match keys: a dataset's "Nahr-e Saraj" and the gazetteer's "Nahri Sarraj" are
// one district, "Helmand Province" and "Helmand" one province. Names are folded as the geocoder
// folds them (geo::folded_key), without a trailing "province" or "district"; records keep their
// names as written for display, and compare these keys (FusionRecord::province(), district()).
#pragma once

#include <vector>

#include "sitrep/fuse/fusion_record.hpp"

namespace sitrep::fuse {

// Sets every record's area keys (each distinct name folded once).
void key_areas(std::vector<FusionRecord>& records);

}  // namespace sitrep::fuse
