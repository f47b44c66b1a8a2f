// A labelled set for fusion (`sitrep eval fuse --synthetic`, tests/data/fusion-gold-*.jsonl):
// synthetic incidents, each told by several noisy records, labelled with the incident they tell.
//
// Incidents are events of the synthetic generator (real towns, bursts of one actor in one
// province, so neighbouring incidents are alike). Each is listed by up to two datasets (at most
// once in each) and reported by one to four outlets. Reports are noisy the way news is: dated by
// their publication day (a day late) or only by month, placed at the town, its district or only
// its province, without a perpetrator, with casualty figures that disagree ("at least 31",
// "33", "up to 60"), and with some of the incident's names and particulars in their words. A
// share of incidents get a near miss: another attack in the same town on the same day, by the
// same actor or another, with its own records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/synth/generator.hpp"

namespace sitrep::synth {

struct FusionGoldOptions {
  int64_t incidents = 300;
  uint64_t seed = 1;
  double near_miss_share = 0.15;
};

struct GoldRecord {
  fuse::FusionRecord record;
  std::string incident;  // the label: records with one label tell one incident
};

std::vector<GoldRecord> fusion_gold(const Scenario& scenario, const FusionGoldOptions& options);

}  // namespace sitrep::synth
