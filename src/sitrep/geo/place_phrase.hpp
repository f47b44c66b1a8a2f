// A place phrase as a report writes it, read into the name to look up, what kind of place the
// text says it is, and the context written with it:
//
//   "Khwaja Ghar District, Takhar Province"  name "Khwaja Ghar", hint admin2, context
//                                            {"Takhar Province"}
//   "Muqur district (Badghis)"               name "Muqur", hint admin2, context {"Badghis"}
//   "ولسوالی خوگیانی"                         name "خوگیانی", hint admin2
//   "near Kunduz"                            name "Kunduz"
//   "the Afghan-Uzbek border"                name "Afghan-Uzbek", hint border, whole
//                                            "Afghan-Uzbek border" (a region's own name)
//
// Kind words and leading words are data (data/gazetteer/kind-words.tsv, through the
// gazetteer): at most one kind word comes off each end, and only when a name remains. Commas
// (also the Arabic comma) and parentheses separate context; no-break spaces are spaces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/geo/gazetteer.hpp"

namespace sitrep::geo {

// What a kind word says the name is.
enum class Hint { none, place, admin2, admin1, border };

struct Phrase {
  std::string name;   // the name part, as written
  std::string whole;  // the name with its kind words ("afghan-uzbek border")
  Hint hint = Hint::none;
  std::vector<std::string> context;  // after commas, in parentheses
};

Phrase parse_phrase(const Gazetteer& gazetteer, std::string_view text);

}  // namespace sitrep::geo
