#include "sitrep/query/column_chunk_writer.hpp"

#include "sitrep/query/detail/column_chunk.hpp"
#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::query {

using namespace detail;

struct ColumnChunkWriter::Buffer {
  store::SqliteStore* store = nullptr;
  store::Statement insert;
  Part part;
  std::array<Interner::Recent, kStringFields.size()> recent;
  Status status;
  int64_t written = 0;

  Status write() {
    const std::vector<int64_t>& ids = part.raw.id;
    if (ids.empty()) return Status::success();
    if (!insert.raw()) {
      auto stmt = store::Statement::prepare(
          store->handle(),
          "INSERT INTO event_columns (first_id, last_id, layout, data) VALUES (?, ?, ?, ?)");
      if (!stmt) return make_error(stmt.error());
      insert = std::move(stmt).value();
    }
    std::string blob = encode_chunk(part);
    insert.reset();
    insert.bind(1, ids.front());
    insert.bind(2, ids.back());
    insert.bind(3, kChunkLayout);
    sqlite3_bind_blob64(insert.raw(), 4, blob.data(), blob.size(), SQLITE_STATIC);
    Status s = insert.run();
    insert.reset();  // the blob is bound without a copy
    part = Part();
    recent = {};
    if (s) ++written;
    return s;
  }
};

ColumnChunkWriter::ColumnChunkWriter(store::SqliteStore& store)
    : buffer_(std::make_unique<Buffer>()) {
  buffer_->store = &store;
}

ColumnChunkWriter::~ColumnChunkWriter() = default;

void ColumnChunkWriter::add(const model::Event& event) {
  Buffer& b = *buffer_;
  const std::vector<int64_t>& ids = b.part.raw.id;
  if (!ids.empty() && (ids.size() == kChunkEvents || event.id != ids.back() + 1)) {
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

int64_t ColumnChunkWriter::chunks_written() const {
  return buffer_->written;
}

}  // namespace sitrep::query
