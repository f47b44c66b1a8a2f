// Dates in report text, resolved against the publication date:
//
//   "on Monday"                  the last Monday on or before publication      (day)
//   "yesterday", "вчера"         publication minus one day                     (day)
//   "on April 18", "18 апреля"   that day, in the year that puts it on or before publication
//                                (a report of 3 January about "December 28" means last year)
//   "18 April 2022", "2022-04-18" that day                                     (day)
//   "in March", "March 2021"     the month                                     (month)
//   "in mid-January", "early December 2021"  days 1-10, 11-20 or 21-end        (week)
//   "last week|month|year"       the calendar week, month or year before publication
//   "in 2021"                    the year                                      (year)
//   "۱۸ ثور ۱۴۰۱", "18 Saur", "1401/2/18"  a Solar Hijri day (Afghan and Iranian month names,
//                                Dari, Pashto and Latin), in the year given or the latest one
//                                on or before publication; "ثور ۱۴۰۱" the month
//
// Words are data (data/lexicon/dates.tsv: English, Russian and Dari month and weekday names,
// relative words). A month name needs a number, a "mid-"/"early"/"late" or an "in" beside it
// ("may" is also a verb). Every mention keeps the byte span of its words.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/extract/tokens.hpp"
#include "sitrep/extract/word_table.hpp"
#include "sitrep/model/date.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

struct DateMention {
  size_t begin = 0;  // byte offsets in the text: [begin, end)
  size_t end = 0;
  model::DateSpan span;
};

class DateReader {
 public:
  // Reads <data_dir>/lexicon/dates.tsv.
  static Result<DateReader> load(const std::string& data_dir);

  std::vector<DateMention> find(std::string_view text, model::Day published) const;
  std::vector<DateMention> find(std::string_view text, model::Day published,
                                const std::vector<Token>& tokens) const;

 private:
  WordTable words_;  // kinds: month, weekday, relative, period, part, year-word
};

}  // namespace sitrep::extract
