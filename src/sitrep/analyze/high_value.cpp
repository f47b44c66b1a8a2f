// High-value targets: attacks on officials, by level (national, provincial, district) where the
// source gives it, with the first at each level in the record flagged.
#include <map>
#include <set>

#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"

namespace sitrep::analyze {
namespace {

bool is_official_target(const Record& r) {
  return !r.target_level.empty() || r.target == "government" || r.target == "diplomatic";
}

std::string_view level_of(const Record& r) {
  return r.target_level.empty() ? std::string_view("level not given") : r.target_level;
}

std::string what_happened(const Record& r) {
  return r.fatalities.value_or(0) > 0 ? "killed or attacked" : "attacked";
}

}  // namespace

void find_high_value_targets(const FinderInput& in, std::vector<Finding>& out) {
  std::set<std::string_view> levels_before;
  std::map<std::string_view, const Record*> firsts;
  std::vector<const Record*> in_window;
  for (const Record* r : in.history) {
    if (r->day > in.options.window.to) break;
    if (!is_official_target(*r)) continue;
    if (!in.options.window.contains(r->day)) {
      levels_before.insert(level_of(*r));
      continue;
    }
    in_window.push_back(r);
    if (!r->target_level.empty() && !levels_before.contains(r->target_level) &&
        !firsts.contains(r->target_level)) {
      firsts[r->target_level] = r;
    }
  }
  for (const auto& [level, r] : firsts) {
    Finding f;
    f.kind = FindingKind::high_value_target;
    f.title = fmt::format("First {}-level official targeted", level);
    f.statement = fmt::format(
        "On {} {} {} a {}-level official in {}: the first attack on an official of that level "
        "in its record (the data begin on {}).",
        model::format_iso(r->day), in.options.subject, what_happened(*r), level,
        detail::area_name(r->country, r->admin1, r->admin2),
        model::format_iso(in.options.coverage.from));
    f.confidence = r->origin == RecordOrigin::mention ? Confidence::moderate : Confidence::high;
    f.score = level == "national" ? 90 : level == "provincial" ? 85 : 70;
    f.evidence = {detail::evidence_of(*r)};
    f.figures = {{"level", 0, std::string(level)},
                 {"date", static_cast<double>(r->day), model::format_iso(r->day)}};
    out.push_back(std::move(f));
  }
  if (in_window.empty()) return;
  Finding all;
  all.kind = FindingKind::high_value_target;
  all.title = "Attacks on officials";
  std::map<std::string_view, int> by_level;
  for (const Record* r : in_window) ++by_level[level_of(*r)];
  std::string list;
  for (const auto& [level, n] : by_level) {
    list += fmt::format("{}{} {}", list.empty() ? "" : ", ", n, level);
    all.figures.push_back({std::string(level), static_cast<double>(n), std::to_string(n)});
  }
  all.statement = fmt::format(
      "{} struck government officials or offices {} in {} ({}).", in.options.subject,
      in_window.size() == 1 ? std::string("once") : fmt::format("{} times", in_window.size()),
      to_string(in.options.window), list);
  all.confidence = Confidence::moderate;
  all.score = 60;
  all.evidence = detail::deadliest(in_window, 5);
  out.push_back(std::move(all));
}

}  // namespace sitrep::analyze
