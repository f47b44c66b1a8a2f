#include "sitrep/fuse/incident_store.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/model/name_list.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::fuse {
namespace {

constexpr const char* kMemberIndexDdl =
    "CREATE INDEX IF NOT EXISTS incident_members_by_incident ON incident_members(incident_id)";

using store::Statement;

constexpr const char* kIncidentColumns =
    "date_start, date_end, date_precision, date_spread_days, country, admin1, admin2, location, "
    "latitude, longitude, place_precision, event_type, target, perpetrator, "
    "perpetrator_candidates, fatalities_low, fatalities_best, fatalities_high, claim, "
    "claimed_by, denied_by, sources, members, confidence";

std::string_view kind_of(RecordRef ref) {
  return ref.from_text ? "mention" : "event";
}

Result<int64_t> single_integer(sqlite3* db, const std::string& sql) {
  auto stmt = Statement::prepare(db, sql);
  if (!stmt) return make_error(stmt.error());
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  return *row ? stmt->column_int(0) : 0;
}

Status run(sqlite3* db, const std::string& sql, int64_t a, std::optional<int64_t> b = {}) {
  auto stmt = Statement::prepare(db, sql);
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, a);
  if (b) stmt->bind(2, *b);
  return stmt->run();
}

// An incident's values in kIncidentColumns' order, empty text as none (NULL). The same values
// go to a new incident's batched row and to an update's statement.
auto incident_columns(const Incident& in) {
  auto text = [](std::string_view s) {
    return s.empty() ? std::nullopt : std::optional<std::string_view>(s);
  };
  std::string candidates = model::join_name_list(in.perpetrator_candidates);
  return std::tuple(
      model::format_iso(in.date.start), model::format_iso(in.date.end),
      model::to_string(in.date.precision), in.date_spread_days, text(in.country), text(in.admin1),
      text(in.admin2), text(in.location), in.latitude, in.longitude, to_string(in.place_precision),
      text(in.event_type), text(in.target), text(in.perpetrator),
      candidates.empty() ? std::nullopt : std::optional<std::string>(std::move(candidates)),
      in.fatalities_low, in.fatalities_best, in.fatalities_high, model::to_string(in.claim),
      text(in.claimed_by), text(in.denied_by), in.sources, static_cast<int64_t>(in.members.size()),
      in.confidence);
}

constexpr int kIncidentValues =
    std::tuple_size_v<decltype(incident_columns(std::declval<const Incident&>()))>;

void bind_incident(Statement& stmt, const Incident& in) {
  std::apply(
      [&stmt](const auto&... values) {
        int i = 1;
        (stmt.bind(i++, values), ...);
      },
      incident_columns(in));
}

Incident incident_of_row(const Statement& row) {
  Incident in;
  int i = 0;
  in.id = row.column_int(i++);
  auto first = model::parse_date(row.column_text(i++));
  auto last = model::parse_date(row.column_text(i++));
  model::Day start = first ? *first : 0;
  model::Day end = last ? *last : start;
  auto precision =
      model::parse_date_precision(row.column_text(i++)).value_or(model::DatePrecision::day);
  in.date = {start, end, precision};
  in.date_spread_days = static_cast<int>(row.column_int(i++));
  in.country = row.column_text(i++);
  in.admin1 = row.column_text(i++);
  in.admin2 = row.column_text(i++);
  in.location = row.column_text(i++);
  in.latitude = row.column_optional_double(i++);
  in.longitude = row.column_optional_double(i++);
  in.place_precision =
      parse_place_precision(row.column_text(i++)).value_or(PlacePrecision::unknown);
  in.event_type = row.column_text(i++);
  in.target = row.column_text(i++);
  in.perpetrator = row.column_text(i++);
  in.perpetrator_candidates = model::split_name_list(row.column_text(i++));
  in.fatalities_low = row.column_optional_int(i++);
  in.fatalities_best = row.column_optional_int(i++);
  in.fatalities_high = row.column_optional_int(i++);
  in.claim = model::parse_claim_status(row.column_text(i++)).value_or(model::ClaimStatus::unknown);
  in.claimed_by = row.column_text(i++);
  in.denied_by = row.column_text(i++);
  in.sources = static_cast<int>(row.column_int(i++));
  ++i;  // members: read from incident_members
  in.confidence = row.column_double(i++);
  return in;
}

}  // namespace

Error no_such_incident(int64_t id) {
  return Error(fmt::format("no incident {} (records in no incident are their own)", id));
}

// The shortest text that reads back as `value`, remembered for the values formatted last: most
// parts are the rules' constants (the prior, a same-day date, the same kind of target), and
// finding a double's shortest digits costs hundreds of instructions.
void append_number(std::string& out, double value) {
  struct Formatted {
    uint64_t bits = 0;
    uint8_t size = 0;  // 0: empty
    char text[31];
  };
  thread_local std::array<Formatted, 64> recent{};
  const auto bits = std::bit_cast<uint64_t>(value);
  Formatted& slot = recent[(bits * 0x9E3779B97F4A7C15u) >> 58];
  if (slot.size == 0 || slot.bits != bits) {
    auto end = fmt::format_to_n(slot.text, sizeof slot.text, FMT_COMPILE("{}"), value).out;
    slot.bits = bits;
    slot.size = static_cast<uint8_t>(end - slot.text);
  }
  out.append(slot.text, slot.size);
}

// Written by hand rather than as a JSON object: a first run writes one per link (half a
// million in the 1M-record benchmark). Keys in name order, as a JSON object would write them.
std::string parts_json(const MatchParts& parts) {
  std::string out = "{";
  auto add = [&](std::string_view name, std::optional<double> value) {
    if (!value) return;
    if (out.size() > 1) out += ',';
    out += '"';
    out += name;
    out += "\":";
    append_number(out, *value);
  };
  add("casualties", parts.casualties);
  add("date", parts.date);
  add("perpetrator", parts.perpetrator);
  add("place", parts.place);
  add("prior", parts.prior);
  add("target", parts.target);
  add("words", parts.words);
  return out + "}";
}

IncidentStore::IncidentStore(store::SqliteStore& store)
    : store_(store),
      incidents_(store.handle(), fmt::format("INSERT INTO incidents (id, {})", kIncidentColumns),
                 kIncidentValues + 1),
      members_(store.handle(),
               "INSERT OR REPLACE INTO incident_members (kind, record_id, incident_id)", 3),
      links_(store.handle(), "INSERT INTO incident_links (incident_id, a, b, score, parts, made)",
             6) {}

Status IncidentStore::flush_rows() {
  std::stable_sort(pending_members_.begin(), pending_members_.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (const auto& [ref, incident] : pending_members_) {
    if (Status s = members_.add(kind_of(ref), ref.id, incident); !s) return s;
  }
  pending_members_.clear();
  if (Status s = incidents_.flush(); !s) return s;
  if (Status s = members_.flush(); !s) return s;
  return links_.flush();
}

// Foreign keys are checked once, before the commit, instead of on every row: checked per row,
// each insert ran in a statement savepoint of its own (the profile showed the savepoints'
// opening and release), and writing half a million incidents took twice as long (7.2 s against
// 3.2 s). check_references() at the commit still fails the transaction on a row that would have
// failed a per-row check.
Status IncidentStore::begin() {
  // A first run writes every incident: under a rollback journal, once (see leave_wal).
  auto any = single_integer(store_.handle(), "SELECT EXISTS (SELECT 1 FROM incidents)");
  if (!any) return make_error(any.error());
  if (*any == 0) {
    if (auto left = store_.leave_wal(); !left) return make_error(left.error());
  }
  if (Status s = store::exec(store_.handle(), "PRAGMA foreign_keys = OFF"); !s) {
    store_.restore_wal();
    return s;
  }
  Status begun = store::exec(store_.handle(), "BEGIN IMMEDIATE");
  if (!begun) {
    (void)store::exec(store_.handle(), "PRAGMA foreign_keys = ON");
    store_.restore_wal();
    return begun;
  }
  if (*any == 0) {
    if (Status deferred = defer_member_index(); !deferred) {
      rollback();  // nothing written yet: the transaction, foreign keys and WAL as they were
      return deferred;
    }
  }
  return begun;
}

// Every incident a member or link names is stored. Checked for the incidents the transaction
// touched when they are few (an incremental run: a few lookups each); otherwise by SQLite's
// check, which scans both tables (a first run; cheaper than half a million lookups, but on a
// store of millions of members it would cost an incremental run a second).
Status IncidentStore::check_references() {
  constexpr size_t kMostLookups = 10000;
  auto dangling = [](std::string_view table) {
    return make_error(
        fmt::format("internal error: a row of {} names an incident that is not stored", table));
  };
  std::sort(touched_.begin(), touched_.end());
  touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
  if (check_all_ || touched_.size() > kMostLookups) {
    for (const char* table : {"incident_members", "incident_links"}) {
      auto stmt =
          Statement::prepare(store_.handle(), fmt::format("PRAGMA foreign_key_check({})", table));
      if (!stmt) return make_error(stmt.error());
      auto row = stmt->step();
      if (!row) return make_error(row.error());
      if (*row) return dangling(table);
    }
    return Status::success();
  }
  auto check = cached(
      "SELECT NOT EXISTS (SELECT 1 FROM incidents WHERE id = ?1) AND (EXISTS (SELECT 1 FROM "
      "incident_members WHERE incident_id = ?1) OR EXISTS (SELECT 1 FROM incident_links WHERE "
      "incident_id = ?1))");
  if (!check) return make_error(check.error());
  for (int64_t id : touched_) {
    (*check)->reset();
    (*check)->bind(1, id);
    auto row = (*check)->step();
    if (!row) return make_error(row.error());
    if (*row && (*check)->column_int(0) != 0) return dangling("incident_members or incident_links");
  }
  return Status::success();
}

// A first run writes a million member rows in record order, and their incidents in that order
// are scattered: the index by incident is built once by sorting, not grown by inserts all over it.
Status IncidentStore::defer_member_index() {
  Status dropped =
      store::exec(store_.handle(), "DROP INDEX IF EXISTS incident_members_by_incident");
  if (!dropped) return dropped;
  member_index_deferred_ = true;
  return Status::success();
}

Status IncidentStore::restore_member_index() {
  if (!member_index_deferred_) return Status::success();
  if (Status s = store::exec(store_.handle(), kMemberIndexDdl); !s) return s;
  member_index_deferred_ = false;
  return Status::success();
}

Status IncidentStore::commit() {
  if (Status s = flush_rows(); !s) return s;
  if (Status s = restore_member_index(); !s) return s;
  if (Status s = check_references(); !s) return s;
  touched_.clear();
  check_all_ = false;
  next_incident_id_ = 0;
  Status committed = store::exec(store_.handle(), "COMMIT");
  // Committed or not, the connection checks foreign keys again; a failure to switch them back
  // on does not make a committed run look failed.
  (void)store::exec(store_.handle(), "PRAGMA foreign_keys = ON");
  if (committed) store_.restore_wal();  // (after a failed commit, rollback() does)
  return committed;
}

void IncidentStore::rollback() {
  member_index_deferred_ = false;  // the rollback restores it
  pending_members_.clear();
  incidents_.discard();
  members_.discard();
  links_.discard();
  next_incident_id_ = 0;
  touched_.clear();
  check_all_ = false;
  if (!sqlite3_get_autocommit(store_.handle())) (void)store::exec(store_.handle(), "ROLLBACK");
  (void)store::exec(store_.handle(), "PRAGMA foreign_keys = ON");
  store_.restore_wal();
}

Result<FusedUpTo> IncidentStore::fused_up_to() {
  FusedUpTo marks;
  auto events = single_integer(
      store_.handle(), "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fused_events_upto'");
  if (!events) return make_error(events.error());
  auto mentions = single_integer(
      store_.handle(), "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fused_mentions_upto'");
  if (!mentions) return make_error(mentions.error());
  auto run = single_integer(store_.handle(),
                            "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fused_run'");
  if (!run) return make_error(run.error());
  return FusedUpTo{*events, *mentions, *run};
}

Status IncidentStore::set_fused_up_to(const FusedUpTo& marks) {
  return store::exec(
      store_.handle(),
      fmt::format("INSERT OR REPLACE INTO meta (key, value) VALUES ('fused_events_upto', '{}'), "
                  "('fused_mentions_upto', '{}'), ('fused_run', '{}')",
                  marks.event, marks.mention, marks.run));
}

Result<std::vector<RecordRef>> IncidentStore::revised_events(const FusedUpTo& marks) {
  auto stmt = Statement::prepare(store_.handle(),
                                 "SELECT DISTINCT event_id FROM event_revisions INDEXED BY "
                                 "event_revisions_by_run WHERE superseded_by_run > ? AND "
                                 "event_id <= ? ORDER BY event_id");
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, marks.run);
  stmt->bind(2, marks.event);
  std::vector<RecordRef> out;
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) return out;
    out.push_back({false, stmt->column_int(0)});
  }
}

Result<FusedUpTo> IncidentStore::newest_records() {
  auto events = single_integer(store_.handle(), "SELECT coalesce(max(id), 0) FROM events");
  if (!events) return make_error(events.error());
  auto mentions = single_integer(store_.handle(), "SELECT coalesce(max(id), 0) FROM mentions");
  if (!mentions) return make_error(mentions.error());
  auto run = single_integer(store_.handle(), "SELECT coalesce(max(id), 0) FROM runs");
  if (!run) return make_error(run.error());
  return FusedUpTo{*events, *mentions, *run};
}

Result<std::vector<std::pair<model::Day, model::Day>>> IncidentStore::days_of_records_after(
    const FusedUpTo& marks) {
  auto stmt = Statement::prepare(
      store_.handle(),
      "SELECT DISTINCT date_start, date_end FROM events WHERE id > ?1 UNION SELECT DISTINCT "
      "date_start, date_end FROM mentions WHERE id > ?2 AND date_start IS NOT NULL AND "
      "date_start != ''");
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, marks.event);
  stmt->bind(2, marks.mention);
  std::vector<std::pair<model::Day, model::Day>> out;
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) return out;
    auto first = model::parse_date(stmt->column_text(0));
    auto last = model::parse_date(stmt->column_text(1));
    if (first) out.emplace_back(*first, last ? *last : *first);
  }
}

Result<std::map<RecordRef, int64_t>> IncidentStore::memberships(
    const std::vector<RecordRef>* records) {
  if (Status s = flush_rows(); !s) return make_error(s.error());
  std::map<RecordRef, int64_t> out;
  if (!records) {
    auto all = Statement::prepare(store_.handle(),
                                  "SELECT kind, record_id, incident_id FROM incident_members");
    if (!all) return make_error(all.error());
    for (;;) {
      auto more = all->step();
      if (!more) return make_error(more.error());
      if (!*more) return out;
      out[{all->column_text(0) == "mention", all->column_int(1)}] = all->column_int(2);
    }
  }
  auto find = Statement::prepare(
      store_.handle(), "SELECT incident_id FROM incident_members WHERE kind = ? AND record_id = ?");
  if (!find) return make_error(find.error());
  std::set<int64_t> incidents;
  for (RecordRef r : *records) {
    find->reset();
    find->bind(1, kind_of(r));
    find->bind(2, r.id);
    auto row = find->step();
    if (!row) return make_error(row.error());
    if (*row) incidents.insert(find->column_int(0));
  }
  for (int64_t id : incidents) {
    auto members = members_of(id);
    if (!members) return make_error(members.error());
    for (RecordRef r : *members) out[r] = id;
  }
  return out;
}

Result<std::vector<RecordRef>> IncidentStore::members_of(int64_t incident) {
  if (Status s = restore_member_index(); !s) return make_error(s.error());
  if (Status s = flush_rows(); !s) return make_error(s.error());
  auto cached_stmt = cached("SELECT kind, record_id FROM incident_members WHERE incident_id = ?");
  if (!cached_stmt) return make_error(cached_stmt.error());
  Statement* stmt = *cached_stmt;
  stmt->bind(1, incident);
  std::vector<RecordRef> out;
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) break;
    out.push_back({stmt->column_text(0) == "mention", stmt->column_int(1)});
  }
  stmt->reset();
  std::sort(out.begin(), out.end());
  return out;
}

Result<int64_t> IncidentStore::incident_of(RecordRef record) {
  if (Status s = flush_rows(); !s) return make_error(s.error());
  auto stmt = Statement::prepare(
      store_.handle(), "SELECT incident_id FROM incident_members WHERE kind = ? AND record_id = ?");
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, kind_of(record));
  stmt->bind(2, record.id);
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  return *row ? stmt->column_int(0) : 0;
}

Result<std::set<int64_t>> IncidentStore::folded_mentions() {
  if (Status s = flush_rows(); !s) return make_error(s.error());
  auto stmt = Statement::prepare(
      store_.handle(),
      "SELECT m.record_id FROM incident_members m WHERE m.kind = 'mention' AND ("
      "EXISTS (SELECT 1 FROM incident_members e WHERE e.incident_id = m.incident_id AND "
      "e.kind = 'event') OR m.record_id > (SELECT min(f.record_id) FROM incident_members f "
      "WHERE f.incident_id = m.incident_id AND f.kind = 'mention'))");
  if (!stmt) return make_error(stmt.error());
  std::set<int64_t> out;
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) return out;
    out.insert(stmt->column_int(0));
  }
}

Result<std::vector<int64_t>> IncidentStore::drop_vanished_members() {
  if (Status s = flush_rows(); !s) return make_error(s.error());
  auto stmt = Statement::prepare(
      store_.handle(),
      "SELECT DISTINCT incident_id FROM incident_members WHERE kind = 'mention' AND record_id "
      "NOT IN (SELECT id FROM mentions)");
  if (!stmt) return make_error(stmt.error());
  std::vector<int64_t> touched;
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) break;
    touched.push_back(stmt->column_int(0));
  }
  if (touched.empty()) return touched;
  // The members, and the links that name them.
  if (Status s = store::exec(
          store_.handle(),
          "DELETE FROM incident_members WHERE kind = 'mention' AND record_id NOT IN (SELECT id "
          "FROM mentions); DELETE FROM incident_links WHERE (a LIKE 'mention:%' AND "
          "CAST(substr(a, 9) AS INTEGER) NOT IN (SELECT id FROM mentions)) OR (b LIKE "
          "'mention:%' AND CAST(substr(b, 9) AS INTEGER) NOT IN (SELECT id FROM mentions))");
      !s) {
    return make_error(s.error());
  }
  return touched;
}

Result<int64_t> IncidentStore::count_incidents() {
  if (Status s = flush_rows(); !s) return make_error(s.error());
  return single_integer(store_.handle(), "SELECT count(*) FROM incidents");
}

Result<int64_t> IncidentStore::count_told_only_by_reports() {
  if (Status s = flush_rows(); !s) return make_error(s.error());
  return single_integer(store_.handle(),
                        "SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM "
                        "incident_members m WHERE m.incident_id = i.id AND m.kind = 'event')");
}

Result<Statement*> IncidentStore::cached(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    auto stmt = Statement::prepare(store_.handle(), sql);
    if (!stmt) return make_error(stmt.error());
    it = statements_.emplace(sql, std::move(*stmt)).first;
  }
  it->second.reset();
  return &it->second;
}

Result<int64_t> IncidentStore::write(const Incident& incident) {
  static const std::string kUpdate =
      fmt::format("UPDATE incidents SET ({}) = ({}) WHERE id = ?{}", kIncidentColumns,
                  store::sql_placeholders(kIncidentValues), kIncidentValues + 1);
  int64_t id = incident.id;
  if (id == 0) {
    auto added = add_incident_row(incident);
    if (!added) return std::move(added).take_error();
    id = *added;
  } else {
    if (Status s = restore_member_index(); !s) return make_error(s.error());
    if (Status s = flush_rows(); !s) return make_error(s.error());
    auto stmt = cached(kUpdate);
    if (!stmt) return make_error(stmt.error());
    bind_incident(**stmt, incident);
    (*stmt)->bind(kIncidentValues + 1, id);
    if (Status s = (*stmt)->run(); !s) return make_error(s.error());
    auto clear = cached("DELETE FROM incident_members WHERE incident_id = ?");
    if (!clear) return make_error(clear.error());
    (*clear)->bind(1, id);
    if (Status s = (*clear)->run(); !s) return make_error(s.error());
  }
  touch(id);
  for (const RecordRef& ref : incident.members) pending_members_.emplace_back(ref, id);
  return id;
}

// A new incident's row joins a batch, numbered here: the next number after the largest stored,
// as SQLite would have given it (a first run writes half a million incidents, and a statement
// for each cost a second).
Result<int64_t> IncidentStore::add_incident_row(const Incident& in) {
  if (next_incident_id_ == 0) {  // no row of this transaction is held, so the table says
    auto largest = single_integer(store_.handle(), "SELECT coalesce(max(id), 0) FROM incidents");
    if (!largest) return std::move(largest).take_error();
    next_incident_id_ = *largest + 1;
  }
  const int64_t id = next_incident_id_;
  Status added = std::apply(
      [&](auto&&... values) {
        return incidents_.add(id, std::forward<decltype(values)>(values)...);
      },
      incident_columns(in));
  if (!added) return make_error(added.error());
  ++next_incident_id_;
  return id;
}

Status IncidentStore::remove(int64_t incident) {
  if (Status s = restore_member_index(); !s) return s;
  if (Status s = flush_rows(); !s) return s;
  touch(incident);
  for (const char* sql :
       {"DELETE FROM incident_members WHERE incident_id = ?",
        "DELETE FROM incident_links WHERE incident_id = ?", "DELETE FROM incidents WHERE id = ?"}) {
    if (Status s = run(store_.handle(), sql, incident); !s) return s;
  }
  return Status::success();
}

Status IncidentStore::move_links(int64_t from, int64_t to) {
  if (Status s = flush_rows(); !s) return s;
  touch(from);
  touch(to);
  return run(store_.handle(), "UPDATE incident_links SET incident_id = ?2 WHERE incident_id = ?1",
             from, to);
}

Status IncidentStore::add_link(int64_t incident, const StoredLink& link) {
  touch(incident);
  return links_.add(incident, to_string(link.a), to_string(link.b), link.score, link.parts,
                    link.made);
}

Status IncidentStore::keep_links_within(int64_t incident, const std::vector<RecordRef>& refs) {
  if (Status s = flush_rows(); !s) return s;
  auto links_now = links(incident);
  if (!links_now) return make_error(links_now.error());
  auto in = [&](RecordRef r) { return std::find(refs.begin(), refs.end(), r) != refs.end(); };
  if (Status s = run(store_.handle(), "DELETE FROM incident_links WHERE incident_id = ?", incident);
      !s) {
    return s;
  }
  for (const StoredLink& link : *links_now) {
    if (!in(link.a) || !in(link.b)) continue;
    if (Status s = add_link(incident, link); !s) return s;
  }
  return Status::success();
}

Status IncidentStore::remove_all() {
  if (Status s = flush_rows(); !s) return s;
  check_all_ = true;
  return store::exec(store_.handle(),
                     "DELETE FROM incident_members; DELETE FROM incident_links; "
                     "DELETE FROM incidents; DELETE FROM meta WHERE key IN "
                     "('fused_events_upto', 'fused_mentions_upto', 'fused_run');");
}

Result<std::optional<Incident>> IncidentStore::read(int64_t incident) {
  if (Status s = flush_rows(); !s) return make_error(s.error());
  auto stmt = Statement::prepare(
      store_.handle(), fmt::format("SELECT id, {} FROM incidents WHERE id = ?", kIncidentColumns));
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, incident);
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  if (!*row) return std::optional<Incident>{};
  Incident in = incident_of_row(*stmt);
  auto members = members_of(incident);
  if (!members) return make_error(members.error());
  in.members = std::move(*members);
  return std::optional<Incident>{std::move(in)};
}

Result<std::vector<StoredLink>> IncidentStore::links(int64_t incident) {
  if (Status s = flush_rows(); !s) return make_error(s.error());
  auto stmt = Statement::prepare(
      store_.handle(),
      "SELECT a, b, score, parts, made FROM incident_links WHERE incident_id = ? ORDER BY rowid");
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, incident);
  std::vector<StoredLink> out;
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) break;
    StoredLink link;
    link.a = parse_record_ref(stmt->column_text(0)).value_or(RecordRef{});
    link.b = parse_record_ref(stmt->column_text(1)).value_or(RecordRef{});
    link.score = stmt->column_optional_double(2);
    link.parts = stmt->column_text(3);
    link.made = stmt->column_text(4);
    out.push_back(std::move(link));
  }
  return out;
}

Status IncidentStore::add_decision(bool together, RecordRef a, RecordRef b,
                                   const std::string& note) {
  auto stmt = Statement::prepare(
      store_.handle(), "INSERT INTO fusion_decisions (kind, a, b, made, note) VALUES (?,?,?,?,?)");
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, together ? "together" : "apart");
  stmt->bind(2, to_string(a));
  stmt->bind(3, to_string(b));
  stmt->bind(4, store::utc_now());
  stmt->bind_text_or_null(5, note);
  return stmt->run();
}

Result<std::vector<Decision>> IncidentStore::decisions() {
  auto stmt = Statement::prepare(
      store_.handle(),
      "SELECT id, kind, a, b, made, coalesce(note, '') FROM fusion_decisions ORDER BY id");
  if (!stmt) return make_error(stmt.error());
  std::vector<Decision> out;
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) break;
    Decision d;
    d.id = stmt->column_int(0);
    d.together = stmt->column_text(1) == "together";
    d.a = parse_record_ref(stmt->column_text(2)).value_or(RecordRef{});
    d.b = parse_record_ref(stmt->column_text(3)).value_or(RecordRef{});
    d.made = stmt->column_text(4);
    d.note = stmt->column_text(5);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace sitrep::fuse
