// sitrep: conflict-event intelligence from the command line.
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace sitrep::cli;
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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  for (auto& [command, runner] : runners) {
    if (command->parsed()) return runner();
  }
  return kExitUsage;
}
