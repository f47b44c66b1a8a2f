// The system of record: events, their revisions, import runs and rejected rows, in SQLite.
//
// The database runs in WAL mode (a first bulk load switches to a rollback journal for its
// transaction) with foreign keys on; every statement is prepared and every value bound. An
// import is one transaction that the caller opens with begin_import() and ends with commit() or
// rollback(): all or nothing. Readers see the last committed state. One SqliteStore is used by
// one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "sitrep/io/event_reader.hpp"
#include "sitrep/model/event.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::store {

namespace detail {
class RunIds;
}

// A WHERE clause over `events` (alias e) with its bound values; "1" selects everything.
using SqlValue = std::variant<int64_t, double, std::string>;
struct SqlCondition {
  std::string sql = "1";
  std::vector<SqlValue> params;
  bool uses_text_index = false;  // matches words in event_text (see ensure_text_index)
};

// Binds `params` to `stmt` from parameter `first` on.
void bind_all(Statement& stmt, const std::vector<SqlValue>& params, int first = 1);

struct RunCounts {
  int64_t rows_read = 0;
  int64_t inserted = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t rejected = 0;

  RunCounts& operator+=(const RunCounts& other);
};

// The time as the store records it (runs, analysts' decisions): ISO 8601, UTC, to the second.
std::string utc_now();

struct RunInfo {
  int64_t id = 0;
  std::string started_at;
  std::string finished_at;
  std::string command;
  std::string files;  // paths, "; "-separated
  RunCounts counts;
};

struct RejectInfo {
  int64_t run_id = 0;
  io::RowError error;
};

enum class WriteOutcome { inserted, updated, unchanged, duplicate_in_run };

// Identifies the store's event content: any committed change to the events changes it. Derived
// copies (the query index snapshot) record it and are rebuilt when it no longer matches.
struct StoreStamp {
  std::string store_id;      // random, fixed when the store is created
  int64_t generation = 0;    // bumped by every import that inserts or revises an event
  int64_t max_event_id = 0;  // a second, independent witness
  bool operator==(const StoreStamp&) const = default;
};

// The stamp as seen by any connection to a store (SqliteStore::stamp uses its own).
Result<StoreStamp> stamp_of(sqlite3* db);

// What the store keys an event by, beyond the event itself: pure functions of the event, so an
// importer may compute them on another thread.
struct EventKeys {
  uint64_t digest = 0;   // model::content_digest: unchanged digest, nothing to write
  uint64_t id_hash = 0;  // a stable hash of (dataset, native_id)
};
EventKeys event_keys(const model::Event& event);

class SqliteStore {
 public:
  // Opens (creating if needed) and migrates the store at `path`.
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // --- writing, inside begin_import()/commit() ---
  // Opens the transaction of an import of `input_bytes` of files, and picks how it writes:
  // - bulk_load: the store holds no events. The event indexes are dropped for the rest of the
  //   transaction and commit() builds them again by sorting, several times cheaper than
  //   inserting keys in file order; ids repeated within the load are caught in memory; the
  //   load runs under a rollback journal rather than the WAL; the full-text index goes stale.
  // - deferred_indexes: the input is at least half the store's size. The date index is
  //   rebuilt at commit and the full-text index goes stale; the unique id index stays, since
  //   it finds the stored records that the import revises.
  // - row_by_row: every index maintained per row.
  // A rollback (or a crash) undoes all of it like any other change.
  enum class ImportMode { row_by_row, deferred_indexes, bulk_load };
  Result<ImportMode> begin_import(int64_t input_bytes);
  // Commits the transaction, first building again any index the import deferred.
  Status commit();
  void rollback();

  // For one large write into empty tables (a first load, a first fusion), before its
  // transaction: a rollback journal writes each new page once, the WAL twice (the log, then the
  // checkpoint). Succeeds only when no other connection has the store open, and returns whether
  // it switched; restore_wal(), after the commit or rollback, switches back.
  Result<bool> leave_wal();
  void restore_wal();

  Result<int64_t> begin_run(const std::string& command);
  Result<int64_t> add_run_file(int64_t run_id, const std::string& path, std::string_view format,
                               int64_t size, const std::string& header);
  Status finish_run_file(int64_t file_id, const RunCounts& counts);
  Status finish_run(int64_t run_id, const RunCounts& counts);

  // Inserts a new event, or revises the stored one with the same (dataset, native_id) when its
  // content changed (the previous revision moves to event_revisions). Sets event.id and
  // event.revision. `keys` must be event_keys(event). `duplicate_line` receives the line of the
  // earlier record when the same id was already written in this import.
  Result<WriteOutcome> write_event(model::Event& event, const EventKeys& keys, int64_t run_id,
                                   int64_t file_id, int64_t* duplicate_line);
  Status add_reject(int64_t run_id, const io::RowError& error);

  // --- derived places ---
  // Gives `derive` every stored event that has coordinates, with the place fields an earlier
  // derivation filled (those listed in admin_filled) blanked again, so that what the source
  // said is all it sees; `derive` fills what it can (geo/admin_assignment.hpp). Events whose
  // country, admin1, admin2, admin_filled or geo_check come out different are updated, in one
  // transaction that bumps the events generation (derived copies such as the query index are
  // then stale). Nothing else of an event changes: not its digest, not its revisions. Returns
  // (events seen, events changed); `dry_run` counts without writing.
  Result<std::pair<int64_t, int64_t>> refresh_places(
      const std::function<void(model::Event&)>& derive, bool dry_run);

  // --- the full-text index ---
  // A bulk load or a large import leaves the full-text index over the notes stale rather than
  // building it row by row (it was a third of a bulk load's time); it is rebuilt, once, before
  // the first query that needs it. Row-by-row imports keep a current index current.
  Result<bool> text_index_is_current();
  // Rebuilds the index if it is stale, in its own transaction. Queries whose condition
  // `uses_text_index` call it themselves.
  Status ensure_text_index();

  // --- reading ---
  // Calls `visit` for each matching event in (date_start, id) order until it returns false.
  Status for_each_event(const SqlCondition& where, int64_t limit,
                        const std::function<bool(const model::Event&)>& visit);
  Result<int64_t> count_events(const SqlCondition& where);
  // Counts matching events grouped by an SQL expression over `events e`, largest first.
  Result<std::vector<std::pair<std::string, int64_t>>> count_by(const std::string& expression,
                                                                const SqlCondition& where,
                                                                int64_t limit);
  // First and last date_start of the matching events ("" when none match).
  Result<std::pair<std::string, std::string>> date_range(const SqlCondition& where);
  // Counts matching events per actor (actor1 or actor2), largest first.
  Result<std::vector<std::pair<std::string, int64_t>>> count_by_actor(const SqlCondition& where,
                                                                      int64_t limit);
  // Calls `visit` for the events with the given ids, in the order given (ids not found are
  // skipped), until it returns false.
  Status for_each_event_by_id(const std::vector<int64_t>& ids,
                              const std::function<bool(const model::Event&)>& visit);
  // The ids of the events matching `where`, ascending.
  Result<std::vector<int64_t>> event_ids(const SqlCondition& where);
  // The ids of the events whose notes match an FTS5 query, ascending: the full-text index
  // alone, without visiting the events.
  Result<std::vector<int64_t>> ids_with_text(const std::string& fts_query);
  Result<StoreStamp> stamp();
  // Whether the store holds any event.
  Result<bool> holds_events();

  Result<std::vector<RunInfo>> runs();
  Result<int64_t> latest_run_with_rejects();
  Result<std::vector<RejectInfo>> rejects(int64_t run_id);
  // Earlier revisions of an event, oldest first (the current one is not among them).
  Result<std::vector<model::Event>> revisions(int64_t event_id);
  // The header line of the file an event's current revision came from ("" for JSONL), so its
  // verbatim original record can be read with its column names.
  Result<std::string> source_header(int64_t event_id);

  sqlite3* handle() const { return db_; }

 private:
  explicit SqliteStore(sqlite3* db);
  Status begin();
  Status prepare_writers();
  Status defer_indexes(bool keep_unique);
  Result<int64_t> store_bytes();
  Status bulk_insert(model::Event& event, int64_t digest, int64_t run_id, int64_t file_id);
  Result<WriteOutcome> upsert(model::Event& event, int64_t digest, int64_t run_id, int64_t file_id);
  Status add_full_text(const model::Event& event);
  Result<Statement> prepare_with(const std::string& sql, const SqlCondition& where);

  sqlite3* db_;
  struct Writers;
  std::unique_ptr<Writers> writers_;
  struct BulkLoad;
  std::unique_ptr<BulkLoad> bulk_;           // set during a bulk load, until commit or rollback
  bool indexes_dropped_ = false;             // commit() must create the event indexes again
  bool left_wal_ = false;                    // journal_mode is DELETE for a bulk load
  bool text_index_current_ = true;           // read at begin_import
  bool events_changed_ = false;              // this import inserted or revised an event
  std::unique_ptr<detail::RunIds> run_ids_;  // set during an import
};

}  // namespace sitrep::store
