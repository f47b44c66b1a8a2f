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

std::string join_filter(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words) {
    // The shell removed the quotes around values with spaces; put them back.
    size_t colon = w.find(':');
    bool needs_quotes = w.find(' ') != std::string::npos && w.find('"') == std::string::npos;
    std::string word = !needs_quotes ? w
                       : colon != std::string::npos
                           ? w.substr(0, colon + 1) + "\"" + w.substr(colon + 1) + "\""
                           : "\"" + w + "\"";
    text += (text.empty() ? "" : " ") + word;
  }
  return text;
}

int run_events(const EventsArgs& args, const GlobalOptions& global) {
  auto format = io::parse_output_format(args.format);
  if (!format) {
    std::cerr << "sitrep events: --format must be table, csv, jsonl or geojson\n";
    return kExitUsage;
  }
  auto context = open_context(global);
  if (!context) {
    std::cerr << "sitrep events: " << context.error() << '\n';
    return kExitFailure;
  }
  std::string filter = join_filter(args.filter);
  auto where = query::compile_filter(filter, context->vocabulary);
  if (!where) {
    std::cerr << "sitrep events: bad filter at " << where.error() << '\n';
    return kExitUsage;
  }
  announce_text_index_build(*context, *where);
  int64_t limit = args.limit != -2 ? args.limit : (*format == io::OutputFormat::table ? 50 : -1);
  auto writer = io::make_event_writer(*format, std::cout);
  writer->begin();
  int64_t written = 0;
  Status s = context->store->for_each_event(*where, limit, [&](const model::Event& e) {
    writer->write(e);
    ++written;
    return true;
  });
  writer->end();
  if (!s) {
    std::cerr << "sitrep events: " << s.error() << '\n';
    return kExitFailure;
  }
  if (*format == io::OutputFormat::table) {
    auto total = context->store->count_events(*where);
    if (total && *total > written) {
      std::cerr << fmt::format("{} of {} events shown (--limit -1 shows all)\n", thousands(written),
                               thousands(*total));
    } else if (total) {
      std::cerr << fmt::format("{} events\n", thousands(*total));
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
      "  sitrep events 'type:\"Violence against civilians\"' fatalities:>=10 --format csv\n"
      "  sitrep events near:34.43,70.45/50km --format geojson > jalalabad.geojson\n"
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
