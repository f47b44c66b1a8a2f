// A lexicon table of words with a kind and a value (data/lexicon/dates.tsv, numbers.tsv …),
// looked up by the lower-cased word as the tokenizer gives it (extract/tokens.hpp).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/result.hpp"

namespace sitrep::extract {

class WordTable {
 public:
  struct Entry {
    std::string kind;
    std::string value;
  };

  // Reads a TSV with the columns word, kind and value (others, such as language, are notes).
  // A word with a space in it is an error naming the file and line: it could never match.
  static Result<WordTable> load(const std::string& path);

  // The entry of this kind for the word, or nullptr.
  const Entry* find(std::string_view lower, std::string_view kind) const;
  // Every entry of the word (nullptr when none): for readers that ask a word for many kinds.
  const std::vector<Entry>* entries(std::string_view lower) const;
  static const Entry* of_kind(const std::vector<Entry>* entries, std::string_view kind);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<Entry>, Hash, std::equal_to<>> entries_;
};

}  // namespace sitrep::extract
