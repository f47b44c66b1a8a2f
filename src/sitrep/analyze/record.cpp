#include "sitrep/analyze/record.hpp"

namespace sitrep::analyze {

Record to_record(const model::Event& e, RecordSet& set) {
  Record r;
  r.id = e.id;
  r.day = e.date.start;
  r.dataset = set.keep(e.dataset);
  r.country = set.keep(e.country);
  r.admin1 = set.keep(e.admin1);
  r.admin2 = set.keep(e.admin2);
  r.location = set.keep(e.location);
  r.latitude = e.latitude;
  r.longitude = e.longitude;
  r.event_type = set.keep(e.event_type);
  r.sub_event_type = set.keep(e.sub_event_type);
  r.actor = set.keep(e.actor1.name());
  r.actor2 = set.keep(e.actor2.name());
  r.target = set.keep(e.target);
  r.weapon = set.keep(e.weapon);
  r.fatalities = e.fatalities_best;
  r.fatalities_low = e.fatalities_low;
  r.fatalities_high = e.fatalities_high;
  r.claim = e.claim;
  return r;
}

}  // namespace sitrep::analyze
