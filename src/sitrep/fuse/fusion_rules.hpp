// The thresholds and the weights of evidence of fusion, from data/fusion.tsv (key, value, note):
// plain data an analyst can review and tune without recompiling.
//
// Evidence is in log-odds (natural logarithm) that two records tell one incident: each part of
// a comparison adds its evidence to the prior, and the pair's probability is the logistic of the
// sum (match.hpp). Agreement on what many incidents share (the same day, soldiers as the target)
// adds little; disagreement on what one incident's reports share (the kind of target, the
// particular words) takes away much.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/fuse/symbol.hpp"
#include "sitrep/result.hpp"

namespace sitrep::fuse {

struct FusionRules {
  int max_days_apart = 1;        // day-precision records this many days apart may match
  double point_km = 25;          // places known to the town match within this distance
  int publication_lag_days = 0;  // a report dated only by its publication: the event may be
                                 // this many days older (its day and the day before always
                                 // count as its day)

  double prior = -1.5;            // before any evidence: most pairs near in time and place differ
  double place_point_near = 2.5;  // two towns at the same spot …
  double place_point_far = 0.5;   // … falling linearly to this at point_km
  double place_admin2 = 1.0;      // the same district, one of them known no better
  double place_admin1 = 0.8;      // the same province, one of them known no better
  double date_same = 0.7;         // the same day, both known to the day
  double date_apart = -0.3;       // days apart (within max_days_apart)
  double casualties_agree = 1.5;  // overlapping figures, at ten dead or more (less below)
  double casualties_disagree = -2.0;  // figures apart, times 1 - the nearer ends' ratio
  double target_same = 0.5;           // the same kind of target
  double target_family = 0.2;         // kinds of one family (religious, minorities, civilians)
  double target_differ = -2.0;        // kinds of different families
  double words_agree = 4.0;           // all of the smaller record's rare words shared …
  double words_disagree = -2.5;       // … or none of them: linear between
  double perpetrator_same = 1.0;      // both name the same actor
  double merge_score = 0.5;           // pairs at least this probable are merged

  // The kinds of target (data/targets.tsv) that sources use for one another, by family
  // (data/fusion-target-families.tsv): a mosque bombing is "religious" to one source,
  // "minorities" or "civilians" to the next. The defaults are that file's. Interned: match()
  // looks families up for millions of pairs.
  std::vector<std::pair<Symbol, Symbol>> target_families = {
      {"civilians", "civilian"},       {"minorities", "civilian"},  {"religious", "civilian"},
      {"education", "civilian"},       {"journalists", "civilian"}, {"aid-workers", "civilian"},
      {"business", "civilian"},        {"transport", "civilian"},   {"infrastructure", "civilian"},
      {"security-forces", "security"}, {"military", "security"},    {"police", "security"},
      {"government", "state"},         {"diplomatic", "state"},     {"armed-groups", "armed"}};

  // The family of a kind of target, or the empty symbol for one in none.
  Symbol family_of(Symbol target) const;

  // Reads the table; every key must be known and every value a number in its range. Keys not
  // in the file keep the defaults above.
  static Result<FusionRules> load(const std::string& path);

  // Replaces target_families with a table's (columns target, family); a target listed twice is
  // an error.
  Status load_target_families(const std::string& path);
};

}  // namespace sitrep::fuse
