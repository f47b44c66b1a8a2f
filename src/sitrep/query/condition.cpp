// Validation and expansion of filter terms (docs/filters.md is the user's reference).
#include "sitrep/query/condition.hpp"

#include <charconv>

#include <fmt/format.h>

namespace sitrep::query {
namespace {

class Resolver {
 public:
  Resolver(const Filter& filter, const model::Vocabulary& vocabulary)
      : filter_(filter), vocabulary_(vocabulary) {}

  Result<std::vector<Condition>> resolve() {
    std::vector<Condition> out;
    for (size_t i = 0; i < filter_.terms.size(); ++i) {
      const Term& term = filter_.terms[i];
      Condition c;
      c.negated = term.negated;
      c.term_index = i;
      if (Status s = resolve_term(term, c); !s) return make_error(s.error());
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  Error fail(size_t position, std::string_view reason) const {
    return make_error(describe_error(filter_.text, position, reason));
  }

  Status resolve_term(const Term& t, Condition& c) {
    const std::string& f = t.field;
    if (f.empty()) {
      c.kind = Condition::Kind::words;
      c.strings = t.values;
      return Status::success();
    }
    if (f == "actor" || f == "actor1" || f == "actor2") return actor(t, c);
    if (f == "country") return country(t, c);
    if (f == "admin1" || f == "admin2" || f == "location" || f == "dataset" || f == "native_id") {
      return equals_any(c, f, t.values);
    }
    if (f == "type") return equals_any(c, "event_type", t.values);
    if (f == "subtype") return equals_any(c, "sub_event_type", t.values);
    if (f == "target") return taxonomy(t, c, "target", vocabulary_.targets, "targets.tsv");
    if (f == "weapon") return taxonomy(t, c, "weapon", vocabulary_.weapons, "weapons.tsv");
    if (f == "claimed") return claim(t, c);
    if (f == "date") return date(t, c);
    if (f == "fatalities") return fatalities(t, c);
    if (f == "near") return near(t, c);
    if (f == "id") return event_id(t, c);
    return fail(t.position, fmt::format("field '{}' is not implemented", f));
  }

  Status equals_any(Condition& c, const std::string& column, std::vector<std::string> values) {
    c.kind = Condition::Kind::equals_any;
    c.column = column;
    c.strings = std::move(values);
    return Status::success();
  }

  Status actor(const Term& t, Condition& c) {
    c.kind = Condition::Kind::actor;
    c.actor_roles = t.field == "actor1" ? 1 : t.field == "actor2" ? 2 : 3;
    for (const std::string& v : t.values) {
      for (std::string& name : vocabulary_.actors.expand_for_filter(v)) {
        c.strings.push_back(std::move(name));
      }
    }
    return Status::success();
  }

  Status country(const Term& t, Condition& c) {
    c.kind = Condition::Kind::country;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string code = vocabulary_.countries.iso2(t.values[i]);
      if (code.empty()) {
        return fail(t.positions[i], fmt::format("unknown country '{}': use an ISO 3166-1 code "
                                                "such as AF, or a name from data/countries.tsv",
                                                t.values[i]));
      }
      c.strings.push_back(std::move(code));
    }
    return Status::success();
  }

  Status taxonomy(const Term& t, Condition& c, const std::string& column,
                  const model::Taxonomy& taxonomy, std::string_view file) {
    std::vector<std::string> codes;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string value = t.values[i];
      for (char& ch : value) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!taxonomy.contains(value)) {
        std::string known;
        for (const std::string& code : taxonomy.codes()) {
          if (!known.empty()) known += ", ";
          known += code;
        }
        return fail(t.positions[i],
                    fmt::format("unknown code '{}' (data/{}: {})", t.values[i], file, known));
      }
      for (std::string& code : taxonomy.with_descendants(value)) codes.push_back(std::move(code));
    }
    return equals_any(c, column, std::move(codes));
  }

  Status claim(const Term& t, Condition& c) {
    std::vector<std::string> statuses;
    for (size_t i = 0; i < t.values.size(); ++i) {
      const std::string& v = t.values[i];
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
    return equals_any(c, "claim", std::move(statuses));
  }

  Result<model::Day> date_bound(std::string_view text, size_t position, bool end) {
    auto day = model::parse_date_bound(text, end);
    if (!day) return fail(position, day.error() + " (dates are YYYY-MM-DD, YYYY-MM or YYYY)");
    return *day;
  }

  Status date(const Term& t, Condition& c) {
    c.kind = Condition::Kind::date;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string_view v = t.values[i];
      size_t dots = v.find("..");
      std::string_view from = dots == std::string_view::npos ? v : v.substr(0, dots);
      std::string_view to = dots == std::string_view::npos ? v : v.substr(dots + 2);
      if (from.empty() && to.empty()) return fail(t.positions[i], "a date range needs an end");
      std::pair<model::Day, model::Day> range{kOpenStart, kOpenEnd};
      if (!from.empty()) {
        auto day = date_bound(from, t.positions[i], false);
        if (!day) return make_error(day.error());
        range.first = *day;
      }
      if (!to.empty()) {
        auto day =
            date_bound(to, t.positions[i] + (dots == std::string_view::npos ? 0 : dots + 2), true);
        if (!day) return make_error(day.error());
        range.second = *day;
      }
      c.days.push_back(range);
    }
    return Status::success();
  }

  Status fatalities(const Term& t, Condition& c) {
    c.kind = Condition::Kind::fatalities;
    for (size_t i = 0; i < t.values.size(); ++i) {
      std::string_view v = t.values[i];
      std::string_view op = "=";
      for (std::string_view candidate : {">=", "<=", ">", "<", "="}) {
        if (v.starts_with(candidate)) {
          op = candidate;
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
      if (dots != std::string_view::npos && op == "=" && number(v.substr(0, dots), low) &&
          number(v.substr(dots + 2), high)) {
        c.counts.emplace_back(low, high);
      } else if (number(v, low)) {
        if (op == "=") c.counts.emplace_back(low, low);
        if (op == ">=") c.counts.emplace_back(low, INT64_MAX);
        if (op == ">" && low < INT64_MAX) c.counts.emplace_back(low + 1, INT64_MAX);
        if (op == "<=") c.counts.emplace_back(INT64_MIN, low);
        if (op == "<") c.counts.emplace_back(INT64_MIN, low - 1);
      } else {
        return fail(t.positions[i], "expected a count: N, >=N, >N, <=N, <N or N..M");
      }
    }
    return Status::success();
  }

  Status near(const Term& t, Condition& c) {
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
    c.kind = Condition::Kind::near;
    c.latitude = lat;
    c.longitude = lon;
    c.radius_km = radius;
    return Status::success();
  }

  Status event_id(const Term& t, Condition& c) {
    c.kind = Condition::Kind::event_id;
    for (size_t i = 0; i < t.values.size(); ++i) {
      int64_t id = 0;
      const std::string& v = t.values[i];
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
      if (ec != std::errc() || p != v.data() + v.size()) {
        return fail(t.positions[i], "expected a sitrep event id (a whole number)");
      }
      c.ids.push_back(id);
    }
    return Status::success();
  }

  const Filter& filter_;
  const model::Vocabulary& vocabulary_;
};

}  // namespace

Result<std::vector<Condition>> resolve_filter(const Filter& filter,
                                              const model::Vocabulary& vocabulary) {
  return Resolver(filter, vocabulary).resolve();
}

}  // namespace sitrep::query
