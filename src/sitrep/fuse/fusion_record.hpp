// A record as fusion sees it: an imported dataset event or an event read from text, with how
// precisely its date and place are known — what decides which records may be one incident —
// and what an incident's canonical fields are made of (figures, claims, who said so).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sitrep/fuse/symbol.hpp"
#include "sitrep/model/claim.hpp"
#include "sitrep/model/date.hpp"

namespace sitrep::fuse {

// How precisely a record places its event, finest first.
enum class PlacePrecision : uint8_t { point, admin2, admin1, country, unknown };

std::string_view to_string(PlacePrecision precision);
std::optional<PlacePrecision> parse_place_precision(std::string_view text);

// Which row of the store a record is: an event (table `events`) or a mention (table `mentions`).
struct RecordRef {
  bool from_text = false;
  int64_t id = 0;

  auto operator<=>(const RecordRef&) const = default;
};

// "event:12" or "mention:5", as the CLI shows and takes them.
std::string to_string(RecordRef ref);
std::optional<RecordRef> parse_record_ref(std::string_view text);
inline std::ostream& operator<<(std::ostream& out, RecordRef ref) {
  return out << to_string(ref);
}

struct FusionRecord {
  int64_t id = 0;
  bool from_text = false;  // a mention (table `mentions`), else an event (table `events`)
  model::DateSpan date;    // a month-precision record spans its month
  // A report that gives no date for its event: it is dated by its publication, and the event
  // happened then or in the days before (fusion widens the date: publication_lag_days).
  bool dated_by_publication = false;
  Symbol country, admin1, admin2, location;
  // The areas' names as match keys (geo::folded_key: "Nahr-e Saraj" and "Nahri Sarraj", a
  // dataset's spelling and the gazetteer's, are one district), set by key_areas before records
  // are compared (area_keys.hpp). Without them, the names are compared as written.
  Symbol admin1_key, admin2_key;
  std::optional<double> latitude, longitude;
  PlacePrecision place_precision = PlacePrecision::unknown;
  Symbol event_type;   // ACLED's
  Symbol perpetrator;  // canonical; empty or a catch-all when unknown
  // A dataset event's other side (ACLED's actor2, UCDP's side_b): UCDP does not say which side
  // struck, and a clash has two, so a report naming either side names this event's.
  Symbol counterpart;
  Symbol target;
  std::optional<int> fatalities_low, fatalities_best, fatalities_high;
  model::ClaimStatus claim = model::ClaimStatus::unknown;
  Symbol claimed_by, denied_by;  // "; "-joined actors
  // Who said so: the dataset of an event, the outlet (or source) of a report. Records of one
  // source count once among an incident's independent sources.
  Symbol source;
  // Records sharing a non-empty key are never one incident: a dataset does not list an
  // incident twice ("dataset:ACLED"), and the mentions of one report are the events the
  // extractor told apart ("report:17").
  Symbol exclusive;
  double confidence = 1;  // the extractor's, for a mention; 1 for a dataset event
  // Rare words and names of its text, folded, distinct, in sort_words' order (rare_words.hpp).
  std::vector<Symbol> words;
  // How telling each word is (rarer is more; see rare_words.hpp); empty means all alike.
  std::vector<float> word_weights;

  RecordRef ref() const { return {from_text, id}; }
  Symbol province() const { return admin1_key.empty() ? admin1 : admin1_key; }
  Symbol district() const { return admin2_key.empty() ? admin2 : admin2_key; }
  // Placed at a town with coordinates: compared with other points by distance.
  bool is_point() const {
    return place_precision == PlacePrecision::point && latitude && longitude;
  }
};

}  // namespace sitrep::fuse
