// Words of report text as the extractors read them: runs of letters and digits, lower-cased,
// with their byte spans; digits of any script read as numbers (۱۸ and ١٨ are 18), ordinals too
// (18th, 1st).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::extract {

struct Token {
  size_t begin = 0, end = 0;  // byte offsets in the text: [begin, end)
  std::string lower;
  int number = -1;  // the value of a number ("18", "18th"), else -1
  int digits = 0;
};

std::vector<Token> tokenize(std::string_view text);

}  // namespace sitrep::extract
