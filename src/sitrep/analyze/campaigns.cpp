// Campaigns: windows of one to four weeks in which several branches of the subject's
// organisation (every actor under its top actor in data/actors.tsv: the Islamic State's provinces,
// say) rose together above their own baseline rates, in at least two countries.
//
// A multivariate scan statistic. For each scan window (7, 14, 21 or 28 days inside the
// assessment window) a branch is raised when its count there has a Poisson tail probability
// below 0.01 at its baseline rate (and is at least 3); the window's statistic is the sum of the
// raised branches' log-likelihood ratios, counted only when at least two branches based in two
// countries are raised. The best window's significance comes from 499 Monte Carlo replicates of
// every branch at its baseline rate (a fixed seed, so briefs are reproducible), and a campaign
// is reported below p = 0.01. Violent groups
// come in bursts, so the replicates are as bursty as the baseline: each branch's weekly counts
// there give its overdispersion (variance over mean), and every simulated week draws its rate
// from a gamma distribution with that spread (a negative binomial at the week's scale). A
// Poisson null would call a branch's ordinary bursts a campaign.
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <set>

#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"
#include "sitrep/analyze/family_tally.hpp"
#include "sitrep/analyze/statistics.hpp"
#include "sitrep/synth/random.hpp"

namespace sitrep::analyze {
namespace {

constexpr int kScanLengths[] = {7, 14, 21, 28};
constexpr double kRaisedBelow = 0.01;
constexpr int64_t kMinimumRaised = 3;
constexpr int kReplicates = 499;
constexpr uint64_t kSeed = 20260601;

struct Branch {
  std::string_view name;
  std::string_view country;        // where most of its events are
  double rate = 0;                 // baseline events per day (half an event added: no zero)
  double dispersion = 1;           // variance over mean of its baseline weekly counts, >= 1
  std::vector<int64_t> prefix;     // prefix sums of daily counts over the window
  std::vector<int64_t> threshold;  // per scan length: the least count that is raised
  std::vector<const Record*> in_window;
};

struct Scan {
  double statistic = 0;
  model::Day from = 0;
  int length = 0;
  std::vector<size_t> raised;  // branch indices
};

// The least count whose Poisson upper tail at `expected` is below kRaisedBelow.
int64_t raised_from(double expected) {
  int64_t k = std::max<int64_t>(kMinimumRaised, static_cast<int64_t>(std::floor(expected)) + 1);
  while (regularized_gamma_p(static_cast<double>(k), expected) >= kRaisedBelow) ++k;
  return k;
}

// The best scan window over branches' daily prefix sums (`prefix[b]` has days + 1 entries).
Scan best_scan(const std::vector<Branch>& branches, const std::vector<std::vector<int64_t>>& prefix,
               model::Day first_day) {
  Scan best;
  const auto days = static_cast<int>(prefix.front().size()) - 1;
  for (size_t l = 0; l < std::size(kScanLengths); ++l) {
    const int length = kScanLengths[l];
    for (int start = 0; start + length <= days; ++start) {
      double statistic = 0;
      std::vector<size_t> raised;
      std::set<std::string_view> countries;
      for (size_t b = 0; b < branches.size(); ++b) {
        const int64_t o =
            prefix[b][static_cast<size_t>(start + length)] - prefix[b][static_cast<size_t>(start)];
        if (o < branches[b].threshold[l]) continue;
        const double e = branches[b].rate * length, od = static_cast<double>(o);
        statistic += od * std::log(od / e) - (od - e);
        raised.push_back(b);
        countries.insert(branches[b].country);
      }
      if (raised.size() < 2 || countries.size() < 2) continue;
      if (statistic > best.statistic) best = {statistic, first_day + start, length, raised};
    }
  }
  return best;
}

// Uniform in (0, 1]: safe under a logarithm.
double positive_uniform(synth::Random& rng) {
  return 1.0 - rng.uniform();
}

// A Gamma(shape, 1 / shape) draw (mean 1) by Marsaglia and Tsang's method, with a Box-Muller
// normal; shapes below 1 are boosted by a uniform power.
double gamma_multiplier(synth::Random& rng, double shape) {
  const double boost = shape < 1 ? std::pow(positive_uniform(rng), 1 / shape) : 1;
  const double a = shape < 1 ? shape + 1 : shape;
  const double d = a - 1.0 / 3, c = 1 / std::sqrt(9 * d);
  for (;;) {
    double x = std::sqrt(-2 * std::log(positive_uniform(rng))) *
               std::cos(2 * std::numbers::pi * rng.uniform());
    double v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const double u = positive_uniform(rng);
    if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return boost * d * v / shape;
  }
}

// Daily counts over `days` for a branch: each week's rate drawn with the branch's
// overdispersion, each day Poisson at that rate; as prefix sums into `prefix`.
void simulate_branch(synth::Random& rng, const Branch& b, size_t days,
                     std::vector<int64_t>& prefix) {
  const double weekly_mean = b.rate * 7;
  const bool bursty = b.dispersion > 1.05 && weekly_mean > 0;
  const double shape = bursty ? weekly_mean / (b.dispersion - 1) : 0;
  double multiplier = 1;
  for (size_t d = 1; d <= days; ++d) {
    if (bursty && (d - 1) % 7 == 0) multiplier = gamma_multiplier(rng, shape);
    prefix[d] = prefix[d - 1] + rng.poisson(b.rate * multiplier);
  }
}

// Variance over mean of weekly counts; 1 (Poisson) when there are too few weeks to tell.
double dispersion_of(const std::vector<int64_t>& weekly) {
  if (weekly.size() < 8) return 1;
  double mean = 0, square = 0;
  for (int64_t c : weekly) mean += static_cast<double>(c);
  mean /= static_cast<double>(weekly.size());
  if (mean <= 0) return 1;
  for (int64_t c : weekly) {
    square += (static_cast<double>(c) - mean) * (static_cast<double>(c) - mean);
  }
  return std::max(1.0, square / static_cast<double>(weekly.size() - 1) / mean);
}

std::vector<Branch> branches_of(const FinderInput& in) {
  const FamilyTally& family = *in.family;
  const Period& w = in.options.window;
  const auto days = static_cast<size_t>(w.days());
  // Weekly counts over the baseline's days with data, for each branch's overdispersion.
  const Period measured = in.options.baseline.overlap(in.options.coverage);
  const auto weeks = static_cast<size_t>(std::max<int64_t>(0, measured.days() / 7));
  std::vector<Branch> out;
  for (const BranchTally& t : family.branches) {
    Branch b;
    b.name = t.name;
    b.prefix.assign(days + 1, 0);
    std::vector<int64_t> weekly(weeks, 0);
    for (size_t i = 0; i < t.daily.size(); ++i) {
      const int64_t n = t.daily[i];
      if (n == 0) continue;
      const model::Day day = family.span.from + static_cast<model::Day>(i);
      if (in.options.baseline.contains(day)) b.rate += static_cast<double>(n);
      const auto week = static_cast<size_t>((day - measured.from) / 7);
      if (measured.contains(day) && week < weeks) weekly[week] += n;
      if (w.contains(day)) b.prefix[static_cast<size_t>(day - w.from) + 1] += n;
    }
    for (size_t d = 1; d <= days; ++d) b.prefix[d] += b.prefix[d - 1];
    b.rate = (b.rate + 0.5) / in.baseline_days;
    b.country =
        std::max_element(t.countries.begin(), t.countries.end(), [](const auto& x, const auto& y) {
          return x.second < y.second;
        })->first;
    for (int length : kScanLengths) b.threshold.push_back(raised_from(b.rate * length));
    b.dispersion = dispersion_of(weekly);
    for (const Record& r : family.window_records.records) {
      if (r.actor_branch == t.name) b.in_window.push_back(&r);
    }
    if (!t.countries.empty()) out.push_back(std::move(b));
  }
  return out;
}

std::string branch_text(const FinderInput& in, const Branch& b, const Scan& s) {
  const int64_t o = b.prefix[static_cast<size_t>(s.from - in.options.window.from + s.length)] -
                    b.prefix[static_cast<size_t>(s.from - in.options.window.from)];
  return fmt::format("{} ({}, {} {} against {} expected)", b.name,
                     in.options.country_name(b.country), o, in.options.units(),
                     detail::number(b.rate * s.length));
}

}  // namespace

void find_campaigns(const FinderInput& in, std::vector<Finding>& out) {
  if (!in.family) return;
  Finding f;
  f.kind = FindingKind::campaign;
  f.title = "Campaign across branches";
  std::vector<Branch> branches = in.baseline_days > 0 && in.options.window.days() >= kScanLengths[0]
                                     ? branches_of(in)
                                     : std::vector<Branch>{};
  if (branches.size() < 2) {
    f.reported = false;
    f.not_reported_because =
        in.baseline_days > 0
            ? fmt::format(
                  "fewer than two branches of the organisation have {}, or the window is "
                  "shorter than a week",
                  in.options.units())
            : "no baseline to measure the branches' rates against";
    out.push_back(std::move(f));
    return;
  }
  std::vector<std::vector<int64_t>> observed;
  for (const Branch& b : branches) observed.push_back(b.prefix);
  const Scan best = best_scan(branches, observed, in.options.window.from);
  if (best.raised.empty()) {
    f.reported = false;
    f.not_reported_because = fmt::format(
        "no week to four weeks in which two branches in two countries rose together ({} "
        "branches checked)",
        branches.size());
    out.push_back(std::move(f));
    return;
  }
  // How often chance alone, every branch at its baseline rate, gives a window as strong.
  synth::Random rng(kSeed);
  int as_strong = 0;
  const auto days = static_cast<size_t>(in.options.window.days());
  std::vector<std::vector<int64_t>> simulated(branches.size(), std::vector<int64_t>(days + 1, 0));
  for (int rep = 0; rep < kReplicates; ++rep) {
    for (size_t b = 0; b < branches.size(); ++b) {
      simulate_branch(rng, branches[b], days, simulated[b]);
    }
    if (best_scan(branches, simulated, in.options.window.from).statistic >= best.statistic) {
      ++as_strong;
    }
  }
  const double p = (1.0 + as_strong) / (1.0 + kReplicates);
  std::string list;
  bool subject_took_part = false;
  std::set<std::string_view> countries;
  std::vector<const Record*> evidence;
  for (size_t b : best.raised) {
    const Branch& br = branches[b];
    list += fmt::format("{}{}", list.empty() ? "" : "; ", branch_text(in, br, best));
    countries.insert(br.country);
    subject_took_part = subject_took_part || br.name == in.options.subject;
    for (const Record* r : br.in_window) {
      if (r->day >= best.from && r->day < best.from + best.length) evidence.push_back(r);
    }
    f.figures.push_back({std::string(br.name), 0, branch_text(in, br, best)});
  }
  const model::Day last = best.from + best.length - 1;
  f.statement = fmt::format(
      "From {} to {}, {} branches of the organisation rose together in {} countries: {} (scan "
      "over one- to four-week windows against each branch's baseline rate; Monte Carlo {}).",
      model::format_iso(best.from), model::format_iso(last), best.raised.size(), countries.size(),
      list, detail::p_text(p));
  f.figures.push_back({"from", static_cast<double>(best.from), model::format_iso(best.from)});
  f.figures.push_back({"to", static_cast<double>(last), model::format_iso(last)});
  f.figures.push_back({"scan statistic", best.statistic, detail::number(best.statistic, 1)});
  f.figures.push_back({"p-value", p, detail::p_text(p)});
  f.p_value = p;
  f.confidence = confidence_from(p, evidence.size());
  f.evidence = detail::deadliest(evidence, 5);
  f.reported = p < 0.01;
  if (!f.reported) {
    f.not_reported_because =
        fmt::format("the strongest joint rise is within chance ({})", detail::p_text(p));
  }
  f.score = subject_took_part ? 88 : 62;
  out.push_back(std::move(f));
}

}  // namespace sitrep::analyze
