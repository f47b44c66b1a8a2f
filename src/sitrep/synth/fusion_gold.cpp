#include "sitrep/synth/fusion_gold.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "sitrep/fuse/rare_words.hpp"
#include "sitrep/model/actor_registry.hpp"
#include "sitrep/model/tsv_table.hpp"

namespace sitrep::synth {
namespace {

constexpr std::array<const char*, 12> kOutlets = {"Reuters",
                                                  "AFP",
                                                  "Associated Press",
                                                  "TOLOnews",
                                                  "Pajhwok",
                                                  "Dawn",
                                                  "Khaama Press",
                                                  "Ariana News",
                                                  "Amaq",
                                                  "Ministry of Interior",
                                                  "Radio Azadi",
                                                  "The Express Tribune"};

constexpr std::array<const char*, 2> kDatasets = {"ACLED", "GTD"};

// Pseudo-names and particulars of one incident: the words that tell it from its neighbours.
// Each is made of syllables spelling a number unique to the incident, so that a million
// incidents do not share them by chance.
std::vector<std::string> particulars(int64_t incident, int count) {
  static constexpr std::array<const char*, 16> kSyllables = {
      "ka", "ra", "zai", "gul", "man",  "dar", "kh",  "sh",
      "ab", "ul", "in",  "ta",  "noor", "ba",  "mir", "ez"};
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    uint64_t n = static_cast<uint64_t>(incident) * 16 + static_cast<uint64_t>(i);
    std::string word;
    do {
      word += kSyllables[n % kSyllables.size()];
      n /= kSyllables.size();
    } while (n > 0 || word.size() < 6);
    out.push_back(word);
  }
  return out;
}

// Words every report of the area uses: the town, the district, and the kind of target.
std::vector<std::string> shared_words(const model::Event& e) {
  std::vector<std::string> out;
  for (const std::string& name : {e.location, e.admin2, e.target}) {
    if (name.size() >= 4) out.push_back(model::fold_name(name));
  }
  return out;
}

fuse::FusionRecord truth_record(const model::Event& e, const std::vector<fuse::Symbol>& words) {
  fuse::FusionRecord r;
  r.date = e.date;
  r.country = e.country;
  r.admin1 = e.admin1;
  r.admin2 = e.admin2;
  r.location = e.location;
  r.latitude = e.latitude;
  r.longitude = e.longitude;
  r.place_precision = fuse::PlacePrecision::point;
  r.event_type = e.event_type;
  // The store holds canonical names: every unidentified group is the one catch-all.
  r.perpetrator = e.actor1.original.starts_with("Unidentified")
                      ? std::string(model::kUnattributedActors[0])
                      : e.actor1.original;
  r.target = e.target;
  r.fatalities_best = static_cast<int>(e.fatalities_best.value_or(0));
  r.claim = e.claim;
  r.words = words;
  return r;
}

class GoldMaker {
 public:
  GoldMaker(uint64_t seed) : random_(seed ^ 0x9e3779b97f4a7c15ULL) {}

  void add_incident(const model::Event& e, const std::string& label) {
    std::vector<std::string> names = particulars(++incidents_, 6);
    std::vector<std::string> common = shared_words(e);
    fuse::FusionRecord truth = truth_record(e, {});
    for (const char* dataset : kDatasets) {
      if (!random_.chance(0.45)) continue;
      fuse::FusionRecord r = truth;
      r.source = dataset;
      r.exclusive = fmt::format("dataset:{}", dataset);
      if (random_.chance(0.2)) r.place_precision = fuse::PlacePrecision::admin2;
      if (random_.chance(0.1)) r.perpetrator = "Unidentified armed group";
      r.words = pick(names, 0.7, common);
      add(std::move(r), label);
    }
    const int reports = 1 + static_cast<int>(std::min<int64_t>(3, random_.poisson(1.2)));
    std::vector<size_t> outlets(kOutlets.size());
    for (size_t i = 0; i < outlets.size(); ++i) outlets[i] = i;
    for (int k = 0; k < reports; ++k) {
      size_t pick_at = k + random_.below(outlets.size() - k);
      std::swap(outlets[k], outlets[pick_at]);
      add(report(truth, kOutlets[outlets[k]], names, common), label);
    }
  }

  std::vector<GoldRecord> take() { return std::move(out_); }

 private:
  std::vector<fuse::Symbol> pick(const std::vector<std::string>& names, double keep,
                                 const std::vector<std::string>& common) {
    std::vector<fuse::Symbol> words;
    for (const std::string& w : names) {
      if (random_.chance(keep)) words.emplace_back(w);
    }
    for (const std::string& w : common) {
      if (random_.chance(0.8)) words.emplace_back(w);
    }
    fuse::sort_words(words);
    return words;
  }

  fuse::FusionRecord report(const fuse::FusionRecord& truth, const char* outlet,
                            const std::vector<std::string>& names,
                            const std::vector<std::string>& common) {
    fuse::FusionRecord r = truth;
    r.from_text = true;
    r.source = outlet;
    r.exclusive = fmt::format("report:{}", ++reports_);
    r.confidence = random_.chance(0.15) ? 0.4 : 0.8;  // hedged ("reportedly") or not
    double when = random_.uniform();
    if (when < 0.3) {
      r.date.start = r.date.end = truth.date.start + 1;  // dated by publication
    } else if (when < 0.35) {
      model::CivilDate c = model::to_civil(truth.date.start);
      r.date = model::month_span(c.year, c.month);
    }
    double where = random_.uniform();
    if (where < 0.3) {
      r.place_precision = fuse::PlacePrecision::admin1;
      r.admin2.clear();
      r.location.clear();
      r.latitude.reset();
      r.longitude.reset();
    } else if (where < 0.45) {
      r.place_precision = fuse::PlacePrecision::admin2;
      r.location.clear();
      r.latitude.reset();
      r.longitude.reset();
    } else {  // the town, geocoded a few km off
      *r.latitude += (random_.uniform() - 0.5) * 0.06;
      *r.longitude += (random_.uniform() - 0.5) * 0.06;
    }
    if (random_.chance(0.35)) r.perpetrator.clear();
    const int dead = truth.fatalities_best.value_or(0);
    r.fatalities_best.reset();
    if (random_.chance(0.8)) {
      r.fatalities_low = static_cast<int>(std::floor(dead * (0.6 + 0.4 * random_.uniform())));
      r.fatalities_high = random_.chance(0.5)
                              ? *r.fatalities_low
                              : static_cast<int>(std::ceil(dead * (1.0 + 0.5 * random_.uniform())));
    }
    if (random_.chance(0.3)) r.claim = model::ClaimStatus::unknown;
    r.words = pick(names, 0.5, common);
    return r;
  }

  void add(fuse::FusionRecord r, const std::string& label) {
    r.id = static_cast<int64_t>(out_.size()) + 1;
    out_.push_back({std::move(r), label});
  }

  Random random_;
  int64_t incidents_ = 0;
  int64_t reports_ = 0;
  std::vector<GoldRecord> out_;
};

}  // namespace

std::vector<GoldRecord> fusion_gold(const Scenario& scenario, const FusionGoldOptions& options) {
  SynthOptions synth;
  synth.events = options.incidents;
  synth.seed = options.seed;
  synth.start = model::to_day({2021, 1, 1});
  synth.days = static_cast<int>(std::max<int64_t>(30, options.incidents / 4));
  Generator generator(scenario, synth);
  Random random(options.seed * 7919 + 17);
  GoldMaker maker(options.seed);
  model::Event e;
  int64_t n = 0;
  while (generator.next(e)) {
    maker.add_incident(e, fmt::format("i{}", ++n));
    if (!random.chance(options.near_miss_share)) continue;
    // Another attack in the same town that day: by the same actor, or by gunmen nobody named.
    model::Event twin = e;
    if (random.chance(0.5)) twin.actor1.original = model::kUnattributedActors[0];
    twin.fatalities_best = 1 + random.below(12);
    // Mostly against another kind of target (a shooting of police after a bombing of a market).
    static constexpr std::array<const char*, 5> kTargets = {"civilians", "police", "military",
                                                            "government", "religious"};
    if (random.chance(0.7)) {
      std::string other = kTargets[random.below(kTargets.size())];
      twin.target = other == e.target ? kTargets[(random.below(4) + 1) % kTargets.size()] : other;
    }
    maker.add_incident(twin, fmt::format("i{}", ++n));
  }
  return maker.take();
}

}  // namespace sitrep::synth
