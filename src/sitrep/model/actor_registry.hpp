// Canonical actors and the names sources give them (data/actors.tsv).
//
// Sources name one group a dozen ways: UCDP's "IS" inside Afghanistan and Pakistan, GTD's
// "Khorasan Chapter of the Islamic State", ACLED's "Islamic State Khorasan Province (ISKP)" are
// all IS-KP. Each row of the table maps one alias to a canonical actor, optionally only inside
// some countries or dates; canonical actors form a hierarchy (IS-KP is a branch of IS), so a
// filter on an actor includes its sub-actors.
#pragma once

#include <array>
#include <string_view>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/model/date.hpp"
#include "sitrep/model/event.hpp"
#include "sitrep/model/taxonomy.hpp"
#include "sitrep/result.hpp"

namespace sitrep::model {

// The canonical names data/actors.tsv gives to "nobody known": events under them (or with no
// actor at all) are unattributed.
inline constexpr std::array<std::string_view, 2> kUnattributedActors = {"Unidentified armed group",
                                                                        "Unknown"};

inline bool is_unattributed_actor(std::string_view actor) {
  return actor.empty() || actor == kUnattributedActors[0] || actor == kUnattributedActors[1];
}

class ActorRegistry {
 public:
  // Columns: canonical, parent, alias, countries (comma list of ISO2, empty = anywhere),
  // from, to (ISO dates, empty = open).
  static Result<ActorRegistry> load(const std::string& path);

  // The canonical actor a source's string names at that place and time, or "" if none does.
  // Scoped aliases win over unscoped ones. A trailing country qualifier that ACLED adds
  // ("Civilians (Pakistan)") is tried without it when the full string is not an alias.
  std::string resolve(std::string_view original, std::string_view country, Day day) const;

  // Resolves every actor of an event whose canonical name is still empty, at the event's
  // country and start date.
  void resolve_actors(Event& event) const;

  // What a filter value `actor:NAME` means: the canonical actors NAME can name (a canonical
  // name names itself only; an alias every actor it maps to, in any scope) with all their
  // sub-actors. Unknown names stand for themselves.
  std::vector<std::string> expand_for_filter(std::string_view name) const;

  // Whether `name` is a canonical actor or an alias of one (case and spacing folded).
  bool knows(std::string_view name) const;
  // Every canonical actor name, for suggestions.
  std::vector<std::string> canonical_names() const;

  const Taxonomy& hierarchy() const { return hierarchy_; }

 private:
  struct Alias {
    std::string canonical;
    std::vector<std::string> countries;
    Day from = INT32_MIN;
    Day to = INT32_MAX;
    bool scoped() const { return !countries.empty() || from != INT32_MIN || to != INT32_MAX; }
  };
  const Alias* match(const std::string& key, std::string_view country, Day day) const;

  std::unordered_map<std::string, std::vector<Alias>> aliases_;  // folded alias → candidates
  std::unordered_map<std::string, std::string> canonical_;       // folded canonical → canonical
  Taxonomy hierarchy_;
};

}  // namespace sitrep::model
