#include "sitrep/fuse/fusion_data.hpp"

#include <filesystem>

namespace sitrep::fuse {

Result<FusionData> FusionData::load(const std::string& data_dir, const std::string& rules_path) {
  FusionData data;
  auto rules = FusionRules::load(rules_path.empty() ? data_dir + "/fusion.tsv" : rules_path);
  if (!rules) return make_error(rules.error());
  data.rules = *rules;
  // A data directory from before the families were data has none: the defaults are its.
  const std::string families = data_dir + "/fusion-target-families.tsv";
  if (std::filesystem::exists(families)) {
    if (Status s = data.rules.load_target_families(families); !s) return make_error(s.error());
  }
  auto words = WordFilter::load(data_dir + "/fusion-common-words.tsv");
  if (!words) return make_error(words.error());
  data.words = std::move(*words);
  return data;
}

}  // namespace sitrep::fuse
