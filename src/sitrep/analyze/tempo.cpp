// Tempo: how much the subject did in the window against its baseline rate, and whether its
// weekly rate changed at one point.
#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"
#include "sitrep/analyze/statistics.hpp"
#include "sitrep/io/thousands.hpp"

namespace sitrep::analyze {
namespace {

using detail::count_of;
using detail::number;
using detail::p_text;

struct FatalitySums {
  int64_t best = 0, low = 0, high = 0;
  bool ranged = false;  // some record gave a low or high
};

FatalitySums sum_fatalities(const std::vector<const Record*>& records) {
  FatalitySums s;
  for (const Record* r : records) {
    int best = r->fatalities.value_or(0);
    s.best += best;
    s.low += r->fatalities_low.value_or(best);
    s.high += r->fatalities_high.value_or(best);
    s.ranged = s.ranged || r->fatalities_low || r->fatalities_high;
  }
  return s;
}

std::string fatalities_text(const FatalitySums& s) {
  if (!s.ranged || (s.low == s.best && s.high == s.best))
    return fmt::format("{} {}", io::thousands(s.best), s.best == 1 ? "fatality" : "fatalities");
  return fmt::format("{} fatalities, low {}, high {}", io::thousands(s.best), io::thousands(s.low),
                     io::thousands(s.high));
}

Finding tempo_finding(const FinderInput& in) {
  const AssessmentOptions& o = in.options;
  const auto count = static_cast<int64_t>(in.window.size());
  const auto base =
      static_cast<int64_t>(in.baseline.size() + (in.held_back() ? in.held_back()->in_baseline : 0));
  const FatalitySums fatalities = sum_fatalities(in.window);
  Finding f;
  f.kind = FindingKind::tempo;
  f.title = "Tempo";
  f.evidence = detail::deadliest(in.window, 5);
  f.figures = {{o.units() + " in window", static_cast<double>(count), std::to_string(count)},
               {"fatalities in window", static_cast<double>(fatalities.best),
                std::to_string(fatalities.best)},
               {o.units() + " in baseline", static_cast<double>(base), std::to_string(base)},
               {"baseline days with data", in.baseline_days, number(in.baseline_days, 0)}};
  if (fatalities.ranged) {
    f.figures.push_back(
        {"fatalities low", static_cast<double>(fatalities.low), std::to_string(fatalities.low)});
    f.figures.push_back(
        {"fatalities high", static_cast<double>(fatalities.high), std::to_string(fatalities.high)});
  }
  std::string in_window = fmt::format("{} involving {} in {} ({})", o.count(count), o.subject,
                                      to_string(o.window), fatalities_text(fatalities));
  if (in.baseline_days <= 0 || in.window_days <= 0) {
    f.statement = fmt::format("{}; the store holds no data for a baseline.", in_window);
    f.reported = count > 0;
    f.not_reported_because = fmt::format("no {} and no baseline", o.units());
    f.score = 50;
    return f;
  }
  const RateComparison rc = compare_rates(count, in.window_days, base, in.baseline_days);
  const double expected = static_cast<double>(base) * in.window_days / in.baseline_days;
  f.statement = fmt::format(
      "{}, against {} expected at the baseline rate ({} in {}{}): rate ratio {} (95% CI {}–{}, "
      "{}).",
      in_window, number(expected), o.count(base), to_string(o.baseline.overlap(o.coverage)),
      in.baseline_days < static_cast<double>(o.baseline.days()) ? ", the days with data" : "",
      number(rc.ratio, 2), number(rc.ratio_low, 2), number(rc.ratio_high, 2), p_text(rc.p_value));
  const bool higher = rc.ratio >= 1;
  f.judgement = fmt::format("{}'s rate of {} in the window is {} than in the baseline", o.subject,
                            o.units(), higher ? "higher" : "lower");
  f.probability = higher ? rc.probability_higher : 1 - rc.probability_higher;
  f.p_value = rc.p_value;
  f.confidence = confidence_from(rc.p_value, static_cast<size_t>(count + base));
  f.figures.push_back({"expected at baseline rate", expected, number(expected)});
  f.figures.push_back({"rate ratio", rc.ratio, number(rc.ratio, 2)});
  f.figures.push_back({"rate ratio 95% low", rc.ratio_low, number(rc.ratio_low, 2)});
  f.figures.push_back({"rate ratio 95% high", rc.ratio_high, number(rc.ratio_high, 2)});
  f.figures.push_back({"p-value", rc.p_value, p_text(rc.p_value)});
  f.figures.push_back({"probability", *f.probability, number(*f.probability, 3)});
  f.reported = count + base >= o.minimum_events;
  if (!f.reported) {
    f.not_reported_because =
        fmt::format("{} in window and baseline together: too few to compare", count + base);
  }
  // The tempo leads a brief; a significant change leads it more strongly.
  f.score = rc.p_value < 0.05 ? 95 : 60;
  return f;
}

void add_change_point(const FinderInput& in, std::vector<Finding>& out) {
  if (in.weekly.size() < 8) return;
  std::vector<int64_t> counts;
  counts.reserve(in.weekly.size());
  int64_t total = 0;
  for (const WeekCount& w : in.weekly) {
    counts.push_back(w.events);
    total += w.events;
  }
  const ChangePoint cp = find_change_point(counts);
  if (cp.index == 0) return;
  const model::Day week = in.weekly[cp.index].monday;
  Finding f;
  f.kind = FindingKind::change_point;
  f.title = "Change in weekly tempo";
  f.statement = fmt::format(
      "The weekly rate of {} involving {} changed from {} to {} a week in the week of {} "
      "(over {} weeks; permutation test {}).",
      in.options.units(), in.options.subject, number(cp.rate_before, 2), number(cp.rate_after, 2),
      model::format_iso(week), in.weekly.size(), p_text(cp.p_value));
  f.p_value = cp.p_value;
  f.confidence = confidence_from(cp.p_value, static_cast<size_t>(total));
  f.figures = {{"week of change", static_cast<double>(week), model::format_iso(week)},
               {"rate before", cp.rate_before, number(cp.rate_before, 2)},
               {"rate after", cp.rate_after, number(cp.rate_after, 2)},
               {"likelihood ratio", cp.likelihood_ratio, number(cp.likelihood_ratio, 2)},
               {"p-value", cp.p_value, p_text(cp.p_value)}};
  // The week's records, in date order: those the loader kept of the weeks it summed up (the
  // deadliest of each), then the ones held.
  std::vector<const Record*> after;
  if (const HeldBack* held = in.held_back()) {
    for (const Record& r : held->week_leaders.records) {
      if (r.day >= week && r.day < week + 7) after.push_back(&r);
    }
  }
  for (const Record* r : in.history) {
    if (r->day >= week && r->day < week + 7) after.push_back(r);
  }
  std::stable_sort(after.begin(), after.end(),
                   [](const Record* a, const Record* b) { return a->day < b->day; });
  f.evidence = detail::deadliest(after, 3);
  f.reported = cp.p_value < 0.01 && total >= 2 * in.options.minimum_events;
  if (!f.reported) {
    f.not_reported_because =
        fmt::format("the best split is not significant ({})", p_text(cp.p_value));
  }
  // A change inside the window is news; an older one is context.
  f.score = in.options.window.contains(week) || week + 6 >= in.options.window.from ? 80 : 40;
  out.push_back(std::move(f));
}

}  // namespace

void find_tempo(const FinderInput& in, std::vector<Finding>& out) {
  out.push_back(tempo_finding(in));
  add_change_point(in, out);
}

}  // namespace sitrep::analyze
