// sitrep ingest — reports into the store: extract, geocode, and keep each report with its
// mentions and provenance, in one transaction; idempotent by document id and text.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/extract/extractor.hpp"
#include "sitrep/extract/parallel_extraction.hpp"
#include "sitrep/extract/report_rows.hpp"
#include "sitrep/io/thousands.hpp"
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

// Reports of a file written so far, of how many: called after each batch.
using IngestProgress = std::function<void(size_t written, size_t total)>;

// Reports are extracted a batch at a time on every core and written in their order by this
// thread (the store's connection is this thread's), while the other threads extract the next.
constexpr size_t kBatchSize = extract::ParallelExtraction::kBatchSize;

struct FileResult {
  store::RunCounts counts;
  int64_t mentions = 0;
  int64_t empty = 0;  // reports with nothing extractable
};

// Reads, extracts and writes one file's reports; rejects are kept in the run.
Result<FileResult> ingest_file(const std::string& path, extract::ParallelExtraction& extraction,
                               store::SqliteStore& store, store::ReportStore& reports,
                               int64_t run_id, const IngestProgress& progress) {
  std::vector<io::RowError> rejects;
  auto documents = extract::read_documents(path, rejects);
  if (!documents) return make_error(documents.error());
  std::error_code ec;
  auto size = static_cast<int64_t>(std::filesystem::file_size(path, ec));
  std::string format = documents->empty() ? "text" : documents->front().format;
  auto file_id = store.add_run_file(run_id, path, format, ec ? 0 : size, "");
  if (!file_id) return make_error(file_id.error());
  FileResult result;
  for (const io::RowError& r : rejects) {
    if (Status s = store.add_reject(run_id, r); !s) return make_error(s.error());
    std::cerr << fmt::format("sitrep ingest: {}:{}:{}: {} (kept in the run's rejects)\n", r.file,
                             r.line, r.column, r.reason);
  }
  result.counts.rejected = static_cast<int64_t>(rejects.size());
  // The next batch: reports not stored with their text already, which need no extraction. The
  // store is asked before the batch before is written, so a report whose id came earlier in the
  // file is always extracted and its write decides, as it would have one at a time (an id given
  // "three" then "two" again is replaced twice, and ends with "two").
  size_t position = 0;  // the first report no batch has looked at
  std::unordered_set<std::string_view> ids_seen;
  auto next_batch = [&](size_t) -> Result<extract::ParallelExtraction::Batch> {
    extract::ParallelExtraction::Batch fresh;
    for (; position < documents->size() && fresh.size() < kBatchSize; ++position) {
      const extract::Document& d = (*documents)[position];
      if (ids_seen.insert(d.id).second) {
        auto known = reports.holds(d.id, extract::text_hash_id(extract::full_text(d)));
        if (!known) return make_error(fmt::format("{}:{}: {}", path, d.line, known.error()));
        if (*known) {
          ++result.counts.rows_read;
          ++result.counts.unchanged;
          continue;
        }
      }
      fresh.push_back(&d);
    }
    return fresh;
  };
  auto write_batch = [&](const extract::ParallelExtraction::Batch& batch,
                         std::vector<extract::ReportExtraction>& extracted) -> Status {
    for (size_t k = 0; k < batch.size(); ++k) {
      const extract::Document& d = *batch[k];
      store::ReportRow row = extract::report_row(d, extracted[k]);
      auto outcome = reports.write(row, run_id, *file_id);
      if (!outcome) return make_error(fmt::format("{}:{}: {}", path, d.line, outcome.error()));
      ++result.counts.rows_read;
      switch (*outcome) {
        case store::WriteOutcome::inserted:
          ++result.counts.inserted;
          break;
        case store::WriteOutcome::updated:
          ++result.counts.updated;
          break;
        default:
          ++result.counts.unchanged;
          continue;
      }
      result.mentions += static_cast<int64_t>(row.mentions.size());
      if (row.mentions.empty()) ++result.empty;
    }
    if (progress)
      progress(static_cast<size_t>(batch.back() - documents->data()) + 1, documents->size());
    return Status::success();
  };
  if (Status s = extraction.run(next_batch, write_batch); !s) return make_error(s.error());
  result.counts.rows_read += result.counts.rejected;
  if (Status s = store.finish_run_file(*file_id, result.counts); !s) return make_error(s.error());
  return result;
}

int run_ingest(IngestArgs& args, const GlobalOptions& global) {
  auto context = open_context_for("ingest", global);
  if (!context) return kExitFailure;
  auto extractor = open_extractor(global, args.country);
  if (!extractor) {
    std::cerr << "sitrep ingest: " << extractor.error() << '\n';
    return kExitFailure;
  }
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
  store::RunCounts total;
  int64_t mentions = 0, empty = 0;
  // On a terminal, one line redrawn in place; elsewhere (--progress into a log), a line at the
  // first batch and then at most one a second.
  const bool terminal = ::isatty(STDERR_FILENO);
  const bool show_progress = !args.quiet && (terminal || args.progress);
  const auto started = std::chrono::steady_clock::now();
  double last_line = -1;
  int64_t reports_before = 0;  // reports of the files before this one
  for (size_t f = 0; f < args.files.size(); ++f) {
    const std::string& file = args.files[f];
    IngestProgress progress;
    if (show_progress) {
      progress = [&](size_t written, size_t of) {
        double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (!terminal && last_line >= 0 && seconds - last_line < 1) return;
        last_line = seconds;
        const auto done = reports_before + static_cast<int64_t>(written);
        std::cerr << fmt::format("{}  {} ({}/{}): {:3.0f}%  {} reports  {:.0f} reports/s{}",
                                 terminal ? "\r" : "", file, f + 1, args.files.size(),
                                 100.0 * static_cast<double>(written) /
                                     static_cast<double>(std::max<size_t>(of, 1)),
                                 io::thousands(done),
                                 static_cast<double>(done) / std::max(seconds, 1e-3),
                                 terminal ? "   " : "\n")
                  << std::flush;
      };
    }
    Result<FileResult> r = run_id ? ingest_file(file, extraction, store, reports, *run_id, progress)
                                  : Result<FileResult>(make_error(run_id.error()));
    if (show_progress && terminal) std::cerr << "\r\033[K";
    if (!r) {
      reports.rollback();
      std::cerr << "sitrep ingest: " << r.error()
                << "\nNothing was stored (the store is as it was).\n";
      return kExitFailure;
    }
    reports_before += r->counts.rows_read - r->counts.rejected;
    total += r->counts;
    mentions += r->mentions;
    empty += r->empty;
    if (!args.quiet) {
      std::cerr << fmt::format(
          "{}: {} reports ({} new, {} replaced, {} unchanged), {} events, "
          "{} with nothing to extract, {} rejected\n",
          file, r->counts.rows_read - r->counts.rejected, r->counts.inserted, r->counts.updated,
          r->counts.unchanged, r->mentions, r->empty, r->counts.rejected);
    }
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
