// What the places a report names say about each other, before any is looked up.
//
// The geocoder weighs each name by the report's other places (geo/geocoder.hpp): an area that
// holds a candidate, a town near it. Two of the ways reports put names side by side say more
// than that, and two say less:
//
//   - A name followed at once by the area that holds it ("в уезде Карабаг провинции Газни",
//     "ولسوالی نهر سراج ولایت هلمند", "Khanabad district of Kunduz province", and Pashto's
//     province first: "د هلمند ولایت د ګرمسیر ولسوالۍ") is looked up inside that area, as if
//     written "Qarabagh district, Ghazni province": Ghazni's Qarabagh, not Kabul's.
//   - Two names joined by a dash ("the Kabul-Kandahar highway", "трассу Душанбе — Хорог") are
//     the ends of a road: not where the event was, and no help in placing the others.
#pragma once

#include <string_view>
#include <vector>

#include "sitrep/extract/place_finder.hpp"
#include "sitrep/geo/geocoder.hpp"

namespace sitrep::extract {

// Whether places[i] (places in text order) is joined to its neighbour by one dash.
bool end_of_a_route(std::string_view text, const std::vector<PlaceSpan>& places, size_t i);

// Every place of a report resolved with the others as its context, as described above.
std::vector<geo::Resolution> resolve_in_context(const geo::Geocoder& geocoder,
                                                std::string_view text,
                                                const std::vector<PlaceSpan>& places);

}  // namespace sitrep::extract
