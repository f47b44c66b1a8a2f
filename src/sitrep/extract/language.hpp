// The language of a report, from its script and its function words.
//
// The script decides first (Latin, Cyrillic, Arabic). Within a script, letters only some
// languages use decide next:
//   Pashto  ټ ډ ړ ږ ښ ګ ڼ ۍ ې
//   Urdu    ٹ ڈ ڑ ے ں ھ
//   Arabic  ة ى, and none of پ چ ژ گ
//   Tajik   ҳ ӣ ӯ қ ғ ҷ
//   Uzbek   ў
// Frequent function words (data/lexicon/stopwords.tsv) decide the rest: English or Uzbek in
// Latin; Russian, Tajik or Uzbek in Cyrillic; Dari/Persian, Pashto, Urdu or Arabic in Arabic
// script. The answer carries a confidence, and "und" when nothing was recognised.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/result.hpp"

namespace sitrep::extract {

struct LanguageGuess {
  std::string code = "und";  // en, ru, tg, uz, fa, ps, ur, ar, or und
  std::string script;        // Latn, Cyrl, Arab, or empty
  double confidence = 0;     // 0..1
};

class LanguageDetector {
 public:
  // Reads <data_dir>/lexicon/stopwords.tsv.
  static Result<LanguageDetector> load(const std::string& data_dir);

  LanguageGuess detect(std::string_view utf8) const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> languages_of_word_;
};

}  // namespace sitrep::extract
