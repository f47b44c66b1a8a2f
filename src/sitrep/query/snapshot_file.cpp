#include "sitrep/query/snapshot_file.hpp"

#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace sitrep::query {
namespace {

constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'I', 'X'};
constexpr size_t kAlignment = 64;

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t section_count;
  uint64_t event_count;
  int64_t generation;
  int64_t max_event_id;
  char store_id[48];
  uint64_t file_size;  // the whole image: a shorter or longer file is not this snapshot
  uint64_t reserved[3];
  uint64_t checksum;  // XXH3 of the header (this field zero) and the section table
};
static_assert(sizeof(Header) == 128);

struct TableEntry {
  char name[24];
  uint64_t offset;
  uint64_t size;
  int64_t base;
  uint32_t width;
  uint32_t reserved;
  uint64_t checksum;  // XXH3 of the section's bytes
};
static_assert(sizeof(TableEntry) == 64);

size_t aligned(size_t n) {
  return (n + kAlignment - 1) / kAlignment * kAlignment;
}

uint64_t header_checksum(const Header& header, const TableEntry* table) {
  Header copy = header;
  copy.checksum = 0;
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, &copy, sizeof copy);
  XXH3_64bits_update(state, table, sizeof(TableEntry) * header.section_count);
  uint64_t sum = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return sum;
}

}  // namespace

Result<SnapshotSection> SnapshotContents::section(std::string_view name) const {
  auto it = sections.find(name);
  if (it == sections.end()) return make_error(fmt::format("snapshot has no section '{}'", name));
  return it->second;
}

void SnapshotBuilder::add(std::string_view name, const void* data, size_t bytes, uint32_t width,
                          int64_t base) {
  sections_.push_back(
      Pending{std::string(name), std::string(static_cast<const char*>(data), bytes), width, base});
}

std::vector<uint64_t> SnapshotBuilder::finish(uint64_t event_count,
                                              const store::StoreStamp& stamp) const {
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.format_version = kSnapshotFormatVersion;
  header.section_count = static_cast<uint32_t>(sections_.size());
  header.event_count = event_count;
  header.generation = stamp.generation;
  header.max_event_id = stamp.max_event_id;
  std::snprintf(header.store_id, sizeof header.store_id, "%s", stamp.store_id.c_str());

  std::vector<TableEntry> table(sections_.size());
  size_t offset = aligned(sizeof(Header) + sizeof(TableEntry) * table.size());
  for (size_t i = 0; i < sections_.size(); ++i) {
    const Pending& s = sections_[i];
    TableEntry& e = table[i];
    std::snprintf(e.name, sizeof e.name, "%s", s.name.c_str());
    e.offset = offset;
    e.size = s.bytes.size();
    e.base = s.base;
    e.width = s.width;
    e.checksum = XXH3_64bits(s.bytes.data(), s.bytes.size());
    offset = aligned(offset + s.bytes.size());
  }
  header.file_size = offset;
  header.checksum = header_checksum(header, table.data());

  std::vector<uint64_t> image(offset / sizeof(uint64_t), 0);
  auto* bytes = reinterpret_cast<char*>(image.data());
  std::memcpy(bytes, &header, sizeof header);
  std::memcpy(bytes + sizeof header, table.data(), sizeof(TableEntry) * table.size());
  for (size_t i = 0; i < sections_.size(); ++i) {
    std::memcpy(bytes + table[i].offset, sections_[i].bytes.data(), sections_[i].bytes.size());
  }
  return image;
}

Result<SnapshotContents> parse_snapshot(std::string_view image) {
  Header header;
  if (image.size() < sizeof header) return make_error("snapshot is truncated (no header)");
  std::memcpy(&header, image.data(), sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0) {
    return make_error("not a sitrep index snapshot (bad magic)");
  }
  if (header.format_version != kSnapshotFormatVersion) {
    return make_error(fmt::format("snapshot format {} is not this sitrep's ({})",
                                  header.format_version, kSnapshotFormatVersion));
  }
  size_t table_bytes = sizeof(TableEntry) * header.section_count;
  if (header.section_count > 4096 || image.size() < sizeof header + table_bytes) {
    return make_error("snapshot is truncated (section table)");
  }
  std::vector<TableEntry> table(header.section_count);
  std::memcpy(table.data(), image.data() + sizeof header, table_bytes);
  if (header_checksum(header, table.data()) != header.checksum) {
    return make_error("snapshot header checksum mismatch");
  }
  if (header.file_size != image.size()) {
    return make_error(
        fmt::format("snapshot is {} bytes, its header says {} (truncated or appended "
                    "to)",
                    image.size(), header.file_size));
  }
  SnapshotContents contents;
  contents.event_count = header.event_count;
  contents.stamp.generation = header.generation;
  contents.stamp.max_event_id = header.max_event_id;
  header.store_id[sizeof header.store_id - 1] = '\0';
  contents.stamp.store_id = header.store_id;
  for (TableEntry& e : table) {
    e.name[sizeof e.name - 1] = '\0';
    if (e.offset > image.size() || e.size > image.size() - e.offset || e.offset % 8 != 0) {
      return make_error(fmt::format("snapshot section '{}' lies outside the file", e.name));
    }
    std::string_view bytes = image.substr(e.offset, e.size);
    if (XXH3_64bits(bytes.data(), bytes.size()) != e.checksum) {
      return make_error(fmt::format("snapshot section '{}' checksum mismatch", e.name));
    }
    contents.sections[e.name] = SnapshotSection{bytes, e.width, e.base};
  }
  return contents;
}

Status write_snapshot(const std::string& path, std::string_view image) {
  std::string temporary = path;
  temporary += fmt::format(".tmp{}", ::getpid());
  std::FILE* f = std::fopen(temporary.c_str(), "wb");
  if (!f) return make_error(fmt::format("{}: cannot write: {}", temporary, std::strerror(errno)));
  bool written = std::fwrite(image.data(), 1, image.size(), f) == image.size();
  written = std::fclose(f) == 0 && written;
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    return make_error(fmt::format("{}: cannot write: {}", path, reason));
  }
  return Status::success();
}

}  // namespace sitrep::query
