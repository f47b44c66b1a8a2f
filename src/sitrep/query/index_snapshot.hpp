// Keeping the query index beside the database: open the snapshot if it is current, else
// rebuild it and write it again.
//
// The snapshot is `<database>-index` (like SQLite's own `-wal` beside it). It is current when
// its stamp equals the store's (store id, events generation, largest event id) and every
// checksum holds; anything else (no file, another store, an import since, a torn or edited
// file, another format version) rebuilds it from the store, and says why.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "sitrep/query/event_index.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::query {

std::string snapshot_path_for(const std::string& database_path);

struct IndexEvents {
  // Called before a rebuild with the reason ("no snapshot yet", "the store changed since", ...)
  // and the number of events about to be read.
  std::function<void(const std::string& reason, int64_t events)> rebuilding;
  BuildProgress progress;
  // Called after a rebuild with where it found the events.
  std::function<void(const BuildReport&)> built;
  // Called when the rebuilt index could not be saved (it is still used).
  std::function<void(const std::string& error)> not_saved;
};

Result<std::shared_ptr<const EventIndex>> open_event_index(store::SqliteStore& store,
                                                           const std::string& database_path,
                                                           const IndexEvents& events = {});

}  // namespace sitrep::query
