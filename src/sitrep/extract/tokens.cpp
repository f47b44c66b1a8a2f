#include "sitrep/extract/tokens.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>
#include <charconv>

namespace sitrep::extract {

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  Token current;
  bool in_word = false;
  auto close = [&](size_t at) {
    if (!in_word) return;
    current.end = at;
    // A number, possibly with an ordinal suffix: 18, 18th, 1st, 18-го; Pashto ۱۸مه, Dari ۱۸م.
    size_t d = 0;
    while (d < current.lower.size() && std::isdigit(static_cast<unsigned char>(current.lower[d])))
      ++d;
    std::string_view rest = std::string_view(current.lower).substr(d);
    if (d > 0 && d <= 4 &&
        (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th" ||
         rest == "го" || rest == "е" || rest == "مه" || rest == "م")) {
      std::from_chars(current.lower.data(), current.lower.data() + d, current.number);
      current.digits = static_cast<int>(d);
    }
    out.push_back(std::move(current));
    current = Token();
    in_word = false;
  };
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    bool part_of_word = c >= 0 && (u_isalnum(c) || c == 0x200C);
    if (part_of_word) {
      if (!in_word) {
        in_word = true;
        current.begin = static_cast<size_t>(start);
      }
      if (c == 0x200C) {
        current.lower += "\u200C";
      } else if (u_isdigit(c)) {
        current.lower += static_cast<char>('0' + u_charDigitValue(c));  // ۱۸ and ١٨ are 18
      } else {
        icu::UnicodeString(u_tolower(c)).toUTF8String(current.lower);
      }
    } else {
      close(static_cast<size_t>(start));
    }
  }
  close(text.size());
  return out;
}

}  // namespace sitrep::extract
