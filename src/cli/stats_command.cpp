// sitrep stats [FILTER] — what the store holds: totals, per year, per type, top actors, top admin1.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/query/aggregation.hpp"
#include "sitrep/query/filter.hpp"

namespace sitrep::cli {
namespace {

struct StatsArgs {
  std::vector<std::string> filter;
  int64_t top = 10;
  std::string unit = "incidents";
};

using Counts = std::vector<std::pair<std::string, int64_t>>;

void print_section(std::string_view title, const Counts& counts) {
  std::cout << '\n' << title << '\n';
  size_t width = 0;
  for (const auto& [key, n] : counts) width = std::max(width, key.empty() ? 9 : key.size());
  for (const auto& [key, n] : counts) {
    std::cout << fmt::format("  {:<{}}  {:>9}\n", key.empty() ? "(unknown)" : key, width,
                             thousands(n));
  }
}

// Counts per group of one key, largest first (ties by label), at most `limit`.
Counts count_by(const query::EventIndex& index, const query::Selection& rows, query::GroupKey key,
                size_t limit, bool by_label = false) {
  auto grouping = query::aggregate(index, rows, {key}, {query::Measure::count});
  Counts counts;
  for (const query::Group& g : grouping.groups) {
    std::string label;
    if (key == query::GroupKey::admin1) {
      label = g.labels[0] + " / " + (g.labels[1].empty() ? "(admin1 not given)" : g.labels[1]);
    } else {
      label = g.labels[0];
    }
    counts.emplace_back(std::move(label), g.values[0]);
  }
  if (!by_label) {
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
  }
  if (counts.size() > limit) counts.resize(limit);
  return counts;
}

int run_stats(const StatsArgs& args, const GlobalOptions& global) {
  auto context = open_context_for("stats", global);
  if (!context) return kExitFailure;
  auto filter = query::parse_filter(join_filter(args.filter));
  if (!filter) {
    std::cerr << "sitrep stats: bad filter at " << filter.error() << '\n';
    return kExitUsage;
  }
  auto records = select_rows(*context, *filter, Unit::records);
  if (!records) {
    std::cerr << "sitrep stats: " << records.error() << '\n';
    return kExitUsage;
  }
  query::Selection rows = *records;  // the same rows, counted as incidents
  if (args.unit != "records") {
    if (Status s = fold_incidents(*context, rows); !s) {
      std::cerr << "sitrep stats: " << s.error() << '\n';
      return kExitFailure;
    }
  }
  const query::EventIndex& index = *context->index;
  const auto top = static_cast<size_t>(std::max<int64_t>(args.top, 0));
  size_t first = 0, last = 0;
  const size_t total = rows.count();
  const size_t events = records->count();
  std::cout << fmt::format("{}: {} events", context->db_path,
                           thousands(static_cast<int64_t>(events)));
  if (events != total) {
    std::cout << fmt::format(" ({} incidents: events of one incident count once below)",
                             thousands(static_cast<int64_t>(total)));
  }
  const int64_t reports_only =
      args.unit != "records" && args.filter.empty() ? told_only_by_reports(*context) : 0;
  if (rows.bounds(first, last)) {
    std::cout << ", " << model::format_iso(index.day(first)) << " to "
              << model::format_iso(index.day(last));
  }
  std::cout << '\n';
  // The index holds dataset events: an incident only reports tell is counted nowhere below.
  if (reports_only > 0) {
    std::cout << fmt::format(
        "and {} told only by reports, not counted below (sitrep incident list)\n",
        incidents_text(reports_only));
  }
  if (total == 0) {
    std::cout << "Nothing here yet: sitrep import FILE (ACLED, UCDP GED, GTD or sitrep JSONL)\n";
    return kExitOk;
  }
  print_section("By dataset (events)", count_by(index, *records, query::GroupKey::dataset, 100));
  print_section("By year", count_by(index, rows, query::GroupKey::year, 1000, true));
  print_section(fmt::format("By event type (top {})", top),
                count_by(index, rows, query::GroupKey::type, top));
  print_section(fmt::format("Top {} actors (any role)", top),
                query::count_by_any_actor(index, rows, top));
  print_section(fmt::format("Top {} admin1 areas", top),
                count_by(index, rows, query::GroupKey::admin1, top));
  return kExitOk;
}

}  // namespace

Runner add_stats_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "stats",
      "Summarise the store, or the events a filter selects: events per dataset, year "
      "and type, the top actors and admin1 areas.");
  cmd->add_option("filter", args->filter, "Filter terms (docs/filters.md)");
  cmd->add_option("--top", args->top, "How many actors, types and areas to list (default 10)");
  cmd->add_option("--unit", args->unit, kUnitHelp)->check(CLI::IsMember({"incidents", "records"}));
  return [args, &global] { return run_stats(*args, global); };
}

}  // namespace sitrep::cli
