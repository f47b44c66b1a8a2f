// The SQL path: each Condition as a WHERE clause over the store's `events e`. This is the
// reference implementation that the columnar index is tested against.
#include <fmt/format.h>

#include "sitrep/model/distance.hpp"
#include "sitrep/query/condition.hpp"
#include "sitrep/query/filter.hpp"

namespace sitrep::query {
namespace {

using store::SqlCondition;

std::string in_list(const std::string& column, size_t n, bool nocase) {
  return fmt::format("{}{} IN ({})", column, nocase ? " COLLATE NOCASE" : "",
                     store::sql_placeholders(n));
}

void words_sql(const Condition& c, SqlCondition& out) {
  std::string phrase = fts_phrase(c.strings[0]);
  out.sql = "e.id IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)";
  out.params.emplace_back(std::move(phrase));
  out.uses_text_index = true;
}

void actor_sql(const Condition& c, SqlCondition& out) {
  // Main actors by column; associated actors inside their "; "-joined lists.
  std::vector<std::string> columns;
  if (c.actor_roles & 1) columns.insert(columns.end(), {"actor1", "assoc_actors1"});
  if (c.actor_roles & 2) columns.insert(columns.end(), {"actor2", "assoc_actors2"});
  std::string sql;
  for (const std::string& column : columns) {
    if (!sql.empty()) sql += " OR ";
    if (column.starts_with("assoc")) {
      for (size_t i = 0; i < c.strings.size(); ++i) {
        sql += fmt::format("{}instr('; ' || lower(e.{}) || '; ', '; ' || lower(?) || '; ') > 0",
                           i ? " OR " : "", column);
      }
    } else {
      sql += in_list("e." + column, c.strings.size(), true);
    }
    for (const std::string& n : c.strings) out.params.emplace_back(n);
  }
  out.sql = std::move(sql);
}

void date_sql(const Condition& c, SqlCondition& out) {
  std::string sql;
  for (auto [from, to] : c.days) {
    std::string range;
    if (from != kOpenStart) {
      range = "e.date_start >= ?";
      out.params.emplace_back(model::format_iso(from));
    }
    if (to != kOpenEnd) {
      if (!range.empty()) range += " AND ";
      range += "e.date_start <= ?";
      out.params.emplace_back(model::format_iso(to));
    }
    if (!sql.empty()) sql += " OR ";
    sql += "(" + range + ")";
  }
  out.sql = std::move(sql);
}

void fatalities_sql(const Condition& c, SqlCondition& out) {
  std::string sql;
  for (auto [low, high] : c.counts) {
    if (!sql.empty()) sql += " OR ";
    sql += "e.fatalities_best BETWEEN ? AND ?";
    out.params.emplace_back(low);
    out.params.emplace_back(high);
  }
  out.sql = std::move(sql);
}

void near_sql(const Condition& c, SqlCondition& out) {
  // A band of latitude lets SQLite skip most rows; the distance decides.
  double band = model::latitude_band_degrees(c.radius_km);
  out.sql = "e.latitude BETWEEN ? AND ? AND sitrep_distance_km(e.latitude, e.longitude, ?, ?) <= ?";
  out.params = {c.latitude - band, c.latitude + band, c.latitude, c.longitude, c.radius_km};
}

}  // namespace

std::string fts_phrase(std::string_view text) {
  // A quoted FTS5 phrase: the user's text is data, never FTS syntax.
  std::string phrase = "\"";
  for (char ch : text) {
    if (ch == '"') phrase += '"';
    phrase += ch;
  }
  phrase += '"';
  return phrase;
}

SqlCondition condition_to_sql(const Condition& c) {
  SqlCondition out;
  switch (c.kind) {
    case Condition::Kind::words:
      words_sql(c, out);
      break;
    case Condition::Kind::actor:
      actor_sql(c, out);
      break;
    case Condition::Kind::equals_any:
      out.sql = in_list("e." + c.column, c.strings.size(), true);
      for (const std::string& v : c.strings) out.params.emplace_back(v);
      break;
    case Condition::Kind::country:
      out.sql = in_list("e.country", c.strings.size(), false);
      for (const std::string& v : c.strings) out.params.emplace_back(v);
      break;
    case Condition::Kind::date:
      date_sql(c, out);
      break;
    case Condition::Kind::fatalities:
      fatalities_sql(c, out);
      break;
    case Condition::Kind::near:
      near_sql(c, out);
      break;
    case Condition::Kind::event_id:
      out.sql = in_list("e.id", c.ids.size(), false);
      for (int64_t id : c.ids) out.params.emplace_back(id);
      break;
  }
  return out;
}

Result<SqlCondition> to_sql(const Filter& filter, const model::Vocabulary& vocabulary) {
  auto conditions = resolve_filter(filter, vocabulary);
  if (!conditions) return std::move(conditions).take_error();
  SqlCondition where;
  std::string sql;
  for (const Condition& c : *conditions) {
    SqlCondition part = condition_to_sql(c);
    // A negated term selects exactly the events the term does not: NULL counts as "no".
    if (!sql.empty()) sql += " AND ";
    sql += c.negated ? fmt::format("NOT coalesce(({}), 0)", part.sql) : "(" + part.sql + ")";
    for (store::SqlValue& v : part.params) where.params.push_back(std::move(v));
    where.uses_text_index = where.uses_text_index || part.uses_text_index;
  }
  if (!sql.empty()) where.sql = std::move(sql);
  return where;
}

Result<SqlCondition> compile_filter(std::string_view text, const model::Vocabulary& vocabulary) {
  auto filter = parse_filter(text);
  if (!filter) return std::move(filter).take_error();
  return to_sql(*filter, vocabulary);
}

}  // namespace sitrep::query
