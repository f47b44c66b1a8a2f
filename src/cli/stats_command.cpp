// sitrep stats [FILTER] — what the store holds: totals, per year, per type, top actors, top admin1.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/query/filter.hpp"

namespace sitrep::cli {
namespace {

struct StatsArgs {
  std::vector<std::string> filter;
  int64_t top = 10;
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

int run_stats(const StatsArgs& args, const GlobalOptions& global) {
  auto context = open_context(global);
  if (!context) {
    std::cerr << "sitrep stats: " << context.error() << '\n';
    return kExitFailure;
  }
  std::string text;
  for (const std::string& w : args.filter) text += (text.empty() ? "" : " ") + w;
  auto where = query::compile_filter(text, context->vocabulary);
  if (!where) {
    std::cerr << "sitrep stats: bad filter at " << where.error() << '\n';
    return kExitUsage;
  }
  announce_text_index_build(*context, *where);
  store::SqliteStore& s = *context->store;
  auto total = s.count_events(*where);
  auto span = s.date_range(*where);
  auto datasets = s.count_by("e.dataset", *where, 100);
  auto years = s.count_by("substr(e.date_start, 1, 4)", *where, 1000);
  auto types = s.count_by("e.event_type", *where, args.top);
  auto actors = s.count_by_actor(*where, args.top);
  auto admin1 = s.count_by("e.country || ' / ' || coalesce(e.admin1, '(admin1 not given)')", *where,
                           args.top);
  for (const std::string* error :
       {total ? nullptr : &total.error(), datasets ? nullptr : &datasets.error(),
        years ? nullptr : &years.error(), types ? nullptr : &types.error(),
        actors ? nullptr : &actors.error(), admin1 ? nullptr : &admin1.error(),
        span ? nullptr : &span.error()}) {
    if (error) {
      std::cerr << "sitrep stats: " << *error << '\n';
      return kExitFailure;
    }
  }
  std::cout << fmt::format("{}: {} events", context->db_path, thousands(*total));
  if (*total > 0) std::cout << ", " << span->first << " to " << span->second;
  std::cout << '\n';
  if (*total == 0) {
    std::cout << "Nothing here yet: sitrep import FILE (ACLED, UCDP GED, GTD or sitrep JSONL)\n";
    return kExitOk;
  }
  std::sort(years->begin(), years->end());
  print_section("By dataset", *datasets);
  print_section("By year", *years);
  print_section(fmt::format("By event type (top {})", args.top), *types);
  print_section(fmt::format("Top {} actors (any role)", args.top), *actors);
  print_section(fmt::format("Top {} admin1 areas", args.top), *admin1);
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
  return [args, &global] { return run_stats(*args, global); };
}

}  // namespace sitrep::cli
