#include "sitrep/geo/name_key.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <vector>

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

// One spelling for the Arabic-script letters that Arabic, Persian, Urdu and Pashto write
// differently.
UChar32 unify_arabic(UChar32 c) {
  switch (c) {
    case 0x064A:
    case 0x0649:
    case 0x06D2:
    case 0x0626:
    case 0x06CD:
    case 0x06D0:
      return 0x06CC;  // ی
    case 0x0643:
      return 0x06A9;  // ک
    case 0x0629:
    case 0x06C0:
    case 0x06C1:
    case 0x06BE:
    case 0x06C3:
      return 0x0647;  // ه
    case 0x0623:
    case 0x0625:
    case 0x0622:
    case 0x0671:
      return 0x0627;  // ا
    case 0x0624:
      return 0x0648;  // و
    case 0x06AB:
      return 0x06AF;  // ګ → گ
    default:
      return c;
  }
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

// Latin letters (ASCII) from other scripts: Russian by BGN/PCGN, the rest by ICU's defaults.
std::string to_ascii_latin(const icu::UnicodeString& text) {
  thread_local std::unique_ptr<icu::Transliterator> latin = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Any-Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString copy;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    UChar32 c = text.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) copy.append(c);
  }
  if (latin) latin->transliterate(copy);
  std::string out;
  copy.toUTF8String(out);
  return out;
}

// Lower-case ASCII words: letters and digits, anything else a break.
std::vector<std::string> ascii_words(std::string_view text) {
  std::vector<std::string> words(1);
  for (unsigned char c : text) {
    if (c < 0x80 && std::isalnum(c)) {
      words.back() += static_cast<char>(std::tolower(c));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

std::vector<std::string> latin_words(std::string_view utf8) {
  if (is_ascii(utf8)) return ascii_words(utf8);
  return ascii_words(to_ascii_latin(canonical(utf8)));
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  size_t at = 0;
  while ((at = s.find(from, at)) != std::string::npos) {
    s.replace(at, from.size(), to);
    at += to.size();
  }
}

void collapse_doubles(std::string& s) {
  s.erase(std::unique(s.begin(), s.end()), s.end());
}

// The ezafe and its spellings: "-i-", "-e-", " e ", and "-i"/"-e" glued to the first word.
std::vector<std::string> without_connectors(std::vector<std::string> words) {
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& w = words[i];
    bool last = i + 1 == words.size();
    if (!last && (w == "i" || w == "e" || w == "ye" || w == "y")) continue;
    if (!last && w.size() >= 4 && (w.back() == 'i' || w.back() == 'e')) w.pop_back();
    out.push_back(std::move(w));
  }
  return out;
}

std::string fold_latin(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += w;
  for (auto [from, to] : std::array<std::pair<const char*, const char*>, 6>{
           {{"kh", "k"}, {"q", "k"}, {"ou", "u"}, {"oo", "u"}, {"ee", "i"}, {"dh", "z"}}}) {
    replace_all(s, from, to);
  }
  collapse_doubles(s);
  if (s.size() > 3 && s.ends_with("ah")) s.pop_back();
  return s;
}

std::string latin_skeleton(const std::vector<std::string>& words) {
  std::string out;
  for (std::string w : words) {
    for (auto [from, to] : std::array<std::pair<const char*, const char*>, 12>{{{"dzh", "j"},
                                                                                {"dj", "j"},
                                                                                {"sh", "s"},
                                                                                {"ch", "c"},
                                                                                {"zh", "z"},
                                                                                {"kh", "k"},
                                                                                {"gh", "g"},
                                                                                {"th", "t"},
                                                                                {"dh", "z"},
                                                                                {"ph", "f"},
                                                                                {"q", "k"},
                                                                                {"x", "ks"}}}) {
      replace_all(w, from, to);
    }
    std::string consonants;
    for (char c : w) {
      if (std::string_view("aeiouyw").find(c) == std::string_view::npos) consonants += c;
    }
    if (consonants.size() > 1 && consonants.back() == 'h') consonants.pop_back();
    out += consonants;
  }
  collapse_doubles(out);
  return out;
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
    c = unify_arabic(c);
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

}  // namespace

NameKeys name_keys(std::string_view utf8) {
  if (!is_ascii(utf8)) {
    icu::UnicodeString text = canonical(utf8);
    if (has_arabic_script(text)) return arabic_keys(text);
    auto words = without_connectors(ascii_words(to_ascii_latin(text)));
    return {fold_latin(words), latin_skeleton(words)};
  }
  auto words = without_connectors(ascii_words(utf8));
  return {fold_latin(words), latin_skeleton(words)};
}

std::string folded_words(std::string_view utf8) {
  std::string out;
  for (const std::string& w : latin_words(utf8)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace sitrep::geo
