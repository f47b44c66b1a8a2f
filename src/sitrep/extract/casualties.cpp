#include "sitrep/extract/casualties.hpp"

#include <algorithm>
#include <tuple>

#include "sitrep/extract/russian_stems.hpp"
#include "sitrep/extract/tokens.hpp"
#include "sitrep/geo/gazetteer.hpp"

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
// How many words a count in a list may count: "15 Afghan security personnel".
constexpr size_t kMostListWords = 4;

void add_to(Quantity& total, const Quantity& more) {
  total.low += more.low;
  total.high =
      total.high && more.high ? std::optional<int>(*total.high + *more.high) : std::nullopt;
  total.last = more.last;
}

bool only_space(std::string_view gap) {
  return gap.find_first_not_of(" \t\n") == std::string_view::npos;
}

bool ends_clause(std::string_view gap) {
  return gap.find_first_of(".;!?\n") != std::string_view::npos;
}

// Between two counts of a list: a comma (Latin or Arabic), spaces.
bool list_punctuation(std::string_view gap) {
  return gap.find_first_not_of(", \t\n\u060C") == std::string_view::npos;
}

// One text's tokens read for counts with a killed or injured word before or after them.
class CountScanner {
 public:
  CountScanner(std::string_view text, const std::vector<Token>& tokens, const WordTable& words,
               const WordTable& dates)
      : text_(text), t_(tokens), words_(words), dates_(dates) {}

  std::vector<CasualtyMention> counts() {
    for (size_t i = 0; i < t_.size(); ++i) {
      std::optional<Quantity> q = quantity(i);
      if (!q) {
        i = read_russian_list(i);
        continue;
      }
      const bool no_count = a_day_of_month(i) || part_of_another(*q) ||
                            (counts_nobody(i) && qualifier_at(i).first.empty());
      i = no_count ? q->last : read_count(*q);
    }
    add_tolls();
    add_single_victims();
    return std::move(out_);
  }

 private:
  const WordTable::Entry* word(std::string_view lower, std::string_view kind) const {
    return words_.find(lower, kind);
  }
  bool is(size_t i, std::string_view lower) const { return i < t_.size() && t_[i].lower == lower; }
  std::string_view gap(size_t a, size_t b) const {
    return text_.substr(t_[a].end, t_[b].begin - t_[a].end);
  }

  std::optional<CasualtyMention::Kind> kind_at(size_t i) const {
    if (i >= t_.size()) return std::nullopt;
    if (word(t_[i].lower, "killed")) return CasualtyMention::Kind::killed;
    if (word(t_[i].lower, "injured")) return CasualtyMention::Kind::injured;
    return std::nullopt;
  }

  // The qualifier starting at token i ("at-least", "more-than" …, or empty) and the token after
  // it: at least | more than | over | about | up to | fewer than | не менее | более | около.
  std::pair<std::string, size_t> qualifier_at(size_t i) const {
    // "no fewer than 12", "not less than 12": at least 12
    if ((word_at(i, "nobody") || is(i, "not")) && i + 1 < t_.size()) {
      const WordTable::Entry* fewer = word(t_[i + 1].lower, "qualifier");
      if (fewer && fewer->value == "fewer-than" && is(i + 2, "than")) return {"at-least", i + 3};
    }
    if (is(i, "at") && i + 1 < t_.size() && word(t_[i + 1].lower, "qualifier")) {
      return {word(t_[i + 1].lower, "qualifier")->value, i + 2};
    }
    if (i < t_.size() && word(t_[i].lower, "qualifier")) {
      std::string qualifier = word(t_[i].lower, "qualifier")->value;
      ++i;
      if (is(i, "than") || is(i, "to") || is(i, "менее")) ++i;
      return {qualifier, i};
    }
    return {"", i};
  }

  // A number in digits at token i: 12, "1,200", a range "31-36" or "31 to 36", "2 dozen".
  // Returns the value, the range's high and the last token.
  std::tuple<int, std::optional<int>, size_t> digits_at(size_t i) const {
    int value = t_[i].number;
    size_t last = i;
    if (i + 1 < t_.size() && t_[i + 1].digits == 3 && gap(i, i + 1) == "," && t_[i].digits <= 3) {
      value = value * 1000 + t_[i + 1].number;  // 1,200
      last = ++i;
    }
    if (i + 1 < t_.size() && t_[i + 1].number > value &&
        (gap(i, i + 1) == "-" || gap(i, i + 1) == "–")) {
      return {value, t_[i + 1].number, i + 1};  // 31-36
    }
    if (is(i + 1, "to") && i + 2 < t_.size() && t_[i + 2].number > value) {
      return {value, t_[i + 2].number, i + 2};  // 31 to 36
    }
    if (const WordTable::Entry* m =
            last + 1 < t_.size() ? word(t_[last + 1].lower, "multiplier") : nullptr) {
      return {value * std::stoi(m->value), std::nullopt, last + 1};  // "2 dozen", "3 hundred"
    }
    return {value, std::nullopt, last};
  }

  // A number in words at token i ("twenty-five", "two dozen", "a 100"): the value (-1 for
  // none) and the last token.
  std::pair<int, size_t> number_words_at(size_t i) const {
    const WordTable::Entry* w = word(t_[i].lower, "number");
    if (!w) return {-1, i};
    int value = std::stoi(w->value);
    size_t last = i;
    const bool article = t_[i].lower == "a" || t_[i].lower == "an";
    if (article && i + 1 < t_.size() && t_[i + 1].number >= 0) {
      value = t_[i + 1].number;  // "a 100": the article before digits
      last = i + 1;
    } else if (i + 1 < t_.size() && word(t_[i + 1].lower, "number") && gap(i, i + 1) == "-" &&
               value >= 20 && value % 10 == 0) {
      value += std::stoi(word(t_[i + 1].lower, "number")->value);  // twenty-five
      last = i + 1;
    }
    if (const WordTable::Entry* m =
            last + 1 < t_.size() ? word(t_[last + 1].lower, "multiplier") : nullptr) {
      return {value * std::stoi(m->value), last + 1};  // two dozen, three hundred
    }
    if (article && last == i) return {-1, i};  // "a" alone counts nothing
    return {value, last};
  }

  // The count that starts at token i, if any.
  std::optional<Quantity> quantity(size_t i) const {
    std::optional<Quantity> q = number_at(i);
    if (q && (a_measure(*q) || (i > 0 && word(t_[i - 1].lower, "age")))) return std::nullopt;
    return q;
  }

  // A number that measures, not counts: "10 km", "a 33-year-old man", "2022 года"; an age set
  // off by commas after a word for one person ("Girl, 8, killed in Kandahar blast").
  bool a_measure(const Quantity& q) const {
    const size_t next = q.last + 1;
    if (q.first > 0 && q.first == q.last && next < t_.size() &&
        word(t_[q.first - 1].lower, "person") && gap(q.first - 1, q.first) == ", " &&
        gap(q.last, next).starts_with(",")) {
      return true;
    }
    if (next >= t_.size() || gap(q.last, next).find_first_not_of(" -") != std::string_view::npos) {
      return false;
    }
    return word(t_[next].lower, "unit") ||
           WordTable::of_kind(dates_.entries(t_[next].lower), "year-word");
  }

  // A killing right before token i, or after it and at most one word: "both" counts two only
  // there ("Both Afghan and US forces killed 30 militants" is 30).
  bool beside_a_killing(size_t i) const {
    auto verb = [&](size_t k) {
      return k < t_.size() && (kind_at(k) || word(t_[k].lower, "auxiliary"));
    };
    return (i > 0 && kind_at(i - 1)) || verb(i + 1) || (plain_word(i + 1) && verb(i + 2));
  }

  // The number (with its qualifier, range or multiplier) that starts at token i, if any.
  std::optional<Quantity> number_at(size_t i) const {
    Quantity q;
    q.first = i;
    auto [qualifier, at] = qualifier_at(i);
    if (at >= t_.size()) return std::nullopt;
    int value = -1;
    std::optional<int> range_high;
    size_t last = at;
    if (t_[at].number >= 0) {
      std::tie(value, range_high, last) = digits_at(at);
    } else if (word(t_[at].lower, "number")) {
      std::tie(value, last) = number_words_at(at);
    } else if (const WordTable::Entry* both = word(t_[at].lower, "both");
               both && beside_a_killing(at)) {
      value = std::stoi(both->value);  // "both attackers were shot dead", "killing both"
    } else if (const WordTable::Entry* m = word(t_[at].lower, "multiplier");
               m && t_[at].lower == "dozen") {
      value = std::stoi(m->value);  // "dozen" after "a" is handled above; alone it is 12
    } else if (const WordTable::Entry* v = word(t_[at].lower, "vague")) {
      const size_t dash = v->value.find('-');
      q.low = std::stoi(v->value.substr(0, dash));  // "about dozens": still dozens
      q.high = std::stoi(v->value.substr(dash + 1));
      q.last = at;
      return q;
    }
    if (value < 0) return std::nullopt;
    // "یو شمېر", "a number of": one and a word of number say no number at all, not one
    if (value == 1 && last + 1 < t_.size() && only_space(gap(last, last + 1)) &&
        word(t_[last + 1].lower, "some")) {
      return std::nullopt;
    }
    q.last = last;
    qualify(q, value, range_high, qualifier);
    return q;
  }

  static void qualify(Quantity& q, int value, std::optional<int> range_high,
                      const std::string& qualifier) {
    q.low = value;
    q.high = value;
    if (range_high) {
      q.high = range_high;
    } else if (qualifier == "at-least") {
      q.high.reset();
    } else if (qualifier == "more-than") {
      q.low = value + 1;
      q.high.reset();
    } else if (qualifier == "up-to") {
      q.low = 0;
    } else if (qualifier == "fewer-than") {
      q.low = 0;
      q.high = std::max(0, value - 1);
    }
  }

  // A word a count of people can count: not a number, a month, nor a word the table gives a
  // role.
  bool plain_word(size_t k) const {
    if (k >= t_.size() || t_[k].number >= 0 || looks_like_verb(k)) return false;
    if (const auto* dated = dates_.entries(t_[k].lower)) {
      for (const char* kind : {"month", "hijri-month", "year-word"}) {
        if (WordTable::of_kind(dated, kind)) return false;
      }
    }
    const auto* entries = words_.entries(t_[k].lower);
    if (!entries) return true;
    for (const char* kind : {"killed", "injured", "qualifier", "vague", "multiplier", "list-and",
                             "not-people", "unit", "verb", "one-aux"}) {
      if (WordTable::of_kind(entries, kind)) return false;
    }
    // "nine Taliban and five IS fighters": IS is no "is"
    return !WordTable::of_kind(entries, "auxiliary") || acronym(k);
  }

  // A name in capitals among words that are not ("IS", not a headline in capitals).
  bool acronym(size_t k) const {
    auto capitals = [&](size_t i) {
      const std::string_view w = text_.substr(t_[i].begin, t_[i].end - t_[i].begin);
      return w.size() >= 2 &&
             std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    return capitals(k) && (k == 0 || !capitals(k - 1)) && (k + 1 >= t_.size() || !capitals(k + 1));
  }

  // A verb that ends what a count counts: one the table lists ("said"), or an English word in
  // "-ed" that it does not list as an adjective ("20 others remained in hospital", "five
  // militants captured"; "two armed men" are people).
  bool looks_like_verb(size_t k) const {
    const std::string_view w = t_[k].lower;
    if (word(w, "verb")) return true;
    const bool ed = w.size() >= 5 && w.substr(w.size() - 2) == "ed" &&
                    std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const bool compound = k > 0 && gap(k - 1, k) == "-";  // "Taliban-appointed", "Iran-backed"
    return ed && !compound && !word(w, "adjective") && !word(w, "killed") && !word(w, "injured");
  }

  // The words a count counts, tokens [from, to): one to four plain words written together
  // ("15 security personnel"), none a month or unit ("18 April", "10 km", "2 of them").
  bool counts_people(size_t from, size_t to) const {
    if (to <= from || to - from > kMostListWords) return false;
    for (size_t k = from; k < to; ++k) {
      if (!plain_word(k)) return false;
      if (k > from && gap(k - 1, k).find_first_not_of(" -") != std::string_view::npos) {
        return false;
      }
    }
    return true;
  }

  // The count after a list's count that ends at token `last`: its words, then a comma, "and"
  // or ", and", then a count ("92 Taliban, 15 security personnel", "two policemen and three
  // civilians").
  std::optional<Quantity> next_in_list(size_t last) const {
    for (size_t joint = last + 2; joint < t_.size() && joint <= last + 1 + kMostListWords;
         ++joint) {
      const std::string_view before = gap(joint - 1, joint);
      size_t next = joint;
      // "и", "and"; or two words, "а также" (as well as)
      const WordTable::Entry* two = word(t_[joint].lower, "list-and-two");
      const bool second = two && joint + 1 < t_.size() && only_space(gap(joint, joint + 1)) &&
                          t_[joint + 1].lower == two->value;
      if (word(t_[joint].lower, "list-and") || second) {
        if (second) ++next;
        if (!list_punctuation(before) || ++next >= t_.size() || !only_space(gap(next - 1, next))) {
          return std::nullopt;
        }
      } else if (only_space(before) || before == "-") {
        continue;  // still the counted words ("прихожанин-сикх")
      } else if (!list_punctuation(before)) {
        return std::nullopt;
      }
      if (!counts_people(last + 1, joint)) return std::nullopt;
      // "seven policemen and all four attackers", "… and the two attackers"
      if (next > joint && next + 1 < t_.size() && word(t_[next].lower, "determiner") &&
          only_space(gap(next, next + 1)) && quantity(next + 1)) {
        ++next;
      }
      if (auto q = quantity(next)) {
        if (part_of_another(*q)) return std::nullopt;  // ", eight of them …": no next count
        return q;
      }
      // After a comma, "a …" is who said so or who they were: "killing seven policemen, a
      // provincial official said".
      return next > joint ? one_person_at(next) : std::nullopt;
    }
    return std::nullopt;
  }

  // Last in a list, after "and", "a civilian" counts one: "two policemen and a civilian"; in
  // Russian, which has no article, a noun in the singular ("двое полицейских и водитель").
  std::optional<Quantity> one_person_at(size_t i) const {
    if (auto noun = russian_singular_at(i)) return noun;
    if (!word(t_[i].lower, "one") || !word(t_[i].lower, "number") || !plain_word(i + 1)) {
      return std::nullopt;
    }
    return Quantity{1, 1, i, i};
  }

  // A Russian noun in the nominative singular counts one person: its last letter is one the
  // singular ends in (numbers.tsv: one-final; "сотрудник", "водитель", "журналистка", not
  // "сотрудники", "военнослужащие"). The noun is its own count: its words start at itself.
  std::optional<Quantity> russian_singular_at(size_t i) const {
    if (i == 0 || i >= t_.size() || !plain_word(i) || !russian_word(t_[i].lower) || quantity(i)) {
      return std::nullopt;  // "девять" is a number, not a singular noun
    }
    const std::string_view w = t_[i].lower;  // Russian letters, two bytes each
    if (!word(w.substr(w.size() - 2), "one-final")) return std::nullopt;
    return Quantity{1, 1, i, i - 1};
  }

  // Russian lists singular people after a plural killing, without numbers: "погибли
  // военнослужащий пограничных войск и сотрудник органов внутренних дел" (a serviceman and an
  // officer died: 2). Only a list counts: a singular alone after a plural verb is no toll.
  size_t read_russian_list(size_t verb) {
    const auto lead = static_cast<unsigned char>(t_[verb].lower[0]);
    if ((lead != 0xD0 && lead != 0xD1) || !word(t_[verb].lower, "plural-killing")) {
      return verb;  // a Cyrillic letter's UTF-8 starts with D0 or D1: the others need no lookup
    }
    const auto kind = kind_at(verb);  // a plural-killing row says nothing of killed or injured
    const auto first = russian_singular_at(verb + 1);
    if (!kind || !first || !only_space(gap(verb, verb + 1))) return verb;
    Quantity total = *first;
    const size_t end = add_counts_listed_after(total, first->last);
    if (total.low < 2) return verb;
    out_.push_back({*kind, total.low, total.high, t_[verb].begin, t_[end].end});
    return end;
  }

  // A number beside a month names a day: "KABUL, Sept 3 (Reuters) - A suicide bomber killed …",
  // "застрелен 13 мая" (shot on 13 May). An English month after the number is written with a
  // capital: "5 may have been killed" is a count.
  bool a_day_of_month(size_t i) const {
    if (t_[i].number < 0) return false;
    auto month = [&](size_t k) {
      return WordTable::of_kind(dates_.entries(t_[k].lower), "month") != nullptr;
    };
    const bool after = i > 0 && only_space(gap(i - 1, i)) && month(i - 1);
    const bool before = i + 1 < t_.size() && only_space(gap(i, i + 1)) && month(i + 1) &&
                        !(text_[t_[i + 1].begin] >= 'a' && text_[t_[i + 1].begin] <= 'z');
    return after || before;
  }

  // Whether a count at token i follows a verb whose object it is ("arrested 12 suspects and two
  // policemen were wounded"); a verb that opens a clause does not count ("said five soldiers
  // and 18 fighters were killed").
  bool object_of_a_verb(size_t i) const {
    return i > 0 && only_space(gap(i - 1, i)) && looks_like_verb(i - 1) &&
           !word(t_[i - 1].lower, "opener");
  }

  // A killing said in the passive at token j: "were killed", "died", "dead".
  bool passive(size_t j) const {
    return (j > 0 && word(t_[j - 1].lower, "auxiliary")) || is(j, "died") || is(j, "dead");
  }

  // The last count of the list that starts with q (q's own last token when it is alone).
  size_t list_end(const Quantity& q) const {
    size_t last = q.last;
    for (auto more = next_in_list(last); more; more = next_in_list(last)) last = more->last;
    return last;
  }

  // A count that is part of another: "24 killed, including 4 policemen", "Twenty-two people,
  // among them eight civilians". Or set off by a comma with "of them": "Ten people, eight of
  // them Taliban fighters, were killed".
  bool part_of_another(const Quantity& q) const {
    const size_t i = q.first;
    if (i > 0 && word(t_[i - 1].lower, "subset")) return true;
    if (i > 1 && them(i - 1) && is(i - 2, "among")) return true;
    if (relative_part(q)) return true;
    return i > 0 && gap(i - 1, i).find(',') != std::string_view::npos && is(q.last + 1, "of") &&
           them(q.last + 2);
  }
  // "them", "whom": the people a count before them counted ("among them", "eight of them")
  bool them(size_t k) const { return is(k, "them") || is(k, "whom"); }

  // Dari and Pashto set a part off as a relative clause, with "of them" after its count and no
  // killing of its own: "شپږ ملکي وګړي چې دوه یې ماشومان دي" (six civilians, two of whom are
  // children), "شش غیرنظامی که دو تن از آنان کودک بودند". "یې" is also the doer of a verb, and
  // "چې" starts any clause: "بم وچاودېد چې دوه پولیس یې ووژل" (a bomb went off that killed two
  // policemen) counts the killed.
  bool relative_part(const Quantity& q) const {
    if (q.first == 0 || !word(t_[q.first - 1].lower, "relative")) return false;
    bool of_them = false;
    for (size_t k = q.last + 1; k < t_.size() && !ends_clause(gap(k - 1, k)); ++k) {
      if (!only_space(gap(k - 1, k))) break;  // "،": the relative clause ends
      if (kind_at(k)) return false;
      if (k <= q.last + 3 && word(t_[k].lower, "of-them")) of_them = true;
      if (!of_them && k >= q.last + 3) return false;
    }
    return of_them;
  }

  // The last of the words a listed count counts, after token `after`, when the verb comes
  // before the list; or nothing when they are followed by a verb of their own ("killed 5
  // soldiers, and 2 police were wounded": the 2 are not the killed).
  std::optional<size_t> words_after(size_t after) const {
    size_t end = after + 1;
    while (end <= after + kMostListWords && counts_people(after + 1, end + 1)) ++end;
    if (end == after + 1) return std::nullopt;
    if (end < t_.size() && !ends_clause(gap(end - 1, end)) &&
        (kind_at(end) || word(t_[end].lower, "auxiliary") || looks_like_verb(end))) {
      return std::nullopt;
    }
    return end - 1;
  }

  // Reads the count q as a casualty count if a verb goes with it; returns the token to go on
  // after.
  size_t read_count(const Quantity& q) {
    const size_t i = q.first;
    if (names_a_weekday(q)) return q.last;
    if (i > 0 && only_space(gap(i - 1, i))) {
      if (auto kind = kind_at(i - 1)) return read_after_verb(*kind, i - 1, q);
      // "killed the three attackers", "killing his two sons", "погибли ещё два", "killed all
      // four attackers", "уничтожили всех четверых"
      const bool determiner = word(t_[i - 1].lower, "determiner") ||
                              word(t_[i - 1].lower, "possessive") || word(t_[i - 1].lower, "more");
      if (determiner && i > 1 && only_space(gap(i - 2, i - 1))) {
        if (auto kind = kind_at(i - 2)) return read_after_verb(*kind, i - 2, q);
      }
    }
    return read_before_verb(q);
  }

  // A verb before the count: "killing 12", "killed 31 people", "погибли 12"; with the counts
  // listed after it ("killing three policemen and two civilians").
  size_t read_after_verb(CasualtyMention::Kind kind, size_t verb, const Quantity& q) {
    Quantity total = q;
    const size_t end = add_counts_listed_after(total, q.last);
    out_.push_back({kind, total.low, total.high, t_[verb].begin, t_[end].end});
    return end;
  }

  // Adds to `total` the counts listed after it, each with words of its own and no verb of its
  // own; returns the last of those words (`end` when no count follows).
  size_t add_counts_listed_after(Quantity& total, size_t end) const {
    for (auto more = next_in_list(total.last); more; more = next_in_list(total.last)) {
      auto words_end = words_after(more->last);
      if (!words_end) break;
      add_to(total, *more);
      end = *words_end;
    }
    return end;
  }

  // Dari's "یک" is also the article: "در انفجار یک ماین … کشته شدند" (in the blast of a mine
  // … were killed) counts no one before a plural verb. It counts before a singular one ("یک
  // مجاهد … شهید شد"), a person named as the object ("یک دکاندار را کشت"), with a classifier
  // ("یک تن"), or in a list ("یک زن و دو کودک").
  bool dari_article(const Quantity& q) const {
    if (q.first != q.last || t_[q.first].lower != "یک" || next_in_list(q.last)) return false;
    const size_t noun = q.last + 1;
    return !is(noun, "تن") && !is(noun, "نفر") && !is(noun + 1, "را");
  }

  // Dari and Pashto write some weekdays as a number and "Saturday": "سه شنبه" (Tuesday) is no
  // count of three.
  bool names_a_weekday(const Quantity& q) const {
    const size_t next = q.last + 1;
    return next < t_.size() && geo::in_arabic_script(t_[next].lower) &&
           WordTable::of_kind(dates_.entries(t_[next].lower), "weekday") != nullptr;
  }

  // A verb after the count, within reach: "31 people were killed", "12 wounded", "۱۲ نفر
  // کشته"; with the counts listed before it ("92 Taliban, 15 security personnel killed").
  size_t read_before_verb(const Quantity& q) {
    Quantity total = q;
    bool listed = false;
    // "Two policemen and three civilians were killed"; not "arrested 12 suspects and two
    // policemen were wounded".
    for (auto more = object_of_a_verb(q.first) ? std::nullopt : next_in_list(total.last); more;
         more = next_in_list(total.last)) {
      add_to(total, *more);
      listed = true;
    }
    size_t reach = total.last + (verb_last_count(q) ? kVerbLastReach : kReach);
    const size_t subject_reach = object_of_a_verb(q.first) ? 0 : total.last + kSubjectReach;
    bool subject = true;  // the words so far may be the count's subject (see kSubjectReach)
    for (size_t j = total.last + 1; j < t_.size() && j <= std::max(reach, subject_reach); ++j) {
      if (ends_clause(gap(j - 1, j))) break;  // the verb of another sentence or clause
      subject &= subject_goes_on(j);
      if (j > reach && !subject) break;
      if (auto other = quantity(j); other && !dari_article(*other)) {
        if (!part_of_another(*other)) break;  // another count comes first: the verb is its
        // "At least 29 people, including 11 police officers, were killed": the verb may be as
        // far from the part as from a count. "Fourteen personnel, including seven soldiers and
        // seven guards, embraced shahadat": a part may be a list.
        j = list_end(*other);
        reach = std::max(reach, j + kReach);
        continue;
      }
      if (auto kind = kind_at(j)) {
        // A list's last count counts words of its own: "Of the 40 passengers, 12 were killed"
        // is 12, which the scan finds next.
        if (listed && !plain_word(total.last + 1)) break;
        // A killing with its count after it is that count's: "Police arrested ten men and
        // killed 3 of them", "Five soldiers killed 12 militants".
        if (j + 1 < t_.size() && only_space(gap(j, j + 1)) && quantity(j + 1)) break;
        if (j > reach && !were_before(j)) break;
        if (dari_article(q) && !word_at(j + 1, "one-aux")) break;  // "یک ماین … کشته شدند"
        CasualtyMention m{*kind, total.low, total.high, t_[q.first].begin, t_[j].end};
        // "The police chief and two of his guards were killed"
        if (auto one = passive(j) ? person_before(q) : headline_person_before(q, j)) {
          m.low += 1;
          if (m.high) *m.high += 1;
          m.begin = t_[*one].begin;
        } else if (with_a_person_before(q)) {
          m.low += 1;
          if (m.high) *m.high += 1;
        }
        out_.push_back(m);
        return j;
      }
    }
    return q.last;
  }

  // Dari, Pashto and Urdu put the verb last, after all else its clause says of the count: "دو
  // محافظ والی نیز در این حمله جان باختند" (two guards of the governor also died in this attack).
  // Not a count of one: "یک", "یو" are also the article ("در یک حمله انتحاری … کشته شدند",
  // in a suicide attack … were killed).
  static constexpr size_t kVerbLastReach = 12;
  bool verb_last_count(const Quantity& q) const {
    return (q.low >= 2 || with_a_person_before(q)) && geo::in_arabic_script(t_[q.first].lower);
  }

  // Past kReach, a count that is no verb's object reaches a plural passive over its subject's
  // words: "Two men belonging to the Hazara community were shot dead", "Two policemen escorting a
  // polio team were shot dead". The words have no verb or auxiliary of their own ("Two men
  // were arrested after police officers were killed" counts no dead).
  static constexpr size_t kSubjectReach = 12;
  bool subject_goes_on(size_t j) const {
    if (kind_at(j)) return were_before(j);
    if (is(j, "were") || word_at(j, "killed-with")) return true;
    return !word(t_[j].lower, "auxiliary") && !looks_like_verb(j) && !word(t_[j].lower, "verb");
  }
  // "were killed", "were shot dead"
  bool were_before(size_t j) const {
    if (j < 2) return false;
    return is(word_at(j - 1, "killed-with") ? j - 2 : j - 1, "were");
  }

  // Who died with a person killed: "and three worshippers", "along with his three
  // bodyguards", "and four of his students", "along with two police guards and two other men".
  // The count and the last token of the words it counts.
  std::optional<std::pair<Quantity, size_t>> companions_at(size_t k) const {
    if (k < t_.size() && word(t_[k].lower, "possessive")) ++k;
    if (k >= t_.size()) return std::nullopt;
    std::optional<Quantity> q = quantity(k);
    if (!q) return std::nullopt;
    size_t words_from = q->last;
    if (is(words_from + 1, "of") && words_from + 2 < t_.size() &&
        word(t_[words_from + 2].lower, "possessive")) {
      words_from += 2;
    }
    auto end = words_after(words_from);
    if (!end) return std::nullopt;
    Quantity total = *q;
    const size_t last_word = add_counts_listed_after(total, *end);
    return std::pair{total, last_word};
  }

  bool clause_between(size_t a, size_t b) const {
    return gap(a, b).find_first_of(".;!?:\n") != std::string_view::npos;
  }
  bool covered(size_t begin, size_t end) const {
    return std::any_of(out_.begin(), out_.end(), [&](const CasualtyMention& c) {
      return c.kind == CasualtyMention::Kind::killed && begin < c.end && c.begin < end;
    });
  }
  const WordTable::Entry* word_at(size_t i, std::string_view kind) const {
    return i < t_.size() ? words_.find(t_[i].lower, kind) : nullptr;
  }

  // "A teacher was shot dead", "killing the shopkeeper", "shot dead a presenter and her
  // driver", "killing the imam and three worshippers": one person, and those killed with them,
  // when no count covers the words already.
  void add_single_victims() {
    std::vector<CasualtyMention> found;
    for (size_t k = 0; k < t_.size(); ++k) {
      // the killing: "killed", "shot dead", "gunned down"
      size_t last = k;
      if (const WordTable::Entry* with = word_at(k, "killed-with")) {
        if (k + 1 >= t_.size() || t_[k + 1].lower != with->value) continue;
        last = k + 1;
      } else if (!word_at(k, "killed") || t_[k].lower == "deaths" || t_[k].lower == "fatalities") {
        continue;
      }
      std::optional<CasualtyMention> victim = passive_at(k) ? passive_victim(passive_at(k), last)
                                              : word_at(last + 1, "one-aux")
                                                  ? singular_passive(k, last + 1)
                                              : word_at(k, "one-verb")    ? one_verb_victims(k)
                                              : word_at(k, "object-verb") ? one_object(k)
                                                                          : active_victims(k, last);
      if (victim && !covered(victim->begin, victim->end)) found.push_back(*victim);
      k = victim ? std::max(last, token_ending(victim->end)) : last;
    }
    out_.insert(out_.end(), found.begin(), found.end());
    std::sort(out_.begin(), out_.end(),
              [](const CasualtyMention& a, const CasualtyMention& b) { return a.begin < b.begin; });
  }

  size_t token_ending(size_t byte) const {
    auto it = std::lower_bound(t_.begin(), t_.end(), byte,
                               [](const Token& t, size_t b) { return t.end < b; });
    return static_cast<size_t>(it - t_.begin());
  }

  // The person a count of others follows: "The police chief of Takhar province and two of his
  // bodyguards were killed", "An assistant commissioner and two other officials", "A policeman
  // and two civilians", "A mother and her three children" ("her" before the count is passed
  // over). The count says "other" or "of his", or a word for one person (numbers.tsv: person)
  // stands right before the "and" ("A roadside bomb hit a police van and its two officers were
  // killed" is two); before the "and", back to the clause's start, stand a determiner and words
  // only. Returns the determiner's token.
  std::optional<size_t> person_before(const Quantity& q) const {
    constexpr size_t kMostPersonWords = 10;
    const bool theirs = q.first >= 3 && word(t_[q.first - 1].lower, "possessive");
    const size_t joint = theirs ? q.first - 1 : q.first;
    if (joint < 2 || !word(t_[joint - 1].lower, "list-and")) return std::nullopt;
    const bool others = word(t_[joint - 2].lower, "person") || is(q.last + 1, "other") ||
                        is(q.last + 1, "others") ||
                        (is(q.last + 1, "of") && q.last + 2 < t_.size() &&
                         word(t_[q.last + 2].lower, "possessive"));
    if (!others) return std::nullopt;
    size_t start = joint - 1;
    while (!clause_starts_at(start) && joint - start <= kMostPersonWords) --start;
    if (!clause_starts_at(start) || joint - 1 - start < 2 || !word(t_[start].lower, "one") ||
        word(t_[start].lower, "possessive")) {
      return std::nullopt;
    }
    for (size_t k = start + 1; k + 1 < joint; ++k) {
      if (!plain_word(k) && !word(t_[k].lower, "one") && !is(k, "of")) return std::nullopt;
    }
    return start;
  }

  // A headline that opens with one person, a comma and a count: "Mother, 3 children killed",
  // "Governor, 2 guards killed". Only as the text's first word (the title's, or an untitled
  // report's): elsewhere a comma before a count sets off more than a person ("Bomb hits police
  // chief, 3 guards killed" is 3). Not an age: "Girl, 8, killed" has a comma after its count.
  // `killing` is the killing's token. Returns the person's token.
  std::optional<size_t> headline_person_before(const Quantity& q, size_t killing) const {
    if (q.first != 1 || !word(t_[0].lower, "person") || !list_punctuation(gap(0, 1)) ||
        gap(0, 1).find(',') == std::string_view::npos ||
        gap(killing - 1, killing).find(',') != std::string_view::npos) {
      return std::nullopt;
    }
    return size_t{0};
  }

  // Whether a clause starts at token k: the text's first, or one after punctuation.
  bool clause_starts_at(size_t k) const {
    return k == 0 || gap(k - 1, k).find_first_of(",.;:!?\n") != std::string_view::npos;
  }

  // Dari names a person, then "و" and a count "از" his men, with the possessive on the noun:
  // "ولسوال ولسوالی اشکمش و یکی از محافظانش" (the Ishkamish district governor and one of his
  // guards); Pashto "او د هغه" and a count. The person is one more.
  bool others_of_the_one_before(const Quantity& q) const {
    // Pashto: "ولسوال او د هغه یو ساتونکی" (the district governor and his one guard)
    if (q.first >= 3 && is(q.first - 3, "او") && is(q.first - 2, "د") &&
        (is(q.first - 1, "هغه") || is(q.first - 1, "هغې"))) {
      return true;
    }
    if (q.first < 2 || !is(q.first - 1, "و") || !is(q.last + 1, "از") || q.last + 2 >= t_.size()) {
      return false;
    }
    const std::string& men = t_[q.last + 2].lower;
    return men.ends_with("انش") || men.ends_with("هایش") || men.ends_with("یش");
  }

  // Whether the count follows a person it adds to: "ولسوال … و یکی از محافظانش … کشته شدند",
  // "… همراه با یکی از همکارانش به هلاکت رسید" (along with one of his colleagues).
  bool with_a_person_before(const Quantity& q) const {
    return others_of_the_one_before(q) || (q.first >= 2 && along_with_at(q.first - 2));
  }

  // Where "was" stands before the killing at token k ("was killed", "was also killed"), or 0.
  size_t passive_at(size_t k) const {
    size_t aux = k >= 2 ? k - 1 : 0;
    if (aux >= 2 && t_[aux].lower == "also") --aux;
    const bool was = t_[aux].lower == "was" || (t_[aux].lower == "is" && !acronym(aux));
    return aux >= 1 && was ? aux + 1 : 0;
  }

  // Dari and Pashto put the auxiliary after the killing and say by it that one person died:
  // "وزیر … کشته شد", "ولسوال … ووژل شو" (the plural is "شدند", "شول"). One killed, over the
  // clause before it, so that a count in the clause ("یک تن کشته شد") stands instead.
  std::optional<CasualtyMention> singular_passive(size_t killing, size_t aux) const {
    constexpr size_t kClauseReach = 10;
    size_t start = killing;
    while (start > 0 && killing - start < kClauseReach && !clause_between(start - 1, start) &&
           gap(start - 1, start).find(',') == std::string_view::npos) {
      --start;
    }
    CasualtyMention m{CasualtyMention::Kind::killed, 1, 1, t_[start].begin, t_[aux].end};
    // "قاری فاتح … همراه با یکی از همکارانش به هلاکت رسید" (along with one of his colleagues)
    for (size_t j = start; j + 2 < killing; ++j) {
      if (!along_with_at(j)) continue;
      if (std::optional<Quantity> with = quantity(j + 2)) {
        m.low = 1 + with->low;
        m.high = with->high ? std::optional<int>(1 + *with->high) : std::nullopt;
      }
      break;
    }
    return m;
  }

  // Russian: a killing in the singular is one person's death, with those "вместе с" them: "Он
  // погиб вместе с сыном" (he died together with his son) is two.
  std::optional<CasualtyMention> one_verb_victims(size_t killing) const {
    std::optional<CasualtyMention> m = singular_passive(killing, killing);
    if (m) add_companions(*m, killing, /*along_with_only=*/true);
    return m;
  }

  // "<one> <noun…> was <killing>": `first` is the token after "was", `last` the killing's last.
  // The noun's words may run to ten ("The imam of a mosque in Kabul's Wazir Akbar Khan area was
  // killed") and hold a name between commas ("The deputy governor, Nisar Ahmad Ahmadi, was").
  static constexpr size_t kPassiveSubjectReach = 12;
  // Of several determiners before the comma nearest "was", the first is the subject's: "A
  // police constable assigned to guard a polio vaccination team was shot dead" is the
  // constable's death.
  std::optional<CasualtyMention> passive_victim(size_t first, size_t last) const {
    std::optional<size_t> subject;
    for (size_t d = first - 1; d-- > 0 && d + kPassiveSubjectReach > first;) {
      if (clause_between(d, first - 1) || word_at(d, "killed")) break;
      if (subject && gap(d, d + 1).find(',') != std::string_view::npos) break;
      if (t_[d].number >= 0) {
        const std::optional<Quantity> number = number_at(d);
        if (!number || !a_measure(*number)) break;  // "a 33-year-old man was killed" goes on
      }
      if (t_[d].lower == "and" || t_[d].lower == "were") break;
      if (word_at(d, "one") && t_[d].lower != "his" && t_[d].lower != "her") subject = d;
    }
    if (!subject) subject = named_subject(first - 1);
    if (!subject || counts_nobody(*subject)) return std::nullopt;
    CasualtyMention m{CasualtyMention::Kind::killed, 1, 1, t_[*subject].begin, t_[last].end};
    add_companions(m, last, /*along_with_only=*/true);
    return m;
  }

  // "No one was killed", "Nobody was hurt": the subject at token k, or the word before it.
  bool counts_nobody(size_t k) const {
    return word_at(k, "nobody") || (k > 0 && word_at(k - 1, "nobody"));
  }

  // "Assistant Sub-Inspector Gul Nawaz of Kulachi police station was martyred": a subject with
  // no determiner is one person when it opens its clause with a capital (a rank, a name) and
  // holds words only. Returns its first token; `aux` is the token of "was".
  std::optional<size_t> named_subject(size_t aux) const {
    if (aux == 0) return std::nullopt;
    for (size_t d = aux; d-- > 0 && d + kPassiveSubjectReach > aux;) {
      if (!plain_word(d) && t_[d].lower != "of") return std::nullopt;
      if (t_[d].lower == "and" || t_[d].lower == "were") return std::nullopt;
      const bool opens =
          d == 0 || clause_between(d - 1, d) || gap(d - 1, d).find(',') != std::string_view::npos;
      if (!opens) continue;
      const char first = text_[t_[d].begin];
      if (first < 'A' || first > 'Z' || words_.entries(t_[d].lower)) return std::nullopt;
      return d;
    }
    return std::nullopt;
  }

  // "<killing> <one|him> …", with "and his|her …" for a second person, or the count of those
  // killed with them.
  std::optional<CasualtyMention> active_victims(size_t first, size_t last) const {
    const size_t next = last + 1;
    if (next >= t_.size() || clause_between(last, next)) return std::nullopt;
    if (!word_at(next, "one") && !word_at(next, "one-person")) return std::nullopt;
    if (t_[next].lower == "one" && is(next + 1, "of")) return std::nullopt;
    CasualtyMention m{CasualtyMention::Kind::killed, 1, 1, t_[first].begin, t_[next].end};
    add_companions(m, next, /*along_with_only=*/false);
    return m;
  }

  // Adds to the one person of m, whose words end at token `last`, those killed with them: "and
  // his driver", "along with his driver", "along with one worshipper", "and three worshippers",
  // "вместе с сыном", "вместе с двумя охранниками". After a passive ("was killed and his brother
  // wounded") only "along with" joins them.
  void add_companions(CasualtyMention& m, size_t last, bool along_with_only) const {
    constexpr size_t kSecondPersonReach = 8, kCompanionsReach = 12;
    for (size_t j = last + 1; j < t_.size() && j <= last + kCompanionsReach; ++j) {
      if (clause_between(j - 1, j)) break;
      const bool along_with = along_with_at(j);
      const bool joins = along_with || (!along_with_only && word_at(j, "list-and"));
      if (!joins) continue;
      const size_t second = j + (along_with ? 2 : 1);
      if (auto with = companions_at(second)) {
        m.low = 1 + with->first.low;
        m.high = with->first.high ? std::optional<int>(1 + *with->first.high) : std::nullopt;
        m.end = t_[with->second].end;
        return;
      }
      if (j > last + kSecondPersonReach || (!along_with && t_[j].lower != "and")) continue;
      // "his driver", "с сыном": one more person, whose words end at `person_end`
      std::optional<size_t> person_end = one_with_at(second);
      if (word_at(second, "one")) person_end = plain_word(second + 1) ? second + 1 : second;
      if (person_end) {
        m.low = 2;
        m.high = 2;
        m.end = t_[*person_end].end;
        return;
      }
    }
  }

  // "along with", "вместе с", "вместе со": numbers.tsv's kind along, with the next words in its
  // value ("с|со").
  bool along_with_at(size_t j) const {
    const WordTable::Entry* along = word_at(j, "along");
    if (!along || j + 1 >= t_.size() || !only_space(gap(j, j + 1))) return false;
    std::string_view rest = along->value;
    while (!rest.empty()) {
      const size_t bar = rest.find('|');
      if (t_[j + 1].lower == rest.substr(0, bar)) return true;
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
    return false;
  }

  // A Russian noun in the singular instrumental, after "вместе с" and maybe a possessive: "с
  // сыном", "со своим водителем" (numbers.tsv: with-one-ending). Returns its token.
  std::optional<size_t> one_with_at(size_t k) const {
    if (k < t_.size() && word(t_[k].lower, "possessive")) ++k;
    if (k >= t_.size() || !only_space(gap(k - 1, k))) return std::nullopt;
    const std::string_view ending = russian_ending(t_[k].lower);
    if (ending.empty() || !word(ending, "with-one-ending")) return std::nullopt;
    return k;
  }

  // Russian says by the case ending of the word after an active killing that one person was
  // killed: "застрелили телеведущую", "убили главу уезда", "убили губернатора" (a singular
  // accusative; numbers.tsv: one-ending), not "убили полицейских" (plural: a count says how
  // many) nor "застрелили в Кабуле".
  std::optional<CasualtyMention> one_object(size_t verb) const {
    const size_t next = verb + 1;
    if (next >= t_.size() || !only_space(gap(verb, next)) || quantity(next)) return std::nullopt;
    const std::string_view ending = russian_ending(t_[next].lower);
    if (ending.empty() || !word(ending, "one-ending")) return std::nullopt;
    return CasualtyMention{CasualtyMention::Kind::killed, 1, 1, t_[verb].begin, t_[next].end};
  }

  // Dari and Pashto put the number before the verb, so the toll is the first count after the
  // toll word, in its clause (an Arabic comma ends one too), unless the wounded are what it
  // counts ("۳۰ تن زخمی شدند"). For example:
  //   "شمار کشته‌شدگان را دست‌کم ۱۸ تن اعلام کردند"
  //     (they put the number of the dead at 18 at least);
  //   "د مړو شمېر ۲۰ ته ورسېد" (the number of the dead reached 20).
  void add_toll_before_its_verb(size_t i, size_t reach) {
    for (size_t j = i + 1; j < t_.size() && j <= i + reach; ++j) {
      if (clause_between(j - 1, j) || word_at(j, "injured") ||
          gap(j - 1, j).find("،") != std::string_view::npos) {
        return;
      }
      std::optional<Quantity> q = quantity(j);
      if (!q) continue;
      for (size_t k = q->last + 1; k <= q->last + 2 && k < t_.size(); ++k) {
        if (word_at(k, "injured")) return;
      }
      if (!covered(t_[i].begin, t_[q->last].end)) {
        out_.push_back(
            {CasualtyMention::Kind::killed, q->low, q->high, t_[i].begin, t_[q->last].end});
      }
      return;
    }
  }

  // Urdu's "جاں بحق افراد کی تعداد 44 ہو گئی" (the number of persons killed became 44): a word
  // for a number (toll-of) is a toll's when a killed word stands among the four before it.
  bool killed_before(size_t i) const {
    constexpr size_t kWords = 4;
    for (size_t k = i; k-- > 0 && i - k <= kWords;) {
      if (clause_between(k, k + 1)) return false;
      if (word_at(k, "killed")) return true;
    }
    return false;
  }

  // "the death toll rose to 84", "число жертв возросло до 84", "число погибших достигло 84": a
  // toll word, then within the clause a verb of its rising, then the count (after "to", "at",
  // "до" if any). The count has no killed word of its own, so nothing else reads it.
  void add_tolls() {
    constexpr size_t kTollReach = 10;
    for (size_t i = 0; i < t_.size(); ++i) {
      if (word_at(i, "toll-number") || (word_at(i, "toll-of") && killed_before(i))) {
        add_toll_before_its_verb(i, kTollReach);
      }
      if (!word_at(i, "toll")) continue;
      for (size_t j = i + 1; j < t_.size() && j <= i + kTollReach; ++j) {
        // "число погибших и раненых", "the toll of wounded": not (only) the dead
        if (clause_between(j - 1, j) || word_at(j, "injured")) break;
        if (!word_at(j, "toll-verb")) continue;
        size_t at = j + 1;
        if (is(at, "to") || is(at, "at") || is(at, "до")) ++at;
        std::optional<Quantity> q = at < t_.size() ? quantity(at) : std::nullopt;
        if (q && !covered(t_[i].begin, t_[q->last].end)) {
          out_.push_back(
              {CasualtyMention::Kind::killed, q->low, q->high, t_[i].begin, t_[q->last].end});
        }
        break;
      }
    }
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  const WordTable& words_;
  const WordTable& dates_;
  std::vector<CasualtyMention> out_;
};

}  // namespace

Result<CasualtyReader> CasualtyReader::load(const std::string& data_dir) {
  auto words = WordTable::load(data_dir + "/lexicon/numbers.tsv");
  if (!words) return std::move(words).take_error();
  auto dates = WordTable::load(data_dir + "/lexicon/dates.tsv");
  if (!dates) return std::move(dates).take_error();
  CasualtyReader r;
  r.words_ = std::move(*words);
  r.dates_ = std::move(*dates);
  return r;
}

std::vector<CasualtyMention> CasualtyReader::find(std::string_view text) const {
  return find(text, tokenize(text));
}

std::vector<CasualtyMention> CasualtyReader::find(std::string_view text,
                                                  const std::vector<Token>& tokens) const {
  return CountScanner(text, tokens, words_, dates_).counts();
}

}  // namespace sitrep::extract
