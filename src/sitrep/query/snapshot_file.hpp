// The on-disk form of the query index: a section file (io/section_file.hpp) of kind
// "SITREPIX" whose stamp is the store's (store id, events generation, largest event id) and
// whose count is the number of events.
//
// The file is derived from the store and never trusted: parse_snapshot() checks the magic, the
// version, every bound and every checksum, and a caller compares the stamp with the store's
// before using it. Any mismatch means "rebuild", never "use what is there".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/io/section_file.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::query {

inline constexpr uint32_t kSnapshotFormatVersion = 4;

using SnapshotSection = io::Section;

struct SnapshotContents {
  uint64_t event_count = 0;
  store::StoreStamp stamp;
  io::SectionFile file;

  // The named section, or an error naming it (a snapshot missing a section is corrupt).
  Result<SnapshotSection> section(std::string_view name) const;
};

// Collects sections and lays them out as a snapshot image in memory.
class SnapshotBuilder : public io::SectionFileBuilder {
 public:
  std::vector<uint64_t> finish(uint64_t event_count, const store::StoreStamp& stamp) const;
  // The same image written to `path` atomically, not built in memory.
  Status write(const std::string& path, uint64_t event_count, const store::StoreStamp& stamp) const;
};

// Validates an image and returns views into it (the image must outlive them).
Result<SnapshotContents> parse_snapshot(std::string_view image);

// Writes an image to `path` atomically (a temporary file renamed over it).
Status write_snapshot(const std::string& path, std::string_view image);

}  // namespace sitrep::query
