// Firsts and re-emergence: the subject's first recorded event in a country, province (admin1)
// or district (admin2), and its return to a place after a long absence.
//
// A first is a fact of the record, not of the world: it is stated only when the data reach back
// at least `reemergence_months` before it (else "first" would mean "first since the data
// begin"), and the statement names the day the data begin.
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "sitrep/analyze/area.hpp"
#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/detail/wording.hpp"

namespace sitrep::analyze {
namespace {

using Level = AreaLevel;

const char* level_noun(Level level) {
  switch (level) {
    case Level::country:
      return "country";
    case Level::admin1:
      return "province (admin1)";
    case Level::admin2:
      return "district (admin2)";
  }
  return "";
}

std::string area_label(const AssessmentOptions& o, const Record& r, Level level) {
  switch (level) {
    case Level::country:
      return o.country_name(r.country);
    case Level::admin1:
      return detail::area_name(r.country, r.admin1);
    case Level::admin2:
      return detail::area_name(r.country, r.admin1, r.admin2);
  }
  return {};
}

// The day `months` calendar months after `day`.
model::Day add_months(model::Day day, int months) {
  model::CivilDate c = model::to_civil(day);
  int index = c.year * 12 + (c.month - 1) + months;
  model::CivilDate out{index / 12, index % 12 + 1, 1};
  out.day = std::min(c.day, model::days_in_month(out.year, out.month));
  return model::to_day(out);
}

struct Entry {
  const Record* record = nullptr;
  model::Day previous = 0;  // the day of the area's previous record
  bool first = false;
};

double level_score(Level level, bool first) {
  double base = level == Level::country ? 85 : level == Level::admin1 ? 70 : 45;
  return first ? base : base - 5;
}

Finding single(const FinderInput& in, Level level, const Entry& e) {
  const Record& r = *e.record;
  Finding f;
  f.kind = e.first ? FindingKind::first_in_area : FindingKind::reemergence;
  f.evidence = {detail::evidence_of(r)};
  f.confidence = Confidence::high;
  f.score = level_score(level, e.first);
  const std::string where = area_label(in.options, r, level);
  if (e.first) {
    f.title = fmt::format("First in {}", where);
    f.statement =
        fmt::format("On {} {} had its first recorded {} in the {} {} (the data begin on {}).",
                    model::format_iso(r.day), in.options.subject, in.options.unit,
                    level_noun(level), where, model::format_iso(in.options.coverage.from));
  } else {
    int months = static_cast<int>((r.day - e.previous) / 30.4375);
    f.title = fmt::format("Re-emergence in {}", where);
    f.statement = fmt::format(
        "On {} {} had an {} in the {} {}, its first there in {} months (the previous one was "
        "on {}).",
        model::format_iso(r.day), in.options.subject, in.options.unit, level_noun(level), where,
        months, model::format_iso(e.previous));
    f.figures.push_back({fmt::format("months without {}", in.options.units()),
                         static_cast<double>(months), std::to_string(months)});
    f.figures.push_back({fmt::format("previous {}", in.options.unit),
                         static_cast<double>(e.previous), model::format_iso(e.previous)});
  }
  f.figures.insert(
      f.figures.begin(),
      {{"area", 0, where}, {"date", static_cast<double>(r.day), model::format_iso(r.day)}});
  return f;
}

// Many districts at once read better as one finding than as a list of them.
Finding grouped(const FinderInput& in, Level level, const std::vector<Entry>& entries, bool first) {
  Finding f;
  f.kind = first ? FindingKind::first_in_area : FindingKind::reemergence;
  f.confidence = Confidence::high;
  f.score = level_score(level, first) + 5;
  std::string names;
  for (const Entry& e : entries) {
    if (!names.empty()) names += "; ";
    names += fmt::format("{} ({})", area_label(in.options, *e.record, level),
                         model::format_iso(e.record->day));
    f.evidence.push_back(detail::evidence_of(*e.record));
    f.figures.push_back(
        {"area", static_cast<double>(e.record->day), area_label(in.options, *e.record, level)});
  }
  f.title = fmt::format("{} in {} {}s", first ? "Firsts" : "Re-emergence", entries.size(),
                        level == Level::admin2 ? "district" : "province");
  f.statement = first
                    ? fmt::format("{} had its first recorded {} in {} {}s in the window: {}.",
                                  in.options.subject, in.options.units(), entries.size(),
                                  level == Level::admin2 ? "district" : "province", names)
                    : fmt::format("{} returned to {} {}s after at least {} months without {}: {}.",
                                  in.options.subject, entries.size(),
                                  level == Level::admin2 ? "district" : "province",
                                  in.options.reemergence_months, in.options.units(), names);
  return f;
}

// Adds the level's findings, skipping records a wider level already reported (a first in a
// country is also a first in its province and district: one finding says it).
void find_at_level(const FinderInput& in, Level level, std::set<const Record*>& reported,
                   std::vector<Finding>& out) {
  const int gap = in.options.reemergence_months;
  // A first needs data reaching `gap` months back: else it is only the first since the data begin.
  // Where the subject had been before the records held in full, then the records.
  std::unordered_map<AreaKey, model::Day, AreaHash> last_seen;
  if (in.earlier) last_seen = in.earlier->last_seen[static_cast<size_t>(level)];
  std::vector<Entry> firsts, returns;
  AreaKey key;
  // Dataset events before this day are in the earlier history's last_seen already.
  const model::Day tallied = in.earlier ? in.earlier->places_before : model::Day{INT32_MIN};
  for (const Record* r : in.history) {
    if (r->day > in.options.window.to) break;
    if (r->origin == RecordOrigin::event && r->day < tallied) continue;
    if (!area_key(*r, level, key)) continue;
    auto it = last_seen.find(key);
    if (in.options.window.contains(r->day) && !reported.contains(r)) {
      if (it == last_seen.end()) {
        if (add_months(in.options.coverage.from, gap) <= r->day) firsts.push_back({r, 0, true});
      } else if (add_months(it->second, gap) <= r->day) {
        returns.push_back({r, it->second, false});
      }
    }
    if (it == last_seen.end()) {
      last_seen.emplace(key, r->day);
    } else {
      it->second = std::max(it->second, r->day);  // a summed-up earlier day may be later
    }
  }
  for (const auto* list : {&firsts, &returns}) {
    if (list->empty()) continue;
    for (const Entry& e : *list) reported.insert(e.record);
    const bool first = list == &firsts;
    if (list->size() > 3) {
      out.push_back(grouped(in, level, *list, first));
    } else {
      for (const Entry& e : *list) out.push_back(single(in, level, e));
    }
  }
}

}  // namespace

void find_firsts(const FinderInput& in, std::vector<Finding>& out) {
  std::set<const Record*> reported;
  for (Level level : {Level::country, Level::admin1, Level::admin2}) {
    find_at_level(in, level, reported, out);
  }
}

}  // namespace sitrep::analyze
