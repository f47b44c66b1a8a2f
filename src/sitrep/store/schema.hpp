// The store's schema and its forward migrations.
//
// The schema version lives in SQLite's user_version. Opening a store applies every migration
// newer than its version, each in its own transaction; a store written by a newer sitrep is
// refused rather than damaged. docs/formats.md describes the tables.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/result.hpp"

namespace sitrep::store {

// The version this build writes.
int current_schema_version();

// Brings the database up to current_schema_version().
Status migrate(sqlite3* db);

// Creates the indexes over `events` that are missing (the unique (dataset, native_id) index and
// the date index); drop_event_indexes() removes the date index, and the unique one unless
// `keep_unique`. Both run inside the caller's transaction.
Status create_event_indexes(sqlite3* db);
Status drop_event_indexes(sqlite3* db, bool keep_unique);

// The analytic columns of `events`, in the order the store binds and reads them; the revision
// history table holds the same columns.
const std::vector<std::string_view>& event_content_columns();

}  // namespace sitrep::store
