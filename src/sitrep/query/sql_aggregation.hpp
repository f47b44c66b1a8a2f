// The reference group-by: the same keys and measures as aggregate(), computed by SQLite over
// the store (`sitrep query --engine sql`). The differential test and the benchmark compare the
// two; nothing else should need it.
#pragma once

#include <string>
#include <vector>

#include "sitrep/query/aggregation.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::query {

// SQL expressions over `events e` for each output column of a key.
std::vector<std::string> key_sql(GroupKey key);

Result<Grouping> aggregate_sql(store::SqliteStore& store, const store::SqlCondition& where,
                               const std::vector<GroupKey>& keys,
                               const std::vector<Measure>& measures);

}  // namespace sitrep::query
