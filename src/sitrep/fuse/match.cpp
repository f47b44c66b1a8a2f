#include "sitrep/fuse/match.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "sitrep/model/actor_registry.hpp"
#include "sitrep/model/distance.hpp"

namespace sitrep::fuse {
namespace {

// The texts match() tests records' fields against, interned once: a test is then an integer
// comparison, not a string's (they were a tenth of scoring eight million pairs).
struct KnownTexts {
  Symbol violent_types[3] = {"Battles", "Explosions/Remote violence", "Violence against civilians"};
  Symbol other{"other"}, unknown{"unknown"};
  Symbol unattributed[2] = {model::kUnattributedActors[0], model::kUnattributedActors[1]};
};

const KnownTexts& known() {
  static const KnownTexts texts;
  return texts;
}

// model::is_unattributed_actor, by symbol.
bool named(Symbol actor, const KnownTexts& k) {
  return !actor.empty() && actor != k.unattributed[0] && actor != k.unattributed[1];
}

// The family of an ACLED event type: 1 for violence (battles, explosions/remote violence,
// violence against civilians), 2 for the others (protests, riots, strategic developments), 0
// when not given. Records of different families are never one incident.
int type_family_code(Symbol event_type, const KnownTexts& k) {
  if (event_type.empty()) return 0;
  for (Symbol violent : k.violent_types) {
    if (event_type == violent) return 1;
  }
  return 2;
}

// The weight of a word found in four records (weights are 1 / records with the word).
constexpr double kLeastWordWeight = 0.25;
// Figures that agree at this many dead or more are full evidence; fewer are less (log scale).
constexpr double kTellingDeaths = 10;

// The casualty part: 1 when the ranges overlap, else the ratio of the nearer ends.
std::optional<double> casualty_part(const FusionRecord& a, const FusionRecord& b) {
  auto range = [](const FusionRecord& r) -> std::optional<std::pair<int, int>> {
    if (!r.fatalities_low && !r.fatalities_high) return std::nullopt;
    int low = r.fatalities_low.value_or(*r.fatalities_high);
    int high = r.fatalities_high.value_or(low);
    return std::pair{low, std::max(low, high)};
  };
  auto ra = range(a), rb = range(b);
  if (!ra || !rb) return std::nullopt;
  if (ra->first <= rb->second && rb->first <= ra->second) return 1.0;
  const double lower = ra->second < rb->first ? ra->second : rb->second;
  const double upper = ra->second < rb->first ? rb->first : ra->first;
  return upper <= 0 ? 1.0 : std::max(0.0, lower) / upper;
}

// The weight of the shared words over the smaller set's (a short headline inside a long report
// is a full match); rare words weigh more (rare_words.hpp).
std::optional<double> word_part(const FusionRecord& a, const FusionRecord& b) {
  if (a.words.empty() || b.words.empty()) return std::nullopt;
  auto weight = [](const FusionRecord& r, size_t i) {
    return r.word_weights.empty() ? 1.0 : static_cast<double>(r.word_weights[i]);
  };
  double shared = 0, total_a = 0, total_b = 0;
  for (size_t i = 0; i < a.words.size(); ++i) total_a += weight(a, i);
  for (size_t j = 0; j < b.words.size(); ++j) total_b += weight(b, j);
  for (size_t i = 0, j = 0; i < a.words.size() && j < b.words.size();) {
    const uint32_t x = a.words[i].id(), y = b.words[j].id();  // in id order (sort_words)
    if (x == y) shared += weight(a, i);
    i += x <= y;
    j += x >= y;
  }
  // Words every record of the area has (the town's name) tell nothing either way: a record
  // with no rarer word has nothing to compare.
  const double smaller = std::min(total_a, total_b);
  if (smaller < kLeastWordWeight) return std::nullopt;
  return std::min(1.0, shared / smaller);
}

// Whether two day-precision records give the same day. A report dated only by its publication
// (its span runs from publication_lag_days before up to the publication: widen_publication_dates)
// agrees with an event of that day or the day before, the usual lag of news.
bool same_day(const FusionRecord& a, const FusionRecord& b) {
  if (a.dated_by_publication && b.dated_by_publication) {
    return std::abs(a.date.end - b.date.end) <= 1;
  }
  if (a.dated_by_publication || b.dated_by_publication) {
    const FusionRecord& published = a.dated_by_publication ? a : b;
    const FusionRecord& other = a.dated_by_publication ? b : a;
    const auto lag = published.date.end - other.date.start;
    return lag == 0 || lag == 1;
  }
  return a.date.start == b.date.start;
}

// The distance between two records placed at towns.
std::optional<double> point_distance(const FusionRecord& a, const FusionRecord& b) {
  if (!a.is_point() || !b.is_point()) return std::nullopt;
  // Two records of one town (most pairs that get this far) are 0 km apart without the
  // trigonometry, which gives exactly 0 for them too.
  if (*a.latitude == *b.latitude && *a.longitude == *b.longitude) return 0.0;
  return model::distance_km(*a.latitude, *a.longitude, *b.latitude, *b.longitude);
}

// Whether the places can be one, or why not; `km` is their point_distance.
bool place_agrees(const FusionRecord& a, const FusionRecord& b, std::optional<double> km,
                  const FusionRules& rules, std::string* why_not) {
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) {
    if (why_not) *why_not = fmt::format("countries differ: {} and {}", a.country, b.country);
    return false;
  }
  if (km) {
    if (*km > rules.point_km) {
      if (why_not) {
        *why_not = fmt::format("places {:.0f} km apart (more than {:.0f})", *km, rules.point_km);
      }
      return false;
    }
    return true;
  }
  // At the coarser record's precision the areas must be the same.
  const auto coarser = std::max(a.place_precision, b.place_precision);
  if (coarser <= PlacePrecision::admin1 && !a.admin1.empty() && !b.admin1.empty() &&
      a.province() != b.province()) {
    if (why_not) *why_not = fmt::format("provinces differ: {} and {}", a.admin1, b.admin1);
    return false;
  }
  if (coarser <= PlacePrecision::admin2 && !a.admin2.empty() && !b.admin2.empty() &&
      a.district() != b.district()) {
    if (why_not) *why_not = fmt::format("districts differ: {} and {}", a.admin2, b.admin2);
    return false;
  }
  return true;
}

// The evidence of two places that agree: by distance for two towns, else by the coarser
// record's precision (two records "in Kunar" agree, but so would most records from Kunar).
double place_evidence(const FusionRecord& a, const FusionRecord& b, std::optional<double> km,
                      const FusionRules& rules) {
  if (km) {
    const double t = rules.point_km > 0 ? std::min(1.0, *km / rules.point_km) : 1.0;
    return rules.place_point_near + (rules.place_point_far - rules.place_point_near) * t;
  }
  switch (std::max(a.place_precision, b.place_precision)) {
    case PlacePrecision::point:
    case PlacePrecision::admin2:
      return rules.place_admin2;
    case PlacePrecision::admin1:
      return rules.place_admin1;
    case PlacePrecision::country:
    case PlacePrecision::unknown:
      break;
  }
  return 0;
}

// The evidence of casualty figures: agreement counts for more the more dead both give.
std::optional<double> casualty_evidence(const FusionRecord& a, const FusionRecord& b,
                                        const FusionRules& rules) {
  auto agreement = casualty_part(a, b);
  if (!agreement) return std::nullopt;
  if (*agreement < 1) return rules.casualties_disagree * (1 - *agreement);
  auto low = [](const FusionRecord& r) {
    return r.fatalities_low ? *r.fatalities_low : r.fatalities_high.value_or(0);
  };
  const double dead = std::max(0, std::max(low(a), low(b)));
  return rules.casualties_agree * std::min(1.0, std::log1p(dead) / std::log1p(kTellingDeaths));
}

// Whether the named sides of two records can be one: each names no one, or they share a side
// (a perpetrator, or a dataset event's other side).
bool sides_agree(const FusionRecord& a, const FusionRecord& b, const KnownTexts& k) {
  if (!named(a.perpetrator, k) || !named(b.perpetrator, k)) return true;
  for (Symbol x : {a.perpetrator, a.counterpart}) {
    for (Symbol y : {b.perpetrator, b.counterpart}) {
      if (named(x, k) && x == y) return true;
    }
  }
  return false;
}

// The evidence of the kinds of target: the same, of one family, or of different families; none
// when either does not say ("other" and "unknown" say nothing).
std::optional<double> target_evidence(Symbol a, Symbol b, const FusionRules& rules,
                                      const KnownTexts& k) {
  auto told = [&k](Symbol t) { return !t.empty() && t != k.other && t != k.unknown; };
  if (!told(a) || !told(b)) return std::nullopt;
  if (a == b) return rules.target_same;
  const Symbol fa = rules.family_of(a);
  return !fa.empty() && fa == rules.family_of(b) ? rules.target_family : rules.target_differ;
}

// Whether two records can be one incident; the first reason they cannot goes to `why_not` when
// one is asked for. The places are tested last, and `km` gets their point_distance then: the
// trigonometry is spent only on pairs that pass the cheaper tests.
bool compatible(const FusionRecord& a, const FusionRecord& b, const FusionRules& rules,
                const KnownTexts& k, std::optional<double>& km, std::string* why_not) {
  // Dates: [start - slack, end + slack] of each must meet the other's span.
  const int slack = rules.max_days_apart;
  const int64_t gap = std::max<int64_t>(
      0, std::max<int64_t>(a.date.start, b.date.start) - std::min<int64_t>(a.date.end, b.date.end));
  if (gap > slack) {
    if (why_not) *why_not = fmt::format("dates {} days apart (more than {})", gap, slack);
    return false;
  }
  const int fa = type_family_code(a.event_type, k), fb = type_family_code(b.event_type, k);
  if (fa != 0 && fb != 0 && fa != fb) {
    if (why_not) {
      *why_not =
          fmt::format("event types of different kinds: {} and {}", a.event_type, b.event_type);
    }
    return false;
  }
  if (!sides_agree(a, b, k)) {
    if (why_not) {
      *why_not = fmt::format("perpetrators differ: {} and {}", a.perpetrator, b.perpetrator);
    }
    return false;
  }
  km = point_distance(a, b);
  return place_agrees(a, b, km, rules, why_not);
}

}  // namespace

std::string why_apart(const FusionRecord& a, const FusionRecord& b, const FusionRules& rules) {
  std::string why;
  std::optional<double> km;
  compatible(a, b, rules, known(), km, &why);
  return why;
}

Match match(const FusionRecord& a, const FusionRecord& b, const FusionRules& rules) {
  Match m;
  const KnownTexts& k = known();
  std::optional<double> km;
  if (!compatible(a, b, rules, k, km, nullptr)) return m;
  m.compatible = true;
  MatchParts& p = m.parts;
  p.prior = rules.prior;
  p.place = place_evidence(a, b, km, rules);
  if (a.date.precision == model::DatePrecision::day &&
      b.date.precision == model::DatePrecision::day) {
    p.date = same_day(a, b) ? rules.date_same : rules.date_apart;
  }
  p.casualties = casualty_evidence(a, b, rules);
  p.target = target_evidence(a.target, b.target, rules, k);
  if (auto words = word_part(a, b)) {
    p.words = rules.words_disagree + (rules.words_agree - rules.words_disagree) * *words;
  }
  if (named(a.perpetrator, k) && named(b.perpetrator, k)) p.perpetrator = rules.perpetrator_same;
  const double evidence = p.prior + p.place + p.date + p.casualties.value_or(0) +
                          p.target.value_or(0) + p.words.value_or(0) + p.perpetrator.value_or(0);
  m.score = 1 / (1 + std::exp(-evidence));
  m.merge = m.score >= rules.merge_score;
  return m;
}

}  // namespace sitrep::fuse
