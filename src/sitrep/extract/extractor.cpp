#include "sitrep/extract/extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <span>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "sitrep/extract/place_context.hpp"
#include "sitrep/extract/province_seats.hpp"
#include "sitrep/extract/russian_stems.hpp"
#include "sitrep/extract/sentences.hpp"
#include "sitrep/extract/text_spans.hpp"
#include "sitrep/extract/tokens.hpp"
#include "sitrep/geo/name_key.hpp"
#include "sitrep/model/tsv_table.hpp"

namespace sitrep::extract {

// A state's forces, and when they were that state's (data/lexicon/state-forces.tsv).
struct StateForce {
  std::string actor, country;
  model::Day from = INT32_MIN, to = INT32_MAX;
  // Countries the force was based in, and when: a strike there was not across a border (US
  // forces in Afghanistan until August 2021).
  struct Base {
    std::string country;
    model::Day from = INT32_MIN, to = INT32_MAX;
  };
  std::vector<Base> based_in;

  bool based(std::string_view where, model::Day day) const {
    return std::any_of(based_in.begin(), based_in.end(), [&](const Base& b) {
      return b.country == where && day >= b.from && day <= b.to;
    });
  }
};

struct Extractor::Parts {
  std::vector<StateForce> state_forces;
  LanguageDetector language;
  SourceClassifier sources;
  DateReader dates;
  CasualtyReader casualties;
  WordTable numbers;
  model::ActorRegistry actors;
  PlaceFinder places;
};

namespace {

using Kind = LexiconHit::Kind;

// Everything found in one report's text, before it is grouped into mentions.
struct Reading {
  std::string_view text;
  std::string language;                         // the report's, as detected ("fa", "ru", "und")
  size_t dateline_begin = 0, dateline_end = 0;  // "KABUL (Reuters) -": where it was filed
  std::optional<model::Day> published;
  std::vector<Sentence> sentences;
  std::vector<LexiconHit> hits;
  std::vector<PlaceSpan> places;
  std::vector<geo::Resolution> resolved;  // one per place span
  std::vector<DateMention> dates;
  std::vector<CasualtyMention> casualties;
  std::vector<Token> tokens;
};

bool inside(size_t begin, const Sentence& s) {
  return begin >= s.begin && begin < s.end;
}

// The items (sorted by begin) that begin in [from, to): every lookup stays local, so a report
// of any length is read in time proportional to its length.
template <typename T>
std::span<const T> between(const std::vector<T>& items, size_t from, size_t to) {
  auto by_begin = [](const T& x, size_t at) { return x.begin < at; };
  auto lo = std::lower_bound(items.begin(), items.end(), from, by_begin);
  auto hi = std::lower_bound(lo, items.end(), std::max(from, to), by_begin);
  return {lo, hi};
}

size_t before(size_t at, size_t reach) {
  return at > reach ? at - reach : 0;
}
// Whether the text just before `at` (within `reach` bytes), lower-cased, ends with one of
// `words` ("by ", "the ", "against ").
bool ends_before(std::string_view text, size_t at, size_t reach,
                 std::initializer_list<std::string_view> words) {
  std::string lower;
  for (size_t k = before(at, reach); k < at; ++k) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
  }
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return lower.ends_with(w); });
}

// The sentence an offset lies in, or nullptr.
const Sentence* sentence_at(const std::vector<Sentence>& sentences, size_t at) {
  auto s = std::upper_bound(sentences.begin(), sentences.end(), at,
                            [](size_t b, const Sentence& x) { return b < x.end; });
  return s != sentences.end() && inside(at, *s) ? &*s : nullptr;
}

template <typename T>
std::vector<const T*> within(const std::vector<T>& items, const Sentence& s) {
  std::vector<const T*> out;
  for (const T& item : between(items, s.begin, s.end)) out.push_back(&item);
  return out;
}

bool is_cue(const Lexicon& lex, const LexiconHit& h, Cue cue) {
  return h.kind == Kind::cue && lex.cue(h.entry) == cue;
}

bool has_cue(const Lexicon& lex, const std::vector<const LexiconHit*>& hits, Cue cue) {
  return std::any_of(hits.begin(), hits.end(),
                     [&](const LexiconHit* h) { return is_cue(lex, *h, cue); });
}

// Whether only spaces and at most `words` short words separate [.., from) and [to, ..).
bool close_before(std::string_view text, size_t from, size_t to, size_t max_gap) {
  if (from > to || to - from > max_gap) return false;
  std::string_view gap = text.substr(from, to - from);
  return gap.find_first_of(".;:!?") == std::string_view::npos;
}

// The same, with the gap counted in characters (code points), not bytes: for the gaps that
// Russian and Dari fill with as many words as English ("взяла на себя террористическая
// группировка «ИГ»").
bool close_before_in_characters(std::string_view text, size_t from, size_t to,
                                size_t max_characters) {
  if (from > to) return false;
  std::string_view gap = text.substr(from, to - from);
  return character_count(gap) <= max_characters &&
         gap.find_first_of(".;:!?") == std::string_view::npos;
}

// Languages that put the verb last (Dari, Pashto, Urdu, Tajik, Uzbek): a speech verb after a
// date may be when someone spoke.
bool verb_last(std::string_view language) {
  return language == "fa" || language == "ps" || language == "ur" || language == "tg" ||
         language == "uz";
}

// Whether a date is when someone spoke, not when the event happened: right after "said" ("said
// on Friday", "сообщили во вторник": eight bytes between), or, where the verb comes last, a few
// words before it with no event word between ("نن اسیا ته وویل": told Asia today; "روز
// شنبه به رسانه‌ها گفت": told the media on Saturday).
bool spoken_on(const Reading& r, const Lexicon& lex, const DateMention& d) {
  constexpr size_t kVerbLastReach = 12;  // characters between the date and the verb
  for (const LexiconHit& h : between(r.hits, before(d.begin, 32), d.end + 4 * kVerbLastReach)) {
    if (h.kind == Kind::trigger && h.begin >= d.end) return false;
    if (!is_cue(lex, h, Cue::speech)) continue;
    // "said on Friday", not "به گفته او، روز سه‌شنبه" (according to him, on
    // Tuesday …)
    if (h.end <= d.begin && close_before(r.text, h.end, d.begin, 8) &&
        !has_comma(r.text.substr(h.end, d.begin - h.end))) {
      return true;
    }
    if (h.begin >= d.end && verb_last(h.language) &&
        close_before_in_characters(r.text, d.end, h.begin, kVerbLastReach) &&
        !has_comma(r.text.substr(d.end, h.begin - d.end))) {
      return true;
    }
  }
  return false;
}

// The origin cue ("from", "из", "از") the place span follows, perhaps with "the" or "the
// territory of" between (at most three short words, no other place or phrase); nullptr if none.
const LexiconHit* origin_cue_before(const Lexicon& lex, const Reading& r, const PlaceSpan& place) {
  for (const LexiconHit& h : between(r.hits, before(place.begin, 64), place.begin)) {
    if (h.end > place.begin) break;
    bool origin = is_cue(lex, h, Cue::origin) || is_cue(lex, h, Cue::origin_abroad);
    if (!origin || !close_before(r.text, h.end, place.begin, 24)) continue;
    auto near = between(r.hits, h.end, place.begin);
    bool other = std::any_of(near.begin(), near.end(),
                             [&](const LexiconHit& x) { return x.end <= place.begin; });
    auto places = between(r.places, h.end, place.begin);
    bool place_between = std::any_of(places.begin(), places.end(),
                                     [&](const PlaceSpan& p) { return p.end <= place.begin; });
    std::string_view gap = r.text.substr(h.end, place.begin - h.end);
    if (!other && !place_between && std::count(gap.begin(), gap.end(), ' ') <= 4) return &h;
  }
  return nullptr;
}

bool after_origin_cue(const Lexicon& lex, const Reading& r, const PlaceSpan& place) {
  return origin_cue_before(lex, r, place) != nullptr;
}

// Whether a reference cue ("resident of", "north of", "ساکن") ends within `max_gap` bytes before
// the place, among the cues that begin within `reach` bytes of it.
bool after_reference_cue(const Lexicon& lex, const Reading& r, const PlaceSpan& place, size_t reach,
                         size_t max_gap) {
  auto near = between(r.hits, before(place.begin, reach), place.begin);
  return std::any_of(near.begin(), near.end(), [&](const LexiconHit& h) {
    return is_cue(lex, h, Cue::reference) && close_before(r.text, h.end, place.begin, max_gap);
  });
}

int precision_rank(const std::string& precision) {
  static const std::vector<std::string> order = {"point",  "admin2", "admin1",
                                                 "border", "region", "country"};
  auto it = std::find(order.begin(), order.end(), precision);
  return static_cast<int>(it - order.begin());
}

bool targets_forces(const std::string& target) {
  return target == "military" || target == "police" || target == "security-forces" ||
         target == "armed-groups";
}

// Whether an event word counts: not weapons found ("seizing suicide vests", "explosives were
// recovered": a seizure cue within a few words before or after it, in the same sentence).
bool counts_as_event(const Lexicon& lex, const Reading& r, const LexiconHit& trigger) {
  for (const LexiconHit& h : between(r.hits, before(trigger.begin, 96), trigger.end + 96)) {
    // "arrested after the Quetta blast": an earlier event, told as background
    if (is_cue(lex, h, Cue::background) && h.end <= trigger.begin &&
        close_before(r.text, h.end, trigger.begin, 12) &&
        between(r.hits, h.end, trigger.begin).empty()) {  // "after gunmen …": not background
      return false;
    }
    // weapons seized or carried: only weapon nouns ("grenades"), not what was done ("attacked")
    if (!is_cue(lex, h, Cue::seizure)) continue;
    if (lex.trigger(trigger.entry).event_type != "Explosions/Remote violence" &&
        !(h.begin == trigger.begin && h.end == trigger.end)) {
      continue;
    }
    if (h.begin == trigger.begin && h.end == trigger.end) return false;
    bool near = h.begin >= trigger.end ? close_before(r.text, trigger.end, h.begin, 80)
                                       : close_before(r.text, h.end, trigger.begin, 80);
    if (near) return false;
  }
  return true;
}

// Whether a sentence's words say it tells no event: the deaths were no violence ("earthquake"),
// the report is about something else, or the killings are years of them ("in recent years").
bool says_no_event(const Lexicon& lex, const std::vector<const LexiconHit*>& hits) {
  return has_cue(lex, hits, Cue::not_event) || has_cue(lex, hits, Cue::off_topic);
}

// Whether a sentence tells of an event: an event word that counts, and nothing saying it tells
// none.
bool event_sentence(const Lexicon& lex, const Reading& r, const Sentence& sentence) {
  std::vector<const LexiconHit*> hits = within(r.hits, sentence);
  if (says_no_event(lex, hits)) return false;
  // The weakest words ("operation", "destroyed", "fired") tell of an event only with a toll.
  bool toll = !within(r.casualties, sentence).empty();
  return std::any_of(hits.begin(), hits.end(), [&](const LexiconHit* h) {
    return h->kind == Kind::trigger && counts_as_event(lex, r, *h) &&
           (lex.trigger(h->entry).strength > 1 || toll);
  });
}

// Whether one of a sentence's event words comes with "the", "this" or "that" before it, or a
// demonstrative of another language (cues.tsv: refers-back; "این حمله", "د دې برید", "этот
// теракт"): it names an event already told ("… said its fighters had fired the rockets").
bool refers_back(const Reading& r, const Lexicon& lex, const std::vector<const LexiconHit*>& hits) {
  constexpr size_t kReach = 24;  // bytes: a demonstrative and the spaces after it
  for (const LexiconHit* h : hits) {
    if (h->kind != Kind::trigger || !counts_as_event(lex, r, *h)) continue;
    if (ends_before(r.text, h->begin, 6, {"the ", "this ", "that "})) return true;
    for (const LexiconHit& c : between(r.hits, before(h->begin, kReach), h->begin)) {
      if (is_cue(lex, c, Cue::refers_back) && spaces_only(r.text, c.end, h->begin)) return true;
    }
  }
  return false;
}

// Whether an event word stands beside a claim or a denial of responsibility (within a few
// words, either side), or is part of one ("claimed the attack"): the attack claimed, not a new
// one.
bool claims_the_event(const Reading& r, const Lexicon& lex,
                      const std::vector<const LexiconHit*>& hits) {
  constexpr size_t kReach = 16;  // characters
  for (const LexiconHit* cue : hits) {
    bool claim = is_cue(lex, *cue, Cue::claim), claim_verb = is_cue(lex, *cue, Cue::claim_verb);
    if (!claim && !claim_verb && !is_cue(lex, *cue, Cue::no_claim)) continue;
    for (const LexiconHit* h : hits) {
      if (h->kind != Kind::trigger) continue;
      if ((claim || claim_verb) && h->begin == cue->begin && h->end == cue->end) return true;
      if (claim_verb) continue;
      if (close_before_in_characters(r.text, h->end, cue->begin, kReach) ||
          close_before_in_characters(r.text, cue->end, h->begin, kReach)) {
        return true;
      }
    }
  }
  return false;
}

// Whether the headline says the report is about something else than violence: a not-event cue
// ("Floods wreak havoc in Swat", "Gas cylinder blast …", "… explosive growth") with no weapon
// word of its own ("Bomb kills five at cricket match" is an attack).
bool off_topic(const Reading& r, const Lexicon& lex, size_t title_end) {
  if (title_end == 0) return false;
  auto title = between(r.hits, 0, title_end);
  const LexiconHit* cue = nullptr;
  for (const LexiconHit& h : title) {
    if (is_cue(lex, h, Cue::off_topic)) return true;
    if (is_cue(lex, h, Cue::not_event)) cue = &h;
  }
  // a headline dated by a month or year gone by: a statistic ("… 75 militants killed in 2022")
  for (const DateMention& d : between(r.dates, 0, title_end)) {
    if (r.published && d.span.precision >= model::DatePrecision::month &&
        d.span.end < *r.published - 14) {
      return true;
    }
  }
  if (!cue) return false;
  return std::none_of(title.begin(), title.end(), [&](const LexiconHit& h) {
    if (h.kind != Kind::trigger || lex.trigger(h.entry).strength < 4) return false;
    bool described = h.begin >= cue->end && close_before(r.text, cue->end, h.begin, 2);
    return !described;  // "gas cylinder blast": the cue says what the blast was
  });
}

// The sentences of one mention, and what the reading found in them.
struct Group {
  std::vector<size_t> sentences;
};

class MentionReader {
 public:
  MentionReader(const Extractor::Parts& parts, const Lexicon& lex, const geo::Gazetteer& g,
                const Reading& r, const Document& doc, const SourceKind& source,
                std::string report_country, size_t title_end)
      : title_end_(title_end),
        parts_(parts),
        lex_(lex),
        g_(g),
        r_(r),
        doc_(doc),
        source_(source),
        report_country_(std::move(report_country)) {}

  // `before`: the mention read just before this one, if any (for "the same day").
  Mention read(const Group& group, const Mention* before) const {
    Mention m;
    std::vector<const LexiconHit*> hits;
    for (size_t s : group.sentences) {
      const Sentence& sentence = r_.sentences[s];
      m.sentences.push_back({sentence.begin, sentence.end});
      for (const LexiconHit* h : within(r_.hits, sentence)) hits.push_back(h);
    }
    read_event_class(hits, m);
    Roles roles = read_actors(group, m);
    read_target(hits, roles, m);
    read_places(group, hits, roles, m);
    if (m.event_type == "Protests") {  // protesters strike nobody
      m.target.clear();
      m.target_level.clear();
      m.target_minority.clear();
      m.target_evidence = {};
    }
    read_date(group, m);
    if (before) date_as_before(group, *before, m);  // before the actors, resolved at the date
    read_casualties(group, m);
    if (m.sub_event_type == "Abduction/forced disappearance" && m.killed && m.killed->low > 0) {
      m.sub_event_type = "Attack";  // abducted and then killed: ACLED codes the killing
    }
    assign_actors(roles, m);
    read_arrested(hits, m);
    // after the actors: a side struck with no target noun ("killed two Tajik border guards")
    // names the target
    resolve_event_class(m);
    refine_event_class(hits, m);
    read_cross_border(hits, m);
    read_claims(hits, roles, m);
    m.hedged = has_cue(lex_, hits, Cue::hedge);
    for (const LexiconHit* h : hits) {
      if (is_cue(lex_, *h, Cue::hedge)) {
        m.hedge_evidence = {h->begin, h->end};
        break;
      }
    }
    m.confidence = confidence(m);
    return m;
  }

  // Every place the report names, each once, in text order, whether or not an event was read
  // from it: what a report in a language read only in part still gives.
  std::vector<PlaceMention> named_places() const {
    std::vector<PlaceMention> out;
    std::set<std::string> seen;
    for (size_t i = 0; i < r_.places.size(); ++i) {
      PlaceMention pm = place_mention(r_.places[i], r_.resolved[i]);
      std::string key = pm.found ? pm.name + '\x1f' + pm.admin1 + '\x1f' + pm.country : pm.text;
      if (seen.insert(key).second) out.push_back(std::move(pm));
    }
    return out;
  }

  // Every actor the report names, each once, in text order, resolved in the report's country
  // at its publication date.
  std::vector<ActorMention> named_actors() const {
    std::vector<ActorMention> out;
    std::set<std::string> seen;
    Mention none;  // no event: the report's country and day stand in
    for (const LexiconHit& h : r_.hits) {
      if (h.kind != Kind::actor) continue;
      ActorMention a = actor_mention({&h, 0, false}, none);
      if (seen.insert(a.actor).second) out.push_back(std::move(a));
    }
    return out;
  }

 private:
  struct ActorUse {
    const LexiconHit* hit;
    int rank;  // perpetrator preference: lower is better
    bool uncertain;
  };
  struct Roles {
    std::vector<ActorUse> perpetrators, targets, claimants, deniers;
    std::vector<const LexiconHit*> speakers;
    // "militants" in "militants of the TTP attacked": the group's own men, never its target
    std::vector<const LexiconHit*> group_members;
  };

  void read_event_class(const std::vector<const LexiconHit*>& hits, Mention& m) const {
    const LexiconHit* best = nullptr;
    const LexiconHit* armed = nullptr;  // the strongest event word that names a weapon
    // The headline may sum up several events ("Sikh shot in Peshawar, teacher kidnapped in
    // Khyber"): its words decide only when the body's sentences of this event have none.
    bool body_trigger = std::any_of(hits.begin(), hits.end(), [&](const LexiconHit* h) {
      return h->kind == Kind::trigger && h->begin >= title_end_ && counts_as_event(lex_, r_, *h);
    });
    for (const LexiconHit* h : hits) {
      if (h->kind != Kind::trigger || !counts_as_event(lex_, r_, *h)) continue;
      if (body_trigger && h->begin < title_end_) continue;
      const TriggerEntry& t = lex_.trigger(h->entry);
      if (!best || t.strength > lex_.trigger(best->entry).strength) best = h;
      if (!t.weapon.empty() && (!armed || t.strength > lex_.trigger(armed->entry).strength)) {
        armed = h;
      }
    }
    // The count may sit at another phrase of the same weapon ("Rockets hit …; ten 107mm rockets
    // were fired"): the first that has one.
    std::optional<int> count;
    if (armed) {
      for (const LexiconHit* h : hits) {
        if (h->kind != Kind::trigger || !counts_as_event(lex_, r_, *h) ||
            lex_.trigger(h->entry).weapon != lex_.trigger(armed->entry).weapon)
          continue;
        if ((count = count_before(h->begin))) {
          m.weapon_evidence = {h->begin, h->end};
          break;
        }
      }
    }
    if (!best) return;
    const TriggerEntry& t = lex_.trigger(best->entry);
    m.event_type = t.event_type;
    m.sub_event_type = t.sub_event_type;
    m.trigger = {best->begin, best->end};
    if (armed) {
      m.weapon = lex_.trigger(armed->entry).weapon;
      if (!count) m.weapon_evidence = {armed->begin, armed->end};
      m.weapon_count = count;
    }
  }

  // "ten 107mm rockets", "two suicide bombers", "an IED": the number right before a weapon
  // phrase, over a calibre ("107mm") if there is one.
  std::optional<int> count_before(size_t begin) const {
    const Token* previous = nullptr;
    auto at = std::lower_bound(r_.tokens.begin(), r_.tokens.end(), begin,
                               [](const Token& t, size_t b) { return t.end <= b; });
    if (at != r_.tokens.begin()) previous = &*(at - 1);
    for (int step = 0; step < 2 && previous; ++step) {
      if (!close_before(r_.text, previous->end, begin, 2)) return std::nullopt;
      bool calibre = previous->number >= 0 &&
                     previous->lower.find_first_not_of("0123456789") != std::string::npos;
      if (!calibre) {
        if (previous->number >= 0) return previous->number;
        if (const WordTable::Entry* e = parts_.numbers.find(previous->lower, "number")) {
          return std::atoi(e->value.c_str());
        }
        return std::nullopt;
      }
      begin = previous->begin;
      previous = previous == r_.tokens.data() ? nullptr : previous - 1;
    }
    return std::nullopt;
  }

  // Who each named actor is in its sentence: perpetrator, target, claimant, denier or speaker.
  Roles read_actors(const Group& group, const Mention& m) const {
    Roles roles;
    mention_type_ = m.event_type;
    for (size_t s : group.sentences) {
      const Sentence& sentence = r_.sentences[s];
      std::vector<const LexiconHit*> hits = within(r_.hits, sentence);
      size_t trigger_at = std::string_view::npos;
      for (const LexiconHit* h : hits) {
        if (h->kind == Kind::trigger) {
          trigger_at = h->begin;
          break;
        }
      }
      for (size_t i = 0; i < hits.size(); ++i) {
        const LexiconHit* a = hits[i];
        if (a->kind != Kind::actor) continue;
        if (i > 0 && hits[i - 1]->kind == Kind::actor && hits[i - 1]->begin == a->begin) continue;
        classify_actor(hits, i, trigger_at, roles);
        // "militants of the TTP": one actor. The group's own role stands ("Militants of the TTP
        // denied …"); when it has none, it takes the militants' ("attacked by militants of the
        // TTP").
        if (size_t named = of_a_named_group(hits, i); named != 0) {
          classify_actor(hits, named, trigger_at, roles);
          if (has_role(roles, hits[named])) {
            drop_roles(roles, a);
          } else {
            take_roles(roles, a, hits[named]);
          }
          if (std::any_of(roles.perpetrators.begin(), roles.perpetrators.end(),
                          [&](const ActorUse& u) { return u.hit == hits[named]; })) {
            roles.group_members.push_back(a);
          }
          i = named;
        }
      }
    }
    return roles;
  }

  // "militants of the Tehreek-i-Taliban Pakistan", "fighters from the Islamic State": an
  // unidentified actor that the next words say belong to a named one. The named one's index in
  // hits, or 0.
  size_t of_a_named_group(const std::vector<const LexiconHit*>& hits, size_t i) const {
    if (lex_.actor(hits[i]->entry).role != ActorEntry::Role::unidentified) return 0;
    for (size_t j = i + 1; j < hits.size(); ++j) {
      const LexiconHit* h = hits[j];
      if (h->begin == hits[i]->begin) continue;
      if (h->kind != Kind::actor || lex_.actor(h->entry).role != ActorEntry::Role::actor) return 0;
      std::string_view gap = r_.text.substr(hits[i]->end, h->begin - hits[i]->end);
      bool belongs = gap == " of the " || gap == " of " || gap == " from the " ||
                     gap == " belonging to the " || russian_genitive_link(gap);
      return belongs ? j : 0;
    }
    return 0;
  }

  // The roles an actor use can hold (speakers are listed by hit alone).
  static std::array<std::vector<ActorUse>*, 4> uses(Roles& roles) {
    return {&roles.perpetrators, &roles.targets, &roles.claimants, &roles.deniers};
  }

  static bool has_role(Roles& roles, const LexiconHit* hit) {
    for (const auto* list : uses(roles)) {
      if (std::any_of(list->begin(), list->end(),
                      [&](const ActorUse& u) { return u.hit == hit; })) {
        return true;
      }
    }
    return std::find(roles.speakers.begin(), roles.speakers.end(), hit) != roles.speakers.end();
  }

  static void drop_roles(Roles& roles, const LexiconHit* hit) {
    for (auto* list : uses(roles)) {
      std::erase_if(*list, [&](const ActorUse& u) { return u.hit == hit; });
    }
    std::erase(roles.speakers, hit);
  }

  // The roles given to `from` are the named group's.
  static void take_roles(Roles& roles, const LexiconHit* from, const LexiconHit* to) {
    for (auto* list : uses(roles)) {
      for (ActorUse& u : *list) {
        if (u.hit == from) u.hit = to;
      }
    }
    std::replace(roles.speakers.begin(), roles.speakers.end(), from, to);
  }

  // Whether an event word stands in [begin, end).
  bool event_word_between(size_t begin, size_t end) const {
    auto inside = between(r_.hits, begin, end);
    return std::any_of(inside.begin(), inside.end(),
                       [](const LexiconHit& h) { return h.kind == Kind::trigger; });
  }

  // Whether only "and" (or "and the") stands between two phrases.
  bool joined_by_and(size_t end, size_t begin) const {
    if (begin <= end) return false;
    std::string_view gap = r_.text.substr(end, begin - end);
    return gap == " and " || gap == " and the ";
  }

  // The first cue after hits[i] in the sentence, before any other actor (two actors joined by
  // "and" share the cue): the first within max_gap bytes of `from` (the actor's end, or the end
  // of a relative clause after it), unless another actor comes first. Background cues ("after",
  // "responsible for", "foiled") speak of events, not of the actor: "گروه داعش ساعاتی پس از آغاز
  // حمله مسئولیت آن را بر عهده گرفت" (IS claimed it hours after the attack began). (Counting
  // characters instead of bytes, tried on 2026-12-01, found more Dari claimants but lost Russian
  // and Urdu ones.)
  const LexiconHit* next_cue(const std::vector<const LexiconHit*>& hits, size_t i, size_t from,
                             size_t max_gap) const {
    for (size_t j = i + 1; j < hits.size(); ++j) {
      const LexiconHit* h = hits[j];
      if (h->begin == hits[i]->begin || h->begin < from) continue;
      if (h->kind == Kind::actor && lex_.actor(h->entry).role == ActorEntry::Role::unidentified &&
          close_before(r_.text, hits[j - 1]->end, h->begin, 1)) {
        continue;  // "Islamic State militants claimed …": one actor
      }
      if (h->kind == Kind::actor && hits[j - 1]->kind == Kind::actor &&
          joined_by_and(hits[j - 1]->end, h->begin)) {
        continue;  // "Both the Taliban and Islamic State claimed …": both claimed
      }
      // "وزارت دفاع ملی امارت اسلامی می‌گوید": the ministry of the
      // Emirate, one party speaking
      if (h->kind == Kind::actor && j == i + 1 && verb_last(r_.language) &&
          few_plain_words(hits[i]->end, h->begin, 1)) {
        continue;
      }
      if (h->kind == Kind::actor) return nullptr;
      if (h->begin - from > max_gap) return nullptr;
      if (h->kind == Kind::cue) {
        Cue c = lex_.cue(h->entry);
        if (c != Cue::origin && c != Cue::destination && c != Cue::hedge && c != Cue::same_day &&
            c != Cue::refers_back && c != Cue::background) {
          return h;
        }
      }
    }
    return nullptr;
  }

  // Where a relative clause opened right after `end` (", whose fighters control the district,")
  // closes, or `end` when none opens there.
  size_t after_relative_clause(size_t end) const {
    std::string_view rest = r_.text.substr(end, 160);
    for (std::string_view opener : {", whose ", ", who ", ", which "}) {
      if (!rest.starts_with(opener)) continue;
      size_t comma = rest.find(", ", opener.size());
      size_t stop = rest.find_first_of(".;", opener.size());
      if (comma != std::string_view::npos && comma < stop) return end + comma + 2;
    }
    return end;
  }

  // Russian puts who speaks after the speech word: "Представитель движения «Талибан» … заявил",
  // "Представитель талибов в провинции подтвердил", "сообщили талибы". A speech word at most two
  // words before the name, in its clause, makes the name a source, not the attacker.
  bool russian_speaker_before(const LexiconHit& cue, size_t name_begin) const {
    constexpr size_t kWordsBetween = 2;
    if (r_.language != "ru" || lex_.cue(cue.entry) != Cue::speech || cue.end > name_begin) {
      return false;
    }
    std::string_view gap = r_.text.substr(cue.end, name_begin - cue.end);
    if (gap.find_first_of(",.;:!?()") != std::string_view::npos) return false;
    return between(r_.tokens, cue.end, name_begin).size() <= kWordsBetween;
  }

  // Where the chain of names that ends with actor i begins: "Сарраёсати Қӯшунҳои сарҳадии
  // Кумитаи давлатии амнияти миллии" (the border troops' directorate of the security committee)
  // is one source, each name owning the next, so "according to" before the first speaks of all.
  size_t start_of_name_chain(const std::vector<const LexiconHit*>& hits, size_t i) const {
    size_t from = hits[i]->begin;
    for (size_t j = i; j-- > 0;) {
      const LexiconHit* h = hits[j];
      if (h->end > from) continue;  // words of a name overlapping this one
      if (h->kind != Kind::actor || !spaces_only(r_.text, h->end, from)) break;
      from = h->begin;
    }
    return from;
  }

  void classify_actor(const std::vector<const LexiconHit*>& hits, size_t i, size_t trigger_at,
                      Roles& roles) const {
    const LexiconHit* a = hits[i];
    const ActorEntry& entry = lex_.actor(a->entry);
    // "The Taliban, whose fighters control the district, said …": the actor's own words come
    // after the clause.
    const size_t end = after_relative_clause(a->end);
    // Dari and Pashto put a time and a channel between the claimant and the claim's verb at the
    // clause's end ("گروه داعش چند ساعت بعد از طریق خبرگزاری اعماق مسئولیت … گرفت"), in letters
    // of two bytes each.
    const bool far_verb = r_.language == "fa" || r_.language == "ps";
    const LexiconHit* cue = next_cue(hits, i, end, far_verb ? 100 : 60);
    auto cue_is = [&](Cue c) { return cue && lex_.cue(cue->entry) == c; };
    bool suspected = false, spoken_of = false;
    const size_t named_from = start_of_name_chain(hits, i);
    for (size_t j = 0; j < i; ++j) {
      const LexiconHit* h = hits[j];
      if (h->kind != Kind::cue || a->begin - h->end > 80) continue;
      if (lex_.cue(h->entry) == Cue::suspect) suspected = true;
      if (lex_.cue(h->entry) == Cue::attribution && h->end <= named_from &&
          named_from - h->end < 6) {
        spoken_of = true;
      }
      if (russian_speaker_before(*h, named_from)) spoken_of = true;
    }
    // "IS-KP was suspected" (passive: suspected); "officials blamed the Taliban" (the officials
    // accuse: they speak). Dari and Pashto put the verb after its object, with at most an object
    // marker between: "طالبان را مسئول دانست", "طالبانو ته منسوب کړ" blame the actor before it.
    const bool blamed_before_verb = verb_last(r_.language) && cue_is(Cue::suspect) &&
                                    close_before(r_.text, a->end, cue->begin, 8);
    if (blamed_before_verb) suspected = true;
    bool accuses =
        cue_is(Cue::suspect) && !blamed_before_verb && close_before(r_.text, a->end, cue->begin, 1);
    if (cue_is(Cue::suspect) && !accuses && only_auxiliaries(a->end, cue->begin)) suspected = true;
    bool named = entry.role == ActorEntry::Role::actor;
    // "Islamic State has claimed similar killings": spoken of. But in "a Taliban attack claimed
    // the lives of five", the event word between makes the actor the attacker.
    if (cue_is(Cue::not_claim) && !event_word_between(end, cue->begin)) {
      roles.speakers.push_back(a);
      return;
    }
    switch (postposition_after(hits, i)) {
      case Postposition::agent:  // "ٹی ٹی پی نے حملہ کیا": the TTP attacked
        roles.perpetrators.push_back({a, named ? 1 : 4, suspected});
        return;
      case Postposition::owner_of_agents:  // "ٹی ٹی پی کے دہشت گردوں نے": the TTP's fighters did
        roles.perpetrators.push_back({a, named ? 2 : 5, suspected});
        return;
      case Postposition::possessor:  // "پاک فوج کے دو جوان شہید": the army's men were struck
        if (named && trigger_at != std::string_view::npos) roles.targets.push_back({a, 0, false});
        return;
      case Postposition::none:
        break;
    }
    // Uzbek "чегарачилар патрулига қарата ўқ узилди": fire went toward the border guards' patrol
    if (cue_is(Cue::toward) && at_most_one_word_between(a->end, cue->begin)) {
      if (named) roles.targets.push_back({a, 0, false});
      return;
    }
    if (russian_agent(*a)) {  // "убиты талибами", "прикреплённой неизвестными"
      roles.perpetrators.push_back({a, named ? 1 : 4, suspected});
      return;
    }
    if (names_a_side(*a) || struck_upon(*a) ||
        (!cue_is(Cue::deny) && !cue_is(Cue::claim) && !cue_is(Cue::claim_verb) && victims(*a))) {
      if (named) roles.targets.push_back({a, 0, false});
      return;
    }
    if (accuses || (cue_is(Cue::defend) && named)) {
      if (cue_is(Cue::defend)) roles.targets.push_back({a, 0, false});
      roles.speakers.push_back(a);
      return;
    }
    // … but "заявил, что талибы к убийству непричастны": what is said of the actor is a denial
    if (claimed_before(hits, i) && entry.role != ActorEntry::Role::unidentified &&
        !cue_is(Cue::deny)) {
      roles.claimants.push_back(
          {a, 0, false});  // "взяла на себя группировка «ИГ»", "claimed by IS"
      return;
    }
    if (cue_is(Cue::speech) && named && claim_after(hits, i)) {
      roles.claimants.push_back({a, 0, false});  // "a Taliban spokesman said … carried out"
      return;
    }
    // "The Taliban said they had nothing to do with it": the denial is the actor's own words.
    // … and "заявил, что талибы к убийству непричастны": "said that", a weak claim, followed by
    // a denial is the denial.
    bool denies = cue_is(Cue::deny) || ((cue_is(Cue::speech) || cue_is(Cue::claim_verb)) && named &&
                                        cue->begin - end < 24 && denial_follows(hits, *cue));
    if (denies) {
      roles.deniers.push_back({a, 0, false});
      // "It blamed the Taliban, who denied planting the device": suspected all the same
      if (suspected && entry.role == ActorEntry::Role::actor) {
        roles.perpetrators.push_back({a, 3, true});
      }
    } else if (cue_is(Cue::claim) || cue_is(Cue::claim_verb)) {
      if (entry.role != ActorEntry::Role::unidentified) roles.claimants.push_back({a, 0, false});
    } else if (entry.role == ActorEntry::Role::government_seat) {
      return;
    } else if (suspected && named && !spoken_of) {
      // "… blamed the Taliban, who said they were investigating": blamed first, speaking after
      roles.perpetrators.push_back({a, 3, true});
    } else if ((cue_is(Cue::speech) &&
                (cue->begin - end < 24 ||
                 (verb_last(r_.language) && few_plain_words(end, cue->begin)))) ||
               spoken_of) {
      roles.speakers.push_back(a);
    } else if (owns_attacker(hits, i)) {
      roles.perpetrators.push_back({a, 2, suspected});  // "soldiers of the Caliphate"
    } else if (by_before(a->begin) && event_word_before(hits, i)) {
      roles.perpetrators.push_back({a, named ? 1 : 5, suspected});
    } else if (suspected) {
      roles.perpetrators.push_back({a, named ? 3 : 6, true});
    } else if (its_own_event_word(hits, i)) {
      roles.perpetrators.push_back({a, named ? 1 : 4, false});  // "ВВС Афганистана": it struck
    } else if (trigger_at > a->begin ? event_word_after(hits, i) : subject_of_next(hits, i)) {
      roles.perpetrators.push_back({a, named ? 2 : 4, false});
    } else if (trigger_at != std::string_view::npos && named && struck(hits, i)) {
      roles.targets.push_back({a, 0, false});
    }
    // an actor merely named in a sentence without event words ("security forces cordoned off
    // the area") did not do it
  }

  // Urdu says whose a noun is and who did a deed with words after the name (cues.tsv: genitive,
  // agent): "X نے" (X did), "X کے … نے" (X's men did), "X کے/کی/کا …" with no agent after (X's
  // men, or X's vehicle, were what the deed struck).
  enum class Postposition { none, agent, owner_of_agents, possessor };
  Postposition postposition_after(const std::vector<const LexiconHit*>& hits, size_t i) const {
    constexpr size_t kOwnedReach = 32;  // characters from the genitive to the agent marker
    const LexiconHit* a = hits[i];
    size_t next = i + 1;  // past the other entries of the actor's own words (a target noun too)
    while (next < hits.size() && hits[next]->begin < a->end) ++next;
    if (next >= hits.size() || hits[next]->kind != Kind::cue ||
        !spaces_only(r_.text, a->end, hits[next]->begin)) {
      return Postposition::none;
    }
    const LexiconHit* marker = hits[next];
    if (is_cue(lex_, *marker, Cue::agent)) return Postposition::agent;
    if (!is_cue(lex_, *marker, Cue::genitive)) return Postposition::none;
    for (size_t j = next + 1; j < hits.size(); ++j) {
      const LexiconHit* h = hits[j];
      if (!close_before_in_characters(r_.text, marker->end, h->begin, kOwnedReach)) break;
      if (h->kind == Kind::trigger) break;
      if (is_cue(lex_, *h, Cue::agent)) return Postposition::owner_of_agents;
    }
    return Postposition::possessor;
  }

  // Whether the actor only names a side someone takes: "a pro-Taliban cleric", "an anti-Taliban
  // militia", "an armed group opposed to the Taliban" (whom the group fights). It did nothing.
  bool names_a_side(const LexiconHit& a) const {
    std::string_view before_text = r_.text.substr(0, a.begin);
    return before_text.ends_with("pro-") || before_text.ends_with("anti-") ||
           before_text.ends_with("Pro-") || before_text.ends_with("Anti-") ||
           ends_before(r_.text, a.begin, 16,
                       {"opposed to ", "opposed to the ", "close to ", "close to the ", "نزدیک به ",
                        "близкий к ", "близкого к "});
  }

  // The token that ends right before `begin`, and the one that starts at or after `end`
  // (nullptr at the text's edges).
  const Token* token_before(size_t begin) const {
    auto it = std::lower_bound(r_.tokens.begin(), r_.tokens.end(), begin,
                               [](const Token& t, size_t b) { return t.end <= b; });
    return it == r_.tokens.begin() ? nullptr : &*(it - 1);
  }
  const Token* token_after(size_t end) const {
    auto it = std::lower_bound(r_.tokens.begin(), r_.tokens.end(), end,
                               [](const Token& t, size_t e) { return t.begin < e; });
    return it == r_.tokens.end() ? nullptr : &*it;
  }

  // Dari and Pashto "upon": "پر طالبانو د برید" (of the attack on the Taliban), "حمله بر
  // طالبان"; and "د طالبانو پر یوه موټر" (on a vehicle of the Taliban). The attacker comes
  // before the preposition, never right after it, so the actor there is struck even in a
  // claim's sentence ("داعش … پر طالبانو د برید مسؤلیت ومانه").
  bool struck_upon(const LexiconHit& a) const {
    if (r_.language != "fa" && r_.language != "ps") return false;
    const Token* before = token_before(a.begin);
    if (!before || !spaces_only(r_.text, before->end, a.begin)) return false;
    static const std::vector<std::string> kUpon = {"پر", "بر", "بالای"};
    if (std::find(kUpon.begin(), kUpon.end(), before->lower) != kUpon.end()) return true;
    const Token* after = token_after(a.end);
    return r_.language == "ps" && before->lower == "د" && after && after->lower == "پر" &&
           spaces_only(r_.text, a.end, after->begin);
  }

  // Whether the actor is who suffered, not who acted: counted ("22 Taliban killed", "dozens of
  // militants"), or in the passive ("Taliban were killed", "Taliban killed in Helmand",
  // "Taliban suffer casualties").
  bool victims(const LexiconHit& a) const {
    if (names_a_side(a)) return true;
    if (followed_by_target_noun(a)) return true;  // "the Taliban police", "IS-KP commander"
    if (owner_after_target_noun(a)) return true;  // "по блокпосту талибов"
    if (struck_upon(a)) return true;              // "پر طالبانو"
    // "a vehicle carrying Taliban members", "موتر حامل نیروهای امارت اسلامی" (a car carrying
    // the Islamic Emirate's forces)
    if (ends_before(r_.text, a.begin, 32,
                    {"carrying ", "carrying the ", "حامل ", "حامل نیروهای ", "حامل افراد "})) {
      return true;
    }
    const Token* before = token_before(a.begin);
    const Token* after = token_after(a.end);
    const Token* after2 =
        after && after + 1 != r_.tokens.data() + r_.tokens.size() ? after + 1 : nullptr;
    // "dozens of militants", "12 members of the security forces", "три бойца сил безопасности
    // талибов", "около двадцати боевиков движения «Талибан»"
    static const std::vector<std::string> kOver = {
        "of",      "the",      "members", "member",       "its",         "group", "عضو",
        "اعضای",   "گروه",     "члена",   "членов",       "группировки", "бойца", "бойцов",
        "боевика", "боевиков", "сил",     "безопасности", "движения"};
    auto spaced = [&](size_t from, size_t to) {
      std::string_view gap = r_.text.substr(from, to - from);
      return gap == " " || gap == " «" || gap == " \"";
    };
    // the words before the actor, back over "members of" to the number that counts them, each
    // a space apart; a number right before "the" or "its" is a date's ("On March 5 the
    // Taliban attacked")
    bool next_to = before && spaced(before->end, a.begin);
    const Token* counted_word = nullptr;  // the word after the number, if the walk moved
    for (int step = 0; next_to && step < 3 && before != r_.tokens.data(); ++step) {
      if (std::find(kOver.begin(), kOver.end(), before->lower) == kOver.end()) break;
      const Token* earlier = before - 1;
      if (r_.text.substr(earlier->end, before->begin - earlier->end) != " ") break;
      counted_word = before;
      before = earlier;
    }
    if (counted_word && (counted_word->lower == "the" || counted_word->lower == "its")) {
      next_to = false;
    }
    if (next_to) {
      if (before->number >= 0 && before->digits < 4) return true;  // not a year
      for (const char* kind : {"number", "vague", "multiplier"}) {
        if (parts_.numbers.find(before->lower, kind) && before->lower != "a" &&
            before->lower != "an") {
          return true;
        }
      }
    }
    if (!after || !close_before(r_.text, a.end, after->begin, 2)) return false;
    static const std::vector<std::string> kPassive = {"were", "was",       "are",      "is",
                                                      "been", "suffer",    "suffered", "suffers",
                                                      "face", "sustained", "sustain",  "battered"};
    static const std::vector<std::string> kSuffer = {"suffer",    "suffered", "suffers", "face",
                                                     "sustained", "sustain",  "battered"};
    if (std::find(kSuffer.begin(), kSuffer.end(), after->lower) != kSuffer.end()) return true;
    if (std::find(kPassive.begin(), kPassive.end(), after->lower) != kPassive.end()) {
      // "were killed", "was shot dead": a passive of an event word, not "was suspected"
      if (!after2) return false;  // "… the Taliban were." at the end of the text
      auto at = between(r_.hits, after2->begin, after2->begin + 1);
      return std::any_of(at.begin(), at.end(),
                         [&](const LexiconHit& h) { return h.kind == Kind::trigger; });
    }
    static const std::vector<std::string> kHarmed = {"killed", "wounded", "injured", "dead"};
    static const std::vector<std::string> kThen = {"in",     "as",    "and", "while",
                                                   "during", "after", "by",  "when",
                                                   "on",     "near",  "at",  "including"};
    if (std::find(kHarmed.begin(), kHarmed.end(), after->lower) == kHarmed.end()) return false;
    if (!after2) return true;
    return std::find(kThen.begin(), kThen.end(), after2->lower) != kThen.end() ||
           r_.text.substr(after->end, 1) == ",";
  }

  // Whether the phrase stands in a sentence that tells of the event (an event word that counts):
  // "in a message to reporters" after the attack names no target.
  bool in_event_sentence(const LexiconHit& x) const {
    const Sentence* sentence = sentence_at(r_.sentences, x.begin);
    if (!sentence) return false;
    // "… and in recent years many members of the community fell victim to killings"
    std::vector<const LexiconHit*> hits = within(r_.hits, *sentence);
    if (says_no_event(lex_, hits)) return false;
    for (const LexiconHit* h : hits) {
      if (h->kind == Kind::trigger && counts_as_event(lex_, r_, *h)) return true;
    }
    return false;
  }

  // Whether a verb follows a name right away: the name acts ("Kabul has never recognised",
  // "Islamabad said"), so it stands for a government.
  bool subject_of_verb(size_t end) const {
    auto next = std::lower_bound(r_.tokens.begin(), r_.tokens.end(), end,
                                 [](const Token& t, size_t e) { return t.begin < e; });
    if (next == r_.tokens.end() || !close_before(r_.text, end, next->begin, 1)) return false;
    static const std::vector<std::string> kVerbs = {
        "has",     "had",    "have",    "did",   "does",  "said", "says",    "denied",  "denies",
        "accused", "blamed", "claimed", "never", "would", "will", "insists", "rejected"};
    return std::find(kVerbs.begin(), kVerbs.end(), next->lower) != kVerbs.end();
  }

  // Whether a place is named as a reference, not as where it happened ("resident of Kohat",
  // "north of Kabul", an end of "the Kabul-Kandahar highway"). `p` is one of r_.places.
  bool referenced(const PlaceSpan& p) const {
    auto i = static_cast<size_t>(&p - r_.places.data());
    return end_of_a_route(r_.text, r_.places, i) || after_reference_cue(lex_, r_, p, 24, 6);
  }

  // Whether [from, to) holds place names and nothing else but spaces and commas.
  bool only_places_between(size_t from, size_t to) const {
    size_t at = from;
    bool place = false;
    for (const PlaceSpan& p : r_.places) {
      if (p.begin < from || p.end > to) continue;
      if (!spaces_or_commas(r_.text.substr(at, p.begin - at))) return false;
      at = p.end;
      place = true;
    }
    return place && spaces_or_commas(r_.text.substr(at, to - at));
  }

  // Dari, Pashto and Urdu end a clause with its verb: what stands between a speaker and "گفت"
  // (said) is the rest of the clause.
  static bool verb_last(std::string_view language) {
    return language == "fa" || language == "ps" || language == "ur";
  }

  // Whether a clause starts at `at`: its sentence does, or a comma right before it.
  bool opens_clause(size_t at) const {
    const Sentence* sentence = sentence_at(r_.sentences, at);
    if (!sentence) return false;
    std::string_view before_it = r_.text.substr(sentence->begin, at - sentence->begin);
    for (std::string_view comma : {",", "،"}) {
      size_t last = before_it.rfind(comma);
      if (last != std::string_view::npos) before_it.remove_prefix(last + comma.size());
    }
    return spaces_only(before_it, 0, before_it.size());
  }

  // Whether [from, to) holds at most `most` words and no punctuation that ends a clause.
  bool few_plain_words(size_t from, size_t to, size_t most = 4) const {
    if (r_.text.substr(from, to - from).find_first_of(".!?;") != std::string_view::npos)
      return false;
    return between(r_.tokens, from, to).size() <= most;
  }

  // Whether `x` is the subject of a blaming cue: right before it in English, or opening the
  // clause where the verb comes last, with only whom it blames between.
  bool blames(const LexiconHit& x, const LexiconHit& cue) const {
    if (cue.language == "en") return cue.begin - x.end == 1;
    if (!verb_last(cue.language) || !opens_clause(x.begin) || !few_plain_words(x.end, cue.begin)) {
      return false;
    }
    auto gap = between(r_.hits, x.end, cue.begin);
    return std::all_of(gap.begin(), gap.end(),
                       [](const LexiconHit& g) { return g.kind == Kind::actor; });
  }

  // Whether `x` is the office a speaker speaks for: "said Mohammad Jawad Hejri, a spokesman for
  // the governor", "a spokesman for the Nangarhar governor" (the governor was not struck).
  bool office_of_speaker(const LexiconHit& speaker, const LexiconHit& x) const {
    std::string_view gap = r_.text.substr(speaker.end, x.begin - speaker.end);
    // Dari joins them with the ezafe: "سخنگوی والی بلخ" (the Balkh governor's spokesman)
    if (r_.text.substr(speaker.begin, speaker.end - speaker.begin).ends_with("ی") && gap == " ") {
      return true;
    }
    for (std::string_view of : {" for the ", " for ", " of the ", " to the "}) {
      if (!gap.starts_with(of)) continue;
      size_t after = speaker.end + of.size();
      return after == x.begin || only_places_between(after, x.begin);
    }
    return false;
  }

  // Whether a phrase is who speaks: right before "said" ("police said"), or right after
  // "according to".
  bool speaks(const LexiconHit& x) const {
    // bytes, not letters: "представитель " is 27 bytes
    for (const LexiconHit& h : between(r_.hits, before(x.begin, 48), x.end + 96)) {
      if (h.kind != Kind::cue) continue;
      Cue c = lex_.cue(h.entry);
      // "police said", "the governor's office said", "the provincial spokesman rejected the
      // claim": who speaks or denies was not struck
      // "سخنگوی والی ننگرهار، گفت" (the Nangarhar governor's spokesman said): the office's
      // province alone between them does not count against the distance; nor, in a language
      // whose verb ends the clause, does whom it was said to ("سخنگوی والی بادغیس به طلوع نیوز
      // گفت", told Tolo News)
      if ((c == Cue::speech || c == Cue::deny) && h.begin >= x.end) {
        auto gap = between(r_.hits, x.end, h.begin);
        if ((close_before(r_.text, x.end, h.begin, 14) || only_places_between(x.end, h.begin)) &&
            gap.empty()) {
          return true;
        }
        // "به" (to) is a destination cue, the only word of the lexicon allowed there
        bool addressee_only = std::all_of(gap.begin(), gap.end(), [&](const LexiconHit& g) {
          return is_cue(lex_, g, Cue::destination);
        });
        if (verb_last(h.language) && opens_clause(x.begin) && few_plain_words(x.end, h.begin) &&
            addressee_only) {
          return true;
        }
      }
      // "Provincial officials accused the Taliban", "سخنگوی والی بلخ طالبان را مسئول این قتل
      // دانست" (the Balkh governor's spokesman held the Taliban responsible): who blames was not
      // struck
      if (c == Cue::suspect && h.begin >= x.end && blames(x, h)) return true;
      if (c == Cue::attribution && h.end <= x.begin && close_before(r_.text, h.end, x.begin, 5)) {
        return true;
      }
      // "said police", "сообщила полиция", "сообщил представитель губернатора", "сообщили в
      // администрации губернатора"
      if (c == Cue::speech && h.end <= x.begin && office_of_speaker(h, x)) return true;
      if (c == Cue::speech && h.end <= x.begin &&
          (close_before(r_.text, h.end, x.begin, 2) ||
           ends_before(r_.text, x.begin, 32, {"сообщили в ", "сообщил в ", "сообщила в "}) ||
           ends_before(r_.text, x.begin, 64, {"сообщили в администрации "}))) {
        return true;
      }
    }
    // "told reporters", "in a message sent to journalists", Russian's dative "журналистам":
    // spoken to, not struck
    if (x.kind != Kind::target || lex_.target(x.entry).target != "journalists") return false;
    return ends_before(r_.text, x.begin, 16,
                       {"told ", "to ", "told the ", "to the ", "briefed "}) ||
           r_.text.substr(x.begin, x.end - x.begin).ends_with("урналистам");  // Ж or ж
  }

  // Whether a target noun that is not itself an attacker's name follows the actor right away.
  bool followed_by_target_noun(const LexiconHit& a) const {
    for (const LexiconHit& h : between(r_.hits, a.end, a.end + 64)) {
      if (!close_before(r_.text, a.end, h.begin, 1)) return false;
      if (h.kind != Kind::target) continue;
      static const std::vector<std::string> kPeople = {
          "military", "police", "government", "armed-groups", "religious", "security-forces"};
      const std::string& type = lex_.target(h.entry).target;
      if (std::find(kPeople.begin(), kPeople.end(), type) == kPeople.end()) return false;
      auto same = between(r_.hits, h.begin, h.begin + 1);
      bool also_actor = std::any_of(same.begin(), same.end(), [&](const LexiconHit& x) {
        return x.kind == Kind::actor && x.end == h.end;
      });
      return !also_actor;
    }
    return false;
  }

  // Russian puts the owner after what it owns, in the genitive: "по блокпосту талибов" (at the
  // Taliban's checkpoint), "колонну сил безопасности". An actor right after a target noun owns
  // the target, unless the noun is fighters ("бойцы талибов атаковали": the Taliban's men did it).
  bool owner_after_target_noun(const LexiconHit& a) const {
    if (a.language != "ru") return false;
    for (const LexiconHit& h : between(r_.hits, before(a.begin, 64), a.begin)) {
      if (h.kind != Kind::target || h.end > a.begin) continue;
      std::string_view gap = r_.text.substr(h.end, a.begin - h.end);
      if (gap != " " && gap != " «") continue;
      const std::string& type = lex_.target(h.entry).target;
      if (type == "armed-groups" || type == "civilians") continue;
      auto same = between(r_.hits, h.begin, h.begin + 1);
      return std::none_of(same.begin(), same.end(), [&](const LexiconHit& x) {
        return x.kind == Kind::actor && x.end == h.end;
      });
    }
    return false;
  }

  // Whether an actor after the event word is what was struck: named as a target too ("Taliban
  // fighters"), or right after "against", "on", "targeting".
  bool struck(const std::vector<const LexiconHit*>& hits, size_t i) const {
    for (const LexiconHit* h : hits) {
      if (h->kind == Kind::target && same_span(h, hits[i])) return true;
    }
    return ends_before(r_.text, hits[i]->begin, 14,
                       {"against ", "on ", "targeting ", "against the ", "on the "});
  }

  // Whether a claim cue stands right before hits[i] ("ответственность взяла на себя группировка
  // «Исламское государство»", "was claimed by IS-KP").
  bool claimed_before(const std::vector<const LexiconHit*>& hits, size_t i) const {
    if (i == 0) return false;
    const LexiconHit* h = hits[i - 1];
    bool claim = is_cue(lex_, *h, Cue::claim) || is_cue(lex_, *h, Cue::claim_verb);
    return claim && close_before_in_characters(r_.text, h->end, hits[i]->begin, 40);
  }

  // Whether a claim follows hits[i] later in its sentence (any actor between notwithstanding).
  // Whether the cue after `speech` is a denial within a few words ("said they had nothing to do
  // with", "said it was not involved").
  bool denial_follows(const std::vector<const LexiconHit*>& hits, const LexiconHit& speech) const {
    for (const LexiconHit* h : hits) {
      if (h->begin < speech.end || h->kind != Kind::cue || is_cue(lex_, *h, Cue::hedge) ||
          is_cue(lex_, *h, Cue::refers_back)) {
        continue;
      }
      // characters, not bytes: "заявил, что талибы к убийству непричастны"
      return is_cue(lex_, *h, Cue::deny) &&
             character_count(r_.text.substr(speech.end, h->begin - speech.end)) <= 32;
    }
    return false;
  }

  // Whether a claim word follows the actor in its sentence ("a Taliban spokesman said its
  // fighters carried out …"): the speaker claims.
  bool claim_after(const std::vector<const LexiconHit*>& hits, size_t i) const {
    for (size_t j = i + 1; j < hits.size(); ++j) {
      if (is_cue(lex_, *hits[j], Cue::claim) || is_cue(lex_, *hits[j], Cue::claim_verb)) {
        return true;
      }
      // "said the group had nothing to do with it and that its fighters supported …": the
      // actor's words deny before they say anything like a claim
      if (is_cue(lex_, *hits[j], Cue::deny)) return false;
    }
    return false;
  }

  // Whether only "is", "was", "were" … stand between two offsets ("IS-KP was suspected").
  bool only_auxiliaries(size_t from, size_t to) const {
    static const std::vector<std::string> kWords = {"is",   "was",  "were",   "are", "being",
                                                    "been", "also", "widely", "has", "have"};
    for (const Token& t : between(r_.tokens, from, to)) {
      if (t.end > to) continue;
      if (std::find(kWords.begin(), kWords.end(), t.lower) == kWords.end()) return false;
    }
    return close_before(r_.text, from, to, 24);
  }

  // Whether the actor's own name is an event word: an air force ("ВВС Афганистана", "the Afghan
  // Air Force") names both the strike and who made it.
  bool its_own_event_word(const std::vector<const LexiconHit*>& hits, size_t i) const {
    return std::any_of(hits.begin(), hits.end(), [&](const LexiconHit* h) {
      return h->kind == Kind::trigger && h->begin == hits[i]->begin && h->end == hits[i]->end &&
             counts_as_event(lex_, r_, *h) && same_story(*h);
    });
  }

  // Whether an event word that counts follows hits[i] in its sentence: the actor is its subject
  // ("six policemen were martyred when militants ambushed …").
  bool event_word_after(const std::vector<const LexiconHit*>& hits, size_t i) const {
    for (size_t j = i + 1; j < hits.size(); ++j) {
      if (hits[j]->kind == Kind::trigger && hits[j]->begin >= hits[i]->end &&
          counts_as_event(lex_, r_, *hits[j]) && same_story(*hits[j])) {
        return true;
      }
    }
    return false;
  }

  // Whether an event word belongs to the mention's story: an arrest after a bombing ("security
  // forces have arrested a suspect") is not the bombing, and its subject did not bomb.
  bool same_story(const LexiconHit& trigger) const {
    const std::string& type = lex_.trigger(trigger.entry).event_type;
    return type != "Strategic developments" || mention_type_ == "Strategic developments";
  }

  // After an earlier event word, whether the actor is the subject of the next one: only a few
  // words between, none of them a preposition ("… were martyred when militants ambushed …", not
  // "… targeted a gathering of Taliban fighters in Jalalabad with an explosive device").
  bool subject_of_next(const std::vector<const LexiconHit*>& hits, size_t i) const {
    const LexiconHit* next = nullptr;
    for (size_t j = i + 1; j < hits.size() && !next; ++j) {
      if (hits[j]->kind == Kind::trigger && hits[j]->begin >= hits[i]->end &&
          counts_as_event(lex_, r_, *hits[j]) && same_story(*hits[j])) {
        next = hits[j];
      }
    }
    if (!next || !close_before(r_.text, hits[i]->end, next->begin, 30)) return false;
    static const std::vector<std::string> kPrepositions = {
        "in", "on", "at", "with", "of", "for", "from", "near", "to", "into", "and"};
    int words = 0;
    for (const Token& t : between(r_.tokens, hits[i]->end, next->begin)) {
      if (t.end > next->begin) continue;
      if (++words > 3 ||
          std::find(kPrepositions.begin(), kPrepositions.end(), t.lower) != kPrepositions.end()) {
        return false;
      }
    }
    return r_.text.substr(hits[i]->end, next->begin - hits[i]->end).find(',') ==
           std::string_view::npos;
  }

  // "a martyrdom-seeker of the Islamic Emirate", "gunmen of the TTP": the actor whose attacker
  // an event word or an unnamed attacker just before names.
  bool owns_attacker(const std::vector<const LexiconHit*>& hits, size_t i) const {
    if (i == 0) return false;
    const LexiconHit* h = hits[i - 1];
    bool attacker =
        h->kind == Kind::trigger ||
        (h->kind == Kind::actor && lex_.actor(h->entry).role == ActorEntry::Role::unidentified);
    if (!attacker) return false;
    std::string_view gap = r_.text.substr(h->end, hits[i]->begin - h->end);
    return gap == " of the " || gap == " of " || russian_genitive_link(gap);
  }

  // Whether the words between an attacker and a group name say whose it is in Russian, by the
  // genitive: "боевики «Исламского государства»", "боевики террористической группировки
  // «Исламское государство»", "боевики движения «Талибан»".
  static bool russian_genitive_link(std::string_view gap) {
    static const std::vector<std::string_view> kLinks = {
        "движения",     "группировки",    "организации", "террористической",
        "радикального", "экстремистской", "запрещенной", "запрещённой"};
    bool quoted = false, linked = false;
    size_t at = 0;
    while (at < gap.size()) {
      if (gap[at] == ' ') {
        ++at;
        continue;
      }
      if (gap.substr(at).starts_with("«")) {
        quoted = true;
        at += std::string_view("«").size();
        continue;
      }
      size_t end = std::min(gap.find(' ', at), gap.size());
      if (std::find(kLinks.begin(), kLinks.end(), gap.substr(at, end - at)) == kLinks.end()) {
        return false;
      }
      linked = true;
      at = end;
    }
    return quoted || linked;
  }

  // Whether the nearest event word before hits[i] in its sentence counts ("kidnapped by …", not
  // "after an operation by …").
  bool event_word_before(const std::vector<const LexiconHit*>& hits, size_t i) const {
    for (size_t j = i; j-- > 0;) {
      if (hits[j]->kind == Kind::trigger) return counts_as_event(lex_, r_, *hits[j]);
    }
    return false;
  }

  // "two former army commandos", "a retired police officer": no longer in a force. English puts
  // the word right before the noun; Pashto and Russian a few words before it ("د پخوانۍ ملي
  // اردو یو سرتېری", a soldier of the former national army; "бывший сотрудник полиции").
  bool no_longer_in_a_force(size_t at) const {
    if (ends_before(r_.text, at, 24,
                    {"former ", "retired ", "ex-", "former army ", "former police ",
                     "former security ", "former intelligence "})) {
      return true;
    }
    std::string_view before_noun = r_.text.substr(before(at, 48), at - before(at, 48));
    for (std::string_view word : {"پخوانۍ ", "پخواني ", "бывший ", "бывшего ", "бывших "}) {
      if (before_noun.find(word) != std::string_view::npos) return true;
    }
    return false;
  }

  // "Fighters of the Islamic State … shot dead", "the group's fighters carried out the attack":
  // the attackers' own men, not whom they struck. A group's fighters are its own when a
  // possessive names them so, or when, before the event word, "of" a named group follows.
  bool own_fighters(const LexiconHit& h, size_t trigger_at) const {
    if (lex_.target(h.entry).target != "armed-groups") return false;
    if (ends_before(r_.text, h.begin, 16,
                    {"its ", "their ", "whose ", "group's ", "group\u2019s "})) {
      return true;
    }
    if (h.begin >= trigger_at) return false;
    for (const LexiconHit& a : between(r_.hits, h.end, h.end + 24)) {
      if (a.kind != Kind::actor || lex_.actor(a.entry).role != ActorEntry::Role::actor) continue;
      std::string_view gap = r_.text.substr(h.end, a.begin - h.end);
      if (gap == " of the " || gap == " of " || gap == " from the ") return true;
    }
    return false;
  }

  // Whether the text between two offsets is spaces around at most one word.
  bool at_most_one_word_between(size_t from, size_t to) const {
    if (from > to) return false;
    std::string_view gap = r_.text.substr(from, to - from);
    const size_t first = gap.find_first_not_of(' ');
    if (first == std::string_view::npos) return true;
    const size_t end = gap.find(' ', first);
    return end == std::string_view::npos ||
           gap.find_first_not_of(' ', end) == std::string_view::npos;
  }

  // Russian names a passive's agent in the instrumental, right after the participle: "были
  // убиты талибами" (were killed by the Taliban), "мины, прикреплённой неизвестными" (a mine
  // attached by unknown men).
  bool russian_agent(const LexiconHit& a) const {
    if (r_.language != "ru") return false;
    auto first = std::lower_bound(r_.tokens.begin(), r_.tokens.end(), a.begin,
                                  [](const Token& t, size_t b) { return t.end <= b; });
    if (first == r_.tokens.end() || first == r_.tokens.begin() || first->begin != a.begin) {
      return false;
    }
    const Token& before = *(first - 1);
    return r_.text.substr(before.end, a.begin - before.end) == " " &&
           russian_instrumental_plural(first->lower) && russian_passive_participle(before.lower);
  }

  // Whether the actor at `begin` is named as the doer of an event word before it: "by" in
  // English, and in Russian a verb of doing before its subject ("нападение совершили
  // боевики", "мину заложили боевики движения «Талибан»").
  bool by_before(size_t begin) const {
    if (ends_before(r_.text, begin, 8, {"by ", "by the "})) return true;
    static const std::vector<std::string_view> kDeeds = {
        "совершили ", "совершила ",  "совершило ",    "совершил ", "заложили ",
        "подложили ", "установили ", "заминировали ", "заложил ",  "подложил "};
    // the verb may stand before the fighters the actor's name qualifies
    static const std::vector<std::string_view> kFighters = {"", "боевики ", "боевики движения «",
                                                            "члены ", "боевики группировки «"};
    const std::string_view before = r_.text.substr(0, begin);
    return std::any_of(kFighters.begin(), kFighters.end(), [&](std::string_view fighters) {
      if (!before.ends_with(fighters)) return false;
      std::string_view verb_end = before.substr(0, before.size() - fighters.size());
      return std::any_of(kDeeds.begin(), kDeeds.end(),
                         [&](std::string_view deed) { return verb_end.ends_with(deed); });
    });
  }

  static bool same_span(const LexiconHit* a, const LexiconHit* b) {
    return a->begin == b->begin && a->end == b->end;
  }

  // An actor no word names, who the event word says acted: its evidence is the event word.
  ActorMention actor_of_event_word(const Mention& m, std::string actor, bool uncertain) const {
    ActorMention a;
    a.actor = std::move(actor);
    a.text = std::string(r_.text.substr(m.trigger.begin, m.trigger.end - m.trigger.begin));
    a.evidence = m.trigger;
    a.uncertain = uncertain;
    return a;
  }

  void read_target(const std::vector<const LexiconHit*>& hits, const Roles& roles,
                   Mention& m) const {
    auto taken = [&](const LexiconHit* h) {
      for (const auto* list : {&roles.perpetrators, &roles.claimants, &roles.deniers}) {
        for (const ActorUse& u : *list) {
          if (same_span(u.hit, h)) return true;
        }
      }
      for (const auto* list : {&roles.speakers, &roles.group_members}) {
        if (std::any_of(list->begin(), list->end(),
                        [&](const LexiconHit* s) { return same_span(s, h); })) {
          return true;
        }
      }
      return false;
    };
    const LexiconHit* best = nullptr;
    const LexiconHit* minority = nullptr;
    std::vector<const LexiconHit*> levels;  // officials of some level, in text order
    // Of equally strong targets, one after the event word: before it stands the subject.
    size_t trigger_at = m.trigger.empty() ? 0 : m.trigger.begin;
    // A noun counted among the dead or wounded ("killing 10 civilians") was struck for sure.
    // The counted noun stands right after a number of the count ("two policemen … were shot
    // dead", "four people, including two policemen, were killed", "killing three policemen
    // and a civilian") or at the end of the count ("killing 10 civilians").
    auto is_number = [&](const Token& t) {
      return number_token(t) || parts_.numbers.find(t.lower, "vague");
    };
    auto counted = [&](const LexiconHit* h) {
      auto near = between(r_.casualties, before(h->begin, 256), h->end);
      return std::any_of(near.begin(), near.end(), [&](const CasualtyMention& c) {
        if (noun_after_toll(c, *h)) return true;  // "killing three policemen"
        if (h->begin < c.begin || h->end > c.end) return false;
        if (c.end - h->end <= 2) return true;
        if (!lex_.target(h->entry).minority.empty()) return true;  // who the counted were
        auto before_noun = between(r_.tokens, std::max(c.begin, before(h->begin, 24)), h->begin);
        // After the toll's first noun a determiner counts nobody: "Two policemen escorting a
        // polio vaccination team were killed", "A police constable assigned to guard a polio
        // vaccination team was shot dead" count the police. A community inside the toll says
        // who the counted were ("A shopkeeper belonging to the Shia community was killed").
        auto earlier = between(r_.hits, c.begin, h->begin);
        const bool first_noun =
            std::none_of(earlier.begin(), earlier.end(),
                         [](const LexiconHit& e) { return e.kind == Kind::target; });
        return std::any_of(before_noun.begin(), before_noun.end(), [&](const Token& t) {
          return is_number(t) && (first_noun || !parts_.numbers.find(t.lower, "one"));
        });
      });
    };
    auto rank = [&](const LexiconHit* h) {
      return (lex_.target(h->entry).strength + (counted(h) ? 1 : 0)) * 2 +
             (h->begin >= trigger_at ? 1 : 0);
    };
    for (const LexiconHit* h : hits) {
      if (h->kind != Kind::target || taken(h) || speaks(*h) || !in_event_sentence(*h)) continue;
      if (lex_.target(h->entry).strength == 0) continue;  // names whom a toll counts only
      if (own_fighters(*h, trigger_at) || in_a_place_name(*h)) continue;
      const TargetEntry& t = lex_.target(h->entry);
      if (!best || rank(h) > rank(best)) best = h;
      if (!t.minority.empty() && !minority) minority = h;
      if (!t.level.empty()) levels.push_back(h);
    }
    if (!best) return;
    const TargetEntry& t = lex_.target(best->entry);
    // The level of the target itself, else of the first official of its kind: "a bomb killed
    // the governor … and a ministry spokesman said" is provincial.
    const LexiconHit* level = best;
    if (t.level.empty()) {
      auto of_its_kind = std::find_if(levels.begin(), levels.end(), [&](const LexiconHit* h) {
        return lex_.target(h->entry).target == t.target;
      });
      level = of_its_kind == levels.end() ? nullptr : *of_its_kind;
    }
    m.target = t.target;
    m.target_evidence = {best->begin, best->end};
    // Former members of a force are civilians (ACLED's rule).
    if ((targets_forces(t.target) || t.target == "government") &&
        no_longer_in_a_force(best->begin)) {
      m.target = "civilians";
    }
    if (level && m.target == t.target) {
      m.target_level = lex_.target(level->entry).level;
    }
    if (m.target == "government") {
      if (std::string_view own = level_of_office_place(*best); !own.empty()) {
        m.target_level = std::string(own);
      }
    }
    static const std::vector<std::string> kMinorityTargets = {"civilians", "religious", "education",
                                                              "minorities"};
    if (minority && std::find(kMinorityTargets.begin(), kMinorityTargets.end(), t.target) !=
                        kMinorityTargets.end()) {
      m.target = "minorities";
      m.target_minority = lex_.target(minority->entry).minority;
      if (best != minority) m.target_evidence = {minority->begin, minority->end};
    }
  }

  // The level an official's place gives: "the governor of Qaisar district" is a district's
  // governor, "the police chief of Takhar province" and "Takhar police chief" are provincial.
  // Empty when no province or district stands right after "of" or right before the official.
  std::string_view level_of_office_place(const LexiconHit& official) const {
    for (size_t i = 0; i < r_.places.size(); ++i) {
      const PlaceSpan& p = r_.places[i];
      if (!r_.resolved[i].found) continue;
      std::string_view gap = p.begin >= official.end
                                 ? r_.text.substr(official.end, p.begin - official.end)
                                 : std::string_view{};
      bool after_of = gap == " of " || gap == " of the ";
      bool right_before =
          p.end < official.begin && official.begin - p.end == 1 && r_.text[p.end] == ' ';
      if (!after_of && !right_before) continue;
      switch (r_.resolved[i].precision) {
        case geo::Precision::admin2:
          return "district";
        case geo::Precision::admin1:
          return "provincial";
        default:
          return {};
      }
    }
    return {};
  }

  // A target word inside a place's name is the name: "مزار" (shrine) in "مزار شریف".
  bool in_a_place_name(const LexiconHit& h) const {
    for (size_t i = 0; i < r_.places.size(); ++i) {
      const PlaceSpan& p = r_.places[i];
      if (r_.resolved[i].found && p.name_begin <= h.begin && h.end <= p.name_end) return true;
    }
    return false;
  }

  // "by-target" attacks: a battle when forces or fighters were struck, else violence against
  // civilians (ACLED's rule).
  static void resolve_event_class(Mention& m) {
    if (m.event_type != "by-target") return;
    if (targets_forces(m.target)) {
      m.event_type = "Battles";
      m.sub_event_type = "Armed clash";
    } else {
      m.event_type = "Violence against civilians";
      m.sub_event_type = "Attack";
    }
  }

  // "Maiwand district of Kandahar": the name after "of" is the district's province, though the
  // geocoder, with no "province" beside it, read it as the town of that name. The district says
  // more, and the town would outrank it as a point. Only a town named as its province is taken
  // for it ("Nad Ali district, Lashkar Gah and Gereshk" keeps its towns).
  void drop_provinces_named_as_towns(std::vector<PlaceMention>& places) const {
    auto names_its_province = [&](const PlaceMention& town) {
      return town.found && town.precision == "point" &&
             geo::folded_key(town.name) == geo::folded_key(town.admin1);
    };
    std::vector<bool> dropped(places.size(), false);
    for (size_t t = 0; t < places.size(); ++t) {
      const PlaceMention& town = places[t];
      if (!names_its_province(town)) continue;
      for (const PlaceMention& district : places) {
        if (!district.found || district.precision != "admin2" || district.admin1 != town.admin1 ||
            district.evidence.end > town.evidence.begin) {
          continue;
        }
        std::string gap(
            r_.text.substr(district.evidence.end, town.evidence.begin - district.evidence.end));
        std::transform(gap.begin(), gap.end(), gap.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (gap == " of " || gap == ", ") dropped[t] = true;
      }
    }
    std::vector<PlaceMention> kept;
    for (size_t t = 0; t < places.size(); ++t) {
      if (!dropped[t]) kept.push_back(std::move(places[t]));
    }
    places = std::move(kept);
  }

  // Whether the words before an origin cue ("from <place>") are people or their coming:
  // "members of the Islamic State from Afghanistan", "trying to infiltrate from Afghanistan";
  // not "electricity from Uzbekistan".
  bool people_came_from(const LexiconHit& cue) const {
    for (const LexiconHit& a : between(r_.hits, before(cue.begin, 64), cue.begin)) {
      if (a.kind == Kind::actor && a.end <= cue.begin && spaces_only(r_.text, a.end, cue.begin)) {
        return true;
      }
    }
    const Token* word = token_before(cue.begin);
    static const std::vector<std::string_view> kComing = {"infiltrate", "infiltrated", "cross",
                                                          "crossed",    "came",        "come",
                                                          "entered",    "sneaked",     "border"};
    return word && std::find(kComing.begin(), kComing.end(), word->lower) != kComing.end();
  }

  void read_places(const Group& group, const std::vector<const LexiconHit*>& hits,
                   const Roles& roles, Mention& m) const {
    bool fire = has_cue(lex_, hits, Cue::fire_verb) || has_cue(lex_, hits, Cue::origin_abroad) ||
                m.weapon == "indirect-fire" || m.weapon == "air";
    auto covered = [&](const PlaceSpan& p) {
      // a place inside an actor's name ("Islamic State Khorasan Province") is not a place;
      // a capital that denied or claimed ("Islamabad denied") is a government
      for (const LexiconHit* h : hits) {
        if (h->kind != Kind::actor || h->end <= p.begin || h->begin >= p.end) continue;
        if (lex_.actor(h->entry).role != ActorEntry::Role::government_seat) return true;
        if (!in_event_sentence(*h)) return true;  // "Islamabad did not confirm the strikes"
        if (subject_of_verb(p.end)) return true;  // "… a frontier Kabul has never recognised"
        for (const auto* list : {&roles.claimants, &roles.deniers}) {
          for (const ActorUse& u : *list) {
            if (same_span(u.hit, h)) return true;
          }
        }
      }
      return false;
    };
    auto not_a_place = [&](const PlaceSpan& p) {
      // a dateline ("KABUL (Reuters) -") says where the story was filed, not where it happened
      if (p.begin >= r_.dateline_begin && p.end <= r_.dateline_end) return true;
      // "26 March 2023": a date; "the Panj river", "Jinnah Road": a feature of that name
      for (const DateMention& d : between(r_.dates, before(p.begin, 64), p.end)) {
        if (p.begin < d.end && d.begin < p.end) return true;
      }
      for (const LexiconHit& h : between(r_.hits, p.end, p.end + 16)) {
        if (is_cue(lex_, h, Cue::feature_word) && h.begin >= p.end &&
            r_.text.substr(p.end, h.begin - p.end) == " ") {
          return true;
        }
      }
      return false;
    };
    bool body_places = std::any_of(group.sentences.begin(), group.sentences.end(), [&](size_t s) {
      return r_.sentences[s].begin >= title_end_ && !within(r_.places, r_.sentences[s]).empty();
    });
    // Places in the sentences that tell of the event outrank those of sentences around it
    // ("Nangarhar, where the group is active"); a place inside an actor's name ("Tehreek-i-Taliban
    // Pakistan") places nothing.
    auto telling = [&](size_t s) { return event_sentence(lex_, r_, r_.sentences[s]); };
    bool event_places = std::any_of(group.sentences.begin(), group.sentences.end(), [&](size_t s) {
      if (r_.sentences[s].begin < title_end_ || !telling(s)) return false;
      std::vector<const PlaceSpan*> places = within(r_.places, r_.sentences[s]);
      return std::any_of(places.begin(), places.end(),
                         [&](const PlaceSpan* p) { return !covered(*p) && !not_a_place(*p); });
    });
    std::vector<PlaceMention> targets, origins;
    for (size_t s : group.sentences) {
      if (body_places && r_.sentences[s].end <= title_end_) continue;  // the body's places
      if (event_places && r_.sentences[s].begin >= title_end_ && !telling(s)) continue;
      for (const PlaceSpan* place : within(r_.places, r_.sentences[s])) {
        const PlaceSpan& p = *place;
        auto i = static_cast<size_t>(place - r_.places.data());
        if (covered(p) || not_a_place(p)) continue;
        PlaceMention pm = place_mention(p, r_.resolved[i]);
        pm.reference = referenced(p);
        // men "from Afghanistan" crossing to attack come from abroad with any weapon; "from"
        // a town is where fire came from only when fire is the event
        const LexiconHit* from = origin_cue_before(lex_, r_, p);
        bool from_country = from && r_.resolved[i].found &&
                            r_.resolved[i].precision == geo::Precision::country &&
                            people_came_from(*from);
        pm.role = from && (fire || from_country) ? PlaceMention::Role::origin
                                                 : PlaceMention::Role::target;
        auto& list = pm.role == PlaceMention::Role::origin ? origins : targets;
        bool repeated = std::any_of(list.begin(), list.end(), [&](const PlaceMention& q) {
          return q.found == pm.found && q.name == pm.name && q.admin1 == pm.admin1;
        });
        if (!repeated) list.push_back(std::move(pm));
      }
    }
    drop_provinces_named_as_towns(targets);
    // A place in a province another of the event's places is in ("Khanabad district … Kunduz")
    // before one alone in its province ("… buses heading to Kabul").
    std::map<std::string, int> places_in;  // by province, the event's places found there
    for (const PlaceMention& t : targets) {
      if (t.found && !t.admin1.empty()) ++places_in[t.admin1];
    }
    auto corroborated = [&](const PlaceMention& a) {
      return a.found && !a.admin1.empty() && places_in[a.admin1] > 1;
    };
    std::stable_sort(targets.begin(), targets.end(),
                     [&](const PlaceMention& a, const PlaceMention& b) {
                       if (a.found != b.found) return a.found;
                       if (a.reference != b.reference) return !a.reference;
                       if (corroborated(a) != corroborated(b)) return corroborated(a);
                       return precision_rank(a.precision) < precision_rank(b.precision);
                     });
    m.places = std::move(targets);
    std::erase_if(origins, [&](const PlaceMention& o) {
      return std::any_of(m.places.begin(), m.places.end(), [&](const PlaceMention& t) {
        return t.found == o.found && t.name == o.name && t.admin1 == o.admin1;
      });
    });
    for (PlaceMention& o : origins) {
      // a country men came from without fire is weighed with the actors (read_cross_border)
      if (fire && o.found && !m.places.empty() && m.places.front().found &&
          !m.places.front().country.empty() && o.country != m.places.front().country) {
        m.cross_border = true;
      }
      m.places.push_back(std::move(o));
    }
    // The dateline stands in only when the story places nothing: "KABUL - Pakistani aircraft
    // bombed houses in two Afghan border provinces … in Gayan district of Paktika" is not Kabul.
    if (m.places.empty() &&
        std::none_of(r_.places.begin(), r_.places.end(), [&](const PlaceSpan& p) {
          auto i = static_cast<size_t>(&p - r_.places.data());
          return p.begin >= r_.dateline_end && r_.resolved[i].found && !covered(p) &&
                 !not_a_place(p);
        })) {
      add_dateline_place(m);
    }
  }

  // "QUETTA", "ДУШАНБЕ", "SPIN BOLDAK": no letter that upper-casing would change.
  static bool in_capitals(std::string_view text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString upper = u;
    upper.toUpper();
    return u == upper;
  }

  // A wire story that names no place at all tells of where it was filed, as a rule:
  // "QUETTA: … threw a hand grenade into a crowded fruit market near Jinnah Road", "SPIN
  // BOLDAK: … in this border town". The dateline's place stands in, at half its confidence.
  // Only a dateline in capitals: an official statement's ("Rawalpindi, 24 January 2023.") is
  // where the statement was issued, far from what it reports.
  void add_dateline_place(Mention& m) const {
    for (size_t i = 0; i < r_.places.size(); ++i) {
      const PlaceSpan& p = r_.places[i];
      if (p.begin < r_.dateline_begin || p.end > r_.dateline_end) continue;
      if (!in_capitals(r_.text.substr(p.begin, p.end - p.begin))) continue;
      PlaceMention pm = place_mention(p, r_.resolved[i]);
      if (!pm.found) continue;
      pm.confidence *= 0.5;
      m.places.push_back(std::move(pm));
      return;
    }
  }

  PlaceMention place_mention(const PlaceSpan& p, const geo::Resolution& res) const {
    PlaceMention pm;
    pm.text = std::string(r_.text.substr(p.begin, p.end - p.begin));
    pm.evidence = {p.begin, p.end};
    pm.found = res.found;
    if (!res.found) return pm;
    const geo::Feature& f = g_.feature(res.best.feature);
    pm.name = std::string(g_.name(res.best.feature));
    pm.country = std::string(f.country_code());
    if (res.admin1 != geo::kNoFeature) pm.admin1 = std::string(g_.name(res.admin1));
    if (res.admin2 != geo::kNoFeature) pm.admin2 = std::string(g_.name(res.admin2));
    pm.precision = std::string(geo::precision_name(res.precision));
    pm.latitude = res.latitude;
    pm.longitude = res.longitude;
    pm.confidence = res.confidence;
    return pm;
  }

  void read_date(const Group& group, Mention& m) const {
    const DateMention* spoken = nullptr;  // a day someone spoke: the event's, failing another
    for (size_t s : group.sentences) {
      for (const DateMention* d : within(r_.dates, r_.sentences[s])) {
        if (d->begin >= r_.dateline_begin && d->end <= r_.dateline_end) continue;  // filed
        if (spoken_on(r_, lex_, *d)) {  // "said on Friday it had detained … on Thursday"
          if (!spoken) spoken = d;
          continue;
        }
        m.date = d->span;
        m.date_evidence = {d->begin, d->end};
        return;
      }
    }
    if (spoken) {  // "… said on Monday that militants had fired … that morning"
      m.date = spoken->span;
      m.date_evidence = {spoken->begin, spoken->end};
      return;
    }
    if (doc_.published) {
      m.date = model::DateSpan{*doc_.published, *doc_.published, model::DatePrecision::day};
      m.date_from_publication = true;
    }
  }

  // An event told with no date of its own happened on the day of the one told before it, when
  // that one's day is in the text: a digest's items under "Главное за вторник, 7 ноября", "In
  // a separate incident the same day, …", "a bomb went off hours later". The evidence is the
  // same-day words when there are some, else the earlier event's date.
  void date_as_before(const Group& group, const Mention& before, Mention& m) const {
    if (!m.date_from_publication || !before.date || before.date_from_publication) return;
    m.date = before.date;
    m.date_from_publication = false;
    m.date_evidence = before.date_evidence;
    for (size_t s : group.sentences) {
      for (const LexiconHit* h : within(r_.hits, r_.sentences[s])) {
        if (!is_cue(lex_, *h, Cue::same_day)) continue;
        m.date_evidence = {h->begin, h->end};
        return;
      }
    }
  }

  // Tolls of different people add up ("four soldiers were martyred and three terrorists
  // killed": 7); a second toll of the same people, or of nobody named, is an update (the higher
  // one stands). The headline's toll counts only when the body gives none.
  void read_casualties(const Group& group, Mention& m) const {
    for (auto kind : {CasualtyMention::Kind::killed, CasualtyMention::Kind::injured}) {
      std::map<std::string, CasualtyMention> by_who;  // who was counted → the highest toll
      for (bool body : {true, false}) {
        bool exact_before = false;  // an exact toll in an earlier sentence
        for (size_t s : group.sentences) {
          if ((r_.sentences[s].begin >= title_end_) != body) continue;
          if (statistic(r_.sentences[s], m)) continue;
          bool exact_here = false;
          for (const CasualtyMention* c : within(r_.casualties, r_.sentences[s])) {
            if (c->kind != kind) continue;
            exact_here |= c->high && *c->high == c->low;
            // "killing 12 people … violence in Kohat killed scores in the 2000s", "… saying
            // that "dozens" of police had been killed": a vague toll after an exact one is
            // background or a claim, not a better count
            if (exact_before && vague(*c)) continue;
            // "ещё два человека", "two others": more people, whoever they are
            std::string who = counts_more(*c) ? fmt::format("more:{}", c->begin) : counted_who(*c);
            auto [it, added] = by_who.try_emplace(who, *c);
            if (!added && c->low > it->second.low) it->second = *c;
          }
          exact_before |= exact_here;
        }
        if (!by_who.empty()) break;
      }
      if (by_who.empty()) continue;
      std::optional<CasualtyMention> total;
      std::optional<CasualtyMention> unnamed;
      size_t first_more = std::string::npos;  // where the first toll of more people begins
      auto add = [&](const CasualtyMention& c) {
        if (!total) {
          total = c;
          return;
        }
        total->low += c.low;
        total->high =
            total->high && c.high ? std::optional<int>(*total->high + *c.high) : std::nullopt;
        total->begin = std::min(total->begin, c.begin);
        total->end = std::max(total->end, c.end);
      };
      for (const auto& [who, c] : by_who) {
        if (who.empty()) {
          unnamed = c;
        } else {
          if (who.starts_with("more:")) first_more = std::min(first_more, c.begin);
          add(c);
        }
      }
      // "shot dead the governor … two others were killed": the others are more than the one
      if (unnamed && unnamed->begin < first_more && first_more != std::string::npos) {
        add(*unnamed);
      } else if (!total || (unnamed && unnamed->low > total->low)) {
        total = unnamed;
      }
      (kind == CasualtyMention::Kind::killed ? m.killed : m.injured) = total;
    }
  }

  // A toll of a vague quantity ("dozens", "десятки": 24-99) or a wide range ("up to 40": 0-40).
  static bool vague(const CasualtyMention& c) {
    constexpr int kVagueWidth = 10;
    return c.high && *c.high - c.low >= kVagueWidth;
  }

  // Whether a sentence's tolls are a statistic, not this event's: while the event has its day,
  // the sentence has none, and a month or a year comes before its first toll ("Last month, …
  // the UN said 1,366 civilians were killed"). "… killed 12 on Friday, the deadliest attack
  // since 2021" is the event's.
  bool statistic(const Sentence& sentence, const Mention& m) const {
    if (!m.date || m.date->precision != model::DatePrecision::day) return false;
    auto tolls = between(r_.casualties, sentence.begin, sentence.end);
    if (tolls.empty()) return false;
    bool period_first = false;
    for (const DateMention& d : between(r_.dates, sentence.begin, sentence.end)) {
      if (d.span.precision == model::DatePrecision::day) return false;
      period_first |= d.span.precision >= model::DatePrecision::month && d.end <= tolls[0].begin;
    }
    // or a period in words: "since the start of the year", "с начала года" (cues.tsv: period)
    for (const LexiconHit& h : between(r_.hits, sentence.begin, tolls[0].begin)) {
      period_first |= is_cue(lex_, h, Cue::period);
    }
    return period_first;
  }

  // Whether a toll counts people beyond those counted before it: a `more` cue right before it
  // ("ещё два", "another two"), inside it ("two others died", "вместе с ним погиб его
  // телохранитель") or right after it ("killing two others").
  bool counts_more(const CasualtyMention& c) const {
    for (const LexiconHit& h : between(r_.hits, before(c.begin, 32), c.end + 8)) {
      if (is_cue(lex_, h, Cue::also) && also_in_toll(c, h)) return true;
      if (!is_cue(lex_, h, Cue::more)) continue;
      bool right_before = h.end <= c.begin && spaces_only(r_.text, h.end, c.begin);
      bool inside = h.begin >= c.begin && h.end <= c.end;
      bool right_after = h.begin >= c.end && spaces_only(r_.text, c.end, h.begin);
      if (right_before || inside || right_after) return true;
    }
    return false;
  }

  // "also" inside a toll, right after its count's words ("دو محافظ والی نیز … جان باختند", two
  // of the governor's guards also died), or anywhere in one person's death, which has no count
  // ("راننده خانم میوند نیز در این حمله کشته شد", her driver was also killed in the attack):
  // more people than those counted before. Elsewhere it says nothing of them.
  bool also_in_toll(const CasualtyMention& c, const LexiconHit& h) const {
    constexpr size_t kCountWords = 3;
    if (h.begin < c.begin || h.end > c.end) return false;
    if (!starts_with_number(c)) return c.low == 1 && c.high == 1;
    return between(r_.tokens, c.begin, h.begin).size() <= kCountWords;
  }

  // Who a toll counts: the target or actor named inside its words ("four soldiers", "three
  // terrorists"), as a key; empty when it names nobody ("killing 12").
  std::string counted_who(const CasualtyMention& c) const {
    // Pashto names whose people they are before the count: "د داعش درې غړي" (three members of
    // Daesh); not before a verb ("Afghan forces killed nine").
    if (starts_with_number(c)) {
      for (const LexiconHit& h : between(r_.hits, before(c.begin, 32), c.begin)) {
        if (h.kind == Kind::actor && h.end <= c.begin && spaces_only(r_.text, h.end, c.begin)) {
          return "actor:" + lex_.actor(h.entry).actor;
        }
      }
    }
    // bytes: a Cyrillic or Arabic-script letter takes two
    for (const LexiconHit& h : between(r_.hits, c.begin, c.end + 2 * kCountedNounReach)) {
      if (h.end > c.end && !noun_after_toll(c, h)) continue;
      if (h.kind == Kind::target) return "target:" + lex_.target(h.entry).target;
      if (h.kind == Kind::actor) return "actor:" + lex_.actor(h.entry).actor;
    }
    return "";
  }

  // A toll read as "killed four" counts the noun after it: "killed four terrorists", "погибли
  // двое военнослужащих" (characters, not bytes).
  static constexpr size_t kCountedNounReach = 24;
  // Words only between, no preposition: "killed 12 at a police station" counts no police.
  bool noun_after_toll(const CasualtyMention& c, const LexiconHit& h) const {
    if (h.begin < c.end || !close_before_in_characters(r_.text, c.end, h.end, kCountedNounReach) ||
        !ends_with_number(c) ||
        r_.text.substr(c.end, h.begin - c.end).find_first_of(",.;:!?()") != std::string::npos) {
      return false;
    }
    auto between_them = between(r_.tokens, c.end, h.begin);
    return std::none_of(between_them.begin(), between_them.end(), [&](const Token& t) {
      return parts_.numbers.find(t.lower, "preposition") != nullptr;
    });
  }

  bool starts_with_number(const CasualtyMention& c) const {
    auto first = std::lower_bound(r_.tokens.begin(), r_.tokens.end(), c.begin,
                                  [](const Token& t, size_t begin) { return t.begin < begin; });
    return first != r_.tokens.end() && first->begin == c.begin && number_token(*first);
  }

  bool ends_with_number(const CasualtyMention& c) const {
    auto last = std::lower_bound(r_.tokens.begin(), r_.tokens.end(), c.end,
                                 [](const Token& t, size_t end) { return t.end < end; });
    return last != r_.tokens.end() && last->end == c.end && number_token(*last);
  }

  // Digits or a number word: "12", "twelve".
  bool number_token(const Token& t) const {
    return t.number >= 0 || parts_.numbers.find(t.lower, "number") != nullptr;
  }

  // The country actors are resolved in: the event's place, else the report's, else the one
  // the caller said the reports are about.
  std::string event_country(const Mention& m) const {
    for (const PlaceMention& p : m.places) {
      if (p.found && p.role == PlaceMention::Role::target && !p.country.empty()) return p.country;
    }
    return report_country_;
  }

  ActorMention actor_mention(const ActorUse& use, const Mention& m) const {
    const ActorEntry& entry = lex_.actor(use.hit->entry);
    std::string country = event_country(m);
    model::Day day = m.date ? m.date->start : (doc_.published ? *doc_.published : 0);
    std::string canonical = parts_.actors.resolve(entry.actor, country, day);
    ActorMention a;
    a.actor = canonical.empty() ? entry.actor : canonical;
    a.text = std::string(r_.text.substr(use.hit->begin, use.hit->end - use.hit->begin));
    a.uncertain = use.uncertain;
    a.evidence = {use.hit->begin, use.hit->end};
    return a;
  }

  // "Islamic State claimed it in a statement from its Pakistan Province": when the report names
  // exactly one branch of the perpetrator's organisation (a sibling or child in
  // data/actors.tsv), the branch is the perpetrator.
  void prefer_named_branch(ActorMention& perpetrator, const Mention& m) const {
    const model::Taxonomy& tree = parts_.actors.hierarchy();
    auto family = tree.with_ancestors(perpetrator.actor);
    std::string root = family.back();
    // only when the text named the organisation, not a branch of it
    auto named = between(r_.hits, perpetrator.evidence.begin, perpetrator.evidence.begin + 1);
    bool generic = std::any_of(named.begin(), named.end(), [&](const LexiconHit& h) {
      return h.kind == Kind::actor && lex_.actor(h.entry).actor == root;
    });
    if (!generic && family.size() > 1) return;
    std::string branch;
    for (const LexiconHit& h : r_.hits) {
      if (h.kind != Kind::actor) continue;
      std::string name = parts_.actors.resolve(lex_.actor(h.entry).actor, event_country(m),
                                               m.date ? m.date->start : 0);
      if (name.empty() || name == perpetrator.actor || lex_.actor(h.entry).actor == root) continue;
      auto up = tree.with_ancestors(name);
      bool sibling = up.size() > 1 && up.back() == root;
      if (!sibling) continue;
      if (!branch.empty() && branch != name) return;  // two branches: not for sitrep to choose
      branch = name;
    }
    if (!branch.empty() && family.size() <= tree.with_ancestors(branch).size()) {
      perpetrator.actor = branch;
    }
  }

  // An arrest with no target word: those arrested are the armed men the text names without a
  // group ("arrested four suspected militants", "militants were detained"): an armed group's.
  void read_arrested(const std::vector<const LexiconHit*>& hits, Mention& m) const {
    if (m.sub_event_type != "Arrests") return;
    arrested_by_the_state(m);
    // "задержали троих жителей, подозреваемых в вербовке для ИГ": residents held as suspected
    // members of a group the text names are that group's men
    if (m.target == "civilians" && has_cue(lex_, hits, Cue::suspect) &&
        std::any_of(hits.begin(), hits.end(), [&](const LexiconHit* h) {
          return h->kind == Kind::actor && lex_.actor(h->entry).role == ActorEntry::Role::actor &&
                 !(m.perpetrator && m.perpetrator->evidence.begin == h->begin);
        })) {
      m.target = "armed-groups";
      return;
    }
    if (!m.target.empty() && m.target != "civilians") return;
    for (const LexiconHit* h : hits) {
      if (h->kind != Kind::actor || lex_.actor(h->entry).role != ActorEntry::Role::unidentified)
        continue;
      if (m.perpetrator && m.perpetrator->evidence.begin == h->begin) continue;
      m.target = "armed-groups";
      m.target_evidence = {h->begin, h->end};
      return;
    }
    // Those a state's forces arrest, named by no noun of their own trade or faith ("detained
    // nine people on suspicion of links to the Islamic State group", "arrested four members of
    // a kidnapping gang", "этих людей"), are held as members of armed groups: the gold sets'
    // 52 arrests name 52 such, 4 journalists and 1 group of civilians.
    if (m.perpetrator && !m.perpetrator->uncertain) {
      m.target = "armed-groups";
      if (m.target_evidence.empty()) m.target_evidence = m.trigger;
    }
  }

  // An arrest nobody is named making ("Задержаны трое жителей", "police detained two men") was
  // made by the state of the country it happened in, as it was on that day
  // (data/lexicon/state-forces.tsv: the Taliban in Afghanistan since August 2021).
  void arrested_by_the_state(Mention& m) const {
    if (m.perpetrator) return;
    std::string country = event_country(m);
    model::Day day = m.date ? m.date->start : (doc_.published ? *doc_.published : 0);
    for (const StateForce& f : parts_.state_forces) {
      if (f.country != country || day < f.from || day > f.to) continue;
      m.perpetrator = actor_of_event_word(m, f.actor, /*uncertain=*/false);
      return;
    }
  }

  void assign_actors(const Roles& roles, Mention& m) const {
    const ActorUse* best = nullptr;
    for (const ActorUse& c : roles.claimants) {
      if (lex_.actor(c.hit->entry).role == ActorEntry::Role::actor) {
        best = &c;
        break;
      }
    }
    // In an arrest the suspects are not who acted: the arresting force is.
    bool arrest = m.sub_event_type == "Arrests";
    // the body's account outranks the headline's
    auto rank = [&](const ActorUse& u) { return u.rank * 2 + (u.hit->begin < title_end_ ? 3 : 0); };
    for (const ActorUse& p : roles.perpetrators) {
      if (arrest && p.uncertain) continue;
      if (!best || rank(p) < rank(*best)) best = &p;
    }
    if (best) m.perpetrator = actor_mention(*best, m);
    if (m.perpetrator) prefer_named_branch(*m.perpetrator, m);
    // Someone pulled the trigger, took the hostage or blew himself up: with nobody named, an
    // unidentified group (ACLED's convention). A bomb may have lain for years: its perpetrator
    // stays unknown.
    if (!m.perpetrator && (attack_word(m) || m.sub_event_type == "Abduction/forced disappearance" ||
                           m.sub_event_type == "Suicide bomb" || m.sub_event_type == "Grenade")) {
      m.perpetrator = actor_of_event_word(m, "Unidentified armed group", /*uncertain=*/true);
    }
    // A protest or riot with no organiser named was made by its crowd (ACLED's "Protesters
    // (Country)", "Rioters (Country)").
    if (!m.perpetrator && (m.event_type == "Protests" || m.event_type == "Riots")) {
      m.perpetrator = actor_of_event_word(m, m.event_type == "Protests" ? "Protesters" : "Rioters",
                                          /*uncertain=*/false);
    }
    for (const ActorUse& t : roles.targets) {
      ActorMention a = actor_mention(t, m);
      if (m.perpetrator && a.actor == m.perpetrator->actor) continue;
      m.target_actor = std::move(a);
      break;
    }
    // A named side struck and no target noun: its forces ("22 Taliban killed")
    if (m.target.empty() && m.target_actor && m.event_type != "Protests") {
      m.target =
          m.target_actor->actor.starts_with("Government of") ? "security-forces" : "armed-groups";
      m.target_evidence = m.target_actor->evidence;
    }
    // A state's forces are its military, whatever the text calls them ("Taliban militia" after
    // August 2021)
    if (m.target == "armed-groups" && m.target_actor && is_state_force(m.target_actor->actor, m)) {
      m.target = "military";
    }
    // … and a checkpoint of theirs no police word names is the military's ("a Taliban
    // checkpoint", "a checkpoint of the Taliban militia", "на блокпосту талибов")
    if (m.target == "police" && m.target_actor && is_state_force(m.target_actor->actor, m) &&
        bare_checkpoint(m.target_evidence) && !police_named(m)) {
      m.target = "military";
    }
    if (!m.perpetrator && (source_.kind == "claim" || source_.kind == "propaganda") &&
        !source_.actor.empty() && !m.event_type.empty()) {
      ActorMention a;
      std::string canonical =
          parts_.actors.resolve(source_.actor, event_country(m), m.date ? m.date->start : 0);
      a.actor = canonical.empty() ? source_.actor : canonical;
      a.text = source_.outlet;
      m.perpetrator = std::move(a);
    }
  }

  // Whether the event's sentences or the title name the police ("Two members of the Taliban
  // police force were shot dead at a checkpoint").
  bool police_named(const Mention& m) const {
    auto police = [&](size_t begin, size_t end) {
      auto words = between(r_.tokens, begin, end);
      return std::any_of(words.begin(), words.end(), [](const Token& t) {
        return t.lower.starts_with("police") || t.lower.starts_with("полиц") ||
               t.lower.starts_with("پولیس");
      });
    };
    if (police(0, title_end_)) return true;
    return std::any_of(m.sentences.begin(), m.sentences.end(),
                       [&](const Evidence& s) { return police(s.begin, s.end); });
  }

  // Whether a target's words are a checkpoint alone, no police word among them.
  bool bare_checkpoint(const Evidence& e) const {
    auto words = between(r_.tokens, e.begin, e.end);
    return words.size() == 1 &&
           (words[0].lower.starts_with("checkpo") || words[0].lower.starts_with("блокпост"));
  }

  // With the actors known: a state's forces attacking someone the text does not name as a target
  // fight a battle (an operation against "armed opponents"); a clash that follows an attack on
  // worshippers, civilians or a school (guards fighting back) leaves it an attack on them.
  void refine_event_class(const std::vector<const LexiconHit*>& hits, Mention& m) const {
    const TriggerEntry* used = nullptr;
    for (const LexiconHit* h : hits) {
      if (h->kind == Kind::trigger && h->begin == m.trigger.begin && h->end == m.trigger.end) {
        used = &lex_.trigger(h->entry);
        break;
      }
    }
    if (!used) return;
    bool state = m.perpetrator && is_state_force(m.perpetrator->actor, m);
    if (used->event_type == "by-target" && m.target.empty() && state) {
      m.event_type = "Battles";
      m.sub_event_type = "Armed clash";
      return;
    }
    static const std::vector<std::string> kUnarmed = {"minorities", "religious",   "civilians",
                                                      "education",  "aid-workers", "journalists"};
    bool unarmed = std::find(kUnarmed.begin(), kUnarmed.end(), m.target) != kUnarmed.end();
    if (used->event_type == "Battles" && unarmed) {
      bool attack = std::any_of(hits.begin(), hits.end(), [&](const LexiconHit* h) {
        return h->kind == Kind::trigger && h->begin < m.trigger.begin &&
               lex_.trigger(h->entry).event_type == "by-target" && counts_as_event(lex_, r_, *h);
      });
      if (attack) {
        m.event_type = "Violence against civilians";
        m.sub_event_type = "Attack";
      }
    }
  }

  bool is_state_force(const std::string& actor, const Mention& m) const {
    model::Day day = m.date ? m.date->start : 0;
    return std::any_of(
        parts_.state_forces.begin(), parts_.state_forces.end(),
        [&](const StateForce& f) { return f.actor == actor && day >= f.from && day <= f.to; });
  }

  // Beyond an origin place in another country (read_places): a cue naming the country the attack
  // came from ("from Afghan territory"), or a state's forces striking in another state
  // ("Pakistani forces fired rockets into Kunar").
  void read_cross_border(const std::vector<const LexiconHit*>& hits, Mention& m) const {
    if (m.cross_border) return;
    std::string here;
    for (const PlaceMention& p : m.places) {
      if (p.found && p.role == PlaceMention::Role::target && !p.country.empty()) {
        here = p.country;
        break;
      }
    }
    if (here.empty()) return;
    for (const LexiconHit* h : hits) {
      if (!is_cue(lex_, *h, Cue::origin_abroad)) continue;
      const std::string& from = lex_.cue_value(h->entry);
      if (!from.empty() && from != here) m.cross_border = true;
    }
    if (!m.perpetrator || m.cross_border) return;
    model::Day day = m.date ? m.date->start : 0;
    bool home_state = false;
    for (const StateForce& f : parts_.state_forces) {
      if (f.actor != m.perpetrator->actor || day < f.from || day > f.to) continue;
      if (f.country != here && !f.based(here, day)) m.cross_border = true;
      if (f.country == here) home_state = true;
    }
    // "militants from Afghanistan attacked a border post": attackers who came from another
    // country. Not the state's own guards engaging smugglers "who tried to cross from
    // Afghanistan": they fought at home.
    if (home_state || m.perpetrator->uncertain) return;
    for (const PlaceMention& p : m.places) {
      if (p.role == PlaceMention::Role::origin && p.found && !p.country.empty() &&
          p.country != here) {
        m.cross_border = true;
      }
    }
  }

  // Whether the mention's event word is an attack with a gun on someone ("shot dead", "opened
  // fire"): not a clash ("fighting"), where both sides are armed and the text names neither.
  bool attack_word(const Mention& m) const {
    if (m.weapon != "firearms") return false;
    for (const LexiconHit& h : between(r_.hits, m.trigger.begin, m.trigger.begin + 1)) {
      if (h.kind == Kind::trigger && h.end == m.trigger.end) {
        return lex_.trigger(h.entry).event_type == "by-target";
      }
    }
    return false;
  }

  // Whether two canonical actors are one organisation: the same top of data/actors.tsv's
  // hierarchy (IS-KP and IS-Pakistan are both IS).
  bool same_organisation(const std::string& a, const std::string& b) const {
    if (a == b) return true;
    if (a.empty() || b.empty()) return false;
    const model::Taxonomy& tree = parts_.actors.hierarchy();
    if (!tree.contains(a) || !tree.contains(b)) return false;
    return tree.with_ancestors(a).back() == tree.with_ancestors(b).back();
  }

  // Whether two armed groups claim the event ("Both the Taliban and Islamic State claimed
  // responsibility"). States are left out: a capital named near a claim ("IS claims Kabul
  // bombing") reads as its government.
  bool rival_claimants(const Mention& m) const {
    const std::string* first = nullptr;
    for (const ActorMention& c : m.claimed_by) {
      if (model::is_unattributed_actor(c.actor) || is_state_force(c.actor, m)) continue;
      if (!first) {
        first = &c.actor;
      } else if (!same_organisation(*first, c.actor)) {
        return true;
      }
    }
    return false;
  }

  // A claim word its clause negates: a negation cue ("не", "ни", "никто", "not", "نه") at most
  // a few words before the claim word's end, no comma between.
  bool negated_claim(const LexiconHit& h) const {
    constexpr size_t kReach = 32;  // characters
    if (!is_cue(lex_, h, Cue::claim) && !is_cue(lex_, h, Cue::claim_verb)) return false;
    for (const LexiconHit& n : between(r_.hits, before(h.begin, 4 * kReach), h.end)) {
      if (!is_cue(lex_, n, Cue::negation) || n.end > h.end) continue;
      size_t from = std::min(n.end, h.begin);
      if (close_before_in_characters(r_.text, from, h.begin, kReach) &&
          !has_comma(r_.text.substr(from, h.begin - from))) {
        return true;
      }
    }
    return false;
  }

  void read_claims(const std::vector<const LexiconHit*>& hits, const Roles& roles,
                   Mention& m) const {
    bool claimed = false, unclaimed = false;
    // "Ответственность за убийство никто не взял": in a sentence saying nobody claimed it, the
    // word for responsibility is no claim; so in one whose claim words are negated ("ни одна
    // группировка на себя не взяла", "no group has yet claimed")
    auto negated = [&](const LexiconHit* h) {
      const Sentence* sentence = sentence_at(r_.sentences, h->begin);
      if (!sentence) return false;
      auto in_sentence = within(r_.hits, *sentence);
      if (has_cue(lex_, in_sentence, Cue::no_claim)) return true;
      // a negated claim word negates the claim words of its clause: "Ответственность за теракт
      // не взяла на себя ни одна группировка", but not "IS claimed it, but officials did not
      // believe the claim"
      for (const LexiconHit* c : in_sentence) {
        if (!negated_claim(*c)) continue;
        size_t from = std::min(c->begin, h->begin), to = std::max(c->end, h->end);
        std::string_view span = r_.text.substr(from, to - from);
        if (!has_comma(span) && span.find(';') == std::string_view::npos &&
            span.find("؛") == std::string_view::npos) {
          return true;
        }
      }
      if (h->kind != Kind::actor) return false;
      // a claimant: the claim word it goes with (the first after it) is the one negated or not
      auto next = std::find_if(in_sentence.begin(), in_sentence.end(), [&](const LexiconHit* c) {
        return c->begin >= h->end &&
               (is_cue(lex_, *c, Cue::claim) || is_cue(lex_, *c, Cue::claim_verb));
      });
      return next != in_sentence.end() && negated_claim(**next);
    };
    // "… said the group had nothing to do with it and that its fighters supported …": in a
    // sentence that denies, a weak claim word ("its fighters") is no claim
    auto denying = [&](const LexiconHit* h) {
      const Sentence* sentence = sentence_at(r_.sentences, h->begin);
      if (!sentence) return false;
      // the claimant's next words deny before they claim
      for (const LexiconHit* x : within(r_.hits, *sentence)) {
        if (x->begin < h->end) continue;
        if (is_cue(lex_, *x, Cue::deny)) return true;
        if (is_cue(lex_, *x, Cue::claim) || is_cue(lex_, *x, Cue::claim_verb)) return false;
      }
      return false;
    };
    for (const LexiconHit* h : hits) {
      if (is_cue(lex_, *h, Cue::no_claim) || negated_claim(*h)) {
        unclaimed = true;
        if (m.claim_evidence.empty()) m.claim_evidence = {h->begin, h->end};
      }
      if (is_cue(lex_, *h, Cue::claim) && !negated(h)) {
        claimed = true;
        if (m.claim_evidence.empty()) m.claim_evidence = {h->begin, h->end};
      }
    }
    // Each group once, however often the report names it claiming or denying.
    auto add_once = [](std::vector<ActorMention>& list, ActorMention a) {
      auto same = [&](const ActorMention& x) { return x.actor == a.actor; };
      if (std::none_of(list.begin(), list.end(), same)) list.push_back(std::move(a));
    };
    for (const ActorUse& c : roles.claimants) {
      if (negated(c.hit) || denying(c.hit)) continue;
      add_once(m.claimed_by, actor_mention(c, m));
      claimed = true;
    }
    // "د اسلامي دولت خراسان څانګې … وویل چې … دا برید کړی دی" (Islamic State Khorasan said … it
    // did this attack): a named perpetrator in the sentence of the claim made it
    if (claimed && m.claimed_by.empty() && m.perpetrator && !m.perpetrator->uncertain &&
        !m.perpetrator->evidence.empty() && !m.claim_evidence.empty()) {
      const Sentence* of_claim = sentence_at(r_.sentences, m.claim_evidence.begin);
      if (of_claim && of_claim == sentence_at(r_.sentences, m.perpetrator->evidence.begin) &&
          !model::is_unattributed_actor(m.perpetrator->actor)) {
        m.claimed_by.push_back(*m.perpetrator);
      }
    }
    for (const ActorUse& d : roles.deniers) add_once(m.denied_by, actor_mention(d, m));
    bool denied = !m.denied_by.empty() || has_cue(lex_, hits, Cue::deny);
    // A claim channel claims for its side (any branch of its organisation: Amaq speaks for
    // every province of the Islamic State), not the enemy strikes it reports.
    bool channel_side = !m.perpetrator || m.perpetrator->text == source_.outlet ||
                        same_organisation(m.perpetrator->actor,
                                          parts_.actors.resolve(source_.actor, event_country(m),
                                                                m.date ? m.date->start : 0));
    if ((source_.kind == "claim" || source_.kind == "propaganda") && !m.event_type.empty() &&
        channel_side) {
      claimed = true;
      m.claim_channel = source_.outlet;
      if (m.claimed_by.empty() && m.perpetrator) m.claimed_by.push_back(*m.perpetrator);
    }
    // Two groups claiming one attack dispute it as much as a denial does.
    if ((claimed && denied) || rival_claimants(m)) {
      m.claim = model::ClaimStatus::disputed;
    } else if (claimed) {
      m.claim = model::ClaimStatus::claimed;
    } else if (denied) {
      m.claim = model::ClaimStatus::denied;
    } else if (unclaimed && m.sub_event_type != "Arrests") {
      // nobody claims an arrest: "not claimed" beside one speaks of an attack told as background
      m.claim = model::ClaimStatus::unclaimed;
    }
  }

  static double confidence(const Mention& m) {
    double c = 0.9;
    if (m.hedged) c *= 0.6;
    if (m.perpetrator && m.perpetrator->uncertain) c *= 0.8;
    if (m.places.empty() || !m.places.front().found) c *= 0.8;
    if (m.date_from_publication) c *= 0.9;
    return c;
  }

  size_t title_end_;                  // the headline's end in the text (0: none)
  mutable std::string mention_type_;  // the event type of the mention being read
  const Extractor::Parts& parts_;
  const Lexicon& lex_;
  const geo::Gazetteer& g_;
  const Reading& r_;
  const Document& doc_;
  const SourceKind& source_;
  std::string report_country_;
};

// The country most of a report's places lie in (origins aside), else `fallback`.
std::string report_country(const Reading& r, const Lexicon& lex, const geo::Gazetteer& g,
                           const std::string& fallback) {
  std::map<std::string, int> votes;
  for (size_t i = 0; i < r.places.size(); ++i) {
    if (!r.resolved[i].found || after_origin_cue(lex, r, r.places[i])) continue;
    std::string country(g.feature(r.resolved[i].best.feature).country_code());
    if (!country.empty()) ++votes[country];
  }
  std::string best = fallback;
  int most = 0;
  for (const auto& [country, n] : votes) {
    if (n > most) {
      best = country;
      most = n;
    }
  }
  return best;
}

// The admin1 of each place span in a sentence that is not an origin.
std::vector<std::string> sentence_areas(const Reading& r, const Lexicon& lex, const Sentence& s) {
  std::vector<std::string> areas;
  for (const PlaceSpan* place : within(r.places, s)) {
    auto i = static_cast<size_t>(place - r.places.data());
    const geo::Resolution& res = r.resolved[i];
    if (!res.found || res.admin1 == geo::kNoFeature) continue;
    if (after_origin_cue(lex, r, r.places[i])) continue;
    auto near = between(r.hits, before(place->begin, 40), place->begin);
    if (std::any_of(near.begin(), near.end(),
                    [&](const LexiconHit& h) { return is_cue(lex, h, Cue::background); })) {
      continue;  // "a day after attacks in Mazar-i-Sharif"
    }
    // "two soldiers, a resident of Chakwal district, …": where someone is from is no other event
    if (after_reference_cue(lex, r, *place, 40, 16)) continue;
    areas.push_back(std::to_string(res.admin1));
  }
  return areas;
}

// The places a sentence names and their districts, as gazetteer features.
std::vector<uint32_t> sentence_places(const Reading& r, const Sentence& s) {
  std::vector<uint32_t> out;
  for (const PlaceSpan* place : within(r.places, s)) {
    const geo::Resolution& res = r.resolved[static_cast<size_t>(place - r.places.data())];
    if (!res.found) continue;
    out.push_back(res.best.feature);
    if (res.admin2 != geo::kNoFeature) out.push_back(res.admin2);
  }
  return out;
}

// The last group that names one of `spots` (places and their districts), if any.
std::optional<size_t> last_naming(const std::vector<std::vector<uint32_t>>& group_places,
                                  const std::vector<uint32_t>& spots) {
  for (size_t g = group_places.size(); g-- > 0;) {
    const std::vector<uint32_t>& named = group_places[g];
    if (std::any_of(spots.begin(), spots.end(), [&](uint32_t f) {
          return std::find(named.begin(), named.end(), f) != named.end();
        })) {
      return g;
    }
  }
  return std::nullopt;
}

// Sentences grouped into mentions (see the header: an event word starts one unless the sentence
// tells more of the current one).
std::vector<Group> group_sentences(const Reading& r, const Lexicon& lex, size_t title_end) {
  std::vector<Group> groups;
  std::vector<size_t> pending;
  std::vector<size_t> every;       // "both attacks were claimed": sentences for every group
  std::vector<std::string> areas;  // of the current group
  // the current group's day (a flag and a value: GCC 12 misreads an optional here)
  bool has_day = false;
  model::Day day = 0;
  std::vector<std::vector<std::string>> group_areas;  // every group's, for sentences after
  std::vector<std::vector<uint32_t>> group_places;    // every group's places and districts
  for (size_t i = 0; i < r.sentences.size(); ++i) {
    const Sentence& s = r.sentences[i];
    std::vector<const LexiconHit*> hits = within(r.hits, s);
    bool trigger = event_sentence(lex, r, s);
    if (s.end <= title_end) {  // the headline tells the first event of the body
      pending.push_back(i);
      continue;
    }
    std::vector<std::string> here = sentence_areas(r, lex, s);
    std::vector<const DateMention*> dates = within(r.dates, s);
    // the day of the event the sentence tells, not the day someone spoke of it
    std::erase_if(dates, [&](const DateMention* d) { return spoken_on(r, lex, *d); });
    std::optional<model::Day> here_day;
    if (!dates.empty()) here_day = dates.front()->span.start;
    // An event word weeks before the current event is background ("the group's attack in
    // August"), and so is one dated by a whole month or year gone by ("in 2022 militants
    // carried out 495 attacks"): the sentence is left out.
    if (trigger && has_day && here_day && *here_day < day - 14) continue;
    if (trigger && !dates.empty() && r.published &&
        dates.front()->span.precision >= model::DatePrecision::month &&
        dates.front()->span.end < *r.published - 14) {
      continue;
    }
    if (trigger) {
      bool elsewhere = !areas.empty() && !here.empty() &&
                       std::none_of(here.begin(), here.end(), [&](const std::string& a) {
                         return std::find(areas.begin(), areas.end(), a) != areas.end();
                       });
      bool another_day = has_day && here_day && day != *here_day;
      // "the attack", "the rockets": the event already told, told again; so is the attack a
      // claim names when the sentence names no place of its own ("داعش … د برید مسؤلیت ومانه":
      // IS claimed responsibility for the attack, a day later), and one that nobody claimed
      // ("تاحال کسی گروہ نے … ذمہ داری قبول نہیں کی، … جمعے کو احتجاج کا اعلان کیا": a protest
      // called for Friday is no other day of the attack)
      bool claims = claims_the_event(r, lex, hits);
      bool told_again =
          !groups.empty() && (refers_back(r, lex, hits) ||
                              (here.empty() && (claims || has_cue(lex, hits, Cue::no_claim))));
      // "The TTP claimed the attack in Dera Ismail Khan": the event of that place, told again
      std::vector<uint32_t> spots = sentence_places(r, s);
      if (claims) {
        if (auto g = last_naming(group_places, spots)) {
          groups[*g].sentences.push_back(i);
          continue;
        }
      }
      // "Hours later, IS also claimed the bombing": set apart in time, but the same event
      bool set_apart = has_cue(lex, hits, Cue::separate) && !(told_again && here.empty());
      if (groups.empty() || set_apart || ((elsewhere || another_day) && !told_again)) {
        groups.push_back({{i}});
        group_areas.emplace_back();
        group_places.emplace_back();
        areas.clear();
        has_day = false;
      } else {
        groups.back().sentences.push_back(i);
      }
      areas.insert(areas.end(), here.begin(), here.end());
      group_areas.back().insert(group_areas.back().end(), here.begin(), here.end());
      group_places.back().insert(group_places.back().end(), spots.begin(), spots.end());
      if (!has_day && here_day) {
        has_day = true;
        day = *here_day;
      }
    } else if (!hits.empty() || !within(r.casualties, s).empty()) {
      if (has_cue(lex, hits, Cue::all_events)) {
        every.push_back(i);
      } else if (groups.empty()) {
        pending.push_back(i);
      } else {
        // "The TTP claimed responsibility for the attack in Dera Ismail Khan": the event of that
        // place, if an earlier one; else the current one.
        auto named = last_naming(group_places, sentence_places(r, s));
        groups[named.value_or(groups.size() - 1)].sentences.push_back(i);
      }
    }
  }
  bool pending_event = std::any_of(pending.begin(), pending.end(), [&](size_t i) {
    return event_sentence(lex, r, r.sentences[i]);
  });
  if (groups.empty() && pending_event) {
    groups.push_back({pending});
  } else if (!groups.empty() && !pending.empty()) {
    auto& first = groups.front().sentences;
    first.insert(first.begin(), pending.begin(), pending.end());
    std::sort(first.begin(), first.end());
  }
  for (Group& g : groups) {
    g.sentences.insert(g.sentences.end(), every.begin(), every.end());
    std::sort(g.sentences.begin(), g.sentences.end());
    g.sentences.erase(std::unique(g.sentences.begin(), g.sentences.end()), g.sentences.end());
  }
  return groups;
}

}  // namespace

namespace {

// "AF 2001-10-07..2021-08-30; IQ": a country, and the days it was a base (open when left out).
Result<std::vector<StateForce::Base>> parse_bases(std::string_view text) {
  std::vector<StateForce::Base> out;
  while (!text.empty()) {
    size_t semicolon = text.find(';');
    std::string_view item = text.substr(0, semicolon);
    text = semicolon == std::string_view::npos ? std::string_view() : text.substr(semicolon + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) continue;
    StateForce::Base b;
    size_t space = item.find(' ');
    b.country = std::string(item.substr(0, space));
    if (space != std::string_view::npos) {
      std::string_view range = item.substr(space + 1);
      size_t dots = range.find("..");
      if (dots == std::string_view::npos) return make_error(fmt::format("'{}': FROM..TO", item));
      for (auto [part, day] :
           {std::pair{range.substr(0, dots), &b.from}, std::pair{range.substr(dots + 2), &b.to}}) {
        if (part.empty()) continue;
        auto parsed = model::parse_date(part);
        if (!parsed) return make_error(fmt::format("'{}': {}", item, parsed.error()));
        *day = *parsed;
      }
    }
    out.push_back(std::move(b));
  }
  return out;
}

Result<std::vector<StateForce>> read_state_forces(const std::string& path) {
  auto table = model::read_tsv(path, {"actor", "country", "from", "to"});
  if (!table) return make_error(table.error());
  std::vector<StateForce> out;
  for (const model::TsvRow& row : table->rows) {
    auto cell = [&](const char* name) -> const std::string& {
      return row.cells[static_cast<size_t>(table->column(name))];
    };
    StateForce f{cell("actor"), cell("country"), INT32_MIN, INT32_MAX, {}};
    for (auto [text, day] : {std::pair{&cell("from"), &f.from}, std::pair{&cell("to"), &f.to}}) {
      if (text->empty()) continue;
      auto parsed = model::parse_date(*text);
      if (!parsed) return make_error(table->where(row) + ": " + parsed.error());
      *day = *parsed;
    }
    if (table->column("based_in") >= 0) {
      auto bases = parse_bases(cell("based_in"));
      if (!bases) return make_error(table->where(row) + ": based_in: " + bases.error());
      f.based_in = std::move(*bases);
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

// The dateline at the start of a story's body: words in capitals ("KABUL", "KANDAHAR CITY",
// "КАБУЛ"), perhaps ", Afghanistan", then "(Reuters) -", " -", ":" or ", <date>". Returns its
// end (0: none).
size_t dateline_end(std::string_view text, size_t body) {
  constexpr size_t kLongestPlace = 48;
  static constexpr std::array<std::string_view, 3> kSpacedDashes = {" - ", " — ", " – "};
  if (body >= text.size()) return 0;
  size_t i = body, letters = 0;
  // A spaced dash ends the place ("KABUL - Five …"); a dash inside a name does not
  // ("MAZAR-I-SHARIF"). Looked for only where the place can be, not through the whole text.
  const std::string_view head = text.substr(body, kLongestPlace + 4);
  size_t limit = body + head.size();
  for (std::string_view dash : kSpacedDashes) {
    if (size_t at = head.find(dash); at != std::string_view::npos) {
      limit = std::min(limit, body + at);
    }
  }
  limit = std::min(limit, body + kLongestPlace);
  while (i < limit) {
    int32_t at = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at, static_cast<int32_t>(text.size()),
            c);
    if (c < 0) return 0;
    if (u_isalpha(c)) {
      if (!u_isupper(c)) break;
      ++letters;
    } else if (c != ' ' && c != '-' && c != '.') {
      break;
    }
    i = static_cast<size_t>(at);
  }
  if (letters < 3) return 0;
  std::string_view rest = text.substr(i, 64);
  // "KABUL - Five rockets …": the dash ends it (the body's first words are not the dateline's)
  for (std::string_view dash : kSpacedDashes) {
    if (rest.starts_with(dash)) return i + dash.size();
  }
  if (rest.starts_with(": ")) return i + 2;
  for (std::string_view mark : {"(", ":", " -", " —", " –", ","}) {
    if (rest.starts_with(mark)) {
      size_t end = text.find_first_of(")-—–:.", i + mark.size());
      return end == std::string_view::npos ? i : std::min(end + 1, i + 64);
    }
  }
  return 0;
}

// A group's own statement opens with the group's name and a colon ("Islamic Emirate of
// Afghanistan: Today at dawn a mujahid …"): whatever the source field says, the group speaks,
// as its claim channel would. Only when the source is not known otherwise.
void statement_of_a_group(const Reading& r, const Lexicon& lex, SourceKind& source) {
  if (source.kind != "unknown") return;
  for (const LexiconHit& h : r.hits) {
    if (h.begin < r.dateline_begin) continue;
    if (h.begin > r.dateline_begin) return;
    if (h.kind != Kind::actor || lex.actor(h.entry).role != ActorEntry::Role::actor) continue;
    if (!r.text.substr(h.end).starts_with(": ")) continue;
    source.kind = "claim";
    source.outlet = std::string(r.text.substr(h.begin, h.end - h.begin));
    source.actor = lex.actor(h.entry).actor;
    return;
  }
}

std::string full_text(const Document& document) {
  if (document.title.empty()) return document.text;
  return document.title + "\n\n" + document.text;
}

Result<Extractor> Extractor::load(const std::string& data_dir,
                                  std::shared_ptr<const geo::Gazetteer> gazetteer,
                                  ExtractorOptions options) {
  auto language = LanguageDetector::load(data_dir);
  if (!language) return std::move(language).take_error();
  auto sources = SourceClassifier::load(data_dir);
  if (!sources) return std::move(sources).take_error();
  auto dates = DateReader::load(data_dir);
  if (!dates) return std::move(dates).take_error();
  auto casualties = CasualtyReader::load(data_dir);
  if (!casualties) return std::move(casualties).take_error();
  auto numbers = WordTable::load(data_dir + "/lexicon/numbers.tsv");
  if (!numbers) return std::move(numbers).take_error();
  auto actors = model::ActorRegistry::load(data_dir + "/actors.tsv");
  if (!actors) return std::move(actors).take_error();
  auto lexicon = Lexicon::load(data_dir);
  if (!lexicon) return std::move(lexicon).take_error();
  auto stopwords = model::read_tsv(data_dir + "/lexicon/stopwords.tsv", {"language", "word"});
  if (!stopwords) return make_error(stopwords.error());
  std::vector<std::string> common;
  int word = stopwords->column("word");
  for (const model::TsvRow& row : stopwords->rows) common.push_back(row.cells[size_t(word)]);
  auto forces = read_state_forces(data_dir + "/lexicon/state-forces.tsv");
  if (!forces) return std::move(forces).take_error();
  Extractor x;
  x.parts_ =
      std::make_shared<Parts>(Parts{std::move(*forces), std::move(*language), std::move(*sources),
                                    std::move(*dates), std::move(*casualties), std::move(*numbers),
                                    std::move(*actors), PlaceFinder(gazetteer, common)});
  x.lexicon_ = std::make_shared<Lexicon>(std::move(*lexicon));
  x.geocoder_ = std::make_shared<geo::Geocoder>(gazetteer);
  x.options_ = std::move(options);
  return x;
}

Extractor Extractor::for_another_thread() const {
  Extractor copy = *this;
  copy.geocoder_ = std::make_shared<geo::Geocoder>(*geocoder_);
  return copy;
}

ReportExtraction Extractor::extract(const Document& document) const {
  ReportExtraction out;
  out.text = full_text(document);
  const Parts& p = *parts_;
  out.language = p.language.detect(out.text);
  out.source = p.sources.classify(document);

  Reading r;
  r.text = out.text;
  r.language = out.language.code;
  r.dateline_begin = document.title.empty() ? 0 : document.title.size() + 2;
  r.dateline_end = dateline_end(r.text, r.dateline_begin);
  r.published = document.published;
  r.sentences = split_sentences(r.text);
  NormalText normal = normalize_for_matching(r.text);
  r.tokens = tokenize(r.text);
  r.hits = lexicon_->find(r.text, normal);
  r.places = p.places.find(r.text, normal, r.tokens);
  r.resolved = resolve_in_context(*geocoder_, r.text, r.places);
  for (size_t i = 0; i < r.places.size(); ++i) {
    if (says_only_the_province(geocoder_->gazetteer(), r.tokens, r.places[i], r.resolved[i])) {
      r.resolved[i] = geocoder_->as_province(r.resolved[i]);
    }
  }
  if (document.published) r.dates = p.dates.find(r.text, *document.published, r.tokens);
  r.casualties = p.casualties.find(r.text, r.tokens);
  // "Rawalpindi, 24 January 2023. …": a dateline in ordinary case, a place and a date
  // (the title's places come before it in the text)
  auto opening = std::find_if(r.places.begin(), r.places.end(),
                              [&](const PlaceSpan& p) { return p.begin >= r.dateline_begin; });
  if (r.dateline_end == 0 && opening != r.places.end() && opening->begin == r.dateline_begin) {
    size_t after = opening->end;
    auto date = between(r.dates, after, after + 4);
    if (!date.empty() && r.text.substr(after, 2) == ", ") r.dateline_end = date.front().end;
  }

  const auto& languages = lexicon_->event_languages();
  if (out.language.code != "und" &&
      std::find(languages.begin(), languages.end(), out.language.code) == languages.end()) {
    out.not_understood.push_back(fmt::format(
        "no event words for language '{}': only places and actors are read", out.language.code));
  }
  if (!document.published) {
    out.not_understood.push_back("no publication date: relative dates are not resolved");
  }
  statement_of_a_group(r, *lexicon_, out.source);
  size_t title_end = document.title.empty() ? 0 : document.title.size();
  MentionReader reader(p, *lexicon_, geocoder_->gazetteer(), r, document, out.source,
                       report_country(r, *lexicon_, geocoder_->gazetteer(), options_.country),
                       title_end);
  out.places = reader.named_places();
  out.actors = reader.named_actors();
  if (off_topic(r, *lexicon_, document.title.size())) {
    out.not_understood.push_back(
        "the headline is about something other than violence (a disaster, an accident, sport, "
        "the economy, a trial, an anniversary): no event read");
    return out;
  }
  std::vector<Group> groups = group_sentences(r, *lexicon_, title_end);
  for (const Group& g : groups) {
    // read() runs before push_back may move the mentions: `before` stays valid while it reads
    out.mentions.push_back(reader.read(g, out.mentions.empty() ? nullptr : &out.mentions.back()));
  }
  for (size_t i = 0; i < r.places.size(); ++i) {
    if (!r.resolved[i].found) {
      out.not_understood.push_back(fmt::format("place '{}' is not in the gazetteer ({})",
                                               r.places[i].phrase, r.resolved[i].problem));
    }
  }
  if (out.mentions.empty()) out.not_understood.push_back("no event found");
  return out;
}

}  // namespace sitrep::extract
