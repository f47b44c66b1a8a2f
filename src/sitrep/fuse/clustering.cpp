#include "sitrep/fuse/clustering.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::fuse {
namespace {

// A pair good enough to merge, without its evidence: millions of them are sorted, and only the
// few hundred thousand that become links need their score's parts (match is recomputed).
struct ScoredPair {
  uint32_t a = 0, b = 0;
  double score = 0;
};

class Groups {
 public:
  explicit Groups(size_t n) : parent_(n), members_(n) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (uint32_t i = 0; i < n; ++i) members_[i] = {i};
  }
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  const std::vector<uint32_t>& members(uint32_t root) const { return members_[root]; }
  // Joins the groups of a and b; the larger absorbs the smaller.
  void join(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (members_[a].size() < members_[b].size()) std::swap(a, b);
    parent_[b] = a;
    members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
    members_[b].clear();
    members_[b].shrink_to_fit();
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<std::vector<uint32_t>> members_;
};

// Whether two groups may be one incident: every record of one compatible with every record of
// the other, and their pairs alike on average (average linkage: a record that happens to
// resemble one member of a group does not bring in a group the rest of it does not resemble).
bool groups_agree(const std::vector<FusionRecord>& records, const std::vector<uint32_t>& x,
                  const std::vector<uint32_t>& y, const std::unordered_set<uint64_t>& apart,
                  const FusionRules& rules, const ScoredPair& link) {
  // The cheap refusals first: two rows of one source, an analyst's "apart".
  for (uint32_t i : x) {
    for (uint32_t j : y) {
      const FusionRecord& a = records[i];
      if (!a.exclusive.empty() && a.exclusive == records[j].exclusive) return false;
      if (!apart.empty() && apart.count(pair_key(i, j))) return false;
    }
  }
  double total = 0;
  for (uint32_t i : x) {
    for (uint32_t j : y) {
      const FusionRecord& a = records[i];
      const FusionRecord& b = records[j];
      if (pair_key(i, j) == pair_key(link.a, link.b)) {
        total += link.score;
        continue;
      }
      Match m = match(a, b, rules);
      if (!m.compatible) return false;
      total += m.score;
    }
  }
  return total >= rules.merge_score * static_cast<double>(x.size() * y.size());
}

// The order to try the links in: best first; ties by the records' refs, so that the incidents
// do not depend on the order the records came in. Sorted as small keys, not as links: the
// comparisons then read neither the records nor the links' evidence.
std::vector<uint32_t> best_first(const std::vector<FusionRecord>& records,
                                 const std::vector<ScoredPair>& links) {
  std::vector<uint32_t> by_ref(records.size());
  std::iota(by_ref.begin(), by_ref.end(), 0u);
  std::vector<RecordRef> refs(records.size());
  for (size_t i = 0; i < records.size(); ++i) refs[i] = records[i].ref();
  // Records are read in their refs' order (events by id, then mentions): usually nothing to sort.
  if (!std::is_sorted(refs.begin(), refs.end())) {
    std::sort(by_ref.begin(), by_ref.end(),
              [&](uint32_t x, uint32_t y) { return refs[x] < refs[y]; });
  }
  std::vector<uint32_t> rank(records.size());
  for (uint32_t i = 0; i < by_ref.size(); ++i) rank[by_ref[i]] = i;
  struct Key {
    double score;
    uint64_t ranks;  // the lower rank above the higher: refs' order
    uint32_t link;
  };
  std::vector<Key> keys(links.size());
  for (uint32_t i = 0; i < links.size(); ++i) {
    keys[i] = {links[i].score, pair_key(rank[links[i].a], rank[links[i].b]), i};
  }
  std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) {
    return x.score != y.score ? x.score > y.score : x.ranks < y.ranks;
  });
  std::vector<uint32_t> out(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) out[i] = keys[i].link;
  return out;
}

}  // namespace

Clusters cluster_records(const std::vector<FusionRecord>& records,
                         const std::vector<int64_t>& existing,
                         const std::vector<CandidatePair>& pairs, const Decisions& decisions,
                         const FusionRules& rules) {
  Clusters out;
  Groups groups(records.size());
  std::unordered_map<int64_t, uint32_t> first_of_incident;
  for (uint32_t i = 0; i < existing.size(); ++i) {
    if (existing[i] == 0) continue;
    auto [it, inserted] = first_of_incident.try_emplace(existing[i], i);
    if (!inserted) groups.join(it->second, i);
  }
  for (auto [a, b] : decisions.together) groups.join(a, b);
  std::unordered_set<uint64_t> apart;
  for (auto [a, b] : decisions.apart) apart.insert(pair_key(a, b));

  std::vector<ScoredPair> good;
  for (const CandidatePair& p : pairs) {
    ++out.pairs_compared;
    Match m = match(records[p.a], records[p.b], rules);
    if (m.merge) good.push_back({p.a, p.b, m.score});
  }
  for (uint32_t at : best_first(records, good)) {
    const ScoredPair& link = good[at];
    uint32_t ra = groups.find(link.a), rb = groups.find(link.b);
    if (ra == rb) continue;
    if (!groups_agree(records, groups.members(ra), groups.members(rb), apart, rules, link)) {
      ++out.merges_refused;
      continue;
    }
    groups.join(ra, rb);
    out.links.push_back(
        {link.a, link.b, link.score, match(records[link.a], records[link.b], rules).parts});
  }
  // Each group is named by its first record, whatever the order of the joins.
  out.group.resize(records.size());
  std::vector<uint32_t> first(records.size(), UINT32_MAX);
  for (uint32_t i = 0; i < records.size(); ++i) {
    uint32_t root = groups.find(i);
    if (first[root] == UINT32_MAX) first[root] = i;
    out.group[i] = first[root];
  }
  return out;
}

}  // namespace sitrep::fuse
