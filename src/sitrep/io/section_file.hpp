// A file of named, checksummed sections, read in place through mmap: the on-disk form of every
// derived artefact sitrep writes (the query index snapshot, the built gazetteer).
//
//   header (128 bytes): magic (8 bytes, names the kind of file), format version, section count,
//                       a stamp saying what the file was derived from, the file size, checksum
//   section table:      64 bytes per section: name, offset, size, width, base, XXH3 checksum
//   sections:           each aligned to 64 bytes
//
// Such a file is derived and never trusted: parse_section_file() checks the magic, the version,
// every bound and every checksum, and the caller compares the stamp with what it expects before
// using the contents. Any mismatch means "rebuild", never "use what is there".
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/result.hpp"

namespace sitrep::io {

// What kind of file: its magic, its format version and how errors name it.
struct FileKind {
  std::array<char, 8> magic;
  uint32_t version;
  const char* noun;  // "snapshot", "gazetteer"
};

// What the file was derived from: a count, a label of up to 47 bytes and two numbers, whose
// meaning the kind of file decides (a store's id, generation and largest event id; a hash of
// the gazetteer's sources).
struct FileStamp {
  uint64_t count = 0;
  std::string label;
  int64_t first = 0;
  int64_t second = 0;
  bool operator==(const FileStamp&) const = default;
};

struct Section {
  std::string_view bytes;
  uint32_t width = 0;  // element width for packed integer columns, else 0
  int64_t base = 0;    // frame-of-reference base for packed integer columns
};

struct SectionFile {
  FileStamp stamp;
  std::map<std::string, Section, std::less<>> sections;

  // The named section, or an error naming it (a file missing a section is corrupt).
  Result<Section> section(std::string_view name) const;
  // The named section as an array of T (its size must be a multiple of sizeof(T)).
  template <typename T>
  Result<std::span<const T>> array(std::string_view name) const {
    auto s = section(name);
    if (!s) return std::move(s).take_error();
    if (s->bytes.size() % sizeof(T) != 0) return make_error(misaligned(name));
    return std::span<const T>(reinterpret_cast<const T*>(s->bytes.data()),
                              s->bytes.size() / sizeof(T));
  }

 private:
  static std::string misaligned(std::string_view name);
};

// Collects sections and lays them out as an image in memory.
class SectionFileBuilder {
 public:
  void add(std::string_view name, const void* data, size_t bytes, uint32_t width = 0,
           int64_t base = 0);
  // As add, taking the bytes without a copy.
  void add(std::string_view name, std::string&& bytes, uint32_t width, int64_t base);
  template <typename T>
  void add(std::string_view name, const std::vector<T>& values) {
    add(name, values.data(), values.size() * sizeof(T));
  }
  // The image: 8-byte aligned words, so sections can be read in place.
  std::vector<uint64_t> finish(const FileKind& kind, const FileStamp& stamp) const;
  // The same image written to `path` (atomically: a temporary file renamed over it), without
  // building it in memory first.
  Status write(const std::string& path, const FileKind& kind, const FileStamp& stamp) const;

 private:
  struct Pending {
    std::string name;
    std::string bytes;
    uint32_t width;
    int64_t base;
  };
  std::vector<Pending> sections_;
};

// Validates an image of `kind` and returns views into it (the image must outlive them).
Result<SectionFile> parse_section_file(std::string_view image, const FileKind& kind);

// Writes `bytes` to `path` atomically (a temporary file renamed over it).
Status write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace sitrep::io
