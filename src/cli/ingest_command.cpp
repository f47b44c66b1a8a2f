// sitrep ingest — reports into the store: extract, geocode, and keep each report with its
// mentions and provenance, in one transaction; idempotent by document id and text.
#include <filesystem>
#include <functional>
#include <iostream>
#include <unordered_map>

#include <fmt/format.h>

#include "commands.hpp"
#include "progress_line.hpp"
#include "sitrep/extract/extractor.hpp"
#include "sitrep/extract/parallel_extraction.hpp"
#include "sitrep/extract/report_batches.hpp"
#include "sitrep/extract/report_rows.hpp"
#include "sitrep/model/vocabulary.hpp"
#include "sitrep/store/report_store.hpp"

namespace sitrep::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> files;
  std::string country;
  bool quiet = false;
  bool progress = false;
  size_t threads = 0;  // 0: one per core
};

// What one file gave: its counts, and the events of its reports.
struct FileResult {
  store::RunCounts counts;
  int64_t mentions = 0;
  int64_t empty = 0;  // reports with nothing extractable
};

// What became of one file of the run.
struct FileState {
  int64_t file_id = 0;
  FileResult result;
  std::string reject_lines;  // printed when the file is closed, before its own line
};

// The files of one ingest, read one after another as batches need reports (ReportBatches), and
// closed in their order once all their reports are written (the per-file line, the run's file
// row).
class IngestRun {
 public:
  // Called after each batch: the file of its last report, the share of that file's reports up
  // to it, and the reports of the run written or found stored so far.
  using Progress = std::function<void(size_t file, double share, int64_t done)>;
  // Called when a file is closed, in the files' order.
  using Closed = std::function<void(size_t file, const FileResult& result)>;

  IngestRun(const std::vector<std::string>& paths, store::SqliteStore& store,
            store::ReportStore& reports, int64_t run_id, Progress progress, Closed closed)
      : paths_(paths),
        store_(store),
        reports_(reports),
        run_id_(run_id),
        progress_(std::move(progress)),
        closed_(std::move(closed)),
        batches_(
            paths.size(),
            [this](size_t f, std::vector<extract::Document>& documents) {
              return open(f, documents);
            },
            [this](size_t f, const extract::Document& d) { return needs_extraction(f, d); }) {}

  // The next reports to extract, across files: those not stored with their text already.
  Result<extract::ParallelExtraction::Batch> next_batch() {
    auto batch = batches_.next();
    if (!batch) return batch;
    if (Status s = close_finished_files(); !s) return make_error(s.error());
    return batch;
  }

  // Whether every file has been read, written and closed.
  bool finished() const { return closed_count_ == paths_.size(); }

  // Writes a batch's reports and their events, in order.
  Status write_batch(const extract::ParallelExtraction::Batch& batch,
                     std::vector<extract::ReportExtraction>& extracted) {
    const std::vector<size_t>& owners = batches_.files_of_oldest();
    for (size_t k = 0; k < batch.size(); ++k) {
      FileState& file = files_[owners[k]];
      const extract::Document& d = *batch[k];
      store::ReportRow row = extract::report_row(d, extracted[k]);
      auto outcome = reports_.write(row, run_id_, file.file_id);
      if (!outcome) {
        return make_error(fmt::format("{}:{}: {}", paths_[owners[k]], d.line, outcome.error()));
      }
      if (auto id = ids_in_flight_.find(d.id); --id->second == 0) ids_in_flight_.erase(id);
      ++done_;
      count(file.result, *outcome, row);
    }
    if (progress_ && !batch.empty()) {
      const size_t f = owners.back();
      const auto& reports = batches_.reports(f);
      const auto position = static_cast<double>(batch.back() - reports.data()) + 1;
      progress_(f, position / static_cast<double>(reports.size()), done_);
    }
    batches_.done_with_oldest();
    return close_finished_files();
  }

 private:
  Status open(size_t f, std::vector<extract::Document>& documents) {
    const std::string& path = paths_[f];
    std::vector<io::RowError> rejects;
    auto read = extract::read_documents(path, rejects);
    if (!read) return make_error(read.error());
    std::error_code ec;
    auto size = static_cast<int64_t>(std::filesystem::file_size(path, ec));
    std::string format = read->empty() ? "text" : read->front().format;
    auto file_id = store_.add_run_file(run_id_, path, format, ec ? 0 : size, "");
    if (!file_id) return make_error(file_id.error());
    FileState& file = files_.emplace_back();
    for (const io::RowError& r : rejects) {
      if (Status s = store_.add_reject(run_id_, r); !s) return s;
      file.reject_lines += fmt::format("sitrep ingest: {}:{}:{}: {} (kept in the run's rejects)\n",
                                       r.file, r.line, r.column, r.reason);
    }
    documents = std::move(*read);
    file.file_id = *file_id;
    file.result.counts.rejected = static_cast<int64_t>(rejects.size());
    return Status::success();
  }

  // Whether a report must be extracted: not when it is stored with its text already. The store
  // is asked before the batches taken earlier are written, so a report whose id is in one of
  // them is always extracted and its write decides, as it would have one at a time (an id given
  // "three" then "two" is replaced twice, and ends with "two"); any other id's answer is the one
  // the store would give at its turn.
  Result<bool> needs_extraction(size_t f, const extract::Document& d) {
    if (!ids_in_flight_.contains(d.id)) {
      auto known = reports_.holds(d.id, extract::text_hash_id(extract::full_text(d)));
      if (!known) return make_error(fmt::format("{}:{}: {}", paths_[f], d.line, known.error()));
      if (*known) {
        ++files_[f].result.counts.rows_read;
        ++files_[f].result.counts.unchanged;
        ++done_;
        return false;
      }
    }
    ++ids_in_flight_[d.id];
    return true;
  }

  static void count(FileResult& result, store::WriteOutcome outcome, const store::ReportRow& row) {
    ++result.counts.rows_read;
    switch (outcome) {
      case store::WriteOutcome::inserted:
        ++result.counts.inserted;
        break;
      case store::WriteOutcome::updated:
        ++result.counts.updated;
        break;
      default:
        ++result.counts.unchanged;
        return;
    }
    result.mentions += static_cast<int64_t>(row.mentions.size());
    if (row.mentions.empty()) ++result.empty;
  }

  // Closes, in order, the files whose reports have all been looked at and written.
  Status close_finished_files() {
    while (closed_count_ < files_.size() && batches_.finished(closed_count_)) {
      FileState& file = files_[closed_count_];
      file.result.counts.rows_read += file.result.counts.rejected;
      if (Status s = store_.finish_run_file(file.file_id, file.result.counts); !s) return s;
      std::cerr << file.reject_lines;
      if (closed_) closed_(closed_count_, file.result);
      ++closed_count_;
    }
    return Status::success();
  }

  const std::vector<std::string>& paths_;
  store::SqliteStore& store_;
  store::ReportStore& reports_;
  int64_t run_id_;
  Progress progress_;
  Closed closed_;
  std::vector<FileState> files_;  // one per file read
  // Ids of the reports taken by batches and not written yet (at most two batches' worth), with
  // how many.
  std::unordered_map<std::string, int> ids_in_flight_;
  extract::ReportBatches batches_;
  size_t closed_count_ = 0;
  int64_t done_ = 0;
};

int run_ingest(IngestArgs& args, const GlobalOptions& global) {
  auto context = open_context_for("ingest", global);
  if (!context) return kExitFailure;
  auto extractor = open_extractor(global, args.country);
  if (!extractor) {
    std::cerr << "sitrep ingest: " << extractor.error() << '\n';
    return kExitFailure;
  }
  // Reports are extracted a batch at a time on every core and written in their order by this
  // thread (the store's connection is this thread's), while the other threads extract the next.
  extract::ParallelExtraction extraction(*extractor, args.threads);
  store::SqliteStore& store = *context->store;
  store::ReportStore reports(store);
  if (Status s = reports.begin(); !s) {
    std::cerr << "sitrep ingest: " << s.error() << '\n';
    return kExitFailure;
  }
  std::string command = "ingest";
  for (const std::string& f : args.files) command += " " + f;
  auto run_id = store.begin_run(command);
  if (!run_id) {
    reports.rollback();
    std::cerr << "sitrep ingest: " << run_id.error() << '\n';
    return kExitFailure;
  }
  store::RunCounts total;
  int64_t mentions = 0, empty = 0;
  ProgressLine progress_line(args.quiet, args.progress);
  IngestRun::Progress progress;
  if (progress_line.shown()) {
    progress = [&](size_t f, double share, int64_t done) {
      progress_line.show(args.files[f], f, args.files.size(), share, done, "reports");
    };
  }
  auto closed = [&](size_t f, const FileResult& r) {
    total += r.counts;
    mentions += r.mentions;
    empty += r.empty;
    if (args.quiet) return;
    progress_line.clear();
    std::cerr << fmt::format(
        "{}: {} reports ({} new, {} replaced, {} unchanged), {} events, "
        "{} with nothing to extract, {} rejected\n",
        args.files[f], r.counts.rows_read - r.counts.rejected, r.counts.inserted, r.counts.updated,
        r.counts.unchanged, r.mentions, r.empty, r.counts.rejected);
  };
  IngestRun run(args.files, store, reports, *run_id, progress, closed);
  Status ingested = extraction.run([&](size_t) { return run.next_batch(); },
                                   [&](const extract::ParallelExtraction::Batch& batch,
                                       std::vector<extract::ReportExtraction>& extracted) {
                                     return run.write_batch(batch, extracted);
                                   });
  progress_line.clear();
  if (ingested && !run.finished()) ingested = make_error("a file was left unfinished (a bug)");
  if (!ingested) {
    reports.rollback();
    std::cerr << "sitrep ingest: " << ingested.error()
              << "\nNothing was stored (the store is as it was).\n";
    return kExitFailure;
  }
  if (Status s = store.finish_run(*run_id, total); !s) {
    reports.rollback();
    std::cerr << "sitrep ingest: " << s.error() << '\n';
    return kExitFailure;
  }
  if (Status s = reports.commit(); !s) {
    reports.rollback();
    std::cerr << "sitrep ingest: " << s.error() << '\n';
    return kExitFailure;
  }
  auto stored = reports.count_reports();
  auto stored_mentions = reports.count_mentions();
  std::cout << fmt::format(
      "run {}: {} reports read, {} new, {} replaced, {} unchanged, {} rejected; {} events "
      "extracted, reports with no event: {}. The store holds {} reports and {} extracted "
      "events.\n",
      *run_id, total.rows_read, total.inserted, total.updated, total.unchanged, total.rejected,
      mentions, empty, stored ? *stored : -1, stored_mentions ? *stored_mentions : -1);
  return total.rejected > 0 ? kExitFailure : kExitOk;
}

}  // namespace

Runner add_ingest_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read reports (plain text, JSONL news items, Telegram exports), extract their events and "
      "store both, with where each came from.\n"
      "Examples:\n"
      "  sitrep ingest news.jsonl\n"
      "  sitrep ingest channel/result.json reports/*.txt --country AF\n"
      "A report is known by its id (given in JSONL, else a hash of its text): ingesting the same "
      "file again adds nothing; a report whose text changed is replaced with its events. Reports "
      "with nothing extractable are stored too. All files go in one transaction: if one cannot "
      "be read, nothing is stored. Records that cannot be read are listed and kept in the run's "
      "rejects (sitrep rejects), and the exit status is 1.");
  cmd->add_option("files", args->files, "Report files")->required()->check(CLI::ExistingFile);
  cmd->add_option("--country", args->country,
                  "ISO2 of the country the reports are about, for reports that name no place");
  cmd->add_flag("--quiet", args->quiet, "No per-file lines and no progress display");
  cmd->add_flag("--progress", args->progress,
                "Report progress on stderr even when it is not a terminal (a line a second)");
  cmd->add_option("--threads", args->threads,
                  "Threads extracting reports (default 0: one per core); the results are the "
                  "same for any number")
      ->check(CLI::Range(0, 256));
  return [args, &global] { return run_ingest(*args, global); };
}

}  // namespace sitrep::cli
