#include "sitrep/extract/province_seats.hpp"

#include <algorithm>

#include "sitrep/geo/name_key.hpp"

namespace sitrep::extract {
namespace {

bool names_a_province_by_its_seat(const geo::Gazetteer& g, const geo::Resolution& answer) {
  if (!answer.found || answer.admin1 == geo::kNoFeature) return false;
  if (answer.precision != geo::Precision::point && answer.precision != geo::Precision::admin2)
    return false;
  // A kind word or context in the phrase ("Kandahar city", "Maiwand, Kandahar") says more.
  if (geo::folded_key(answer.text) != geo::folded_key(answer.name)) return false;
  const geo::Feature& best = g.feature(answer.best.feature);
  if (best.code_of_feature() == "PPLC") return false;
  auto province = geo::folded_key(g.name(answer.admin1));
  if (geo::folded_key(answer.name) == province ||
      geo::folded_key(answer.best.matched_name) == province) {
    return true;
  }
  // In Arabic script, where the gazetteer spells provinces in Latin letters ("غزني"): the seat
  // itself, with its province among the answers to the same name, or a town whose own name is
  // its province's ("بغلان", Baghlan's namesake town, not its seat).
  if (!geo::in_arabic_script(answer.name)) return false;
  if (geo::folded_key(g.name(answer.best.feature)) == province) return true;
  return best.code_of_feature() == "PPLA" &&
         std::any_of(answer.runners_up.begin(), answer.runners_up.end(),
                     [&](const geo::Candidate& c) { return c.feature == answer.admin1; });
}

// "the northern city of Kunduz", "в городе Кундуз": a town word among the two words before the
// name, leading words ("of", "the") not counted.
bool told_as_a_town(const geo::Gazetteer& g, const std::vector<Token>& tokens,
                    const PlaceSpan& span) {
  auto first = std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                                [](const Token& t, size_t b) { return t.end <= b; });
  int words = 0;
  for (auto t = first; t != tokens.begin() && words < 2;) {
    --t;
    geo::WordRole role = g.word_info(t->lower).role;
    if (role == geo::WordRole::place) return true;
    if (role != geo::WordRole::leading) ++words;
  }
  return false;
}

}  // namespace

bool says_only_the_province(const geo::Gazetteer& gazetteer, const std::vector<Token>& tokens,
                            const PlaceSpan& span, const geo::Resolution& answer) {
  return names_a_province_by_its_seat(gazetteer, answer) &&
         !told_as_a_town(gazetteer, tokens, span);
}

}  // namespace sitrep::extract
