#include "sitrep/analyze/background.hpp"

#include "sitrep/model/actor_registry.hpp"

namespace sitrep::analyze {

std::string_view trait_name(Trait trait) {
  switch (trait) {
    case Trait::target:
      return "target";
    case Trait::weapon:
      return "weapon";
    case Trait::kind:
      return "kind of attack";
    case Trait::province:
      return "province";
  }
  return "";
}

std::string_view trait_value(const Record& r, Trait trait) {
  switch (trait) {
    case Trait::target:
      return r.target;
    case Trait::weapon:
      return r.weapon;
    case Trait::kind:
      return r.sub_event_type;
    case Trait::province:
      return r.admin1;
  }
  return {};
}

void TraitCounts::add(const Record& r) {
  ++total;
  for (size_t t = 0; t < kTraitCount; ++t) ++by_value[t][trait_value(r, static_cast<Trait>(t))];
  ++by_country[r.country];
}

void TraitCounts::add_all(const std::vector<const Record*>& records) {
  struct Identity {
    size_t operator()(std::string_view v) const {
      return std::hash<const void*>()(v.data()) ^ v.size();
    }
  };
  struct SameText {
    bool operator()(std::string_view a, std::string_view b) const {
      return a.data() == b.data() && a.size() == b.size();
    }
  };
  using ByIdentity = std::unordered_map<std::string_view, size_t, Identity, SameText>;
  std::array<ByIdentity, kTraitCount> values;
  ByIdentity countries;
  for (const Record* r : records) {
    for (size_t t = 0; t < kTraitCount; ++t) ++values[t][trait_value(*r, static_cast<Trait>(t))];
    ++countries[r->country];
  }
  total += records.size();
  for (size_t t = 0; t < kTraitCount; ++t) {
    for (const auto& [value, n] : values[t]) by_value[t][value] += n;
  }
  for (const auto& [country, n] : countries) by_country[country] += n;
}

size_t TraitCounts::count(Trait trait, std::string_view value) const {
  const auto& values = by_value[static_cast<size_t>(trait)];
  auto it = values.find(value);
  return it == values.end() ? 0 : it->second;
}

size_t TraitCounts::in_country(std::string_view country) const {
  auto it = by_country.find(country);
  return it == by_country.end() ? 0 : it->second;
}

Background background_of(const RecordSet& context, const Period& window) {
  Background out;
  for (const Record& r : context.records) {
    out.counts.add(r);
    if (model::is_unattributed_actor(r.actor) && window.contains(r.day) &&
        r.claim != model::ClaimStatus::claimed) {
      out.candidates.records.push_back(r);
    }
  }
  return out;
}

}  // namespace sitrep::analyze
