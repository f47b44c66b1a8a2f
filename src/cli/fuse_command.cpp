// sitrep fuse — the store's records into incidents (incremental; docs/fusion.md).
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/fuse/evaluation.hpp"
#include "sitrep/fuse/fuser.hpp"
#include "sitrep/fuse/fusion_data.hpp"
#include "sitrep/fuse/record_loader.hpp"

namespace sitrep::cli {
namespace {

struct FuseArgs {
  bool from_scratch = false;
  std::string rules;
  bool quiet = false;
  std::string write_records;
};

// Writes the records a run from scratch would read, as a labelled set without labels
// (docs/fusion.md): for making evaluation sets from a store.
int write_records(const FuseArgs& args, Context& context, const fuse::FusionData& data) {
  std::vector<fuse::FusionRecord> records;
  if (Status s = fuse::load_records(*context.store, data.words, std::nullopt, records); !s) {
    std::cerr << "sitrep fuse: " << s.error() << '\n';
    return kExitFailure;
  }
  std::ofstream out(args.write_records);
  for (fuse::FusionRecord& r : records) {
    fuse::LabelledRecord labelled;
    labelled.record = std::move(r);
    out << fuse::labelled_record_json(labelled) << '\n';
  }
  if (!out) {
    std::cerr << "sitrep fuse: cannot write " << args.write_records << '\n';
    return kExitFailure;
  }
  std::cout << fmt::format("{} records written to {}\n",
                           thousands(static_cast<int64_t>(records.size())), args.write_records);
  return kExitOk;
}

int run_fuse(const FuseArgs& args, const GlobalOptions& global) {
  auto context = open_context_for("fuse", global);
  if (!context) return kExitFailure;
  auto data = fuse::FusionData::load(model::find_data_dir(global.data_dir), args.rules);
  if (!data) {
    std::cerr << "sitrep fuse: " << data.error() << '\n';
    return kExitUsage;
  }
  if (!args.write_records.empty()) return write_records(args, *context, *data);
  fuse::FuseOptions options;
  options.from_scratch = args.from_scratch;
  if (!args.quiet) options.progress = [](std::string_view step) { std::cerr << step << "…\n"; };
  auto summary = fuse::fuse_store(*context->store, data->rules, data->words, options);
  if (!summary) {
    std::cerr << "sitrep fuse: " << summary.error() << " (the store is unchanged)\n";
    return kExitFailure;
  }
  const fuse::FuseSummary& s = *summary;
  if (s.fresh == 0 && s.incidents_removed == 0) {
    std::cout << "No new records since the last run: nothing to fuse.\n";
  } else {
    std::cout << fmt::format(
        "Fused {} new records against {} read: {} pairs compared, {} links made ({} refused "
        "because their incidents contradict each other).\n",
        thousands(s.fresh), thousands(s.records), thousands(static_cast<int64_t>(s.pairs_compared)),
        thousands(static_cast<int64_t>(s.links)),
        thousands(static_cast<int64_t>(s.merges_refused)));
    std::cout << fmt::format(
        "Incidents: {} new, {} grown, {} merged into others, {} dissolved; {} in the store "
        "(records in none are incidents of their own).\n",
        thousands(s.incidents_created), thousands(s.incidents_grown), thousands(s.incidents_merged),
        thousands(s.incidents_removed), thousands(s.incidents_total));
  }
  if (s.undated_mentions > 0) {
    std::cout << fmt::format("{} mentions have no date and were not fused.\n",
                             thousands(s.undated_mentions));
  }
  if (!args.quiet) {
    for (const auto& [step, seconds] : s.seconds) {
      std::cerr << fmt::format("  {:<18} {:.2f} s\n", step, seconds);
    }
  }
  return kExitOk;
}

}  // namespace

Runner add_fuse_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<FuseArgs>();
  CLI::App* cmd = app.add_subcommand(
      "fuse",
      "Fuse the store's records — imported dataset events and events read from text — into\n"
      "incidents, one per real-world event, keeping every source. Incremental: only records new\n"
      "since the last run are compared (with everything near them in time and place), and an\n"
      "analyst's decisions (sitrep incident split|merge) always hold. The rules are in\n"
      "data/fusion.tsv; docs/fusion.md explains them. Then: sitrep incident list, sitrep\n"
      "incident show ID.");
  cmd->add_flag("--from-scratch", args->from_scratch,
                "Forget the stored incidents and fuse every record again (after editing the "
                "rules); analysts' decisions are kept");
  cmd->add_option("--rules", args->rules, "Rules file instead of data/fusion.tsv")
      ->check(CLI::ExistingFile);
  cmd->add_flag("-q,--quiet", args->quiet, "No progress or timings on standard error");
  cmd->add_option("--write-records", args->write_records,
                  "Instead of fusing: write the store's records as fusion reads them (JSONL, the "
                  "labelled-set format without labels) to FILE");
  return [args, &global] { return run_fuse(*args, global); };
}

}  // namespace sitrep::cli
