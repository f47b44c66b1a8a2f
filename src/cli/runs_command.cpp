// sitrep runs — the import history; sitrep rejects [RUN] — the rows a run rejected.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"

namespace sitrep::cli {
namespace {

int run_runs(const GlobalOptions& global) {
  auto context = open_context_for("runs", global);
  if (!context) return kExitFailure;
  auto runs = context->store->runs();
  if (!runs) {
    std::cerr << "sitrep runs: " << runs.error() << '\n';
    return kExitFailure;
  }
  if (runs->empty()) {
    std::cout << "No imports yet.\n";
    return kExitOk;
  }
  std::cout << fmt::format("{:>4}  {:<20}  {:>9}  {:>9}  {:>8}  {:>9}  {:>8}  {}\n", "run",
                           "finished (UTC)", "read", "new", "revised", "unchanged", "rejected",
                           "files");
  for (const store::RunInfo& r : *runs) {
    const store::RunCounts& c = r.counts;
    std::cout << fmt::format("{:>4}  {:<20}  {:>9}  {:>9}  {:>8}  {:>9}  {:>8}  {}\n", r.id,
                             r.finished_at, thousands(c.rows_read), thousands(c.inserted),
                             thousands(c.updated), thousands(c.unchanged), thousands(c.rejected),
                             r.files);
  }
  return kExitOk;
}

int run_rejects(int64_t run, bool raw, const GlobalOptions& global) {
  auto context = open_context_for("rejects", global);
  if (!context) return kExitFailure;
  if (run == 0) {
    auto latest = context->store->latest_run_with_rejects();
    if (!latest) {
      std::cerr << "sitrep rejects: " << latest.error() << '\n';
      return kExitFailure;
    }
    if (*latest == 0) {
      std::cout << "No run has rejected rows.\n";
      return kExitOk;
    }
    run = *latest;
  }
  auto rejects = context->store->rejects(run);
  if (!rejects) {
    std::cerr << "sitrep rejects: " << rejects.error() << '\n';
    return kExitFailure;
  }
  std::cout << fmt::format("Run {}: {} rejected row(s)\n", run,
                           thousands(static_cast<int64_t>(rejects->size())));
  for (const store::RejectInfo& r : *rejects) {
    std::cout << r.error.message() << '\n';
    if (raw) std::cout << "    " << r.error.raw << '\n';
  }
  return kExitOk;
}

}  // namespace

Runner add_runs_command(CLI::App& app, const GlobalOptions& global) {
  app.add_subcommand("runs",
                     "List import runs: when, which files, rows read, new, revised, "
                     "unchanged and rejected.");
  return [&global] { return run_runs(global); };
}

Runner add_rejects_command(CLI::App& app, const GlobalOptions& global) {
  auto run = std::make_shared<int64_t>(0);
  auto raw = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "rejects", "List the rows an import rejected, as file:line:column: field: reason.");
  cmd->add_option("run", *run, "Run number (default: the latest run with rejects)");
  cmd->add_flag("--raw", *raw, "Also print each rejected record as it stood in the file");
  return [run, raw, &global] { return run_rejects(*run, *raw, global); };
}

}  // namespace sitrep::cli
