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
// Then the probability that they tell one incident: the logistic of the prior and the evidence
// of each part both records can speak to (place, date, casualties, kind of target, rare shared
// words, a named perpetrator), in log-odds from data/fusion.tsv.
#pragma once

#include <optional>
#include <string>

#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/fuse/fusion_rules.hpp"

namespace sitrep::fuse {

// The evidence each part of a comparison gives that two records tell one incident, in log-odds
// (weights in data/fusion.tsv); a part either record cannot speak to is left out.
struct MatchParts {
  double prior = 0;
  double place = 0;                   // by distance for two towns, else by the coarser precision
  double date = 0;                    // 0 unless both are known to the day
  std::optional<double> casualties;   // when both give figures
  std::optional<double> target;       // when both name the kind of target
  std::optional<double> words;        // when both have rare words
  std::optional<double> perpetrator;  // when both name one (compatible: the same side)
};

struct Match {
  bool compatible = false;
  MatchParts parts;
  double score = 0;    // the probability: the logistic of the prior plus the evidence
  bool merge = false;  // compatible and score >= merge_score
};

Match match(const FusionRecord& a, const FusionRecord& b, const FusionRules& rules);

// The first disagreement that keeps two records apart ("provinces differ: Kunar and Nangarhar"),
// or "" when they are compatible. Apart from match(), which a run calls millions of times, so
// that only a question about a pair pays for its words.
std::string why_apart(const FusionRecord& a, const FusionRecord& b, const FusionRules& rules);

}  // namespace sitrep::fuse
