// What fusion reads from the data directory: the rules (fusion.tsv), the families of kinds of
// target (fusion-target-families.tsv) and the common words (fusion-common-words.tsv), all plain
// text an analyst can edit without recompiling.
#pragma once

#include <string>

#include "sitrep/fuse/fusion_rules.hpp"
#include "sitrep/fuse/rare_words.hpp"
#include "sitrep/result.hpp"

namespace sitrep::fuse {

struct FusionData {
  FusionRules rules;
  WordFilter words;

  // From `data_dir`; `rules_path`, when not empty, replaces data_dir/fusion.tsv.
  static Result<FusionData> load(const std::string& data_dir, const std::string& rules_path = "");
};

}  // namespace sitrep::fuse
