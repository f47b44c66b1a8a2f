// The scenario suite: synthetic worlds (sitrep synth) with patterns planted in them, assessed
// with and without the plants. Each plant must be found, with its date and place, when planted;
// and no finding of its kind may be reported about it when it is not (the false-alarm check).
//
// One world per seed: `events` synthetic events over `years` years in Afghanistan, Pakistan,
// Tajikistan and Uzbekistan (data/synth/), the Islamic State's Khorasan branch (IS-KP) as the
// subject, the window the world's last 30 days and the baseline the year before. Four other
// branches of its organisation (ISWAP, IS-Somalia, IS-Sahel, IS-Iraq) tick along at a steady
// Poisson rate for campaigns to be measured against. The plants, all in the same window:
//   cross_border      IS-KP rockets fired from Kunduz into Tajikistan: a first
//   reemergence       IS-KP back in a province it left three and a half years before (its
//                     events there after the world's first six months are removed in both
//                     worlds: the gap is part of the scenario, the return is the plant)
//   target_mix        20 IS-KP attacks on civilians in one province, 20 on soldiers in another
//   campaign          IS-KP and ISWAP each strike 10 times in the same 10 days
//   provincial_official  IS-KP kills a provincial-level official: a first
//   hallmarks         three unattributed suicide bombings of a minority in IS-KP's main province
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model/vocabulary.hpp"
#include "sitrep/result.hpp"
#include "sitrep/synth/generator.hpp"

namespace sitrep::analyze {

enum class Plant : uint8_t {
  cross_border,
  reemergence,
  target_mix,
  campaign,
  provincial_official,
  hallmarks,
};
inline constexpr size_t kPlantCount = 6;
std::string_view to_string(Plant plant);

struct PlantOutcome {
  Plant plant = Plant::cross_border;
  bool found = false;        // reported, with the planted date and place, in the planted world
  bool false_alarm = false;  // a finding of its kind reported about it in the unplanted world
  std::string detail;        // what was found or missed, for the suite's table
};

struct ScenarioOutcome {
  uint64_t seed = 0;
  std::vector<PlantOutcome> plants;  // in Plant order
};

struct ScenarioOptions {
  int64_t events = 30000;
  int years = 4;
};

// Builds the world of `seed`, plants, assesses both worlds, and checks every plant.
Result<ScenarioOutcome> run_scenario(const synth::Scenario& scenario,
                                     const model::Vocabulary& vocabulary, uint64_t seed,
                                     const ScenarioOptions& options = {});

}  // namespace sitrep::analyze
