// Reports read from text and the events extracted from them, beside the dataset events: what
// `sitrep ingest` writes (schema version 4: tables reports and mentions).
//
// A report is keyed by its document id. Writing a report whose id and text are already stored
// changes nothing (ingesting a file twice adds nothing); the same id with other text replaces
// the report and all its mentions (a corrected story). A report with no mentions is stored all
// the same: that it said nothing extractable is worth knowing. Writes happen inside one
// transaction (begin/commit/rollback): a failed ingest leaves the store as it was.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::store {

struct MentionRow {
  std::string event_type, sub_event_type, perpetrator, target, target_level, minority;
  std::string country, admin1, admin2, location, geo_precision;
  std::optional<double> latitude, longitude;
  bool cross_border = false;
  std::string date_start, date_end, date_precision;  // ISO dates; empty when unknown
  std::optional<int> killed_low, killed_high, injured_low, injured_high;
  std::string claim = "unknown";
  std::string claimed_by, denied_by;  // "; "-joined actors
  bool hedged = false;
  double confidence = 0;
  std::string detail;  // the mention as JSON, with its evidence spans
};

struct ReportRow {
  std::string doc_id, text_hash;
  std::string url, title, source, published;  // published: ISO date or empty
  std::string language, source_kind, outlet, outlet_actor;
  std::string text;        // the text the evidence offsets point into
  std::string extraction;  // the whole extraction as JSON
  int64_t line = 0;
  std::vector<MentionRow> mentions;
};

class ReportStore {
 public:
  explicit ReportStore(SqliteStore& store) : store_(store) {}

  Status begin();
  Status commit();
  void rollback();

  // Whether the report with this id is stored with this text already.
  Result<bool> holds(const std::string& doc_id, const std::string& text_hash);

  // inserted (new id), updated (same id, other text: replaced), or unchanged.
  Result<WriteOutcome> write(const ReportRow& report, int64_t run_id, int64_t file_id);

  Result<int64_t> count_reports();
  Result<int64_t> count_mentions();

 private:
  Status insert_mentions(int64_t report_id, const std::vector<MentionRow>& mentions);
  SqliteStore& store_;
};

}  // namespace sitrep::store
