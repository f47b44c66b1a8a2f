#include "sitrep/extract/report_rows.hpp"

#include "sitrep/extract/extraction_json.hpp"

namespace sitrep::extract {
namespace {

std::string joined(const std::vector<ActorMention>& actors) {
  std::string out;
  for (const ActorMention& a : actors) {
    if (out.find(a.actor) != std::string::npos) continue;
    out += (out.empty() ? "" : "; ") + a.actor;
  }
  return out;
}

store::MentionRow mention_row(const Mention& m, std::string_view text) {
  store::MentionRow row;
  row.event_type = m.event_type;
  row.sub_event_type = m.sub_event_type;
  if (m.perpetrator) row.perpetrator = m.perpetrator->actor;
  row.target = m.target;
  row.target_level = m.target_level;
  row.minority = m.target_minority;
  for (const PlaceMention& p : m.places) {
    if (!p.found || p.role != PlaceMention::Role::target) continue;
    row.country = p.country;
    row.admin1 = p.admin1;
    row.admin2 = p.admin2;
    row.location = p.name;
    row.latitude = p.latitude;
    row.longitude = p.longitude;
    row.geo_precision = p.precision;
    break;
  }
  row.cross_border = m.cross_border;
  if (m.date) {
    row.date_start = model::format_iso(m.date->start);
    row.date_end = model::format_iso(m.date->end);
    row.date_precision = std::string(model::to_string(m.date->precision));
  }
  if (m.killed) {
    row.killed_low = m.killed->low;
    row.killed_high = m.killed->high;
  }
  if (m.injured) {
    row.injured_low = m.injured->low;
    row.injured_high = m.injured->high;
  }
  row.claim = std::string(model::to_string(m.claim));
  row.claimed_by = joined(m.claimed_by);
  row.denied_by = joined(m.denied_by);
  row.hedged = m.hedged;
  row.confidence = m.confidence;
  row.detail = mention_json(m, text).dump();
  return row;
}

}  // namespace

store::ReportRow report_row(const Document& d, const ReportExtraction& x) {
  store::ReportRow row;
  row.doc_id = d.id;
  row.text_hash = text_hash_id(x.text);
  row.url = d.url;
  row.title = d.title;
  row.source = d.source;
  if (d.published) row.published = model::format_iso(*d.published);
  row.language = x.language.code;
  row.source_kind = x.source.kind;
  row.outlet = x.source.outlet;
  row.outlet_actor = x.source.actor;
  row.text = x.text;
  row.extraction = extraction_json(d, x).dump();
  row.line = d.line;
  for (const Mention& m : x.mentions) row.mentions.push_back(mention_row(m, x.text));
  return row;
}

}  // namespace sitrep::extract
