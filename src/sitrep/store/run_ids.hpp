// The ids an import has written so far, to reject a record whose id the same import already
// read (whether that earlier record was new, revised or unchanged).
//
// Keeps a 64-bit hash of (dataset, native_id) with the row and line it went to, in an
// open-addressing table (24 bytes a slot, at most half full: about 50 bytes a record, one cache
// miss a lookup; a node-based map took three and was an eighth of a bulk load's writing time).
// A hash match is confirmed against the stored row, so a collision never rejects a record;
// colliding ids are kept by their full key.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

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
  // Linear probing over a power-of-two table. The keys are already well-mixed hashes, so the
  // low bits pick the slot; 0 marks an empty slot (a hash of 0 is stored as 1).
  class HashTable {
   public:
    const Seen* find(uint64_t hash) const;
    // Inserts unless present; returns the entry for `hash` and whether it was inserted.
    std::pair<const Seen*, bool> insert(uint64_t hash, Seen seen);

   private:
    struct Slot {
      uint64_t hash = 0;
      Seen seen{};
    };
    static uint64_t stored(uint64_t hash) { return hash == 0 ? 1 : hash; }
    void grow();
    std::vector<Slot> slots_ = std::vector<Slot>(1024);
    size_t size_ = 0;
  };
  static std::string full_key(const model::Event& event);
  Result<bool> stored_key_is(int64_t rowid, const model::Event& event);

  Statement read_key_;  // dataset and native_id of a row, by rowid
  HashTable by_hash_;
  std::unordered_map<std::string, Seen> collided_;  // ids whose hash another id took first
};

}  // namespace sitrep::store::detail
