// sitrep: conflict-event intelligence from the command line.
#include <malloc.h>
#include <algorithm>
#include <cctype>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "sitrep/process/huge_pages.hpp"

namespace {

// A negated filter term such as -admin1:Kabul or -mosque looks like an option to the argument
// parser (-fatalities:>5 even like -f with a value). For the commands that take a filter, a word
// of more than two characters that starts with one '-' and a letter is a negated term: it is
// marked so that the parser sees a positional word, and join_filter restores the '-'. Short
// options therefore take their value as a separate word (-n 5, not -n5).
std::vector<std::string> protect_negated_terms(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  auto command = std::find_if(args.begin(), args.end(), [](const std::string& a) {
    return a == "events" || a == "stats" || a == "query";
  });
  if (command == args.end()) return args;
  for (auto it = command + 1; it != args.end(); ++it) {
    if (*it == "--") break;
    const std::string& a = *it;
    if (a.size() > 2 && a[0] == '-' && std::isalpha(static_cast<unsigned char>(a[1]))) {
      it->replace(0, 1, sitrep::cli::kNegatedTermMarker);
    }
  }
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  // First, before any allocation that matters: huge pages for the heap (a restart, once).
  sitrep::process::restart_with_huge_pages(argv);
  // Query selections and accumulators are megabytes each: keep them on the heap and reuse the
  // pages, rather than mapping fresh zeroed pages (and faulting them in) for every one.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  CLI::App app{
      "sitrep — an event store for conflict analysts.\n\n"
      "Import ACLED, UCDP GED, GTD and sitrep JSONL files into one store, then filter, count\n"
      "and export the events. Start with:\n"
      "  sitrep import data/sample/ucdp-ged-afghanistan-2020.csv\n"
      "  sitrep stats\n"
      "  sitrep events actor:IS-KP date:2020-01..2020-06\n"
      "The filter language is described in docs/filters.md.",
      "sitrep"};
  app.set_version_flag("--version", std::string(SITREP_VERSION));
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--db", global.db, "Store file (default: $SITREP_DB, else ./sitrep.db)")
      ->type_name("PATH");
  app.add_option("--data-dir", global.data_dir,
                 "Directory of lexicons and mapping tables (default: $SITREP_DATA, else the "
                 "bundled data/)")
      ->type_name("DIR");
  app.add_option("--gazetteer", global.gazetteer,
                 "Gazetteer file built by `sitrep gazetteer import --out` (default: "
                 "$SITREP_GAZETTEER, else <db>-gazetteer when it exists, else the bundled one)")
      ->type_name("FILE");

  std::map<CLI::App*, Runner> runners;
  auto add = [&](Runner (*adder)(CLI::App&, const GlobalOptions&)) {
    size_t before = app.get_subcommands({}).size();
    Runner runner = adder(app, global);
    runners[app.get_subcommands({})[before]] = std::move(runner);
  };
  add(add_import_command);
  add(add_events_command);
  add(add_show_command);
  add(add_stats_command);
  add(add_query_command);
  add(add_runs_command);
  add(add_rejects_command);
  add(add_synth_command);
  add(add_extract_command);
  add(add_ingest_command);
  add(add_assess_command);
  add(add_fuse_command);
  add(add_incident_command);
  add(add_geocode_command);
  add(add_gazetteer_command);
  add(add_eval_command);

  std::vector<std::string> args = protect_negated_terms(argc, argv);
  std::vector<char*> pointers;
  for (std::string& a : args) pointers.push_back(a.data());
  try {
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  for (auto& [command, runner] : runners) {
    if (command->parsed()) return runner();
  }
  return kExitUsage;
}
