#include "sitrep/fuse/fusion_rules.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::fuse {
namespace {

struct Key {
  std::string_view name;
  double FusionRules::*value;
  double lowest, highest;
};

constexpr double kAny = std::numeric_limits<double>::infinity();

const std::vector<Key>& keys() {
  static const std::vector<Key> all = {
      {"point_km", &FusionRules::point_km, 0, kAny},
      {"prior", &FusionRules::prior, -kAny, kAny},
      {"place_point_near", &FusionRules::place_point_near, -kAny, kAny},
      {"place_point_far", &FusionRules::place_point_far, -kAny, kAny},
      {"place_admin2", &FusionRules::place_admin2, -kAny, kAny},
      {"place_admin1", &FusionRules::place_admin1, -kAny, kAny},
      {"date_same", &FusionRules::date_same, -kAny, kAny},
      {"date_apart", &FusionRules::date_apart, -kAny, kAny},
      {"casualties_agree", &FusionRules::casualties_agree, -kAny, kAny},
      {"casualties_disagree", &FusionRules::casualties_disagree, -kAny, kAny},
      {"target_same", &FusionRules::target_same, -kAny, kAny},
      {"target_family", &FusionRules::target_family, -kAny, kAny},
      {"target_differ", &FusionRules::target_differ, -kAny, kAny},
      {"words_agree", &FusionRules::words_agree, -kAny, kAny},
      {"words_disagree", &FusionRules::words_disagree, -kAny, kAny},
      {"perpetrator_same", &FusionRules::perpetrator_same, -kAny, kAny},
      {"merge_score", &FusionRules::merge_score, 0, 1},
  };
  return all;
}

}  // namespace

Symbol FusionRules::family_of(Symbol target) const {
  for (const auto& [name, family] : target_families) {
    if (name == target) return family;
  }
  return {};
}

Status FusionRules::load_target_families(const std::string& path) {
  auto table = model::read_tsv(path, {"target", "family"});
  if (!table) return make_error(table.error());
  const auto target = static_cast<size_t>(table->column("target"));
  const auto family = static_cast<size_t>(table->column("family"));
  std::vector<std::pair<Symbol, Symbol>> families;
  for (const model::TsvRow& row : table->rows) {
    const std::string& name = row.cells[target];
    if (name.empty() || row.cells[family].empty()) {
      return make_error(
          fmt::format("{}: a target and its family are both needed", table->where(row)));
    }
    if (std::any_of(families.begin(), families.end(),
                    [&](const auto& f) { return f.first == name; })) {
      return make_error(fmt::format("{}: '{}' is listed twice", table->where(row), name));
    }
    families.emplace_back(name, row.cells[family]);
  }
  target_families = std::move(families);
  return Status::success();
}

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
    if (ec != std::errc() || end != text.data() + text.size()) {
      return make_error(fmt::format("{}: {}: '{}' is not a number", table->where(row), key, text));
    }
    if (key == "max_days_apart" || key == "publication_lag_days") {
      if (value < 0 || value > 366 || value != static_cast<int>(value)) {
        return make_error(
            fmt::format("{}: {} must be a whole number of days, 0..366", table->where(row), key));
      }
      (key == "max_days_apart" ? rules.max_days_apart : rules.publication_lag_days) =
          static_cast<int>(value);
      continue;
    }
    auto known =
        std::find_if(keys().begin(), keys().end(), [&](const Key& k) { return k.name == key; });
    if (known == keys().end()) {
      return make_error(fmt::format("{}: unknown key '{}'", table->where(row), key));
    }
    if (value < known->lowest || value > known->highest) {
      return make_error(fmt::format("{}: {} must lie in {}..{}", table->where(row), key,
                                    known->lowest, known->highest));
    }
    rules.*(known->value) = value;
  }
  return rules;
}

}  // namespace sitrep::fuse
