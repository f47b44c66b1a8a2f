// Semantics of the filter language, by translation into SQL over the store's `events e`.
// The columnar engine (a later module) must return exactly the same events for every filter.
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "sitrep/model/date.hpp"
#include "sitrep/query/filter.hpp"

namespace sitrep::query {
namespace {

using store::SqlCondition;
using store::SqlValue;

struct Clause {
  std::string sql;
  std::vector<SqlValue> params;
};

class Translator {
 public:
  Translator(const Filter& filter, const model::Vocabulary& vocabulary)
      : filter_(filter), vocabulary_(vocabulary) {}

  Result<SqlCondition> translate() {
    SqlCondition where;
    std::vector<std::string> parts;
    for (const Term& term : filter_.terms) {
      auto clause = translate_term(term);
      if (!clause) return std::move(clause).take_error();
      // A negated term selects exactly the events the term does not: NULL counts as "no".
      parts.push_back(term.negated ? fmt::format("NOT coalesce(({}), 0)", clause->sql)
                                   : fmt::format("({})", clause->sql));
      for (SqlValue& v : clause->params) where.params.push_back(std::move(v));
      if (term.field.empty()) where.uses_text_index = true;
    }
    if (!parts.empty()) {
      where.sql.clear();
      for (const std::string& p : parts) where.sql += (where.sql.empty() ? "" : " AND ") + p;
    }
    return where;
  }

 private:
  Error fail(size_t position, std::string_view reason) const {
    return make_error(describe_error(filter_.text, position, reason));
  }

  Result<Clause> translate_term(const Term& t) {
    const std::string& f = t.field;
    if (f.empty()) return text_clause(t);
    if (f == "actor" || f == "actor1" || f == "actor2") return actor_clause(t);
    if (f == "country") return country_clause(t);
    if (f == "admin1" || f == "admin2" || f == "location" || f == "dataset" || f == "native_id") {
      return in_clause(t, "e." + f, t.values);
    }
    if (f == "type") return in_clause(t, "e.event_type", t.values);
    if (f == "subtype") return in_clause(t, "e.sub_event_type", t.values);
    if (f == "target") return taxonomy_clause(t, "e.target", vocabulary_.targets, "targets.tsv");
    if (f == "weapon") return taxonomy_clause(t, "e.weapon", vocabulary_.weapons, "weapons.tsv");
    if (f == "claimed") return claim_clause(t);
    if (f == "date") return date_clause(t);
    if (f == "fatalities") return fatalities_clause(t);
    if (f == "near") return near_clause(t);
    if (f == "id") return id_clause(t);
    return fail(t.position, fmt::format("field '{}' is not implemented", f));
  }

  // Case-insensitive equality with any of `values`.
  Result<Clause> in_clause(const Term&, const std::string& column,
                           const std::vector<std::string>& values) {
    Clause c;
    c.sql =
        fmt::format("{} COLLATE NOCASE IN ({})", column, store::sql_placeholders(values.size()));
    for (const std::string& v : values) c.params.emplace_back(v);
    return c;
  }

  Result<Clause> text_clause(const Term& t) {
    // A quoted FTS5 phrase: the user's text is data, never FTS syntax.
    std::string phrase = "\"";
    for (char ch : t.values[0]) phrase += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    phrase += "\"";
    Clause c;
    c.sql = "e.id IN (SELECT rowid FROM event_text WHERE event_text MATCH ?)";
    c.params.emplace_back(std::move(phrase));
    return c;
  }

  Result<Clause> actor_clause(const Term& t) {
    std::vector<std::string> names;
    for (const std::string& v : t.values) {
      for (std::string& name : vocabulary_.actors.expand_for_filter(v)) {
        names.push_back(std::move(name));
      }
    }
    // Main actors by column; associated actors inside their "; "-joined lists.
    std::vector<std::string> columns;
    if (t.field != "actor2") columns.insert(columns.end(), {"actor1", "assoc_actors1"});
    if (t.field != "actor1") columns.insert(columns.end(), {"actor2", "assoc_actors2"});
    Clause c;
    for (const std::string& column : columns) {
      if (!c.sql.empty()) c.sql += " OR ";
      if (column.starts_with("assoc")) {
        std::string any;
        for (size_t i = 0; i < names.size(); ++i) {
          any += fmt::format("{}instr('; ' || lower(e.{}) || '; ', '; ' || lower(?) || '; ') > 0",
                             i ? " OR " : "", column);
        }
        c.sql += any;
      } else {
        c.sql += fmt::format("e.{} COLLATE NOCASE IN ({})", column,
                             store::sql_placeholders(names.size()));
      }
      for (const std::string& n : names) c.params.emplace_back(n);
    }
    return c;
  }

  Result<Clause> country_clause(const Term& t) {
    std::vector<std::string> codes;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string code = vocabulary_.countries.iso2(t.values[i]);
      if (code.empty()) {
        return fail(t.positions[i], fmt::format("unknown country '{}': use an ISO 3166-1 code "
                                                "such as AF, or a name from data/countries.tsv",
                                                t.values[i]));
      }
      codes.push_back(std::move(code));
    }
    Clause c;
    c.sql = fmt::format("e.country IN ({})", store::sql_placeholders(codes.size()));
    for (std::string& code : codes) c.params.emplace_back(std::move(code));
    return c;
  }

  Result<Clause> taxonomy_clause(const Term& t, const std::string& column,
                                 const model::Taxonomy& taxonomy, std::string_view file) {
    std::vector<std::string> codes;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string value = t.values[i];
      for (char& ch : value) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!taxonomy.contains(value)) {
        std::string known;
        for (const std::string& code : taxonomy.codes())
          known += (known.empty() ? "" : ", ") + code;
        return fail(t.positions[i],
                    fmt::format("unknown code '{}' (data/{}: {})", t.values[i], file, known));
      }
      for (std::string& code : taxonomy.with_descendants(value)) codes.push_back(std::move(code));
    }
    return in_clause(t, column, codes);
  }

  Result<Clause> claim_clause(const Term& t) {
    std::vector<std::string> statuses;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string v = t.values[i];
      if (v == "yes" || v == "claimed") {
        statuses.push_back("claimed");
      } else if (v == "no") {  // nobody is known to have claimed it
        statuses.insert(statuses.end(), {"unclaimed", "unknown", "denied"});
      } else if (v == "unclaimed" || v == "denied" || v == "disputed" || v == "unknown") {
        statuses.push_back(v);
      } else {
        return fail(t.positions[i], fmt::format("claimed:{} — expected yes, no, unclaimed, "
                                                "denied, disputed or unknown",
                                                v));
      }
    }
    return in_clause(t, "e.claim", statuses);
  }

  // A date bound: YYYY-MM-DD, YYYY-MM (the month) or YYYY (the year). `end` picks the last day.
  Result<model::Day> date_bound(std::string_view text, size_t position, bool end) {
    int year = 0, month = 0;
    auto digits = [](std::string_view s, int& out) {
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
      return ec == std::errc() && p == s.data() + s.size();
    };
    if (text.size() == 4 && digits(text, year)) {
      return end ? model::year_span(year).end : model::year_span(year).start;
    }
    if (text.size() == 7 && text[4] == '-' && digits(text.substr(0, 4), year) &&
        digits(text.substr(5, 2), month) && month >= 1 && month <= 12) {
      auto span = model::month_span(year, month);
      return end ? span.end : span.start;
    }
    auto day = model::parse_date(text);
    if (!day) return fail(position, day.error() + " (dates are YYYY-MM-DD, YYYY-MM or YYYY)");
    return *day;
  }

  Result<Clause> date_clause(const Term& t) {
    std::vector<std::string> ranges;
    Clause c;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string_view v = t.values[i];
      size_t dots = v.find("..");
      std::string_view from = dots == std::string_view::npos ? v : v.substr(0, dots);
      std::string_view to = dots == std::string_view::npos ? v : v.substr(dots + 2);
      if (from.empty() && to.empty()) return fail(t.positions[i], "a date range needs an end");
      std::string range;
      if (!from.empty()) {
        auto day = date_bound(from, t.positions[i], false);
        if (!day) return std::move(day).take_error();
        range = "e.date_start >= ?";
        c.params.emplace_back(model::format_iso(*day));
      }
      if (!to.empty()) {
        auto day =
            date_bound(to, t.positions[i] + (dots == std::string_view::npos ? 0 : dots + 2), true);
        if (!day) return std::move(day).take_error();
        range += std::string(range.empty() ? "" : " AND ") + "e.date_start <= ?";
        c.params.emplace_back(model::format_iso(*day));
      }
      ranges.push_back("(" + range + ")");
    }
    for (const std::string& r : ranges) c.sql += (c.sql.empty() ? "" : " OR ") + r;
    return c;
  }

  Result<Clause> fatalities_clause(const Term& t) {
    Clause c;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string_view v = t.values[i];
      std::string op = "=";
      for (std::string_view candidate : {">=", "<=", ">", "<", "="}) {
        if (v.starts_with(candidate)) {
          op = std::string(candidate);
          v.remove_prefix(candidate.size());
          break;
        }
      }
      auto number = [&](std::string_view s, int64_t& out) {
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && p == s.data() + s.size() && out >= 0;
      };
      int64_t low = 0, high = 0;
      size_t dots = v.find("..");
      std::string part;
      if (dots != std::string_view::npos && op == "=" && number(v.substr(0, dots), low) &&
          number(v.substr(dots + 2), high)) {
        part = "e.fatalities_best BETWEEN ? AND ?";
        c.params.emplace_back(low);
        c.params.emplace_back(high);
      } else if (number(v, low)) {
        part = fmt::format("e.fatalities_best {} ?", op);
        c.params.emplace_back(low);
      } else {
        return fail(t.positions[i], "expected a count: N, >=N, >N, <=N, <N or N..M");
      }
      c.sql += (c.sql.empty() ? "" : " OR ") + part;
    }
    return c;
  }

  Result<Clause> near_clause(const Term& t) {
    // LAT,LON/RADIUSkm
    const std::string& v = t.values[0];
    double lat = 0, lon = 0, radius = 0;
    size_t comma = v.find(','), slash = v.find('/');
    auto number = [](std::string_view s, double& out) {
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
      return ec == std::errc() && p == s.data() + s.size();
    };
    std::string_view radius_text =
        slash == std::string::npos ? std::string_view() : std::string_view(v).substr(slash + 1);
    if (radius_text.ends_with("km")) radius_text.remove_suffix(2);
    if (comma == std::string::npos || slash == std::string::npos || slash < comma ||
        !number(std::string_view(v).substr(0, comma), lat) ||
        !number(std::string_view(v).substr(comma + 1, slash - comma - 1), lon) ||
        !number(radius_text, radius)) {
      return fail(t.positions[0], "expected near:LAT,LON/RADIUSkm, e.g. near:34.43,70.45/50km");
    }
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || radius <= 0) {
      return fail(t.positions[0],
                  "latitude must be in [-90, 90], longitude in [-180, 180], "
                  "radius above 0");
    }
    // A bounding box on latitude lets SQLite skip most rows; the distance decides.
    double dlat = radius / 111.0;
    Clause c;
    c.sql = "e.latitude BETWEEN ? AND ? AND sitrep_distance_km(e.latitude, e.longitude, ?, ?) <= ?";
    c.params = {lat - dlat, lat + dlat, lat, lon, radius};
    return c;
  }

  Result<Clause> id_clause(const Term& t) {
    Clause c;
    for (size_t i = 0; i < t.values.size(); ++i) {
      int64_t id = 0;
      const std::string& v = t.values[i];
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
      if (ec != std::errc() || p != v.data() + v.size()) {
        return fail(t.positions[i], "expected a sitrep event id (a whole number)");
      }
      c.params.emplace_back(id);
    }
    c.sql = fmt::format("e.id IN ({})", store::sql_placeholders(t.values.size()));
    return c;
  }

  const Filter& filter_;
  const model::Vocabulary& vocabulary_;
};

}  // namespace

Result<SqlCondition> to_sql(const Filter& filter, const model::Vocabulary& vocabulary) {
  return Translator(filter, vocabulary).translate();
}

Result<SqlCondition> compile_filter(std::string_view text, const model::Vocabulary& vocabulary) {
  auto filter = parse_filter(text);
  if (!filter) return std::move(filter).take_error();
  return to_sql(*filter, vocabulary);
}

}  // namespace sitrep::query
