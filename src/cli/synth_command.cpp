// sitrep synth — realistic synthetic events for scale tests and benchmarks.
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/io/acled_writer.hpp"
#include "sitrep/io/event_writer.hpp"
#include "sitrep/synth/generator.hpp"

namespace sitrep::cli {
namespace {

struct SynthArgs {
  int64_t events = 0;
  uint64_t seed = 1;
  std::string out;
  std::string format = "jsonl";
  std::string start = "2018-01-01";
  int days = 5 * 365;
};

int run_synth(const SynthArgs& args, const GlobalOptions& global) {
  if (args.format != "jsonl" && args.format != "acled") {
    std::cerr << "sitrep synth: --format must be jsonl or acled\n";
    return kExitUsage;
  }
  auto start = model::parse_date(args.start);
  if (!start) {
    std::cerr << "sitrep synth: --start: " << start.error() << '\n';
    return kExitUsage;
  }
  auto vocabulary = model::Vocabulary::load(model::find_data_dir(global.data_dir));
  if (!vocabulary) {
    std::cerr << "sitrep synth: " << vocabulary.error() << '\n';
    return kExitFailure;
  }
  auto scenario = synth::Scenario::load(vocabulary->data_dir);
  if (!scenario) {
    std::cerr << "sitrep synth: " << scenario.error() << '\n';
    return kExitFailure;
  }
  std::ofstream file;
  std::vector<char> buffer(1 << 20);
  file.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  const bool to_stdout = args.out == "-";
  if (!to_stdout) {
    file.open(args.out, std::ios::binary);
    if (!file) {
      std::cerr << fmt::format("sitrep synth: {}: cannot write\n", args.out);
      return kExitFailure;
    }
  }
  std::ostream& out = to_stdout ? std::cout : file;
  auto writer = args.format == "acled" ? io::make_acled_writer(out, vocabulary->countries)
                                       : io::make_event_writer(io::OutputFormat::jsonl, out);
  synth::Generator generator(*scenario, {args.events, args.seed, *start, args.days});
  const bool progress = !to_stdout && ::isatty(STDERR_FILENO);
  auto started = std::chrono::steady_clock::now();
  model::Event event;
  int64_t written = 0;
  model::Day last = *start;
  writer->begin();
  while (generator.next(event)) {
    writer->write(event);
    last = event.date.start;
    if (progress && (++written & 0xFFFF) == 0) {
      std::cerr << fmt::format("\r  {} events", thousands(written)) << std::flush;
    } else if (!progress) {
      ++written;
    }
  }
  writer->end();
  out.flush();
  if (progress) std::cerr << "\r\033[K";
  if (!out) {
    std::cerr << fmt::format("sitrep synth: {}: write failed\n", args.out);
    return kExitFailure;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << fmt::format("{} synthetic events, {} to {}, seed {}, written to {} in {:.1f} s\n",
                           thousands(written), model::format_iso(*start), model::format_iso(last),
                           args.seed, to_stdout ? "standard output" : args.out, seconds);
  return kExitOk;
}

}  // namespace

Runner add_synth_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<SynthArgs>();
  CLI::App* cmd = app.add_subcommand(
      "synth",
      "Write realistic synthetic events for scale tests: real towns of Afghanistan, Pakistan,\n"
      "Tajikistan and Uzbekistan, actors with their own territories, targets and claim rates\n"
      "(data/synth/), bursts in time and space, long-tailed fatalities. The same seed gives the\n"
      "same events; output streams, so any number of events fits in memory.\n"
      "Example: sitrep synth --events 1000000 --seed 7 --out synth.jsonl && sitrep import "
      "synth.jsonl");
  cmd->add_option("--events,-n", args->events, "How many events")
      ->required()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", args->seed, "Random seed (default 1)");
  cmd->add_option("--out,-o", args->out, "Output file ('-' for standard output)")->required();
  cmd->add_option("--format", args->format, "jsonl (sitrep JSONL, default) or acled (ACLED CSV)");
  cmd->add_option("--start", args->start, "First day (default 2018-01-01)");
  cmd->add_option("--days", args->days,
                  "Days the events spread over (default 1825; stretched if too few)")
      ->check(CLI::PositiveNumber);
  return [args, &global] { return run_synth(*args, global); };
}

}  // namespace sitrep::cli
