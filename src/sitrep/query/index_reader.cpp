// EventIndex::build: the store's events read back from its column chunks and, where no chunk holds
// them unchanged, from their rows in rowid order (two threads over halves of the rows when they
// are many), then merged and packed.
#include <algorithm>
#include <cmath>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "sitrep/query/detail/column_chunk.hpp"
#include "sitrep/query/detail/event_rows.hpp"
#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/query/worker_pool.hpp"
#include "sitrep/store/mapped_reads.hpp"
#include "sitrep/store/small_page_cache.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::query {
namespace {

using namespace detail;

int64_t ids_in(const std::vector<IdRange>& ranges) {
  int64_t n = 0;
  for (const IdRange& r : ranges) n += r.end - r.first;
  return n;
}

// `ranges` cut in two lists holding about half the ids each (a range may be split).
std::pair<std::vector<IdRange>, std::vector<IdRange>> halves(const std::vector<IdRange>& ranges) {
  std::pair<std::vector<IdRange>, std::vector<IdRange>> out;
  int64_t left = ids_in(ranges) / 2;
  for (IdRange r : ranges) {
    if (left > 0) {
      int64_t take = std::min(left, r.end - r.first);
      out.first.push_back({r.first, r.first + take});
      left -= take;
      r.first += take;
    }
    if (r.first < r.end) out.second.push_back(r);
  }
  return out;
}

// The rows of `part` whose ids are not in `dropped` (sorted).
void drop_rows(Part& part, const std::vector<int64_t>& dropped) {
  RawEvents& raw = part.raw;
  const size_t n = raw.id.size();
  std::vector<uint32_t> new_row(n, UINT32_MAX);
  uint32_t kept = 0;
  for (size_t r = 0; r < n; ++r) {
    if (!std::binary_search(dropped.begin(), dropped.end(), raw.id[r])) new_row[r] = kept++;
  }
  if (kept == n) return;
  for_each_row_column(raw, [&](auto& column) {
    for (size_t r = 0; r < n; ++r) {
      if (new_row[r] != UINT32_MAX) column[new_row[r]] = column[r];
    }
    column.resize(kept);
  });
  auto renumbered = [&](auto& entries) {
    std::erase_if(entries, [&](const auto& e) { return new_row[e.row] == UINT32_MAX; });
    for (auto& e : entries) e.row = new_row[e.row];
  };
  renumbered(raw.exact);
  renumbered(raw.assoc1);
  renumbered(raw.assoc2);
}

// What a build took from the column chunks.
struct ChunksRead {
  std::vector<IdRange> held;   // ids the chunks held: ascending, disjoint
  std::vector<int64_t> stale;  // ids inside `held` changed since: to read from their rows
  int64_t events = 0;          // events taken from the chunks
};

// Ids of events changed or deleted since their chunk was written, ascending.
Result<std::vector<int64_t>> stale_ids(sqlite3* db) {
  std::vector<int64_t> ids;
  auto stmt = store::Statement::prepare(db, "SELECT id FROM event_columns_stale ORDER BY id");
  if (!stmt) return std::move(stmt).take_error();
  while (true) {
    auto row = stmt->step();
    if (!row) return std::move(row).take_error();
    if (!*row) return ids;
    ids.push_back(stmt->column_int(0));
  }
}

// Adds the store's column chunks over [min_id, max_id] to `merger`, without their stale events.
// Two threads take turns stepping the one statement (each copies its chunk out under a lock)
// and decode and merge their chunks while the other reads. A chunk that is corrupt, of another
// layout, or overlapping the one before is skipped: its events are read from their rows.
Result<ChunksRead> read_chunks(sqlite3* db, int64_t min_id, int64_t max_id,
                               const BuildProgress& progress, PartMerger& merger) {
  ChunksRead out;
  auto stmt = store::Statement::prepare(
      db,
      "SELECT first_id, last_id, layout, data FROM event_columns WHERE last_id >= ? AND "
      "first_id <= ? ORDER BY first_id");
  // A store without them (left at version 5, read-only): every event is read from its row. So
  // is every event of a store whose list of changed events cannot be read.
  if (!stmt) return out;
  auto stale = stale_ids(db);
  if (!stale) return out;
  stmt->bind(1, min_id);
  stmt->bind(2, max_id);
  sqlite3_stmt* s = stmt->handle();
  std::mutex reading, merging;
  int64_t previous_end = INT64_MIN;
  int rc = SQLITE_ROW;
  // The next chunk to decode, copied into `blob`; false when none is left.
  auto next = [&](std::string& blob, IdRange& range) {
    std::lock_guard lock(reading);
    while (rc == SQLITE_ROW && (rc = sqlite3_step(s)) == SQLITE_ROW) {
      int64_t first = sqlite3_column_int64(s, 0), last = sqlite3_column_int64(s, 1);
      if (sqlite3_column_int(s, 2) != kChunkLayout || first < min_id || last > max_id ||
          first < previous_end) {
        continue;
      }
      previous_end = last + 1;
      blob.assign(static_cast<const char*>(sqlite3_column_blob(s, 3)),
                  static_cast<size_t>(sqlite3_column_bytes(s, 3)));
      range = {first, last + 1};
      return true;
    }
    return false;
  };
  auto decode_and_merge = [&](size_t) {
    std::string blob;
    IdRange range;
    while (next(blob, range)) {
      auto part = decode_chunk(blob);
      if (!part || part->raw.id.empty() || part->raw.id.front() != range.first ||
          part->raw.id.back() != range.end - 1) {
        continue;
      }
      auto from = std::lower_bound(stale->begin(), stale->end(), range.first);
      auto to = std::lower_bound(from, stale->end(), range.end);
      std::vector<int64_t> changed(from, to);
      if (!changed.empty()) drop_rows(*part, changed);
      std::lock_guard lock(merging);
      out.stale.insert(out.stale.end(), changed.begin(), changed.end());
      out.events += static_cast<int64_t>(part->raw.id.size());
      out.held.push_back(range);
      merger.add(std::move(part).value());
      if (progress) progress(out.events, max_id - min_id + 1);
    }
  };
  run_parts(2, decode_and_merge);
  if (rc != SQLITE_DONE) {
    return make_error(fmt::format("reading column chunks: {}", sqlite3_errmsg(db)));
  }
  auto by_first = [](const IdRange& a, const IdRange& b) { return a.first < b.first; };
  std::sort(out.held.begin(), out.held.end(), by_first);
  std::sort(out.stale.begin(), out.stale.end());
  return out;
}

// The ids of [min_id, max_id] outside `held`.
std::vector<IdRange> gaps_between(const std::vector<IdRange>& held, int64_t min_id,
                                  int64_t max_id) {
  std::vector<IdRange> gaps;
  int64_t next = min_id;
  for (const IdRange& r : held) {
    if (r.first > next) gaps.push_back({next, r.first});
    next = std::max(next, r.end);
  }
  if (next <= max_id) gaps.push_back({next, max_id + 1});
  return gaps;
}

// `ranges` with the ids `ids` (ascending, none inside `ranges`) added, runs of consecutive ids as
// one range, all in ascending order.
std::vector<IdRange> with_ids(const std::vector<IdRange>& ranges, const std::vector<int64_t>& ids) {
  std::vector<IdRange> out = ranges;
  for (int64_t id : ids) add_to_runs(out, id);
  std::sort(out.begin(), out.end(),
            [](const IdRange& a, const IdRange& b) { return a.first < b.first; });
  return out;
}

Result<std::pair<int64_t, int64_t>> id_bounds(sqlite3* db) {
  auto stmt = store::Statement::prepare(
      db,
      // Two subqueries: SQLite answers a lone min() or max() from the end of the rowid b-tree,
      // but both in one SELECT scan the whole table (0.8 s over 10M events).
      "SELECT coalesce((SELECT min(id) FROM events), 0), coalesce((SELECT max(id) FROM events), "
      "0)");
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return std::make_pair(stmt->column_int(0), stmt->column_int(1));
}

// A second read-only connection to the store's file, in a read transaction of its own.
struct ReaderConnection {
  sqlite3* db = nullptr;
  ~ReaderConnection() {
    if (db) {
      (void)store::exec(db, "COMMIT");
      sqlite3_close(db);
    }
  }
};

}  // namespace

double share_in_column_chunks(store::SqliteStore& store) {
  sqlite3* db = store.handle();
  auto bounds = id_bounds(db);
  auto stmt = store::Statement::prepare(
      db,
      "SELECT (SELECT coalesce(sum(last_id - first_id + 1), 0) FROM event_columns) - (SELECT "
      "count(*) FROM event_columns_stale)");
  if (!bounds || !stmt) return 0;  // no chunks at all: a store left at schema version 5
  auto row = stmt->step();
  if (!row || !*row) return 0;
  auto [min_id, max_id] = *bounds;
  if (max_id == 0) return 0;  // no events
  const double held = static_cast<double>(stmt->column_int(0));
  return std::clamp(held / static_cast<double>(max_id - min_id + 1), 0.0, 1.0);
}

Result<EventIndex> EventIndex::build(store::SqliteStore& store, const BuildOptions& options,
                                     BuildReport* report) {
  const BuildProgress& progress = options.progress;
  sqlite3* db = store.handle();
  // One read transaction: the stamp and the rows come from the same state of the store.
  if (Status s = store::exec(db, "BEGIN"); !s) return make_error(s.error());
  struct EndRead {
    sqlite3* db;
    ~EndRead() { (void)store::exec(db, "COMMIT"); }
  } end_read{db};
  auto stamp = store.stamp();
  if (!stamp) return std::move(stamp).take_error();
  auto bounds = id_bounds(db);
  if (!bounds) return std::move(bounds).take_error();
  auto [min_id, max_id] = *bounds;
  const int64_t total = max_id - min_id + 1;
  const store::MappedReads mapped(db);
  const store::SmallPageCache small_cache(db);

  PartMerger merger(static_cast<size_t>(total));
  ChunksRead held;
  if (options.read_chunks && max_id > 0) {
    auto read = read_chunks(db, min_id, max_id, progress, merger);
    if (!read) return std::move(read).take_error();
    held = std::move(read).value();
  }
  // What the chunks do not hold, and the events changed since theirs was written.
  const std::vector<IdRange> gaps = with_ids(gaps_between(held.held, min_id, max_id), held.stale);
  const int64_t rows = ids_in(gaps);

  // Many rows are read by two threads, each over half of them on its own connection; the
  // second connection must see the same state of the store (same stamp), else one thread reads.
  const char* file = sqlite3_db_filename(db, "main");
  ReaderConnection second;
  bool split =
      rows >= options.parallel_from && file && *file && std::thread::hardware_concurrency() > 1 &&
      sqlite3_open_v2(file, &second.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) ==
          SQLITE_OK &&
      store::exec(second.db, "BEGIN").ok();
  if (split) {
    auto other = store::stamp_of(second.db);
    split = other.ok() && *other == *stamp;
  }
  auto [mine, theirs] = split ? halves(gaps) : std::make_pair(gaps, std::vector<IdRange>());
  std::vector<Part> parts(split ? 2 : 1);
  {
    std::thread helper;
    if (split) {
      helper = std::thread([&, theirs = theirs] {
        const store::MappedReads mapped_second(second.db);
        parts[1].status = read_rows(second.db, theirs, parts[1], ids_in(theirs), {});
      });
    }
    parts[0].status =
        read_rows(db, mine, parts[0], ids_in(mine), held.held.empty() ? progress : BuildProgress());
    if (helper.joinable()) helper.join();
  }
  int64_t from_rows = 0;
  for (Part& p : parts) {
    if (!p.status) return make_error(p.status.error());
    from_rows += static_cast<int64_t>(p.raw.id.size());
    merger.add(std::move(p));
  }
  Dictionaries dictionaries;
  RawEvents raw = merger.finish(dictionaries);
  BuildReport done{held.events, from_rows, {}};
  auto index = options.snapshot_path.empty()
                   ? index_of_rows(std::move(raw), dictionaries, *stamp)
                   : saved_index_of_rows(std::move(raw), dictionaries, *stamp,
                                         options.snapshot_path, done.save_error);
  if (report) *report = std::move(done);
  return index;
}

}  // namespace sitrep::query
