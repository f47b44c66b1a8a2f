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

// The Russian letters of each Latin one, a to z.
constexpr std::array<std::string_view, 26> kSingle = {"а",  "б", "к", "д", "е", "ф",  "г", "х", "и",
                                                      "дж", "к", "л", "м", "н", "о",  "п", "к", "р",
                                                      "с",  "т", "у", "в", "в", "кс", "й", "з"};

// One word, lower-case ASCII letters only.
std::string transliterate_word(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size();) {
    if (i == 0 && w[0] == 'e') {  // "Eshkashem": Эшкашем
      out += "э";
      ++i;
      continue;
    }
    // "y": a semivowel after a vowel ("Panjwayi") or first, else a vowel ("Tyre"); before "a"
    // or "u" it is one of the groups below ("ya", "yu")
    bool after_vowel = i > 0 && vowel(w[i - 1]);
    bool before_a_or_u = i + 1 < w.size() && (w[i + 1] == 'a' || w[i + 1] == 'u');
    if (w[i] == 'y' && (after_vowel || !before_a_or_u)) {
      out += after_vowel || i == 0 ? "й" : "и";
      ++i;
      continue;
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
    if (w[i] >= 'a' && w[i] <= 'z') out += kSingle[static_cast<size_t>(w[i] - 'a')];
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
