#include "sitrep/store/report_store.hpp"

#include <fmt/format.h>

#include "sitrep/store/statement.hpp"

namespace sitrep::store {

Status ReportStore::begin() {
  return exec(store_.handle(), "BEGIN IMMEDIATE");
}

Status ReportStore::commit() {
  return exec(store_.handle(), "COMMIT");
}

void ReportStore::rollback() {
  if (!sqlite3_get_autocommit(store_.handle())) (void)exec(store_.handle(), "ROLLBACK");
}

Result<bool> ReportStore::holds(const std::string& doc_id, const std::string& text_hash) {
  auto find = Statement::prepare(store_.handle(),
                                 "SELECT 1 FROM reports WHERE doc_id = ? AND text_hash = ?");
  if (!find) return std::move(find).take_error();
  find->bind(1, doc_id);
  find->bind(2, text_hash);
  return find->step();
}

Result<WriteOutcome> ReportStore::write(const ReportRow& r, int64_t run_id, int64_t file_id) {
  sqlite3* db = store_.handle();
  auto find = Statement::prepare(db, "SELECT id, text_hash FROM reports WHERE doc_id = ?");
  if (!find) return std::move(find).take_error();
  find->bind(1, r.doc_id);
  auto found = find->step();
  if (!found) return std::move(found).take_error();
  std::optional<int64_t> existing;
  if (*found) {
    if (find->column_text(1) == r.text_hash) return WriteOutcome::unchanged;
    existing = find->column_int(0);
    auto drop = Statement::prepare(db, "DELETE FROM mentions WHERE report_id = ?");
    if (!drop) return std::move(drop).take_error();
    drop->bind(1, *existing);
    if (Status s = drop->run(); !s) return make_error(s.error());
  }
  const char* sql =
      existing ? "UPDATE reports SET doc_id = ?1, text_hash = ?2, url = ?3, title = ?4, "
                 "source = ?5, published = ?6, language = ?7, source_kind = ?8, outlet = ?9, "
                 "outlet_actor = ?10, text = ?11, extraction = ?12, mention_count = ?13, "
                 "run_id = ?14, file_id = ?15, line = ?16 WHERE id = ?17"
               : "INSERT INTO reports (doc_id, text_hash, url, title, source, published, "
                 "language, source_kind, outlet, outlet_actor, text, extraction, mention_count, "
                 "run_id, file_id, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                 "?12, ?13, ?14, ?15, ?16)";
  auto put = Statement::prepare(db, sql);
  if (!put) return std::move(put).take_error();
  put->bind(1, r.doc_id);
  put->bind(2, r.text_hash);
  put->bind_text_or_null(3, r.url);
  put->bind_text_or_null(4, r.title);
  put->bind_text_or_null(5, r.source);
  put->bind_text_or_null(6, r.published);
  put->bind(7, r.language);
  put->bind(8, r.source_kind);
  put->bind_text_or_null(9, r.outlet);
  put->bind_text_or_null(10, r.outlet_actor);
  put->bind(11, r.text);
  put->bind(12, r.extraction);
  put->bind(13, static_cast<int64_t>(r.mentions.size()));
  put->bind(14, run_id);
  put->bind(15, file_id);
  put->bind(16, r.line);
  if (existing) put->bind(17, *existing);
  if (Status s = put->run(); !s) return make_error(s.error());
  int64_t id = existing ? *existing : static_cast<int64_t>(sqlite3_last_insert_rowid(db));
  if (Status s = insert_mentions(id, r.mentions); !s) return make_error(s.error());
  return existing ? WriteOutcome::updated : WriteOutcome::inserted;
}

Status ReportStore::insert_mentions(int64_t report_id, const std::vector<MentionRow>& mentions) {
  auto put = Statement::prepare(
      store_.handle(),
      "INSERT INTO mentions (report_id, ordinal, event_type, sub_event_type, perpetrator, target, "
      "target_level, minority, country, admin1, admin2, location, latitude, longitude, "
      "geo_precision, cross_border, date_start, date_end, date_precision, killed_low, "
      "killed_high, injured_low, injured_high, claim, claimed_by, denied_by, hedged, "
      "confidence, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
      "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)");
  if (!put) return make_error(put.error());
  int ordinal = 0;
  for (const MentionRow& m : mentions) {
    put->reset();
    put->bind(1, report_id);
    put->bind(2, ++ordinal);
    int i = 3;
    for (const std::string* text :
         {&m.event_type, &m.sub_event_type, &m.perpetrator, &m.target, &m.target_level, &m.minority,
          &m.country, &m.admin1, &m.admin2, &m.location}) {
      put->bind_text_or_null(i++, *text);
    }
    put->bind(i++, m.latitude);
    put->bind(i++, m.longitude);
    put->bind_text_or_null(i++, m.geo_precision);
    put->bind(i++, m.cross_border ? 1 : 0);
    for (const std::string* text : {&m.date_start, &m.date_end, &m.date_precision}) {
      put->bind_text_or_null(i++, *text);
    }
    for (const std::optional<int>* n :
         {&m.killed_low, &m.killed_high, &m.injured_low, &m.injured_high}) {
      put->bind(i++, *n);
    }
    put->bind(i++, m.claim);
    put->bind_text_or_null(i++, m.claimed_by);
    put->bind_text_or_null(i++, m.denied_by);
    put->bind(i++, m.hedged ? 1 : 0);
    put->bind(i++, m.confidence);
    put->bind(i++, m.detail);
    if (Status s = put->run(); !s) return s;
  }
  return Status::success();
}

namespace {

Result<int64_t> count(sqlite3* db, const char* sql) {
  auto stmt = Statement::prepare(db, sql);
  if (!stmt) return std::move(stmt).take_error();
  auto row = stmt->step();
  if (!row) return std::move(row).take_error();
  return stmt->column_int(0);
}

}  // namespace

Result<int64_t> ReportStore::count_reports() {
  return count(store_.handle(), "SELECT count(*) FROM reports");
}

Result<int64_t> ReportStore::count_mentions() {
  return count(store_.handle(), "SELECT count(*) FROM mentions");
}

}  // namespace sitrep::store
