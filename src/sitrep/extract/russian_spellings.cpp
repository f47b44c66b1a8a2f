#include "sitrep/extract/russian_spellings.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sitrep::extract {
namespace {

bool vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Letter groups first, longest first; then single letters.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kGroups = {{
    {"kh", "х"},
    {"ch", "ч"},
    {"sh", "ш"},
    {"zh", "ж"},
    {"gh", "г"},
    {"ts", "ц"},
    {"ya", "я"},
    {"yu", "ю"},
    {"ee", "и"},
    {"oo", "у"},
    {"ck", "к"},
    {"ph", "ф"},
}};

std::string_view single_letter(char c) {
  switch (c) {
    case 'a':
      return "а";
    case 'b':
      return "б";
    case 'c':
      return "к";
    case 'd':
      return "д";
    case 'e':
      return "е";
    case 'f':
      return "ф";
    case 'g':
      return "г";
    case 'h':
      return "х";
    case 'i':
      return "и";
    case 'j':
      return "дж";
    case 'k':
      return "к";
    case 'l':
      return "л";
    case 'm':
      return "м";
    case 'n':
      return "н";
    case 'o':
      return "о";
    case 'p':
      return "п";
    case 'q':
      return "к";
    case 'r':
      return "р";
    case 's':
      return "с";
    case 't':
      return "т";
    case 'u':
      return "у";
    case 'v':
      return "в";
    case 'w':
      return "в";
    case 'x':
      return "кс";
    case 'z':
      return "з";
    default:
      return "";
  }
}

// One word, lower-case ASCII letters only.
std::string transliterate_word(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size();) {
    if (i == 0 && w[0] == 'e') {  // "Eshkashem": Эшкашем
      out += "э";
      ++i;
      continue;
    }
    if (w[i] == 'y') {  // a semivowel after a vowel ("Panjwayi"), else a vowel ("Tyre")
      bool after_vowel = i > 0 && vowel(w[i - 1]);
      bool before_vowel = i + 1 < w.size() && vowel(w[i + 1]);
      if (!after_vowel && before_vowel && (w[i + 1] == 'a' || w[i + 1] == 'u')) {
        // handled by the groups below ("ya", "yu")
      } else {
        out += after_vowel || i == 0 ? "й" : "и";
        ++i;
        continue;
      }
    }
    bool matched = false;
    for (const auto& [latin, cyrillic] : kGroups) {
      if (w.substr(i, latin.size()) == latin) {
        out += cyrillic;
        i += latin.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    out += single_letter(w[i]);
    ++i;
  }
  return out;
}

}  // namespace

std::vector<std::string> russian_spellings(std::string_view ascii_name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : ascii_name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') {
      word += c;
    } else if (c == ' ' || c == '-') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else if (c != '\'') {
      return {};
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.empty()) return {};
  std::vector<std::string> cyrillic;
  for (const std::string& w : words) cyrillic.push_back(transliterate_word(w));
  auto joined = [&](std::string_view separator) {
    std::string out = cyrillic[0];
    for (size_t k = 1; k < cyrillic.size(); ++k) out += std::string(separator) + cyrillic[k];
    return out;
  };
  std::vector<std::string> out = {joined(" ")};
  if (cyrillic.size() > 1) {
    out.push_back(joined(""));
    out.push_back(joined("-"));
  }
  return out;
}

}  // namespace sitrep::extract
