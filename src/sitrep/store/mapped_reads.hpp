// Reading a whole table through the store file's memory map: SQLite then reads its pages in
// place instead of copying each through the kernel into its cache (about a twelfth of reading a
// million events). For one long scan only: while it lasts, the file stays mapped.
#pragma once

#include <sqlite3.h>

#include "sitrep/store/statement.hpp"

namespace sitrep::store {

class MappedReads {
 public:
  // Maps the connection's store (up to 1 TiB) until destroyed. Best effort: a connection that
  // cannot map reads as before.
  explicit MappedReads(sqlite3* db) : db_(db) {
    (void)exec(db_, "PRAGMA mmap_size = 1099511627776");
  }
  ~MappedReads() { (void)exec(db_, "PRAGMA mmap_size = 0"); }
  MappedReads(const MappedReads&) = delete;
  MappedReads& operator=(const MappedReads&) = delete;

 private:
  sqlite3* db_;
};

}  // namespace sitrep::store
