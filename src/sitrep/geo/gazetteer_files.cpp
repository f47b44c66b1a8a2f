#include "sitrep/geo/gazetteer_files.hpp"

#include <sys/stat.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "sitrep/geo/gazetteer_builder.hpp"
#include "sitrep/io/mapped_file.hpp"

namespace sitrep::geo {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> default_sources(const std::string& data_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(data_dir) / "gazetteer", ec)) {
    std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".tsv" || ext == ".geojson") files.push_back(entry.path());
  }
  files.push_back(fs::path(data_dir) / "countries.tsv");
  std::sort(files.begin(), files.end());
  return files;
}

// XXH3 over every source's name and bytes (and the format version): the cache key.
Result<uint64_t> hash_sources(const std::vector<fs::path>& files) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, &kGazetteerFormatVersion, sizeof kGazetteerFormatVersion);
  for (const fs::path& f : files) {
    auto mapped = io::MappedFile::open(f.string());
    if (!mapped) {
      XXH3_freeState(state);
      return make_error(mapped.error());
    }
    std::string name = f.filename().string();
    XXH3_64bits_update(state, name.data(), name.size());
    XXH3_64bits_update(state, mapped->contents().data(), mapped->contents().size());
  }
  // The program that builds it: a new sitrep may build the same sources differently.
  if (auto self = io::MappedFile::open("/proc/self/exe"); self) {
    XXH3_64bits_update(state, self->contents().data(), self->contents().size());
  }
  uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

// Older builds of the default gazetteer in the cache: removed when a new one is written.
void remove_stale_caches(const std::string& directory, const std::string& keep) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(directory, ec)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with("gazetteer-") && name.ends_with(".bin") && entry.path().string() != keep) {
      fs::remove(entry.path(), ec);
    }
  }
}

std::string cache_directory() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return (fs::path(xdg) / "sitrep").string();
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return (fs::path(home) / ".cache" / "sitrep").string();
  }
  return {};
}

Result<std::shared_ptr<const Gazetteer>> from_owned_image(std::vector<uint64_t> image) {
  auto owner = std::make_shared<std::vector<uint64_t>>(std::move(image));
  std::string_view bytes(reinterpret_cast<const char*>(owner->data()),
                         owner->size() * sizeof(uint64_t));
  auto g = Gazetteer::from_image(owner, bytes);
  if (!g) return std::move(g).take_error();
  return std::make_shared<const Gazetteer>(std::move(*g));
}

Result<std::shared_ptr<const Gazetteer>> open_file(const std::string& path) {
  auto g = Gazetteer::open(path);
  if (!g) return std::move(g).take_error();
  return std::make_shared<const Gazetteer>(std::move(*g));
}

Result<GazetteerBuilder> default_builder(const std::string& data_dir) {
  GazetteerBuilder builder;
  if (Status s = builder.add_directory((fs::path(data_dir) / "gazetteer").string(),
                                       (fs::path(data_dir) / "countries.tsv").string());
      !s) {
    return make_error(s.error());
  }
  return builder;
}

bool exists(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0;
}

}  // namespace

std::string store_gazetteer_path(const std::string& store_path) {
  std::string path = store_path;
  path += "-gazetteer";
  return path;
}

Result<OpenedGazetteer> open_gazetteer(const GazetteerLocation& where) {
  if (!where.explicit_path.empty()) {
    auto g = open_file(where.explicit_path);
    if (!g) return std::move(g).take_error();
    return OpenedGazetteer{*g, where.explicit_path};
  }
  if (!where.store_path.empty() && exists(store_gazetteer_path(where.store_path))) {
    std::string path = store_gazetteer_path(where.store_path);
    auto g = open_file(path);
    if (!g) {
      return make_error(fmt::format("{} (rebuild it with `sitrep gazetteer import`)", g.error()));
    }
    return OpenedGazetteer{*g, path};
  }
  auto sources = default_sources(where.data_dir);
  auto hash = hash_sources(sources);
  if (!hash) return make_error(fmt::format("default gazetteer: {}", hash.error()));
  std::string cache = cache_directory();
  std::string cached;
  if (!cache.empty()) {
    cached = (fs::path(cache) / fmt::format("gazetteer-{:016x}.bin", *hash)).string();
    if (auto g = open_file(cached); g && (*g)->stamp().first == static_cast<int64_t>(*hash)) {
      return OpenedGazetteer{*g, cached};
    }
  }
  auto builder = default_builder(where.data_dir);
  if (!builder) return std::move(builder).take_error();
  auto image = builder->finish(fmt::format("default:{}", where.data_dir), *hash);
  if (!image) return std::move(image).take_error();
  if (!cached.empty()) {
    std::error_code ec;
    fs::create_directories(cache, ec);
    std::string_view bytes(reinterpret_cast<const char*>(image->data()),
                           image->size() * sizeof(uint64_t));
    if (io::write_file_atomically(cached, bytes).ok()) {
      remove_stale_caches(cache, cached);
      if (auto g = open_file(cached); g) return OpenedGazetteer{*g, cached};
    }
  }
  auto g = from_owned_image(std::move(*image));
  if (!g) return std::move(g).take_error();
  return OpenedGazetteer{*g, fmt::format("built in memory from {}/gazetteer", where.data_dir)};
}

Result<ImportSummary> import_gazetteer(const std::string& data_dir,
                                       const std::vector<std::string>& extra_files,
                                       const std::string& out_path) {
  auto builder = default_builder(data_dir);
  if (!builder) return std::move(builder).take_error();
  std::vector<fs::path> all = default_sources(data_dir);
  // Names of admin codes before places, places before their alternate names, polygons last.
  auto rank = [](const std::string& file) {
    fs::path p(file);
    std::string name = p.filename().string(), ext = p.extension().string();
    if (ext == ".tsv" || name.starts_with("admin1") || name.starts_with("admin2")) return 0;
    if (name.starts_with("alternateNames") || name.starts_with("alternatenames")) return 2;
    if (ext == ".txt") return 1;
    return 3;
  };
  std::vector<std::string> ordered = extra_files;
  std::stable_sort(ordered.begin(), ordered.end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  for (const std::string& file : ordered) {
    fs::path p(file);
    std::string name = p.filename().string(), ext = p.extension().string();
    Result<size_t> added = make_error("");
    if (ext == ".geojson" || ext == ".json") {
      added = builder->add_polygons(file);
    } else if (name.starts_with("admin1") && (ext == ".tsv" || ext == ".txt")) {
      added = builder->add_admin_names(file, 1);  // also GeoNames' admin1CodesASCII.txt
    } else if (name.starts_with("admin2") && (ext == ".tsv" || ext == ".txt")) {
      added = builder->add_admin_names(file, 2);  // also GeoNames' admin2Codes.txt
    } else if (name.starts_with("alternateNames") || name.starts_with("alternatenames")) {
      added = builder->add_alternate_names(file);
    } else if (ext == ".txt") {
      added = builder->add_geonames(file);
    } else {
      return make_error(fmt::format(
          "{}: not a gazetteer source (GeoNames .txt, alternateNames*.txt, admin1*.tsv, "
          "admin2*.tsv or a GeoJSON polygon layer)",
          file));
    }
    if (!added) return make_error(added.error());
    all.push_back(p);
  }
  auto hash = hash_sources(all);
  if (!hash) return std::move(hash).take_error();
  std::string label = "import";
  for (const std::string& f : extra_files) {
    label += ' ';
    label += fs::path(f).filename().string();
  }
  auto image = builder->finish(label.substr(0, 47), *hash);
  if (!image) return std::move(image).take_error();
  std::string_view bytes(reinterpret_cast<const char*>(image->data()),
                         image->size() * sizeof(uint64_t));
  if (Status s = io::write_file_atomically(out_path, bytes); !s) return make_error(s.error());
  auto g = Gazetteer::from_image(nullptr, bytes);
  if (!g) return std::move(g).take_error();
  return ImportSummary{g->size(), bytes.size()};
}

}  // namespace sitrep::geo
