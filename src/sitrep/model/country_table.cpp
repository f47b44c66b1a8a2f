#include "sitrep/model/country_table.hpp"

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::model {

Result<CountryTable> CountryTable::load(const std::string& path) {
  auto table = read_tsv(path, {"iso2", "iso3", "numeric", "name", "aliases"});
  if (!table) return std::move(table).take_error();
  CountryTable countries;
  const int iso2 = table->column("iso2"), iso3 = table->column("iso3"),
            numeric = table->column("numeric"), name = table->column("name"),
            aliases = table->column("aliases");
  for (const TsvRow& row : table->rows) {
    const std::string& code = row.cells[iso2];
    if (code == "-") {  // names that mean no single country
      countries.no_country_[fold_name(row.cells[name])] = true;
      for (std::string_view rest = row.cells[aliases]; !rest.empty();) {
        size_t bar = rest.find('|');
        countries.no_country_[fold_name(rest.substr(0, bar))] = true;
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
      continue;
    }
    if (code.size() != 2) {
      return make_error(fmt::format("{}: iso2 '{}' is not two letters", table->where(row), code));
    }
    countries.names_[code] = row.cells[name];
    auto add = [&](std::string_view key) {
      if (!key.empty()) countries.by_key_.emplace(fold_name(key), code);
    };
    add(code);
    add(row.cells[iso3]);
    add(row.cells[numeric]);
    if (!row.cells[numeric].empty()) {
      add(std::to_string(std::stoi(row.cells[numeric])));  // ACLED writes 4, not 004
    }
    add(row.cells[name]);
    std::string_view rest = row.cells[aliases];
    while (!rest.empty()) {
      size_t bar = rest.find('|');
      add(rest.substr(0, bar));
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  return countries;
}

std::string CountryTable::iso2(std::string_view name_or_code) const {
  auto it = by_key_.find(fold_name(name_or_code));
  return it == by_key_.end() ? std::string() : it->second;
}

std::optional<std::string> CountryTable::resolve(std::string_view cell) const {
  std::string key = fold_name(cell);
  if (key.empty() || no_country_.count(key)) return std::string();
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

std::string CountryTable::name(std::string_view iso2) const {
  auto it = names_.find(std::string(iso2));
  return it == names_.end() ? std::string(iso2) : it->second;
}

}  // namespace sitrep::model
