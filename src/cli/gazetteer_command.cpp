// sitrep gazetteer info|import|search — what the gazetteer holds, and growing it.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/geo/admin_assignment.hpp"
#include "sitrep/geo/gazetteer_files.hpp"

namespace sitrep::cli {
namespace {

struct GazetteerArgs {
  std::vector<std::string> files;
  std::string out;
  std::string text;
  bool dry_run = false;
};

int run_info(const GlobalOptions& global) {
  auto started = std::chrono::steady_clock::now();
  auto opened = open_gazetteer(global);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (!opened) {
    std::cerr << "sitrep gazetteer info: " << opened.error() << '\n';
    return kExitFailure;
  }
  const geo::Gazetteer& g = *opened->gazetteer;
  std::cout << fmt::format("file: {}\n", opened->origin);
  std::cout << fmt::format("built from: {}\n", g.stamp().label);
  std::cout << fmt::format("size: {:.1f} MB, opened in {:.1f} ms\n",
                           static_cast<double>(g.image_bytes()) / 1e6, ms);
  for (auto kind : {geo::FeatureKind::place, geo::FeatureKind::admin2, geo::FeatureKind::admin1,
                    geo::FeatureKind::region, geo::FeatureKind::country}) {
    std::cout << fmt::format("{:>8}: {}\n", geo::kind_name(kind),
                             thousands(static_cast<int64_t>(g.count(kind))));
  }
  return kExitOk;
}

int run_import(const GazetteerArgs& args, const GlobalOptions& global) {
  std::string out =
      args.out.empty() ? geo::store_gazetteer_path(resolve_db_path(global)) : args.out;
  auto started = std::chrono::steady_clock::now();
  auto summary = geo::import_gazetteer(model::find_data_dir(global.data_dir), args.files, out);
  if (!summary) {
    std::cerr << "sitrep gazetteer import: " << summary.error() << "\nnothing was written\n";
    return kExitFailure;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("Gazetteer written: {} ({} features, {:.1f} MB, {:.1f} s)\n", out,
                           thousands(static_cast<int64_t>(summary->features)),
                           static_cast<double>(summary->bytes) / 1e6, s);
  if (args.out.empty()) {
    std::cout << "Commands on this store now use it; delete the file to go back to the bundled "
                 "gazetteer.\n";
  } else {
    std::cout << fmt::format("Use it with --gazetteer {} or SITREP_GAZETTEER={}\n", out, out);
  }
  return kExitOk;
}

int run_apply(const GazetteerArgs& args, const GlobalOptions& global) {
  auto context = open_context_for("gazetteer apply", global);
  if (!context) return kExitFailure;
  auto opened = open_gazetteer(global);
  if (!opened) {
    std::cerr << "sitrep gazetteer apply: " << opened.error() << '\n';
    return kExitFailure;
  }
  geo::AdminAssigner assigner(opened->gazetteer);
  auto done =
      context->store->refresh_places([&](model::Event& e) { assigner.assign(e); }, args.dry_run);
  if (!done) {
    std::cerr << "sitrep gazetteer apply: " << done.error() << "\nthe store is unchanged\n";
    return kExitFailure;
  }
  std::cout << fmt::format("{} events with coordinates; {} {} their admin areas from {}\n",
                           thousands(done->first), thousands(done->second),
                           args.dry_run ? "would change" : "changed", opened->origin);
  if (!args.dry_run && done->second > 0) {
    std::cout << "The query index is rebuilt at the next query.\n";
  }
  return kExitOk;
}

int run_search(const GazetteerArgs& args, const GlobalOptions& global) {
  auto opened = open_gazetteer(global);
  if (!opened) {
    std::cerr << "sitrep gazetteer search: " << opened.error() << '\n';
    return kExitFailure;
  }
  const geo::Gazetteer& g = *opened->gazetteer;
  auto matches = g.find(args.text);
  if (matches.empty()) {
    std::cout << fmt::format(
        "no place is called '{}', nor shares its consonants, nor is a misspelling of it (one "
        "edit for 6-8 letters, two from 9)\n",
        args.text);
    return kExitFailure;
  }
  for (const geo::NameMatch& m : matches) {
    const geo::Feature& f = g.feature(m.feature);
    auto area = [&](uint32_t id) {
      return id == geo::kNoFeature ? std::string("-") : std::string(g.name(id));
    };
    std::cout << fmt::format(
        "{}\t{}\t{}\t{}\t{}\t{}\t{:.5f},{:.5f}\tpop {}\tmatched '{}' ({})\n", g.name(m.feature),
        geo::kind_name(f.kind),
        f.geonameid ? std::to_string(f.geonameid) : std::string(g.code(m.feature)),
        f.country_code(), area(f.admin1), area(f.admin2), f.latitude(), f.longitude(), f.population,
        g.string(m.name),
        m.kind == geo::MatchKind::folded     ? "folded"
        : m.kind == geo::MatchKind::skeleton ? "skeleton"
                                             : fmt::format("{} edits", m.edits));
  }
  return kExitOk;
}

}  // namespace

Runner add_gazetteer_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<GazetteerArgs>();
  CLI::App* cmd = app.add_subcommand(
      "gazetteer",
      "The gazetteer the geocoder and imports use: what it holds, growing it, searching it.\n"
      "The bundled one covers Afghanistan, Pakistan, Tajikistan and Uzbekistan (data/gazetteer/);\n"
      "`import` adds GeoNames dumps (cities500.txt, allCountries.txt, AF.txt, "
      "alternateNames.txt),\n"
      "admin name tables and GeoJSON polygon layers to it.");
  cmd->require_subcommand(1);
  auto* info = cmd->add_subcommand("info", "Which gazetteer is in use, its size and contents");
  auto* import = cmd->add_subcommand(
      "import",
      "Build a gazetteer from the bundled sources plus FILES, written beside the store as "
      "<db>-gazetteer (or --out FILE). One bad line stops it with file:line and writes nothing.");
  import
      ->add_option("files", args->files,
                   "GeoNames .txt, alternateNames .txt, admin1/admin2 "
                   ".tsv, GeoJSON polygons")
      ->required()
      ->check(CLI::ExistingFile);
  import->add_option("--out", args->out, "Write here instead of beside the store");
  auto* apply = cmd->add_subcommand(
      "apply",
      "Fill the admin areas of the events already in the store from their coordinates, with "
      "the gazetteer in use (imports do it for the events they write). Areas an earlier "
      "gazetteer filled are derived again; what the source stated is never changed, only "
      "flagged. One transaction.");
  apply->add_flag("--dry-run", args->dry_run, "Count what would change, write nothing");
  auto* search = cmd->add_subcommand("search", "Every feature a name matches, with how it matched");
  search->add_option("name", args->text, "A place name in any spelling or script")->required();
  return [args, &global, info, import, apply, search] {
    if (info->parsed()) return run_info(global);
    if (import->parsed()) return run_import(*args, global);
    if (apply->parsed()) return run_apply(*args, global);
    if (search->parsed()) return run_search(*args, global);
    return kExitUsage;
  };
}

}  // namespace sitrep::cli
