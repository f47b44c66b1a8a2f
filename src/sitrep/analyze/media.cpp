// Media: what the subject's own outlets and claim channels published (reports ingested from
// them), by outlet and language; the volume against the baseline's (the exact rate test of
// tempo); outlets and languages new in the window; and the share of the window's events it
// claimed.
#include <map>
#include <set>

#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"
#include "sitrep/analyze/statistics.hpp"

namespace sitrep::analyze {
namespace {

std::string breakdown(const std::map<std::string_view, int64_t>& counts) {
  std::vector<std::pair<std::string_view, int64_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [name, n] : sorted) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name.empty() ? "unnamed" : name, n);
  }
  return out;
}

}  // namespace

void find_media(const FinderInput& in, std::vector<Finding>& out) {
  if (in.media.empty()) return;
  std::map<std::string_view, int64_t> outlets, languages;
  std::set<std::string_view> outlets_before, languages_before;
  std::map<std::string_view, model::Day> first_new;  // a new outlet or language → first day
  int64_t now = 0, before = 0;
  for (const MediaItem* m : in.media) {
    if (in.options.baseline.contains(m->day)) {
      ++before;
      outlets_before.insert(m->outlet);
      languages_before.insert(m->language);
    }
  }
  for (const MediaItem* m : in.media) {
    if (!in.options.window.contains(m->day)) continue;
    ++now;
    ++outlets[m->outlet];
    ++languages[m->language];
    if (before > 0 && !outlets_before.contains(m->outlet)) first_new.try_emplace(m->outlet, m->day);
    if (before > 0 && !languages_before.contains(m->language)) {
      first_new.try_emplace(m->language, m->day);
    }
  }
  Finding f;
  f.kind = FindingKind::media;
  f.title = "Own media";
  int64_t claimed = 0;
  for (const Record* r : in.window) claimed += r->claim == model::ClaimStatus::claimed;
  if (now == 0) {
    f.reported = false;
    f.not_reported_because = fmt::format(
        "none of the {} items from its outlets in the store falls "
        "in the window",
        in.media.size());
    out.push_back(std::move(f));
    return;
  }
  std::string news;
  for (const auto& [name, day] : first_new) {
    news += fmt::format("{}{} (from {})", news.empty() ? "" : ", ", name, model::format_iso(day));
  }
  f.statement = fmt::format(
      "{}'s own outlets published {} in {} (by outlet: {}; by language: {}){}{}; it claimed {} "
      "of its {} there.",
      in.options.subject, detail::count_of(now, "item"), to_string(in.options.window),
      breakdown(outlets), breakdown(languages),
      before > 0 ? fmt::format(", against {} in the baseline", before) : std::string(),
      news.empty() ? std::string() : fmt::format("; new in the window: {}", news), claimed,
      in.options.count(static_cast<int64_t>(in.window.size())));
  for (const auto& [name, n] : outlets) {
    f.figures.push_back(
        {fmt::format("outlet {}", name), static_cast<double>(n), std::to_string(n)});
  }
  for (const auto& [name, n] : languages) {
    f.figures.push_back(
        {fmt::format("language {}", name), static_cast<double>(n), std::to_string(n)});
  }
  if (in.baseline_days > 0 && in.window_days > 0 && before > 0) {
    const RateComparison rc = compare_rates(now, in.window_days, before, in.baseline_days);
    f.judgement = fmt::format("{}'s outlets published more in the window than in the baseline",
                              in.options.subject);
    f.probability = rc.probability_higher;
    f.p_value = rc.p_value;
    f.confidence = confidence_from(rc.p_value, static_cast<size_t>(now + before));
  }
  f.score = first_new.empty() ? 45 : 68;
  out.push_back(std::move(f));
}

}  // namespace sitrep::analyze
