// sitrep geocode — place phrases to gazetteer features, with confidence and runners-up.
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "sitrep/geo/geocoder.hpp"
#include "sitrep/model/country_table.hpp"
#include "sitrep/model/vocabulary.hpp"

namespace sitrep::cli {
namespace {

struct GeocodeArgs {
  std::vector<std::string> names;
  std::string country;
  std::vector<std::string> admin;
  bool json = false;
  bool explain = false;
  bool report = false;
};

std::string area_name(const geo::Gazetteer& g, uint32_t id) {
  return id == geo::kNoFeature ? "" : std::string(g.name(id));
}

nlohmann::json candidate_json(const geo::Gazetteer& g, const geo::Candidate& c) {
  const geo::Feature& f = g.feature(c.feature);
  nlohmann::json j = {{"name", g.name(c.feature)},        {"kind", geo::kind_name(f.kind)},
                      {"country", f.country_code()},      {"admin1", area_name(g, f.admin1)},
                      {"admin2", area_name(g, f.admin2)}, {"latitude", f.latitude()},
                      {"longitude", f.longitude()},       {"score", c.score},
                      {"matched", c.matched_name},        {"reasons", c.reasons}};
  if (f.geonameid) j["geonameid"] = f.geonameid;
  if (!g.code(c.feature).empty()) j["code"] = g.code(c.feature);
  return j;
}

nlohmann::json resolution_json(const geo::Gazetteer& g, const geo::Resolution& r) {
  nlohmann::json j = {{"text", r.text}, {"name", r.name}, {"found", r.found}};
  if (!r.problem.empty()) j["problem"] = r.problem;
  if (!r.found) return j;
  j["precision"] = geo::precision_name(r.precision);
  j["confidence"] = r.confidence;
  j["best"] = candidate_json(g, r.best);
  if (g.feature(r.best.feature).kind == geo::FeatureKind::region) {
    nlohmann::json members = nlohmann::json::array();
    for (uint32_t m : g.members(r.best.feature)) members.push_back(g.name(m));
    j["members"] = members;
  }
  nlohmann::json others = nlohmann::json::array();
  for (const geo::Candidate& c : r.runners_up) others.push_back(candidate_json(g, c));
  j["runners_up"] = others;
  return j;
}

void print_text(const geo::Gazetteer& g, const geo::Resolution& r, bool explain) {
  if (!r.found) {
    std::cout << fmt::format("{}\tnot found: {}\n", r.text, r.problem);
    return;
  }
  const geo::Feature& f = g.feature(r.best.feature);
  std::string where = area_name(g, r.admin2);
  std::string province = area_name(g, r.admin1);
  if (!province.empty()) where += where.empty() ? province : ", " + province;
  std::string country(f.country_code());
  if (!country.empty()) where += where.empty() ? country : ", " + country;
  if (f.kind == geo::FeatureKind::region) {  // an area of provinces: name them
    where = "of";
    for (uint32_t m : g.members(r.best.feature)) {
      where += fmt::format("{} {} ({})", where == "of" ? "" : ",", g.name(m),
                           g.feature(m).country_code());
    }
  }
  std::cout << fmt::format("{}\t{} ({}{}) {}\t{:.5f},{:.5f}\t{}\tconfidence {:.2f}", r.text,
                           g.name(r.best.feature), geo::kind_name(f.kind),
                           f.geonameid ? fmt::format(" {}", f.geonameid) : "", where, r.latitude,
                           r.longitude, geo::precision_name(r.precision), r.confidence);
  if (!r.runners_up.empty()) {
    std::string others;
    for (const geo::Candidate& c : r.runners_up) {
      const geo::Feature& o = g.feature(c.feature);
      others += fmt::format("{}{} ({} in {}, {})", others.empty() ? "" : "; ", g.name(c.feature),
                            geo::kind_name(o.kind), area_name(g, o.admin1), o.country_code());
    }
    std::cout << "\talso: " << others;
  }
  if (!r.problem.empty()) std::cout << "\t(" << r.problem << ")";
  std::cout << '\n';
  if (explain) {
    for (const std::string& why : r.best.reasons) std::cout << "    " << why << '\n';
  }
}

int run_geocode(GeocodeArgs& args, const GlobalOptions& global) {
  if (args.names.empty() || (args.names.size() == 1 && args.names[0] == "-")) {
    args.names.clear();
    if (::isatty(STDIN_FILENO)) {
      std::cerr << "sitrep geocode: give place names, or pipe them in one per line\n";
      return kExitUsage;
    }
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) args.names.push_back(line);
    }
  }
  auto opened = open_gazetteer(global);
  if (!opened) {
    std::cerr << "sitrep geocode: " << opened.error() << '\n';
    return kExitFailure;
  }
  geo::Geocoder geocoder(opened->gazetteer, args.explain || args.json);
  geo::PlaceContext context;
  if (!args.country.empty()) {
    // "af", "AFG", "Afghanistan": whatever the countries table knows.
    auto countries =
        model::CountryTable::load(model::find_data_dir(global.data_dir) + "/countries.tsv");
    if (!countries) {
      std::cerr << "sitrep geocode: " << countries.error() << '\n';
      return kExitFailure;
    }
    context.country = countries->iso2(args.country);
    if (context.country.empty()) {
      std::cerr << fmt::format(
          "sitrep geocode: --country: '{}' is not a country sitrep knows "
          "(an ISO code or a name from data/countries.tsv)\n",
          args.country);
      return kExitUsage;
    }
  }
  context.admin_names = args.admin;
  std::vector<geo::Resolution> results;
  if (args.report) {
    results = geocoder.resolve_report(args.names, context);
  } else {
    for (const std::string& n : args.names) results.push_back(geocoder.resolve(n, context));
  }
  const geo::Gazetteer& g = geocoder.gazetteer();
  if (args.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const geo::Resolution& r : results) out.push_back(resolution_json(g, r));
    std::cout << (results.size() == 1 ? out[0] : out)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
  } else {
    for (const geo::Resolution& r : results) print_text(g, r, args.explain);
  }
  bool any_missing = std::any_of(results.begin(), results.end(),
                                 [](const geo::Resolution& r) { return !r.found; });
  return any_missing ? kExitFailure : kExitOk;
}

}  // namespace

Runner add_geocode_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<GeocodeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "geocode",
      "Find places by name in the gazetteer: every spelling (Mazar-i-Sharif, مزار شریف, "
      "Мазари-Шариф), with context deciding between places of one name.\n"
      "Examples:\n"
      "  sitrep geocode \"Khwaja Ghar District, Takhar Province\"\n"
      "  sitrep geocode Faizabad --admin Jowzjan\n"
      "  sitrep geocode \"the Afghan-Uzbek border\" --json\n"
      "  cut -f3 places.tsv | sitrep geocode --country AF\n"
      "Each line: the name as given, the place found (kind, GeoNames id), its district, province "
      "and country, coordinates, precision (point, admin2, admin1, border, region, country), a "
      "confidence, and the runners-up. Exit status 1 if any name was not found.");
  cmd->add_option("names", args->names, "Place phrases (none or '-': one per line from stdin)");
  cmd->add_option("--country", args->country, "ISO2 code of the country the text is about (AF)");
  cmd->add_option("--admin", args->admin,
                  "A province or district named near the place (repeatable)");
  cmd->add_flag("--report", args->report,
                "The names come from one report: each is ranked by its distance to the others");
  cmd->add_flag("--json", args->json, "One JSON object per name (an array for several)");
  cmd->add_flag("--explain", args->explain, "Print the parts of the best candidate's score");
  return [args, &global] { return run_geocode(*args, global); };
}

}  // namespace sitrep::cli
