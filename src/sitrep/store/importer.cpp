#include "sitrep/store/importer.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "sitrep/io/read_ahead.hpp"

namespace sitrep::store {
namespace {

int64_t file_size(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : 0;
}

// One record as the read-ahead thread hands it over: the event (or why the row was rejected),
// with its keys already computed and how far into the file it stood.
struct ImportRecord {
  model::Event event;
  io::RowError error;
  EventKeys keys;
  double progress = 0;
};

// Reads one file into the open transaction, appending to the report.
Status import_one(SqliteStore& store, size_t index, const std::string& path,
                  const model::Vocabulary& vocabulary, const ImportOptions& options, int64_t run_id,
                  ImportReport& report) {
  auto opened = io::open_event_reader(path, options.format, vocabulary);
  if (!opened) return make_error(opened.error());
  std::unique_ptr<io::EventReader> reader = std::move(opened).value();
  FileReport file{path, reader->format(), {}};
  auto file_id = store.add_run_file(run_id, path, io::to_string(file.format), file_size(path),
                                    reader->header());
  if (!file_id) return make_error(file_id.error());

  // Parse, validate and digest on a second thread while this one writes.
  io::ReadAhead<ImportRecord> records([&reader, &options](ImportRecord& r) {
    if (!reader->next(r.event, r.error)) return false;
    if (r.error.reason.empty()) {
      r.keys = event_keys(r.event);
      if (options.enrich) options.enrich(r.event);
    }
    r.progress = reader->progress();
    return true;
  });
  while (ImportRecord* record = records.next()) {
    model::Event& event = record->event;
    io::RowError& error = record->error;
    ++file.counts.rows_read;
    if (options.progress && (file.counts.rows_read & 0x3FFF) == 0) {
      options.progress(index, record->progress, report.totals.rows_read + file.counts.rows_read);
    }
    if (error.reason.empty()) {
      event.provenance.run_id = run_id;
      int64_t first_line = 0;
      auto outcome = store.write_event(event, record->keys, run_id, *file_id, &first_line);
      if (!outcome)
        return make_error(fmt::format("{}:{}: {}", path, event.provenance.line, outcome.error()));
      switch (*outcome) {
        case WriteOutcome::inserted:
          ++file.counts.inserted;
          if (options.on_written) options.on_written(event);
          if (options.on_inserted) options.on_inserted(event);
          continue;
        case WriteOutcome::updated:
          ++file.counts.updated;
          if (options.on_written) options.on_written(event);
          continue;
        case WriteOutcome::unchanged:
          ++file.counts.unchanged;
          continue;
        case WriteOutcome::duplicate_in_run:
          error.file = path;
          error.line = event.provenance.line;
          error.column = 1;
          error.field.clear();
          error.reason = fmt::format("{} id '{}' was already read in this import (line {})",
                                     event.dataset, event.native_id, first_line);
          error.raw = event.provenance.original;
          break;
      }
    }
    ++file.counts.rejected;
    report.rejects.push_back(error);
    if (Status s = store.add_reject(run_id, error); !s) return s;
  }
  if (Status s = store.finish_run_file(*file_id, file.counts); !s) return s;
  report.totals += file.counts;
  report.files.push_back(std::move(file));
  return Status::success();
}

}  // namespace

Result<ImportReport> import_files(SqliteStore& store, const std::vector<std::string>& paths,
                                  const model::Vocabulary& vocabulary,
                                  const ImportOptions& options) {
  int64_t input_bytes = 0;
  for (const std::string& path : paths) input_bytes += file_size(path);
  auto opened = store.begin_import(input_bytes);
  if (!opened) {
    store.rollback();
    return make_error(opened.error());
  }
  ImportReport report;
  report.mode = *opened;
  auto run_id = store.begin_run(options.command);
  if (!run_id) {
    store.rollback();
    return make_error(run_id.error());
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    if (Status s = import_one(store, i, paths[i], vocabulary, options, *run_id, report); !s) {
      store.rollback();
      return make_error(s.error());
    }
  }
  if (options.max_rejects >= 0 && report.totals.rejected > options.max_rejects) {
    report.abort_reason =
        fmt::format("{} rows were rejected, more than --max-rejects {}: nothing was imported",
                    report.totals.rejected, options.max_rejects);
  }
  if (options.dry_run || !report.abort_reason.empty()) {
    store.rollback();
    return report;
  }
  if (Status s = store.finish_run(*run_id, report.totals); !s) {
    store.rollback();
    return make_error(s.error());
  }
  if (options.before_commit) {
    if (Status s = options.before_commit(); !s) {
      store.rollback();
      return make_error(s.error());
    }
  }
  if (Status s = store.commit(); !s) {
    store.rollback();
    return make_error(s.error());
  }
  report.run_id = *run_id;
  report.committed = true;
  return report;
}

}  // namespace sitrep::store
