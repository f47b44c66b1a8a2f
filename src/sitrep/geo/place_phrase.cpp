#include "sitrep/geo/place_phrase.hpp"

namespace sitrep::geo {
namespace {

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// No-break spaces as spaces, the Arabic comma and semicolon as commas.
std::string plain_separators(std::string_view text) {
  std::string out(text);
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"\u00A0", " "},
                          {"\u060C", ","},
                          {"\u061B", ","}}) {
    size_t at = 0;
    while ((at = out.find(from, at)) != std::string::npos) {
      out.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return out;
}

Hint hint_of(WordRole role) {
  switch (role) {
    case WordRole::place:
      return Hint::place;
    case WordRole::admin2:
      return Hint::admin2;
    case WordRole::admin1:
      return Hint::admin1;
    case WordRole::border:
      return Hint::border;
    default:
      return Hint::none;
  }
}

bool is_kind(WordRole role) {
  return role != WordRole::none && role != WordRole::leading;
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out.append(w);
  }
  return out;
}

}  // namespace

Phrase parse_phrase(const Gazetteer& g, std::string_view raw) {
  Phrase p;
  // Most phrases have no special separator: no copy for them.
  std::string replaced;
  std::string_view text = raw;
  if (raw.find("\u00A0") != std::string_view::npos ||
      raw.find("\u060C") != std::string_view::npos ||
      raw.find("\u061B") != std::string_view::npos) {
    replaced = plain_separators(raw);
    text = replaced;
  }
  // The first part outside brackets is the name; the rest (after commas, in brackets) context.
  std::string_view main;
  bool have_main = false;
  int depth = 0;
  size_t start = 0;
  auto part = [&](size_t end, bool bracketed) {
    std::string_view t = trim_view(text.substr(start, end - start));
    if (!t.empty()) {
      if (!have_main && !bracketed) {
        main = t;
        have_main = true;
      } else {
        p.context.emplace_back(t);
      }
    }
    start = end + 1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(' || c == '[') {
      part(i, depth > 0);
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      part(i, true);
      --depth;
    } else if ((c == ',' || c == ';') && depth == 0) {
      part(i, false);
    }
  }
  part(text.size(), depth > 0);
  // Kind words and leading words come off the name, in the original spelling: strip by words.
  std::vector<std::string_view> words;
  for (size_t i = 0; i <= main.size();) {
    size_t end = main.find(' ', i);
    if (end == std::string_view::npos) end = main.size();
    if (end > i) words.push_back(main.substr(i, end - i));
    i = end + 1;
  }
  // Words that open the phrase ("near"), then kind words after the name ("district") or
  // before it ("ولسوالی", "ноҳияи"): data/gazetteer/kind-words.tsv.
  // (The front word's role is looked up once: it is either leading, a kind word, or neither.)
  WordInfo front = words.empty() ? WordInfo{} : g.word_info(words.front());
  while (words.size() > 1 && front.role == WordRole::leading) {
    words.erase(words.begin());
    front = g.word_info(words.front());
  }
  p.whole = join(words);
  auto take = [&](WordRole role) {
    Hint h = hint_of(role);
    if (p.hint == Hint::none || h == Hint::border) p.hint = h;
  };
  // At the end: words that name no kind ("area", "bazaar"...) then one kind word: "Khogyani
  // district area" is Khogyani district, "Maydan Shahr town" the town of Maydan Shahr.
  while (words.size() > 1) {
    WordInfo last = g.word_info(words.back());
    if (last.role != WordRole::area || last.before) break;
    words.pop_back();
  }
  if (words.size() > 1) {
    if (WordInfo last = g.word_info(words.back()); is_kind(last.role) && last.may_follow()) {
      take(last.role);
      words.pop_back();
      // "Sangin district bazaar": the bazaar of Sangin district; a district or province word
      // under the first comes off too (a town word does not: "Maydan Shahr town").
      if (WordInfo under = g.word_info(words.back());
          words.size() > 1 && under.may_follow() &&
          (under.role == WordRole::admin1 || under.role == WordRole::admin2)) {
        words.pop_back();
      }
    }
  }
  // At the front, only the words that stand there ("ولایت بلخ"): "Shahr Safa" and "Camp
  // Bastion" keep theirs.
  if (words.size() > 1 && is_kind(front.role) && front.before) {
    take(front.role);
    words.erase(words.begin());
  }
  p.name = join(words);
  return p;
}

}  // namespace sitrep::geo
