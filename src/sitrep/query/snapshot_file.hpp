// The on-disk form of the query index: one file of named, checksummed sections.
//
//   header (128 bytes): magic "SITREPIX", format version, event count, the store stamp
//                       (store id, generation, largest event id), section count, checksum
//   section table:      64 bytes per section: name, offset, size, width, base, XXH3 checksum
//   sections:           each aligned to 64 bytes, read in place through mmap
//
// The file is derived from the store and never trusted: parse_snapshot() checks the magic, the
// version, every bound and every checksum, and a caller compares the stamp with the store's
// before using it. Any mismatch means "rebuild", never "use what is there".
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::query {

inline constexpr uint32_t kSnapshotFormatVersion = 3;

struct SnapshotSection {
  std::string_view bytes;
  uint32_t width = 0;  // element width for packed integer columns, else 0
  int64_t base = 0;    // frame-of-reference base for packed integer columns
};

struct SnapshotContents {
  uint64_t event_count = 0;
  store::StoreStamp stamp;
  std::map<std::string, SnapshotSection, std::less<>> sections;

  // The named section, or an error naming it (a snapshot missing a section is corrupt).
  Result<SnapshotSection> section(std::string_view name) const;
};

// Collects sections and lays them out as a snapshot image in memory.
class SnapshotBuilder {
 public:
  void add(std::string_view name, const void* data, size_t bytes, uint32_t width = 0,
           int64_t base = 0);
  template <typename T>
  void add(std::string_view name, const std::vector<T>& values) {
    add(name, values.data(), values.size() * sizeof(T));
  }
  // The image: 8-byte aligned words, so sections can be read in place.
  std::vector<uint64_t> finish(uint64_t event_count, const store::StoreStamp& stamp) const;

 private:
  struct Pending {
    std::string name;
    std::string bytes;
    uint32_t width;
    int64_t base;
  };
  std::vector<Pending> sections_;
};

// Validates an image and returns views into it (the image must outlive them).
Result<SnapshotContents> parse_snapshot(std::string_view image);

// Writes an image to `path` atomically (a temporary file renamed over it).
Status write_snapshot(const std::string& path, std::string_view image);

}  // namespace sitrep::query
