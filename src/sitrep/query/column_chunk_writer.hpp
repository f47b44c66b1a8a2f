// Writes the store's column chunks (the `event_columns` table) as an import inserts events: the
// indexed columns of every 65,536 consecutive events, in one blob with its own dictionaries
// (detail/column_chunk.hpp). A rebuild of the query index reads them instead of the wide event
// rows, several times faster. The chunks are written inside the import's transaction, so they
// commit or roll back with the events. Events that change later are marked by the store's
// triggers (`event_columns_stale`) and read from their rows on a rebuild; events no chunk
// holds (written by an older sitrep, by another path, or whose chunk failed to be written) are
// read from their rows too. So that the stale list stays short however often events are revised,
// every import ends by writing again, from the rows as they then stand, each chunk of which an
// eighth or more of the events changed since it was written: after an import, a rebuild reads
// fewer than an eighth of any chunk's events from their rows (changes made by other programs
// since excepted).
#pragma once

#include <memory>

#include "sitrep/model/event.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::query {

class ColumnChunkWriter {
 public:
  // `chunk_events`: events per chunk, at most 65,536 (smaller only in tests).
  explicit ColumnChunkWriter(store::SqliteStore& store, uint32_t chunk_events = 65536);
  ~ColumnChunkWriter();
  ColumnChunkWriter(const ColumnChunkWriter&) = delete;
  ColumnChunkWriter& operator=(const ColumnChunkWriter&) = delete;

  // An event the store has just inserted (its id set). A chunk holds consecutive ids only: an
  // id that does not follow the last one starts a new chunk.
  void add(const model::Event& event);
  // Writes what is still buffered, then writes again every chunk an eighth of whose events
  // changed since it was written (one chunk per run of 32 or more consecutive ids left; events
  // in shorter runs, between deleted ones, are then read from their rows): call it before the
  // import commits. Returns the first error of any write. A chunk that failed is simply missing
  // (its events are read from their rows), so the caller may go on with the import and warn.
  Status finish();

 private:
  struct Buffer;
  std::unique_ptr<Buffer> buffer_;
};

}  // namespace sitrep::query
