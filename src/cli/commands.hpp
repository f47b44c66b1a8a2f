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

}  // namespace sitrep::cli
