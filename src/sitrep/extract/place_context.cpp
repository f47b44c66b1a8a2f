#include "sitrep/extract/place_context.hpp"

#include <optional>

#include "sitrep/extract/text_spans.hpp"
#include "sitrep/geo/place_phrase.hpp"

namespace sitrep::extract {
namespace {

// What may stand between a name and the area that holds it: nothing but spaces, a comma, "of",
// Pashto's "د" (of).
bool joins_a_name_to_its_area(std::string_view gap) {
  if (spaces_or_commas(gap)) return true;
  for (std::string_view word : {" of ", " د "}) {
    if (gap == word) return true;
  }
  return false;
}

// Of two neighbouring places, the index of the one that is the area holding the other, if
// their kind words say so: a province beside a district or town ("… ولسوالی … ولایت …"), or a
// bare name after a district or town named as such ("Maiwand district of Kandahar").
std::optional<size_t> holding_area(const geo::Gazetteer& g, const std::vector<PlaceSpan>& places,
                                   size_t first) {
  geo::Hint a = geo::parse_phrase(g, places[first].phrase).hint;
  geo::Hint b = geo::parse_phrase(g, places[first + 1].phrase).hint;
  auto held = [](geo::Hint h) {
    return h == geo::Hint::admin2 || h == geo::Hint::place || h == geo::Hint::none;
  };
  if (b == geo::Hint::admin1 && held(a)) return first + 1;
  if (a == geo::Hint::admin1 && (b == geo::Hint::admin2 || b == geo::Hint::place)) return first;
  if ((a == geo::Hint::admin2 || a == geo::Hint::place) && b == geo::Hint::none) return first + 1;
  return std::nullopt;
}

}  // namespace

bool end_of_a_route(std::string_view text, const std::vector<PlaceSpan>& places, size_t i) {
  auto dash_between = [&](const PlaceSpan& a, const PlaceSpan& b) {
    return a.end <= b.begin && only_a_dash(text.substr(a.end, b.begin - a.end));
  };
  return (i > 0 && dash_between(places[i - 1], places[i])) ||
         (i + 1 < places.size() && dash_between(places[i], places[i + 1]));
}

std::vector<geo::Resolution> resolve_in_context(const geo::Geocoder& geocoder,
                                                std::string_view text,
                                                const std::vector<PlaceSpan>& places) {
  const geo::Gazetteer& g = geocoder.gazetteer();
  std::vector<std::string> phrases;
  std::vector<bool> route;
  for (size_t i = 0; i < places.size(); ++i) {
    phrases.push_back(places[i].phrase);
    route.push_back(end_of_a_route(text, places, i));
  }
  for (size_t i = 0; i + 1 < places.size(); ++i) {
    const PlaceSpan &a = places[i], &b = places[i + 1];
    if (a.end > b.begin || !joins_a_name_to_its_area(text.substr(a.end, b.begin - a.end))) continue;
    std::optional<size_t> area = holding_area(g, places, i);
    if (!area) continue;
    size_t held = *area == i ? i + 1 : i;
    if (phrases[held].find(',') == std::string::npos) {
      phrases[held] = places[held].phrase + ", " + places[*area].phrase;
    }
  }
  std::vector<geo::Resolution> out;
  for (size_t i = 0; i < places.size(); ++i) {
    geo::PlaceContext context;
    for (size_t j = 0; j < places.size(); ++j) {
      if (j != i && !route[j]) context.nearby.push_back(places[j].phrase);
    }
    out.push_back(geocoder.resolve(phrases[i], context));
  }
  return out;
}

}  // namespace sitrep::extract
