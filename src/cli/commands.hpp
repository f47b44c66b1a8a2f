// The `sitrep` subcommands. Each registers itself on the CLI11 app and runs against a Context.
#pragma once

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace sitrep::cli {

// Each returns the callback that runs the command and yields its exit code.
using Runner = std::function<int()>;

Runner add_import_command(CLI::App& app, const GlobalOptions& global);
Runner add_events_command(CLI::App& app, const GlobalOptions& global);
Runner add_stats_command(CLI::App& app, const GlobalOptions& global);
Runner add_runs_command(CLI::App& app, const GlobalOptions& global);
Runner add_rejects_command(CLI::App& app, const GlobalOptions& global);
Runner add_show_command(CLI::App& app, const GlobalOptions& global);
Runner add_synth_command(CLI::App& app, const GlobalOptions& global);
Runner add_query_command(CLI::App& app, const GlobalOptions& global);
Runner add_geocode_command(CLI::App& app, const GlobalOptions& global);
Runner add_gazetteer_command(CLI::App& app, const GlobalOptions& global);
Runner add_eval_command(CLI::App& app, const GlobalOptions& global);
Runner add_extract_command(CLI::App& app, const GlobalOptions& global);
Runner add_ingest_command(CLI::App& app, const GlobalOptions& global);
Runner add_assess_command(CLI::App& app, const GlobalOptions& global);
Runner add_fuse_command(CLI::App& app, const GlobalOptions& global);
Runner add_incident_command(CLI::App& app, const GlobalOptions& global);

// sitrep eval assess: the scenario suite over `seeds` synthetic worlds (eval_assess.cpp).
struct EvalAssessArgs {
  int seeds = 20;
  uint64_t first_seed = 1;
  int64_t events = 30000;
  bool details = false;
};
int run_eval_assess(const EvalAssessArgs& args, const GlobalOptions& global);

// sitrep eval fuse: fusion against a labelled set, read or synthetic (eval_fuse.cpp).
struct EvalFuseArgs {
  std::string gold;       // a labelled JSONL file, or else:
  int64_t synthetic = 0;  // incidents of a synthetic set
  uint64_t seed = 1;
  std::string write_gold;  // save the set used
  std::string rules;       // instead of data/fusion.tsv
  bool failures = false;
};
int run_eval_fuse(const EvalFuseArgs& args, const GlobalOptions& global);

}  // namespace sitrep::cli
