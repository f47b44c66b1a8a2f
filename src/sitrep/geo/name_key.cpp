#include "sitrep/geo/name_key.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <unordered_map>
#include <vector>

#include "sitrep/model/arabic_letters.hpp"

namespace sitrep::geo {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool is_arabic_script(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// Letters that only decorate: harakat, Quranic marks, tatweel, zero-width (non-)joiners and
// direction marks.
bool is_decoration(UChar32 c) {
  return c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF;
}

// The consonant an Arabic-script letter is written with in Latin romanisations (after the
// Latin digraph rules below: sh → s, kh → k, gh → g, ch → c, zh → z); "" for letters that
// stand for vowels or are silent.
const char* arabic_consonant(UChar32 c) {
  switch (c) {
    case 0x0628:
      return "b";
    case 0x067E:
      return "p";
    case 0x062A:
    case 0x0679:
    case 0x0637:
    case 0x067C:
      return "t";
    case 0x062B:
    case 0x0633:
    case 0x0635:
    case 0x0634:
    case 0x069A:
    case 0x0685:
      return "s";
    case 0x062C:
      return "j";
    case 0x0686:
      return "c";
    case 0x062D:
      return "h";
    case 0x062E:
    case 0x0642:
    case 0x06A9:
      return "k";
    case 0x062F:
    case 0x0688:
    case 0x0689:
      return "d";
    case 0x0630:
    case 0x0632:
    case 0x0698:
    case 0x0636:
    case 0x0638:
    case 0x0681:
    case 0x0696:
      return "z";
    case 0x0631:
    case 0x0691:
    case 0x0693:
      return "r";
    case 0x063A:
    case 0x06AF:
      return "g";
    case 0x0641:
      return "f";
    case 0x0644:
      return "l";
    case 0x0645:
      return "m";
    case 0x0646:
    case 0x06BA:
    case 0x06BC:
      return "n";
    case 0x0647:
      return "h";
    default:
      return "";  // ا و ی ع ء and the rest
  }
}

void append_utf8(std::string& out, UChar32 c) {
  icu::UnicodeString(c).toUTF8String(out);
}

// NFKC with case folded, then decomposed so that diacritics are separate marks.
icu::UnicodeString canonical(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = fold->normalize(text, status);
  return nfd->normalize(folded, status);
}

bool has_arabic_script(const icu::UnicodeString& text) {
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    if (is_arabic_script(text.char32At(i))) return true;
  }
  return false;
}

// Which transliteration a text needs, by the scripts of its letters.
enum class Script { latin, cyrillic, other };

Script script_of(const icu::UnicodeString& text) {
  Script out = Script::latin;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (c < 0x80 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_CYRILLIC) {
      out = Script::cyrillic;
    } else if (script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
      return Script::other;
    }
  }
  return out;
}

// Latin letters (ASCII): diacritics dropped; Cyrillic by BGN/PCGN (then ICU's Cyrillic rules
// for Tajik and Uzbek letters BGN's Russian table lacks); leftover Latin letters (ł, ø, ı) by
// Latin-ASCII. Other scripts (Greek, Han, Devanagari…) are not transliterated: the caller
// keeps them as they are. Transliterators are slow to make and to run, so each is made once
// per thread and used only where the text needs it.
std::string to_ascii_latin(const icu::UnicodeString& text, Script script) {
  icu::UnicodeString copy;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    // Uzbek ў (decomposed: у and a breve) is o, not the u it would become without its mark.
    if (c == 0x443 && i + 1 < text.length() && text.char32At(i + 1) == 0x306) c = 'o';
    if (u_charType(c) != U_NON_SPACING_MARK) copy.append(c);
  }
  auto make = [](const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  };
  std::string out;
  copy.toUTF8String(out);
  if (is_ascii(out)) return out;
  if (script == Script::cyrillic) {
    // Tajik and Uzbek letters that BGN's Russian table does not know, in their usual
    // romanisation (Ҳисор → Hisor, Хуҷанд → Khujand, Қурғонтеппа → Qurghonteppa, Қўқон →
    // Qoqon). ӣ and ӯ need nothing: decomposed, they are и and у with a mark.
    static const std::pair<const char16_t*, const char16_t*> kCentralAsian[] = {
        {u"ҳ", u"h"}, {u"ҷ", u"j"}, {u"қ", u"q"}, {u"ғ", u"gh"}};
    for (auto [from, to] : kCentralAsian) copy.findAndReplace(from, to);
    thread_local auto cyrillic = make("Russian-Latin/BGN; Cyrillic-Latin; Latin-ASCII; Any-Lower");
    if (cyrillic) cyrillic->transliterate(copy);
  } else {
    thread_local auto latin = make("Latin-ASCII; Any-Lower");
    if (latin) latin->transliterate(copy);
  }
  out.clear();
  copy.toUTF8String(out);
  return out;
}

// A name in a script sitrep does not transliterate: its own letters, marks dropped, as the key.
std::string letters_of(const icu::UnicodeString& text) {
  std::string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_isalnum(c)) icu::UnicodeString(c).toUTF8String(out);
  }
  return out;
}

// Lower-case ASCII words: letters and digits, anything else a break. The words are views
// into `lowered`: a Words is filled in place and never moved (a short string's characters
// move with it).
struct Words {
  Words() = default;
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;
  std::string lowered;
  std::vector<std::string_view> words;
};

void ascii_words(std::string_view text, Words& out) {
  out.lowered.assign(text);
  out.words.clear();
  size_t start = std::string::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
    bool upper = c >= 'A' && c <= 'Z';
    bool letter = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (i < text.size()) out.lowered[i] = letter ? static_cast<char>(upper ? c + 32 : c) : ' ';
    if (letter && start == std::string::npos) start = i;
    if (!letter && start != std::string::npos) {
      out.words.emplace_back(out.lowered.data() + start, i - start);
      start = std::string::npos;
    }
  }
}

void latin_words(std::string_view utf8, Words& out) {
  if (is_ascii(utf8)) return ascii_words(utf8, out);
  icu::UnicodeString text = canonical(utf8);
  ascii_words(to_ascii_latin(text, script_of(text)), out);
}

// The ezafe and its spellings: "-i-", "-e-", " e ", and "-i"/"-e" glued to the first word.
void drop_connectors(std::vector<std::string_view>& words) {
  size_t kept = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    bool last = i + 1 == words.size();
    if (!last && (w == "i" || w == "e" || w == "ye" || w == "y")) continue;
    if (!last && w.size() >= 4 && (w.back() == 'i' || w.back() == 'e')) w.remove_suffix(1);
    words[kept++] = w;
  }
  words.resize(kept);
}

void push_collapsed(std::string& out, char c) {
  if (out.empty() || out.back() != c) out += c;
}

// One pass: kh → k, q → k, ou/oo → u, ee → i, dh → z; doubled letters once; a trailing -ah → -a.
std::string fold_latin(const std::vector<std::string_view>& words) {
  std::string s;
  for (std::string_view w : words) s.append(w);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i], next = i + 1 < s.size() ? s[i + 1] : '\0';
    if ((c == 'k' && next == 'h') || (c == 'd' && next == 'h') || (c == 'o' && next == 'u') ||
        (c == 'o' && next == 'o') || (c == 'e' && next == 'e')) {
      push_collapsed(out, c == 'k' ? 'k' : c == 'd' ? 'z' : c == 'e' ? 'i' : 'u');
      ++i;
    } else {
      push_collapsed(out, c == 'q' ? 'k' : c);
    }
  }
  if (out.size() > 3 && out.ends_with("ah")) out.pop_back();
  return out;
}

// Per word, one pass: dzh/dj → j, sh/ch/zh/kh/gh/th/dh/ph → s/c/z/k/g/t/z/f, q → k, x → ks;
// vowels (and w, v, y: Persian و is written w or v, and Arabic script drops it as a vowel)
// dropped; a word-final h dropped. Doubled consonants once.
std::string latin_skeleton(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    size_t word_start = out.size();
    char last = '\0';
    auto emit = [&](char c) {
      out += c;
      last = c;
    };
    for (size_t i = 0; i < w.size(); ++i) {
      char c = w[i], next = i + 1 < w.size() ? w[i + 1] : '\0';
      if (c == 'd' && next == 'z' && i + 2 < w.size() && w[i + 2] == 'h') {
        emit('j');
        i += 2;
      } else if (c == 'd' && next == 'j') {
        emit('j');
        ++i;
      } else if (next == 'h' && std::string_view("sczkgtdp").find(c) != std::string_view::npos) {
        emit(c == 'd' ? 'z' : c == 'p' ? 'f' : c);
        ++i;
      } else if (c == 'q') {
        emit('k');
      } else if (c == 'x') {
        emit('k');
        emit('s');
      } else if (std::string_view("aeiouywv").find(c) == std::string_view::npos) {
        emit(c);
      }
    }
    (void)last;
    if (out.size() - word_start > 1 && out.back() == 'h') out.pop_back();
  }
  std::string collapsed;
  collapsed.reserve(out.size());
  for (char c : out) push_collapsed(collapsed, c);
  return collapsed;
}

void collapse_doubles(std::string& s) {
  s.erase(std::unique(s.begin(), s.end()), s.end());
}

NameKeys arabic_keys(const icu::UnicodeString& text) {
  NameKeys keys;
  std::string word_skeleton;
  auto end_word = [&] {
    if (word_skeleton.size() > 1 && word_skeleton.back() == 'h') word_skeleton.pop_back();
    keys.skeleton += word_skeleton;
    word_skeleton.clear();
  };
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (is_decoration(c) || u_charType(c) == U_NON_SPACING_MARK) continue;
    c = static_cast<UChar32>(model::unify_arabic_letter(static_cast<char32_t>(c)));
    if (!u_isalnum(c)) {
      end_word();
      continue;
    }
    append_utf8(keys.folded, c);
    if (is_arabic_script(c)) {
      word_skeleton += arabic_consonant(c);
    } else if (c < 0x80) {
      word_skeleton += static_cast<char>(c);
    }
  }
  end_word();
  collapse_doubles(keys.skeleton);
  return keys;
}

NameKeys compute_name_keys(std::string_view utf8) {
  Words w;
  if (!is_ascii(utf8)) {
    icu::UnicodeString text = canonical(utf8);
    if (has_arabic_script(text)) return arabic_keys(text);
    Script script = script_of(text);
    if (script == Script::other) return {letters_of(text), ""};
    ascii_words(to_ascii_latin(text, script), w);
  } else {
    ascii_words(utf8, w);
  }
  drop_connectors(w.words);
  return {fold_latin(w.words), latin_skeleton(w.words)};
}

// Words in other scripts cost ICU normalisation and transliteration, and reports repeat them
// (kind words beside every place, the same provinces): each thread remembers the keys it made,
// up to a bound, as a pure function's answers may be.
thread_local std::unordered_map<std::string, NameKeys> remembered;

}  // namespace

void forget_remembered_name_keys() {
  remembered.clear();
}

NameKeys name_keys(std::string_view utf8) {
  if (is_ascii(utf8)) return compute_name_keys(utf8);
  constexpr size_t kRemembered = size_t{1} << 14;
  std::string key(utf8);
  if (auto it = remembered.find(key); it != remembered.end()) return it->second;
  NameKeys keys = compute_name_keys(utf8);
  if (remembered.size() >= kRemembered) remembered.clear();
  remembered.emplace(std::move(key), keys);
  return keys;
}

std::string folded_key(std::string_view utf8) {
  if (!is_ascii(utf8)) return name_keys(utf8).folded;
  // One ASCII word (a kind word, most often): no word list to build.
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
    std::string lower(utf8);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return fold_latin({std::string_view(lower)});
  }
  Words w;
  ascii_words(utf8, w);
  drop_connectors(w.words);
  return fold_latin(w.words);
}

std::string folded_words(std::string_view utf8) {
  std::string out;
  Words w;
  latin_words(utf8, w);
  for (std::string_view word : w.words) {
    if (!out.empty()) out += ' ';
    out.append(word);
  }
  return out;
}

}  // namespace sitrep::geo
