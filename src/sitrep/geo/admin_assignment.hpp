// Admin areas from coordinates: an event that has coordinates but no admin1 or admin2 gets them
// from the polygons they lie in (the bundled UCDP sample has none), and an event whose stated
// admin1 or admin2 is not the area its coordinates lie in is flagged, not changed.
//
// What the assigner writes is marked as derived: Event::admin_filled lists the fields it filled
// ("admin1,admin2"), Event::geo_check says what disagrees. Neither enters the event's content
// digest, so a later import of the same record with another gazetteer is not a new revision.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/geo/gazetteer.hpp"
#include "sitrep/model/event.hpp"

namespace sitrep::geo {

struct AdminAssignmentCounts {
  int64_t filled = 0;    // events given an admin1 or admin2
  int64_t flagged = 0;   // events whose stated place disagrees with their coordinates
  int64_t unplaced = 0;  // events with coordinates no polygon holds
};

class AdminAssigner {
 public:
  explicit AdminAssigner(std::shared_ptr<const Gazetteer> gazetteer);

  void assign(model::Event& event);
  // Whether a point lies in no admin1 polygon of the gazetteer (its admin areas cannot come from
  // it, whatever the source stated).
  bool outside_every_polygon(double latitude, double longitude) const;
  const AdminAssignmentCounts& counts() const { return counts_; }

 private:
  // Does `stated` name `area` (any of its names, on the folded or skeleton key)?
  bool names(uint32_t area, const std::string& stated);

  std::shared_ptr<const Gazetteer> gazetteer_;
  std::unordered_map<uint32_t, std::vector<std::string>> keys_;  // area → its names' keys
  AdminAssignmentCounts counts_;
};

}  // namespace sitrep::geo
