#include "sitrep/fuse/fuser.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "sitrep/fuse/area_keys.hpp"
#include "sitrep/fuse/candidates.hpp"
#include "sitrep/fuse/incident_store.hpp"
#include "sitrep/fuse/record_loader.hpp"

namespace sitrep::fuse {
namespace {

// Steps' wall-clock times, for the summary.
class StepClock {
 public:
  explicit StepClock(FuseSummary& summary, const FuseOptions& options)
      : summary_(summary), options_(options) {}
  void start(std::string_view step) {
    stop();
    step_ = step;
    begun_ = std::chrono::steady_clock::now();
    if (options_.progress) options_.progress(step);
  }
  void stop() {
    if (step_.empty()) return;
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - begun_;
    summary_.seconds.emplace_back(step_, d.count());
    step_.clear();
  }

 private:
  FuseSummary& summary_;
  const FuseOptions& options_;
  std::string step_;
  std::chrono::steady_clock::time_point begun_;
};

// What the run reads: the records near the fresh ones, and every member of the incidents
// stored among them.
struct Loaded {
  std::vector<FusionRecord> records;
  std::vector<int64_t> incident;  // per record, 0 for none
  std::vector<bool> fresh;        // new since the last run, or revised since: compared
  std::set<int64_t> touched;      // incidents that lost members (vanished or revised)
};

Result<Loaded> load(store::SqliteStore& store, IncidentStore& incidents, const WordFilter& words,
                    const FusionRules& rules, const FusedUpTo& marks,
                    const std::vector<int64_t>& vanished) {
  Loaded out;
  out.touched.insert(vanished.begin(), vanished.end());
  const bool first_run = marks.event == 0 && marks.mention == 0;
  std::vector<RecordRef> revised;
  // The days to read: around each new or revised record, merged where they overlap (an
  // update that revises a few old events reads a few old weeks, not the years between).
  std::vector<DayWindow> windows;
  if (!first_run) {
    auto days = incidents.days_of_records_after(marks);
    if (!days) return make_error(days.error());
    auto found = incidents.revised_events(marks);
    if (!found) return make_error(found.error());
    revised = std::move(*found);
    if (!revised.empty()) {
      std::vector<FusionRecord> records;
      if (Status s = load_records(store, words, revised, records); !s) {
        return make_error(s.error());
      }
      for (const FusionRecord& r : records) days->emplace_back(r.date.start, r.date.end);
    }
    const int reach = rules.max_days_apart + 1 + rules.publication_lag_days;
    std::sort(days->begin(), days->end());
    for (const auto& [from, to] : *days) {
      if (!windows.empty() && from - reach <= windows.back().to + 1) {
        windows.back().to = std::max(windows.back().to, to + reach);
      } else {
        windows.push_back({from - reach, to + reach});
      }
    }
  }
  if (first_run) {
    // Sized once: a vector of a million records grown by doubling copies them and touches
    // fresh memory at every step.
    auto count = store_record_count(store);
    if (!count) return make_error(count.error());
    out.records.reserve(static_cast<size_t>(*count));
    if (Status s = load_records(store, words, std::nullopt, out.records); !s) {
      return make_error(s.error());
    }
  }
  for (const DayWindow& window : windows) {
    if (Status s = load_records(store, words, window, out.records); !s) {
      return make_error(s.error());
    }
  }
  if (windows.size() > 1) {  // a record spanning two windows was read twice
    std::sort(out.records.begin(), out.records.end(),
              [](const FusionRecord& a, const FusionRecord& b) { return a.ref() < b.ref(); });
    out.records.erase(std::unique(out.records.begin(), out.records.end(),
                                  [](const FusionRecord& a, const FusionRecord& b) {
                                    return a.ref() == b.ref();
                                  }),
                      out.records.end());
  }
  std::map<RecordRef, int64_t> members;
  if (!windows.empty() || first_run) {
    std::vector<RecordRef> refs;
    for (const FusionRecord& r : out.records) refs.push_back(r.ref());
    auto found = incidents.memberships(first_run ? nullptr : &refs);
    if (!found) return make_error(found.error());
    members = std::move(*found);
  }
  for (int64_t id : out.touched) {
    auto rest = incidents.members_of(id);
    if (!rest) return make_error(rest.error());
    for (RecordRef r : *rest) members[r] = id;
  }
  std::vector<RecordRef> have;
  have.reserve(out.records.size());
  for (const FusionRecord& r : out.records) have.push_back(r.ref());
  std::sort(have.begin(), have.end());
  std::vector<RecordRef> missing;
  for (const auto& [ref, id] : members) {
    if (!std::binary_search(have.begin(), have.end(), ref)) missing.push_back(ref);
  }
  if (!missing.empty()) {
    if (Status s = load_records(store, words, missing, out.records); !s) {
      return make_error(s.error());
    }
  }
  // Indices in ref order: the same store gives the same run. (A first run reads them in that
  // order already, and a record of a few hundred bytes is costly to move.)
  auto by_ref = [](const FusionRecord& a, const FusionRecord& b) { return a.ref() < b.ref(); };
  if (!std::is_sorted(out.records.begin(), out.records.end(), by_ref)) {
    std::sort(out.records.begin(), out.records.end(), by_ref);
  }
  out.incident.resize(out.records.size());
  out.fresh.resize(out.records.size());
  for (size_t i = 0; i < out.records.size(); ++i) {
    const FusionRecord& r = out.records[i];
    auto it = members.find(r.ref());
    out.incident[i] = it == members.end() ? 0 : it->second;
    out.fresh[i] = r.id > (r.from_text ? marks.mention : marks.event);
    // A revised event leaves its incident and is matched again, like a new one.
    if (std::binary_search(revised.begin(), revised.end(), r.ref())) {
      out.fresh[i] = true;
      if (out.incident[i] != 0) out.touched.insert(out.incident[i]);
      out.incident[i] = 0;
    }
  }
  return out;
}

Decisions decisions_among(const std::vector<FusionRecord>& records,
                          const std::vector<Decision>& stored) {
  Decisions out;
  if (stored.empty()) return out;  // the usual case: no map of a million records for nothing
  std::vector<std::pair<RecordRef, uint32_t>> index(records.size());
  for (uint32_t i = 0; i < records.size(); ++i) index[i] = {records[i].ref(), i};
  std::sort(index.begin(), index.end());
  auto find = [&index](const RecordRef& ref) -> std::optional<uint32_t> {
    auto it = std::lower_bound(index.begin(), index.end(), std::pair{ref, uint32_t{0}});
    if (it == index.end() || !(it->first == ref)) return std::nullopt;
    return it->second;
  };
  for (const Decision& d : stored) {
    auto a = find(d.a), b = find(d.b);
    if (!a || !b) continue;
    (d.together ? out.together : out.apart).emplace_back(*a, *b);
  }
  return out;
}

// Indices 0..count-1 listed by the group each belongs to (0..groups-1), in index order within
// a group.
class GroupedIndices {
 public:
  template <typename GroupOf>
  GroupedIndices(size_t groups, size_t count, GroupOf group_of)
      : start_(groups + 1, 0), indices_(count) {
    for (uint32_t i = 0; i < count; ++i) ++start_[group_of(i) + 1];
    for (size_t g = 0; g < groups; ++g) start_[g + 1] += start_[g];
    std::vector<uint32_t> next(start_.begin(), start_.end() - 1);
    for (uint32_t i = 0; i < count; ++i) indices_[next[group_of(i)]++] = i;
  }
  uint32_t groups() const { return static_cast<uint32_t>(start_.size() - 1); }
  const uint32_t* begin(uint32_t group) const { return indices_.data() + start_[group]; }
  const uint32_t* end(uint32_t group) const { return indices_.data() + start_[group + 1]; }

 private:
  std::vector<uint32_t> start_;
  std::vector<uint32_t> indices_;
};

// Writes the groups a run changed; counts what it did.
Status write_groups(IncidentStore& incidents, const Loaded& loaded, const Clusters& clusters,
                    FuseSummary& summary) {
  const std::set<int64_t>& touched = loaded.touched;
  // Each group's records and links, groups in the order of their first records: counting sorts
  // (a first run has half a million groups; maps of vectors took a tenth of the writing).
  const size_t n = clusters.group.size();
  const GroupedIndices records_of(n, n, [&](uint32_t i) { return clusters.group[i]; });
  const GroupedIndices links_of(n, clusters.links.size(),
                                [&](uint32_t l) { return clusters.group[clusters.links[l].a]; });
  std::set<int64_t> seen;
  for (uint32_t first = 0; first < records_of.groups(); ++first) {
    const std::span<const uint32_t> members(records_of.begin(first), records_of.end(first));
    // Only groups of several records, or with a stored incident, can need writing.
    if (members.empty() || (members.size() == 1 && loaded.incident[members[0]] == 0)) continue;
    std::set<int64_t> existing;
    bool has_fresh = false;
    for (uint32_t i : members) {
      if (loaded.incident[i]) existing.insert(loaded.incident[i]);
      has_fresh |= loaded.fresh[i];
    }
    seen.insert(existing.begin(), existing.end());
    if (members.size() == 1) {
      for (int64_t id : existing) {  // an incident left with one record is no longer one
        if (Status s = incidents.remove(id); !s) return s;
        ++summary.incidents_removed;
      }
      continue;
    }
    bool touched_here = std::any_of(existing.begin(), existing.end(),
                                    [&](int64_t id) { return touched.count(id) > 0; });
    if (!has_fresh && existing.size() <= 1 && !touched_here) continue;
    std::vector<const FusionRecord*> records;
    for (uint32_t i : members) records.push_back(&loaded.records[i]);
    Incident incident = summarize(records);
    incident.id = existing.empty() ? 0 : *existing.begin();
    for (auto it = std::next(existing.begin(), existing.empty() ? 0 : 1); it != existing.end();
         ++it) {
      if (Status s = incidents.move_links(*it, incident.id); !s) return s;
      if (Status s = incidents.remove(*it); !s) return s;
      ++summary.incidents_merged;
    }
    auto id = incidents.write(incident);
    if (!id) return make_error(id.error());
    if (touched_here) {  // links to records it lost go with them
      if (Status s = incidents.keep_links_within(*id, incident.members); !s) return s;
    }
    (existing.empty() ? summary.incidents_created : summary.incidents_grown) += 1;
    for (auto l = links_of.begin(first); l != links_of.end(first); ++l) {
      const Link* link = &clusters.links[*l];
      StoredLink stored{loaded.records[link->a].ref(), loaded.records[link->b].ref(), link->score,
                        parts_json(link->parts), "fuse"};
      if (Status s = incidents.add_link(*id, stored); !s) return s;
    }
  }
  for (int64_t id : touched) {  // every member gone
    if (seen.count(id)) continue;
    if (Status s = incidents.remove(id); !s) return s;
    ++summary.incidents_removed;
  }
  return Status::success();
}

Result<FuseSummary> run(store::SqliteStore& store, IncidentStore& incidents,
                        const FusionRules& rules, const WordFilter& words,
                        const FuseOptions& options) {
  FuseSummary summary;
  StepClock clock(summary, options);
  clock.start("reading records");
  if (options.from_scratch) {
    if (Status s = incidents.remove_all(); !s) return make_error(s.error());
  }
  auto vanished = incidents.drop_vanished_members();
  if (!vanished) return make_error(vanished.error());
  auto marks = incidents.fused_up_to();
  if (!marks) return make_error(marks.error());
  auto newest = incidents.newest_records();
  if (!newest) return make_error(newest.error());
  auto undated = count_undated_mentions(store);
  if (!undated) return make_error(undated.error());
  summary.undated_mentions = *undated;
  auto loaded = load(store, incidents, words, rules, *marks, *vanished);
  if (!loaded) return make_error(loaded.error());
  summary.records = static_cast<int64_t>(loaded->records.size());
  summary.fresh = std::count(loaded->fresh.begin(), loaded->fresh.end(), true);
  prepare_records(loaded->records, rules);
  auto stored_decisions = incidents.decisions();
  if (!stored_decisions) return make_error(stored_decisions.error());

  clock.start("comparing");
  auto pairs = candidate_pairs(loaded->records, rules, &loaded->fresh);
  Clusters clusters = cluster_records(loaded->records, loaded->incident, pairs,
                                      decisions_among(loaded->records, *stored_decisions), rules);
  summary.pairs_compared = clusters.pairs_compared;
  summary.links = clusters.links.size();
  summary.merges_refused = clusters.merges_refused;

  clock.start("writing incidents");
  if (Status s = write_groups(incidents, *loaded, clusters, summary); !s) {
    return make_error(s.error());
  }
  if (Status s = incidents.set_fused_up_to(*newest); !s) return make_error(s.error());
  auto total = incidents.count_incidents();
  if (!total) return make_error(total.error());
  summary.incidents_total = *total;
  clock.start("committing");
  if (Status s = incidents.commit(); !s) return make_error(s.error());
  clock.stop();
  return summary;
}

}  // namespace

Result<FuseSummary> fuse_store(store::SqliteStore& store, const FusionRules& rules,
                               const WordFilter& words, const FuseOptions& options) {
  IncidentStore incidents(store);
  if (Status s = incidents.begin(); !s) return make_error(s.error());
  auto summary = run(store, incidents, rules, words, options);  // commits
  if (!summary) incidents.rollback();
  return summary;
}

void prepare_records(std::vector<FusionRecord>& records, const FusionRules& rules) {
  keep_rare_words(records);
  key_areas(records);
  widen_publication_dates(records, rules);
}

Clusters fuse_records(std::vector<FusionRecord>& records, const FusionRules& rules) {
  prepare_records(records, rules);
  auto pairs = candidate_pairs(records, rules);
  return cluster_records(records, std::vector<int64_t>(records.size(), 0), pairs, {}, rules);
}

}  // namespace sitrep::fuse
