#include "sitrep/analyze/assessment.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <thread>

#include "sitrep/analyze/detail/wording.hpp"

namespace sitrep::analyze {
namespace {

std::string_view kind_names[] = {
    "tempo",  "change_point", "first_in_area",     "reemergence",    "cross_border", "target_mix",
    "spread", "claims",       "high_value_target", "hallmark_match", "campaign",     "media"};

// Sorts records by day, stably. Records from the index come in date order and those read from
// text after them, in date order too: two sorted runs are merged, not sorted again.
void sort_by_day(std::vector<const Record*>& records) {
  auto earlier = [](const Record* a, const Record* b) { return a->day < b->day; };
  auto run_end = std::is_sorted_until(records.begin(), records.end(), earlier);
  if (run_end == records.end()) return;
  if (std::is_sorted(run_end, records.end(), earlier)) {
    std::inplace_merge(records.begin(), run_end, records.end(), earlier);
  } else {
    std::stable_sort(records.begin(), records.end(), earlier);
  }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::string AssessmentOptions::count(int64_t n) const {
  return detail::count_of(n, unit);
}

std::string_view to_string(FindingKind kind) {
  return kind_names[static_cast<size_t>(kind)];
}

std::string_view to_string(Confidence confidence) {
  switch (confidence) {
    case Confidence::high:
      return "high";
    case Confidence::moderate:
      return "moderate";
    case Confidence::low:
      break;
  }
  return "low";
}

Confidence confidence_from(double p_value, size_t records) {
  if (p_value < 0.001 && records >= 20) return Confidence::high;
  if (p_value < 0.01 && records >= 10) return Confidence::moderate;
  return Confidence::low;
}

std::vector<WeekCount> weekly_counts(const std::vector<const Record*>& records,
                                     const Period& span) {
  std::vector<WeekCount> weeks;
  if (span.empty()) return weeks;
  const model::Day first = week_start(span.from);
  for (model::Day monday = first; monday <= span.to; monday += 7) weeks.push_back({monday, 0, 0});
  for (const Record* r : records) {
    if (!span.contains(r->day)) continue;
    WeekCount& w = weeks[static_cast<size_t>((r->day - first) / 7)];
    ++w.events;
    w.fatalities += r->fatalities.value_or(0);
  }
  return weeks;
}

Assessment assess(const RecordSet& records, const AssessmentOptions& options,
                  const AssessmentSources& sources) {
  const Background* background = sources.background;

  const auto started = std::chrono::steady_clock::now();
  Assessment out;
  out.options = options;
  FinderInput in(options);
  in.earlier = sources.earlier;
  in.family = sources.family;
  if (background) {
    in.background = &background->counts;
    for (const Record& r : background->candidates.records) in.unattributed.push_back(&r);
    sort_by_day(in.unattributed);
  }
  for (const MediaItem& m : records.media) in.media.push_back(&m);
  std::stable_sort(in.media.begin(), in.media.end(),
                   [](const MediaItem* a, const MediaItem* b) { return a->day < b->day; });
  in.history.reserve(records.records.size());
  for (const Record& r : records.records) in.history.push_back(&r);
  sort_by_day(in.history);
  for (const Record* r : in.history) {
    if (options.window.contains(r->day)) in.window.push_back(r);
    if (options.baseline.contains(r->day)) in.baseline.push_back(r);
  }
  in.window_days = static_cast<double>(options.window.overlap(options.coverage).days());
  in.baseline_days = static_cast<double>(options.baseline.overlap(options.coverage).days());
  Period series{options.baseline.empty() ? options.window.from : options.baseline.from,
                options.window.to};
  if (!options.coverage.empty()) series.from = std::max(series.from, options.coverage.from);
  in.weekly = weekly_counts(in.history, series);
  if (const HeldBack* held = in.held_back()) {
    // The weeks of the events summed up rather than held.
    const model::Day first_monday = in.weekly.empty() ? 0 : in.weekly.front().monday;
    for (size_t i = 0; i < held->daily_events.size(); ++i) {
      const model::Day day = in.earlier->before + static_cast<model::Day>(i);
      if (!series.contains(day) || in.weekly.empty()) continue;
      WeekCount& w = in.weekly[static_cast<size_t>((day - first_monday) / 7)];
      w.events += held->daily_events[i];
      w.fatalities += held->daily_fatalities[i];
    }
  }
  out.weekly = in.weekly;
  out.window_days = in.window_days;
  out.baseline_days = in.baseline_days;
  out.window_records = in.window;
  out.records_total = in.history.size() + (in.earlier ? in.earlier->events : 0) +
                      (in.held_back() ? in.held_back()->events : 0);
  out.records_in_window = in.window.size();
  out.records_in_baseline = in.baseline.size() + (in.held_back() ? in.held_back()->in_baseline : 0);
  out.mentions_in_window =
      static_cast<size_t>(std::count_if(in.window.begin(), in.window.end(), [](const Record* r) {
        return r->origin == RecordOrigin::mention;
      }));

  using Finder = void (*)(const FinderInput&, std::vector<Finding>&);
  static const std::pair<const char*, Finder> finders[] = {
      {"tempo", find_tempo},
      {"firsts", find_firsts},
      {"cross-border", find_cross_border},
      {"target mix", find_target_mix},
      {"spread", find_spread},
      {"claims", find_claims},
      {"officials", find_high_value_targets},
      {"hallmarks", find_hallmark_matches},
      {"campaigns", find_campaigns},
      {"media", find_media},
  };
  out.timings.emplace_back("sort and split", seconds_since(started));
  // The finders only read `in`: they run on two threads, taking the next finder as they free
  // up, each into its own list; the lists are joined in the table's order, so the result does
  // not depend on the threads.
  constexpr size_t kFinders = std::size(finders);
  std::array<std::vector<Finding>, kFinders> found;
  std::array<double, kFinders> took{};
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < kFinders; i = next++) {
      const auto begun = std::chrono::steady_clock::now();
      finders[i].second(in, found[i]);
      took[i] = seconds_since(begun);
    }
  };
  {
    std::jthread helper(work);
    work();
  }
  for (size_t i = 0; i < kFinders; ++i) {
    out.timings.emplace_back(finders[i].first, took[i]);
    for (Finding& f : found[i]) out.findings.push_back(std::move(f));
  }

  std::stable_sort(out.findings.begin(), out.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.reported != b.reported) return a.reported;
                     return a.score > b.score;
                   });
  return out;
}

}  // namespace sitrep::analyze
