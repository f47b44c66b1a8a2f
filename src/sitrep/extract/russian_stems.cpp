#include "sitrep/extract/russian_stems.hpp"

#include <libstemmer.h>
#include <unicode/utf8.h>

namespace sitrep::extract {
namespace {

// A Snowball stemmer is not safe to share between threads: one per thread, made on first use.
class ThreadStemmer {
 public:
  ThreadStemmer() : stemmer_(sb_stemmer_new("russian", "UTF_8")) {}
  ~ThreadStemmer() { sb_stemmer_delete(stemmer_); }
  ThreadStemmer(const ThreadStemmer&) = delete;
  ThreadStemmer& operator=(const ThreadStemmer&) = delete;

  std::string_view stem(std::string_view word) {
    if (!stemmer_) return word;
    const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
    if (!s) return word;  // out of memory: the word as it is
    return {reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer_))};
  }

 private:
  sb_stemmer* stemmer_;
};

}  // namespace

bool russian_letter(char32_t c) {
  return (c >= U'а' && c <= U'я') || (c >= U'А' && c <= U'Я') || c == U'ё' || c == U'Ё';
}

size_t russian_stem_length(std::string_view word) {
  thread_local ThreadStemmer stemmer;
  std::string_view stem = stemmer.stem(word);
  // Snowball's Russian stemmer only takes endings off; a stem that is not a prefix (it never
  // should be) leaves the word whole, so offsets into the text stay right.
  return word.starts_with(stem) ? stem.size() : word.size();
}

bool russian_word(std::string_view word) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto size = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < size;) {
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    if (c < 0 || !russian_letter(static_cast<char32_t>(c))) return false;
  }
  return !word.empty();
}

std::string_view russian_ending(std::string_view word) {
  if (!russian_word(word)) return {};
  return word.substr(russian_stem_length(word));
}

bool russian_instrumental_plural(std::string_view word) {
  if (!russian_word(word)) return false;
  for (std::string_view ending : {"ами", "ями", "ими", "ыми"}) {
    if (word.size() > ending.size() + 2 && word.ends_with(ending)) return true;
  }
  return false;
}

bool russian_passive_participle(std::string_view word) {
  if (!russian_word(word)) return false;
  // Full forms: "-нн-" or "-т-" before an adjective's ending ("прикреплённой", "убитые");
  // short forms: "-н", "-т" and their endings ("атакован", "убиты", "ранена").
  for (std::string_view ending :
       {"нный", "нная", "нное", "нные", "нной", "нного", "нных", "нным", "нными", "тый", "тая",
        "тое",  "тые",  "того", "тых",  "ван",  "вана",  "ваны", "ян",   "яна",   "яны", "ен",
        "ена",  "ены",  "ён",   "ёна",  "ёны",  "ит",    "ита",  "иты",  "ут",    "ута", "уты"}) {
    if (word.size() > ending.size() + 2 && word.ends_with(ending)) return true;
  }
  return false;
}

}  // namespace sitrep::extract
