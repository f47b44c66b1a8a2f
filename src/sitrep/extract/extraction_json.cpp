#include "sitrep/extract/extraction_json.hpp"

namespace sitrep::extract {
namespace {

using json = nlohmann::json;

json evidence_json(const Evidence& e, std::string_view text) {
  if (e.empty() || e.end > text.size()) return nullptr;
  return {{"begin", e.begin}, {"end", e.end}, {"text", text.substr(e.begin, e.end - e.begin)}};
}

json actor_json(const ActorMention& a, std::string_view text) {
  json j = {{"actor", a.actor}, {"text", a.text}};
  if (a.uncertain) j["uncertain"] = true;
  j["evidence"] = evidence_json(a.evidence, text);
  return j;
}

// `with_role`: false for the report's list of every place it names, which plays no role.
json place_json(const PlaceMention& p, std::string_view text, bool with_role = true) {
  json j = {{"text", p.text}};
  if (with_role) j["role"] = p.role == PlaceMention::Role::origin ? "origin" : "target";
  j["found"] = p.found;
  if (p.found) {
    j["name"] = p.name;
    j["country"] = p.country;
    j["admin1"] = p.admin1;
    j["admin2"] = p.admin2;
    j["precision"] = p.precision;
    j["latitude"] = p.latitude;
    j["longitude"] = p.longitude;
    j["confidence"] = p.confidence;
  }
  j["evidence"] = evidence_json(p.evidence, text);
  return j;
}

json casualty_json(const std::optional<CasualtyMention>& c, std::string_view text) {
  if (!c) return nullptr;
  json j = {{"low", c->low}, {"high", c->high ? json(*c->high) : json(nullptr)}};
  j["evidence"] = evidence_json({c->begin, c->end}, text);
  return j;
}

json text_or_null(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

}  // namespace

json mention_json(const Mention& m, std::string_view text) {
  json j;
  j["event_type"] = text_or_null(m.event_type);
  j["sub_event_type"] = text_or_null(m.sub_event_type);
  j["trigger"] = evidence_json(m.trigger, text);
  j["perpetrator"] = m.perpetrator ? actor_json(*m.perpetrator, text) : json(nullptr);
  j["target_actor"] = m.target_actor ? actor_json(*m.target_actor, text) : json(nullptr);
  j["target"] = {{"type", text_or_null(m.target)},
                 {"level", text_or_null(m.target_level)},
                 {"minority", text_or_null(m.target_minority)},
                 {"evidence", evidence_json(m.target_evidence, text)}};
  j["weapon"] = {{"type", text_or_null(m.weapon)},
                 {"count", m.weapon_count ? json(*m.weapon_count) : json(nullptr)},
                 {"evidence", evidence_json(m.weapon_evidence, text)}};
  json places = json::array();
  for (const PlaceMention& p : m.places) places.push_back(place_json(p, text));
  j["places"] = places;
  j["cross_border"] = m.cross_border;
  if (m.date) {
    j["date"] = {{"start", model::format_iso(m.date->start)},
                 {"end", model::format_iso(m.date->end)},
                 {"precision", model::to_string(m.date->precision)},
                 {"from_publication", m.date_from_publication},
                 {"evidence", evidence_json(m.date_evidence, text)}};
  } else {
    j["date"] = nullptr;
  }
  j["killed"] = casualty_json(m.killed, text);
  j["injured"] = casualty_json(m.injured, text);
  json claimed = json::array(), denied = json::array();
  for (const ActorMention& a : m.claimed_by) claimed.push_back(actor_json(a, text));
  for (const ActorMention& a : m.denied_by) denied.push_back(actor_json(a, text));
  j["claim"] = {{"status", model::to_string(m.claim)},
                {"claimed_by", claimed},
                {"channel", text_or_null(m.claim_channel)},
                {"denied_by", denied},
                {"evidence", evidence_json(m.claim_evidence, text)}};
  j["hedged"] = m.hedged;
  if (m.hedged) j["hedge"] = evidence_json(m.hedge_evidence, text);
  j["confidence"] = m.confidence;
  json sentences = json::array();
  for (const Evidence& s : m.sentences) sentences.push_back({s.begin, s.end});
  j["sentences"] = sentences;
  return j;
}

json extraction_json(const Document& d, const ReportExtraction& x) {
  json j = {{"id", d.id},
            {"file", d.file},
            {"line", d.line},
            {"format", d.format},
            {"url", text_or_null(d.url)},
            {"title", text_or_null(d.title)},
            {"source", text_or_null(d.source)},
            {"published", d.published ? json(model::format_iso(*d.published)) : json(nullptr)},
            {"language", x.language.code},
            {"language_confidence", x.language.confidence},
            {"source_kind", x.source.kind}};
  if (!x.source.outlet.empty()) j["outlet"] = x.source.outlet;
  if (!x.source.actor.empty()) j["outlet_actor"] = x.source.actor;
  json mentions = json::array();
  for (const Mention& m : x.mentions) mentions.push_back(mention_json(m, x.text));
  j["mentions"] = mentions;
  json places = json::array(), actors = json::array();
  for (const PlaceMention& p : x.places) places.push_back(place_json(p, x.text, false));
  for (const ActorMention& a : x.actors) actors.push_back(actor_json(a, x.text));
  j["places"] = places;
  j["actors"] = actors;
  j["not_understood"] = x.not_understood;
  return j;
}

}  // namespace sitrep::extract
