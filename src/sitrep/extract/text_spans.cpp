#include "sitrep/extract/text_spans.hpp"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace sitrep::extract {

size_t letter_count(std::string_view text) {
  size_t count = 0;
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    count += c >= 0 && u_isalpha(c) ? 1 : 0;
  }
  return count;
}

size_t character_count(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

bool spaces_only(std::string_view text, size_t from, size_t to) {
  return from <= to &&
         text.substr(from, to - from).find_first_not_of(' ') == std::string_view::npos;
}

bool has_comma(std::string_view text) {
  return text.find(',') != std::string_view::npos || text.find("،") != std::string_view::npos;
}

bool spaces_or_commas(std::string_view text) {
  constexpr std::string_view kArabicComma = "،";
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == ',') {
      ++i;
    } else if (text.substr(i, kArabicComma.size()) == kArabicComma) {
      i += kArabicComma.size();
    } else {
      return false;
    }
  }
  return true;
}

bool only_a_dash(std::string_view text) {
  auto trimmed = [](std::string_view t) {
    size_t b = t.find_first_not_of(' '), e = t.find_last_not_of(' ');
    return b == std::string_view::npos ? std::string_view{} : t.substr(b, e - b + 1);
  };
  std::string_view dash = trimmed(text);
  return dash == "-" || dash == "–" || dash == "—";
}

}  // namespace sitrep::extract
