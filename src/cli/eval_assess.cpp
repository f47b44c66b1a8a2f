// sitrep eval assess — the scenario suite (analyze/scenario_suite.hpp): synthetic worlds with
// planted patterns, each assessed with and without its plants; prints how often each plant was
// found and how often its kind was reported about it when it was not planted.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/analyze/scenario_suite.hpp"
#include "sitrep/model/vocabulary.hpp"

namespace sitrep::cli {

int run_eval_assess(const EvalAssessArgs& args, const GlobalOptions& global) {
  const auto started = std::chrono::steady_clock::now();
  const std::string data_dir = model::find_data_dir(global.data_dir);
  auto vocabulary = model::Vocabulary::load(data_dir);
  auto scenario = vocabulary ? synth::Scenario::load(data_dir)
                             : Result<synth::Scenario>(make_error(vocabulary.error()));
  if (!scenario) {
    std::cerr << "sitrep eval assess: " << scenario.error() << '\n';
    return kExitFailure;
  }
  analyze::ScenarioOptions options;
  options.events = args.events;
  std::vector<int> found(analyze::kPlantCount, 0), alarms(analyze::kPlantCount, 0);
  for (int i = 0; i < args.seeds; ++i) {
    const uint64_t seed = args.first_seed + static_cast<uint64_t>(i);
    auto outcome = analyze::run_scenario(*scenario, *vocabulary, seed, options);
    if (!outcome) {
      std::cerr << fmt::format("sitrep eval assess: seed {}: {}\n", seed, outcome.error());
      return kExitFailure;
    }
    for (const analyze::PlantOutcome& p : outcome->plants) {
      const auto k = static_cast<size_t>(p.plant);
      found[k] += p.found;
      alarms[k] += p.false_alarm;
      if (args.details && (!p.found || p.false_alarm)) {
        std::cout << fmt::format("seed {} {}: {}{} — {}\n", seed, analyze::to_string(p.plant),
                                 p.found ? "found" : "MISSED",
                                 p.false_alarm ? ", FALSE ALARM without the plant" : "", p.detail);
      }
    }
    std::cerr << fmt::format("\r{} of {} worlds", i + 1, args.seeds);
  }
  std::cerr << '\n';
  std::cout << fmt::format("{:<22}{:>14}{:>20}\n", "plant", "found", "false alarms");
  for (size_t k = 0; k < analyze::kPlantCount; ++k) {
    std::cout << fmt::format("{:<22}{:>8}/{:<5}{:>13}/{:<5}\n",
                             analyze::to_string(static_cast<analyze::Plant>(k)), found[k],
                             args.seeds, alarms[k], args.seeds);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("{} worlds of {} events (seeds {}..{}), {:.1f} s\n", args.seeds,
                           args.events, args.first_seed,
                           args.first_seed + static_cast<uint64_t>(args.seeds) - 1, seconds);
  return kExitOk;
}

}  // namespace sitrep::cli
