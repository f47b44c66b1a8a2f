#include "sitrep/fuse/symbol.hpp"

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <vector>

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
    auto found = ids_.find(text);
    if (found != ids_.end()) return found->second;
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
    ids_.emplace(kept, id);
    ++next_id_;
    return id;
  }

  std::string_view text(uint32_t id) const {
    const std::string_view* chunk = chunks_[id >> kChunkBits].load(std::memory_order_acquire);
    return chunk[id & (kChunkSize - 1)];
  }

 private:
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
  std::unordered_map<std::string_view, uint32_t> ids_;
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

}  // namespace

Symbol::Symbol(std::string_view text) : id_(text.empty() ? 0 : table().intern(text)) {}

std::string_view Symbol::view() const {
  return id_ == 0 ? std::string_view() : table().text(id_);
}

}  // namespace sitrep::fuse
