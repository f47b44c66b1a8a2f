// Russian words cut to their stems, so that one lexicon row matches every case of a word.
//
// Russian inflects nouns, adjectives and verbs: a report writes "на самодельном взрывном
// устройстве" where the lexicon says "самодельное взрывное устройство", and "шиитами",
// "шиитов", "шииты" for one community. Rather than list every form, the matcher's normal form
// (phrase_matcher.hpp) cuts each Russian word to its Snowball stem (libstemmer, the stemmer of
// Lucene, Xapian and PostgreSQL's full-text search), on the text and on the lexicon alike:
// "устройстве" and "устройство" are both "устройств".
#pragma once

#include <string>
#include <string_view>

namespace sitrep::extract {

// The length in bytes of the stem of `word`, a lower-case word of Russian letters in UTF-8 (а-я,
// ё; the caller checks); the whole word when its stem is not a prefix of it.
size_t russian_stem_length(std::string_view word);

// Whether `c` (a code point) is one of the 33 letters of the Russian alphabet.
bool russian_letter(char32_t c);

// Whether `word` (UTF-8) is one or more Russian letters and nothing else.
bool russian_word(std::string_view word);

// The ending Snowball takes off a lower-case Russian word: "у" of "главу", "ого" of
// "полицейского"; empty when it takes none or the word is not Russian.
std::string_view russian_ending(std::string_view word);

// Whether a lower-case Russian word is a noun or adjective in the instrumental plural, by its
// ending ("талибами", "боевиками", "неизвестными"): the case of a passive's agent ("убиты
// талибами", killed by the Taliban).
bool russian_instrumental_plural(std::string_view word);

// Whether a lower-case Russian word looks like a passive participle, full or short, by its
// ending: "прикреплённой", "убиты", "атакован", "обстрелян". A guess from the ending, for a word
// right before an agent in the instrumental.
bool russian_passive_participle(std::string_view word);

}  // namespace sitrep::extract
