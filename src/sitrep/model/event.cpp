#include "sitrep/model/event.hpp"

#include <cstring>

#include "sitrep/model/stable_hash.hpp"

namespace sitrep::model {
namespace {

// Feeds every analytic field, in a fixed order, into a StableHasher. Collisions only cost a
// missed revision, never data.
class Digest {
 public:
  void add(std::string_view text) { hasher_.add(text); }
  template <typename T>
  void add_bytes(T value) {
    uint64_t word = 0;
    static_assert(sizeof(T) <= sizeof(word));
    std::memcpy(&word, &value, sizeof(T));
    hasher_.add_word(word);
  }
  template <typename T>
  void add(const std::optional<T>& value) {
    add_bytes<uint8_t>(value.has_value());
    if (value) add_bytes(*value);
  }
  void add(const ActorRef& actor) {
    add(actor.canonical);
    add(actor.original);
  }
  void add(const std::vector<ActorRef>& actors) {
    add_bytes(actors.size());
    for (const ActorRef& a : actors) add(a);
  }
  uint64_t value() const { return hasher_.value(); }

 private:
  StableHasher hasher_;
};

}  // namespace

uint64_t content_digest(const Event& e) {
  Digest d;
  d.add_bytes(e.date.start);
  d.add_bytes(e.date.end);
  d.add_bytes(e.date.precision);
  // Places sitrep filled from the coordinates are not the source's: they count as not given,
  // so a sitrep export read back is the same content as the record it came from.
  static const std::string kNotGiven;
  d.add(is_filled(e.admin_filled, "country") ? kNotGiven : e.country);
  d.add(is_filled(e.admin_filled, "admin1") ? kNotGiven : e.admin1);
  d.add(is_filled(e.admin_filled, "admin2") ? kNotGiven : e.admin2);
  for (const std::string* s :
       {&e.location, &e.geo_precision_native, &e.event_type, &e.sub_event_type, &e.attack_type,
        &e.target, &e.target_original, &e.weapon, &e.weapon_original, &e.claim_mode, &e.sources,
        &e.source_scale, &e.notes}) {
    d.add(*s);
  }
  d.add(e.latitude);
  d.add(e.longitude);
  d.add_bytes(e.geo_level);
  d.add(e.violence_type);
  d.add(e.actor1);
  d.add(e.assoc_actors1);
  d.add(e.actor2);
  d.add(e.assoc_actors2);
  d.add_bytes(e.attribution_uncertain);
  d.add(e.fatalities_low);
  d.add(e.fatalities_best);
  d.add(e.fatalities_high);
  d.add(e.injuries);
  d.add_bytes(e.claim);
  d.add(e.source_count);
  return d.value();
}

bool is_filled(std::string_view filled, std::string_view field) {
  size_t start = 0;
  while (start < filled.size()) {
    size_t end = filled.find(',', start);
    std::string_view item = filled.substr(start, end == std::string_view::npos ? end : end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == field) return true;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
}

void blank_filled_places(Event& e, std::string_view filled) {
  if (is_filled(filled, "country")) e.country.clear();
  if (is_filled(filled, "admin1")) e.admin1.clear();
  if (is_filled(filled, "admin2")) e.admin2.clear();
}

std::string_view to_string(GeoLevel level) {
  switch (level) {
    case GeoLevel::unknown:
      return "unknown";
    case GeoLevel::exact:
      return "exact";
    case GeoLevel::near:
      return "near";
    case GeoLevel::admin1:
      return "admin1";
    case GeoLevel::country:
      return "country";
  }
  return "unknown";
}

}  // namespace sitrep::model
