#include "sitrep/fuse/clustering.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <numeric>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "sitrep/fuse/radix_sort.hpp"

namespace sitrep::fuse {
namespace {

// A pair good enough to merge, without its evidence: millions of them are sorted, and only the
// few hundred thousand that become links need their score's parts (match is recomputed).
struct ScoredPair {
  uint32_t a = 0, b = 0;
  double score = 0;
};

// Records joined into groups (union-find). Each group's members are also chained in the order
// they joined (the root first, then each absorbed group's chain): a list through two arrays,
// not a vector per record, which for a million records was a million allocations.
class Groups {
 public:
  static constexpr uint32_t kEnd = UINT32_MAX;

  // A group's members, root first.
  class Members {
   public:
    class iterator {
     public:
      iterator(const std::vector<uint32_t>* next, uint32_t at) : next_(next), at_(at) {}
      uint32_t operator*() const { return at_; }
      iterator& operator++() {
        at_ = (*next_)[at_];
        return *this;
      }
      bool operator!=(const iterator& other) const { return at_ != other.at_; }

     private:
      const std::vector<uint32_t>* next_;
      uint32_t at_;
    };
    Members(const std::vector<uint32_t>* next, uint32_t root, uint32_t size)
        : next_(next), root_(root), size_(size) {}
    iterator begin() const { return {next_, root_}; }
    iterator end() const { return {next_, kEnd}; }
    size_t size() const { return size_; }

   private:
    const std::vector<uint32_t>* next_;
    uint32_t root_, size_;
  };

  explicit Groups(size_t n) : parent_(n), next_(n, kEnd), last_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    std::iota(last_.begin(), last_.end(), 0u);
  }
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  Members members(uint32_t root) const { return {&next_, root, size_[root]}; }
  // Joins the groups of a and b; the larger absorbs the smaller, whose members follow its own.
  void join(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    next_[last_[a]] = b;
    last_[a] = last_[b];
    size_[a] += size_[b];
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> next_;  // the next member of the same group, or kEnd
  std::vector<uint32_t> last_;  // a root's last member
  std::vector<uint32_t> size_;  // a root's number of members
};

// Whether two groups may be one incident: every record of one compatible with every record of
// the other, and their pairs alike on average (average linkage: a record that happens to
// resemble one member of a group does not bring in a group the rest of it does not resemble).
bool groups_agree(const std::vector<FusionRecord>& records, const Groups::Members& x,
                  const Groups::Members& y, const std::unordered_set<uint64_t>& apart,
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

struct KeyedLink {
  uint64_t key;
  uint32_t link;
};

// An unsigned key in the order of the doubles, highest first (-0 counts as 0, as == has it).
uint64_t descending_key(double score) {
  uint64_t bits = std::bit_cast<uint64_t>(score + 0.0);
  uint64_t ascending = (bits >> 63) ? ~bits : bits | (uint64_t{1} << 63);
  return ~ascending;
}

// The order to try the links in: best first; ties by the records' refs, so that the incidents
// do not depend on the order the records came in. The links arrive in the order of their
// records' indices (candidate_pairs sorts them), which is the refs' order when the records are
// (they are read in it); a stable radix sort by score then finishes the job in linear time.
// Otherwise they are put in refs' order first.
std::vector<uint32_t> best_first(const std::vector<FusionRecord>& records,
                                 const std::vector<ScoredPair>& links) {
  std::vector<uint32_t> by_ref(records.size());
  std::iota(by_ref.begin(), by_ref.end(), 0u);
  std::vector<RecordRef> refs(records.size());
  for (size_t i = 0; i < records.size(); ++i) refs[i] = records[i].ref();
  if (!std::is_sorted(refs.begin(), refs.end())) {
    std::sort(by_ref.begin(), by_ref.end(),
              [&](uint32_t x, uint32_t y) { return refs[x] < refs[y]; });
  }
  std::vector<uint32_t> rank(records.size());
  for (uint32_t i = 0; i < by_ref.size(); ++i) rank[by_ref[i]] = i;
  auto ranks_of = [&](uint32_t link) { return pair_key(rank[links[link].a], rank[links[link].b]); };
  std::vector<uint32_t> in_ref_order(links.size());
  std::iota(in_ref_order.begin(), in_ref_order.end(), 0u);
  bool sorted = true;
  for (size_t i = 1; i < links.size() && sorted; ++i) sorted = ranks_of(i - 1) <= ranks_of(i);
  if (!sorted) {
    std::sort(in_ref_order.begin(), in_ref_order.end(),
              [&](uint32_t x, uint32_t y) { return ranks_of(x) < ranks_of(y); });
  }
  std::vector<KeyedLink> keys(links.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    uint32_t link = in_ref_order[i];
    keys[i] = {descending_key(links[link].score), link};
  }
  radix_sort_by_digits(keys, {0, 16, 32, 48}, [](const KeyedLink& k) { return k.key; });
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
