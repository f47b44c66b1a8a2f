// Cross-border attacks: events whose origin lies in another country than their target (rockets
// fired across a border), from extracted reports or sources that give an origin; the first such
// attack into each country is a finding of its own.
#include <map>
#include <set>

#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"

namespace sitrep::analyze {
namespace {

bool crosses_border(const Record& r) {
  return r.cross_border ||
         (!r.origin_country.empty() && !r.country.empty() && r.origin_country != r.country);
}

std::string origin_text(const AssessmentOptions& o, const Record& r) {
  return r.origin_country.empty() ? std::string("across the border")
                                  : fmt::format("from {}", o.country_name(r.origin_country));
}

std::string reactions(const Record& r) {
  std::string out;
  if (!r.claimed_by.empty()) out += fmt::format("; claimed by {}", r.claimed_by);
  if (!r.denied_by.empty()) out += fmt::format("; denied by {}", r.denied_by);
  return out;
}

}  // namespace

void find_cross_border(const FinderInput& in, std::vector<Finding>& out) {
  std::set<std::string_view> struck_before;
  std::map<std::string_view, const Record*> firsts;  // target country → first record in window
  std::vector<const Record*> in_window;
  for (const Record* r : in.history) {
    if (r->day > in.options.window.to) break;
    if (!crosses_border(*r) || r->country.empty()) continue;
    if (in.options.window.contains(r->day)) {
      in_window.push_back(r);
      if (!struck_before.contains(r->country) && !firsts.contains(r->country)) {
        firsts[r->country] = r;
      }
    } else {
      struck_before.insert(r->country);
    }
  }
  for (const auto& [country, r] : firsts) {
    Finding f;
    f.kind = FindingKind::cross_border;
    const std::string name = in.options.country_name(country);
    f.title = fmt::format("First cross-border attack into {}", name);
    f.statement =
        fmt::format("On {} {} struck {} ({}) {}{}: its first recorded cross-border attack into {}.",
                    model::format_iso(r->day), in.options.subject, name,
                    detail::area_name(r->admin1, r->location.empty() ? r->admin2 : r->location),
                    origin_text(in.options, *r), reactions(*r), name);
    f.confidence = r->origin == RecordOrigin::mention ? Confidence::moderate : Confidence::high;
    f.score = 92;
    f.evidence = {detail::evidence_of(*r)};
    f.figures = {{"target country", 0, std::string(country)},
                 {"origin country", 0, std::string(r->origin_country)},
                 {"date", static_cast<double>(r->day), model::format_iso(r->day)}};
    out.push_back(std::move(f));
  }
  if (in_window.empty()) return;
  Finding all;
  all.kind = FindingKind::cross_border;
  all.title = "Cross-border attacks";
  std::map<std::string_view, int> by_country;
  for (const Record* r : in_window) ++by_country[r->country];
  std::string list;
  for (const auto& [country, n] : by_country) {
    if (!list.empty()) list += ", ";
    list += fmt::format("{} into {}", n, in.options.country_name(country));
    all.figures.push_back(
        {fmt::format("into {}", country), static_cast<double>(n), std::to_string(n)});
  }
  all.statement = fmt::format("{} in {} came from across a border: {}.",
                              in.options.count(static_cast<int64_t>(in_window.size())),
                              to_string(in.options.window), list);
  all.confidence = Confidence::moderate;
  all.score = 55;
  all.evidence = detail::deadliest(in_window, 5);
  // With a single event the first-ever finding already says it all.
  all.reported = in_window.size() > firsts.size();
  if (!all.reported) all.not_reported_because = "every cross-border event is reported as a first";
  out.push_back(std::move(all));
}

}  // namespace sitrep::analyze
