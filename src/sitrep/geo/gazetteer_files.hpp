// Which gazetteer a command uses, and where its built file lives.
//
//   1. an explicit file (--gazetteer FILE, or $SITREP_GAZETTEER): built by `sitrep gazetteer
//      import`, used as is once its checksums pass;
//   2. else `<store>-gazetteer` beside the store, when `gazetteer import` wrote one there;
//   3. else the bundled default, built from `<data-dir>/gazetteer/` and cached as
//      `$XDG_CACHE_HOME/sitrep/gazetteer-<hash>.bin` (~/.cache when unset). The hash covers every
//      source file's bytes and the sitrep binary, so editing a source or installing another
//      sitrep rebuilds the cache on next use; a cache that cannot be written is built in memory
//      each time instead.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sitrep/geo/gazetteer.hpp"
#include "sitrep/result.hpp"

namespace sitrep::geo {

struct GazetteerLocation {
  std::string explicit_path;  // 1.
  std::string store_path;     // 2. (the store's path; "-gazetteer" is appended)
  std::string data_dir;       // 3. (its gazetteer/ folder and countries.tsv)
};

struct OpenedGazetteer {
  std::shared_ptr<const Gazetteer> gazetteer;
  std::string origin;  // the file it came from, or "built in memory from …"
};

Result<OpenedGazetteer> open_gazetteer(const GazetteerLocation& where);

// The default sources plus `extra_files` (GeoNames .txt dumps, alternateNames .txt, GeoJSON
// polygon layers, admin1/admin2 .tsv tables), built into `out_path` atomically.
struct ImportSummary {
  size_t features = 0;
  size_t bytes = 0;
};
Result<ImportSummary> import_gazetteer(const std::string& data_dir,
                                       const std::vector<std::string>& extra_files,
                                       const std::string& out_path);

std::string store_gazetteer_path(const std::string& store_path);

}  // namespace sitrep::geo
