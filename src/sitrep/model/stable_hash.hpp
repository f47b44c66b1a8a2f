// A fast 64-bit hash whose value never changes between runs, builds or library versions
// (std::hash promises none of that). Digests and keys computed with it are stored in the
// database, so its definition is part of the store format: change it only with a migration.
// Words are read little-endian, as every platform sitrep targets stores them.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace sitrep::model {

class StableHasher {
 public:
  // Length-prefixed, so ("ab", "c") and ("a", "bc") hash differently.
  void add(std::string_view text) {
    add_word(text.size());
    const char* p = text.data();
    size_t n = text.size();
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      add_word(word);
    }
    if (n > 0) {
      uint64_t word = 0;
      std::memcpy(&word, p, n);
      add_word(word);
    }
  }
  void add_word(uint64_t word) {
    word *= 0x9E3779B97F4A7C15ULL;
    word ^= word >> 32;
    state_ = (state_ ^ word) * 0xBF58476D1CE4E5B9ULL;
    state_ = (state_ << 27) | (state_ >> 37);
  }
  // The MurmurHash3 finaliser spreads the last words over every bit.
  uint64_t value() const {
    uint64_t h = state_;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
  }

 private:
  uint64_t state_ = 0x243F6A8885A308D3ULL;
};

}  // namespace sitrep::model
