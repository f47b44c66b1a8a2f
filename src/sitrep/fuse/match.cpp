#include "sitrep/fuse/match.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sitrep/model/actor_registry.hpp"
#include "sitrep/model/distance.hpp"

namespace sitrep::fuse {
namespace {

bool located(const FusionRecord& r) {
  return r.latitude && r.longitude;
}

// The date part: 1 for the same day, falling with the gap; a coarse date that merely contains
// the other scores one half.
double date_part(const FusionRecord& a, const FusionRecord& b, int slack, int64_t gap) {
  const bool both_days = a.date.precision == model::DatePrecision::day &&
                         b.date.precision == model::DatePrecision::day;
  if (!both_days) return 0.5;
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

// Shared words over the smaller set (a short headline inside a long report is a full match).
std::optional<double> word_part(const FusionRecord& a, const FusionRecord& b) {
  if (a.words.empty() || b.words.empty()) return std::nullopt;
  std::vector<std::string> shared;
  std::set_intersection(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(),
                        std::back_inserter(shared));
  return static_cast<double>(shared.size()) /
         static_cast<double>(std::min(a.words.size(), b.words.size()));
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
  switch (coarser) {
    case PlacePrecision::point:
    case PlacePrecision::admin2:
      return 0.8;
    case PlacePrecision::admin1:
      return 0.6;
    case PlacePrecision::country:
      return 0.3;
    case PlacePrecision::unknown:
      break;
  }
  return 0.1;
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
  if (!model::is_unattributed_actor(a.perpetrator) &&
      !model::is_unattributed_actor(b.perpetrator) && a.perpetrator != b.perpetrator) {
    m.why_not = fmt::format("perpetrators differ: {} and {}", a.perpetrator, b.perpetrator);
    return m;
  }
  auto place = place_part(a, b, rules, m.why_not);
  if (!place) return m;
  m.compatible = true;
  m.parts.place = *place;
  m.parts.date = date_part(a, b, slack, gap);
  m.parts.casualties = casualty_part(a, b);
  m.parts.words = word_part(a, b);
  double sum = rules.weight_place * m.parts.place + rules.weight_date * m.parts.date;
  double weights = rules.weight_place + rules.weight_date;
  if (m.parts.casualties) {
    sum += rules.weight_casualties * *m.parts.casualties;
    weights += rules.weight_casualties;
  }
  if (m.parts.words) {
    sum += rules.weight_words * *m.parts.words;
    weights += rules.weight_words;
  }
  m.score = weights > 0 ? sum / weights : 0;
  m.merge = m.score >= rules.merge_score;
  return m;
}

}  // namespace sitrep::fuse
