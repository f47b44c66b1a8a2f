// Reading much of the store once: while a SmallPageCache lives, the connection's page cache is
// held at 8 MiB (enough for the b-trees' interior pages), then set back to what it was. A long
// read touches each page once, so a cache growing to its full size (256 MiB) would only be
// memory taken fresh from the system, at a page fault each. Used with MappedReads.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

#include "sitrep/store/statement.hpp"

namespace sitrep::store {

class SmallPageCache {
 public:
  // Best effort: a connection whose cache size cannot be read keeps it.
  explicit SmallPageCache(sqlite3* db) : db_(db) {
    auto size = Statement::prepare(db_, "PRAGMA cache_size");
    if (!size) return;
    auto row = size->step();
    if (!row || !*row) return;
    previous_ = size->column_int(0);
    (void)exec(db_, "PRAGMA cache_size = -8192");
  }
  ~SmallPageCache() {
    if (previous_) (void)exec(db_, "PRAGMA cache_size = " + std::to_string(*previous_));
  }
  SmallPageCache(const SmallPageCache&) = delete;
  SmallPageCache& operator=(const SmallPageCache&) = delete;

 private:
  sqlite3* db_;
  std::optional<int64_t> previous_;
};

}  // namespace sitrep::store
