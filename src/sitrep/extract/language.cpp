#include "sitrep/extract/language.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::extract {
namespace {

enum class Script { latin, cyrillic, arabic, other };

Script script_of(UChar32 c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F)) {
    return Script::latin;
  }
  if (c >= 0x400 && c <= 0x4FF) return Script::cyrillic;
  if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) ||
      (c >= 0xFE70 && c <= 0xFEFF)) {
    return Script::arabic;
  }
  return Script::other;
}

bool in(UChar32 c, std::initializer_list<UChar32> letters) {
  return std::find(letters.begin(), letters.end(), c) != letters.end();
}

// Letters only some languages of a script write: each one seen is strong evidence.
struct LetterEvidence {
  int pashto = 0, urdu = 0, arabic = 0, persian = 0, tajik = 0, uzbek = 0;

  void see(UChar32 c) {
    if (in(c, {0x67C, 0x689, 0x693, 0x696, 0x69A, 0x6AB, 0x6BC, 0x6CD, 0x6D0})) ++pashto;
    if (in(c, {0x679, 0x688, 0x691, 0x6D2, 0x6BA, 0x6BE})) ++urdu;
    if (in(c, {0x629, 0x649})) ++arabic;
    if (in(c, {0x67E, 0x686, 0x698, 0x6AF})) ++persian;
    if (in(c,
           {0x4B3, 0x4B2, 0x4E3, 0x4E2, 0x4EF, 0x4EE, 0x49B, 0x49A, 0x493, 0x492, 0x4B7, 0x4B6})) {
      ++tajik;  // ҳ ӣ ӯ қ ғ ҷ (қ ғ ҳ are Uzbek Cyrillic too: ў below tells those apart)
    }
    if (in(c, {0x45E, 0x40E})) ++uzbek;
  }
};

}  // namespace

Result<LanguageDetector> LanguageDetector::load(const std::string& data_dir) {
  auto table = model::read_tsv(data_dir + "/lexicon/stopwords.tsv", {"language", "word"});
  if (!table) return std::move(table).take_error();
  LanguageDetector d;
  int language = table->column("language"), word = table->column("word");
  for (const model::TsvRow& row : table->rows) {
    d.languages_of_word_[row.cells[static_cast<size_t>(word)]].push_back(
        row.cells[static_cast<size_t>(language)]);
  }
  return d;
}

LanguageGuess LanguageDetector::detect(std::string_view text) const {
  std::array<int, 4> letters{};
  LetterEvidence evidence;
  std::map<std::string, int> hits;
  std::string word;
  int words = 0;
  auto end_word = [&] {
    if (word.empty()) return;
    ++words;
    if (auto it = languages_of_word_.find(word); it != languages_of_word_.end()) {
      for (const std::string& language : it->second) ++hits[language];
    }
    word.clear();
  };
  int32_t i = 0, n = static_cast<int32_t>(std::min<size_t>(text.size(), 1 << 20));
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c < 0) {
      end_word();
      continue;
    }
    if (u_isalpha(c) || c == 0x2018 || c == 0x2BB || (c >= 0x64B && c <= 0x65F)) {
      ++letters[static_cast<size_t>(script_of(c))];
      evidence.see(c);
      icu::UnicodeString(u_tolower(c)).toUTF8String(word);
    } else if (c == 0x200C && !word.empty()) {
      // Zero-width non-joiner: inside a Persian word ("می‌شود"), not a break.
    } else {
      end_word();
    }
  }
  end_word();
  LanguageGuess out;
  int total = letters[0] + letters[1] + letters[2];
  if (total == 0) return out;
  auto script =
      static_cast<Script>(std::max_element(letters.begin(), letters.begin() + 3) - letters.begin());
  std::vector<std::pair<std::string, double>> scores;
  auto score = [&](const char* code, double letter_points) {
    scores.emplace_back(code, hits[code] + letter_points);
  };
  switch (script) {
    case Script::latin:
      out.script = "Latn";
      score("en", 0);
      score("uz", 0);
      break;
    case Script::cyrillic:
      out.script = "Cyrl";
      score("ru", 0);
      score("tg", evidence.uzbek > 0 ? 0 : 2.0 * evidence.tajik);
      score("uz", 3.0 * evidence.uzbek);
      break;
    case Script::arabic:
      out.script = "Arab";
      score("fa", evidence.persian > 0 && evidence.pashto == 0 && evidence.urdu == 0 ? 1 : 0);
      score("ps", 3.0 * evidence.pashto);
      score("ur", 3.0 * evidence.urdu);
      score("ar", evidence.persian == 0 ? 2.0 * evidence.arabic : 0);
      break;
    case Script::other:
      return out;
  }
  std::sort(scores.begin(), scores.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  double sum = 0;
  for (const auto& [code, s] : scores) sum += s;
  if (scores[0].second <= 0) {
    out.confidence = 0;
    return out;  // a script, but no word or letter of any language it knows
  }
  out.code = scores[0].first;
  // The share of the evidence, lowered for texts too short to say much.
  out.confidence = scores[0].second / sum * std::min(1.0, words / 8.0);
  return out;
}

}  // namespace sitrep::extract
