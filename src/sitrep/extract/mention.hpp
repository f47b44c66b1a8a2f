// A mention: one event as a report tells it — who did what to whom, where, when, with what, how
// many were hurt, and who claimed or denied it. Every field keeps the byte span of the words it
// was read from (Evidence), so a reader can see why sitrep says so.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sitrep/extract/casualties.hpp"
#include "sitrep/model/claim.hpp"
#include "sitrep/model/date.hpp"

namespace sitrep::extract {

struct Evidence {
  size_t begin = 0, end = 0;  // byte offsets in the document's text: [begin, end)
  bool empty() const { return begin == end; }
};

struct ActorMention {
  std::string actor;       // canonical (data/actors.tsv), or the lexicon's name if unresolved
  std::string text;        // as written
  bool uncertain = false;  // suspected, blamed, "bore the hallmarks"
  Evidence evidence;
};

struct PlaceMention {
  enum class Role { target, origin };
  Role role = Role::target;
  std::string text;  // the phrase given to the geocoder ("Khwaja Ghar district")
  bool found = false;
  std::string name, country, admin1, admin2;
  std::string precision;  // point, admin2, admin1, border, region, country
  double latitude = 0, longitude = 0;
  double confidence = 0;
  bool reference = false;  // named as a reference ("north of Kabul", "resident of Kohat")
  Evidence evidence;
};

struct Mention {
  std::string event_type, sub_event_type;  // ACLED's vocabulary
  Evidence trigger;
  std::optional<ActorMention> perpetrator;  // unset: the report does not say
  std::optional<ActorMention> target_actor;
  std::string target, target_level, target_minority;  // data/targets.tsv code, level, community
  Evidence target_evidence;
  std::string weapon;  // data/weapons.tsv code
  std::optional<int> weapon_count;
  Evidence weapon_evidence;
  std::vector<PlaceMention> places;  // target places first; the event's place is the first
  bool cross_border = false;         // an origin place in another country than the target
  std::optional<model::DateSpan> date;
  bool date_from_publication = false;  // no date in the text: the publication date stands in
  Evidence date_evidence;
  std::optional<CasualtyMention> killed, injured;
  model::ClaimStatus claim = model::ClaimStatus::unknown;
  std::vector<ActorMention> claimed_by, denied_by;
  std::string claim_channel;  // the outlet a claim came through (a claim channel's name)
  Evidence claim_evidence;
  bool hedged = false;
  Evidence hedge_evidence;
  double confidence = 0;            // 0..1: how sure the text is, not how sure sitrep is
  std::vector<Evidence> sentences;  // the sentences it was read from
};

}  // namespace sitrep::extract
