// Synthetic conflict events for scale tests and benchmarks (`sitrep synth`).
//
// Events happen at real towns (data/synth/places.tsv), by actors with their own countries, home
// provinces, target preferences and claim rates (data/synth/actors.tsv). They come in bursts:
// each actor's daily rate is a discrete self-exciting (Hawkes) process, and a burst tends to stay
// in the province where it started. Fatalities are long-tailed. The same seed gives the same
// events on every platform (see random.hpp), and events are generated in date order one day at
// a time, so a hundred million of them need no more memory than one day's worth.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "sitrep/model/event.hpp"
#include "sitrep/result.hpp"
#include "sitrep/synth/random.hpp"

namespace sitrep::synth {

struct Place {
  std::string name;
  std::string country;  // ISO2
  std::string admin1;
  std::string admin2;
  double latitude = 0;
  double longitude = 0;
  int64_t population = 0;
};

struct ActorProfile {
  std::string name;  // as ACLED spells it
  std::vector<std::string> countries;
  double share = 0;                                     // of all events
  std::vector<std::pair<std::string, double>> targets;  // sitrep target code, weight
  double claim_rate = 0;
  double excitation = 0;   // branching ratio of the self-exciting process, below 1
  double memory_days = 1;  // how fast the excitation decays
  int home_provinces = 1;
};

struct Scenario {
  std::vector<Place> places;
  std::vector<ActorProfile> actors;

  // Reads data/synth/places.tsv and data/synth/actors.tsv under `data_dir`.
  static Result<Scenario> load(const std::string& data_dir);
};

struct SynthOptions {
  int64_t events = 0;
  uint64_t seed = 1;
  model::Day start = 0;  // first day
  int days = 0;          // planned length; the period stretches if the events need more days
};

class Generator {
 public:
  Generator(const Scenario& scenario, const SynthOptions& options);

  // The next event, in date order; false once `options.events` events were given.
  bool next(model::Event& event);

 private:
  struct ActorState {
    const ActorProfile* profile;
    std::vector<std::vector<size_t>> provinces;  // home provinces: indexes into places
    std::vector<size_t> anywhere;                // every place in the actor's countries
    double base_rate = 0;                        // events a day without excitation
    double excitation = 0;                       // decayed count of recent events
    size_t hot_province = 0;                     // where the current burst is
  };
  void plan_day();
  model::Event make_event(ActorState& actor, model::Day day);
  size_t pick_place(ActorState& actor);

  const Scenario& scenario_;
  SynthOptions options_;
  Random random_;
  std::vector<ActorState> actors_;
  std::deque<model::Event> today_;
  model::Day day_;
  int64_t given_ = 0;
  int64_t made_ = 0;
};

}  // namespace sitrep::synth
