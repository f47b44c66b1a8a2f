#include "sitrep/analyze/record_loader.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "sitrep/analyze/detail/wording.hpp"
#include "sitrep/analyze/target_groups.hpp"
#include "sitrep/model/actor_registry.hpp"
#include "sitrep/model/claim.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::analyze {
namespace {

using query::Category;
using query::Column;

std::string_view text_of(const query::EventIndex& index, Category category, Column column,
                         size_t row) {
  return index.dictionary(category).at(static_cast<uint32_t>(index.column(column).value(row)));
}

Record record_of_row(const query::EventIndex& index, size_t row) {
  Record r;
  r.origin = RecordOrigin::event;
  r.id = index.event_id(row);
  r.day = index.day(row);
  r.dataset = text_of(index, Category::dataset, Column::dataset, row);
  r.country = text_of(index, Category::country, Column::country, row);
  r.admin1 = text_of(index, Category::admin1, Column::admin1, row);
  r.admin2 = text_of(index, Category::admin2, Column::admin2, row);
  const query::Place& place =
      index.places()[static_cast<size_t>(index.column(Column::place).value(row))];
  r.location = index.dictionary(Category::location).at(place.location);
  if (index.has_coordinates(row)) {
    r.latitude = index.latitude(row);
    r.longitude = index.longitude(row);
  }
  r.event_type = text_of(index, Category::event_type, Column::event_type, row);
  r.sub_event_type = text_of(index, Category::sub_event_type, Column::sub_event_type, row);
  r.actor = text_of(index, Category::actor, Column::actor1, row);
  r.actor2 = text_of(index, Category::actor, Column::actor2, row);
  r.target = text_of(index, Category::target, Column::target, row);
  r.weapon = text_of(index, Category::weapon, Column::weapon, row);
  r.fatalities = index.fatalities(row);
  r.place = static_cast<uint32_t>(index.column(Column::place).value(row));
  r.fatalities_low = index.fatalities_low(row);
  r.fatalities_high = index.fatalities_high(row);
  r.claim = model::parse_claim_status(text_of(index, Category::claim, Column::claim, row))
                .value_or(model::ClaimStatus::unknown);
  return r;
}

// The place with the origin role in a mention's JSON: its country and point.
struct OriginPlace {
  std::string country;
  std::optional<double> latitude, longitude;
};

OriginPlace origin_of(std::string_view detail) {
  OriginPlace out;
  auto json = nlohmann::json::parse(detail, nullptr, false);
  if (json.is_discarded() || !json.contains("places") || !json["places"].is_array()) return out;
  for (const auto& place : json["places"]) {
    if (!place.is_object() || place.value("role", "") != "origin") continue;
    if (place.contains("country") && place["country"].is_string()) {
      out.country = place["country"].get<std::string>();
    }
    if (place.contains("latitude") && place["latitude"].is_number() &&
        place.contains("longitude") && place["longitude"].is_number()) {
      out.latitude = place["latitude"].get<double>();
      out.longitude = place["longitude"].get<double>();
    }
    break;
  }
  return out;
}

// Sums up a subject's earlier events from the index's codes: the last day in each area and the
// trait tallies, turned into strings once at the end.
// The dictionary code that means "claimed" in an index (0 when no event is).
uint32_t claimed_code(const query::EventIndex& index) {
  return index.dictionary(Category::claim).find(model::to_string(model::ClaimStatus::claimed));
}

// TraitCounts kept by dictionary code while rows stream by (an array increment per trait, no
// hashing of text), and turned into strings once at the end.
class CodeTally {
 public:
  explicit CodeTally(const query::EventIndex& index) : index_(index) {
    for (size_t t = 0; t < kTraitCount; ++t) {
      traits_[t].assign(index.dictionary(kTraitCategories[t]).size(), 0);
    }
    countries_.assign(index.dictionary(Category::country).size(), 0);
  }

  void add(size_t row) {
    ++total_;
    for (size_t t = 0; t < kTraitCount; ++t) ++traits_[t][code(kTraitColumns[t], row)];
    ++countries_[code(Column::country, row)];
  }

  size_t total() const { return total_; }

  // Adds the tally to `out`, by the dictionaries' strings.
  void add_to(TraitCounts& out) const {
    out.total += total_;
    for (size_t t = 0; t < kTraitCount; ++t) {
      const query::Dictionary& names = index_.dictionary(kTraitCategories[t]);
      for (uint32_t value = 0; value < traits_[t].size(); ++value) {
        if (traits_[t][value] > 0) out.by_value[t][names.at(value)] += traits_[t][value];
      }
    }
    const query::Dictionary& names = index_.dictionary(Category::country);
    for (uint32_t country = 0; country < countries_.size(); ++country) {
      if (countries_[country] > 0) out.by_country[names.at(country)] += countries_[country];
    }
  }

 private:
  static constexpr std::array<Category, kTraitCount> kTraitCategories = {
      Category::target, Category::weapon, Category::sub_event_type, Category::admin1};
  static constexpr std::array<Column, kTraitCount> kTraitColumns = {
      Column::target, Column::weapon, Column::sub_event_type, Column::admin1};

  uint32_t code(Column column, size_t row) const {
    return static_cast<uint32_t>(index_.column(column).value(row));
  }

  const query::EventIndex& index_;
  size_t total_ = 0;
  std::array<std::vector<size_t>, kTraitCount> traits_;
  std::vector<size_t> countries_;
};

class EarlierTally {
 public:
  explicit EarlierTally(const query::EventIndex& index)
      : index_(index), all_(index), claimed_(index), claimed_code_(claimed_code(index)) {
    last_at_place_.assign(index.places().size(), kNever);
  }

  // Rows come in date order: the last day seen at a place is the row's.
  void note_place(size_t row) { last_at_place_[code(Column::place, row)] = index_.day(row); }

  // An event before the records: counted, its place noted, its traits tallied.
  void add(size_t row) {
    const model::Day day = index_.day(row);
    if (events_++ == 0) first_day_ = day;
    note_place(row);
    tally_traits(row);
  }

  void tally_traits(size_t row) {
    all_.add(row);
    if (code(Column::claim, row) == claimed_code_) claimed_.add(row);
  }

  void finish(EarlierHistory& out) const {
    out.events = events_;
    out.claimed = claimed_.total();
    out.first_day = first_day_;
    const query::Dictionary& countries = index_.dictionary(Category::country);
    const query::Dictionary& admin1 = index_.dictionary(Category::admin1);
    const query::Dictionary& admin2 = index_.dictionary(Category::admin2);
    const auto places = index_.places();
    for (size_t p = 0; p < places.size(); ++p) {
      const model::Day day = last_at_place_[p];
      if (day == kNever || places[p].country == 0) continue;
      const std::string_view c = countries.at(places[p].country), a1 = admin1.at(places[p].admin1),
                             a2 = admin2.at(places[p].admin2);
      auto keep_latest = [day](auto& map, const AreaKey& key) {
        auto [it, fresh] = map.try_emplace(key, day);
        if (!fresh) it->second = std::max(it->second, day);
      };
      keep_latest(out.last_seen[0], AreaKey{c, {}, {}});
      if (!a1.empty()) keep_latest(out.last_seen[1], AreaKey{c, a1, {}});
      if (!a2.empty()) keep_latest(out.last_seen[2], AreaKey{c, a1, a2});
    }
    all_.add_to(out.all_traits);
    claimed_.add_to(out.claimed_traits);
  }

 private:
  static constexpr model::Day kNever = INT32_MIN;

  uint32_t code(Column column, size_t row) const {
    return static_cast<uint32_t>(index_.column(column).value(row));
  }

  const query::EventIndex& index_;
  size_t events_ = 0;
  model::Day first_day_ = 0;
  CodeTally all_, claimed_;
  uint32_t claimed_code_ = 0;
  std::vector<model::Day> last_at_place_;  // by the index's place code
};

// Sums up the subject's dataset events between the summed-up history and the window
// (earlier_history.hpp, HeldBack) from the index's codes.
class HeldBackTally {
 public:
  HeldBackTally(const query::EventIndex& index, model::Day from, HeldBack& out)
      : index_(index), from_(from), out_(out) {
    const auto days = static_cast<size_t>(std::max(0, out.until - from));
    out.daily_events.assign(days, 0);
    out.daily_fatalities.assign(days, 0);
    in_baseline_at_place_.assign(index.places().size(), 0);
    const query::Dictionary& claims = index.dictionary(Category::claim);
    claim_of_code_.assign(claims.size(), 0);
    for (uint32_t c = 1; c < claims.size(); ++c) {
      claim_of_code_[c] = static_cast<uint8_t>(
          model::parse_claim_status(claims.at(c)).value_or(model::ClaimStatus::unknown));
    }
    const query::Dictionary& targets = index.dictionary(Category::target);
    group_of_code_.assign(targets.size(), -1);
    for (uint32_t c = 1; c < targets.size(); ++c) group_of_code_[c] = target_group(targets.at(c));
    targets_by_admin1_.assign(index.dictionary(Category::admin1).size() * kTargetGroups.size(), 0);
  }

  void add(size_t row) {
    const model::Day day = index_.day(row);
    const auto i = static_cast<size_t>(day - from_);
    keep_if_deadliest(row, day);
    ++out_.events;
    ++out_.daily_events[i];
    out_.daily_fatalities[i] += index_.fatalities(row).value_or(0);
    if (!out_.baseline.contains(day)) return;
    ++out_.in_baseline;
    ++out_.claims[claim_of_code_[code(Column::claim, row)]];
    in_baseline_at_place_[code(Column::place, row)] = 1;
    if (index_.has_coordinates(row)) out_.located.add(index_.latitude(row), index_.longitude(row));
    const uint32_t admin1 = code(Column::admin1, row);
    const int group = group_of_code_[code(Column::target, row)];
    if (admin1 != 0 && group >= 0) {
      ++targets_by_admin1_[admin1 * kTargetGroups.size() + static_cast<size_t>(group)];
    }
  }

  void finish() {
    std::vector<size_t> rows;
    for (const auto& week : leaders_) {
      for (const auto& [fatalities, row] : week) rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());  // rows are in date order
    for (size_t row : rows) out_.week_leaders.records.push_back(record_of_row(index_, row));
    const query::Dictionary& countries = index_.dictionary(Category::country);
    const query::Dictionary& admin1 = index_.dictionary(Category::admin1);
    const query::Dictionary& admin2 = index_.dictionary(Category::admin2);
    const auto places = index_.places();
    for (size_t p = 0; p < places.size(); ++p) {
      if (!in_baseline_at_place_[p]) continue;
      const std::string_view c = countries.at(places[p].country), a1 = admin1.at(places[p].admin1),
                             a2 = admin2.at(places[p].admin2);
      if (a1.empty()) continue;
      out_.provinces.insert(detail::area_name(c, a1));
      if (!a2.empty()) out_.districts.insert(detail::area_name(c, a1, a2));
    }
    for (size_t k = 0; k < targets_by_admin1_.size(); ++k) {
      if (targets_by_admin1_[k] == 0) continue;
      const auto code = static_cast<uint32_t>(k / kTargetGroups.size());
      const auto group = static_cast<int>(k % kTargetGroups.size());
      out_.targets[{std::string(admin1.at(code)), group}] += targets_by_admin1_[k];
    }
  }

 private:
  uint32_t code(Column column, size_t row) const {
    return static_cast<uint32_t>(index_.column(column).value(row));
  }

  // Keeps the week's three deadliest rows; among equals the earlier row, as a stable sort of
  // date-ordered records by fatalities would.
  void keep_if_deadliest(size_t row, model::Day day) {
    const auto week = static_cast<size_t>((day - week_start(from_)) / 7);
    if (leaders_.size() <= week) leaders_.resize(week + 1);
    auto& top = leaders_[week];
    const int64_t fatalities = index_.fatalities(row).value_or(0);
    if (top.size() == 3 && fatalities <= top.back().first) return;
    auto at = std::find_if(top.begin(), top.end(),
                           [&](const auto& kept) { return fatalities > kept.first; });
    top.insert(at, {fatalities, row});
    if (top.size() > 3) top.pop_back();
  }

  const query::EventIndex& index_;
  model::Day from_;
  HeldBack& out_;
  std::vector<std::vector<std::pair<int64_t, size_t>>> leaders_;  // per week: (fatalities, row)
  std::vector<char> in_baseline_at_place_;
  std::vector<uint8_t> claim_of_code_;
  std::vector<int> group_of_code_;
  std::vector<size_t> targets_by_admin1_;
};

}  // namespace

Result<RecordSet> load_event_records(const query::EventIndex& index, const query::Selection& rows,
                                     EarlierHistory* earlier) {
  RecordSet set;
  std::optional<EarlierTally> tally;
  std::optional<HeldBackTally> held;
  if (earlier) tally.emplace(index);
  if (earlier && earlier->held_back.until > earlier->before) {
    held.emplace(index, earlier->before, earlier->held_back);
  }
  set.records.reserve(earlier ? rows.count(index.lower_bound_day(
                                               std::max(earlier->before, earlier->held_back.until)),
                                           index.size())
                              : rows.count());
  rows.for_each([&](size_t row) {
    if (tally && index.day(row) < earlier->before) {
      tally->add(row);
      return;
    }
    if (tally && index.day(row) < earlier->places_before) tally->note_place(row);
    if (tally && index.day(row) <= earlier->traits_through) tally->tally_traits(row);
    if (held && index.day(row) < earlier->held_back.until) {
      held->add(row);
    } else {
      set.records.push_back(record_of_row(index, row));
    }
  });
  if (tally) tally->finish(*earlier);
  if (held) held->finish();
  return set;
}

Result<FamilyTally> load_family_tally(const query::EventIndex& index, const query::Selection& rows,
                                      const std::function<std::string(std::string_view)>& branch_of,
                                      const Period& span, const Period& window) {
  FamilyTally out;
  out.span = span;
  // Each actor code's branch, asked once per code rather than once per event.
  const query::Dictionary& actors = index.dictionary(Category::actor);
  std::vector<int> branch_of_code(actors.size(), -1);
  std::map<std::string, int, std::less<>> branch_numbers;
  std::vector<std::string_view> names;
  for (uint32_t code = 1; code < actors.size(); ++code) {
    std::string branch = branch_of(actors.at(code));
    if (branch.empty()) continue;
    auto [it, fresh] = branch_numbers.try_emplace(branch, static_cast<int>(names.size()));
    if (fresh) names.push_back(out.window_records.keep(branch));
    branch_of_code[code] = it->second;
  }
  const query::Dictionary& countries = index.dictionary(Category::country);
  std::vector<std::vector<size_t>> by_country(names.size(),
                                              std::vector<size_t>(countries.size(), 0));
  out.branches.resize(names.size());
  for (size_t b = 0; b < names.size(); ++b) {
    out.branches[b].name = std::string(names[b]);
    out.branches[b].daily.assign(static_cast<size_t>(std::max<int64_t>(0, span.days())), 0);
  }
  rows.for_each([&](size_t row) {
    const model::Day day = index.day(row);
    if (!span.contains(day)) return;
    int b = branch_of_code[static_cast<size_t>(index.column(Column::actor1).value(row))];
    if (b < 0) b = branch_of_code[static_cast<size_t>(index.column(Column::actor2).value(row))];
    if (b < 0) return;
    const auto branch = static_cast<size_t>(b);
    ++out.branches[branch].daily[static_cast<size_t>(day - span.from)];
    ++by_country[branch][static_cast<size_t>(index.column(Column::country).value(row))];
    if (window.contains(day)) {
      Record r = record_of_row(index, row);
      r.actor_branch = names[branch];
      out.window_records.records.push_back(r);
    }
  });
  for (size_t b = 0; b < names.size(); ++b) {
    for (uint32_t c = 0; c < countries.size(); ++c) {
      if (by_country[b][c] > 0)
        out.branches[b].countries[std::string(countries.at(c))] += by_country[b][c];
    }
  }
  std::erase_if(out.branches, [](const BranchTally& b) { return b.countries.empty(); });
  return out;
}

Result<Background> load_background(const query::EventIndex& index, const query::Selection& rows,
                                   const Period& window) {
  Background out;
  CodeTally tally(index);
  const query::Dictionary& actors = index.dictionary(Category::actor);
  std::vector<char> unattributed(actors.size(), 0);
  for (uint32_t code = 0; code < actors.size(); ++code) {
    unattributed[code] = model::is_unattributed_actor(actors.at(code));
  }
  const uint32_t claimed = claimed_code(index);
  rows.for_each([&](size_t row) {
    tally.add(row);
    if (unattributed[static_cast<size_t>(index.column(Column::actor1).value(row))] &&
        window.contains(index.day(row)) &&
        static_cast<uint32_t>(index.column(Column::claim).value(row)) != claimed) {
      out.candidates.records.push_back(record_of_row(index, row));
    }
  });
  tally.add_to(out.counts);
  return out;
}

namespace {

constexpr const char* kMentionColumns =
    "SELECT id, date_start, date_end, event_type, sub_event_type, perpetrator, target, "
    "target_level, minority, country, admin1, admin2, location, latitude, longitude, "
    "cross_border, killed_low, killed_high, claim, claimed_by, denied_by, detail FROM mentions ";

// Reads the rows of a statement over kMentionColumns into records.
Status read_mentions(store::Statement& stmt, RecordSet& set) {
  for (;;) {
    auto more = stmt.step();
    if (!more) return make_error(more.error());
    if (!*more) return Status::success();
    auto day = model::parse_date(stmt.column_text(1));
    if (!day) continue;  // a mention without a date cannot be placed in a window
    Record r;
    r.origin = RecordOrigin::mention;
    r.id = stmt.column_int(0);
    r.day = *day;
    r.dataset = "text";
    r.event_type = set.keep(std::string(stmt.column_text(3)));
    r.sub_event_type = set.keep(std::string(stmt.column_text(4)));
    r.actor = set.keep(std::string(stmt.column_text(5)));
    r.target = set.keep(std::string(stmt.column_text(6)));
    r.target_level = set.keep(std::string(stmt.column_text(7)));
    r.minority = set.keep(std::string(stmt.column_text(8)));
    r.country = set.keep(std::string(stmt.column_text(9)));
    r.admin1 = set.keep(std::string(stmt.column_text(10)));
    r.admin2 = set.keep(std::string(stmt.column_text(11)));
    r.location = set.keep(std::string(stmt.column_text(12)));
    r.latitude = stmt.column_optional_double(13);
    r.longitude = stmt.column_optional_double(14);
    r.cross_border = stmt.column_int(15) != 0;
    r.fatalities_low = stmt.column_optional_int(16);
    r.fatalities_high = stmt.column_optional_int(17);
    // A single report's best estimate is its lowest figure ("at least 31").
    if (r.fatalities_low || r.fatalities_high) {
      r.fatalities = r.fatalities_low ? r.fatalities_low : r.fatalities_high;
    }
    r.claim = model::parse_claim_status(stmt.column_text(18)).value_or(model::ClaimStatus::unknown);
    r.claimed_by = set.keep(std::string(stmt.column_text(19)));
    r.denied_by = set.keep(std::string(stmt.column_text(20)));
    OriginPlace origin = origin_of(stmt.column_text(21));
    r.origin_country = set.keep(std::move(origin.country));
    r.origin_latitude = origin.latitude;
    r.origin_longitude = origin.longitude;
    set.records.push_back(r);
  }
}

std::string placeholders(size_t n) {
  std::string marks;
  for (size_t i = 0; i < n; ++i) marks += i ? ",?" : "?";
  return marks;
}

}  // namespace

Status add_mention_records(store::SqliteStore& store, const std::vector<std::string>& actors,
                           RecordSet& set) {
  if (actors.empty()) return Status::success();
  const std::string marks = placeholders(actors.size());
  auto stmt = store::Statement::prepare(
      store.handle(), std::string(kMentionColumns) +
                          "WHERE date_start IS NOT NULL AND (perpetrator IN (" + marks +
                          ") OR claimed_by IN (" + marks + ")) ORDER BY date_start, id");
  if (!stmt) return make_error(stmt.error());
  int index = 1;
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& a : actors) stmt->bind(index++, a);
  }
  return read_mentions(*stmt, set);
}

Status add_unattributed_mentions(store::SqliteStore& store,
                                 const std::vector<std::string>& countries, const Period& period,
                                 RecordSet& set) {
  if (countries.empty() || period.empty()) return Status::success();
  auto stmt = store::Statement::prepare(
      store.handle(), std::string(kMentionColumns) +
                          "WHERE date_start BETWEEN ? AND ? AND country IN (" +
                          placeholders(countries.size()) +
                          ") AND (perpetrator IS NULL OR perpetrator = '' OR perpetrator IN (" +
                          placeholders(model::kUnattributedActors.size()) +
                          ")) AND claim <> 'claimed' ORDER BY date_start, id");
  if (!stmt) return make_error(stmt.error());
  stmt->bind(1, model::format_iso(period.from));
  stmt->bind(2, model::format_iso(period.to));
  int index = 3;
  for (const std::string& c : countries) stmt->bind(index++, c);
  for (std::string_view actor : model::kUnattributedActors) stmt->bind(index++, actor);
  return read_mentions(*stmt, set);
}

Status add_media_items(store::SqliteStore& store,
                       const std::function<bool(std::string_view, model::Day)>& speaks_for,
                       RecordSet& set) {
  auto stmt = store::Statement::prepare(
      store.handle(),
      "SELECT id, published, outlet, language, source_kind, outlet_actor FROM reports "
      "WHERE outlet_actor IS NOT NULL AND outlet_actor <> '' AND published IS NOT NULL "
      "AND published <> '' ORDER BY published, id");
  if (!stmt) return make_error(stmt.error());
  for (;;) {
    auto more = stmt->step();
    if (!more) return make_error(more.error());
    if (!*more) return Status::success();
    auto day = model::parse_date(stmt->column_text(1).substr(0, 10));
    if (!day || !speaks_for(stmt->column_text(5), *day)) continue;
    set.media.push_back({stmt->column_int(0), *day, set.keep(std::string(stmt->column_text(2))),
                         set.keep(std::string(stmt->column_text(3))),
                         set.keep(std::string(stmt->column_text(4)))});
  }
}

Result<Period> mention_span(store::SqliteStore& store) {
  auto stmt = store::Statement::prepare(
      store.handle(),
      "SELECT min(date_start), max(date_start) FROM mentions WHERE date_start IS NOT NULL");
  if (!stmt) return make_error(stmt.error());
  auto row = stmt->step();
  if (!row) return make_error(row.error());
  auto first = model::parse_date(stmt->column_text(0));
  auto last = model::parse_date(stmt->column_text(1));
  if (!first || !last) return Period{};
  return Period{*first, *last};
}

}  // namespace sitrep::analyze
