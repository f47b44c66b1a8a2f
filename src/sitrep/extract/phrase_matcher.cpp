#include "sitrep/extract/phrase_matcher.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <deque>

#include "sitrep/extract/russian_stems.hpp"
#include "sitrep/extract/text_spans.hpp"
#include "sitrep/model/arabic_letters.hpp"

namespace sitrep::extract {
namespace {

bool dropped(UChar32 c) {
  return c == 0x0640 || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF ||
         u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_ENCLOSING_MARK;
}

// The marks Uzbek writes its o‘ and g‘ with, and that typing turns apostrophes into: one ASCII
// apostrophe, so that "qo‘lga", "qoʻlga", "qo’lga" and "qo'lga" are one word to the lexicon.
bool apostrophe(UChar32 c) {
  return c == 0x2018 || c == 0x2019 || c == 0x02BB || c == 0x02BC || c == 0x00B4;
}

// Follows a Russian word kept whole because its stem would be too short (stem_russian_words);
// no text has it, and it counts as part of the word, so that a phrase ending in a stem cannot end
// just before it.
constexpr char kWholeWordMark = '\x1F';

// A byte of the normal text that starts a letter or digit (a word character).
bool word_char_at(const std::string& text, size_t i) {
  if (i >= text.size()) return false;
  if (text[i] == kWholeWordMark) return true;
  int32_t at = static_cast<int32_t>(i), n = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at, n, c);
  return c >= 0 && u_isalnum(c);
}

bool word_char_before(const std::string& text, size_t i) {
  if (i == 0) return false;
  if (text[i - 1] == kWholeWordMark) return true;
  int32_t at = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, at, c);
  return c >= 0 && u_isalnum(c);
}

// Cuts every word of Russian letters in `normal` to its stem (russian_stems.hpp), in place. A
// kept byte keeps its source; the cut endings go, and a match ending at a stem is stretched to
// its word's end when found (PhraseMatcher::find).
void stem_russian_words(NormalText& normal) {
  const std::string& t = normal.text;
  // Russian letters are two bytes that start with 0xD0 or 0xD1: without one, nothing to do
  if (t.find_first_of("\xD0\xD1") == std::string::npos) return;
  auto letter_at = [&](size_t i, size_t& length) {
    int32_t k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), k, static_cast<int32_t>(t.size()), c);
    length = static_cast<size_t>(k) - i;
    return c >= 0 && russian_letter(static_cast<char32_t>(c));
  };
  std::string text;
  std::vector<uint32_t> source;
  auto keep = [&](size_t from, size_t to) {  // bytes [from, to) of `t` as they are
    text.append(t, from, to - from);
    source.insert(source.end(), normal.source.begin() + static_cast<std::ptrdiff_t>(from),
                  normal.source.begin() + static_cast<std::ptrdiff_t>(to));
  };
  size_t i = 0;
  bool stemmed = false;
  while (i < t.size()) {
    size_t length = 0;
    if (!letter_at(i, length) || word_char_before(t, i)) {
      keep(i, i + 1);
      ++i;
      continue;
    }
    size_t end = i;
    while (end < t.size() && letter_at(end, length)) end += length;
    if (end < t.size() && word_char_at(t, end)) {  // a word mixing scripts: as it is
      keep(i, end);
      i = end;
      continue;
    }
    // A word of three letters or fewer stays whole, and so does one whose stem would be shorter
    // than three (Snowball cuts "боев", of battles, to "бо", Tajik's "with"). Both are marked as
    // whole words, so that they never meet a longer word's stem: "суд" (court) is not "судья"
    // (judge, stem "суд"), Tajik "дар" (in) is not "Дара", "боев" is not "боевой" (stem "боев").
    constexpr size_t kShortest = 3 * 2;  // bytes: three Cyrillic letters
    size_t stem = end - i;
    bool marked = stem <= kShortest;
    if (!marked) {
      stem = russian_stem_length(std::string_view(t).substr(i, end - i));
      if (stem < kShortest) {
        stem = end - i;
        marked = true;
      }
    }
    stemmed = stemmed || stem < end - i || marked;
    keep(i, i + stem);
    if (marked) {
      text += kWholeWordMark;
      source.push_back(normal.source[end - 1]);  // a match ending here ends with the word
    }
    i = end;
  }
  if (!stemmed) return;
  source.push_back(normal.source.back());
  normal.text = std::move(text);
  normal.source = std::move(source);
}

// A match that ends at a Russian stem ends where its word does: "устройстве", not "устройств";
// "Рӯдакӣ" (Tajik letters and marks are part of the word too). A match that ended at its word's
// end stays as it is.
size_t word_end(std::string_view text, size_t at) {
  int32_t i = static_cast<int32_t>(at), n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t next = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), next, n, c);
    if (c < 0 || !(u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK)) break;
    i = next;
  }
  return static_cast<size_t>(i);
}

}  // namespace

NormalText normalize_for_matching(std::string_view utf8) {
  NormalText out;
  out.text.reserve(utf8.size());
  out.source.reserve(utf8.size() + 1);
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c < 0x80) {  // ASCII, most of most reports: lower case is the whole of it
      out.text += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      out.source.push_back(static_cast<uint32_t>(start));
      continue;
    }
    if (apostrophe(c)) {
      out.text += '\'';
      out.source.push_back(static_cast<uint32_t>(start));
      continue;
    }
    // Russian "й" is a letter of its own, not "и" with a mark: the stemmer needs it ("северный"
    // and "северном" share the stem "северн" only if "ый" stays an ending).
    if (c == 0x0419 || c == 0x0439) {
      out.text += "й";
      out.source.insert(out.source.end(), 2, static_cast<uint32_t>(start));
      continue;
    }
    // Decompose to drop the marks of precomposed letters (ā → a), then fold case.
    icu::UnicodeString piece(c);
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposed = c < 0x80 ? piece : nfd->normalize(piece, status);
    for (int32_t k = 0; k < decomposed.length(); k = decomposed.moveIndex32(k, 1)) {
      UChar32 d = decomposed.char32At(k);
      if (dropped(d)) continue;
      d = static_cast<UChar32>(
          model::unify_arabic_letter(static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT))));
      size_t before = out.text.size();
      if (d < 0x80) {
        out.text += static_cast<char>(d);
      } else {
        icu::UnicodeString(d).toUTF8String(out.text);
      }
      out.source.insert(out.source.end(), out.text.size() - before, static_cast<uint32_t>(start));
    }
  }
  out.source.push_back(static_cast<uint32_t>(utf8.size()));
  stem_russian_words(out);
  return out;
}

bool prefix_phrase(std::string_view phrase) {
  return phrase.ends_with('*') &&
         letter_count(phrase.substr(0, phrase.size() - 1)) >= static_cast<size_t>(kPrefixLetters);
}

void PhraseMatcher::add(std::string_view phrase, uint32_t id) {
  // "ushla*": any word that begins so. The star comes off before the normal form is made, and
  // the last word, however short, is not marked as kept whole ("qo'lga ol*").
  bool prefix = prefix_phrase(phrase);
  if (prefix) phrase.remove_suffix(1);
  std::string key = normalize_for_matching(phrase).text;
  if (prefix && !key.empty() && key.back() == kWholeWordMark) key.pop_back();
  if (key.empty()) return;
  uint32_t state = 0;
  for (unsigned char b : key) {
    uint32_t next = child(state, b);
    if (next == 0) {
      next = static_cast<uint32_t>(states_.size());
      auto& edges = states_[state].next;
      edges.insert(std::upper_bound(edges.begin(), edges.end(), std::make_pair(b, 0u),
                                    [](const auto& x, const auto& y) { return x.first < y.first; }),
                   {b, next});
      states_.emplace_back();
    }
    state = next;
  }
  states_[state].outputs.push_back({id, static_cast<uint32_t>(key.size()), prefix});
  ++outputs_count_;
  built_ = false;
}

uint32_t PhraseMatcher::child(uint32_t state, uint8_t byte) const {
  const auto& edges = states_[state].next;
  auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                             [](const auto& e, uint8_t b) { return e.first < b; });
  return it != edges.end() && it->first == byte ? it->second : 0;
}

void PhraseMatcher::build() {
  // Breadth first: a state's fail link is the longest proper suffix of its path in the trie.
  std::deque<uint32_t> queue;
  for (auto [byte, s] : states_[0].next) {
    states_[s].fail = 0;
    queue.push_back(s);
  }
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop_front();
    for (auto [byte, t] : states_[s].next) {
      uint32_t f = states_[s].fail;
      while (f != 0 && child(f, byte) == 0) f = states_[f].fail;
      uint32_t target = child(f, byte);
      states_[t].fail = target == t ? 0 : target;
      uint32_t fail = states_[t].fail;
      states_[t].output_link = states_[fail].outputs.empty() ? states_[fail].output_link : fail;
      queue.push_back(t);
    }
  }
  // Most bytes of a text lead back to the root: its transitions are a table, not a search.
  for (unsigned b = 0; b < 256; ++b) root_[b] = child(0, static_cast<uint8_t>(b));
  build_table();
  built_ = true;
}

// A complete transition table (a DFA) when it stays small: bytes that no phrase uses share
// one class, and every state's move on every class is looked up, not searched and failed
// back along. A matcher too large for it (a worldwide gazetteer's names) keeps the trie and its
// fail links.
void PhraseMatcher::build_table() {
  class_of_.fill(0);
  classes_ = 1;
  for (const State& st : states_) {
    for (auto [byte, next] : st.next) {
      if (class_of_[byte] == 0) class_of_[byte] = static_cast<uint8_t>(classes_++);
    }
  }
  if (classes_ > 255 || states_.size() * classes_ > kMaxTableEntries) return;
  table_.assign(states_.size() * classes_, 0);
  std::vector<uint8_t> byte_of(classes_, 0);
  for (unsigned b = 0; b < 256; ++b) byte_of[class_of_[b]] = static_cast<uint8_t>(b);
  // Breadth first, so that a state's fail state has its row already.
  std::deque<uint32_t> queue = {0};
  std::vector<bool> seen(states_.size(), false);
  seen[0] = true;
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop_front();
    for (size_t c = 1; c < classes_; ++c) {
      uint32_t next = child(s, byte_of[c]);
      table_[s * classes_ + c] =
          next != 0 ? next : (s == 0 ? 0 : table_[states_[s].fail * classes_ + c]);
    }
    for (auto [byte, t] : states_[s].next) {
      if (!seen[t]) {
        seen[t] = true;
        queue.push_back(t);
      }
    }
  }
}

uint32_t PhraseMatcher::step(uint32_t state, uint8_t byte) const {
  if (!table_.empty()) return table_[state * classes_ + class_of_[byte]];
  while (true) {
    if (state == 0) return root_[byte];
    if (uint32_t next = child(state, byte); next != 0) return next;
    if (state == 0) return 0;
    state = states_[state].fail;
  }
}

std::vector<PhraseMatch> PhraseMatcher::find(std::string_view text) const {
  if (!built_ || states_.size() == 1) return {};
  return find(text, normalize_for_matching(text));
}

std::vector<PhraseMatch> PhraseMatcher::find(std::string_view text,
                                             const NormalText& normal) const {
  std::vector<PhraseMatch> out;
  if (!built_ || states_.size() == 1) return out;
  const std::string& t = normal.text;
  uint32_t state = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    state = step(state, static_cast<uint8_t>(t[i]));
    for (uint32_t s = state; s != 0; s = states_[s].output_link) {
      for (auto [id, length, prefix] : states_[s].outputs) {
        size_t begin = i + 1 - length, end = i + 1;
        // whole words only, or a word's beginning for a phrase that ends in a star
        if (word_char_before(t, begin) || (!prefix && word_char_at(t, end))) continue;
        // The end: just after the original character the match's last byte came from (not
        // the next kept one: a dropped joiner after the match is not part of it).
        int32_t last = static_cast<int32_t>(normal.source[end - 1]);
        U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), last,
                 static_cast<int32_t>(text.size()));
        out.push_back({normal.source[begin], word_end(text, static_cast<size_t>(last)), id});
      }
      if (states_[s].outputs.empty() && states_[s].output_link == 0) break;
    }
  }
  std::sort(out.begin(), out.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return out;
}

std::vector<PhraseMatch> longest_matches(std::vector<PhraseMatch> matches) {
  std::sort(matches.begin(), matches.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    size_t la = a.end - a.begin, lb = b.end - b.begin;
    return la != lb ? la > lb : a.begin < b.begin;
  });
  std::vector<PhraseMatch> kept;
  for (const PhraseMatch& m : matches) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const PhraseMatch& k) {
      return m.begin < k.end && k.begin < m.end;
    });
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(),
            [](const PhraseMatch& a, const PhraseMatch& b) { return a.begin < b.begin; });
  return kept;
}

}  // namespace sitrep::extract
