#include "sitrep/fuse/match.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "sitrep/model/actor_registry.hpp"
#include "sitrep/model/distance.hpp"

namespace sitrep::fuse {
namespace {

// The weight of a word found in four records (weights are 1 / records with the word).
constexpr double kLeastWordWeight = 0.25;
constexpr double kCoarseDateShare = 0.3;
constexpr double kSameTargetFamily = 0.75;

bool located(const FusionRecord& r) {
  return r.latitude && r.longitude;
}

bool both_days(const FusionRecord& a, const FusionRecord& b) {
  return a.date.precision == model::DatePrecision::day &&
         b.date.precision == model::DatePrecision::day;
}

// The date part: 1 for the same day, falling with the gap; a coarse date that contains the
// other agrees, with a third of the weight.
double date_part(const FusionRecord& a, const FusionRecord& b, int slack, int64_t gap) {
  if (!both_days(a, b)) return 1.0;  // the coarse date contains the other (its weight is small)
  return 1.0 - static_cast<double>(gap) / (slack + 1.0);
}

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
    int order = a.words[i].compare(b.words[j]);
    if (order == 0) shared += weight(a, i);
    i += order <= 0;
    j += order >= 0;
  }
  // Words every record of the area has (the town's name) tell nothing either way: a record
  // with no rarer word has nothing to compare.
  const double smaller = std::min(total_a, total_b);
  if (smaller < kLeastWordWeight) return std::nullopt;
  return std::min(1.0, shared / smaller);
}

// The place part, or a reason the places disagree.
std::optional<double> place_part(const FusionRecord& a, const FusionRecord& b,
                                 const FusionRules& rules, std::string& why_not) {
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) {
    why_not = fmt::format("countries differ: {} and {}", a.country, b.country);
    return std::nullopt;
  }
  if (a.place_precision == PlacePrecision::point && b.place_precision == PlacePrecision::point &&
      located(a) && located(b)) {
    const double km = model::distance_km(*a.latitude, *a.longitude, *b.latitude, *b.longitude);
    if (km > rules.point_km) {
      why_not = fmt::format("places {:.0f} km apart (more than {:.0f})", km, rules.point_km);
      return std::nullopt;
    }
    return 1.0 - km / rules.point_km * 0.5;
  }
  // At the coarser record's precision the areas must be the same.
  const auto coarser = std::max(a.place_precision, b.place_precision);
  if (coarser <= PlacePrecision::admin1 && !a.admin1.empty() && !b.admin1.empty() &&
      a.admin1 != b.admin1) {
    why_not = fmt::format("provinces differ: {} and {}", a.admin1, b.admin1);
    return std::nullopt;
  }
  if (coarser <= PlacePrecision::admin2 && !a.admin2.empty() && !b.admin2.empty() &&
      a.admin2 != b.admin2) {
    why_not = fmt::format("districts differ: {} and {}", a.admin2, b.admin2);
    return std::nullopt;
  }
  return 1.0;  // they agree as far as the coarser one can tell (its weight says how far)
}

// How much of the place weight a pair's place part carries: all of it for two towns, less the
// coarser the place (two records "in Kunar" agree, but so would most records from Kunar).
double place_share(const FusionRecord& a, const FusionRecord& b) {
  if (a.place_precision == PlacePrecision::point && b.place_precision == PlacePrecision::point &&
      located(a) && located(b)) {
    return 1.0;
  }
  switch (std::max(a.place_precision, b.place_precision)) {
    case PlacePrecision::point:
    case PlacePrecision::admin2:
      return 0.6;
    case PlacePrecision::admin1:
      return 0.35;
    case PlacePrecision::country:
      return 0.15;
    case PlacePrecision::unknown:
      break;
  }
  return 0.05;
}

// Whether the named sides of two records can be one: each names no one, or they share a side
// (a perpetrator, or a dataset event's other side).
bool sides_agree(const FusionRecord& a, const FusionRecord& b) {
  auto named = [](const std::string& actor) { return !model::is_unattributed_actor(actor); };
  if (!named(a.perpetrator) || !named(b.perpetrator)) return true;
  for (const std::string* x : {&a.perpetrator, &a.counterpart}) {
    for (const std::string* y : {&b.perpetrator, &b.counterpart}) {
      if (named(*x) && *x == *y) return true;
    }
  }
  return false;
}

// The kinds of target (data/targets.tsv) that sources use for one another: a mosque bombing is
// "religious" to one, "minorities" or "civilians" to the next.
std::string_view target_family(std::string_view target) {
  static const std::array<std::pair<std::string_view, std::string_view>, 15> kFamilies = {{
      {"civilians", "civilian"},
      {"minorities", "civilian"},
      {"religious", "civilian"},
      {"education", "civilian"},
      {"journalists", "civilian"},
      {"aid-workers", "civilian"},
      {"business", "civilian"},
      {"transport", "civilian"},
      {"infrastructure", "civilian"},
      {"security-forces", "security"},
      {"military", "security"},
      {"police", "security"},
      {"government", "state"},
      {"diplomatic", "state"},
      {"armed-groups", "armed"},
  }};
  for (const auto& [name, family] : kFamilies) {
    if (name == target) return family;
  }
  return "";
}

// The target part: 1 for the same kind of target, 0.75 for kinds of one family, else 0; none
// when either does not say ("other" and "unknown" say nothing).
std::optional<double> target_part(std::string_view a, std::string_view b) {
  auto told = [](std::string_view t) { return !t.empty() && t != "other" && t != "unknown"; };
  if (!told(a) || !told(b)) return std::nullopt;
  if (a == b) return 1.0;
  std::string_view fa = target_family(a);
  return !fa.empty() && fa == target_family(b) ? kSameTargetFamily : 0.0;
}

}  // namespace

std::string_view type_family(std::string_view event_type) {
  if (event_type.empty()) return "";
  if (event_type == "Battles" || event_type == "Explosions/Remote violence" ||
      event_type == "Violence against civilians") {
    return "violence";
  }
  return "other";
}

Match match(const FusionRecord& a, const FusionRecord& b, const FusionRules& rules) {
  Match m;
  // Dates: [start - slack, end + slack] of each must meet the other's span.
  const int slack = rules.max_days_apart;
  const int64_t gap = std::max<int64_t>(
      0, std::max<int64_t>(a.date.start, b.date.start) - std::min<int64_t>(a.date.end, b.date.end));
  if (gap > slack) {
    m.why_not = fmt::format("dates {} days apart (more than {})", gap, slack);
    return m;
  }
  const std::string_view fa = type_family(a.event_type), fb = type_family(b.event_type);
  if (!fa.empty() && !fb.empty() && fa != fb) {
    m.why_not =
        fmt::format("event types of different kinds: {} and {}", a.event_type, b.event_type);
    return m;
  }
  if (!sides_agree(a, b)) {
    m.why_not = fmt::format("perpetrators differ: {} and {}", a.perpetrator, b.perpetrator);
    return m;
  }
  auto place = place_part(a, b, rules, m.why_not);
  if (!place) return m;
  m.compatible = true;
  m.parts.place = *place;
  m.parts.date = date_part(a, b, slack, gap);
  m.parts.casualties = casualty_part(a, b);
  m.parts.target = target_part(a.target, b.target);
  m.parts.words = word_part(a, b);
  m.parts.place_share = place_share(a, b);
  m.parts.date_share = both_days(a, b) ? 1.0 : kCoarseDateShare;
  const double place_weight = rules.weight_place * m.parts.place_share;
  const double date_weight = rules.weight_date * m.parts.date_share;
  double sum = place_weight * m.parts.place + date_weight * m.parts.date;
  double weights = place_weight + date_weight;
  if (m.parts.casualties) {
    sum += rules.weight_casualties * *m.parts.casualties;
    weights += rules.weight_casualties;
  }
  if (m.parts.target) {
    sum += rules.weight_target * *m.parts.target;
    weights += rules.weight_target;
  }
  if (m.parts.words) {
    sum += rules.weight_words * *m.parts.words;
    weights += rules.weight_words;
  }
  // Doubt weighs in as a part that says "not the same": two records that can speak to little
  // (no place below the country, no words) do not score high on a mean of what little they say.
  weights += rules.weight_doubt;
  m.score = weights > 0 ? sum / weights : 0;
  m.merge = m.score >= rules.merge_score;
  return m;
}

}  // namespace sitrep::fuse
