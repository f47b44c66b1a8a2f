// Every lexicon phrase in a text, in one pass: an Aho–Corasick automaton over the whole lexicon
// (actors, triggers, weapons, targets … — never a loop of regexes).
//
// Text and phrases are compared in a normal form: Unicode case folding, diacritics and other
// combining marks dropped, tatweel and zero-width joiners removed, and the Arabic-script letter
// variants unified (ي/ى/ی, ك/ک, ة/ه, أ/إ/آ/ا). So "Taliban", "TALIBAN" and "Tālibān" are one
// phrase, and so are طالبان written with Arabic or Persian letters. Russian "й" stays a letter.
// Russian words are cut to their Snowball stems (russian_stems.hpp), so that one phrase matches
// every case ("на самодельном взрывном устройстве" is "самодельное взрывное устройство"); words
// of three letters or fewer, and those whose stem would be shorter, stay whole and are marked as
// such, so that they never meet another word's stem. A phrase matches only as whole words; the
// matches carry byte offsets into the original text, and one that ends at a stem ends at its word's
// end. A phrase that ends in a star matches the beginning of a word and spans the whole word
// ("qo'lga ol*": "qo‘lga olindi", "qo‘lga olingan"), for the languages that add endings where
// Russian has a stemmer (Uzbek, Tajik); three letters at least come before the star
// (prefix_phrase).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::extract {

struct PhraseMatch {
  size_t begin = 0;  // byte offsets into the original text: [begin, end)
  size_t end = 0;
  uint32_t phrase = 0;  // the id given to add()
};

// The normal form, and for each of its bytes the offset of the original byte it came from.
struct NormalText {
  std::string text;
  std::vector<uint32_t> source;  // size text.size() + 1 (the last: the original's end)
};
NormalText normalize_for_matching(std::string_view utf8);

// A phrase that ends in a star and has at least kPrefixLetters letters before it: it matches
// the beginning of a word. A shorter one would meet too many words; the star is then a letter.
constexpr int kPrefixLetters = 3;
bool prefix_phrase(std::string_view phrase);

class PhraseMatcher {
 public:
  // Adds a phrase with an id (several phrases may share one). Call build() after the last.
  void add(std::string_view phrase, uint32_t id);
  void build();

  // Every whole-word occurrence, by start then length; overlapping ones included (a caller
  // that wants the longest keeps it: longest_matches()).
  std::vector<PhraseMatch> find(std::string_view text) const;
  // The same with the text's normal form already made (several matchers over one text).
  std::vector<PhraseMatch> find(std::string_view text, const NormalText& normal) const;
  size_t phrase_count() const { return outputs_count_; }

 private:
  struct State {
    std::vector<std::pair<uint8_t, uint32_t>> next;  // sorted by byte
    uint32_t fail = 0;
    uint32_t output_link = 0;  // the nearest state down the fail chain with outputs (0: none)
    struct Output {
      uint32_t phrase;  // the id given to add()
      uint32_t length;  // in bytes of the normal form
      bool prefix;      // ends in a star: need not end a word
    };
    std::vector<Output> outputs;
  };
  uint32_t step(uint32_t state, uint8_t byte) const;
  uint32_t child(uint32_t state, uint8_t byte) const;

  std::vector<State> states_{State{}};
  std::array<uint32_t, 256> root_{};  // the root's transitions, by byte
  void build_table();
  // 40 MB: the bundled gazetteer's names (62,000 states × 130 byte classes) fit
  static constexpr size_t kMaxTableEntries = size_t{10} << 20;
  std::array<uint8_t, 256> class_of_{};  // byte → class (0: no phrase uses it)
  size_t classes_ = 1;
  std::vector<uint32_t> table_;  // state × class → state, when small enough
  size_t outputs_count_ = 0;
  bool built_ = false;
};

// Of overlapping matches, the longest (then the earliest): "Islamic State Khorasan Province"
// over "Islamic State".
std::vector<PhraseMatch> longest_matches(std::vector<PhraseMatch> matches);

}  // namespace sitrep::extract
