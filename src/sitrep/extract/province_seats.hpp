// "Taliban commander killed in Herat": when a report names a province by its seat's name.
//
// Most Afghan provinces share their name with their seat (Herat, Kandahar, Kunduz, Ghazni), and
// a lookup of the bare name means the town: that is what the geocoder answers. An event report is
// another matter. One that meant the town mostly says so ("the city of Herat", "Kandahar city",
// "в городе Кундуз", "شهر هرات"), and one about anywhere in the province is written the same
// way: of the town answers more than 50 km from UCDP's point among the real headlines it cites
// for Afghanistan in 2020, 22 of 24 were such names (bench/README.md). So the extractor reads one
// as the province, standing at its seat as every province-wide answer does (geo/geocoder.hpp): the
// point is the same, and the precision no longer claims the town. The national capital keeps its
// town: "in Kabul" is the city. A name in Arabic script ("په غزني کې") is matched to its
// province through the geocoder's answers, since the gazetteer spells provinces in Latin
// letters; doing the same for every script cost admin1 elsewhere (bench/README.md).
#pragma once

#include <vector>

#include "sitrep/extract/place_finder.hpp"
#include "sitrep/extract/tokens.hpp"
#include "sitrep/geo/geocoder.hpp"

namespace sitrep::extract {

// True when `answer`, the geocoder's reading of `span`, is a town (or its district) that names its
// own province, written bare: no kind word in the phrase, and no town word just before it ("city
// of", "города"; the kind words with role "place" in data/gazetteer/kind-words.tsv).
bool says_only_the_province(const geo::Gazetteer& gazetteer, const std::vector<Token>& tokens,
                            const PlaceSpan& span, const geo::Resolution& answer);

}  // namespace sitrep::extract
