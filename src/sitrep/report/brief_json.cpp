// The brief as JSON: the same findings, figures and notes, for the HTTP API and the dashboard.
#include <nlohmann/json.hpp>

#include "sitrep/model/date.hpp"
#include "sitrep/report/brief.hpp"
#include "sitrep/report/defang.hpp"

namespace sitrep::report {
namespace {

nlohmann::json finding_json(const analyze::Finding& f) {
  nlohmann::json j;
  j["kind"] = analyze::to_string(f.kind);
  j["title"] = f.title;
  j["statement"] = f.statement;
  j["reported"] = f.reported;
  if (!f.reported) j["not_reported_because"] = f.not_reported_because;
  if (!f.judgement.empty()) j["judgement"] = f.judgement;
  j["probability"] = f.probability ? nlohmann::json(*f.probability) : nlohmann::json();
  j["p_value"] = f.p_value ? nlohmann::json(*f.p_value) : nlohmann::json();
  j["confidence"] = analyze::to_string(f.confidence);
  j["score"] = f.score;
  j["figures"] = nlohmann::json::array();
  for (const analyze::Figure& fig : f.figures) {
    j["figures"].push_back({{"name", fig.name}, {"value", fig.value}, {"text", fig.text}});
  }
  j["evidence"] = nlohmann::json::array();
  for (const analyze::Evidence& e : f.evidence) {
    j["evidence"].push_back(
        {{"origin", e.origin == analyze::RecordOrigin::event ? "event" : "mention"}, {"id", e.id}});
  }
  return j;
}

}  // namespace

nlohmann::json to_json(const Brief& brief) {
  const analyze::Assessment& a = *brief.assessment;
  nlohmann::json j;
  j["title"] = brief.title;
  j["subject"] = a.options.subject;
  j["window"] = analyze::to_string(a.options.window);
  j["baseline"] = analyze::to_string(a.options.baseline);
  j["coverage"] = analyze::to_string(a.options.coverage);
  j["records"] = {{"total", a.records_total},
                  {"window", a.records_in_window},
                  {"baseline", a.records_in_baseline},
                  {"window_from_text", a.mentions_in_window}};
  j["takeaway"] = brief.takeaway;
  j["weekly"] = nlohmann::json::array();
  for (const analyze::WeekCount& w : a.weekly) {
    j["weekly"].push_back({{"week", model::format_iso(w.monday)},
                           {"events", w.events},
                           {"fatalities", w.fatalities}});
  }
  j["findings"] = nlohmann::json::array();
  for (const BriefSection& s : brief.sections) {
    nlohmann::json f = finding_json(*s.finding);
    if (!s.judgement.empty()) f["judgement_text"] = s.judgement;
    f["notes"] = s.notes;
    j["findings"].push_back(std::move(f));
  }
  j["not_reported"] = nlohmann::json::array();
  for (const analyze::Finding* f : brief.not_reported)
    j["not_reported"].push_back(finding_json(*f));
  j["notes"] = nlohmann::json::array();
  for (size_t i = 0; i < brief.notes.size(); ++i) {
    const Citation& c = brief.notes[i];
    j["notes"].push_back(
        {{"number", i + 1},
         {"text", c.text},
         {"url", c.url.empty() ? nlohmann::json() : nlohmann::json(defang_url(c.url))}});
  }
  return j;
}

}  // namespace sitrep::report
