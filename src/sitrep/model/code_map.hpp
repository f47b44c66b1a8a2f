// Mapping tables from a dataset's native codes into sitrep's vocabulary (data/*_map.tsv).
//
// A row says: in `dataset`, when column `field` holds `value`, the sitrep values are the rest of
// the row (a target code; a weapon code; an event type and sub-event type; a geo level).
// Values match case-insensitively. The tables are the documentation of every mapping sitrep
// makes: change a row, re-import, and the store follows.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/result.hpp"

namespace sitrep::model {

class CodeMap {
 public:
  // Columns: dataset, field, value, then one or more output columns.
  static Result<CodeMap> load(const std::string& path);

  // The output cells for (dataset, field, value), or nullptr when no row matches.
  const std::vector<std::string>* find(std::string_view dataset, std::string_view field,
                                       std::string_view value) const;
  // The first output cell, or "" when no row matches.
  std::string first(std::string_view dataset, std::string_view field, std::string_view value) const;
  const std::vector<std::string>& output_columns() const { return outputs_; }

 private:
  static std::string key(std::string_view dataset, std::string_view field, std::string_view value);
  std::vector<std::string> outputs_;
  std::unordered_map<std::string, std::vector<std::string>> rows_;
};

}  // namespace sitrep::model
