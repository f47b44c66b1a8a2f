#include "sitrep/synth/generator.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::synth {
namespace {

// What an attack on each kind of target looks like in ACLED's taxonomy: event type,
// sub-event type, sitrep weapon, and how often (weights within the target kind).
struct Form {
  const char* event_type;
  const char* sub_event_type;
  const char* weapon;
  double weight;
  const char* verb;  // for the notes
};

const std::vector<Form>& forms_against(const std::string& target) {
  static const std::vector<Form> people = {
      {"Violence against civilians", "Attack", "firearms", 6, "attacked"},
      {"Explosions/Remote violence", "Remote explosive/landmine/IED", "ied", 3,
       "detonated an IED among"},
      {"Explosions/Remote violence", "Suicide bomb", "suicide-bomb", 1,
       "sent a suicide bomber against"},
  };
  static const std::vector<Form> forces = {
      {"Battles", "Armed clash", "firearms", 6, "clashed with"},
      {"Explosions/Remote violence", "Remote explosive/landmine/IED", "ied", 3,
       "struck with an IED"},
      {"Explosions/Remote violence", "Shelling/artillery/missile attack", "indirect-fire", 1,
       "fired rockets at"},
  };
  return target == "military" || target == "police" || target == "security-forces" ? forces
                                                                                   : people;
}

std::string target_actor(const std::string& target, const std::string& country_name) {
  if (target == "military") return fmt::format("Military Forces of {}", country_name);
  if (target == "police") return fmt::format("Police Forces of {}", country_name);
  if (target == "government") return fmt::format("Government of {}", country_name);
  return fmt::format("Civilians ({})", country_name);
}

std::string target_words(const std::string& target) {
  if (target == "military") return "soldiers";
  if (target == "police") return "police officers";
  if (target == "government") return "government officials";
  if (target == "religious") return "worshippers at a mosque";
  if (target == "minorities") return "members of the Hazara minority";
  return "civilians";
}

std::string country_name(const std::string& iso2) {
  static const std::map<std::string, std::string> names = {
      {"AF", "Afghanistan"}, {"PK", "Pakistan"}, {"TJ", "Tajikistan"}, {"UZ", "Uzbekistan"}};
  auto it = names.find(iso2);
  return it == names.end() ? iso2 : it->second;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t cut = text.find(separator);
    if (cut != 0) out.emplace_back(text.substr(0, cut));
    text = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 1);
  }
  return out;
}

Result<double> number(const model::TsvTable& table, const model::TsvRow& row, const char* column) {
  const std::string& text = row.cells[table.column(column)];
  try {
    size_t used = 0;
    double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return make_error(fmt::format("{}: {} '{}' is not a number", table.where(row), column, text));
}

Status load_places(const std::string& path, Scenario& scenario) {
  auto table = model::read_tsv(
      path, {"name", "country", "admin1", "admin2", "latitude", "longitude", "population"});
  if (!table) return make_error(table.error());
  for (const model::TsvRow& row : table->rows) {
    Place place{row.cells[0], row.cells[1], row.cells[2], row.cells[3]};
    auto lat = number(*table, row, "latitude");
    auto lon = number(*table, row, "longitude");
    auto population = number(*table, row, "population");
    if (!lat || !lon || !population) {
      return make_error(!lat ? lat.error() : !lon ? lon.error() : population.error());
    }
    place.latitude = *lat;
    place.longitude = *lon;
    place.population = static_cast<int64_t>(*population);
    scenario.places.push_back(std::move(place));
  }
  return Status::success();
}

Status load_actors(const std::string& path, Scenario& scenario) {
  auto table = model::read_tsv(path, {"actor", "countries", "share", "targets", "claim_rate",
                                      "excitation", "memory_days", "home_provinces"});
  if (!table) return make_error(table.error());
  for (const model::TsvRow& row : table->rows) {
    ActorProfile actor;
    actor.name = row.cells[0];
    actor.countries = split(row.cells[1], ',');
    for (const std::string& item : split(row.cells[3], ',')) {
      size_t colon = item.find(':');
      double weight = colon == std::string::npos ? 1 : std::atof(item.c_str() + colon + 1);
      actor.targets.emplace_back(item.substr(0, colon), weight);
    }
    std::vector<std::pair<const char*, double*>> numbers = {{"share", &actor.share},
                                                            {"claim_rate", &actor.claim_rate},
                                                            {"excitation", &actor.excitation},
                                                            {"memory_days", &actor.memory_days}};
    for (auto [column, slot] : numbers) {
      auto value = number(*table, row, column);
      if (!value) return make_error(value.error());
      *slot = *value;
    }
    auto provinces = number(*table, row, "home_provinces");
    if (!provinces) return make_error(provinces.error());
    actor.home_provinces = std::max(1, static_cast<int>(*provinces));
    if (actor.excitation < 0 || actor.excitation >= 1 || actor.memory_days <= 0) {
      return make_error(fmt::format("{}: excitation must be in [0, 1) and memory_days above 0",
                                    table->where(row)));
    }
    scenario.actors.push_back(std::move(actor));
  }
  return Status::success();
}

}  // namespace

Result<Scenario> Scenario::load(const std::string& data_dir) {
  namespace fs = std::filesystem;
  Scenario scenario;
  if (Status s = load_places((fs::path(data_dir) / "synth" / "places.tsv").string(), scenario);
      !s) {
    return make_error(s.error());
  }
  if (Status s = load_actors((fs::path(data_dir) / "synth" / "actors.tsv").string(), scenario);
      !s) {
    return make_error(s.error());
  }
  if (scenario.places.empty() || scenario.actors.empty()) {
    return make_error(fmt::format("{}/synth: no places or no actors", data_dir));
  }
  return scenario;
}

Generator::Generator(const Scenario& scenario, const SynthOptions& options)
    : scenario_(scenario), options_(options), random_(options.seed), day_(options.start) {
  const int days = std::max(1, options.days);
  double shares = 0;
  for (const ActorProfile& profile : scenario.actors) shares += profile.share;
  for (const ActorProfile& profile : scenario.actors) {
    ActorState actor{&profile, {}, {}, 0, 0, 0};
    // Places by province, in the actor's countries; then a seeded choice of home provinces.
    std::map<std::string, std::vector<size_t>> by_province;
    for (size_t i = 0; i < scenario.places.size(); ++i) {
      const Place& place = scenario.places[i];
      if (std::find(profile.countries.begin(), profile.countries.end(), place.country) ==
          profile.countries.end()) {
        continue;
      }
      std::string province = place.country;
      province.append(1, '/').append(place.admin1);
      by_province[province].push_back(i);
      actor.anywhere.push_back(i);
    }
    std::vector<std::vector<size_t>> provinces;
    for (auto& [name, places] : by_province) provinces.push_back(std::move(places));
    for (int k = 0; k < profile.home_provinces && !provinces.empty(); ++k) {
      size_t pick = random_.below(provinces.size());
      actor.provinces.push_back(std::move(provinces[pick]));
      provinces.erase(provinces.begin() + static_cast<ptrdiff_t>(pick));
    }
    if (actor.anywhere.empty()) continue;  // no places in its countries: the actor sits out
    // A self-exciting process with branching ratio b averages base / (1 - b) events a day.
    double mean_rate = static_cast<double>(options.events) * profile.share / shares / days;
    actor.base_rate = mean_rate * (1 - profile.excitation);
    actors_.push_back(std::move(actor));
  }
}

size_t Generator::pick_place(ActorState& actor) {
  if (!actor.provinces.empty() && !random_.chance(0.15)) {
    // Bursts stay put: most events fall in the province of the actor's current hot spot.
    if (!random_.chance(0.6)) actor.hot_province = random_.below(actor.provinces.size());
    const std::vector<size_t>& places = actor.provinces[actor.hot_province];
    std::vector<double> weights;
    weights.reserve(places.size());
    for (size_t i : places) {
      weights.push_back(std::sqrt(static_cast<double>(scenario_.places[i].population) + 100));
    }
    return places[random_.weighted(weights)];
  }
  return actor.anywhere[random_.below(actor.anywhere.size())];
}

model::Event Generator::make_event(ActorState& actor, model::Day day) {
  const ActorProfile& profile = *actor.profile;
  const Place& place = scenario_.places[pick_place(actor)];
  std::vector<double> weights;
  for (const auto& [code, weight] : profile.targets) weights.push_back(weight);
  const std::string& target = profile.targets[random_.weighted(weights)].first;
  const std::vector<Form>& forms = forms_against(target);
  std::vector<double> form_weights;
  for (const Form& form : forms) form_weights.push_back(form.weight);
  const Form& form = forms[random_.weighted(form_weights)];

  model::Event e;
  e.dataset = "synth";
  e.native_id = fmt::format("SYN{}", ++made_);
  e.date = model::DateSpan{day, day, model::DatePrecision::day};
  e.country = place.country;
  e.admin1 = place.admin1;
  e.admin2 = place.admin2;
  e.location = place.name;
  e.latitude = place.latitude;
  e.longitude = place.longitude;
  e.geo_level = model::GeoLevel::exact;
  e.geo_precision_native.assign(1, '1');  // ACLED geo_precision 1: the town itself
  e.event_type = form.event_type;
  e.sub_event_type = form.sub_event_type;
  e.target = target;
  e.weapon = form.weapon;
  e.actor1.original = profile.name;
  e.actor2.original = target_actor(target, country_name(place.country));
  // Long-tailed harm: many events kill nobody, a few kill dozens or more.
  int killed = random_.chance(0.35)
                   ? 0
                   : static_cast<int>(std::min(400.0, std::floor(random_.pareto(1.0, 1.2))));
  e.fatalities_best = killed;
  bool anonymous = profile.name.starts_with("Unidentified");
  e.claim = anonymous                            ? model::ClaimStatus::unknown
            : random_.chance(profile.claim_rate) ? model::ClaimStatus::claimed
                                                 : model::ClaimStatus::unclaimed;
  e.sources = "Synthetic";
  e.notes =
      fmt::format("{} {} {} in {}, {} province; {} killed.{}", profile.name, form.verb,
                  target_words(target), place.name, place.admin1, killed,
                  e.claim == model::ClaimStatus::claimed ? " The group claimed the attack." : "");
  return e;
}

void Generator::plan_day() {
  for (ActorState& actor : actors_) {
    const ActorProfile& profile = *actor.profile;
    // Each past event adds excitation * (1 - e^(-1/memory)) * e^(-age/memory) to the rate: the
    // kernel sums to `excitation` over all later days, so the mean rate is base / (1 - b).
    const double decay = std::exp(-1.0 / profile.memory_days);
    double rate = actor.base_rate + profile.excitation * (1 - decay) * actor.excitation;
    int64_t count = random_.poisson(rate);
    for (int64_t i = 0; i < count; ++i) today_.push_back(make_event(actor, day_));
    actor.excitation = actor.excitation * decay + static_cast<double>(count);
  }
  ++day_;
}

bool Generator::next(model::Event& event) {
  if (given_ >= options_.events || actors_.empty()) return false;
  while (today_.empty()) plan_day();
  event = std::move(today_.front());
  today_.pop_front();
  ++given_;
  return true;
}

}  // namespace sitrep::synth
