// The event: sitrep's unit of record.
//
// One `Event` holds what one dataset row (or one sitrep JSONL line) says about one incident,
// normalised into sitrep's vocabulary while keeping what the source said: canonical actors next
// to the original strings, a normalised geo level next to the native precision code, and the
// verbatim source record in the provenance. Fields a source does not report stay empty
// (strings) or unset (optionals); nothing is guessed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model/claim.hpp"
#include "sitrep/model/date.hpp"

namespace sitrep::model {

// An actor as the source named it, and the canonical actor it resolves to through
// data/actors.tsv (empty when no alias matches: the original string then stands for itself).
struct ActorRef {
  std::string canonical;
  std::string original;

  bool empty() const { return original.empty(); }
  // The name queries and reports use: canonical when resolved, else the original string.
  const std::string& name() const { return canonical.empty() ? original : canonical; }
  bool operator==(const ActorRef&) const = default;
};

// How precisely a place is known, on one scale for all datasets. Native codes map onto it
// through data/geo_precision.tsv.
enum class GeoLevel : uint8_t {
  unknown = 0,
  exact = 1,    // the town or village itself
  near = 2,     // nearby, or within a district (admin2)
  admin1 = 3,   // somewhere in a province
  country = 4,  // only the country (or wider) is known
};

// Where a row came from: enough to find it again in the original file.
struct Provenance {
  int64_t run_id = 0;
  std::string file;
  int64_t line = 0;      // first physical line of the record, 1-based
  std::string original;  // the record exactly as it stood in the file (CSV row or JSON line)
};

struct Event {
  // identity
  int64_t id = 0;         // sitrep id, assigned by the store
  std::string dataset;    // "acled", "ucdp-ged", "gtd", or a JSONL producer's name
  std::string native_id;  // event_id_cnty / UCDP id / GTD eventid
  int revision = 1;

  // time
  DateSpan date;

  // place
  std::string country;  // ISO 3166-1 alpha-2; empty when unknown
  std::string admin1;
  std::string admin2;
  std::string location;
  std::optional<double> latitude;
  std::optional<double> longitude;
  GeoLevel geo_level = GeoLevel::unknown;
  std::string
      geo_precision_native;  // e.g. "2" (ACLED geo_precision, UCDP where_prec, GTD specificity)
  // Derived by sitrep, not said by the source (and not part of the content digest): the fields
  // filled from the coordinates ("admin1,admin2"), and what in the stated place disagrees with
  // the coordinates (geo/admin_assignment.hpp).
  std::string admin_filled;
  std::string geo_check;

  // what
  std::string event_type;      // ACLED event_type vocabulary
  std::string sub_event_type;  // ACLED sub_event_type vocabulary
  std::optional<int>
      violence_type;        // UCDP type_of_violence: 1 state-based, 2 non-state, 3 one-sided
  std::string attack_type;  // GTD attacktype1_txt, verbatim
  std::string target;       // sitrep target taxonomy (data/targets.tsv)
  std::string target_original;
  std::string weapon;  // sitrep weapon taxonomy (data/weapons.tsv)
  std::string weapon_original;

  // who
  ActorRef actor1;  // perpetrator / initiator (ACLED actor1, UCDP side_a, GTD gname)
  std::vector<ActorRef> assoc_actors1;
  ActorRef actor2;  // target side (ACLED actor2, UCDP side_b)
  std::vector<ActorRef> assoc_actors2;
  bool attribution_uncertain = false;  // GTD guncertain1

  // harm
  std::optional<int> fatalities_low;
  std::optional<int> fatalities_best;
  std::optional<int> fatalities_high;
  std::optional<int> injuries;

  // claim
  ClaimStatus claim = ClaimStatus::unknown;
  std::string claim_mode;  // GTD claimmode_txt

  // sources
  std::string sources;       // source names, "; "-separated
  std::string source_scale;  // ACLED source_scale
  std::optional<int> source_count;
  std::string notes;  // notes / summary / headlines: the text free-text filters search

  Provenance provenance;
};

// A 64-bit digest of an event's analytic content (everything but identity, provenance and what
// sitrep derived: places listed in admin_filled count as not given, geo_check not at all).
// Re-importing a record whose digest is unchanged adds nothing; a changed digest makes a new
// revision.
uint64_t content_digest(const Event& event);

std::string_view to_string(GeoLevel level);

// Whether `filled` ("admin1,admin2", an Event::admin_filled) lists `field`.
bool is_filled(std::string_view filled, std::string_view field);
// Blanks the place fields (country, admin1, admin2) that `filled` lists: what sitrep derived
// from the coordinates, taken out so that only what the source said is left.
void blank_filled_places(Event& event, std::string_view filled);

}  // namespace sitrep::model
