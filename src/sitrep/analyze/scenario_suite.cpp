#include "sitrep/analyze/scenario_suite.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/synth/random.hpp"

namespace sitrep::analyze {
namespace {

constexpr std::string_view kSubject = "IS-KP";
constexpr int64_t kPlantIds = 1'000'000'000;  // plants' ids, above any background event's
// Days into the window of the plants whose findings state a date.
constexpr model::Day kRocketsDay = 10, kReturnDay = 3, kOfficialDay = 20;

struct Branch {
  std::string_view name, country, admin1;
};
constexpr Branch kOtherBranches[] = {{"ISWAP", "NG", "Borno"},
                                     {"IS-Somalia", "SO", "Bari"},
                                     {"IS-Sahel", "ML", "Menaka"},
                                     {"IS-Iraq", "IQ", "Anbar"}};
constexpr double kBranchRate = 0.4;  // events a day of each other branch

// The background: synthetic events with canonical actors, ids from 1.
std::vector<model::Event> background(const synth::Scenario& scenario,
                                     const model::Vocabulary& vocabulary, uint64_t seed,
                                     const ScenarioOptions& options) {
  synth::SynthOptions so;
  so.events = options.events;
  so.seed = seed;
  so.start = model::to_day({2019, 1, 1});
  so.days = 365 * options.years;
  synth::Generator generator(scenario, so);
  std::vector<model::Event> out;
  model::Event e;
  while (generator.next(e)) {
    e.id = static_cast<int64_t>(out.size()) + 1;
    vocabulary.actors.resolve_actors(e);
    out.push_back(e);
  }
  return out;
}

bool involves_subject(const model::Event& e) {
  return e.actor1.name() == kSubject || e.actor2.name() == kSubject;
}

// The province where the subject was busiest in the world's first six months (Afghanistan), and
// the one where its claimed events concentrate overall.
std::string busiest_province(const std::vector<model::Event>& events, model::Day until,
                             bool claimed_only) {
  std::map<std::string, int> counts;
  for (const model::Event& e : events) {
    if (e.date.start > until || !involves_subject(e) || e.country != "AF" || e.admin1.empty())
      continue;
    if (claimed_only && e.claim != model::ClaimStatus::claimed) continue;
    ++counts[e.admin1];
  }
  if (counts.empty()) return {};
  return std::max_element(counts.begin(), counts.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// Two Afghan provinces of the synthetic places other than `avoid`, for the target-mix plant.
std::pair<std::string, std::string> two_provinces(const synth::Scenario& scenario,
                                                  const std::set<std::string>& avoid) {
  std::vector<std::string> provinces;
  for (const synth::Place& p : scenario.places) {
    if (p.country != "AF" || p.admin1.empty() || avoid.contains(p.admin1)) continue;
    if (std::find(provinces.begin(), provinces.end(), p.admin1) == provinces.end()) {
      provinces.push_back(p.admin1);
    }
  }
  std::sort(provinces.begin(), provinces.end());
  if (provinces.size() < 2) return {};
  return {provinces.front(), provinces.back()};
}

struct Plants {
  Period window;
  std::string reentered;  // the re-emergence province
  std::string civilians_province, soldiers_province;
  std::string hallmark_province;
  std::vector<Record> subject, context, family;  // planted records
};

Record planted(int64_t id, model::Day day, std::string_view country, std::string_view admin1,
               std::string_view target) {
  Record r;
  r.id = kPlantIds + id;
  r.day = day;
  r.country = country;
  r.admin1 = admin1;
  r.actor = kSubject;
  r.target = target;
  r.fatalities = 1;
  r.event_type = "Explosions/Remote violence";
  return r;
}

void plant(Plants& p) {
  const model::Day w = p.window.from;
  Record rockets = planted(1, w + kRocketsDay, "TJ", "Khatlon", "military");
  rockets.location = "Kulob";
  rockets.latitude = 37.91;
  rockets.longitude = 69.78;
  rockets.origin_country = "AF";
  rockets.origin_latitude = 36.73;
  rockets.origin_longitude = 68.86;
  rockets.cross_border = true;
  rockets.weapon = "indirect-fire";
  rockets.sub_event_type = "Shelling/artillery/missile attack";
  p.subject.push_back(rockets);
  p.subject.push_back(planted(2, w + kReturnDay, "AF", p.reentered, "civilians"));
  for (int i = 0; i < 20; ++i) {
    p.subject.push_back(planted(10 + i, w + i, "AF", p.civilians_province, "civilians"));
    p.subject.push_back(planted(40 + i, w + i, "AF", p.soldiers_province, "military"));
  }
  // The campaign: each branch doubles or more its usual rate for ten days (IS-KP's is about
  // three events a day in these worlds, ISWAP's 0.4).
  for (int i = 0; i < 30; ++i) {
    Record ours = planted(100 + i, w + 8 + i / 3, "AF", p.soldiers_province, "");
    ours.actor_branch = kSubject;
    p.subject.push_back(ours);
    p.family.push_back(ours);
  }
  for (int i = 0; i < 10; ++i) {
    Record theirs = planted(200 + i, w + 8 + i, "NG", "Borno", "");
    theirs.actor = theirs.actor_branch = "ISWAP";
    p.family.push_back(theirs);
  }
  Record official = planted(3, w + kOfficialDay, "AF", p.civilians_province, "government");
  official.target_level = "provincial";
  p.subject.push_back(official);
  for (int i = 0; i < 3; ++i) {
    Record bombing = planted(300 + i, w + 12 + 3 * i, "AF", p.hallmark_province, "minorities");
    bombing.actor = "Unidentified armed group";
    bombing.weapon = "suicide-bomb";
    bombing.sub_event_type = "Suicide bomb";
    p.context.push_back(bombing);
  }
}

// The other branches' steady background, the same in both worlds.
std::vector<Record> branch_noise(uint64_t seed, const Period& span) {
  synth::Random rng(seed ^ 0x5eedULL);
  std::vector<Record> out;
  int64_t id = 500'000'000;
  for (const Branch& b : kOtherBranches) {
    for (model::Day d = span.from; d <= span.to; ++d) {
      for (int64_t n = rng.poisson(kBranchRate); n > 0; --n) {
        Record r;
        r.id = id++;
        r.day = d;
        r.country = b.country;
        r.admin1 = b.admin1;
        r.actor = r.actor_branch = b.name;
        out.push_back(r);
      }
    }
  }
  return out;
}

struct WorldSets {
  RecordSet subject, context, family;
};

// The subject's, the context's and the family's records of a world: background events (the
// reemergence gap cut out) plus `plants` when given.
WorldSets build_world(const std::vector<model::Event>& events, const Plants& p,
                      const std::vector<Record>& noise, const Period& span, bool with_plants) {
  WorldSets w;
  std::set<std::string_view> countries;
  for (const model::Event& e : events) {
    if (!involves_subject(e)) continue;
    Record r = to_record(e, w.subject);
    r.actor = w.subject.keep(std::string(kSubject));
    w.subject.records.push_back(r);
    if (span.contains(r.day)) {
      Record f = to_record(e, w.family);
      f.actor_branch = w.family.keep(std::string(kSubject));
      w.family.records.push_back(f);
    }
  }
  for (const Record& r : w.subject.records) {
    if (span.contains(r.day)) countries.insert(r.country);
  }
  for (const model::Event& e : events) {
    if (involves_subject(e) || !span.contains(e.date.start)) continue;
    if (!countries.contains(e.country)) continue;
    w.context.records.push_back(to_record(e, w.context));
  }
  for (const Record& r : noise) w.family.records.push_back(r);
  if (with_plants) {
    for (const Record& r : p.subject) w.subject.records.push_back(r);
    for (const Record& r : p.context) w.context.records.push_back(r);
    for (const Record& r : p.family) w.family.records.push_back(r);
  }
  return w;
}

bool cites(const Finding& f, int64_t plant_id) {
  return std::any_of(f.evidence.begin(), f.evidence.end(),
                     [&](const Evidence& e) { return e.id == kPlantIds + plant_id; });
}

const Finding* reported(const Assessment& a, FindingKind kind,
                        const std::function<bool(const Finding&)>& about = {}) {
  for (const Finding& f : a.findings) {
    if (f.kind == kind && f.reported && (!about || about(f))) return &f;
  }
  return nullptr;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Whether the statement names `province` in the clause that starts with `group`.
bool names_in_clause(std::string_view statement, std::string_view group,
                     std::string_view province) {
  size_t at = statement.find(fmt::format("{} in ", group));
  if (at == std::string_view::npos) return false;
  size_t end = statement.find(';', at);
  return contains(statement.substr(at, end == std::string_view::npos ? end : end - at),
                  fmt::format("{} (", province));
}

// The kind of finding that reports a plant.
FindingKind kind_of(Plant plant) {
  switch (plant) {
    case Plant::cross_border:
      return FindingKind::cross_border;
    case Plant::reemergence:
      return FindingKind::reemergence;
    case Plant::target_mix:
      return FindingKind::target_mix;
    case Plant::campaign:
      return FindingKind::campaign;
    case Plant::provincial_official:
      return FindingKind::high_value_target;
    case Plant::hallmarks:
      break;
  }
  return FindingKind::hallmark_match;
}

PlantOutcome check(Plant plant, const Plants& p, const Assessment& with,
                   const Assessment& without) {
  PlantOutcome o;
  o.plant = plant;
  switch (plant) {
    case Plant::cross_border:
      o.found = reported(with, FindingKind::cross_border, [&](const Finding& f) {
        return contains(f.title, "First cross-border attack into Tajikistan") && cites(f, 1) &&
               contains(f.statement, model::format_iso(p.window.from + kRocketsDay));
      });
      o.false_alarm = reported(without, FindingKind::cross_border);
      break;
    case Plant::reemergence:
      o.found = reported(with, FindingKind::reemergence, [&](const Finding& f) {
        return cites(f, 2) &&
               contains(f.statement, model::format_iso(p.window.from + kReturnDay)) &&
               contains(f.statement, p.reentered);
      });
      o.false_alarm = reported(without, FindingKind::reemergence, [&](const Finding& f) {
        return contains(f.statement, fmt::format("{}, AF", p.reentered));
      });
      break;
    case Plant::target_mix:
      o.found = reported(with, FindingKind::target_mix, [&](const Finding& f) {
        return names_in_clause(f.statement, "civilians", p.civilians_province) &&
               names_in_clause(f.statement, "security forces", p.soldiers_province);
      });
      o.false_alarm = reported(without, FindingKind::target_mix);
      break;
    case Plant::campaign:
      o.found = reported(with, FindingKind::campaign, [&](const Finding& f) {
        return contains(f.statement, "IS-KP (") && contains(f.statement, "ISWAP (");
      });
      o.false_alarm = reported(without, FindingKind::campaign);
      break;
    case Plant::provincial_official:
      o.found = reported(with, FindingKind::high_value_target, [&](const Finding& f) {
        return f.title == "First provincial-level official targeted" && cites(f, 3);
      });
      o.false_alarm = reported(without, FindingKind::high_value_target,
                               [](const Finding& f) { return contains(f.title, "First"); });
      break;
    case Plant::hallmarks:
      o.found = reported(with, FindingKind::hallmark_match, [&](const Finding& f) {
        return cites(f, 300) && cites(f, 301) && cites(f, 302);
      });
      o.false_alarm = reported(without, FindingKind::hallmark_match);
      break;
  }
  const Finding* shown = nullptr;
  // A false alarm shows what the unplanted world reported; anything else the planted world.
  for (const Finding& f : (o.false_alarm ? without : with).findings) {
    if (f.kind == kind_of(plant)) {
      shown = &f;
      break;
    }
  }
  o.detail = shown ? (shown->reported ? shown->statement : shown->not_reported_because)
                   : std::string("no finding of this kind");
  return o;
}

}  // namespace

std::string_view to_string(Plant plant) {
  static constexpr std::string_view names[] = {"cross_border", "reemergence",         "target_mix",
                                               "campaign",     "provincial_official", "hallmarks"};
  return names[static_cast<size_t>(plant)];
}

Result<ScenarioOutcome> run_scenario(const synth::Scenario& scenario,
                                     const model::Vocabulary& vocabulary, uint64_t seed,
                                     const ScenarioOptions& options) {
  std::vector<model::Event> events = background(scenario, vocabulary, seed, options);
  if (events.empty()) return make_error("the synthetic world is empty");
  AssessmentOptions o;
  o.subject = std::string(kSubject);
  o.coverage = {events.front().date.start, events.back().date.start};
  o.window = default_window(o.coverage.to);
  o.baseline = default_baseline(o.window);
  o.name_country = [&](std::string_view iso2) { return vocabulary.countries.name(iso2); };
  const Period span{o.baseline.from, o.window.to};

  Plants p;
  p.window = o.window;
  const model::Day six_months = o.coverage.from + 183;
  p.reentered = busiest_province(events, six_months, false);
  if (p.reentered.empty()) return make_error("the subject has no early events to leave");
  // The gap: the subject leaves the province after six months (in both worlds).
  std::erase_if(events, [&](const model::Event& e) {
    return involves_subject(e) && e.admin1 == p.reentered && e.date.start > six_months;
  });
  p.hallmark_province = busiest_province(events, o.window.to, true);
  std::tie(p.civilians_province, p.soldiers_province) =
      two_provinces(scenario, {p.reentered, p.hallmark_province});
  if (p.civilians_province.empty() || p.hallmark_province.empty()) {
    return make_error("the synthetic places have too few provinces for the plants");
  }
  plant(p);
  const std::vector<Record> noise = branch_noise(seed, span);

  WorldSets with = build_world(events, p, noise, span, true);
  WorldSets without = build_world(events, p, noise, span, false);
  const Background with_background = background_of(with.context, o.window);
  const Background without_background = background_of(without.context, o.window);
  const FamilyTally with_family = family_tally_of(with.family, span, o.window);
  const FamilyTally without_family = family_tally_of(without.family, span, o.window);
  Assessment planted_world = assess(with.subject, o, {&with_background, &with_family});
  Assessment plain_world = assess(without.subject, o, {&without_background, &without_family});
  ScenarioOutcome out;
  out.seed = seed;
  for (size_t i = 0; i < kPlantCount; ++i) {
    out.plants.push_back(check(static_cast<Plant>(i), p, planted_world, plain_world));
  }
  return out;
}

}  // namespace sitrep::analyze
