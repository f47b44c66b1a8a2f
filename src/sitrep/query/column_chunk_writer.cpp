#include "sitrep/query/column_chunk_writer.hpp"

#include <algorithm>

#include "sitrep/query/detail/column_chunk.hpp"
#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::query {

using namespace detail;

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
    auto replace = store::Statement::prepare(
        db, "DELETE FROM event_columns WHERE last_id >= ?1 AND first_id <= ?2");
    auto fresh =
        store::Statement::prepare(db, "DELETE FROM event_columns_stale WHERE id BETWEEN ?1 AND ?2");
    auto insert = store::Statement::prepare(
        db, "INSERT INTO event_columns (first_id, last_id, layout, data) VALUES (?, ?, ?, ?)");
    for (auto* stmt : {&replace, &fresh, &insert}) {
      if (!*stmt) return make_error(stmt->error());
    }
    for (auto* stmt : {&replace, &fresh}) {
      (*stmt)->bind(1, ids.front());
      (*stmt)->bind(2, ids.back());
      if (Status s = (*stmt)->run(); !s) return s;
    }
    std::string blob = encode_chunk(run);
    insert->bind(1, ids.front());
    insert->bind(2, ids.back());
    insert->bind(3, kChunkLayout);
    sqlite3_bind_blob64(insert->raw(), 4, blob.data(), blob.size(), SQLITE_STATIC);
    return insert->run();
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
  return buffer_->status;
}

}  // namespace sitrep::query
