// A tree of codes: sitrep's target and weapon taxonomies (data/targets.tsv, data/weapons.tsv)
// and the actor hierarchy. Filters on a code include every code below it, so
// `target:security-forces` matches military and police targets.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/result.hpp"

namespace sitrep::model {

class Taxonomy {
 public:
  // A table with columns `code`, `parent` (empty or '-' for a root) and `description`.
  static Result<Taxonomy> load(const std::string& path);

  // Adds a code under `parent` (empty for a root). Fails if the link would make a cycle or
  // gives an existing code a different parent.
  Status add(const std::string& code, const std::string& parent);

  bool contains(std::string_view code) const { return parent_.count(std::string(code)) > 0; }
  // `code` and every code below it, `code` first. Just `code` if it is unknown.
  std::vector<std::string> with_descendants(const std::string& code) const;
  // `code` and every code above it, `code` first. Just `code` if it is unknown.
  std::vector<std::string> with_ancestors(const std::string& code) const;
  const std::vector<std::string>& codes() const { return codes_; }
  std::string description(std::string_view code) const;

 private:
  std::unordered_map<std::string, std::string> parent_;
  std::unordered_map<std::string, std::vector<std::string>> children_;
  std::unordered_map<std::string, std::string> description_;
  std::vector<std::string> codes_;  // in file order
};

}  // namespace sitrep::model
