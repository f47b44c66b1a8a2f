// The background of hallmark matching (hallmarks.cpp): what other events look like where the
// subject operates — how often each value of each trait occurs among them, attributed or not,
// and how many there are per country — and the window's candidates: events nobody is known to
// have carried out and nobody claimed.
//
// It is a tally, not a list: over ten million events the background of a busy group is millions
// of events, and matching needs their counts only. `load_background` (record_loader.hpp) tallies
// straight from the index; `background_of` from records, for tests and synthetic worlds.
#pragma once

#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/analyze/period.hpp"
#include "sitrep/analyze/record.hpp"

namespace sitrep::analyze {

// The traits hallmarks compare: target, weapon, kind of attack (ACLED sub-event type), province.
enum class Trait : uint8_t { target, weapon, kind, province };
inline constexpr size_t kTraitCount = 4;

std::string_view trait_name(Trait trait);
std::string_view trait_value(const Record& record, Trait trait);

// How often each value of each trait occurs in a set of events, and their countries.
struct TraitCounts {
  size_t total = 0;
  std::array<std::unordered_map<std::string_view, size_t>, kTraitCount> by_value;
  std::unordered_map<std::string_view, size_t> by_country;

  void add(const Record& record);
  // Adds many records at once: values are first counted by where their text lies (records read
  // from the index share one copy of each string), then by content, which saves hashing the
  // same text a million times.
  void add_all(const std::vector<const Record*>& records);
  size_t count(Trait trait, std::string_view value) const;
  size_t in_country(std::string_view country) const;
};

struct Background {
  TraitCounts counts;
  // The window's unattributed, unclaimed events. Their strings are views into the index, the
  // RecordSet they were read from, or `candidates` itself.
  RecordSet candidates;
};

// The background of `context` (other events where the subject operates), with the candidates
// inside `window`. The candidates view `context`'s strings: it must outlive the result.
Background background_of(const RecordSet& context, const Period& window);

}  // namespace sitrep::analyze
