// The ids an import has written so far, to reject a record whose id the same import already
// read (whether that earlier record was new, revised or unchanged).
//
// Keeps a 64-bit hash of (dataset, native_id) with the row and line it went to: about 50 bytes a
// record. A hash match is confirmed against the stored row, so a collision never rejects a
// record; colliding ids are kept by their full key.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "sitrep/model/event.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::store::detail {

class RunIds {
 public:
  static Result<RunIds> create(sqlite3* db);

  // The hash of (dataset, native_id) the methods below take.
  static uint64_t id_hash(const model::Event& event);

  // The line of this import's earlier record with the event's id, or nullopt.
  Result<std::optional<int64_t>> earlier_line(const model::Event& event, uint64_t id_hash);
  // Notes that the event (with event.id set) was read at `line`.
  void add(const model::Event& event, uint64_t id_hash, int64_t line);

 private:
  struct Seen {
    int64_t rowid;
    int64_t line;
  };
  static std::string full_key(const model::Event& event);
  Result<bool> stored_key_is(int64_t rowid, const model::Event& event);

  Statement read_key_;  // dataset and native_id of a row, by rowid
  std::unordered_map<uint64_t, Seen> by_hash_;
  std::unordered_map<std::string, Seen> collided_;  // ids whose hash another id took first
};

}  // namespace sitrep::store::detail
