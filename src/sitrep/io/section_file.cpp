#include "sitrep/io/section_file.hpp"

#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace sitrep::io {
namespace {

constexpr size_t kAlignment = 64;

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t section_count;
  uint64_t count;
  int64_t first;
  int64_t second;
  char label[48];
  uint64_t file_size;  // the whole image: a shorter or longer file is not this one
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

struct Layout {
  Header header{};
  std::vector<TableEntry> table;
};

// The header and section table of an image of `sections` (SectionFileBuilder's pending ones).
template <typename Sections>
Layout layout_of(const Sections& sections, const FileKind& kind, const FileStamp& stamp) {
  Layout out;
  Header& header = out.header;
  std::memcpy(header.magic, kind.magic.data(), sizeof header.magic);
  header.format_version = kind.version;
  header.section_count = static_cast<uint32_t>(sections.size());
  header.count = stamp.count;
  header.first = stamp.first;
  header.second = stamp.second;
  std::snprintf(header.label, sizeof header.label, "%s", stamp.label.c_str());

  out.table.resize(sections.size());
  size_t offset = aligned(sizeof(Header) + sizeof(TableEntry) * out.table.size());
  for (size_t i = 0; i < sections.size(); ++i) {
    const auto& s = sections[i];
    TableEntry& e = out.table[i];
    std::snprintf(e.name, sizeof e.name, "%s", s.name.c_str());
    e.offset = offset;
    e.size = s.bytes.size();
    e.base = s.base;
    e.width = s.width;
    e.checksum = XXH3_64bits(s.bytes.data(), s.bytes.size());
    offset = aligned(offset + s.bytes.size());
  }
  header.file_size = offset;
  header.checksum = header_checksum(header, out.table.data());
  return out;
}

// Writes a file through `fill` into a temporary beside `path`, renamed over it when every write
// succeeded: a reader sees the old file or the whole new one.
template <typename Fill>
Status write_through_temporary(const std::string& path, Fill fill) {
  std::string temporary = path;
  temporary += fmt::format(".tmp{}", ::getpid());
  std::FILE* f = std::fopen(temporary.c_str(), "wb");
  if (!f) return make_error(fmt::format("{}: cannot write: {}", temporary, std::strerror(errno)));
  bool written =
      fill([f](const void* data, size_t bytes) { return std::fwrite(data, 1, bytes, f) == bytes; });
  written = std::fclose(f) == 0 && written;
  if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    return make_error(fmt::format("{}: cannot write: {}", path, reason));
  }
  return Status::success();
}

}  // namespace

Result<Section> SectionFile::section(std::string_view name) const {
  auto it = sections.find(name);
  if (it == sections.end()) return make_error(fmt::format("no section '{}'", name));
  return it->second;
}

std::string SectionFile::misaligned(std::string_view name) {
  return fmt::format("section '{}' has a size that is not a whole number of elements", name);
}

void SectionFileBuilder::add(std::string_view name, const void* data, size_t bytes, uint32_t width,
                             int64_t base) {
  sections_.push_back(
      Pending{std::string(name), std::string(static_cast<const char*>(data), bytes), width, base});
}

void SectionFileBuilder::add(std::string_view name, std::string&& bytes, uint32_t width,
                             int64_t base) {
  sections_.push_back(Pending{std::string(name), std::move(bytes), width, base});
}

std::vector<uint64_t> SectionFileBuilder::finish(const FileKind& kind,
                                                 const FileStamp& stamp) const {
  const Layout layout = layout_of(sections_, kind, stamp);
  std::vector<uint64_t> image(layout.header.file_size / sizeof(uint64_t), 0);
  auto* bytes = reinterpret_cast<char*>(image.data());
  std::memcpy(bytes, &layout.header, sizeof layout.header);
  std::memcpy(bytes + sizeof layout.header, layout.table.data(),
              sizeof(TableEntry) * layout.table.size());
  for (size_t i = 0; i < sections_.size(); ++i) {
    std::memcpy(bytes + layout.table[i].offset, sections_[i].bytes.data(),
                sections_[i].bytes.size());
  }
  return image;
}

Status SectionFileBuilder::write(const std::string& path, const FileKind& kind,
                                 const FileStamp& stamp) const {
  const Layout layout = layout_of(sections_, kind, stamp);
  return write_through_temporary(path, [&](auto put) {
    static constexpr char kZeros[kAlignment] = {};
    bool written = put(&layout.header, sizeof layout.header) &&
                   put(layout.table.data(), sizeof(TableEntry) * layout.table.size());
    size_t at = sizeof layout.header + sizeof(TableEntry) * layout.table.size();
    for (size_t i = 0; written && i < sections_.size(); ++i) {
      written = put(kZeros, layout.table[i].offset - at) &&
                put(sections_[i].bytes.data(), sections_[i].bytes.size());
      at = layout.table[i].offset + sections_[i].bytes.size();
    }
    return written && put(kZeros, layout.header.file_size - at);
  });
}

Result<SectionFile> parse_section_file(std::string_view image, const FileKind& kind) {
  const char* noun = kind.noun;
  Header header;
  if (image.size() < sizeof header)
    return make_error(fmt::format("{} is truncated (no header)", noun));
  std::memcpy(&header, image.data(), sizeof header);
  if (std::memcmp(header.magic, kind.magic.data(), sizeof header.magic) != 0) {
    return make_error(fmt::format("not a sitrep {} (bad magic)", noun));
  }
  if (header.format_version != kind.version) {
    return make_error(fmt::format("{} format {} is not this sitrep's ({})", noun,
                                  header.format_version, kind.version));
  }
  size_t table_bytes = sizeof(TableEntry) * header.section_count;
  if (header.section_count > 4096 || image.size() < sizeof header + table_bytes) {
    return make_error(fmt::format("{} is truncated (section table)", noun));
  }
  std::vector<TableEntry> table(header.section_count);
  std::memcpy(table.data(), image.data() + sizeof header, table_bytes);
  if (header_checksum(header, table.data()) != header.checksum) {
    return make_error(fmt::format("{} header checksum mismatch", noun));
  }
  if (header.file_size != image.size()) {
    return make_error(fmt::format("{} is {} bytes, its header says {} (truncated or appended to)",
                                  noun, image.size(), header.file_size));
  }
  SectionFile contents;
  contents.stamp.count = header.count;
  contents.stamp.first = header.first;
  contents.stamp.second = header.second;
  header.label[sizeof header.label - 1] = '\0';
  contents.stamp.label = header.label;
  for (TableEntry& e : table) {
    e.name[sizeof e.name - 1] = '\0';
    if (e.offset > image.size() || e.size > image.size() - e.offset || e.offset % 8 != 0) {
      return make_error(fmt::format("{} section '{}' lies outside the file", noun, e.name));
    }
    std::string_view bytes = image.substr(e.offset, e.size);
    if (XXH3_64bits(bytes.data(), bytes.size()) != e.checksum) {
      return make_error(fmt::format("{} section '{}' checksum mismatch", noun, e.name));
    }
    contents.sections[e.name] = Section{bytes, e.width, e.base};
  }
  return contents;
}

Status write_file_atomically(const std::string& path, std::string_view bytes) {
  return write_through_temporary(path, [&](auto put) { return put(bytes.data(), bytes.size()); });
}

}  // namespace sitrep::io
