#include "sitrep/store/schema.hpp"

#include <fmt/format.h>

#include "sitrep/store/statement.hpp"

namespace sitrep::store {
namespace {

// Column name and SQL type of every analytic field of an event.
struct ColumnDef {
  std::string_view name;
  std::string_view type;
};

const std::vector<ColumnDef>& content_column_defs() {
  static const std::vector<ColumnDef> columns = {
      {"date_start", "TEXT NOT NULL"},  // ISO dates sort and compare as text
      {"date_end", "TEXT NOT NULL"},
      {"date_precision", "TEXT NOT NULL"},
      {"country", "TEXT"},
      {"admin1", "TEXT"},
      {"admin2", "TEXT"},
      {"location", "TEXT"},
      {"latitude", "REAL"},
      {"longitude", "REAL"},
      {"geo_level", "INTEGER NOT NULL"},
      {"geo_precision_native", "TEXT"},
      {"event_type", "TEXT"},
      {"sub_event_type", "TEXT"},
      {"violence_type", "INTEGER"},
      {"attack_type", "TEXT"},
      {"target", "TEXT"},
      {"target_original", "TEXT"},
      {"weapon", "TEXT"},
      {"weapon_original", "TEXT"},
      {"actor1", "TEXT"},
      {"actor1_original", "TEXT"},
      {"assoc_actors1", "TEXT"},
      {"assoc_actors1_original", "TEXT"},
      {"actor2", "TEXT"},
      {"actor2_original", "TEXT"},
      {"assoc_actors2", "TEXT"},
      {"assoc_actors2_original", "TEXT"},
      {"attribution_uncertain", "INTEGER NOT NULL"},
      {"fatalities_low", "INTEGER"},
      {"fatalities_best", "INTEGER"},
      {"fatalities_high", "INTEGER"},
      {"injuries", "INTEGER"},
      {"claim", "TEXT NOT NULL"},
      {"claim_mode", "TEXT"},
      {"sources", "TEXT"},
      {"source_scale", "TEXT"},
      {"source_count", "INTEGER"},
      {"notes", "TEXT"},
  };
  return columns;
}

// Added by migration 3: what sitrep derived about the place (model::Event::admin_filled and
// geo_check).
const std::vector<ColumnDef>& derived_column_defs() {
  static const std::vector<ColumnDef> columns = {
      {"admin_filled", "TEXT"},
      {"geo_check", "TEXT"},
  };
  return columns;
}

std::string content_columns_ddl() {
  std::string ddl;
  for (const ColumnDef& c : content_column_defs()) {
    ddl += fmt::format("  {} {},\n", c.name, c.type);
  }
  return ddl;
}

// The indexes over `events`. They are separate statements, not table constraints, so that a
// bulk load can drop them and build them again by sorting (see SqliteStore::begin_bulk_load).
const char* kEventIndexes =
    "CREATE UNIQUE INDEX IF NOT EXISTS events_by_native_id ON events(dataset, native_id);\n"
    "CREATE INDEX IF NOT EXISTS events_by_date ON events(date_start);\n";

std::string event_index_ddl() {
  return kEventIndexes;
}

// Version 1: events with provenance, revisions, import runs, rejects, actor index, full text.
std::string migration_1() {
  return fmt::format(R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  command TEXT NOT NULL,
  sitrep_version TEXT NOT NULL,
  rows_read INTEGER NOT NULL DEFAULT 0,
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE run_files (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  size INTEGER NOT NULL,
  header TEXT,
  rows_read INTEGER NOT NULL DEFAULT 0,
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  native_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
{}  digest INTEGER NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  file_id INTEGER NOT NULL REFERENCES run_files(id),
  line INTEGER NOT NULL,
  original TEXT NOT NULL
);
{}
CREATE TABLE event_revisions (
  event_id INTEGER NOT NULL REFERENCES events(id),
  revision INTEGER NOT NULL,
  superseded_by_run INTEGER NOT NULL REFERENCES runs(id),
{}  digest INTEGER NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  file_id INTEGER NOT NULL REFERENCES run_files(id),
  line INTEGER NOT NULL,
  original TEXT NOT NULL,
  PRIMARY KEY (event_id, revision)
);
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('text_index', 'current');
CREATE TABLE rejects (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  column_number INTEGER NOT NULL,
  field TEXT,
  reason TEXT NOT NULL,
  raw TEXT NOT NULL
);
CREATE INDEX rejects_by_run ON rejects(run_id);
CREATE VIRTUAL TABLE event_text USING fts5(
  notes, content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
)sql",
                     content_columns_ddl(), event_index_ddl(), content_columns_ddl());
}

// Version 2: what identifies the store's event content, for derived copies such as the query
// index snapshot: a random store id and a generation that every import changing events bumps.
std::string migration_2() {
  return "INSERT OR IGNORE INTO meta (key, value) VALUES "
         "('store_id', lower(hex(randomblob(16)))), ('events_generation', '0');";
}

// Version 3: admin areas filled from coordinates are marked as such, and disagreements kept.
std::string migration_3() {
  std::string sql;
  for (const char* table : {"events", "event_revisions"}) {
    for (const ColumnDef& c : derived_column_defs()) {
      sql += fmt::format("ALTER TABLE {} ADD COLUMN {} {};\n", table, c.name, c.type);
    }
  }
  return sql;
}

// The mentions table: version 4 makes it; version 5 rebuilds it with ids that are never reused.
std::string mentions_table_ddl(std::string_view name, std::string_view id) {
  static constexpr std::string_view kColumns =
      R"sql(  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  event_type TEXT,
  sub_event_type TEXT,
  perpetrator TEXT,
  target TEXT,
  target_level TEXT,
  minority TEXT,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  location TEXT,
  latitude REAL,
  longitude REAL,
  geo_precision TEXT,
  cross_border INTEGER NOT NULL,
  date_start TEXT,
  date_end TEXT,
  date_precision TEXT,
  killed_low INTEGER,
  killed_high INTEGER,
  injured_low INTEGER,
  injured_high INTEGER,
  claim TEXT NOT NULL,
  claimed_by TEXT,
  denied_by TEXT,
  hedged INTEGER NOT NULL,
  confidence REAL NOT NULL,
  detail TEXT NOT NULL,
  UNIQUE (report_id, ordinal)
);
)sql";
  return fmt::format("CREATE TABLE {} (\n  id {},\n{}", name, id, kColumns);
}

// Version 4: reports read from text (news items, statements, claims) and the events extracted
// from them (sitrep ingest). A report is keyed by its document id (given, or a hash of its text);
// its mentions are replaced whenever the report is read again with other text.
std::string migration_4() {
  return fmt::format(R"sql(
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  text_hash TEXT NOT NULL,
  url TEXT,
  title TEXT,
  source TEXT,
  published TEXT,
  language TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  outlet TEXT,
  outlet_actor TEXT,
  text TEXT NOT NULL,
  extraction TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  file_id INTEGER NOT NULL REFERENCES run_files(id),
  line INTEGER NOT NULL
);
CREATE INDEX reports_by_published ON reports(published);
{}CREATE INDEX mentions_by_date ON mentions(date_start);
)sql",
                     mentions_table_ddl("mentions", "INTEGER PRIMARY KEY"));
}

// Version 5: incidents (sitrep fuse). An incident's members are dataset events and mentions
// (kind 'event' or 'mention' and the row's id; a record is in at most one incident); its links
// are the scored pairs that joined them (records as "event:12" / "mention:5", parts as JSON);
// decisions are an analyst's, which automatic runs respect: two records kept together or apart.
// events_spanning lets a run find the few events dated by month or year that reach into its
// window without scanning a year of the date index, and event_revisions_by_run the events a
// later import revised (fused again). Mentions get AUTOINCREMENT ids: a replaced
// report's events must never come back under the ids of the ones they replace, which fusion has
// seen (its high-water marks, its members).
std::string migration_5() {
  return fmt::format(R"sql(
{}INSERT INTO mentions_v5 SELECT * FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v5 RENAME TO mentions;
CREATE INDEX mentions_by_date ON mentions(date_start);
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  date_start TEXT NOT NULL,
  date_end TEXT NOT NULL,
  date_precision TEXT NOT NULL,
  date_spread_days INTEGER NOT NULL,
  country TEXT,
  admin1 TEXT,
  admin2 TEXT,
  location TEXT,
  latitude REAL,
  longitude REAL,
  place_precision TEXT NOT NULL,
  event_type TEXT,
  target TEXT,
  perpetrator TEXT,
  perpetrator_candidates TEXT,
  fatalities_low INTEGER,
  fatalities_best INTEGER,
  fatalities_high INTEGER,
  claim TEXT NOT NULL,
  claimed_by TEXT,
  denied_by TEXT,
  sources INTEGER NOT NULL,
  members INTEGER NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX incidents_by_date ON incidents(date_start);
CREATE TABLE incident_members (
  kind TEXT NOT NULL CHECK (kind IN ('event', 'mention')),
  record_id INTEGER NOT NULL,
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;
CREATE INDEX incident_members_by_incident ON incident_members(incident_id);
CREATE TABLE incident_links (
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  score REAL,
  parts TEXT NOT NULL,
  made TEXT NOT NULL
);
CREATE INDEX incident_links_by_incident ON incident_links(incident_id);
CREATE INDEX IF NOT EXISTS events_spanning ON events(date_start) WHERE date_end > date_start;
CREATE INDEX IF NOT EXISTS event_revisions_by_run ON event_revisions(superseded_by_run);
CREATE TABLE fusion_decisions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('together', 'apart')),
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  made TEXT NOT NULL,
  note TEXT
);
)sql",
                     mentions_table_ddl("mentions_v5", "INTEGER PRIMARY KEY AUTOINCREMENT"));
}

// Version 6: column chunks, a narrow copy of the indexed columns of the events an import
// inserts (query/column_chunk_writer.hpp), and the ids of events changed or deleted since,
// which a rebuild of the query index reads from their rows instead. The triggers keep that
// list whoever changes an event.
std::string migration_6() {
  return R"sql(
CREATE TABLE event_columns (
  first_id INTEGER PRIMARY KEY,
  last_id INTEGER NOT NULL,
  layout INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE event_columns_stale (id INTEGER PRIMARY KEY);
CREATE TRIGGER events_updated_stale_columns AFTER UPDATE ON events
BEGIN
  INSERT OR IGNORE INTO event_columns_stale (id) VALUES (OLD.id);
END;
CREATE TRIGGER events_deleted_stale_columns AFTER DELETE ON events
BEGIN
  INSERT OR IGNORE INTO event_columns_stale (id) VALUES (OLD.id);
END;
)sql";
}

const std::vector<std::string>& migrations() {
  static const std::vector<std::string> all = {migration_1(), migration_2(), migration_3(),
                                               migration_4(), migration_5(), migration_6()};
  return all;
}

Result<int> read_version(sqlite3* db) {
  auto stmt = Statement::prepare(db, "PRAGMA user_version");
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return static_cast<int>(stmt->column_int(0));
}

}  // namespace

int current_schema_version() {
  return static_cast<int>(migrations().size());
}

const std::vector<std::string_view>& event_content_columns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const ColumnDef& c : content_column_defs()) out.push_back(c.name);
    for (const ColumnDef& c : derived_column_defs()) out.push_back(c.name);
    return out;
  }();
  return names;
}

Status create_event_indexes(sqlite3* db) {
  return exec(db, kEventIndexes);
}

Status drop_event_indexes(sqlite3* db, bool keep_unique) {
  return exec(db, keep_unique ? "DROP INDEX events_by_date;"
                              : "DROP INDEX events_by_native_id; DROP INDEX events_by_date;");
}

Status migrate(sqlite3* db) {
  auto version = read_version(db);
  if (!version) return make_error(version.error());
  if (*version > current_schema_version()) {
    return make_error(fmt::format(
        "this store has schema version {}, newer than this sitrep understands ({}): upgrade sitrep",
        *version, current_schema_version()));
  }
  // Versions from 6 on add only what is derived and redundant (column chunks): a store that
  // cannot be written (a read-only file or share) and is at least at version 5 is used as it is.
  constexpr int kLastRequiredVersion = 5;
  if (*version >= kLastRequiredVersion && sqlite3_db_readonly(db, "main") == 1) {
    return Status::success();
  }
  for (int v = *version; v < current_schema_version(); ++v) {
    std::string sql = fmt::format("BEGIN IMMEDIATE;\n{}\nPRAGMA user_version = {};\nCOMMIT;",
                                  migrations()[static_cast<size_t>(v)], v + 1);
    if (Status s = exec(db, sql); !s) {
      (void)exec(db, "ROLLBACK");
      return make_error(
          fmt::format("migrating the store to schema version {}: {}", v + 1, s.error()));
    }
  }
  return Status::success();
}

}  // namespace sitrep::store
