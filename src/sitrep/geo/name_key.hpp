// Place names as match keys: every spelling of a place in a report meets its gazetteer names
// on one of two keys.
//
//   folded    the name in one canonical spelling. Unicode NFKC with case folded and diacritics
//             dropped; Cyrillic transliterated to Latin (BGN/PCGN: Ш → sh, Х → kh, Ж → zh);
//             Arabic-script letter variants unified (ي/ى/ے → ی, ك → ک, ة/ۀ/ہ/ھ → ه, أ/إ/آ → ا;
//             tatweel, zero-width joiners and harakat removed); Latin romanisation variants
//             unified: the ezafe connector ("Mazar-i-Sharif", "Mazar-e Sharif", "Mazari Sharif"
//             → mazarsharif), q → k, ou/oo → u, ee → i, dh → z, doubled letters, trailing -ah →
//             -a; separators dropped.
//   skeleton  the consonants, in Latin, from either script: "Mazar-i-Sharif", "Мазари-Шариф"
//             and "مزار شریف" all give mzrsrf. Vowels are not written in Arabic script, so a
//             Latin spelling meets an Arabic-script one only here. Lossy by design: a skeleton
//             match ranks below a folded one.
//
// Both keys are pure functions of the text: the gazetteer computes them for every name it
// holds when it is built, the geocoder for every name it is asked about.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::geo {

struct NameKeys {
  std::string folded;
  std::string skeleton;
};

// Keys of names in other scripts than ASCII are remembered per thread (ICU makes them dear).
NameKeys name_keys(std::string_view utf8);
// Forgets this thread's remembered keys: for benchmarks that time names not seen before.
void forget_remembered_name_keys();
// The folded key alone (cheaper when the skeleton is not needed).
std::string folded_key(std::string_view utf8);

// The folded text with word breaks kept (single spaces): for reading words such as "district"
// or "northern" out of a phrase.
std::string folded_words(std::string_view utf8);

}  // namespace sitrep::geo
