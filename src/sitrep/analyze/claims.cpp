// Claims: how many of the subject's events were claimed, went unclaimed or were denied (by the
// subject, or by the state struck), and whether the claimed share changed from the baseline
// (a chi-square test on the 2 × 2 table of claimed and not claimed).
#include <array>

#include <fmt/format.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"
#include "sitrep/analyze/statistics.hpp"
#include "sitrep/io/thousands.hpp"

namespace sitrep::analyze {
namespace {

struct ClaimCounts {
  int64_t claimed = 0, unclaimed = 0, denied = 0, disputed = 0, unknown = 0;
  int64_t denied_by_state = 0;  // a target state denied the attack took place
  int64_t known() const { return claimed + unclaimed + denied + disputed; }

  void add(model::ClaimStatus status, int64_t n) {
    switch (status) {
      case model::ClaimStatus::claimed:
        claimed += n;
        break;
      case model::ClaimStatus::unclaimed:
        unclaimed += n;
        break;
      case model::ClaimStatus::denied:
        denied += n;
        break;
      case model::ClaimStatus::disputed:
        disputed += n;
        break;
      case model::ClaimStatus::unknown:
        unknown += n;
        break;
    }
  }
};

ClaimCounts count_claims(const std::vector<const Record*>& records) {
  ClaimCounts c;
  for (const Record* r : records) {
    c.add(r->claim, 1);
    if (!r->denied_by.empty()) ++c.denied_by_state;
  }
  return c;
}

std::string percent(int64_t part, int64_t whole) {
  return whole == 0 ? std::string("-")
                    : fmt::format("{:.0f}%",
                                  100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

}  // namespace

void find_claims(const FinderInput& in, std::vector<Finding>& out) {
  const ClaimCounts now = count_claims(in.window);
  ClaimCounts before = count_claims(in.baseline);
  if (const HeldBack* held = in.held_back()) {
    for (size_t status = 0; status < held->claims.size(); ++status) {
      before.add(static_cast<model::ClaimStatus>(status),
                 static_cast<int64_t>(held->claims[status]));
    }
  }
  Finding f;
  f.kind = FindingKind::claims;
  f.title = "Claims";
  f.figures = {{"claimed", static_cast<double>(now.claimed), std::to_string(now.claimed)},
               {"unclaimed", static_cast<double>(now.unclaimed), std::to_string(now.unclaimed)},
               {"denied", static_cast<double>(now.denied), std::to_string(now.denied)},
               {"disputed", static_cast<double>(now.disputed), std::to_string(now.disputed)},
               {"not said", static_cast<double>(now.unknown), std::to_string(now.unknown)},
               {"denied by a state", static_cast<double>(now.denied_by_state),
                std::to_string(now.denied_by_state)}};
  if (now.known() < in.options.minimum_events) {
    f.reported = false;
    f.not_reported_because =
        fmt::format("the sources say whether {} of {} {} in the window were claimed",
                    io::thousands(now.known()),
                    io::thousands(static_cast<int64_t>(in.window.size())), in.options.units());
    out.push_back(std::move(f));
    return;
  }
  std::string state_denials =
      now.denied_by_state > 0 ? fmt::format("; {} denied by the government of the country struck",
                                            in.options.count(now.denied_by_state))
                              : std::string();
  f.statement = fmt::format(
      "Of {} in {} whose claim status the sources give, {} claimed ({}), {} "
      "unclaimed, {} denied by {} and {} disputed{}.",
      in.options.count(now.known()), to_string(in.options.window), io::thousands(now.claimed),
      percent(now.claimed, now.known()), now.unclaimed, now.denied, in.options.subject,
      now.disputed, state_denials);
  f.confidence = Confidence::moderate;
  f.score = 50;
  std::vector<const Record*> unclaimed;
  for (const Record* r : in.window) {
    if (r->claim == model::ClaimStatus::unclaimed || r->claim == model::ClaimStatus::denied) {
      unclaimed.push_back(r);
    }
  }
  f.evidence = detail::deadliest(unclaimed, 5);
  if (before.known() >= in.options.minimum_events) {
    std::array<int64_t, 4> table = {now.claimed, now.known() - now.claimed, before.claimed,
                                    before.known() - before.claimed};
    const ContingencyTest test = test_independence(table, 2, 2);
    if (test.valid) {
      f.statement.pop_back();
      f.statement +=
          fmt::format("; the claimed share was {} in the baseline ({}).",
                      percent(before.claimed, before.known()), detail::p_text(test.p_value));
      f.p_value = test.p_value;
      f.confidence =
          confidence_from(test.p_value, static_cast<size_t>(now.known() + before.known()));
      if (test.p_value < 0.01) f.score = 70;
    }
  }
  out.push_back(std::move(f));
}

}  // namespace sitrep::analyze
