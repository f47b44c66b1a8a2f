// Global Terrorism Database (START) CSV, mapped into sitrep events.
//
// Reads the full 135-column export and any subset holding the required columns. A zero iday
// (or imonth) means the day (or month) is unknown: the event then spans its month (or year).
// claimed is 1 (claimed), 0 (not claimed) or -9 (unknown); compclaim 1 marks competing claims.
#include <fmt/format.h>

#include "sitrep/io/detail/csv_event_reader.hpp"
#include "sitrep/io/detail/field_parse.hpp"

namespace sitrep::io::detail {
namespace {

constexpr std::string_view kDataset = "gtd";

class GtdReader final : public CsvEventReader {
 public:
  GtdReader(MappedFile file, CsvHeader header, const model::Vocabulary& vocabulary)
      : CsvEventReader(std::move(file), header.body, header.body_line, std::move(header.names),
                       std::move(header.line), vocabulary) {
    const Columns& c = columns();
    for (auto [slot, name] : {std::pair{&id_, "eventid"},
                              {&year_, "iyear"},
                              {&month_, "imonth"},
                              {&day_, "iday"},
                              {&country_, "country_txt"},
                              {&provstate_, "provstate"},
                              {&city_, "city"},
                              {&latitude_, "latitude"},
                              {&longitude_, "longitude"},
                              {&specificity_, "specificity"},
                              {&summary_, "summary"},
                              {&suicide_, "suicide"},
                              {&attack_, "attacktype1_txt"},
                              {&target_, "targtype1_txt"},
                              {&target_sub_, "targsubtype1_txt"},
                              {&gname_, "gname"},
                              {&gname2_, "gname2"},
                              {&gname3_, "gname3"},
                              {&uncertain_, "guncertain1"},
                              {&claimed_, "claimed"},
                              {&claim_mode_, "claimmode_txt"},
                              {&compclaim_, "compclaim"},
                              {&weapon_, "weaptype1_txt"},
                              {&weapon_sub_, "weapsubtype1_txt"},
                              {&nkill_, "nkill"},
                              {&nwound_, "nwound"},
                              {&scite1_, "scite1"},
                              {&scite2_, "scite2"},
                              {&scite3_, "scite3"}}) {
      *slot = c.index(name);
    }
  }
  Format format() const override { return Format::gtd; }

 protected:
  std::optional<FieldError> map_row(const CsvRecord& row, model::Event& e) override {
    const model::Vocabulary& v = vocabulary();
    e.dataset = kDataset;
    e.native_id = std::string(trim(get(row, id_)));
    if (e.native_id.empty()) return FieldError{id_, "empty eventid"};
    if (auto fault = map_date(row, e)) return fault;
    if (auto fault = map_place(row, e)) return fault;

    std::string_view target = trim(get(row, target_));
    std::string_view target_sub = trim(get(row, target_sub_));
    e.target = v.target_map.first(kDataset, "targtype1_txt", target);
    e.target_original = std::string(target);
    if (!target_sub.empty()) e.target_original += " / " + std::string(target_sub);
    e.attack_type = std::string(trim(get(row, attack_)));
    map_event_type(trim(get(row, suicide_)) == "1", e);
    std::string_view weapon = trim(get(row, weapon_));
    std::string_view weapon_sub = trim(get(row, weapon_sub_));
    e.weapon = v.weapon_map.first(kDataset, "weapsubtype1_txt", weapon_sub);
    if (e.weapon.empty()) e.weapon = v.weapon_map.first(kDataset, "weaptype1_txt", weapon);
    e.weapon_original = std::string(weapon);
    if (!weapon_sub.empty()) e.weapon_original += " / " + std::string(weapon_sub);

    e.actor1.original = std::string(trim(get(row, gname_)));
    for (int column : {gname2_, gname3_}) {
      std::string_view name = trim(get(row, column));
      if (!name.empty()) e.assoc_actors1.push_back(model::ActorRef{"", std::string(name)});
    }
    e.attribution_uncertain = trim(get(row, uncertain_)) == "1";

    if (auto fault = map_claim(row, e)) return fault;

    auto killed = parse_count(get(row, nkill_), "nkill");
    if (!killed) return FieldError{nkill_, killed.error()};
    e.fatalities_best = *killed;
    auto wounded = parse_count(get(row, nwound_), "nwound");
    if (!wounded) return FieldError{nwound_, wounded.error()};
    e.injuries = *wounded;

    int cited = 0;
    for (int column : {scite1_, scite2_, scite3_}) {
      std::string_view cite = trim(get(row, column));
      if (cite.empty()) continue;
      e.sources += (e.sources.empty() ? "" : "; ") + std::string(cite);
      ++cited;
    }
    if (cited > 0) e.source_count = cited;
    e.notes = std::string(trim(get(row, summary_)));
    return std::nullopt;
  }

 private:
  // ACLED's event type from the attack: a suicide attack first; then the attack type against
  // this kind of target (or a broader kind: military, then security-forces), as in "an armed
  // assault on soldiers is a battle"; then the attack type alone.
  void map_event_type(bool suicide, model::Event& e) const {
    const model::Vocabulary& v = vocabulary();
    const auto* type = suicide ? v.event_type_map.find(kDataset, "suicide", "1") : nullptr;
    for (const std::string& code : v.targets.with_ancestors(e.target)) {
      if (type || e.target.empty()) break;
      type = v.event_type_map.find(kDataset, "attacktype1_txt+target", e.attack_type + "|" + code);
    }
    if (!type) type = v.event_type_map.find(kDataset, "attacktype1_txt", e.attack_type);
    if (type) {
      e.event_type = (*type)[0];
      e.sub_event_type = (*type)[1];
    }
  }

  std::optional<FieldError> map_date(const CsvRecord& row, model::Event& e) const {
    auto year = parse_integer(get(row, year_));
    if (!year || !year->has_value() || **year < 1000 || **year > 2999) {
      return FieldError{year_, fmt::format("iyear '{}' is not a year", trim(get(row, year_)))};
    }
    auto month = parse_integer(get(row, month_));
    if (!month || !month->has_value() || **month < 0 || **month > 12) {
      return FieldError{month_, fmt::format("imonth '{}' is not 0 to 12", trim(get(row, month_)))};
    }
    auto day = parse_integer(get(row, day_));
    if (!day || !day->has_value() || **day < 0 || **day > 31) {
      return FieldError{day_, fmt::format("iday '{}' is not 0 to 31", trim(get(row, day_)))};
    }
    if (**month == 0) {
      e.date = model::year_span(**year);
    } else if (**day == 0) {
      e.date = model::month_span(**year, **month);
    } else {
      if (**day > model::days_in_month(**year, **month)) {
        return FieldError{
            day_, fmt::format("{:04}-{:02}-{:02} is not a date: the month has {} "
                              "days",
                              **year, **month, **day, model::days_in_month(**year, **month))};
      }
      model::Day d = model::to_day({**year, **month, **day});
      e.date = model::DateSpan{d, d, model::DatePrecision::day};
    }
    return std::nullopt;
  }

  std::optional<FieldError> map_place(const CsvRecord& row, model::Event& e) const {
    if (auto fault = map_country(row, country_, e)) return fault;
    e.admin1 = std::string(trim(get(row, provstate_)));
    std::string_view city = trim(get(row, city_));
    e.location = city == "Unknown" ? "" : std::string(city);
    if (e.admin1 == "Unknown") e.admin1.clear();
    if (auto fault =
            map_coordinates(row, latitude_, longitude_, specificity_, kDataset, "specificity", e)) {
      return fault;
    }
    return std::nullopt;
  }

  std::optional<FieldError> map_claim(const CsvRecord& row, model::Event& e) const {
    std::string_view claimed = trim(get(row, claimed_));
    if (claimed == "1" || claimed == "1.0") {
      e.claim = model::ClaimStatus::claimed;
    } else if (claimed == "0" || claimed == "0.0") {
      e.claim = model::ClaimStatus::unclaimed;
    } else if (claimed.empty() || claimed == "-9" || claimed == "-9.0") {
      e.claim = model::ClaimStatus::unknown;
    } else {
      return FieldError{claimed_, fmt::format("claimed '{}' is not 1, 0 or -9", claimed)};
    }
    if (trim(get(row, compclaim_)) == "1") e.claim = model::ClaimStatus::disputed;
    e.claim_mode = std::string(trim(get(row, claim_mode_)));
    return std::nullopt;
  }

  int id_, year_, month_, day_, country_, provstate_, city_, latitude_, longitude_, specificity_,
      summary_, suicide_, attack_, target_, target_sub_, gname_, gname2_, gname3_, uncertain_,
      claimed_, claim_mode_, compclaim_, weapon_, weapon_sub_, nkill_, nwound_, scite1_, scite2_,
      scite3_;
};

}  // namespace

Result<std::unique_ptr<EventReader>> open_gtd(MappedFile file, CsvHeader header,
                                              const model::Vocabulary& vocabulary) {
  Columns columns(header.names);
  auto missing = columns.missing({"eventid", "iyear", "imonth", "iday", "country_txt", "gname"});
  if (!missing.empty()) return missing_columns_error(file.path(), "GTD", missing);
  return std::unique_ptr<EventReader>(
      std::make_unique<GtdReader>(std::move(file), std::move(header), vocabulary));
}

}  // namespace sitrep::io::detail
