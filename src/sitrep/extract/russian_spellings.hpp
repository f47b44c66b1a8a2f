// How Russian-language media spell the region's place names that the gazetteer has only in
// Latin letters.
//
// GeoNames and geoBoundaries give most Afghan and Pakistani districts in English romanisation
// only ("Chahar Dara", "Panjwayi", "Nahrin"), while TASS, RIA Novosti or Asia-Plus write them in
// Cyrillic by sound ("в уезде Чахардара", "Панджвайи", "Нахрин"). The place finder adds these
// spellings for the names of districts and provinces so that a Russian report finds them; the
// geocoder still receives the gazetteer's own name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::extract {

// The Cyrillic spellings of a name written in ASCII letters, lower case: letter by letter by
// the English-to-Russian conventions ("kh" х, "ch" ч, "sh" ш, "zh" ж, "gh" г, "j" дж, "q" к,
// "w" в, "ee" и, "oo" у, "y" й after a vowel, a word-initial "e" э), and for a name of several
// words also run together and hyphenated ("Chahar Dara": "чахар дара", "чахардара",
// "чахар-дара"). Empty when the name has anything but letters, spaces, hyphens or apostrophes.
std::vector<std::string> russian_spellings(std::string_view ascii_name);

}  // namespace sitrep::extract
