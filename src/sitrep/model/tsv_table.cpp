#include "sitrep/model/tsv_table.hpp"

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

namespace sitrep::model {
namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cells.emplace_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

}  // namespace

int TsvTable::column(std::string_view name) const {
  auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

std::string TsvTable::where(const TsvRow& row) const {
  return fmt::format("{}:{}", path, row.line);
}

Result<TsvTable> read_tsv(const std::string& path,
                          const std::vector<std::string_view>& required_columns) {
  std::ifstream in(path);
  if (!in) return make_error(fmt::format("{}: cannot open data table", path));
  TsvTable table;
  table.path = path;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells = split_tabs(line);
    if (table.header.empty()) {
      table.header = std::move(cells);
      continue;
    }
    if (cells.size() > table.header.size()) {
      return make_error(fmt::format("{}:{}: {} cells, but the header names {} columns", path,
                                    number, cells.size(), table.header.size()));
    }
    cells.resize(table.header.size());
    table.rows.push_back(TsvRow{number, std::move(cells)});
  }
  for (std::string_view name : required_columns) {
    if (table.column(name) < 0) {
      return make_error(fmt::format("{}: missing column '{}'", path, name));
    }
  }
  return table;
}

std::string fold_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace sitrep::model
