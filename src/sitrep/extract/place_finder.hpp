// Place names in report text: every name the gazetteer knows (towns, districts, provinces,
// countries, regions, in all their spellings and scripts), found in one pass, with the kind word
// beside it ("Khost province", "ولسوالی خوگیانی", "Шахритусский район") kept in the phrase so the
// geocoder can read it.
//
// In Latin and Cyrillic text a name must be capitalised as written ("Bar" the village is not
// "bar"); a name that is a frequent word of the language (data/lexicon/stopwords.tsv) is a place
// only with a kind word ("چوکۍ ولسوالۍ"), and a lexicon phrase is not one ("Kabul" stays a
// place; "Now" does not). Arabic script has no
// capitals, so there only the word lists guard. Russian inflects names ("из Афганистана", "по
// Кулябу", "в Бухаре"): each Cyrillic name is also found with the common case endings, and the
// phrase handed to the geocoder has the name as the gazetteer spells it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sitrep/extract/phrase_matcher.hpp"
#include "sitrep/extract/tokens.hpp"
#include "sitrep/geo/gazetteer.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

struct PlaceSpan {
  size_t begin = 0, end = 0;            // the phrase, kind word included
  size_t name_begin = 0, name_end = 0;  // the name alone
  std::string phrase;                   // for the geocoder: the phrase with the name uninflected
};

// The forms a Russian noun takes in the oblique cases, for a name's last word ("Куляб" →
// "Куляба", "Кулябу", "Кулябе", "Кулябом"; "Бухара" → "Бухары", "Бухаре", …); none for other
// scripts.
std::vector<std::string> russian_case_forms(std::string_view name);

// A Tajik word without the object ending a name takes beside its kind word ("вилояти
// Кундузро ба даст гирифтанд", took Kunduz province); the word itself when it has none. (The
// ezafe "-и", "вилояти Тахори Афғонистон", was tried too: it cost places on the held-out set.)
std::string_view tajik_stem(std::string_view word);

class PlaceFinder {
 public:
  // Reads the gazetteer's names; a name that is one of `common_words` (folded) is a place only
  // with a kind word beside it.
  PlaceFinder(std::shared_ptr<const geo::Gazetteer> gazetteer,
              const std::vector<std::string>& common_words);

  std::vector<PlaceSpan> find(std::string_view text) const;
  // The same with the text's normal form and tokens already made.
  std::vector<PlaceSpan> find(std::string_view text, const NormalText& normal,
                              const std::vector<Token>& tokens) const;
  size_t name_count() const { return matcher_.phrase_count(); }

 private:
  std::shared_ptr<const geo::Gazetteer> gazetteer_;
  bool has_kind_word_beside(std::string_view text, const std::vector<Token>& tokens,
                            const PhraseMatch& m) const;
  // A capitalised word that a district or province word marks as a place ("Maiwand district",
  // "ноҳияи Дарқад") but that no name of the gazetteer spells so: kept when the gazetteer's
  // similar-name tiers (gazetteer.hpp) find an area of that kind (one letter off: only in a
  // province of the places `found`), and handed to the geocoder as written, with its kind word.
  void add_names_marked_by_kind_words(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<PhraseMatch>& found,
                                      std::vector<PlaceSpan>& out) const;

  // The provinces of the places a report names, worked out when first asked for.
  using NamedProvinces = std::function<const std::unordered_set<uint32_t>&()>;
  // The name as it names an area of `kind` (see add_names_marked_by_kind_words): `written`, or
  // its Tajik stem (tajik_stem); none when neither does.
  std::optional<std::string_view> known_area(std::string_view written, geo::FeatureKind kind,
                                             bool caseless,
                                             const NamedProvinces& named_provinces) const;

  std::unordered_set<std::string> common_words_;  // normal forms (normalize_for_matching)
  std::vector<std::string> names_;     // by matcher id: the name as the gazetteer spells it
  std::vector<bool> needs_kind_word_;  // by matcher id: the name is also a common word
  std::vector<bool> region_name_;      // by matcher id: a region's name ("southern afghanistan")
  PhraseMatcher matcher_;
};

}  // namespace sitrep::extract
