#include "sitrep/query/sql_aggregation.hpp"

#include <fmt/format.h>

namespace sitrep::query {

std::vector<std::string> key_sql(GroupKey key) {
  switch (key) {
    case GroupKey::day:
      return {"e.date_start"};
    case GroupKey::week:  // the Monday on or before
      return {
          "date(e.date_start, '-' || ((CAST(strftime('%w', e.date_start) AS INTEGER) + 6) % 7) "
          "|| ' days')"};
    case GroupKey::month:
      return {"substr(e.date_start, 1, 7)"};
    case GroupKey::year:
      return {"substr(e.date_start, 1, 4)"};
    case GroupKey::country:
      return {"e.country"};
    case GroupKey::admin1:
      return {"e.country", "e.admin1"};
    case GroupKey::admin2:
      return {"e.country", "e.admin1", "e.admin2"};
    case GroupKey::location:
      return {"e.country", "e.admin1", "e.admin2", "e.location"};
    case GroupKey::actor:
      return {"e.actor1"};
    case GroupKey::actor2:
      return {"e.actor2"};
    case GroupKey::type:
      return {"e.event_type"};
    case GroupKey::subtype:
      return {"e.sub_event_type"};
    case GroupKey::target:
      return {"e.target"};
    case GroupKey::weapon:
      return {"e.weapon"};
    case GroupKey::claimed:
      return {"e.claim"};
    case GroupKey::dataset:
      return {"e.dataset"};
  }
  return {};
}

namespace {

std::string measure_sql(Measure m) {
  switch (m) {
    case Measure::count:
      return "count(*)";
    case Measure::fatalities:
      return "coalesce(sum(e.fatalities_best), 0)";
    case Measure::events_with_fatalities:
      return "coalesce(sum(e.fatalities_best > 0), 0)";
    case Measure::distinct_places:
      return "count(DISTINCT CASE WHEN e.location IS NOT NULL THEN coalesce(e.country, '') || "
             "x'01' || coalesce(e.admin1, '') || x'01' || coalesce(e.admin2, '') || x'01' || "
             "e.location END)";
  }
  return "0";
}

}  // namespace

Result<Grouping> aggregate_sql(store::SqliteStore& store, const store::SqlCondition& where,
                               const std::vector<GroupKey>& keys,
                               const std::vector<Measure>& measures) {
  std::string columns;
  for (GroupKey k : keys) {
    for (const std::string& c : key_sql(k)) columns += fmt::format("coalesce({}, ''), ", c);
  }
  std::string values;
  for (Measure m : measures) values += (values.empty() ? "" : ", ") + measure_sql(m);
  std::string group = columns.empty() ? "" : columns.substr(0, columns.size() - 2);
  std::string sql = fmt::format("SELECT {}{} FROM events e WHERE {}{}", columns, values, where.sql,
                                group.empty() ? "" : " GROUP BY " + group + " ORDER BY " + group);
  if (where.uses_text_index) {
    if (Status s = store.ensure_text_index(); !s) return make_error(s.error());
  }
  auto stmt = store::Statement::prepare(store.handle(), sql);
  if (!stmt) return std::move(stmt).take_error();
  store::bind_all(*stmt, where.params);
  Grouping out;
  out.keys = keys;
  out.measures = measures;
  size_t label_count = 0;
  for (GroupKey k : keys) label_count += key_sql(k).size();
  while (true) {
    auto row = stmt->step();
    if (!row) return std::move(row).take_error();
    if (!*row) break;
    Group g;
    g.order = out.groups.size();
    for (size_t i = 0; i < label_count; ++i)
      g.labels.emplace_back(stmt->column_text(static_cast<int>(i)));
    for (size_t m = 0; m < measures.size(); ++m) {
      g.values.push_back(stmt->column_int(static_cast<int>(label_count + m)));
    }
    if (!keys.empty() || g.values.empty() || g.values[0] > 0 || measures[0] != Measure::count) {
      out.groups.push_back(std::move(g));
    }
  }
  return out;
}

}  // namespace sitrep::query
