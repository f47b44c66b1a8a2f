#include "sitrep/extract/sentences.hpp"

#include <array>
#include <cctype>
#include <string>

namespace sitrep::extract {
namespace {

constexpr std::array<std::string_view, 20> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "gen", "lt",   "col", "maj", "capt", "sgt",
    "st", "no",  "vs", "jr", "sr",  "prof", "gov", "rep", "sen",  "brig"};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Whether the word ending right before `dot` is an abbreviation or a single letter ("U.S.").
bool abbreviation_before(std::string_view text, size_t dot) {
  size_t start = dot;
  while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
  size_t length = dot - start;
  if (length == 0) return false;
  if (length == 1) return true;
  std::string word;
  for (size_t i = start; i < dot; ++i) {
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  }
  for (std::string_view a : kAbbreviations) {
    if (word == a) return true;
  }
  return false;
}

// The length of a sentence-ending mark at i (0: none).
size_t end_mark(std::string_view text, size_t i) {
  char c = text[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  for (std::string_view mark : {"\u061F", "\u06D4", "\u0964"}) {  // ؟ ۔ ।
    if (text.substr(i, mark.size()) == mark) return mark.size();
  }
  return 0;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<Sentence> out;
  auto emit = [&](size_t begin, size_t end) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (end > begin) out.push_back({begin, end});
  };
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
      emit(start, i);
      start = i + 1;
      continue;
    }
    size_t mark = end_mark(text, i);
    if (mark == 0) continue;
    size_t after = i + mark;
    while (after < text.size() && (text[after] == '"' || text[after] == '\'' ||
                                   text[after] == ')' || text[after] == '.')) {
      ++after;
    }
    if (after < text.size() && !is_space(text[after])) continue;  // "3.5", "example.com"
    if (text[i] == '.' && abbreviation_before(text, i)) continue;
    emit(start, after);
    start = after;
    i = after > 0 ? after - 1 : 0;
  }
  emit(start, text.size());
  return out;
}

}  // namespace sitrep::extract
