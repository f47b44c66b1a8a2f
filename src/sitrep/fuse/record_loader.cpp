#include "sitrep/fuse/record_loader.hpp"

#include <fmt/format.h>

#include "sitrep/model/event.hpp"
#include "sitrep/store/mapped_reads.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::fuse {
namespace {

using store::Statement;

constexpr size_t kTextBytesForWords = 3000;
constexpr int kLongestSpanDays = 366;

constexpr const char* kEventColumns =
    "SELECT id, dataset, date_start, date_end, date_precision, country, admin1, admin2, "
    "location, latitude, longitude, geo_level, event_type, actor1, target, fatalities_low, "
    "fatalities_best, fatalities_high, claim, notes, actor2 FROM events ";

constexpr const char* kMentionColumns =
    "SELECT m.id, m.report_id, coalesce(nullif(r.outlet, ''), nullif(r.source, ''), ''), "
    "m.date_start, m.date_end, m.date_precision, m.country, m.admin1, m.admin2, m.location, "
    "m.latitude, m.longitude, m.geo_precision, m.event_type, m.perpetrator, m.target, "
    "m.killed_low, m.killed_high, m.claim, m.claimed_by, m.denied_by, m.confidence, "
    "r.title, substr(r.text, 1, 3000), coalesce(json_extract(m.detail, "
    "'$.date.from_publication'), 0) FROM mentions m JOIN reports r ON r.id = m.report_id "
    "WHERE m.date_start IS NOT NULL AND m.date_start != '' ";

bool located(const FusionRecord& r) {
  return r.latitude && r.longitude;
}

// An event's precision from its geo_level. One whose dataset gives none (UCDP's reduced
// exports) is taken at its district, or the coarsest area it names: its point may be a
// province's centre.
PlacePrecision precision_of_level(int64_t level, const FusionRecord& r) {
  switch (static_cast<model::GeoLevel>(level)) {
    case model::GeoLevel::exact:
      return located(r) ? PlacePrecision::point : PlacePrecision::admin2;
    case model::GeoLevel::near:
      return PlacePrecision::admin2;
    case model::GeoLevel::admin1:
      return PlacePrecision::admin1;
    case model::GeoLevel::country:
      return PlacePrecision::country;
    case model::GeoLevel::unknown:
      break;
  }
  return !r.admin2.empty()    ? PlacePrecision::admin2
         : !r.admin1.empty()  ? PlacePrecision::admin1
         : !r.country.empty() ? PlacePrecision::country
                              : PlacePrecision::unknown;
}

PlacePrecision precision_of_mention(std::string_view text, const FusionRecord& r) {
  if (text == "point") return located(r) ? PlacePrecision::point : PlacePrecision::admin2;
  if (text == "admin2") return PlacePrecision::admin2;
  if (text == "admin1") return PlacePrecision::admin1;
  if (text == "border" || text == "region" || text == "country") return PlacePrecision::country;
  return PlacePrecision::unknown;
}

// Six columns from `at`, in the order both selects give them: country, admin1, admin2, location,
// latitude, longitude.
void read_place(const Statement& row, int at, FusionRecord& r) {
  r.country = row.column_text(at);
  r.admin1 = row.column_text(at + 1);
  r.admin2 = row.column_text(at + 2);
  r.location = row.column_text(at + 3);
  r.latitude = row.column_optional_double(at + 4);
  r.longitude = row.column_optional_double(at + 5);
}

// Three columns from `at`: event type, perpetrator, target.
void read_kind(const Statement& row, int at, FusionRecord& r) {
  r.event_type = row.column_text(at);
  r.perpetrator = row.column_text(at + 1);
  r.target = row.column_text(at + 2);
}

Result<model::DateSpan> span_of(const Statement& row, int start, int end, int precision) {
  auto first = model::parse_date(row.column_text(start));
  if (!first) return make_error(first.error());
  auto last = model::parse_date(row.column_text(end));
  model::DateSpan span{*first, last ? *last : *first, model::DatePrecision::day};
  span.precision = model::parse_date_precision(row.column_text(precision))
                       .value_or(span.end > span.start ? model::DatePrecision::month
                                                       : model::DatePrecision::day);
  return span;
}

Status read_events(Statement& stmt, const WordFilter& words, std::vector<FusionRecord>& out) {
  for (;;) {
    auto more = stmt.step();
    if (!more) return make_error(more.error());
    if (!*more) return Status::success();
    FusionRecord r;
    r.id = stmt.column_int(0);
    r.source = stmt.column_text(1);
    r.exclusive = "dataset:" + r.source;
    auto span = span_of(stmt, 2, 3, 4);
    if (!span) return make_error(fmt::format("event {}: {}", r.id, span.error()));
    r.date = *span;
    read_place(stmt, 5, r);
    r.place_precision = precision_of_level(stmt.column_int(11), r);
    read_kind(stmt, 12, r);
    r.fatalities_low = stmt.column_optional_int(15);
    r.fatalities_best = stmt.column_optional_int(16);
    r.fatalities_high = stmt.column_optional_int(17);
    r.claim = model::parse_claim_status(stmt.column_text(18)).value_or(model::ClaimStatus::unknown);
    r.words = words.words(stmt.column_text(19).substr(0, kTextBytesForWords));
    r.counterpart = stmt.column_text(20);
    out.push_back(std::move(r));
  }
}

Status read_mentions(Statement& stmt, const WordFilter& words, std::vector<FusionRecord>& out) {
  for (;;) {
    auto more = stmt.step();
    if (!more) return make_error(more.error());
    if (!*more) return Status::success();
    FusionRecord r;
    r.from_text = true;
    r.id = stmt.column_int(0);
    r.exclusive = fmt::format("report:{}", stmt.column_int(1));
    r.source = stmt.column_text(2);
    if (r.source.empty()) r.source = r.exclusive;
    auto span = span_of(stmt, 3, 4, 5);
    if (!span) continue;  // an unreadable date: as good as none
    r.date = *span;
    read_place(stmt, 6, r);
    r.place_precision = precision_of_mention(stmt.column_text(12), r);
    read_kind(stmt, 13, r);
    r.fatalities_low = stmt.column_optional_int(16);
    r.fatalities_high = stmt.column_optional_int(17);
    r.claim = model::parse_claim_status(stmt.column_text(18)).value_or(model::ClaimStatus::unknown);
    r.claimed_by = stmt.column_text(19);
    r.denied_by = stmt.column_text(20);
    r.confidence = stmt.column_double(21);
    std::string text(stmt.column_text(22));
    text += '\n';
    text += stmt.column_text(23);
    r.words = words.words(text);
    r.dated_by_publication = stmt.column_int(24) != 0;
    out.push_back(std::move(r));
  }
}

Status run_query(store::SqliteStore& store, const std::string& sql,
                 const std::vector<std::string>& binds, bool mentions, const WordFilter& words,
                 std::vector<FusionRecord>& out) {
  auto stmt = Statement::prepare(store.handle(), sql);
  if (!stmt) return make_error(stmt.error());
  for (size_t i = 0; i < binds.size(); ++i) stmt->bind(static_cast<int>(i + 1), binds[i]);
  return mentions ? read_mentions(*stmt, words, out) : read_events(*stmt, words, out);
}

std::string id_list(const std::vector<RecordRef>& refs, bool from_text) {
  std::string ids;
  for (const RecordRef& r : refs) {
    if (r.from_text == from_text) ids += fmt::format("{}{}", ids.empty() ? "" : ",", r.id);
  }
  return ids;
}

}  // namespace

Status load_records(store::SqliteStore& store, const WordFilter& words,
                    const std::optional<DayWindow>& window, std::vector<FusionRecord>& out) {
  if (!window) {
    const store::MappedReads mapped(store.handle());  // every record: one long scan
    Status s = run_query(store, std::string(kEventColumns) + "ORDER BY id", {}, false, words, out);
    if (!s) return s;
    return run_query(store, std::string(kMentionColumns) + "ORDER BY m.id", {}, true, words, out);
  }
  // Records starting in the window, then those starting before it that reach into it (dated by
  // month or year: the partial index events_spanning holds them).
  const std::string from = model::format_iso(window->from), to = model::format_iso(window->to),
                    year_before = model::format_iso(window->from - kLongestSpanDays);
  const std::vector<std::pair<std::string, std::vector<std::string>>> events = {
      {"WHERE date_start >= ? AND date_start <= ? ORDER BY id", {from, to}},
      {"WHERE date_end > date_start AND date_start >= ? AND date_start < ? AND date_end >= ? "
       "ORDER BY id",
       {year_before, from, from}}};
  for (const auto& [where, binds] : events) {
    if (Status s = run_query(store, kEventColumns + where, binds, false, words, out); !s) return s;
  }
  return run_query(store,
                   std::string(kMentionColumns) +
                       "AND m.date_start >= ? AND m.date_start <= ? AND m.date_end >= ? "
                       "ORDER BY m.id",
                   {year_before, to, from}, true, words, out);
}

Status load_records(store::SqliteStore& store, const WordFilter& words,
                    const std::vector<RecordRef>& refs, std::vector<FusionRecord>& out) {
  const std::string events = id_list(refs, false), mentions = id_list(refs, true);
  if (!events.empty()) {
    if (Status s =
            run_query(store, fmt::format("{}WHERE id IN ({}) ORDER BY id", kEventColumns, events),
                      {}, false, words, out);
        !s) {
      return s;
    }
  }
  if (mentions.empty()) return Status::success();
  return run_query(store,
                   fmt::format("{}AND m.id IN ({}) ORDER BY m.id", kMentionColumns, mentions), {},
                   true, words, out);
}

Result<std::optional<DayWindow>> record_days(store::SqliteStore& store) {
  auto stmt = Statement::prepare(
      store.handle(),
      "SELECT min(d0), max(d1) FROM (SELECT min(date_start) AS d0, max(date_end) AS d1 FROM "
      "events UNION ALL SELECT min(date_start), max(date_end) FROM mentions WHERE date_start "
      "IS NOT NULL AND date_start != '')");
  if (!stmt) return make_error(stmt.error());
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  auto first = model::parse_date(stmt->column_text(0));
  auto last = model::parse_date(stmt->column_text(1));
  if (!first || !last) return std::optional<DayWindow>{};
  return std::optional<DayWindow>{DayWindow{*first, *last}};
}

Result<int64_t> store_record_count(store::SqliteStore& store) {
  auto stmt = Statement::prepare(
      store.handle(),
      "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM mentions WHERE date_start IS "
      "NOT NULL AND date_start != '')");
  if (!stmt) return make_error(stmt.error());
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  return stmt->column_int(0);
}

Result<int64_t> count_undated_mentions(store::SqliteStore& store) {
  auto stmt = Statement::prepare(
      store.handle(), "SELECT count(*) FROM mentions WHERE date_start IS NULL OR date_start = ''");
  if (!stmt) return make_error(stmt.error());
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  return stmt->column_int(0);
}

}  // namespace sitrep::fuse
