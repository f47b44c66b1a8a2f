// sitrep eval geocode — the geocoder against a gold set of names with known places.
// sitrep eval extract — the extractor against hand-labelled report passages.
// sitrep eval assess — the assessment's scenario suite (eval_assess.cpp).
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/extract/evaluation.hpp"
#include "sitrep/geo/geocoder.hpp"
#include "sitrep/geo/name_key.hpp"
#include "sitrep/model/distance.hpp"
#include "sitrep/model/vocabulary.hpp"

namespace sitrep::cli {
namespace {

struct EvalArgs {
  std::string gold;
  std::string headlines;
  std::string country;
  bool failures = false;
};

struct GoldRow {
  int line = 0;
  std::string name, kind;
  geo::PlaceContext context;
  uint32_t geonameid = 0;
  double lat = 0, lon = 0;
  std::string admin1;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t')
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

Result<std::vector<GoldRow>> read_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(fmt::format("{}: cannot read", path));
  std::vector<GoldRow> rows;
  std::string line;
  bool header = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto cells = split_tabs(line);
    if (!header) {
      if (cells.size() < 7 || cells[0] != "name" || cells[1] != "context") {
        return make_error(
            fmt::format("{}:{}: the header must start name, context, "
                        "expected_geonameid, expected_lat, expected_lon, "
                        "expected_admin1, kind",
                        path, number));
      }
      header = true;
      continue;
    }
    if (cells.size() < 7)
      return make_error(fmt::format("{}:{}: {} columns, need 7", path, number, cells.size()));
    GoldRow r;
    r.line = number;
    r.name = cells[0];
    for (auto& part : split_tabs([&] {
           std::string s = cells[1];
           std::replace(s.begin(), s.end(), ';', '\t');
           return s;
         }())) {
      auto eq = part.find('=');
      if (eq == std::string::npos) continue;
      std::string key = part.substr(0, eq), value = part.substr(eq + 1);
      if (key == "country")
        r.context.country = value;
      else if (key == "admin1" || key == "admin2")
        r.context.admin_names.push_back(value);
      else if (key == "near")
        r.context.nearby.push_back(value);
    }
    r.geonameid = static_cast<uint32_t>(std::strtoul(cells[2].c_str(), nullptr, 10));
    char* end = nullptr;
    r.lat = std::strtod(cells[3].c_str(), &end);
    if (cells[3].empty() || *end)
      return make_error(fmt::format("{}:{}: column 4: not a latitude", path, number));
    r.lon = std::strtod(cells[4].c_str(), &end);
    if (cells[4].empty() || *end)
      return make_error(fmt::format("{}:{}: column 5: not a longitude", path, number));
    r.admin1 = cells[5];
    r.kind = cells[6];
    rows.push_back(std::move(r));
  }
  return rows;
}

struct Tally {
  int rows = 0, found = 0, with_id = 0, exact = 0, within10 = 0, within50 = 0;
  int with_admin1 = 0, admin1_right = 0, contained = 0, contained_right = 0;
  int found_right = 0, found_with_admin1 = 0, contained_with_admin1 = 0, contained_admin1_right = 0;
};

std::string rate(int n, int of) {
  return of == 0 ? "-" : fmt::format("{:.1f}% ({}/{})", 100.0 * n / of, n, of);
}

// Does the gazetteer hold this place under this name: a feature with the name's folded key
// within 10 km of the truth, or an area containing it?
bool contains_name(const geo::Gazetteer& g, const std::string& name, double lat, double lon) {
  for (const geo::NameMatch& m : g.find_folded(geo::name_keys(name).folded)) {
    const geo::Feature& f = g.feature(m.feature);
    if (model::distance_km(lat, lon, f.latitude(), f.longitude()) <= 10) return true;
    if (g.contains(m.feature, lat, lon)) return true;
  }
  return false;
}

int run_eval_geocode(const EvalArgs& args, const GlobalOptions& global) {
  auto gold = read_gold(args.gold);
  if (!gold) {
    std::cerr << "sitrep eval geocode: " << gold.error() << '\n';
    return kExitUsage;
  }
  auto opened = open_gazetteer(global);
  if (!opened) {
    std::cerr << "sitrep eval geocode: " << opened.error() << '\n';
    return kExitFailure;
  }
  geo::Geocoder geocoder(opened->gazetteer);
  const geo::Gazetteer& g = *opened->gazetteer;
  std::map<std::string, Tally> tallies;
  for (const GoldRow& row : *gold) {
    geo::Resolution r = geocoder.resolve(row.name, row.context);
    for (Tally* t : {&tallies[row.kind], &tallies["all"]}) {
      ++t->rows;
      bool contained = r.name.empty() ? false : contains_name(g, r.name, row.lat, row.lon);
      t->contained += contained;
      if (row.geonameid) ++t->with_id;
      if (!row.admin1.empty()) ++t->with_admin1;
      if (!r.found) continue;
      ++t->found;
      const geo::Feature& f = g.feature(r.best.feature);
      double km = model::distance_km(row.lat, row.lon, r.latitude, r.longitude);
      bool inside = g.contains(r.best.feature, row.lat, row.lon);
      for (uint32_t m : g.members(r.best.feature))
        inside = inside || g.contains(m, row.lat, row.lon);
      bool near10 = km <= 10 || inside, near50 = km <= 50 || inside;
      t->exact += row.geonameid && f.geonameid == row.geonameid;
      t->within10 += near10;
      t->within50 += near50;
      t->contained_right +=
          contained && ((row.geonameid && f.geonameid == row.geonameid) || near10);
      std::string admin1 = r.admin1 == geo::kNoFeature ? "" : std::string(g.code(r.admin1));
      t->admin1_right += !row.admin1.empty() && admin1 == row.admin1;
      t->contained_with_admin1 += contained && !row.admin1.empty();
      t->contained_admin1_right += contained && !row.admin1.empty() && admin1 == row.admin1;
      t->found_with_admin1 += !row.admin1.empty();
      t->found_right += near10 || (row.geonameid && f.geonameid == row.geonameid);
      if (args.failures && t == &tallies["all"] && !near10 &&
          !(row.geonameid && f.geonameid == row.geonameid)) {
        std::cout << fmt::format("{}:{}: {} → {} ({}, {}) {:.0f} km off\n", args.gold, row.line,
                                 row.name, g.name(r.best.feature), geo::kind_name(f.kind), admin1,
                                 km);
      }
    }
    if (args.failures && !r.found) {
      std::cout << fmt::format("{}:{}: {} → not found ({})\n", args.gold, row.line, row.name,
                               r.problem);
    }
  }
  std::cout << fmt::format("gazetteer: {}\n", opened->origin);
  std::cout << fmt::format("{:<10} {:>6} {:>20} {:>20} {:>20} {:>20} {:>20} {:>20} {:>20} {:>22}\n",
                           "kind", "names", "found", "found: right", "exact id", "within 10 km",
                           "within 50 km", "found: admin1 right", "contained: right",
                           "contained: admin1 right");
  for (auto& [kind, t] : tallies) {
    std::cout << fmt::format(
        "{:<10} {:>6} {:>20} {:>20} {:>20} {:>20} {:>20} {:>20} {:>20} {:>22}\n", kind, t.rows,
        rate(t.found, t.rows), rate(t.found_right, t.found), rate(t.exact, t.with_id),
        rate(t.within10, t.rows), rate(t.within50, t.rows),
        rate(t.admin1_right, t.found_with_admin1), rate(t.contained_right, t.contained),
        rate(t.contained_admin1_right, t.contained_with_admin1));
  }
  std::cout
      << "found: right: answers that are the gold place (its GeoNames id, or within 10 km, or "
         "an area containing it); exact id: the GeoNames row named in the gold set; within N "
         "km: of all names; found: admin1 right: answers in the gold admin1; contained: names "
         "the gazetteer holds within 10 km of the truth, and how many of those were answered "
         "right\n";
  return kExitOk;
}

std::string share(int part, int whole) {
  return fmt::format("{}/{} = {:.3f}", part, whole, whole ? static_cast<double>(part) / whole : 0);
}

int eval_headlines(const EvalArgs& args, const GlobalOptions& global,
                   const extract::Extractor& extractor, const geo::Gazetteer& gazetteer) {
  auto actors = model::ActorRegistry::load(model::find_data_dir(global.data_dir) + "/actors.tsv");
  if (!actors) {
    std::cerr << "sitrep eval extract: " << actors.error() << '\n';
    return kExitFailure;
  }
  auto gold = extract::read_headline_gold(args.headlines, *actors, args.country);
  if (!gold) {
    std::cerr << "sitrep eval extract: " << gold.error() << '\n';
    return kExitUsage;
  }
  extract::HeadlineEvaluation e = extract::evaluate_headlines(
      *gold, [&](const extract::Document& d) { return extractor.extract(d); }, gazetteer);
  std::cout << fmt::format("{} headlines; an event found in {}\n", e.rows,
                           share(e.with_mention, e.rows));
  std::cout << fmt::format(
      "perpetrator on one of the dataset's sides: {} of those naming one "
      "({} of all headlines)\n",
      share(e.perpetrator_on_a_side, e.with_perpetrator), share(e.perpetrator_on_a_side, e.rows));
  std::cout << fmt::format("perpetrator unidentified (names no side): {}\n",
                           share(e.unidentified, e.rows));
  std::cout << fmt::format(
      "every actor named (perpetrator, target, claimant) one of the sides: {} of those naming "
      "one ({} of all headlines)\n",
      share(e.actors_all_on_sides, e.naming_an_actor), share(e.actors_all_on_sides, e.rows));
  std::cout << fmt::format(
      "deaths: the headline's toll meets the dataset's low-high range (summed over the events "
      "citing it): {} of those giving a toll\n",
      share(e.deaths_in_range, e.with_deaths));
  std::cout << fmt::format(
      "place within 50 km of the dataset's coordinates: {} of those with a "
      "place ({} of all headlines)\n",
      share(e.place_within_50km, e.with_place), share(e.place_within_50km, e.rows));
  std::cout << fmt::format(
      "place agrees at the precision given (a point within 50 km, a district "
      "or province containing the dataset's point): {} of those with a "
      "place ({} of all headlines)\n",
      share(e.place_agrees, e.with_place), share(e.place_agrees, e.rows));
  std::cout << fmt::format(
      "place is a region of provinces (\"southern Afghanistan\") holding the dataset's point: "
      "{} of those naming a region\n",
      share(e.region_contains, e.with_region));
  std::cout << fmt::format("place within 50 km where the headline names a town or district: {}\n",
                           share(e.local_place_within_50km, e.with_local_place));
  if (args.failures) {
    std::cout << "\nmisses (headline, field, gold, extracted):\n";
    for (const extract::EvaluationMiss& m : e.misses) {
      std::cout << fmt::format("  {}\t{}\t{}\t{}\n", m.passage, m.field, m.expected, m.got);
    }
  }
  return kExitOk;
}

int run_eval_extract(const EvalArgs& args, const GlobalOptions& global) {
  if (args.gold.empty() == args.headlines.empty()) {
    std::cerr << "sitrep eval extract: give --gold FILE or --headlines FILE\n";
    return kExitUsage;
  }
  auto extractor = open_extractor(global, args.country);
  if (!extractor) {
    std::cerr << "sitrep eval extract: " << extractor.error() << '\n';
    return kExitFailure;
  }
  if (!args.headlines.empty()) {
    return eval_headlines(args, global, *extractor, extractor->gazetteer());
  }
  auto gold = extract::read_extraction_gold(args.gold);
  if (!gold) {
    std::cerr << "sitrep eval extract: " << gold.error() << '\n';
    return kExitUsage;
  }
  auto started = std::chrono::steady_clock::now();
  extract::ExtractionEvaluation e = extract::evaluate_extraction(
      *gold, [&](const extract::Document& d) { return extractor->extract(d); },
      extract::same_district_in(extractor->gazetteer()));
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("{} passages, {} gold events, {} mentions extracted ({:.1f} ms)\n",
                           e.passages, e.gold_events, e.mentions, seconds * 1000);
  std::cout << fmt::format("{:<16} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}\n", "field", "tp", "fp",
                           "fn", "precision", "recall", "F1");
  for (const extract::FieldScore& f : e.fields) {
    std::cout << fmt::format("{:<16} {:>5} {:>5} {:>5} {:>9.3f} {:>7.3f} {:>6.3f}\n", f.field,
                             f.true_positives, f.false_positives, f.false_negatives, f.precision(),
                             f.recall(), f.f1());
  }
  if (args.failures) {
    std::cout << "\nmisses (passage, field, gold, extracted):\n";
    for (const extract::EvaluationMiss& m : e.misses) {
      std::cout << fmt::format("  {}\t{}\t{}\t{}\n", m.passage, m.field,
                               m.expected.empty() ? "-" : m.expected, m.got.empty() ? "-" : m.got);
    }
  }
  return kExitOk;
}

}  // namespace

Runner add_eval_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand("eval", "Measure a component against a gold set");
  cmd->require_subcommand(1);
  auto* geocode = cmd->add_subcommand(
      "geocode",
      "The geocoder against a TSV of names with known places (tests/data/geocode-gold.tsv):\n"
      "name, context (country=AF;admin1=Takhar;near=Kunduz), expected_geonameid, expected_lat,\n"
      "expected_lon, expected_admin1 (GeoNames code), kind, note. Prints found, exact-id,\n"
      "within 10 km / 50 km and admin1 rates per kind.");
  geocode->add_option("--gold", args->gold, "The gold TSV")->required()->check(CLI::ExistingFile);
  geocode->add_flag("--failures", args->failures, "List every name answered wrongly");
  auto* extract = cmd->add_subcommand(
      "extract",
      "The extractor against hand-labelled passages (tests/data/extract-gold.jsonl): one JSON "
      "object per line, {id, published, source, title, text, events: [{event_type, "
      "sub_event_type, perpetrator, target, target_level, minority, country, admin1, admin2, "
      "date, killed_low, killed_high, claim, cross_border}]}. Prints precision, recall and F1 "
      "per field (admin2_area: districts compared as areas: one gazetteer district holding both "
      "names in their provinces, or spellings that fold alike); "
      "--failures lists the misses.");
  extract->add_option("--gold", args->gold, "The gold JSONL")->check(CLI::ExistingFile);
  extract
      ->add_option("--headlines", args->headlines,
                   "Instead: real headlines with a dataset's labels "
                   "(tests/data/extract-ucdp-gold.tsv): perpetrator on one of the event's sides, "
                   "place within 50 km")
      ->check(CLI::ExistingFile);
  extract->add_flag("--failures", args->failures, "List every field answered wrongly");
  extract->add_option("--country", args->country,
                      "ISO2 of the country the reports are about, for those that name no place "
                      "(--country AF for the UCDP Afghanistan headlines)");
  auto assess_args = std::make_shared<EvalAssessArgs>();
  auto* assess = cmd->add_subcommand(
      "assess",
      "The scenario suite of sitrep assess: synthetic worlds (sitrep synth) with planted\n"
      "patterns — a first cross-border attack, a re-emergence after three and a half years, a\n"
      "province-specific target mix, a multi-branch campaign, a first provincial official,\n"
      "unattributed attacks bearing IS-KP's hallmarks — each assessed with and without its\n"
      "plants. Prints how often each plant was found with its date and place, and how often a\n"
      "finding of its kind was reported about it when it was not planted (false alarms).");
  assess->add_option("--seeds", assess_args->seeds, "Worlds to build (default 20)")
      ->check(CLI::Range(1, 100000));
  assess->add_option("--first-seed", assess_args->first_seed,
                     "Seed of the first world (default 1)");
  assess
      ->add_option("--events", assess_args->events,
                   "Synthetic events per world over four years (default 30000)")
      ->check(CLI::Range(int64_t{2000}, int64_t{100000000}));
  assess->add_flag("--details", assess_args->details, "List every miss and false alarm");
  auto fuse_args = std::make_shared<EvalFuseArgs>();
  auto* fuse = cmd->add_subcommand(
      "fuse",
      "Fusion against a labelled set: records, each with the incident it tells\n"
      "(tests/data/fusion-gold-synthetic.jsonl; docs/fusion.md gives the fields), or a synthetic\n"
      "set made on the spot. Prints pairwise and B-cubed precision, recall and F1, and the false\n"
      "merges on their own (a false merge hides an attack).");
  fuse->add_option("--gold", fuse_args->gold, "The labelled JSONL")->check(CLI::ExistingFile);
  fuse->add_option("--synthetic", fuse_args->synthetic,
                   "Instead: a synthetic set of this many incidents (sitrep synth's world, noisy "
                   "reports, near misses)")
      ->check(CLI::Range(int64_t{1}, int64_t{10000000}));
  fuse->add_option("--seed", fuse_args->seed, "Seed of the synthetic set (default 1)");
  fuse->add_option("--write-gold", fuse_args->write_gold, "Save the set used as labelled JSONL");
  fuse->add_option("--rules", fuse_args->rules, "Rules file instead of data/fusion.tsv")
      ->check(CLI::ExistingFile);
  fuse->add_flag("--failures", fuse_args->failures, "List the false and missed merges");
  return [args, assess_args, fuse_args, &global, extract, assess, fuse] {
    if (fuse->parsed()) {
      if (fuse_args->gold.empty() == (fuse_args->synthetic == 0)) {
        std::cerr << "sitrep eval fuse: give --gold FILE or --synthetic N\n";
        return kExitUsage;
      }
      return run_eval_fuse(*fuse_args, global);
    }
    if (assess->parsed()) return run_eval_assess(*assess_args, global);
    if (extract->parsed()) return run_eval_extract(*args, global);
    return run_eval_geocode(*args, global);
  };
}

}  // namespace sitrep::cli
