#include "sitrep/query/incident_units.hpp"

#include <algorithm>
#include <unordered_map>

#include "sitrep/store/statement.hpp"

namespace sitrep::query {

Result<IncidentUnits> IncidentUnits::load(store::SqliteStore& store, const EventIndex& index) {
  auto stmt = store::Statement::prepare(
      store.handle(),
      "SELECT m.incident_id, m.record_id, i.fatalities_best FROM incident_members m "
      "JOIN incidents i ON i.id = m.incident_id WHERE m.kind = 'event' "
      "ORDER BY m.incident_id, m.record_id");
  if (!stmt) return make_error(stmt.error());
  struct Member {
    int64_t incident, event;
    std::optional<int> best;
  };
  std::vector<Member> members;
  std::vector<int64_t> ids;
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) break;
    members.push_back({stmt->column_int(0), stmt->column_int(1), stmt->column_optional_int(2)});
    ids.push_back(stmt->column_int(1));
  }
  IncidentUnits units;
  if (members.empty()) return units;
  std::sort(ids.begin(), ids.end());
  std::unordered_map<int64_t, uint32_t> row_of;
  for (uint32_t row : index.rows_of_events(ids)) row_of[index.event_id(row)] = row;
  int64_t current = 0;
  for (const Member& m : members) {
    auto row = row_of.find(m.event);
    if (row == row_of.end()) continue;  // not in this index (a filtered or older snapshot)
    if (m.incident != current) {
      current = m.incident;
      ++units.incidents;
      units.starts.push_back(static_cast<uint32_t>(units.rows.size()));
    } else {
      ++units.folded;
    }
    units.rows.push_back(row->second);
    const int64_t own = index.fatalities(row->second).value_or(0);
    const int64_t best = m.best.value_or(0);
    if (best != own) units.fatalities.push_back({row->second, best - own});
  }
  units.starts.push_back(static_cast<uint32_t>(units.rows.size()));
  std::sort(units.fatalities.begin(), units.fatalities.end(),
            [](const FatalityCorrection& a, const FatalityCorrection& b) { return a.row < b.row; });
  return units;
}

void IncidentUnits::fold(Selection& selected) const {
  for (size_t i = 0; i + 1 < starts.size(); ++i) {
    bool kept = false;
    for (uint32_t at = starts[i]; at < starts[i + 1]; ++at) {
      const uint32_t row = rows[at];
      if (!selected.test(row)) continue;
      if (kept) selected.reset(row);
      kept = true;
    }
  }
}

}  // namespace sitrep::query
