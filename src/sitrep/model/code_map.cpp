#include "sitrep/model/code_map.hpp"

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::model {

Result<CodeMap> CodeMap::load(const std::string& path) {
  auto table = read_tsv(path, {"dataset", "field", "value"});
  if (!table) return std::move(table).take_error();
  if (table->header.size() < 4) {
    return make_error(fmt::format("{}: no output columns after dataset, field, value", path));
  }
  CodeMap map;
  map.outputs_.assign(table->header.begin() + 3, table->header.end());
  for (const TsvRow& row : table->rows) {
    std::string k = key(row.cells[0], row.cells[1], row.cells[2]);
    std::vector<std::string> outputs(row.cells.begin() + 3, row.cells.end());
    if (!map.rows_.emplace(std::move(k), std::move(outputs)).second) {
      return make_error(fmt::format("{}: duplicate mapping for {} {} '{}'", table->where(row),
                                    row.cells[0], row.cells[1], row.cells[2]));
    }
  }
  return map;
}

std::string CodeMap::key(std::string_view dataset, std::string_view field, std::string_view value) {
  return fmt::format("{}\x1f{}\x1f{}", dataset, field, fold_name(value));
}

const std::vector<std::string>* CodeMap::find(std::string_view dataset, std::string_view field,
                                              std::string_view value) const {
  auto it = rows_.find(key(dataset, field, value));
  return it == rows_.end() ? nullptr : &it->second;
}

std::string CodeMap::first(std::string_view dataset, std::string_view field,
                           std::string_view value) const {
  const auto* row = find(dataset, field, value);
  return row ? (*row)[0] : std::string();
}

}  // namespace sitrep::model
