// Casualty counts in report text: how many were killed and how many injured, as a low and a
// high, from digits and words.
//
//   "killed 31 people"                 killed 31..31
//   "at least 31 were killed"          killed 31..(open)
//   "more than 60 dead"                killed 61..(open)
//   "dozens were wounded"              injured 24..99
//   "two dozen soldiers died"          killed 24..24
//   "31-36 killed", "up to 40 dead"    killed 31..36, killed 0..40
//   "погибли не менее 12 человек"      killed 12..(open)
//   "۱۲ نفر کشته شدند"                  killed 12..12
//   "a teacher was shot dead"          killed 1..1   (one person: a determiner and "was")
//   "Mullah Karim was killed"          killed 1..1   (or a capital opening the clause)
//   "no one was killed"                no count
//   "no fewer than 12 were killed"     killed 12..(open)
//   "killing him and his driver"       killed 2..2
//   "92 Taliban, 15 police killed"     killed 107..107
//   "killing two policemen and three civilians"   killed 5..5
//   "A policeman and two civilians were killed"   killed 3..3
//   "A mother and her three children were killed" killed 4..4
//   "Mother, 3 children killed" (a headline)     killed 4..4
//
// A count is a qualifier (at least, more than, about, up to), a number (digits, "1,200", words,
// "twenty-five", "two dozen", "a hundred") or a vague quantity ("dozens", "several"), then a
// killed or injured word within a few words after it; or such a word right before it
// ("killing 12"). Counts listed together, each with the words it counts and joined by a comma
// or "and", are one count of their sum when one verb follows or precedes the list; a count
// followed by a verb of its own is not in the list ("killed 5 soldiers and 2 police were
// wounded"), nor is a date ("on 18 April, 12 were killed"). The words are data
// (data/lexicon/numbers.tsv; the months of data/lexicon/dates.tsv).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/extract/tokens.hpp"
#include "sitrep/extract/word_table.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

struct CasualtyMention {
  enum class Kind { killed, injured };
  Kind kind = Kind::killed;
  int low = 0;
  std::optional<int> high;  // none: open ("at least 31")
  size_t begin = 0;         // byte span of the count and its word
  size_t end = 0;
};

class CasualtyReader {
 public:
  static Result<CasualtyReader> load(const std::string& data_dir);
  std::vector<CasualtyMention> find(std::string_view text) const;
  std::vector<CasualtyMention> find(std::string_view text, const std::vector<Token>& tokens) const;

 private:
  WordTable words_;
  WordTable dates_;  // months: "18 April, 12 people were killed" lists no count of April
};

}  // namespace sitrep::extract
