// sitrep events FILTER — list matching events as a table, CSV, JSONL or GeoJSON.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/io/event_writer.hpp"
#include "sitrep/query/filter.hpp"

namespace sitrep::cli {
namespace {

struct EventsArgs {
  std::vector<std::string> filter;
  std::string format = "table";
  int64_t limit = -2;  // -2: 50 for a table, all otherwise
};

int run_events(const EventsArgs& args, const GlobalOptions& global) {
  auto format = io::parse_output_format(args.format);
  if (!format) {
    std::cerr << "sitrep events: --format must be table, csv, jsonl or geojson\n";
    return kExitUsage;
  }
  auto context = open_context_for("events", global);
  if (!context) return kExitFailure;
  auto filter = query::parse_filter(join_filter(args.filter));
  if (!filter) {
    std::cerr << "sitrep events: bad filter at " << filter.error() << '\n';
    return kExitUsage;
  }
  auto rows = select_rows(*context, *filter);
  if (!rows) {
    std::cerr << "sitrep events: " << rows.error() << '\n';
    return kExitUsage;
  }
  int64_t limit = args.limit != -2 ? args.limit : (*format == io::OutputFormat::table ? 50 : -1);
  const int64_t total = static_cast<int64_t>(rows->count());
  auto writer = io::make_event_writer(*format, std::cout);
  writer->begin();
  int64_t written = 0;
  // Rows are in (date_start, id) order; the store supplies each event in full, a batch at a time.
  std::vector<int64_t> ids;
  Status s = Status::success();
  auto flush = [&] {
    if (s) {
      s = context->store->for_each_event_by_id(ids, [&](const model::Event& e) {
        writer->write(e);
        ++written;
        return true;
      });
    }
    ids.clear();
  };
  rows->for_each([&](size_t row) {
    if (limit >= 0 && static_cast<int64_t>(ids.size()) + written >= limit) return;
    ids.push_back(context->index->event_id(row));
    if (ids.size() == 4096) flush();
  });
  flush();
  writer->end();
  if (!s) {
    std::cerr << "sitrep events: " << s.error() << '\n';
    return kExitFailure;
  }
  if (*format == io::OutputFormat::table) {
    if (total > written) {
      std::cerr << fmt::format("{} of {} events shown (--limit -1 shows all)\n", thousands(written),
                               thousands(total));
    } else {
      std::cerr << fmt::format("{} events\n", thousands(total));
    }
  }
  return kExitOk;
}

}  // namespace

Runner add_events_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "events",
      "List the events a filter selects, oldest first.\n"
      "Examples:\n"
      "  sitrep events actor:IS-KP country:AF date:2020-01-01..2020-03-31\n"
      "  sitrep events 'type:\"Violence against civilians\"' 'fatalities:>=10' --format csv\n"
      "  sitrep events near:34.43,70.45/50km --format geojson > jalalabad.geojson\n"
      "  sitrep events actor:TTP -claimed:yes --limit 20\n"
      "Fields: actor actor1 actor2 country admin1 admin2 location date type subtype target\n"
      "weapon claimed fatalities near dataset native_id id; bare words search the notes. See "
      "docs/filters.md.");
  cmd->add_option("filter", args->filter, "Filter terms (none: every event)");
  cmd->add_option("--format,-f", args->format, "table (default), csv, jsonl or geojson");
  cmd->add_option("--limit,-n", args->limit,
                  "At most this many events (-1: all; default 50 for a table, all otherwise)");
  return [args, &global] { return run_events(*args, global); };
}

}  // namespace sitrep::cli
