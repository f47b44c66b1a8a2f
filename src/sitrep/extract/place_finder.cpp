#include "sitrep/extract/place_finder.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "sitrep/extract/russian_spellings.hpp"
#include "sitrep/extract/text_spans.hpp"
#include "sitrep/extract/tokens.hpp"
#include "sitrep/geo/name_key.hpp"

namespace sitrep::extract {
namespace {

// A word that names what kind of place its name is ("province", "ولسوالی"), as opposed to an
// area word ("northern") or a leading one ("of"), which open a phrase but do not type it.
bool is_kind_word(const geo::WordInfo& info) {
  return info.role != geo::WordRole::none && info.role != geo::WordRole::area &&
         info.role != geo::WordRole::leading;
}

// The first code point of s.
UChar32 first_code_point(std::string_view s) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// Whether a name as written in the text passes the capital-letter rule: a cased script needs
// an upper-case first letter; uncased scripts (Arabic) pass.
bool capitalised(std::string_view written) {
  UChar32 c = first_code_point(written);
  if (c < 0) return false;
  if (u_isupper(c) || u_istitle(c)) return true;
  return !u_isULowercase(c);  // no case at all: Arabic script, digits
}

// The rule for a region's name, whose first word is a lower-case direction ("southern
// Afghanistan", "на севере Афганистана", "N. Afghanistan"): a word of it is capitalised.
bool a_word_capitalised(std::string_view written) {
  size_t at = 0;
  while (at < written.size()) {
    if (capitalised(written.substr(at))) return true;
    at = written.find(' ', at);
    if (at == std::string_view::npos) break;
    ++at;
  }
  return false;
}

bool arabic_script(UChar32 c) {
  return c >= 0x600 && c <= 0x6FF;
}

// The other ways Latin writers join a Persian name's connecting vowel (ezafe) to its words:
// GeoNames' "Sar-e Pul" and "Pul-e Khumri" are written "Sar-e-Pul", "Sar-i-Pul", "Pul-i
// Khumri" as often. Every spelling of each connector, "-e " "-e-" "-i " "-i-" (the connector a
// hyphen after a letter, then a space or a hyphen before a capital); none for other names.
std::vector<std::string> ezafe_spellings(std::string_view name) {
  static constexpr std::array<std::string_view, 4> kJoins = {"-e ", "-e-", "-i ", "-i-"};
  std::vector<std::string> out{std::string(name)};
  for (size_t at = 1; at + 3 < name.size(); ++at) {
    std::string_view join = name.substr(at, 3);
    bool connector = std::find(kJoins.begin(), kJoins.end(), join) != kJoins.end() &&
                     std::isalpha(static_cast<unsigned char>(name[at - 1])) &&
                     std::isupper(static_cast<unsigned char>(name[at + 3]));
    if (!connector) continue;
    std::vector<std::string> next;
    for (const std::string& form : out) {
      for (std::string_view other : kJoins)
        next.push_back(form.substr(0, at) + std::string(other) + form.substr(at + 3));
    }
    out = std::move(next);
  }
  std::erase(out, std::string(name));
  return out;
}

// A name of several words in Arabic script as Dari and Pashto writers also write it: the words
// run together, or joined by a zero-width non-joiner that the matcher's normal form drops
// ("مهترلام", "فیض‌آباد" for GeoNames' "مهتر لام", "فیض آباد"). Empty
// for other names.
std::string run_together(std::string_view name) {
  if (name.find(' ') == std::string_view::npos || !arabic_script(first_code_point(name))) return {};
  std::string joined;
  for (char c : name) {
    if (c != ' ') joined += c;
  }
  return joined;
}

bool cyrillic(UChar32 c) {
  return c >= 0x400 && c <= 0x4FF;
}

// Whether a name at `at` is part of a person's name: "Abu Hamza", "bin Laden" (Hamza is also a
// town in Fergana).
bool in_personal_name(std::string_view text, size_t at) {
  for (std::string_view word : {"Abu ", "abu ", "Ibn ", "ibn ", "bin "}) {
    if (at >= word.size() && text.substr(at - word.size(), word.size()) == word) return true;
  }
  return false;
}

}  // namespace

std::string_view tajik_stem(std::string_view word) {
  // Cyrillic letters are two bytes; the stem keeps three letters at least
  constexpr size_t kShortestStem = 3 * 2;
  constexpr std::string_view kObject = "ро";
  if (word.ends_with(kObject) && word.size() - kObject.size() >= kShortestStem) {
    return word.substr(0, word.size() - kObject.size());
  }
  return word;
}

std::vector<std::string> russian_case_forms(std::string_view name) {
  std::vector<std::string> forms;
  if (name.size() < 4) return forms;
  // the last code point
  int32_t end = static_cast<int32_t>(name.size()), last_start = end;
  UChar32 last = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(name.data()), 0, last_start, last);
  if (!cyrillic(last)) return forms;
  std::string stem(name.substr(0, static_cast<size_t>(last_start)));
  std::string whole(name);
  auto add = [&](const std::string& base, std::initializer_list<const char*> endings) {
    for (const char* e : endings) forms.push_back(base + e);
  };
  switch (last) {
    case u'а':
      add(stem, {"ы", "е", "у", "ой", "и"});
      break;
    case u'я':
      add(stem, {"и", "е", "ю", "ей"});
      break;
    case u'ь':
      add(stem, {"и", "ю", "ем", "я", "е"});
      break;
    case u'й':
      add(stem, {"я", "ю", "е", "ем"});
      break;
    case u'о':
    case u'е':
    case u'и':
    case u'у':
    case u'ы':
      break;  // indeclinable (Бадахшан is declined; Душанбе, Мазари-Шариф's first part are not)
    default:
      add(whole, {"а", "у", "е", "ом", "ский", "ской", "ского", "ском"});
  }
  return forms;
}

PlaceFinder::PlaceFinder(std::shared_ptr<const geo::Gazetteer> gazetteer,
                         const std::vector<std::string>& common_words)
    : gazetteer_(std::move(gazetteer)) {
  for (const std::string& w : common_words) common_words_.insert(normalize_for_matching(w).text);
  std::unordered_set<std::string> added;
  // `written`, and its Russian case forms, found as the gazetteer's `name`
  auto add = [&](std::string_view written, std::string_view name, bool needs_kind_word,
                 bool region = false) {
    std::string key = normalize_for_matching(written).text;
    if (key.size() < 3 || !added.insert(key).second) return;
    auto phrase = static_cast<uint32_t>(names_.size());
    names_.emplace_back(name);
    needs_kind_word_.push_back(needs_kind_word || common_words_.count(key) > 0);
    region_name_.push_back(region);
    matcher_.add(written, phrase);
    for (const std::string& form : russian_case_forms(written)) {
      if (added.insert(normalize_for_matching(form).text).second) matcher_.add(form, phrase);
    }
  };
  const geo::Gazetteer& g = *gazetteer_;
  for (uint32_t id = 0; id < g.size(); ++id) {
    bool region = g.feature(id).kind == geo::FeatureKind::region;
    for (std::string_view name : g.names(id)) add(name, name, false, region);
  }
  // Run-together spellings after every real name, so that a real name wins a shared spelling.
  for (uint32_t id = 0; id < g.size(); ++id) {
    for (std::string_view name : g.names(id)) {
      std::string joined = run_together(name);
      if (!joined.empty()) add(joined, name, false);
    }
  }
  for (uint32_t id = 0; id < g.size(); ++id) {
    for (std::string_view name : g.names(id)) {
      for (const std::string& spelling : ezafe_spellings(name)) add(spelling, name, false);
    }
  }
  // Districts and provinces known only in Latin letters, as Russian reports spell them; after
  // every real name, so that a real one wins a shared spelling. A short one may be a Russian
  // word (Herat's Obe is "обе", both), so it needs its kind word: "в уезде Ачин".
  constexpr size_t kShortSpellingBytes = 2 * 4;  // four Cyrillic letters
  for (uint32_t id = 0; id < g.size(); ++id) {
    geo::FeatureKind kind = g.feature(id).kind;
    if (kind != geo::FeatureKind::admin1 && kind != geo::FeatureKind::admin2) continue;
    for (std::string_view name : g.names(id)) {
      for (const std::string& spelling : russian_spellings(normalize_for_matching(name).text)) {
        add(spelling, name, spelling.size() <= kShortSpellingBytes);
      }
    }
  }
  matcher_.build();
}

bool PlaceFinder::has_kind_word_beside(std::string_view text, const std::vector<Token>& tokens,
                                       const PhraseMatch& m) const {
  auto after = std::lower_bound(tokens.begin(), tokens.end(), m.end,
                                [](const Token& t, size_t e) { return t.begin < e; });
  if (after != tokens.end() && spaces_only(text, m.end, after->begin)) {
    geo::WordInfo info = gazetteer_->word_info(after->lower);
    if (is_kind_word(info) && info.may_follow()) return true;
  }
  auto first = std::lower_bound(tokens.begin(), tokens.end(), m.begin,
                                [](const Token& t, size_t b) { return t.end <= b; });
  if (first == tokens.begin() || !spaces_only(text, (first - 1)->end, m.begin)) return false;
  geo::WordInfo info = gazetteer_->word_info((first - 1)->lower);
  return is_kind_word(info) && info.before;
}

void PlaceFinder::add_names_marked_by_kind_words(std::string_view text,
                                                 const std::vector<Token>& tokens,
                                                 const std::vector<PhraseMatch>& found,
                                                 std::vector<PlaceSpan>& out) const {
  constexpr size_t kShortestName = 4;              // letters
  constexpr size_t kShortestArabicScriptName = 3;  // letters
  auto covered = [&](const Token& t) {
    return std::any_of(found.begin(), found.end(),
                       [&](const PhraseMatch& m) { return t.begin < m.end && m.begin < t.end; });
  };
  auto spaced = [&](const Token& a, const Token& b) {
    return text.substr(a.end, b.begin - a.end) == " ";
  };
  // the provinces of the places already found, worked out when first needed
  std::optional<std::unordered_set<uint32_t>> provinces;
  NamedProvinces named_provinces = [&]() -> const std::unordered_set<uint32_t>& {
    if (!provinces) {
      provinces.emplace();
      for (const PhraseMatch& m : found) {
        for (const geo::NameMatch& n : gazetteer_->find_folded(geo::folded_key(names_[m.phrase]))) {
          uint32_t admin1 = gazetteer_->feature(n.feature).admin1;
          if (admin1 != geo::kNoFeature) provinces->insert(admin1);
        }
      }
    }
    return *provinces;
  };
  // Capitalised words first, and only then the words beside them: a kind word's lookup folds
  // the word (ICU), too dear to do for every token. Scripts without capitals (Arabic, for Dari
  // and Pashto: "ولسوالی اندر", "د ګرمسیر ولسوالۍ") cannot mark a name so: any of their words
  // beside a kind word is looked up, and found only in a province the text names unless a
  // gazetteer name has its very spelling (a consonant skeleton is too little to go on elsewhere).
  for (size_t c = 0; c < tokens.size(); ++c) {
    const Token& name = tokens[c];
    std::string_view written = text.substr(name.begin, name.end - name.begin);
    UChar32 first = first_code_point(written);
    bool caseless = first >= 0 && u_charType(first) == U_OTHER_LETTER;
    // Arabic script writes short vowels not at all, so its district names can be three letters
    // ("ژری", Zhari; "تنی", Tani) or start with a word of three ("دشت ارچی", "نهر سراج").
    size_t shortest = caseless ? kShortestArabicScriptName : kShortestName;
    if (first < 0 || !(u_isupper(first) || caseless) || letter_count(written) < shortest ||
        covered(name)) {
      continue;
    }
    for (bool name_after : {true, false}) {  // the kind word before the name, then after it
      if (name_after ? c == 0 : c + 1 >= tokens.size()) continue;
      const Token& word = tokens[name_after ? c - 1 : c + 1];
      if (!spaced(name_after ? word : name, name_after ? name : word)) continue;
      geo::WordInfo info = gazetteer_->word_info(word.lower);
      if (info.role != geo::WordRole::admin1 && info.role != geo::WordRole::admin2) continue;
      if (name_after ? !(info.before || info.either) : !info.may_follow()) continue;
      if (gazetteer_->word_info(name.lower).role != geo::WordRole::none) break;
      // "مقر این ولسوالی" (the seat of this district): "this" names no district
      if (common_words_.count(normalize_for_matching(written).text) > 0) break;
      const geo::FeatureKind kind =
          info.role == geo::WordRole::admin2 ? geo::FeatureKind::admin2 : geo::FeatureKind::admin1;
      // Arabic script writes many district names as two words ("ولسوالی ده سبز", "د خاک سفید
      // ولسوالۍ"): the two words on the far side of the kind word are tried before the one.
      std::vector<std::pair<size_t, size_t>> names;  // token ranges [first, last]
      if (caseless) {
        size_t other = name_after ? c + 1 : c - 1;
        if ((name_after ? c + 1 < tokens.size() : c >= 1) &&
            spaced(tokens[std::min(c, other)], tokens[std::max(c, other)]) &&
            gazetteer_->word_info(tokens[other].lower).role == geo::WordRole::none) {
          names.push_back({std::min(c, other), std::max(c, other)});
        }
      }
      names.push_back({c, c});
      std::optional<std::string_view> looked_up;  // the name, or its Tajik stem
      auto known = std::find_if(names.begin(), names.end(), [&](std::pair<size_t, size_t> n) {
        looked_up = known_area(
            text.substr(tokens[n.first].begin, tokens[n.second].end - tokens[n.first].begin), kind,
            caseless, named_provinces);
        return looked_up.has_value();
      });
      if (known == names.end()) continue;  // perhaps the kind word on the other side
      size_t begin = tokens[known->first].begin, end = tokens[known->second].end;
      std::string phrase(*looked_up);
      std::string kind_word(text.substr(word.begin, word.end - word.begin));
      out.push_back({std::min(begin, word.begin), std::max(end, word.end), begin, end,
                     name_after ? kind_word + " " + phrase : phrase + " " + kind_word});
      break;
    }
  }
}

// A spelling one letter off ("Maiwand" for Maywand) counts only inside a province the text
// names: "Shigal district of Kunar province" is not Pakistan's Shigar. The geocoder then reads
// the name as written, beside the same places. In a script without capitals a consonant
// skeleton is too little to go on outside those provinces.
std::optional<std::string_view> PlaceFinder::known_area(
    std::string_view written, geo::FeatureKind kind, bool caseless,
    const NamedProvinces& named_provinces) const {
  auto known = [&](std::string_view name) {
    auto similar = gazetteer_->find(name, /*max_edits=*/1);
    return std::any_of(similar.begin(), similar.end(), [&](const geo::NameMatch& m) {
      const geo::Feature& f = gazetteer_->feature(m.feature);
      bool anywhere =
          m.kind == geo::MatchKind::folded || (m.kind == geo::MatchKind::skeleton && !caseless);
      return f.kind == kind && (anywhere || named_provinces().count(f.admin1) > 0);
    });
  };
  if (known(written)) return written;
  std::string_view stem = tajik_stem(written);
  if (stem.size() < written.size() && known(stem)) return stem;
  return std::nullopt;
}

std::vector<PlaceSpan> PlaceFinder::find(std::string_view text) const {
  return find(text, normalize_for_matching(text), tokenize(text));
}

std::vector<PlaceSpan> PlaceFinder::find(std::string_view text, const NormalText& normal,
                                         const std::vector<Token>& tokens) const {
  std::vector<PlaceSpan> out;
  std::vector<PhraseMatch> found = matcher_.find(text, normal);
  std::erase_if(found, [&](const PhraseMatch& m) {
    std::string_view written = text.substr(m.begin, m.end - m.begin);
    bool passes = region_name_[m.phrase] ? a_word_capitalised(written) : capitalised(written);
    return !passes || in_personal_name(text, m.begin);
  });
  found = longest_matches(std::move(found));
  // A name that is also a common word is a place only with its kind word: Urdu's "پولیس چوکی"
  // is a police post, "چوکۍ ولسوالۍ" the district of Chawkay.
  std::erase_if(found, [&](const PhraseMatch& m) {
    return needs_kind_word_[m.phrase] && !has_kind_word_beside(text, tokens, m);
  });
  add_names_marked_by_kind_words(text, tokens, found, out);
  if (found.empty()) return out;  // in text order already
  // A kind word right before or after the name joins the phrase, on its own side only.
  for (const PhraseMatch& m : found) {
    PlaceSpan span{m.begin, m.end, m.begin, m.end, {}};
    // the token right before the name, then those after it
    auto first = std::lower_bound(tokens.begin(), tokens.end(), m.begin,
                                  [](const Token& t, size_t b) { return t.end <= b; });
    size_t from = static_cast<size_t>(first - tokens.begin());
    for (size_t t = from > 0 ? from - 1 : 0; t < tokens.size(); ++t) {
      const Token& token = tokens[t];
      if (token.end <= m.begin) {
        bool adjacent = t + 1 < tokens.size() && tokens[t + 1].begin >= m.begin &&
                        spaces_only(text, token.end, m.begin);
        geo::WordInfo info = gazetteer_->word_info(token.lower);
        if (adjacent && is_kind_word(info) && info.before) {
          span.begin = token.begin;
        }
      } else if (token.begin >= m.end) {
        bool adjacent = spaces_only(text, m.end, token.begin);
        geo::WordInfo info = gazetteer_->word_info(token.lower);
        // A word that may stand on either side belongs to the name after it when one follows
        // at once: "ولسوالی علینگار ولایت لغمان" is Alingar district of Laghman province.
        bool opens_next = info.either && t + 1 < tokens.size() &&
                          std::any_of(found.begin(), found.end(), [&](const PhraseMatch& n) {
                            return n.begin == token.begin || n.begin == tokens[t + 1].begin;
                          });
        // a leading word ("of", "near") opens the next phrase: "Hamadoni district of Khatlon"
        if (adjacent && is_kind_word(info) && info.may_follow() && !opens_next) {
          span.end = token.end;
        }
        break;
      }
    }
    span.phrase = std::string(text.substr(span.begin, m.begin - span.begin)) + names_[m.phrase] +
                  std::string(text.substr(m.end, span.end - m.end));
    out.push_back(std::move(span));
  }
  std::sort(out.begin(), out.end(),
            [](const PlaceSpan& a, const PlaceSpan& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace sitrep::extract
