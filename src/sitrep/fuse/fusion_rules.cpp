#include "sitrep/fuse/fusion_rules.hpp"

#include <charconv>

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::fuse {

Result<FusionRules> FusionRules::load(const std::string& path) {
  auto table = model::read_tsv(path, {"key", "value"});
  if (!table) return make_error(table.error());
  FusionRules rules;
  const int key_column = table->column("key"), value_column = table->column("value");
  for (const model::TsvRow& row : table->rows) {
    const std::string& key = row.cells[static_cast<size_t>(key_column)];
    const std::string& text = row.cells[static_cast<size_t>(value_column)];
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
      return make_error(
          fmt::format("{}: {}: '{}' is not a number of at least 0", table->where(row), key, text));
    }
    if (key == "max_days_apart") {
      rules.max_days_apart = static_cast<int>(value);
    } else if (key == "point_km") {
      rules.point_km = value;
    } else if (key == "weight_place") {
      rules.weight_place = value;
    } else if (key == "weight_date") {
      rules.weight_date = value;
    } else if (key == "weight_casualties") {
      rules.weight_casualties = value;
    } else if (key == "weight_target") {
      rules.weight_target = value;
    } else if (key == "weight_doubt") {
      rules.weight_doubt = value;
    } else if (key == "weight_words") {
      rules.weight_words = value;
    } else if (key == "merge_score") {
      if (value > 1) {
        return make_error(fmt::format("{}: merge_score must lie in 0..1", table->where(row)));
      }
      rules.merge_score = value;
    } else {
      return make_error(fmt::format("{}: unknown key '{}'", table->where(row), key));
    }
  }
  return rules;
}

}  // namespace sitrep::fuse
