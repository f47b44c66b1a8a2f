#include "sitrep/model/actor_registry.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::model {
namespace {

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string item(text.substr(0, comma));
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return out;
}

// "Civilians (Pakistan)" → "Civilians"; anything else → "".
std::string without_trailing_qualifier(std::string_view name) {
  if (name.empty() || name.back() != ')') return "";
  size_t open = name.rfind(" (");
  return open == std::string_view::npos ? "" : std::string(name.substr(0, open));
}

}  // namespace

Result<ActorRegistry> ActorRegistry::load(const std::string& path) {
  auto table = read_tsv(path, {"canonical", "parent", "alias", "countries", "from", "to"});
  if (!table) return std::move(table).take_error();
  ActorRegistry registry;
  const int canonical = table->column("canonical"), parent = table->column("parent"),
            alias = table->column("alias"), countries = table->column("countries"),
            from = table->column("from"), to = table->column("to");
  for (const TsvRow& row : table->rows) {
    const std::string& name = row.cells[canonical];
    if (name.empty()) return make_error(fmt::format("{}: empty canonical", table->where(row)));
    std::string parent_name = row.cells[parent] == "-" ? "" : row.cells[parent];
    if (Status s = registry.hierarchy_.add(name, parent_name); !s) {
      return make_error(fmt::format("{}: {}", table->where(row), s.error()));
    }
    registry.canonical_[fold_name(name)] = name;
    Alias entry{name, split_commas(row.cells[countries])};
    for (auto [column, bound] : {std::pair{from, &entry.from}, std::pair{to, &entry.to}}) {
      if (row.cells[column].empty()) continue;
      auto day = parse_date(row.cells[column]);
      if (!day) return make_error(fmt::format("{}: {}", table->where(row), day.error()));
      *bound = *day;
    }
    const std::string& alias_name = row.cells[alias].empty() ? name : row.cells[alias];
    registry.aliases_[fold_name(alias_name)].push_back(std::move(entry));
  }
  // Scoped aliases first, so that resolve() prefers them.
  for (auto& [key, candidates] : registry.aliases_) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Alias& a, const Alias& b) { return a.scoped() && !b.scoped(); });
  }
  // Every canonical name is an alias of itself.
  for (const auto& [key, name] : registry.canonical_) {
    auto& candidates = registry.aliases_[key];
    bool present = std::any_of(candidates.begin(), candidates.end(),
                               [&](const Alias& a) { return a.canonical == name && !a.scoped(); });
    if (!present) candidates.push_back(Alias{name, {}});
  }
  return registry;
}

const ActorRegistry::Alias* ActorRegistry::match(const std::string& key, std::string_view country,
                                                 Day day) const {
  auto it = aliases_.find(key);
  if (it == aliases_.end()) return nullptr;
  for (const Alias& alias : it->second) {
    bool in_country =
        alias.countries.empty() ||
        std::find(alias.countries.begin(), alias.countries.end(), country) != alias.countries.end();
    if (in_country && day >= alias.from && day <= alias.to) return &alias;
  }
  return nullptr;
}

std::string ActorRegistry::resolve(std::string_view original, std::string_view country,
                                   Day day) const {
  if (original.empty()) return "";
  if (const Alias* alias = match(fold_name(original), country, day)) return alias->canonical;
  std::string shorter = without_trailing_qualifier(original);
  if (shorter.empty()) return "";
  const Alias* alias = match(fold_name(shorter), country, day);
  return alias ? alias->canonical : "";
}

void ActorRegistry::resolve_actors(Event& event) const {
  auto resolve_one = [&](ActorRef& actor) {
    if (actor.canonical.empty())
      actor.canonical = resolve(actor.original, event.country, event.date.start);
  };
  resolve_one(event.actor1);
  resolve_one(event.actor2);
  for (ActorRef& actor : event.assoc_actors1) resolve_one(actor);
  for (ActorRef& actor : event.assoc_actors2) resolve_one(actor);
}

std::vector<std::string> ActorRegistry::expand_for_filter(std::string_view name) const {
  std::string key = fold_name(name);
  std::vector<std::string> roots;
  if (auto it = canonical_.find(key); it != canonical_.end()) {
    roots.push_back(it->second);
  } else if (auto found = aliases_.find(key); found != aliases_.end()) {
    for (const Alias& alias : found->second) roots.push_back(alias.canonical);
  } else {
    roots.emplace_back(name);
  }
  std::vector<std::string> out;
  for (const std::string& root : roots) {
    for (std::string& actor : hierarchy_.with_descendants(root)) {
      if (std::find(out.begin(), out.end(), actor) == out.end()) out.push_back(std::move(actor));
    }
  }
  return out;
}

bool ActorRegistry::knows(std::string_view name) const {
  std::string key = fold_name(name);
  return canonical_.count(key) > 0 || aliases_.count(key) > 0;
}

std::vector<std::string> ActorRegistry::canonical_names() const {
  std::vector<std::string> names;
  for (const auto& [key, name] : canonical_) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace sitrep::model
