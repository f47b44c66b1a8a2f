#include "sitrep/extract/casualties.hpp"

#include <algorithm>

#include "sitrep/extract/tokens.hpp"

namespace sitrep::extract {
namespace {

struct Quantity {
  int low = 0;
  std::optional<int> high;
  size_t first = 0, last = 0;  // tokens
};

// How many words may stand between a count and its verb: "31 people, including children, were
// killed" has four.
constexpr size_t kReach = 6;

}  // namespace

Result<CasualtyReader> CasualtyReader::load(const std::string& data_dir) {
  auto words = WordTable::load(data_dir + "/lexicon/numbers.tsv");
  if (!words) return std::move(words).take_error();
  CasualtyReader r;
  r.words_ = std::move(*words);
  return r;
}

std::vector<CasualtyMention> CasualtyReader::find(std::string_view text) const {
  auto word = [&](std::string_view lower, std::string_view kind) {
    return words_.find(lower, kind);
  };
  std::vector<Token> t = tokenize(text);
  std::vector<CasualtyMention> out;
  auto is = [&](size_t i, std::string_view lower) { return i < t.size() && t[i].lower == lower; };
  auto gap = [&](size_t a, size_t b) { return text.substr(t[a].end, t[b].begin - t[a].end); };

  // The count that starts at token i, if any.
  auto quantity = [&](size_t i) -> std::optional<Quantity> {
    Quantity q;
    q.first = i;
    std::string qualifier;
    // at least | more than | over | about | up to | fewer than | не менее | более | около
    if (is(i, "at") && word(i + 1 < t.size() ? t[i + 1].lower : "", "qualifier")) {
      qualifier = word(t[i + 1].lower, "qualifier")->value;
      i += 2;
    } else if (i < t.size() && word(t[i].lower, "qualifier")) {
      qualifier = word(t[i].lower, "qualifier")->value;
      ++i;
      if (is(i, "than") || is(i, "to") || is(i, "менее")) ++i;
    }
    if (i >= t.size()) return std::nullopt;
    int value = -1;
    std::optional<int> range_high;
    size_t last = i;
    if (t[i].number >= 0) {
      value = t[i].number;
      // 1,200
      if (i + 1 < t.size() && t[i + 1].digits == 3 && gap(i, i + 1) == "," && t[i].digits <= 3) {
        value = value * 1000 + t[i + 1].number;
        last = ++i;
      }
      // 31-36, 31 to 36
      if (i + 1 < t.size() && t[i + 1].number > value &&
          (gap(i, i + 1) == "-" || gap(i, i + 1) == "–")) {
        range_high = t[i + 1].number;
        last = i + 1;
      } else if (is(i + 1, "to") && i + 2 < t.size() && t[i + 2].number > value) {
        range_high = t[i + 2].number;
        last = i + 2;
      }
    } else if (const WordTable::Entry* w = word(t[i].lower, "number")) {
      value = std::stoi(w->value);
      // "a 100": the article before digits
      if ((t[i].lower == "a" || t[i].lower == "an") && i + 1 < t.size() && t[i + 1].number >= 0) {
        value = t[i + 1].number;
        last = i + 1;
      } else if (i + 1 < t.size() && word(t[i + 1].lower, "number") && gap(i, i + 1) == "-" &&
                 value >= 20 && value % 10 == 0) {
        value += std::stoi(word(t[i + 1].lower, "number")->value);  // twenty-five
        last = i + 1;
      }
      if (const WordTable::Entry* m =
              last + 1 < t.size() ? word(t[last + 1].lower, "multiplier") : nullptr) {
        value *= std::stoi(m->value);  // two dozen, three hundred
        last = last + 1;
      } else if ((t[i].lower == "a" || t[i].lower == "an") && last == i) {
        return std::nullopt;  // "a" alone counts nothing
      }
    } else if (const WordTable::Entry* m = word(t[i].lower, "multiplier");
               m && (t[i].lower == "dozen")) {
      value = std::stoi(m->value);  // "dozen" after "a" is handled above; alone it is 12
    } else if (const WordTable::Entry* v = word(t[i].lower, "vague")) {
      size_t dash = v->value.find('-');
      q.low = std::stoi(v->value.substr(0, dash));
      q.high = std::stoi(v->value.substr(dash + 1));
      q.last = i;
      if (qualifier.empty()) return q;
      return q;  // "about dozens": still dozens
    }
    if (value < 0) return std::nullopt;
    q.last = last;
    if (range_high) {
      q.low = value;
      q.high = range_high;
    } else if (qualifier == "at-least") {
      q.low = value;
    } else if (qualifier == "more-than") {
      q.low = value + 1;
    } else if (qualifier == "up-to") {
      q.low = 0;
      q.high = value;
    } else if (qualifier == "fewer-than") {
      q.low = 0;
      q.high = std::max(0, value - 1);
    } else {
      q.low = value;
      q.high = value;
    }
    return q;
  };

  auto kind_at = [&](size_t i) -> std::optional<CasualtyMention::Kind> {
    if (i >= t.size()) return std::nullopt;
    if (word(t[i].lower, "killed")) return CasualtyMention::Kind::killed;
    if (word(t[i].lower, "injured")) return CasualtyMention::Kind::injured;
    return std::nullopt;
  };

  for (size_t i = 0; i < t.size(); ++i) {
    std::optional<Quantity> q = quantity(i);
    if (!q) continue;
    // A verb before the count: "killing 12", "killed 31 people", "погибли 12".
    auto only_space = [](std::string_view g) {
      return g.find_first_not_of(" \t\n") == std::string_view::npos;
    };
    auto ends_clause = [](std::string_view g) {
      return g.find_first_of(".;!?") != std::string_view::npos;
    };
    if (i > 0 && only_space(gap(i - 1, i))) {
      if (auto kind = kind_at(i - 1)) {
        out.push_back({*kind, q->low, q->high, t[i - 1].begin, t[q->last].end});
        i = q->last;
        continue;
      }
    }
    // Or after it, within reach: "31 people were killed", "12 wounded", "۱۲ نفر کشته".
    for (size_t j = q->last + 1; j < t.size() && j <= q->last + kReach; ++j) {
      if (ends_clause(gap(j - 1, j))) break;  // the verb of another sentence or clause
      if (quantity(j)) break;                 // another count comes first: the word is its
      if (auto kind = kind_at(j)) {
        out.push_back({*kind, q->low, q->high, t[q->first].begin, t[j].end});
        break;
      }
    }
    i = q->last;
  }
  return out;
}

}  // namespace sitrep::extract
