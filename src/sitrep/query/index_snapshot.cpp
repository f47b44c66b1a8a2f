#include "sitrep/query/index_snapshot.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

namespace sitrep::query {

std::string snapshot_path_for(const std::string& database_path) {
  std::string path = database_path;
  path += "-index";
  return path;
}

Result<std::shared_ptr<const EventIndex>> open_event_index(store::SqliteStore& store,
                                                           const std::string& database_path,
                                                           const IndexEvents& events) {
  auto stamp = store.stamp();
  if (!stamp) return std::move(stamp).take_error();
  std::string path = snapshot_path_for(database_path);
  std::string reason = "no snapshot yet";
  struct stat info;
  if (::stat(path.c_str(), &info) == 0) {
    auto snapshot = EventIndex::open_snapshot(path);
    if (!snapshot) {
      reason = snapshot.error();
    } else if (!(snapshot->stamp() == *stamp)) {
      reason = snapshot->stamp().store_id != stamp->store_id ? "the snapshot is of another store"
                                                             : "the store changed since";
    } else {
      return std::make_shared<const EventIndex>(std::move(*snapshot));
    }
  }
  if (events.rebuilding) events.rebuilding(reason, stamp->max_event_id);
  BuildReport report;
  auto built =
      EventIndex::build(store, {.progress = events.progress, .snapshot_path = path}, &report);
  if (!built) return std::move(built).take_error();
  if (events.built) events.built(report);
  if (!report.save_error.empty() && events.not_saved) events.not_saved(report.save_error);
  return std::make_shared<const EventIndex>(std::move(*built));
}

}  // namespace sitrep::query
