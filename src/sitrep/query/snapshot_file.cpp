#include "sitrep/query/snapshot_file.hpp"

#include <fmt/format.h>

namespace sitrep::query {
namespace {

constexpr io::FileKind kSnapshotKind = {
    {'S', 'I', 'T', 'R', 'E', 'P', 'I', 'X'}, kSnapshotFormatVersion, "snapshot"};

}  // namespace

Result<SnapshotSection> SnapshotContents::section(std::string_view name) const {
  auto found = file.section(name);
  if (!found) return make_error(fmt::format("snapshot has no section '{}'", name));
  return *found;
}

std::vector<uint64_t> SnapshotBuilder::finish(uint64_t event_count,
                                              const store::StoreStamp& stamp) const {
  return io::SectionFileBuilder::finish(
      kSnapshotKind, {event_count, stamp.store_id, stamp.generation, stamp.max_event_id});
}

Status SnapshotBuilder::write(const std::string& path, uint64_t event_count,
                              const store::StoreStamp& stamp) const {
  return io::SectionFileBuilder::write(
      path, kSnapshotKind, {event_count, stamp.store_id, stamp.generation, stamp.max_event_id});
}

Result<SnapshotContents> parse_snapshot(std::string_view image) {
  auto file = io::parse_section_file(image, kSnapshotKind);
  if (!file) return std::move(file).take_error();
  SnapshotContents contents;
  contents.event_count = file->stamp.count;
  contents.stamp = {file->stamp.label, file->stamp.first, file->stamp.second};
  contents.file = std::move(*file);
  return contents;
}

Status write_snapshot(const std::string& path, std::string_view image) {
  return io::write_file_atomically(path, image);
}

}  // namespace sitrep::query
