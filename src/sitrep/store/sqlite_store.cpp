#include "sitrep/store/sqlite_store.hpp"

#include <cmath>
#include <ctime>
#include <unordered_map>

#include <fmt/format.h>

#include "sitrep/model/distance.hpp"
#include "sitrep/model/stable_hash.hpp"
#include "sitrep/store/event_row.hpp"
#include "sitrep/store/run_ids.hpp"
#include "sitrep/store/schema.hpp"

namespace sitrep::store {
std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

namespace {

// Great-circle distance in km (haversine), for near: filters.
void distance_km(sqlite3_context* context, int, sqlite3_value** args) {
  for (int i = 0; i < 4; ++i) {
    if (sqlite3_value_type(args[i]) == SQLITE_NULL) {
      sqlite3_result_null(context);
      return;
    }
  }
  sqlite3_result_double(
      context, model::distance_km(sqlite3_value_double(args[0]), sqlite3_value_double(args[1]),
                                  sqlite3_value_double(args[2]), sqlite3_value_double(args[3])));
}

std::string content_column_list(std::string_view prefix = "") {
  std::string list;
  for (std::string_view name : event_content_columns()) {
    list += fmt::format("{}{}{}", list.empty() ? "" : ", ", prefix, name);
  }
  return list;
}

void bind_params(Statement& stmt, const std::vector<SqlValue>& params, int first = 1) {
  int index = first;
  for (const SqlValue& value : params) {
    std::visit([&](const auto& v) { stmt.bind(index, v); }, value);
    ++index;
  }
}

// Columns every event read selects, in read_event's order.
std::string event_select_list() {
  return "e.id, e.dataset, e.native_id, e.revision, " + content_column_list("e.") +
         ", e.run_id, f.path, e.line, e.original";
}

void read_event(const Statement& s, model::Event& e) {
  e.id = s.column_int(0);
  e.dataset = std::string(s.column_text(1));
  e.native_id = std::string(s.column_text(2));
  e.revision = static_cast<int>(s.column_int(3));
  int i = detail::read_content(s, 4, e);
  e.provenance.run_id = s.column_int(i);
  e.provenance.file = std::string(s.column_text(i + 1));
  e.provenance.line = s.column_int(i + 2);
  e.provenance.original = std::string(s.column_text(i + 3));
}

}  // namespace

namespace {

Result<std::vector<std::pair<std::string, int64_t>>> collect_counts(Statement& stmt) {
  std::vector<std::pair<std::string, int64_t>> out;
  while (true) {
    auto row = stmt.step();
    if (!row) return std::move(row).take_error();
    if (!*row) break;
    out.emplace_back(std::string(stmt.column_text(0)), stmt.column_int(1));
  }
  return out;
}

}  // namespace

RunCounts& RunCounts::operator+=(const RunCounts& o) {
  rows_read += o.rows_read;
  inserted += o.inserted;
  updated += o.updated;
  unchanged += o.unchanged;
  rejected += o.rejected;
  return *this;
}

// Statements the write path uses once per row, prepared once per store.
struct SqliteStore::Writers {
  Statement lookup;
  Statement insert;
  Statement archive;
  Statement update;
  Statement fts_delete;
  Statement fts_insert;
  Statement reject_insert;
};

// What a bulk load needs beyond the regular writers.
struct SqliteStore::BulkLoad {
  Statement insert;  // the plain insert: there is no unique index to resolve conflicts against
};

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
  // Memory statistics take a global mutex on every allocation; sitrep does not read them.
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)configured;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return make_error(fmt::format("{}: cannot open the store: {}", path, message));
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db));
  sqlite3_busy_timeout(db, 5000);
  sqlite3_create_function(db, "sitrep_distance_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          distance_km, nullptr, nullptr);
  // WAL: readers never block the importer; NORMAL sync is durable at each commit in WAL mode.
  // 16 KiB pages for a new store (an existing one keeps its own): event rows are wide (the
  // verbatim record travels with them), and larger pages measured 15-25% faster imports.
  // Must precede the journal mode, which fixes the page size of a new database.
  if (Status s =
          exec(db,
               "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
               "PRAGMA foreign_keys = ON; PRAGMA threads = 2; PRAGMA cache_size = -262144; "
               "PRAGMA temp_store = MEMORY;");
      !s) {
    return make_error(fmt::format("{}: {}", path, s.error()));
  }
  if (Status s = migrate(db); !s) return make_error(fmt::format("{}: {}", path, s.error()));
  if (Status s = store->prepare_writers(); !s) return make_error(s.error());
  return store;
}

SqliteStore::SqliteStore(sqlite3* db) : db_(db) {}

SqliteStore::~SqliteStore() {
  run_ids_.reset();
  bulk_.reset();
  writers_.reset();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

Status SqliteStore::prepare_writers() {
  auto w = std::make_unique<Writers>();
  const size_t n = event_content_columns().size();
  const std::string columns = content_column_list();
  std::string set_list;
  for (std::string_view name : event_content_columns()) {
    set_list += fmt::format("{}{} = ?", set_list.empty() ? "" : ", ", name);
  }
  struct Sql {
    Statement* slot;
    std::string text;
  };
  for (const Sql& sql : std::vector<Sql>{
           {&w->lookup,
            "SELECT id, digest, revision FROM events WHERE dataset = ? AND "
            "native_id = ?"},
           {&w->insert, fmt::format("INSERT INTO events (dataset, native_id, revision, {}, digest, "
                                    "run_id, file_id, line, original) VALUES (?, ?, 1, {}, ?, ?, "
                                    "?, ?, ?) ON CONFLICT (dataset, native_id) DO NOTHING",
                                    columns, sql_placeholders(n))},
           {&w->archive,
            fmt::format("INSERT INTO event_revisions (event_id, revision, superseded_by_run, {0}, "
                        "digest, run_id, file_id, line, original) SELECT id, revision, ?, {0}, "
                        "digest, run_id, file_id, line, original FROM events WHERE id = ?",
                        columns)},
           {&w->update, fmt::format("UPDATE events SET revision = revision + 1, {}, digest = ?, "
                                    "run_id = ?, file_id = ?, line = ?, original = ? WHERE id = ?",
                                    set_list)},
           {&w->fts_delete,
            "INSERT INTO event_text (event_text, rowid, notes) SELECT 'delete', id, notes FROM "
            "events WHERE id = ? AND notes IS NOT NULL"},
           {&w->fts_insert, "INSERT INTO event_text (rowid, notes) VALUES (?, ?)"},
           {&w->reject_insert,
            "INSERT INTO rejects (run_id, file, line, column_number, field, reason, raw) VALUES "
            "(?, ?, ?, ?, ?, ?, ?)"},
       }) {
    auto stmt = Statement::prepare(db_, sql.text);
    if (!stmt) return std::move(stmt).take_error();
    *sql.slot = std::move(stmt).value();
  }
  writers_ = std::move(w);
  return Status::success();
}

Status SqliteStore::begin() {
  return exec(db_, "BEGIN IMMEDIATE");
}

Status SqliteStore::commit() {
  run_ids_.reset();
  bulk_.reset();
  if (indexes_dropped_) {
    indexes_dropped_ = false;
    if (Status s = create_event_indexes(db_); !s) return s;
  }
  if (events_changed_) {
    events_changed_ = false;
    Status bumped = exec(db_,
                         "UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                         "WHERE key = 'events_generation'");
    if (!bumped) return bumped;
  }
  Status committed = exec(db_, "COMMIT");
  restore_wal();
  return committed;
}

void SqliteStore::rollback() {
  events_changed_ = false;
  run_ids_.reset();
  bulk_.reset();
  indexes_dropped_ = false;
  if (!sqlite3_get_autocommit(db_)) (void)exec(db_, "ROLLBACK");
  restore_wal();
}

namespace {

Result<bool> holds_events(sqlite3* db) {
  auto any = Statement::prepare(db, "SELECT EXISTS (SELECT 1 FROM events)");
  if (!any) return std::move(any).take_error();
  auto row = any->step();
  if (!row) return std::move(row).take_error();
  return any->column_int(0) != 0;
}

}  // namespace

Result<bool> SqliteStore::holds_events() {
  return store::holds_events(db_);
}

Result<int64_t> SqliteStore::store_bytes() {
  auto stmt = Statement::prepare(
      db_, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return stmt->column_int(0);
}

Result<SqliteStore::ImportMode> SqliteStore::begin_import(int64_t input_bytes) {
  auto before = store::holds_events(db_);
  if (!before) return std::move(before).take_error();
  if (!*before) {  // if the switch fails, the load simply runs in WAL mode
    if (auto left = leave_wal(); !left) return std::move(left).take_error();
  }
  if (Status s = begin(); !s) {
    restore_wal();
    return make_error(s.error());
  }
  auto ids = detail::RunIds::create(db_);
  if (!ids) return std::move(ids).take_error();
  run_ids_ = std::make_unique<detail::RunIds>(std::move(ids).value());
  auto current = text_index_is_current();
  if (!current) return std::move(current).take_error();
  text_index_current_ = *current;
  auto held = store::holds_events(db_);  // again, now that no one else can write
  if (!held) return std::move(held).take_error();
  if (*held) {
    auto size = store_bytes();
    if (!size) return std::move(size).take_error();
    if (input_bytes * 2 < *size) return ImportMode::row_by_row;
    if (Status s = defer_indexes(true); !s) return make_error(s.error());
    return ImportMode::deferred_indexes;
  }
  if (Status s = defer_indexes(false); !s) return make_error(s.error());
  auto bulk = std::make_unique<BulkLoad>();
  auto insert = Statement::prepare(
      db_, fmt::format("INSERT INTO events (dataset, native_id, revision, {}, digest, run_id, "
                       "file_id, line, original) VALUES (?, ?, 1, {}, ?, ?, ?, ?, ?)",
                       content_column_list(), sql_placeholders(event_content_columns().size())));
  if (!insert) return std::move(insert).take_error();
  bulk->insert = std::move(insert).value();
  bulk_ = std::move(bulk);
  return ImportMode::bulk_load;
}

// Drops the event indexes (all, or all but the unique one) until commit, and lets the
// full-text index go stale until the next text query.
Status SqliteStore::defer_indexes(bool keep_unique) {
  if (Status s = drop_event_indexes(db_, keep_unique); !s) return s;
  indexes_dropped_ = true;
  if (Status s = exec(db_, "UPDATE meta SET value = 'stale' WHERE key = 'text_index'"); !s) {
    return s;
  }
  text_index_current_ = false;
  return Status::success();
}

Result<bool> SqliteStore::leave_wal() {
  auto mode = Statement::prepare(db_, "PRAGMA journal_mode = DELETE");
  if (!mode) return std::move(mode).take_error();
  auto row = mode->step();
  if (!row) return std::move(row).take_error();
  left_wal_ = *row && mode->column_text(0) == "delete";
  return left_wal_;
}

void SqliteStore::restore_wal() {
  if (left_wal_) (void)exec(db_, "PRAGMA journal_mode = WAL");
  left_wal_ = false;
}

Result<int64_t> SqliteStore::begin_run(const std::string& command) {
  auto stmt = Statement::prepare(
      db_, "INSERT INTO runs (started_at, command, sitrep_version) VALUES (?, ?, ?)");
  if (!stmt) return std::move(stmt).take_error();
  stmt->bind(1, utc_now());
  stmt->bind(2, command);
  stmt->bind(3, std::string_view(SITREP_VERSION));
  if (Status s = stmt->run(); !s) return make_error(s.error());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Result<int64_t> SqliteStore::add_run_file(int64_t run_id, const std::string& path,
                                          std::string_view format, int64_t size,
                                          const std::string& header) {
  auto stmt = Statement::prepare(
      db_, "INSERT INTO run_files (run_id, path, format, size, header) VALUES (?, ?, ?, ?, ?)");
  if (!stmt) return std::move(stmt).take_error();
  stmt->bind(1, run_id);
  stmt->bind(2, path);
  stmt->bind(3, format);
  stmt->bind(4, size);
  stmt->bind_text_or_null(5, header);
  if (Status s = stmt->run(); !s) return make_error(s.error());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

namespace {

Status write_counts(sqlite3* db, std::string_view table, int64_t id, const RunCounts& c,
                    bool finished) {
  auto stmt = Statement::prepare(
      db, fmt::format("UPDATE {} SET rows_read = ?, inserted = ?, updated = ?, unchanged = ?, "
                      "rejected = ?{} WHERE id = ?",
                      table, finished ? ", finished_at = ?" : ""));
  if (!stmt) return make_error(stmt.error());
  int i = 1;
  for (int64_t value : {c.rows_read, c.inserted, c.updated, c.unchanged, c.rejected}) {
    stmt->bind(i++, value);
  }
  if (finished) stmt->bind(i++, utc_now());
  stmt->bind(i, id);
  return stmt->run();
}

}  // namespace

Status SqliteStore::finish_run_file(int64_t file_id, const RunCounts& counts) {
  return write_counts(db_, "run_files", file_id, counts, false);
}

Status SqliteStore::finish_run(int64_t run_id, const RunCounts& counts) {
  return write_counts(db_, "runs", run_id, counts, true);
}

Status SqliteStore::bulk_insert(model::Event& event, int64_t digest, int64_t run_id,
                                int64_t file_id) {
  Statement& insert = bulk_->insert;
  insert.bind(1, event.dataset);
  insert.bind(2, event.native_id);
  int i = detail::bind_content(insert, 3, event);
  insert.bind(i++, digest);
  insert.bind(i++, run_id);
  insert.bind(i++, file_id);
  insert.bind(i++, event.provenance.line);
  insert.bind(i++, event.provenance.original);
  if (Status s = insert.run(); !s) return s;
  event.id = sqlite3_last_insert_rowid(db_);
  event.revision = 1;
  return add_full_text(event);
}

Status SqliteStore::add_full_text(const model::Event& event) {
  if (event.notes.empty() || !text_index_current_) return Status::success();
  Statement& fts = writers_->fts_insert;
  fts.bind(1, event.id);
  fts.bind_borrowed_or_null(2, event.notes);
  return fts.run();
}

EventKeys event_keys(const model::Event& event) {
  return EventKeys{model::content_digest(event), detail::RunIds::id_hash(event)};
}

Result<WriteOutcome> SqliteStore::write_event(model::Event& event, const EventKeys& keys,
                                              int64_t run_id, int64_t file_id,
                                              int64_t* duplicate_line) {
  if (!run_ids_) return make_error("write_event outside an import (call begin_import first)");
  auto earlier = run_ids_->earlier_line(event, keys.id_hash);
  if (!earlier) return std::move(earlier).take_error();
  if (*earlier) {
    if (duplicate_line) *duplicate_line = **earlier;
    return WriteOutcome::duplicate_in_run;
  }
  const auto digest = static_cast<int64_t>(keys.digest);
  Result<WriteOutcome> outcome = WriteOutcome::inserted;
  if (bulk_) {
    if (Status s = bulk_insert(event, digest, run_id, file_id); !s) return make_error(s.error());
  } else {
    outcome = upsert(event, digest, run_id, file_id);
    if (!outcome) return outcome;
  }
  run_ids_->add(event, keys.id_hash, event.provenance.line);
  if (*outcome != WriteOutcome::unchanged) events_changed_ = true;
  return outcome;
}

Result<WriteOutcome> SqliteStore::upsert(model::Event& event, int64_t digest, int64_t run_id,
                                         int64_t file_id) {
  Writers& w = *writers_;
  auto bind_tail = [&](Statement& s, int i) {
    s.bind(i++, digest);
    s.bind(i++, run_id);
    s.bind(i++, file_id);
    s.bind(i++, event.provenance.line);
    s.bind(i++, event.provenance.original);
    return i;
  };
  // Most rows of an import are new: try the insert first (one descent of the id index) and
  // look the stored row up only when the id is already there.
  w.insert.bind(1, event.dataset);
  w.insert.bind(2, event.native_id);
  bind_tail(w.insert, detail::bind_content(w.insert, 3, event));
  if (Status s = w.insert.run(); !s) return make_error(s.error());
  if (sqlite3_changes(db_) == 1) {
    event.id = sqlite3_last_insert_rowid(db_);
    event.revision = 1;
    if (Status s = add_full_text(event); !s) return make_error(s.error());
    return WriteOutcome::inserted;
  }
  w.lookup.bind(1, event.dataset);
  w.lookup.bind(2, event.native_id);
  auto found = w.lookup.step();
  if (!found || !*found) {
    w.lookup.reset();
    return make_error(found ? "an id conflict without a stored row" : found.error());
  }
  event.id = w.lookup.column_int(0);
  int64_t stored_digest = w.lookup.column_int(1);
  int revision = static_cast<int>(w.lookup.column_int(2));
  w.lookup.reset();
  event.revision = revision;
  if (stored_digest == digest) return WriteOutcome::unchanged;
  event.revision = revision + 1;
  w.archive.bind(1, run_id);
  w.archive.bind(2, event.id);
  int next = bind_tail(w.update, detail::bind_content(w.update, 1, event));
  w.update.bind(next, event.id);
  if (text_index_current_) {  // a stale index is rebuilt from scratch anyway
    w.fts_delete.bind(1, event.id);
    if (Status st = w.fts_delete.run(); !st) return make_error(st.error());
  }
  for (Statement* s : {&w.archive, &w.update}) {
    if (Status st = s->run(); !st) return make_error(st.error());
  }
  if (Status s = add_full_text(event); !s) return make_error(s.error());
  return WriteOutcome::updated;
}

Status SqliteStore::add_reject(int64_t run_id, const io::RowError& error) {
  Statement& s = writers_->reject_insert;
  s.bind(1, run_id);
  s.bind(2, error.file);
  s.bind(3, error.line);
  s.bind(4, static_cast<int64_t>(error.column));
  s.bind_text_or_null(5, error.field);
  s.bind(6, error.reason);
  s.bind(7, error.raw);
  return s.run();
}

Result<bool> SqliteStore::text_index_is_current() {
  auto stmt = Statement::prepare(db_, "SELECT value FROM meta WHERE key = 'text_index'");
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return !*row || stmt->column_text(0) == "current";
}

Status SqliteStore::ensure_text_index() {
  auto current = text_index_is_current();
  if (!current) return make_error(current.error());
  if (*current) return Status::success();
  if (Status s = begin(); !s) return s;
  current = text_index_is_current();  // someone may have rebuilt it meanwhile
  Status s = !current ? Status(make_error(current.error())) : Status::success();
  if (s && !*current) {
    s = exec(db_,
             "INSERT INTO event_text (event_text) VALUES ('rebuild'); "
             "UPDATE meta SET value = 'current' WHERE key = 'text_index';");
  }
  if (s) s = exec(db_, "COMMIT");
  if (!s) (void)exec(db_, "ROLLBACK");
  return s;
}

Result<Statement> SqliteStore::prepare_with(const std::string& sql, const SqlCondition& where) {
  if (where.uses_text_index) {
    if (Status s = ensure_text_index(); !s) return make_error(s.error());
  }
  auto stmt = Statement::prepare(db_, sql);
  if (!stmt) return stmt;
  bind_params(*stmt, where.params);
  return stmt;
}

Status SqliteStore::for_each_event(const SqlCondition& where, int64_t limit,
                                   const std::function<bool(const model::Event&)>& visit) {
  std::string sql = fmt::format(
      "SELECT {} FROM events e JOIN run_files f ON f.id = e.file_id WHERE {} "
      "ORDER BY e.date_start, e.id{}",
      event_select_list(), where.sql, limit >= 0 ? fmt::format(" LIMIT {}", limit) : "");
  auto stmt = prepare_with(sql, where);
  if (!stmt) return make_error(stmt.error());
  model::Event event;
  while (true) {
    auto row = stmt->step();
    if (!row) return make_error(row.error());
    if (!*row) break;
    read_event(*stmt, event);
    if (!visit(event)) break;
  }
  return Status::success();
}

void bind_all(Statement& stmt, const std::vector<SqlValue>& params, int first) {
  bind_params(stmt, params, first);
}

Result<std::pair<int64_t, int64_t>> SqliteStore::refresh_places(
    const std::function<void(model::Event&)>& derive, bool dry_run) {
  struct Change {
    int64_t id;
    std::string country, admin1, admin2, admin_filled, geo_check;
  };
  if (Status s = begin(); !s) return make_error(s.error());
  auto read = Statement::prepare(
      db_,
      "SELECT id, country, admin1, admin2, latitude, longitude, admin_filled, geo_check FROM "
      "events WHERE latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY id");
  if (!read) {
    rollback();
    return make_error(read.error());
  }
  // Read everything first: the updates then do not run under an open cursor of the same table.
  std::vector<Change> changes;
  int64_t seen = 0;
  auto text = [&](int column) { return std::string(read->column_text(column)); };
  while (true) {
    auto row = read->step();
    if (!row) {
      rollback();
      return std::move(row).take_error();
    }
    if (!*row) break;
    ++seen;
    model::Event e;
    e.id = read->column_int(0);
    e.country = text(1);
    e.admin1 = text(2);
    e.admin2 = text(3);
    e.latitude = read->column_double(4);
    e.longitude = read->column_double(5);
    std::string filled = text(6), check = text(7);
    const std::string before_country = e.country, before_admin1 = e.admin1,
                      before_admin2 = e.admin2;
    model::blank_filled_places(e, filled);
    derive(e);
    if (e.country != before_country || e.admin1 != before_admin1 || e.admin2 != before_admin2 ||
        e.admin_filled != filled || e.geo_check != check) {
      changes.push_back({e.id, e.country, e.admin1, e.admin2, e.admin_filled, e.geo_check});
    }
  }
  if (dry_run || changes.empty()) {
    rollback();
    return std::make_pair(seen, static_cast<int64_t>(changes.size()));
  }
  auto update = Statement::prepare(
      db_,
      "UPDATE events SET country = ?, admin1 = ?, admin2 = ?, admin_filled = ?, geo_check = ? "
      "WHERE id = ?");
  if (!update) {
    rollback();
    return make_error(update.error());
  }
  for (const Change& c : changes) {
    update->bind_text_or_null(1, c.country);
    update->bind_text_or_null(2, c.admin1);
    update->bind_text_or_null(3, c.admin2);
    update->bind_text_or_null(4, c.admin_filled);
    update->bind_text_or_null(5, c.geo_check);
    update->bind(6, c.id);
    if (Status s = update->run(); !s) {
      rollback();
      return make_error(s.error());
    }
  }
  events_changed_ = true;
  if (Status s = commit(); !s) {
    rollback();
    return make_error(s.error());
  }
  return std::make_pair(seen, static_cast<int64_t>(changes.size()));
}

Status SqliteStore::for_each_event_by_id(const std::vector<int64_t>& ids,
                                         const std::function<bool(const model::Event&)>& visit) {
  auto stmt = Statement::prepare(
      db_,
      fmt::format("SELECT {} FROM events e JOIN run_files f ON f.id = e.file_id WHERE e.id = ?",
                  event_select_list()));
  if (!stmt) return make_error(stmt.error());
  model::Event event;
  for (int64_t id : ids) {
    stmt->reset();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row) return make_error(row.error());
    if (!*row) continue;
    read_event(*stmt, event);
    if (!visit(event)) break;
  }
  return Status::success();
}

Result<std::vector<int64_t>> SqliteStore::event_ids(const SqlCondition& where) {
  auto stmt = prepare_with(
      fmt::format("SELECT e.id FROM events e WHERE {} ORDER BY e.id", where.sql), where);
  if (!stmt) return std::move(stmt).take_error();
  std::vector<int64_t> ids;
  while (true) {
    auto row = stmt->step();
    if (!row) return std::move(row).take_error();
    if (!*row) break;
    ids.push_back(stmt->column_int(0));
  }
  return ids;
}

Result<std::vector<int64_t>> SqliteStore::ids_with_text(const std::string& fts_query) {
  if (Status s = ensure_text_index(); !s) return make_error(s.error());
  auto stmt = Statement::prepare(db_, "SELECT rowid FROM event_text WHERE event_text MATCH ?");
  if (!stmt) return std::move(stmt).take_error();
  stmt->bind(1, std::string_view(fts_query));
  std::vector<int64_t> ids;
  sqlite3_stmt* s = stmt->handle();
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(s, 0));
  if (rc != SQLITE_DONE)
    return make_error(fmt::format("full-text search: {}", sqlite3_errmsg(db_)));
  return ids;
}

Result<StoreStamp> SqliteStore::stamp() {
  return stamp_of(db_);
}

Result<StoreStamp> stamp_of(sqlite3* db) {
  auto stmt = Statement::prepare(
      db,
      "SELECT (SELECT value FROM meta WHERE key = 'store_id'), "
      "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'events_generation'), "
      "(SELECT coalesce(max(id), 0) FROM events)");
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  StoreStamp stamp;
  stamp.store_id = std::string(stmt->column_text(0));
  stamp.generation = stmt->column_int(1);
  stamp.max_event_id = stmt->column_int(2);
  return stamp;
}

Result<int64_t> SqliteStore::count_events(const SqlCondition& where) {
  auto stmt = prepare_with(fmt::format("SELECT count(*) FROM events e WHERE {}", where.sql), where);
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return stmt->column_int(0);
}

Result<std::vector<std::pair<std::string, int64_t>>> SqliteStore::count_by(
    const std::string& expression, const SqlCondition& where, int64_t limit) {
  auto stmt =
      prepare_with(fmt::format("SELECT {0} AS k, count(*) AS n FROM events e WHERE {1} GROUP BY k "
                               "ORDER BY n DESC, k LIMIT {2}",
                               expression, where.sql, limit),
                   where);
  if (!stmt) return std::move(stmt).take_error();
  return collect_counts(*stmt);
}

Result<std::pair<std::string, std::string>> SqliteStore::date_range(const SqlCondition& where) {
  auto stmt = prepare_with(
      fmt::format("SELECT coalesce(min(e.date_start), ''), coalesce(max(e.date_start), '') "
                  "FROM events e WHERE {}",
                  where.sql),
      where);
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return std::pair{std::string(stmt->column_text(0)), std::string(stmt->column_text(1))};
}

Result<std::vector<std::pair<std::string, int64_t>>> SqliteStore::count_by_actor(
    const SqlCondition& where, int64_t limit) {
  auto stmt = prepare_with(
      fmt::format("WITH m AS (SELECT e.id, e.actor1, e.actor2 FROM events e WHERE {}) "
                  "SELECT name, count(DISTINCT id) AS n FROM (SELECT id, actor1 AS name FROM m "
                  "UNION ALL SELECT id, actor2 FROM m) WHERE name IS NOT NULL GROUP BY name "
                  "ORDER BY n DESC, name LIMIT {}",
                  where.sql, limit),
      where);
  if (!stmt) return std::move(stmt).take_error();
  return collect_counts(*stmt);
}

Result<std::vector<RunInfo>> SqliteStore::runs() {
  auto stmt = Statement::prepare(
      db_,
      "SELECT r.id, r.started_at, coalesce(r.finished_at, ''), r.command, r.rows_read, "
      "r.inserted, r.updated, r.unchanged, r.rejected, "
      "(SELECT group_concat(path, '; ') FROM run_files f WHERE f.run_id = r.id) "
      "FROM runs r ORDER BY r.id");
  if (!stmt) return std::move(stmt).take_error();
  std::vector<RunInfo> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return std::move(row).take_error();
    if (!*row) break;
    RunInfo run;
    run.id = stmt->column_int(0);
    run.started_at = std::string(stmt->column_text(1));
    run.finished_at = std::string(stmt->column_text(2));
    run.command = std::string(stmt->column_text(3));
    run.counts = RunCounts{stmt->column_int(4), stmt->column_int(5), stmt->column_int(6),
                           stmt->column_int(7), stmt->column_int(8)};
    run.files = std::string(stmt->column_text(9));
    out.push_back(std::move(run));
  }
  return out;
}

Result<int64_t> SqliteStore::latest_run_with_rejects() {
  auto stmt = Statement::prepare(db_, "SELECT coalesce(max(run_id), 0) FROM rejects");
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return stmt->column_int(0);
}

Result<std::vector<RejectInfo>> SqliteStore::rejects(int64_t run_id) {
  auto stmt = Statement::prepare(
      db_,
      "SELECT run_id, file, line, column_number, coalesce(field, ''), reason, raw FROM rejects "
      "WHERE run_id = ? ORDER BY id");
  if (!stmt) return std::move(stmt).take_error();
  stmt->bind(1, run_id);
  std::vector<RejectInfo> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return std::move(row).take_error();
    if (!*row) break;
    RejectInfo r;
    r.run_id = stmt->column_int(0);
    r.error.file = std::string(stmt->column_text(1));
    r.error.line = stmt->column_int(2);
    r.error.column = static_cast<int>(stmt->column_int(3));
    r.error.field = std::string(stmt->column_text(4));
    r.error.reason = std::string(stmt->column_text(5));
    r.error.raw = std::string(stmt->column_text(6));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::string> SqliteStore::source_header(int64_t event_id) {
  auto stmt = Statement::prepare(
      db_,
      "SELECT coalesce(f.header, '') FROM events e JOIN run_files f ON f.id = e.file_id "
      "WHERE e.id = ?");
  if (!stmt) return std::move(stmt).take_error();
  stmt->bind(1, event_id);
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  if (!*row) return make_error(fmt::format("no event has id {}", event_id));
  return std::string(stmt->column_text(0));
}

Result<std::vector<model::Event>> SqliteStore::revisions(int64_t event_id) {
  auto stmt = Statement::prepare(
      db_, fmt::format("SELECT r.event_id, ev.dataset, ev.native_id, r.revision, {}, r.run_id, "
                       "f.path, r.line, r.original FROM event_revisions r "
                       "JOIN events ev ON ev.id = r.event_id "
                       "JOIN run_files f ON f.id = r.file_id WHERE r.event_id = ? "
                       "ORDER BY r.revision",
                       content_column_list("r.")));
  if (!stmt) return std::move(stmt).take_error();
  stmt->bind(1, event_id);
  std::vector<model::Event> out;
  while (true) {
    auto row = stmt->step();
    if (!row) return std::move(row).take_error();
    if (!*row) break;
    model::Event e;
    read_event(*stmt, e);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace sitrep::store
