#include "sitrep/analyze/family_tally.hpp"

namespace sitrep::analyze {

FamilyTally family_tally_of(const RecordSet& family, const Period& span, const Period& window) {
  FamilyTally out;
  out.span = span;
  std::map<std::string_view, size_t> branch_index;
  for (const Record& r : family.records) {
    if (r.actor_branch.empty() || !span.contains(r.day)) continue;
    auto [it, fresh] = branch_index.try_emplace(r.actor_branch, out.branches.size());
    if (fresh) {
      out.branches.push_back({std::string(r.actor_branch), {}, {}});
      out.branches.back().daily.assign(static_cast<size_t>(span.days()), 0);
    }
    BranchTally& b = out.branches[it->second];
    ++b.daily[static_cast<size_t>(r.day - span.from)];
    ++b.countries[std::string(r.country)];
    if (window.contains(r.day)) out.window_records.records.push_back(r);
  }
  return out;
}

}  // namespace sitrep::analyze
