#include "sitrep/model/taxonomy.hpp"

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::model {

Result<Taxonomy> Taxonomy::load(const std::string& path) {
  auto table = read_tsv(path, {"code", "parent", "description"});
  if (!table) return std::move(table).take_error();
  Taxonomy taxonomy;
  const int code = table->column("code"), parent = table->column("parent"),
            description = table->column("description");
  for (const TsvRow& row : table->rows) {
    std::string parent_code = row.cells[parent] == "-" ? "" : row.cells[parent];
    if (Status s = taxonomy.add(row.cells[code], parent_code); !s) {
      return make_error(fmt::format("{}: {}", table->where(row), s.error()));
    }
    taxonomy.description_[row.cells[code]] = row.cells[description];
  }
  return taxonomy;
}

Status Taxonomy::add(const std::string& code, const std::string& parent) {
  if (code.empty()) return make_error("empty code");
  auto existing = parent_.find(code);
  if (existing != parent_.end()) {
    if (existing->second == parent || parent.empty()) return Status::success();
    if (!existing->second.empty()) {
      return make_error(
          fmt::format("'{}' already has parent '{}', not '{}'", code, existing->second, parent));
    }
  }
  for (std::string up = parent; !up.empty();) {
    if (up == code) return make_error(fmt::format("'{}' would be its own ancestor", code));
    auto it = parent_.find(up);
    up = it == parent_.end() ? "" : it->second;
  }
  if (existing == parent_.end()) codes_.push_back(code);
  parent_[code] = parent;
  if (!parent.empty()) {
    if (!parent_.count(parent)) {
      parent_[parent] = "";
      codes_.push_back(parent);
    }
    children_[parent].push_back(code);
  }
  return Status::success();
}

std::vector<std::string> Taxonomy::with_descendants(const std::string& code) const {
  std::vector<std::string> out{code};
  for (size_t i = 0; i < out.size(); ++i) {
    auto it = children_.find(out[i]);
    if (it == children_.end()) continue;
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

std::vector<std::string> Taxonomy::with_ancestors(const std::string& code) const {
  std::vector<std::string> out{code};
  for (auto it = parent_.find(code); it != parent_.end() && !it->second.empty();
       it = parent_.find(it->second)) {
    out.push_back(it->second);
  }
  return out;
}

std::string Taxonomy::description(std::string_view code) const {
  auto it = description_.find(std::string(code));
  return it == description_.end() ? std::string() : it->second;
}

}  // namespace sitrep::model
