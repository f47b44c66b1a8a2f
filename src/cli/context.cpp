#include "context.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>

#include "sitrep/fuse/incident_store.hpp"
#include "sitrep/query/index_filter.hpp"
#include "sitrep/query/index_snapshot.hpp"

namespace sitrep::cli {

std::string resolve_db_path(const GlobalOptions& options) {
  if (!options.db.empty()) return options.db;
  if (const char* env = std::getenv("SITREP_DB"); env && *env) return env;
  return "sitrep.db";
}

Result<Context> open_context(const GlobalOptions& options) {
  Context context;
  context.db_path = resolve_db_path(options);
  auto vocabulary = model::Vocabulary::load(model::find_data_dir(options.data_dir));
  if (!vocabulary) return make_error(vocabulary.error());
  context.vocabulary = std::move(vocabulary).value();
  auto store = store::SqliteStore::open(context.db_path);
  if (!store) return make_error(store.error());
  context.store = std::move(store).value();
  return context;
}

std::optional<Context> open_context_for(std::string_view command, const GlobalOptions& options) {
  auto context = open_context(options);
  if (!context) {
    std::cerr << "sitrep " << command << ": " << context.error() << '\n';
    return std::nullopt;
  }
  return std::move(context).value();
}

Result<geo::OpenedGazetteer> open_gazetteer(const GlobalOptions& options) {
  geo::GazetteerLocation where;
  where.explicit_path = options.gazetteer;
  if (where.explicit_path.empty()) {
    if (const char* env = std::getenv("SITREP_GAZETTEER"); env && *env) where.explicit_path = env;
  }
  where.store_path = resolve_db_path(options);
  where.data_dir = model::find_data_dir(options.data_dir);
  return geo::open_gazetteer(where);
}

Result<extract::Extractor> open_extractor(const GlobalOptions& options,
                                          const std::string& country) {
  auto opened = open_gazetteer(options);
  if (!opened) return std::move(opened).take_error();
  extract::ExtractorOptions extractor_options;
  extractor_options.country = country;
  return extract::Extractor::load(model::find_data_dir(options.data_dir), opened->gazetteer,
                                  extractor_options);
}

Status open_index(Context& context) {
  if (context.index) return Status::success();
  query::IndexEvents events;
  events.rebuilding = [](const std::string& reason, int64_t n) {
    if (n > 0) {
      std::cerr << fmt::format("Building the query index over {} events ({})…\n", thousands(n),
                               reason);
    }
  };
  if (::isatty(STDERR_FILENO)) {
    events.progress = [](int64_t done, int64_t total) {
      if (total > 0) std::cerr << fmt::format("\r  {:3}%", done * 100 / total) << std::flush;
    };
  }
  events.not_saved = [](const std::string& error) {
    std::cerr << "warning: the query index could not be saved (" << error
              << "); it will be built again next time\n";
  };
  auto started = std::chrono::steady_clock::now();
  events.built = [&](const query::BuildReport& report) {
    if (events.progress) std::cerr << "\r     \r";  // before the line below
    if (report.from_chunks + report.from_rows == 0) return;
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format(
        "  {} events from the store's column chunks, {} from event rows, "
        "in {:.1f} s\n",
        thousands(report.from_chunks), thousands(report.from_rows), seconds);
  };
  auto index = query::open_event_index(*context.store, context.db_path, events);
  if (!index) return make_error(index.error());
  context.index = std::move(*index);
  return Status::success();
}

Result<Unit> parse_unit(const std::string& text) {
  if (text == "incidents") return Unit::incidents;
  if (text == "records") return Unit::records;
  return make_error(fmt::format("unknown unit '{}': expected incidents or records", text));
}

Result<query::Selection> select_rows(Context& context, const query::Filter& filter, Unit unit) {
  if (Status s = open_index(context); !s) return make_error(s.error());
  store::SqliteStore& store = *context.store;
  query::IdLookup in_store = query::lookup_in_store(store);
  query::IdLookup lookup = [&](const query::Condition& c) {
    announce_text_index_build(context, query::condition_to_sql(c));
    return in_store(c);
  };
  auto rows = query::select_rows(*context.index, filter, context.vocabulary, lookup);
  if (!rows || unit == Unit::records) return rows;
  if (Status s = fold_incidents(context, *rows); !s) return make_error(s.error());
  return rows;
}

Status fold_incidents(Context& context, query::Selection& rows) {
  if (Status s = open_index(context); !s) return s;
  if (!context.units) {
    auto units = query::IncidentUnits::load(*context.store, *context.index);
    if (!units) return make_error(units.error());
    context.units = std::move(*units);
  }
  context.units->fold(rows);
  return Status::success();
}

const std::vector<query::FatalityCorrection>* fatality_corrections(const Context& context,
                                                                   Unit unit) {
  if (unit == Unit::records || !context.units) return nullptr;
  return &context.units->fatalities;
}

Result<bool> fusion_has_run(Context& context) {
  fuse::IncidentStore incidents(*context.store);
  auto marks = incidents.fused_up_to();
  if (!marks) return make_error(marks.error());
  return marks->event > 0 || marks->mention > 0;
}

int64_t told_only_by_reports(Context& context) {
  auto n = fuse::IncidentStore(*context.store).count_told_only_by_reports();
  return n ? *n : 0;
}

std::string incidents_text(int64_t n) {
  return n == 1 ? std::string("1 incident") : thousands(n) + " incidents";
}

std::string unit_note(Context& context, Unit unit) {
  if (unit == Unit::records || !context.units) return "";
  const query::IncidentUnits& u = *context.units;
  const int64_t reports_only = told_only_by_reports(context);
  if (u.incidents == 0 && reports_only == 0) return "";
  std::string note =
      u.folded == 0
          ? std::string("Counting incidents (sitrep fuse): no two events are one incident")
          : fmt::format(
                "Counting incidents (sitrep fuse): {} events are counted with another "
                "event of their incident",
                thousands(u.folded));
  if (reports_only > 0) {
    note += fmt::format("; {} told only by reports {} not in these counts (sitrep incident list)",
                        incidents_text(reports_only), reports_only == 1 ? "is" : "are");
  }
  return note + "; --unit records counts every event.";
}

namespace {

bool is_single_term_with_spaces(const std::string& word) {
  if (word.find(' ') == std::string::npos || word.find('"') != std::string::npos) return false;
  size_t space = word.find(' ');
  while (space != std::string::npos) {
    size_t next = word.find(' ', space + 1);
    std::string piece = word.substr(space + 1, next == std::string::npos ? next : next - space - 1);
    if (piece.starts_with('-') || piece.find(':') != std::string::npos) return false;
    space = next;
  }
  return true;
}

}  // namespace

std::string join_filter(const std::vector<std::string>& words) {
  std::string text;
  for (std::string w : words) {
    if (w.starts_with(kNegatedTermMarker)) w.replace(0, kNegatedTermMarker.size(), "-");
    if (!text.empty()) text += ' ';
    if (!is_single_term_with_spaces(w)) {
      text += w;
      continue;
    }
    size_t colon = w.find(':');
    size_t value = colon == std::string::npos ? 0 : colon + 1;
    text.append(w, 0, value);
    text += '"';
    text.append(w, value, std::string::npos);
    text += '"';
  }
  return text;
}

void announce_text_index_build(Context& context, const store::SqlCondition& where) {
  if (!where.uses_text_index) return;
  auto current = context.store->text_index_is_current();
  if (current && !*current) {
    std::cerr << "Building the full-text index over the notes (once, after a bulk import)…\n";
  }
}

}  // namespace sitrep::cli
