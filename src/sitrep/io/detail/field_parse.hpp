// Checked conversions of one field's text. Each returns the value, "absent" for an empty field,
// or a reason that names what was expected. Nothing is clamped or guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model/event.hpp"
#include "sitrep/result.hpp"

namespace sitrep::io::detail {

// A whole number >= 0, or absent. Accepts "12" and "12.0" (spreadsheet exports write counts as
// decimals); rejects "-3", "1.5", "12 dead".
Result<std::optional<int>> parse_count(std::string_view text, std::string_view what);

// Any whole number, or absent.
Result<std::optional<int>> parse_integer(std::string_view text);

// Decimal degrees within [-90, 90] (latitude) or [-180, 180] (longitude), or absent.
Result<std::optional<double>> parse_latitude(std::string_view text);
Result<std::optional<double>> parse_longitude(std::string_view text);

// "a; b; c" → actor references with the original strings (canonical names are resolved later).
std::vector<model::ActorRef> split_actor_list(std::string_view text, char separator = ';');

// Text with leading and trailing white space removed.
std::string_view trim(std::string_view text);

// Geo level from a mapping table cell ("1".."4"); unknown when empty.
model::GeoLevel parse_geo_level(std::string_view cell);

}  // namespace sitrep::io::detail
