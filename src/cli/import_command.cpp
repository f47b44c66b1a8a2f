// sitrep import FILE... — load dataset exports into the store, all or nothing.
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "commands.hpp"
#include "progress_line.hpp"
#include "sitrep/geo/admin_assignment.hpp"
#include "sitrep/query/column_chunk_writer.hpp"
#include "sitrep/query/event_index.hpp"
#include "sitrep/query/index_snapshot.hpp"
#include "sitrep/store/importer.hpp"

namespace sitrep::cli {
namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string format;
  bool dry_run = false;
  int64_t max_rejects = -2;  // -2: the default for the mode
  std::string rejects_out;
  bool quiet = false;
  bool progress = false;
  bool no_admin_fill = false;
};

constexpr size_t kRejectsShown = 20;

void print_rejects(const store::ImportReport& report) {
  for (size_t i = 0; i < report.rejects.size() && i < kRejectsShown; ++i) {
    std::cerr << "  " << report.rejects[i].message() << '\n';
  }
  if (report.rejects.size() > kRejectsShown) {
    std::cerr << fmt::format(
        "  … and {} more\n",
        thousands(static_cast<int64_t>(report.rejects.size() - kRejectsShown)));
  }
}

Status write_rejects_file(const std::string& path, const store::ImportReport& report) {
  std::ofstream out(path);
  if (!out) return make_error(fmt::format("{}: cannot write", path));
  out << "file\tline\tcolumn\tfield\treason\traw\n";
  auto clean = [](std::string text) {
    for (char& c : text) c = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return text;
  };
  for (const io::RowError& e : report.rejects) {
    out << clean(e.file) << '\t' << e.line << '\t' << e.column << '\t' << clean(e.field) << '\t'
        << clean(e.reason) << '\t' << clean(e.raw) << '\n';
  }
  return Status::success();
}

// The store's snapshot if it is current, else nothing (the next query rebuilds it).
std::optional<query::EventIndex> current_index(Context& context) {
  auto stamp = context.store->stamp();
  auto index = query::EventIndex::open_snapshot(query::snapshot_path_for(context.db_path));
  if (!stamp || !index || !(index->stamp() == *stamp)) return std::nullopt;
  return std::move(*index);
}

// A later import leaves the query index current by rebuilding it from the store's column chunks
// when they hold at least this share of the events. After an import of 10 revisions into 10M
// events that took 2.1-5.3 s (median 2.6), against 3.3-9.0 s (median 3.5) for unpacking,
// extending and repacking the snapshot it followed, five pairs alternated (bench/README.md).
constexpr double kRebuildFromChunksAbove = 0.9;

// Rebuilds the snapshot at `path` from the store (its column chunks, mostly).
Status rebuild_snapshot(Context& context, const std::string& path) {
  query::BuildReport report;
  auto built = query::EventIndex::build(*context.store, {.snapshot_path = path}, &report);
  if (!built) return make_error(built.error());
  if (!report.save_error.empty()) return make_error(report.save_error);
  return Status::success();
}

// Saves the index an import followed: the events of a first load, or, after a later import into
// a store whose snapshot was current, the store's index again (rebuilt from its column chunks
// when they hold nearly every event, else `base` with the events the import wrote). `base` is
// used only if this import alone changed the store since it was stamped (one generation later);
// otherwise the next query rebuilds the index. A failure costs nothing but time.
void save_followed_index(Context& context, query::EventIndexBuilder& builder,
                         const query::EventIndex* base, bool first_load) {
  auto started = std::chrono::steady_clock::now();
  auto stamp = context.store->stamp();
  if (!stamp) return;
  size_t events = builder.size();
  const std::string path = query::snapshot_path_for(context.db_path);
  Status saved;
  std::string how;
  if (first_load) {
    saved = builder.save(*stamp, path);
  } else if (base && events > 0 && base->stamp().store_id == stamp->store_id &&
             base->stamp().generation + 1 == stamp->generation) {
    if (query::share_in_column_chunks(*context.store) >= kRebuildFromChunksAbove) {
      saved = rebuild_snapshot(context, path);
      how = ", rebuilt from the store's column chunks";
    } else {
      saved = builder.save_over(*base, *stamp, path);
    }
  } else {
    return;
  }
  if (!saved) {
    std::cerr << "warning: the query index could not be saved (" << saved.error()
              << "); the first query will build it\n";
    return;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("Query index {} {} events in {:.1f} s{}.\n",
                           first_load ? "written:" : "updated with",
                           thousands(static_cast<int64_t>(events)), seconds, how);
}

int run_import(const ImportArgs& args, const GlobalOptions& global, const std::string& command) {
  std::optional<io::Format> format;
  if (!args.format.empty()) {
    format = io::parse_format(args.format);
    if (!format) {
      std::cerr << "sitrep import: --format must be acled, ucdp-ged, gtd or jsonl\n";
      return kExitUsage;
    }
  }
  auto context = open_context_for("import", global);
  if (!context) return kExitFailure;
  store::ImportOptions options;
  options.format = format;
  options.dry_run = args.dry_run;
  options.max_rejects = args.max_rejects != -2 ? args.max_rejects
                        : args.dry_run         ? -1
                                               : store::kDefaultMaxRejects;
  options.command = command;
  ProgressLine progress(args.quiet, args.progress);
  auto started = std::chrono::steady_clock::now();
  if (progress.shown()) {
    options.progress = [&](size_t file, double fraction, int64_t rows) {
      progress.show(args.files[file], file, args.files.size(), fraction, rows, "rows");
    };
  }
  // The query index follows the import: a first load builds it from the events as they are
  // written, and an import into a store whose snapshot is current adds the events it writes to
  // that snapshot. Either way the first query after it need not read the store back.
  std::unique_ptr<query::EventIndexBuilder> index_builder;
  std::optional<query::EventIndex> base_index;
  auto held = context->store->holds_events();
  if (!args.dry_run && held) {
    if (*held) base_index = current_index(*context);
    if (!*held || base_index) {
      index_builder = std::make_unique<query::EventIndexBuilder>();
      options.on_written = [&](const model::Event& e) { index_builder->add(e); };
    }
  }
  // Admin areas from coordinates (geo/admin_assignment.hpp): on unless --no-admin-fill; a
  // gazetteer that cannot be opened costs the filling, not the import.
  std::unique_ptr<geo::AdminAssigner> assigner;
  if (!args.no_admin_fill) {
    auto gazetteer = open_gazetteer(global);
    if (gazetteer) {
      assigner = std::make_unique<geo::AdminAssigner>(gazetteer->gazetteer);
      options.enrich = [&](model::Event& e) { assigner->assign(e); };
    } else {
      std::cerr << "warning: no admin areas from coordinates: " << gazetteer.error() << '\n';
    }
  }
  // What the filling did, counted on the events written (not on rows found unchanged).
  geo::AdminAssignmentCounts placed;
  if (assigner) {
    options.on_written = [&placed, &assigner, index = options.on_written](const model::Event& e) {
      if (index) index(e);
      if (!e.admin_filled.empty()) ++placed.filled;
      if (!e.geo_check.empty()) ++placed.flagged;
      if (e.latitude && e.longitude && e.geo_check.empty() &&
          assigner->outside_every_polygon(*e.latitude, *e.longitude)) {
        ++placed.unplaced;
      }
    };
  }
  // The column chunks, written with the events they hold, let a later rebuild of the query
  // index skip the wide event rows (query/column_chunk_writer.hpp).
  query::ColumnChunkWriter chunks(*context->store);
  if (!args.dry_run) {
    options.on_inserted = [&chunks](const model::Event& e) { chunks.add(e); };
    // A chunk that could not be written costs a later rebuild speed, not the import: if the
    // transaction itself failed, the commit says so.
    options.before_commit = [&chunks] {
      if (Status s = chunks.finish(); !s) {
        std::cerr << "warning: some column chunks were not written (" << s.error()
                  << "); a rebuild of the query index will read those events from the store\n";
      }
      return Status::success();
    };
  }
  auto report = store::import_files(*context->store, args.files, context->vocabulary, options);
  progress.clear();
  if (!report) {
    std::cerr << "sitrep import: " << report.error() << "\nNothing was imported; the store is "
              << "unchanged.\n";
    return kExitFailure;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  for (const store::FileReport& f : report->files) {
    const store::RunCounts& c = f.counts;
    std::cout << fmt::format(
        "{} ({}): {} rows read, {} new, {} revised, {} unchanged, {} "
        "rejected\n",
        f.path, io::to_string(f.format), thousands(c.rows_read), thousands(c.inserted),
        thousands(c.updated), thousands(c.unchanged), thousands(c.rejected));
  }
  if (assigner && !args.dry_run &&
      (placed.filled > 0 || placed.flagged > 0 || placed.unplaced > 0)) {
    std::cout << fmt::format(
        "Admin areas from coordinates, of the events written: filled in for {}; {} flagged "
        "where the stated place disagrees with the coordinates (sitrep show ID, field "
        "geo_check); {} with coordinates outside the gazetteer's polygons\n",
        thousands(placed.filled), thousands(placed.flagged), thousands(placed.unplaced));
  }
  if (!args.rejects_out.empty()) {
    if (Status s = write_rejects_file(args.rejects_out, *report); !s) {
      std::cerr << "sitrep import: " << s.error() << '\n';
    }
  }
  if (!report->rejects.empty()) {
    std::cerr << fmt::format("{} rejected row(s):\n", thousands(report->totals.rejected));
    print_rejects(*report);
  }
  if (!report->abort_reason.empty()) {
    std::cerr << "sitrep import: " << report->abort_reason
              << "; the store is unchanged. Fix the rows, or raise --max-rejects to import the "
                 "valid rows and keep the rejects"
              << (args.rejects_out.empty() ? " (--rejects-out FILE lists them all)" : "") << ".\n";
    return kExitFailure;
  }
  if (args.dry_run) {
    std::cout << "Dry run: nothing was written to " << context->db_path << ".\n";
    return report->totals.rejected > 0 ? kExitFailure : kExitOk;
  }
  std::cout << fmt::format("Run {} committed to {} in {:.1f} s ({:.0f} rows/s).", report->run_id,
                           context->db_path, seconds,
                           report->totals.rows_read / std::max(seconds, 1e-6));
  if (report->totals.rejected > 0) {
    std::cout << fmt::format(" Rejected rows are kept: sitrep rejects {}", report->run_id);
  }
  std::cout << '\n';
  if (index_builder) {
    save_followed_index(*context, *index_builder, base_index ? &*base_index : nullptr,
                        report->mode == store::SqliteStore::ImportMode::bulk_load);
  }
  return kExitOk;
}

}  // namespace

Runner add_import_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Import ACLED, UCDP GED, GTD or sitrep JSONL files into the store.\n"
      "The format is detected from each file's header. The whole command is one transaction:\n"
      "if a file cannot be read, or more rows are rejected than --max-rejects allows, nothing\n"
      "is written. Re-importing a file adds nothing; a changed record becomes a new revision.");
  cmd->add_option("files", args->files, "Files to import")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format", args->format, "Force a format: acled, ucdp-ged, gtd, jsonl");
  cmd->add_flag("--dry-run", args->dry_run,
                "Validate and count what would change, then write nothing (exit 1 if any row "
                "would be rejected)");
  cmd->add_option("--max-rejects", args->max_rejects,
                  fmt::format("Abort (writing nothing) when more rows than this are rejected; "
                              "-1 for no limit (default {} for an import, no limit for a dry "
                              "run)",
                              store::kDefaultMaxRejects));
  cmd->add_option("--rejects-out", args->rejects_out,
                  "Also write every rejected row to this TSV file (file, line, column, field, "
                  "reason, raw)");
  cmd->add_flag("--no-admin-fill", args->no_admin_fill,
                "Do not fill missing admin1/admin2 from the coordinates (by default they are, "
                "from the gazetteer's polygons, and marked as derived)");
  cmd->add_flag("--quiet", args->quiet, "No progress display");
  cmd->add_flag("--progress", args->progress,
                "Report progress on stderr even when it is not a terminal (a line a second)");
  return [args, &global] {
    std::string command = "sitrep import";
    for (const std::string& f : args->files) command += " " + f;
    return run_import(*args, global, command);
  };
}

}  // namespace sitrep::cli
