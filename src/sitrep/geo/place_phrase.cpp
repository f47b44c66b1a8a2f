#include "sitrep/geo/place_phrase.hpp"

namespace sitrep::geo {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
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

}  // namespace

Phrase parse_phrase(const Gazetteer& g, std::string_view raw) {
  Phrase p;
  std::string text = plain_separators(raw);
  std::string main;
  std::string current;
  int depth = 0;
  bool first_part = true;
  auto flush = [&] {
    std::string t = trim(current);
    if (!t.empty()) {
      if (first_part && depth == 0) {
        main = t;
        first_part = false;
      } else {
        p.context.push_back(t);
      }
    }
    current.clear();
  };
  for (char c : text) {
    if (c == '(' || c == '[') {
      if (first_part)
        flush();
      else
        flush();
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      std::string t = trim(current);
      if (!t.empty()) p.context.push_back(t);
      current.clear();
      --depth;
    } else if ((c == ',' || c == ';') && depth == 0) {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  // Kind words and leading words come off the name, in the original spelling: strip by words.
  std::vector<std::string> words;
  {
    std::string w;
    for (char c : main) {
      if (c == ' ') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    if (!w.empty()) words.push_back(w);
  }
  // Words that open the phrase ("near"), then kind words after the name ("district") or
  // before it ("ولسوالی", "ноҳияи"): data/gazetteer/kind-words.tsv.
  auto hint_of = [](WordRole role) {
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
  };
  auto is_kind = [](WordRole role) { return role != WordRole::none && role != WordRole::leading; };
  while (words.size() > 1 && g.word_role(words.front()) == WordRole::leading) {
    words.erase(words.begin());
  }
  for (const std::string& w : words) {
    if (!p.whole.empty()) p.whole += ' ';
    p.whole += w;
  }
  auto take = [&](WordRole role) {
    Hint h = hint_of(role);
    if (p.hint == Hint::none || h == Hint::border) p.hint = h;
  };
  // One kind word at each end at most: "Maydan Shahr town" is the town of Maydan Shahr.
  if (words.size() > 1 && is_kind(g.word_role(words.back()))) {
    take(g.word_role(words.back()));
    words.pop_back();
  }
  if (words.size() > 1 && is_kind(g.word_role(words.front()))) {
    take(g.word_role(words.front()));
    words.erase(words.begin());
  }
  for (const std::string& w : words) {
    if (!p.name.empty()) p.name += ' ';
    p.name += w;
  }
  return p;
}

}  // namespace sitrep::geo
