#include "sitrep/fuse/corrections.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sitrep/fuse/record_loader.hpp"

namespace sitrep::fuse {
namespace {

bool contains(const std::vector<RecordRef>& refs, RecordRef r) {
  return std::find(refs.begin(), refs.end(), r) != refs.end();
}

}  // namespace

Result<int64_t> rewrite_incident(store::SqliteStore& store, IncidentStore& incidents, int64_t id,
                                 const std::vector<RecordRef>& members) {
  if (members.size() < 2) {
    if (id != 0) {
      if (Status s = incidents.remove(id); !s) return make_error(s.error());
    }
    return int64_t{0};
  }
  std::vector<FusionRecord> records;
  if (Status s = load_records(store, WordFilter{}, members, records); !s) {
    return make_error(s.error());
  }
  if (records.size() != members.size()) {  // a record named that the store does not hold
    for (RecordRef r : members) {
      bool found = std::any_of(records.begin(), records.end(),
                               [&](const FusionRecord& x) { return x.ref() == r; });
      if (!found) return make_error(fmt::format("{} is not in the store", to_string(r)));
    }
  }
  std::vector<const FusionRecord*> pointers;
  for (const FusionRecord& r : records) pointers.push_back(&r);
  Incident incident = summarize(pointers);
  incident.id = id;
  return incidents.write(incident);
}

Result<SplitOutcome> split_incident(store::SqliteStore& store, IncidentStore& incidents, int64_t id,
                                    const std::vector<RecordRef>& taken, const std::string& note) {
  auto members = incidents.members_of(id);
  if (!members) return make_error(members.error());
  if (members->empty()) return no_such_incident(id);
  for (RecordRef r : taken) {
    if (!contains(*members, r)) {
      return make_error(fmt::format("{} is not a record of incident {}", to_string(r), id));
    }
  }
  std::vector<RecordRef> rest;
  for (RecordRef r : *members) {
    if (!contains(taken, r)) rest.push_back(r);
  }
  if (rest.empty()) return make_error("name the records to take out, not all of them");
  for (RecordRef m : taken) {
    for (RecordRef r : rest) {
      if (Status s = incidents.add_decision(false, m, r, note); !s) return make_error(s.error());
    }
  }
  for (size_t i = 1; i < taken.size(); ++i) {
    if (Status s = incidents.add_decision(true, taken[i - 1], taken[i], note); !s) {
      return make_error(s.error());
    }
  }
  auto links = incidents.links(id);
  if (!links) return make_error(links.error());
  SplitOutcome out;
  out.kept_records = rest.size();
  if (Status s = incidents.keep_links_within(id, rest); !s) return make_error(s.error());
  auto kept = rewrite_incident(store, incidents, id, rest);
  if (!kept) return make_error(kept.error());
  out.kept = *kept;
  auto made = rewrite_incident(store, incidents, 0, taken);
  if (!made) return make_error(made.error());
  out.made = *made;
  for (const StoredLink& link : *links) {
    if (out.made != 0 && contains(taken, link.a) && contains(taken, link.b)) {
      if (Status s = incidents.add_link(out.made, link); !s) return make_error(s.error());
    }
  }
  return out;
}

Result<MergeOutcome> merge_items(store::SqliteStore& store, IncidentStore& incidents,
                                 const std::vector<MergeItem>& items, const std::string& note) {
  std::vector<std::vector<RecordRef>> groups;
  std::vector<int64_t> ids;
  for (const MergeItem& item : items) {
    int64_t id = item.incident;
    if (id == 0) {
      auto in = incidents.incident_of(item.record);
      if (!in) return make_error(in.error());
      id = *in;
    }
    if (id == 0) {
      groups.push_back({item.record});
      continue;
    }
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
    auto found = incidents.members_of(id);
    if (!found) return make_error(found.error());
    if (found->empty()) return no_such_incident(id);
    groups.push_back(*found);
    ids.push_back(id);
  }
  if (groups.size() < 2) return make_error("name at least two incidents or records to merge");
  const int64_t target = ids.empty() ? 0 : *std::min_element(ids.begin(), ids.end());
  std::vector<RecordRef> all;
  for (const auto& g : groups) all.insert(all.end(), g.begin(), g.end());
  // Every record is kept with the first: a later run from scratch keeps them all, even those
  // the rules would now refuse because of another member.
  for (size_t i = 1; i < all.size(); ++i) {
    if (Status s = incidents.add_decision(true, all.front(), all[i], note); !s) {
      return make_error(s.error());
    }
  }
  for (int64_t other : ids) {
    if (other == target) continue;
    if (Status s = incidents.move_links(other, target); !s) return make_error(s.error());
    if (Status s = incidents.remove(other); !s) return make_error(s.error());
  }
  auto id = rewrite_incident(store, incidents, target, all);
  if (!id) return make_error(id.error());
  for (size_t i = 1; i < groups.size(); ++i) {
    StoredLink link{groups[0].front(), groups[i].front(), std::nullopt,
                    note.empty() ? "an analyst's merge" : note, "analyst"};
    if (Status s = incidents.add_link(*id, link); !s) return make_error(s.error());
  }
  return MergeOutcome{*id, all.size()};
}

}  // namespace sitrep::fuse
