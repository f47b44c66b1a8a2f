// Hallmarks: the window's unattributed events (no perpetrator named, none claimed) that look
// like the subject's work, each with the probability that it was, and why.
//
// The subject's hallmarks are its events' target, weapon, province and kind of attack; its
// claimed events define them when it claimed at least 10, else all the events attributed to it.
// The background is every other event in the same countries: other named actors' and the
// unattributed ones too, since what unattributed violence usually looks like is exactly what a
// match must stand out from. For an unattributed event, each of its known features contributes
// the ratio of its frequency among the subject's events to its frequency in the background
// (add-one smoothing). The prior — what share of the window's unattributed events are the
// subject's — is estimated from those events themselves: the mixing weight of a two-component
// mixture (the subject's profile and the background's) fitted by EM, starting from the
// subject's share of all events there. A share taken from attributed events alone overstates it
// wherever the subject dominates the attributed record, and every unattributed event there would
// look like its work.
// Features are treated as independent, which overstates agreement between related ones
// (a weapon and a kind of attack), so only posteriors of at least 0.80 ("very likely") are
// named and the finding carries moderate confidence at most. The scenario suite measures how
// often background events pass that bar (docs/findings.md).
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"
#include "sitrep/io/thousands.hpp"

namespace sitrep::analyze {
namespace {

constexpr size_t kMinimumReference = 10;
constexpr double kNamedFrom = 0.80;
constexpr int kMixtureRounds = 200;
constexpr size_t kListed = 5;
// Matches beyond both of these mean the traits are not distinctive (see the check below).
constexpr size_t kMostNamed = 10;
constexpr double kMostNamedShare = 0.05;

// The traits compared (background.hpp). The weapon and the kind of attack say much the same
// thing ("suicide bomb" twice), so the kind counts only when the weapon is not given. Place is a
// trait but not a hallmark: a match must also stand out by how it was done
// (kModusOperandiRatio).
constexpr bool is_modus_operandi(Trait t) {
  return t != Trait::province;
}
// How much more typical of the subject than of the rest the target, weapon and kind of attack
// together must be: a likelihood ratio of 5, "positive" evidence on Kass and Raftery's scale.
constexpr double kModusOperandiRatio = 5;

// The add-one smoothed share of `value` among `counts`, with `distinct` possible values.
double share(const TraitCounts& counts, Trait trait, std::string_view value, size_t distinct) {
  return (static_cast<double>(counts.count(trait, value)) + 1) /
         (static_cast<double>(counts.total) + static_cast<double>(distinct));
}

struct Match {
  const Record* record = nullptr;
  double likelihood_ratio = 1;      // of the traits: subject against background
  double modus_operandi_ratio = 1;  // of target, weapon and kind of attack alone
  double probability = 0;
  std::string why;
};

// The share of the candidates that are the subject's, by EM on the mixture of the two profiles,
// and each candidate's posterior at that share.
void fit_mixture(std::vector<Match>& matches, double start) {
  double share = std::clamp(start, 1e-4, 0.5);
  for (int round = 0; round < kMixtureRounds; ++round) {
    double sum = 0;
    for (Match& m : matches) {
      m.probability = share * m.likelihood_ratio / (share * m.likelihood_ratio + 1 - share);
      sum += m.probability;
    }
    const double next = std::clamp(sum / static_cast<double>(matches.size()), 1e-4, 0.5);
    if (std::fabs(next - share) < 1e-9) break;
    share = next;
  }
}

std::string percent(double share) {
  return fmt::format("{:.0f}%", 100 * share);
}

}  // namespace

void find_hallmark_matches(const FinderInput& in, std::vector<Finding>& out) {
  if (!in.background) return;
  // The reference: claimed events up to the window's end, else everything attributed.
  // Dataset events the loader tallied already (earlier_history.hpp) are not counted again.
  auto tallied = [&](const Record* r) {
    return in.earlier && r->origin == RecordOrigin::event && r->day <= in.earlier->traits_through;
  };
  size_t claimed = in.earlier ? in.earlier->claimed : 0;
  for (const Record* r : in.history) {
    if (r->day <= in.options.window.to && r->claim == model::ClaimStatus::claimed && !tallied(r)) {
      ++claimed;
    }
  }
  const bool from_claims = claimed >= kMinimumReference;
  TraitCounts subject;
  if (in.earlier) subject = from_claims ? in.earlier->claimed_traits : in.earlier->all_traits;
  std::vector<const Record*> reference;
  for (const Record* r : in.history) {
    if (r->day > in.options.window.to) break;
    if (tallied(r)) continue;
    if (!from_claims || r->claim == model::ClaimStatus::claimed) reference.push_back(r);
  }
  subject.add_all(reference);
  const TraitCounts& others = *in.background;

  auto unattributed = [&](size_t n) {
    return detail::count_of(static_cast<int64_t>(n), "unattributed " + in.options.unit);
  };
  Finding f;
  f.kind = FindingKind::hallmark_match;
  f.title = fmt::format("Unattributed attacks resembling {}'s", in.options.subject);
  if (in.unattributed.empty()) {
    f.reported = false;
    f.not_reported_because = fmt::format(
        "no {} in the window and the subject's countries is unattributed", in.options.unit);
    out.push_back(std::move(f));
    return;
  }
  if (subject.total < kMinimumReference || others.total < kMinimumReference) {
    f.reported = false;
    f.not_reported_because =
        fmt::format("{} of the subject's {} and {} others: too few to tell its hallmarks apart",
                    subject.total, in.options.units(), others.total);
    out.push_back(std::move(f));
    return;
  }
  std::array<size_t, kTraitCount> distinct{};
  for (size_t t = 0; t < kTraitCount; ++t) {
    std::set<std::string_view> values;
    for (const auto& [v, n] : subject.by_value[t]) values.insert(v);
    for (const auto& [v, n] : others.by_value[t]) values.insert(v);
    distinct[t] = values.size() + 1;
  }
  std::vector<Match> matches;
  double n_mine = 0, n_all = 0;  // the starting share: the subject's part of all events there
  for (const Record* c : in.unattributed) {
    const auto mine = static_cast<double>(subject.in_country(c->country));
    if (mine == 0) continue;  // the subject is not known to act there
    n_mine += mine;
    n_all += mine + static_cast<double>(others.in_country(c->country));
    double log_ratio = 0, log_modus = 0;
    std::string why;
    for (size_t t = 0; t < kTraitCount; ++t) {
      const auto trait = static_cast<Trait>(t);
      std::string_view value = trait_value(*c, trait);
      if (value.empty() || (trait == Trait::kind && !c->weapon.empty())) continue;
      double p_mine = share(subject, trait, value, distinct[t]);
      double p_theirs = share(others, trait, value, distinct[t]);
      log_ratio += std::log(p_mine / p_theirs);
      if (is_modus_operandi(trait)) log_modus += std::log(p_mine / p_theirs);
      why += fmt::format("{}{} {}: {} of its {}, {} of the rest", why.empty() ? "" : "; ",
                         trait_name(trait), value, percent(p_mine), in.options.units(),
                         percent(p_theirs));
    }
    matches.push_back({c, std::exp(log_ratio), std::exp(log_modus), 0, why});
  }
  if (!matches.empty()) fit_mixture(matches, n_mine / n_all);
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& a, const Match& b) { return a.probability > b.probability; });
  size_t named = 0;
  std::string list;
  for (const Match& m : matches) {
    if (m.probability < kNamedFrom) break;
    if (m.modus_operandi_ratio < kModusOperandiRatio) continue;
    ++named;
    f.evidence.push_back(detail::evidence_of(*m.record));
    const std::string where = detail::area_name(m.record->admin1, m.record->location);
    f.figures.push_back({fmt::format("{} {}", model::format_iso(m.record->day), where),
                         m.probability, fmt::format("{} ({})", percent(m.probability), m.why)});
    if (named <= kListed) {
      list += fmt::format("{}{} in {} ({}: {})", list.empty() ? "" : "; ",
                          model::format_iso(m.record->day), where, percent(m.probability), m.why);
    }
  }
  const std::string basis = from_claims ? "claimed" : "attributed";
  if (named == 0) {
    f.reported = false;
    f.not_reported_because = fmt::format(
        "none of {} is very likely (80%) to be its work and done its way (target, weapon, kind "
        "of attack), judged by its {} {}",
        unattributed(matches.size()), basis, in.options.units());
    out.push_back(std::move(f));
    return;
  }
  // A hallmark singles events out. When the subject's ways are what most violence there looks
  // like (a dominant actor's attacks on security forces), they would attribute a large share of
  // all unattributed events to it: that is no hallmark, and nothing is named.
  const size_t too_many = std::max(
      kMostNamed, static_cast<size_t>(kMostNamedShare * static_cast<double>(matches.size())));
  if (named > too_many) {
    f.reported = false;
    f.not_reported_because = fmt::format(
        "its ways are too common there to single {} out: {} of {} would match, judged by "
        "its {} {}",
        in.options.units(), io::thousands(static_cast<int64_t>(named)),
        unattributed(matches.size()), basis, in.options.units());
    f.evidence.clear();
    f.figures.clear();
    out.push_back(std::move(f));
    return;
  }
  f.statement = fmt::format(
      "Of {} in the window where {} operates, {} resemble its {} {} (probability it carried "
      "them out, and why): {}{}.",
      unattributed(matches.size()), in.options.subject, named, basis, in.options.units(), list,
      named > kListed ? fmt::format("; and {} more", named - kListed) : std::string());
  const Match& top = matches.front();
  f.judgement = fmt::format("{} carried out the unattributed attack of {} in {}",
                            in.options.subject, model::format_iso(top.record->day),
                            detail::area_name(top.record->admin1, top.record->location));
  f.probability = top.probability;
  f.confidence = from_claims ? Confidence::moderate : Confidence::low;
  f.score = 72;
  out.push_back(std::move(f));
}

}  // namespace sitrep::analyze
