#include "sitrep/query/column_chunk_writer.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "sitrep/query/detail/column_chunk.hpp"
#include "sitrep/query/detail/event_rows.hpp"
#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::query {

using namespace detail;

namespace {

// A chunk is written again once this share of its events changed since it was written.
constexpr int64_t kRewriteWhenOneIn = 8;
// When a chunk is written again, a run of consecutive ids shorter than this (events deleted here
// and there) gets no chunk: its events are read from their rows, as a chunk of a few events
// would cost more in dictionaries than it saves.
constexpr int64_t kMinRunEvents = 32;

Status insert_chunk(sqlite3* db, const Part& part) {
  auto insert = store::Statement::prepare(
      db, "INSERT INTO event_columns (first_id, last_id, layout, data) VALUES (?, ?, ?, ?)");
  if (!insert) return make_error(insert.error());
  std::string blob = encode_chunk(part);
  insert->bind(1, part.raw.id.front());
  insert->bind(2, part.raw.id.back());
  insert->bind(3, kChunkLayout);
  sqlite3_bind_blob64(insert->raw(), 4, blob.data(), blob.size(), SQLITE_STATIC);
  return insert->run();
}

// Deletes the chunks over ids [first, last] and the stale marks of those ids.
Status forget_range(sqlite3* db, int64_t first, int64_t last) {
  for (const char* sql : {"DELETE FROM event_columns WHERE last_id >= ?1 AND first_id <= ?2",
                          "DELETE FROM event_columns_stale WHERE id BETWEEN ?1 AND ?2"}) {
    auto stmt = store::Statement::prepare(db, sql);
    if (!stmt) return make_error(stmt.error());
    stmt->bind(1, first);
    stmt->bind(2, last);
    if (Status s = stmt->run(); !s) return s;
  }
  return Status::success();
}

// The runs of consecutive ids of the events now in [first, last].
Result<std::vector<IdRange>> runs_of_ids(sqlite3* db, int64_t first, int64_t last) {
  auto stmt = store::Statement::prepare(db, "SELECT id FROM events WHERE id BETWEEN ? AND ?");
  if (!stmt) return std::move(stmt).take_error();
  stmt->bind(1, first);
  stmt->bind(2, last);
  std::vector<IdRange> runs;
  while (true) {
    auto row = stmt->step();
    if (!row) return std::move(row).take_error();
    if (!*row) return runs;
    add_to_runs(runs, stmt->column_int(0));
  }
}

// Writes the chunk over [first, last] again from the rows as they now stand (one chunk per run
// of at least kMinRunEvents consecutive ids left), and clears those ids from the stale list. The
// rows are read before anything is deleted; a failure after that leaves events no chunk holds,
// which a rebuild reads from their rows.
Status rewrite_chunk(sqlite3* db, int64_t first, int64_t last) {
  auto runs = runs_of_ids(db, first, last);
  if (!runs) return make_error(runs.error());
  std::vector<Part> parts;
  for (const IdRange& run : *runs) {
    if (run.end - run.first < kMinRunEvents) continue;
    if (Status s = read_rows(db, {run}, parts.emplace_back(), run.end - run.first, {}); !s) {
      return s;
    }
  }
  if (Status s = forget_range(db, first, last); !s) return s;
  for (const Part& part : parts) {
    if (part.raw.id.empty()) continue;
    if (Status s = insert_chunk(db, part); !s) return s;
  }
  return Status::success();
}

// Rewrites every chunk of which at least one event in kRewriteWhenOneIn changed since it was
// written. The stale list then stays short however often the store's events are revised: after
// an import, fewer than an eighth of any chunk's events are read from their rows on a rebuild
// (changes by other programs since excepted), and rewriting costs about eight rows read per
// change (65,536 rows, about a tenth of a second, per 8,192 changes of a full chunk). A chunk
// that cannot be written again (a row that cannot be read) does not stop the others; the first
// error is returned.
Status rewrite_stale_chunks(sqlite3* db) {
  auto stmt = store::Statement::prepare(
      db,
      "SELECT c.first_id, c.last_id FROM event_columns c WHERE (SELECT count(*) FROM "
      "event_columns_stale s WHERE s.id BETWEEN c.first_id AND c.last_id) * ?1 >= c.last_id - "
      "c.first_id + 1");
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, kRewriteWhenOneIn);
  std::vector<std::pair<int64_t, int64_t>> chunks;  // first and last ids
  while (true) {
    auto row = stmt->step();
    if (!row) return make_error(row.error());
    if (!*row) break;
    chunks.emplace_back(stmt->column_int(0), stmt->column_int(1));
  }
  Status first_error = Status::success();
  for (auto [first, last] : chunks) {
    Status s = rewrite_chunk(db, first, last);
    if (!s && first_error) first_error = s;
  }
  return first_error;
}

}  // namespace

struct ColumnChunkWriter::Buffer {
  sqlite3* db = nullptr;
  uint32_t chunk_events = kChunkEvents;
  Part part;
  std::array<Interner::Recent, kStringFields.size()> recent;
  Status status;

  // Writes the buffered run as one chunk and empties the buffer, whatever happens.
  Status write() {
    Part run = std::move(part);
    part = Part();
    recent = {};
    const std::vector<int64_t>& ids = run.raw.id;
    if (ids.empty()) return Status::success();
    // The run's ids are new, so whatever a chunk or the stale list says of them is about
    // deleted events whose ids SQLite has given out again (it reuses the largest ids once
    // they are deleted): those chunks go, and the run's events are current.
    if (Status s = forget_range(db, ids.front(), ids.back()); !s) return s;
    return insert_chunk(db, run);
  }
};

ColumnChunkWriter::ColumnChunkWriter(store::SqliteStore& store, uint32_t chunk_events)
    : buffer_(std::make_unique<Buffer>()) {
  buffer_->db = store.handle();
  buffer_->chunk_events = std::clamp<uint32_t>(chunk_events, 1, kChunkEvents);
}

ColumnChunkWriter::~ColumnChunkWriter() = default;

void ColumnChunkWriter::add(const model::Event& event) {
  Buffer& b = *buffer_;
  const std::vector<int64_t>& ids = b.part.raw.id;
  if (!ids.empty() && (ids.size() == b.chunk_events || event.id != ids.back() + 1)) {
    Status s = b.write();
    if (!s && b.status) b.status = s;
  }
  add_event(b.part, b.recent, event);
}

Status ColumnChunkWriter::finish() {
  Status s = buffer_->write();
  if (!s && buffer_->status) buffer_->status = s;
  s = rewrite_stale_chunks(buffer_->db);
  if (!s && buffer_->status) buffer_->status = s;
  return buffer_->status;
}

}  // namespace sitrep::query
