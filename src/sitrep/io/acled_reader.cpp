// ACLED exports (export tool and API), mapped into sitrep events.
//
// Column names follow ACLED's codebook. Two generations of files exist and both are read:
// the export tool writes event_date as "18 April 2022" and inter1/inter2/interaction as text
// ("Rebel group"); the API and older exports write "2022-04-18" and numeric codes (2).
#include <fmt/format.h>

#include "sitrep/io/detail/csv_event_reader.hpp"
#include "sitrep/io/detail/field_parse.hpp"

namespace sitrep::io::detail {
namespace {

constexpr std::string_view kDataset = "acled";

class AcledReader final : public CsvEventReader {
 public:
  AcledReader(MappedFile file, CsvHeader header, const model::Vocabulary& vocabulary)
      : CsvEventReader(std::move(file), header.body, header.body_line, std::move(header.names),
                       std::move(header.line), vocabulary) {
    const Columns& c = columns();
    for (auto [slot, name] : {std::pair{&id_, "event_id_cnty"},
                              {&date_, "event_date"},
                              {&time_precision_, "time_precision"},
                              {&type_, "event_type"},
                              {&subtype_, "sub_event_type"},
                              {&actor1_, "actor1"},
                              {&assoc1_, "assoc_actor_1"},
                              {&actor2_, "actor2"},
                              {&assoc2_, "assoc_actor_2"},
                              {&inter2_, "inter2"},
                              {&civilian_targeting_, "civilian_targeting"},
                              {&iso_, "iso"},
                              {&country_, "country"},
                              {&admin1_, "admin1"},
                              {&admin2_, "admin2"},
                              {&location_, "location"},
                              {&latitude_, "latitude"},
                              {&longitude_, "longitude"},
                              {&geo_precision_, "geo_precision"},
                              {&source_, "source"},
                              {&source_scale_, "source_scale"},
                              {&notes_, "notes"},
                              {&fatalities_, "fatalities"}}) {
      *slot = c.index(name);
    }
  }
  Format format() const override { return Format::acled; }

 protected:
  std::optional<FieldError> map_row(const CsvRecord& row, model::Event& e) override {
    const model::Vocabulary& v = vocabulary();
    e.dataset = kDataset;
    e.native_id = std::string(trim(get(row, id_)));
    if (e.native_id.empty()) return FieldError{id_, "empty event_id_cnty"};

    auto day = model::parse_date(trim(get(row, date_)));
    if (!day) return FieldError{date_, day.error()};
    e.date = model::DateSpan{*day, *day, model::DatePrecision::day};
    std::string_view precision = trim(get(row, time_precision_));
    if (precision == "2") e.date.precision = model::DatePrecision::week;
    if (precision == "3") e.date.precision = model::DatePrecision::month;
    if (!precision.empty() && precision != "1" && precision != "2" && precision != "3") {
      return FieldError{time_precision_,
                        fmt::format("time_precision '{}' is not 1, 2 or 3", precision)};
    }

    if (auto fault = map_place(row, e)) return fault;

    e.event_type = std::string(trim(get(row, type_)));
    if (e.event_type.empty()) return FieldError{type_, "empty event_type"};
    e.sub_event_type = std::string(trim(get(row, subtype_)));
    e.actor1.original = std::string(trim(get(row, actor1_)));
    e.assoc_actors1 = split_actor_list(get(row, assoc1_));
    e.actor2.original = std::string(trim(get(row, actor2_)));
    e.assoc_actors2 = split_actor_list(get(row, assoc2_));

    std::string_view targeting = trim(get(row, civilian_targeting_));
    std::string_view inter2 = trim(get(row, inter2_));
    e.target = v.target_map.first(kDataset, "civilian_targeting", targeting);
    if (e.target.empty() && !e.actor2.empty())
      e.target = v.target_map.first(kDataset, "inter2", inter2);
    e.target_original = std::string(targeting.empty() ? inter2 : targeting);
    e.weapon = v.weapon_map.first(kDataset, "sub_event_type", e.sub_event_type);

    auto fatalities = parse_count(get(row, fatalities_), "fatalities");
    if (!fatalities) return FieldError{fatalities_, fatalities.error()};
    e.fatalities_best = *fatalities;

    e.sources = std::string(trim(get(row, source_)));
    e.source_scale = std::string(trim(get(row, source_scale_)));
    e.notes = std::string(trim(get(row, notes_)));
    return std::nullopt;
  }

 private:
  std::optional<FieldError> map_place(const CsvRecord& row, model::Event& e) const {
    // The country name, or ACLED's numeric iso code when the name is missing.
    bool named = country_ >= 0 && !trim(get(row, country_)).empty();
    if (auto fault = map_country(row, named ? country_ : iso_, e)) return fault;
    e.admin1 = std::string(trim(get(row, admin1_)));
    e.admin2 = std::string(trim(get(row, admin2_)));
    e.location = std::string(trim(get(row, location_)));
    if (auto fault = map_coordinates(row, latitude_, longitude_, geo_precision_, kDataset,
                                     "geo_precision", e)) {
      return fault;
    }
    return std::nullopt;
  }

  int id_, date_, time_precision_, type_, subtype_, actor1_, assoc1_, actor2_, assoc2_, inter2_,
      civilian_targeting_, iso_, country_, admin1_, admin2_, location_, latitude_, longitude_,
      geo_precision_, source_, source_scale_, notes_, fatalities_;
};

}  // namespace

Result<std::unique_ptr<EventReader>> open_acled(MappedFile file, CsvHeader header,
                                                const model::Vocabulary& vocabulary) {
  Columns columns(header.names);
  auto missing = columns.missing(
      {"event_id_cnty", "event_date", "event_type", "latitude", "longitude", "fatalities"});
  if (!columns.has("country") && !columns.has("iso")) missing.push_back("country (or iso)");
  if (!missing.empty()) return missing_columns_error(file.path(), "ACLED", missing);
  return std::unique_ptr<EventReader>(
      std::make_unique<AcledReader>(std::move(file), std::move(header), vocabulary));
}

}  // namespace sitrep::io::detail
