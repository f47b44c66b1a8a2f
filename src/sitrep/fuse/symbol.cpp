#include "sitrep/fuse/symbol.hpp"

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <xxhash.h>

namespace sitrep::fuse {
namespace {

// Symbols' texts in blocks that never move, and their views in chunks that never move: a
// reader finds a text by its number without taking the lock that interning takes.
constexpr size_t kChunkBits = 16;
constexpr size_t kChunkSize = size_t{1} << kChunkBits;
constexpr size_t kChunks = size_t{1} << 16;
constexpr size_t kBlockBytes = size_t{1} << 20;

class SymbolTable {
 public:
  uint32_t intern(std::string_view text) {
    std::lock_guard<std::mutex> lock(mutex_);
    return intern_locked(text);
  }

  void intern_all(const std::vector<std::string_view>& texts, std::vector<uint32_t>& ids) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::string_view text : texts) ids.push_back(text.empty() ? 0 : intern_locked(text));
  }

  std::string_view text(uint32_t id) const {
    const std::string_view* chunk = chunks_[id >> kChunkBits].load(std::memory_order_acquire);
    return chunk[id & (kChunkSize - 1)];
  }

 private:
  uint32_t intern_locked(std::string_view text) {
    const auto hash = static_cast<uint32_t>(XXH3_64bits(text.data(), text.size()));
    Slot* slot = find_slot(text, hash);
    if (slot->id != 0) return slot->id;
    const uint32_t id = next_id_;
    // Four billion distinct texts: far beyond any store this holds in memory.
    if (id == UINT32_MAX) throw std::length_error("more than 2^32 distinct strings to intern");
    std::string_view kept = keep(text);
    std::string_view* chunk = chunks_[id >> kChunkBits].load(std::memory_order_relaxed);
    if (!chunk) {
      chunk_storage_.push_back(std::make_unique<std::string_view[]>(kChunkSize));
      chunk = chunk_storage_.back().get();
    }
    chunk[id & (kChunkSize - 1)] = kept;
    chunks_[id >> kChunkBits].store(chunk, std::memory_order_release);
    *slot = {hash, id};
    ++next_id_;
    if (2 * size_t{next_id_} > slots_.size()) grow();
    return id;
  }

  // An open-addressing table of (hash, id), at most half full: a lookup is one cache line and,
  // on a hash match, the text (a node-based map took three dependent misses).
  struct Slot {
    uint32_t hash = 0;
    uint32_t id = 0;  // 0: empty
  };

  Slot* find_slot(std::string_view text, uint32_t hash) {
    const size_t mask = slots_.size() - 1;
    for (size_t at = hash & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.id == 0) return &slot;
      if (slot.hash == hash && this->text(slot.id) == text) return &slot;
    }
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.id == 0) continue;
      size_t at = slot.hash & mask;
      while (slots_[at].id != 0) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }

  std::string_view keep(std::string_view text) {
    if (text.size() > left_) {
      const size_t bytes = std::max(kBlockBytes, text.size());
      blocks_.push_back(std::make_unique<char[]>(bytes));
      next_ = blocks_.back().get();
      left_ = bytes;
    }
    std::memcpy(next_, text.data(), text.size());
    std::string_view kept(next_, text.size());
    next_ += text.size();
    left_ -= text.size();
    return kept;
  }

  std::mutex mutex_;
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  std::vector<std::unique_ptr<std::string_view[]>> chunk_storage_;
  std::array<std::atomic<std::string_view*>, kChunks> chunks_{};
  uint32_t next_id_ = 1;  // 0 is the empty text
};

SymbolTable& table() {
  static SymbolTable* t = new SymbolTable;  // never destroyed: symbols may outlive statics
  return *t;
}

// The texts this thread interned last, found by a cheap key of their size and end bytes: a
// record's fields repeat those of the records before it (its country, dataset, event type,
// province), and a hit costs a comparison instead of a hash, a lock and a probe.
uint32_t intern_cached(std::string_view text) {
  struct Recent {
    std::string_view text;  // the table's copy: it never moves
    uint32_t id = 0;
  };
  thread_local std::array<Recent, 64> recent{};
  const auto end_bytes =
      static_cast<unsigned char>(text.front()) * 7u + static_cast<unsigned char>(text.back());
  Recent& slot = recent[(text.size() * 31u + end_bytes) & 63u];
  if (slot.id != 0 && slot.text == text) return slot.id;
  const uint32_t id = table().intern(text);
  slot = {table().text(id), id};
  return id;
}

}  // namespace

Symbol::Symbol(std::string_view text) : id_(text.empty() ? 0 : intern_cached(text)) {}

void Symbol::intern_all(const std::vector<std::string_view>& texts, std::vector<Symbol>& out) {
  thread_local std::vector<uint32_t> ids;
  ids.clear();
  table().intern_all(texts, ids);
  for (uint32_t id : ids) {
    Symbol s;
    s.id_ = id;
    out.push_back(s);
  }
}

std::string_view Symbol::view() const {
  return id_ == 0 ? std::string_view() : table().text(id_);
}

}  // namespace sitrep::fuse
