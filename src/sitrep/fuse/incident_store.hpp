// Incidents in the store (schema version 5): rows of `incidents`, their members, the links that
// joined them, and the analyst's decisions.
//
// Only incidents of two or more records are stored: a record in no incident is an incident of
// its own. Which records a run has seen is kept as two high-water marks in `meta` (the largest
// event and mention ids fused so far), so an incremental run finds its new records without
// reading the store's whole membership.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sitrep/fuse/incident.hpp"
#include "sitrep/fuse/match.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/batch_insert.hpp"
#include "sitrep/store/sqlite_store.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::fuse {

struct StoredLink {
  RecordRef a, b;
  std::optional<double> score;  // none for an analyst's merge
  std::string parts;            // JSON: the score's parts, or the analyst's decision
  std::string made;             // "fuse" or "analyst"
};

struct Decision {
  int64_t id = 0;
  bool together = false;  // else apart
  RecordRef a, b;
  std::string made;  // when (ISO date and time, UTC)
  std::string note;
};

// The largest event and mention ids a run has fused, and the last import run it saw (events
// revised by later runs are fused again).
struct FusedUpTo {
  int64_t event = 0, mention = 0, run = 0;
};

class IncidentStore {
 public:
  explicit IncidentStore(store::SqliteStore& store);

  Status begin();
  Status commit();
  void rollback();

  Result<FusedUpTo> fused_up_to();
  Status set_fused_up_to(const FusedUpTo& marks);
  // The largest ids in the store now.
  Result<FusedUpTo> newest_records();
  // Events up to `marks.event` that a run after `marks.run` revised.
  Result<std::vector<RecordRef>> revised_events(const FusedUpTo& marks);
  // The distinct date spans of the records newer than `marks`.
  Result<std::vector<std::pair<model::Day, model::Day>>> days_of_records_after(
      const FusedUpTo& marks);
  // The incidents of these records (of every record when null), with all their members.
  Result<std::map<RecordRef, int64_t>> memberships(const std::vector<RecordRef>* records);
  Result<std::vector<RecordRef>> members_of(int64_t incident);
  // The incident a record is in (0 for none).
  Result<int64_t> incident_of(RecordRef record);
  // The mentions that do not count as incidents of their own when counting incidents: those in
  // an incident with a dataset event (the event stands for it), and all but the first mention
  // of an incident told only by mentions.
  Result<std::set<int64_t>> folded_mentions();
  // Forgets members whose mention is no longer in the store (its report was replaced); returns
  // the incidents that lost members.
  Result<std::vector<int64_t>> drop_vanished_members();
  Result<int64_t> count_incidents();
  // Incidents with no dataset event: reports alone tell them (the query index holds none).
  Result<int64_t> count_told_only_by_reports();

  // Writes the incident and its members; a new one when incident.id is 0. Returns its id.
  // New incidents, members and links are written in batches (store::BatchInsert): every other
  // method, and the commit, writes the rows held first.
  Result<int64_t> write(const Incident& incident);
  // Deletes an incident, its members and its links.
  Status remove(int64_t incident);
  // Moves the links of one incident to another (when a run merges them).
  Status move_links(int64_t from, int64_t to);
  Status add_link(int64_t incident, const StoredLink& link);
  // Keeps only the incident's links with both ends among `refs` (after a split).
  Status keep_links_within(int64_t incident, const std::vector<RecordRef>& refs);
  Status remove_all();  // every incident, member and link; decisions stay

  Result<std::optional<Incident>> read(int64_t incident);
  Result<std::vector<StoredLink>> links(int64_t incident);

  Status add_decision(bool together, RecordRef a, RecordRef b, const std::string& note);
  Result<std::vector<Decision>> decisions();

 private:
  // A statement prepared once per store object, reset for each use.
  Result<store::Statement*> cached(const std::string& sql);
  // Notes an incident for the check before the commit.
  void touch(int64_t incident) {
    if (touched_.empty() || touched_.back() != incident) touched_.push_back(incident);
  }
  Result<int64_t> add_incident_row(const Incident& incident);
  // Writes the incident, member and link rows held in batches.
  Status flush_rows();
  // Foreign keys are off during a transaction (per-row checks ran each insert in a savepoint of
  // its own); the commit checks the incidents the transaction touched instead.
  Status check_references();
  Status defer_member_index();
  // Builds the index by incident again (the commit does, and anything that reads by incident).
  Status restore_member_index();

  store::SqliteStore& store_;
  std::map<std::string, store::Statement> statements_;
  store::BatchInsert incidents_;  // new incidents, numbered by next_incident_id_
  int64_t next_incident_id_ = 0;  // 0: not known in this transaction yet
  // OR REPLACE: a revised event joins its new incident while its old one, rewritten later in
  // the run, still lists it.
  store::BatchInsert members_;
  store::BatchInsert links_;
  // Member rows wait here until flush_rows, which writes them in primary-key order: a first run
  // writes a million rows at once, and in key order the B-tree only appends (1.45 s to 0.70 s
  // for SQLite alone). The sort is stable, so OR REPLACE still keeps the later of two rows.
  std::vector<std::pair<RecordRef, int64_t>> pending_members_;
  // Incidents written, removed, or given or robbed of links; repeats are dropped when checked.
  std::vector<int64_t> touched_;
  bool check_all_ = false;              // every incident removed: check whole tables
  bool member_index_deferred_ = false;  // incident_members_by_incident dropped until the commit
};

// "no incident ID", for commands given an id the store does not hold.
Error no_such_incident(int64_t id);

// The parts of a match as the JSON stored with a link.
std::string parts_json(const MatchParts& parts);

}  // namespace sitrep::fuse
