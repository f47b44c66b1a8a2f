#include "sitrep/model/vocabulary.hpp"

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

namespace sitrep::model {
namespace fs = std::filesystem;

namespace {

template <typename T>
Status load_into(T& slot, const std::string& path) {
  auto loaded = T::load(path);
  if (!loaded) return std::move(loaded).take_error();
  slot = std::move(loaded).value();
  return Status::success();
}

}  // namespace

Result<Vocabulary> Vocabulary::load(const std::string& data_dir) {
  Vocabulary v;
  v.data_dir = data_dir;
  auto path = [&](const char* name) { return (fs::path(data_dir) / name).string(); };
  for (Status s :
       {load_into(v.countries, path("countries.tsv")), load_into(v.actors, path("actors.tsv")),
        load_into(v.targets, path("targets.tsv")), load_into(v.weapons, path("weapons.tsv")),
        load_into(v.target_map, path("target_map.tsv")),
        load_into(v.weapon_map, path("weapon_map.tsv")),
        load_into(v.event_type_map, path("event_type_map.tsv")),
        load_into(v.geo_precision_map, path("geo_precision_map.tsv"))}) {
    if (!s) return make_error(s.error());
  }
  return v;
}

std::string find_data_dir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("SITREP_DATA"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const char* relative : {"../share/sitrep", "../data"}) {
      fs::path candidate = exe.parent_path() / relative;
      if (fs::exists(candidate / "countries.tsv", ec)) return candidate.lexically_normal();
    }
  }
  return SITREP_SOURCE_DATA_DIR;
}

}  // namespace sitrep::model
