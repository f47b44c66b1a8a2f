// What every subcommand needs: the store and the vocabulary, located from the global options.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/extract/extractor.hpp"
#include "sitrep/geo/gazetteer_files.hpp"
#include "sitrep/io/thousands.hpp"
#include "sitrep/model/vocabulary.hpp"
#include "sitrep/query/event_index.hpp"
#include "sitrep/query/filter.hpp"
#include "sitrep/query/incident_units.hpp"
#include "sitrep/query/selection.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::cli {

struct GlobalOptions {
  std::string db;         // --db, else $SITREP_DB, else ./sitrep.db
  std::string data_dir;   // --data-dir, else $SITREP_DATA, else the installed or source data/
  std::string gazetteer;  // --gazetteer, else $SITREP_GAZETTEER, else <db>-gazetteer, else bundled
};

std::string resolve_db_path(const GlobalOptions& options);

struct Context {
  std::string db_path;
  model::Vocabulary vocabulary;
  std::unique_ptr<store::SqliteStore> store;
  std::shared_ptr<const query::EventIndex> index;  // opened by open_index
  std::optional<query::IncidentUnits> units;       // loaded by select_rows for incidents
};

// What the counting commands count: incidents (records of one event counted once, after
// `sitrep fuse`) or records (every dataset row).
enum class Unit { incidents, records };
Result<Unit> parse_unit(const std::string& text);
inline constexpr const char* kUnitHelp =
    "incidents (default): events that `sitrep fuse` found to be one incident count once, with "
    "the incident's fatalities; records: every dataset row";

Result<Context> open_context(const GlobalOptions& options);
// The same for a subcommand: on failure, says why on stderr ("sitrep events: …") and returns
// nothing, for the command to exit with kExitFailure.
std::optional<Context> open_context_for(std::string_view command, const GlobalOptions& options);

// The gazetteer the options choose (geo/gazetteer_files.hpp explains the order).
Result<geo::OpenedGazetteer> open_gazetteer(const GlobalOptions& options);

// The text extractor over the data directory's lexicons and the chosen gazetteer; `country`
// (ISO2, may be empty) is the country reports are about when they name no place.
Result<extract::Extractor> open_extractor(const GlobalOptions& options, const std::string& country);

// Opens the columnar index (the snapshot beside the store, rebuilt when stale, saying so).
Status open_index(Context& context);

// The index rows a filter selects; free-text words go through the store's full-text index.
// Counting incidents, one row is kept of each incident the filter reaches (IncidentUnits::fold).
Result<query::Selection> select_rows(Context& context, const query::Filter& filter,
                                     Unit unit = Unit::records);

// Keeps one selected row of each incident (what counting incidents does).
Status fold_incidents(Context& context, query::Selection& rows);

// The fatality corrections counting incidents needs (none for records), for query::aggregate.
const std::vector<query::FatalityCorrection>* fatality_corrections(const Context& context,
                                                                   Unit unit);

// Whether sitrep fuse has run on the store (so that its events can be counted as incidents).
Result<bool> fusion_has_run(Context& context);

// "Counting incidents: …" when the unit changed anything, for the commands' notes.
std::string unit_note(Context& context, Unit unit);

// Incidents only reports tell (not in the index, so in no count of it); 0 on error.
int64_t told_only_by_reports(Context& context);
// "1 incident", "12 incidents".
std::string incidents_text(int64_t n);

// Stands for the '-' of a negated filter term on the command line (see main.cpp), so that the
// argument parser does not take the term for an option.
inline constexpr std::string_view kNegatedTermMarker = "\x1e";

// The filter text from the command line's words. A word with spaces is either a whole filter
// ("country:AF -mosque") or one term whose value the shell unquoted ("type:Violence against
// civilians"): the value gets its quotes back unless a later piece looks like a term of its own
// (starts with '-' or holds a ':').
std::string join_filter(const std::vector<std::string>& words);

// Tells the user, before a query that will rebuild the full-text index, why it takes a moment.
void announce_text_index_build(Context& context, const store::SqlCondition& where);

// Formats 1234567 as "1,234,567".
using io::thousands;

// Exit codes shared by every subcommand.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the command could not do its work; nothing was changed
constexpr int kExitUsage = 2;    // bad arguments or filter

}  // namespace sitrep::cli
