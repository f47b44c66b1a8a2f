// The words of a text worth comparing between reports of one incident: names and rare words.
//
// A text is cut into tokens at ASCII punctuation and spaces; tokens are ASCII case-folded (other
// scripts are kept as they are) and kept when they are at least four bytes long, not all digits,
// and not in the list of common words (data/fusion-common-words.tsv). keep_rare_words then drops
// the words that many of the records being fused share: what is left tells incidents apart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/result.hpp"

namespace sitrep::fuse {

// Puts words in the order word comparisons expect (by symbol number, which is cheap to compare)
// and drops repeats.
void sort_words(std::vector<Symbol>& words);
// The words as text, in text order (for output that must not depend on interning order).
std::vector<std::string> words_text(const std::vector<Symbol>& words);

class WordFilter {
 public:
  WordFilter() = default;
  static Result<WordFilter> load(const std::string& path);

  // The text's distinct kept words (in sort_words' order).
  std::vector<Symbol> words(std::string_view text) const;

 private:
  // By symbol number: a word is interned once, then looked up here by its number.
  std::vector<bool> common_;
};

// Drops from every record the words found in more than `max_share` of the records (and in at
// least `min_records` of them, so that a handful of records keeps its words), and weighs the
// rest by their rarity: 1 / the records with the word. A name only the reports of one incident
// give weighs more than the name of the town every report from there gives.
void keep_rare_words(std::vector<FusionRecord>& records, double max_share = 0.02,
                     size_t min_records = 20);

}  // namespace sitrep::fuse
