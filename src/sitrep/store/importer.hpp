// Importing files into the store: one transaction for the whole command.
//
// Every file is read to the end. Rows that fail validation are kept (in the rejects table, with
// file, line, column and reason) and counted; if more than `max_rejects` are rejected, or any
// file cannot be read at all, nothing is written: the store is exactly as it was. A dry run
// does all the work, reports what would happen, and rolls back. Re-importing a file adds
// nothing; a changed record becomes a new revision of the stored event.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/io/event_reader.hpp"
#include "sitrep/model/vocabulary.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::store {

// The rejects a real import accepts before giving up, unless told otherwise: enough to get past
// a handful of broken rows in a large export, few enough that a file in the wrong shape (every
// row rejected) stops early.
constexpr int64_t kDefaultMaxRejects = 100;

struct ImportOptions {
  std::optional<io::Format> format;  // detect when unset
  bool dry_run = false;
  int64_t max_rejects = kDefaultMaxRejects;  // < 0: no limit
  std::string command;                       // recorded in the run
  // Called now and then with (file index, fraction of that file read, rows read so far).
  std::function<void(size_t, double, int64_t)> progress;
  // Called on the writing thread for each event the import inserts or revises, once the store
  // has given it its id (a first load uses it to build the query index as it goes).
  std::function<void(const model::Event&)> on_written;
  // As on_written, for the events the import inserts (not those it revises), in id order.
  std::function<void(const model::Event&)> on_inserted;
  // Called inside the import's transaction just before it commits (not for a dry run or an
  // aborted import): the last writes that must commit with the events. An error rolls back.
  std::function<Status()> before_commit;
  // Called on the reading thread for each valid event after its digest is taken: derives what
  // the source did not say (admin areas from coordinates), never the content the digest covers.
  std::function<void(model::Event&)> enrich;
};

struct FileReport {
  std::string path;
  io::Format format = io::Format::jsonl;
  RunCounts counts;
};

struct ImportReport {
  int64_t run_id = 0;  // 0 for a dry run or an aborted import
  std::vector<FileReport> files;
  RunCounts totals;
  std::vector<io::RowError> rejects;  // every rejected row, in file order
  bool committed = false;
  // How the store wrote: bulk_load means it held no events before, so the events passed to
  // on_written are all it holds now.
  SqliteStore::ImportMode mode = SqliteStore::ImportMode::row_by_row;
  std::string abort_reason;  // set when the rejects exceeded max_rejects
};

// Imports `paths` in order. Returns an error (and writes nothing) when a file cannot be read as
// a whole; otherwise a report, committed unless aborted or a dry run.
Result<ImportReport> import_files(SqliteStore& store, const std::vector<std::string>& paths,
                                  const model::Vocabulary& vocabulary,
                                  const ImportOptions& options);

}  // namespace sitrep::store
