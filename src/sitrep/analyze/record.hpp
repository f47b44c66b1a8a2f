// The records an assessment reads: one per event of the store, or per event extracted from a
// report (a mention), with the fields the findings use.
//
// Records are built from the columnar index (query/event_index.hpp) for speed: an assessment
// over millions of events never walks the store row by row. Their strings are views into the
// index's dictionaries or into the RecordSet's own storage, so a RecordSet must not outlive the
// index it was read from. Fields a source did not give are empty (strings) or unset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sitrep/model/claim.hpp"
#include "sitrep/model/date.hpp"
#include "sitrep/model/event.hpp"

namespace sitrep::analyze {

// Where a record comes from: a dataset event (store table `events`) or an event read from text
// (table `mentions`, issue 5). Until fusion (issue 7) joins them, one incident may appear as both.
enum class RecordOrigin : uint8_t { event, mention };

struct Record {
  RecordOrigin origin = RecordOrigin::event;
  int64_t id = 0;      // the event id or the mention id, by origin
  model::Day day = 0;  // the first possible day of the event
  std::string_view dataset;
  std::string_view country, admin1, admin2, location;
  uint32_t place = 0;  // the index's code of (country, admin1, admin2, location); 0: none
  std::optional<double> latitude, longitude;
  std::string_view event_type, sub_event_type;
  std::string_view actor;   // the perpetrator (actor1), canonical when resolved
  std::string_view actor2;  // the other side (actor2), for events without a perpetrator role
  // The branch of the subject's organisation the event belongs to (campaigns.cpp); set by the
  // loader of the organisation's events.
  std::string_view actor_branch;
  std::string_view target;        // data/targets.tsv code
  std::string_view target_level;  // national, provincial or district, for officials
  std::string_view minority;      // the community named, for attacks on minorities
  std::string_view weapon;
  std::optional<int> fatalities;                       // best estimate
  std::optional<int> fatalities_low, fatalities_high;  // where the source gave them
  model::ClaimStatus claim = model::ClaimStatus::unknown;
  std::string_view claimed_by, denied_by;
  std::string_view origin_country;  // where an attack came from, when not from `country`
  std::optional<double> origin_latitude, origin_longitude;
  bool cross_border = false;
};

// One item an actor's own outlet published (a claim, a magazine issue, a channel post): a
// report in the store's `reports` table whose outlet speaks for the actor.
struct MediaItem {
  int64_t report_id = 0;
  model::Day day = 0;  // publication day
  std::string_view outlet, language, source_kind;
};

// Records and the strings they own (those not viewed in an index). Movable, not copyable: the
// records view the set's own strings.
struct RecordSet {
  RecordSet() = default;
  RecordSet(RecordSet&&) = default;
  RecordSet& operator=(RecordSet&&) = default;
  RecordSet(const RecordSet&) = delete;
  RecordSet& operator=(const RecordSet&) = delete;

  std::vector<Record> records;
  std::vector<MediaItem> media;  // the subject's own outlets' output, when read
  // Keeps a string alive for as long as the set, once however often it is kept; returns a view
  // of it. The elements of a node-based set stay where they are as it grows.
  std::string_view keep(std::string text) {
    if (text.empty()) return {};
    return *owned_.insert(std::move(text)).first;
  }

 private:
  std::unordered_set<std::string> owned_;
};

// An event as a record, its strings kept in `set` (for events that are not in an index: the
// scenario suite's synthetic worlds).
Record to_record(const model::Event& event, RecordSet& set);

}  // namespace sitrep::analyze
