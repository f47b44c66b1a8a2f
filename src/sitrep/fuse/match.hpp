// Whether two records can be one incident, and how alike they are — with the reason for each
// part, so that `sitrep incident show` can say why records were merged or kept apart.
//
// Compatibility comes first, and any one disagreement keeps two records apart:
// - their dates, widened by max_days_apart for day-precision records, must meet (a month-precision
//   report meets any day of its month);
// - their countries, where both are known, must be one;
// - their places must agree at the coarser record's precision: two towns within point_km, or a
//   town inside the province (district) the other names;
// - their event types must be of one family (political violence, or demonstrations and the rest);
// - their perpetrators, where both are named, must be the same, or one the other side of a
//   dataset's event (UCDP does not say which side struck); unknown agrees with anything.
// Then a score in 0..1: the weighted mean of the parts both records can speak to (place, date,
// casualties, kind of target, shared words), weights from data/fusion.tsv.
#pragma once

#include <optional>
#include <string>

#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/fuse/fusion_rules.hpp"

namespace sitrep::fuse {

struct MatchParts {
  double place = 0;
  double date = 0;
  // The shares of their weights that place and date carry: less for coarse places and dates,
  // which agree with much.
  double place_share = 1, date_share = 1;
  std::optional<double> casualties;  // when both give figures
  std::optional<double> target;      // when both name the kind of target: 1 if the same
  std::optional<double> words;       // when both have words
};

struct Match {
  bool compatible = false;
  std::string why_not;  // the first disagreement, when not compatible
  MatchParts parts;
  double score = 0;
  bool merge = false;  // compatible and score >= merge_score
};

Match match(const FusionRecord& a, const FusionRecord& b, const FusionRules& rules);

// The family of an ACLED event type: "violence" (battles, explosions/remote violence, violence
// against civilians) or "other" (protests, riots, strategic developments); "" when not given.
std::string_view type_family(std::string_view event_type);

}  // namespace sitrep::fuse
