#include "sitrep/model/event.hpp"

#include <cstring>

namespace sitrep::model {
namespace {

// FNV-1a over length-prefixed fields: cheap, stable across platforms and runs, and good enough
// to tell "the same record again" from "a changed record" (collisions only cost a missed
// revision, never data).
class Digest {
 public:
  void add(std::string_view text) {
    add_bytes(text.size());
    for (char c : text) mix(static_cast<uint8_t>(c));
  }
  template <typename T>
  void add_bytes(T value) {
    uint8_t bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    for (uint8_t b : bytes) mix(b);
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
  uint64_t value() const { return hash_; }

 private:
  void mix(uint8_t byte) {
    hash_ ^= byte;
    hash_ *= 1099511628211ULL;
  }
  uint64_t hash_ = 14695981039346656037ULL;
};

}  // namespace

uint64_t content_digest(const Event& e) {
  Digest d;
  d.add_bytes(e.date.start);
  d.add_bytes(e.date.end);
  d.add_bytes(e.date.precision);
  for (const std::string* s :
       {&e.country, &e.admin1, &e.admin2, &e.location, &e.geo_precision_native, &e.event_type,
        &e.sub_event_type, &e.attack_type, &e.target, &e.target_original, &e.weapon,
        &e.weapon_original, &e.claim_mode, &e.sources, &e.source_scale, &e.notes}) {
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
