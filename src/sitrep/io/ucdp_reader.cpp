// UCDP Georeferenced Event Dataset (GED) CSV, mapped into sitrep events.
//
// Reads the full GED column set and reduced exports: unknown columns are ignored, and a file
// without UCDP's `id` column takes its identity from a leading unnamed index column (as in
// extracts written by pandas). Administrative names lose the type word UCDP appends
// ("Nangarhar province" → "Nangarhar") so that they match ACLED's and GTD's; the original row
// keeps UCDP's spelling.
#include <array>

#include <fmt/format.h>

#include "sitrep/io/detail/csv_event_reader.hpp"
#include "sitrep/io/detail/field_parse.hpp"

namespace sitrep::io::detail {
namespace {

constexpr std::string_view kDataset = "ucdp-ged";

std::string without_admin_suffix(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kSuffixes = {
      " province", " district", " region", " state",       " governorate",
      " oblast",   " division", " county", " municipality"};
  name = trim(name);
  for (std::string_view suffix : kSuffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      return std::string(name.substr(0, name.size() - suffix.size()));
    }
  }
  return std::string(name);
}

// UCDP date_prec: 1 the day, 2 within 2-6 days, 3 within a month, 4 within a year (5: longer).
std::optional<model::DatePrecision> date_precision(std::string_view code, model::Day start,
                                                   model::Day end) {
  if (code.empty()) {
    int days = end - start;
    if (days == 0) return model::DatePrecision::day;
    if (days <= 7) return model::DatePrecision::week;
    if (days <= 31) return model::DatePrecision::month;
    return model::DatePrecision::year;
  }
  if (code == "1") return model::DatePrecision::day;
  if (code == "2") return model::DatePrecision::week;
  if (code == "3") return model::DatePrecision::month;
  if (code == "4" || code == "5") return model::DatePrecision::year;
  return std::nullopt;
}

std::optional<int> violence_code(std::string_view text) {
  if (text == "1" || text == "State" || text == "State-based") return 1;
  if (text == "2" || text == "Non-State" || text == "Non-state") return 2;
  if (text == "3" || text == "One-Sided" || text == "One-sided") return 3;
  return std::nullopt;
}

class UcdpReader final : public CsvEventReader {
 public:
  UcdpReader(MappedFile file, CsvHeader header, const model::Vocabulary& vocabulary)
      : CsvEventReader(std::move(file), header.body, header.body_line, std::move(header.names),
                       std::move(header.line), vocabulary) {
    const Columns& c = columns();
    id_ = c.has("id") ? c.index("id") : c.index("");
    for (auto [slot, name] : {std::pair{&violence_, "type_of_violence"},
                              {&side_a_, "side_a"},
                              {&side_b_, "side_b"},
                              {&sources_n_, "number_of_sources"},
                              {&article_, "source_article"},
                              {&office_, "source_office"},
                              {&headline_, "source_headline"},
                              {&where_prec_, "where_prec"},
                              {&where_coordinates_, "where_coordinates"},
                              {&adm1_, "adm_1"},
                              {&adm2_, "adm_2"},
                              {&latitude_, "latitude"},
                              {&longitude_, "longitude"},
                              {&country_, "country"},
                              {&date_prec_, "date_prec"},
                              {&date_start_, "date_start"},
                              {&date_end_, "date_end"},
                              {&best_, "best"},
                              {&high_, "high"},
                              {&low_, "low"}}) {
      *slot = c.index(name);
    }
  }
  Format format() const override { return Format::ucdp_ged; }

 protected:
  std::optional<FieldError> map_row(const CsvRecord& row, model::Event& e) override {
    const model::Vocabulary& v = vocabulary();
    e.dataset = kDataset;
    e.native_id = std::string(trim(get(row, id_)));
    if (e.native_id.empty()) return FieldError{id_, "empty id"};

    if (auto fault = map_dates(row, e)) return fault;

    if (auto fault = map_country(row, country_, e)) return fault;
    e.admin1 = without_admin_suffix(get(row, adm1_));
    e.admin2 = without_admin_suffix(get(row, adm2_));
    e.location = std::string(trim(get(row, where_coordinates_)));
    if (auto fault =
            map_coordinates(row, latitude_, longitude_, where_prec_, kDataset, "where_prec", e)) {
      return fault;
    }

    std::string_view violence = trim(get(row, violence_));
    e.violence_type = violence_code(violence);
    if (!e.violence_type) {
      return FieldError{violence_, fmt::format("type_of_violence '{}' is not 1, 2 or 3 (or "
                                               "State, Non-State, One-Sided)",
                                               violence)};
    }
    if (const auto* type =
            v.event_type_map.find(kDataset, "type_of_violence", std::to_string(*e.violence_type))) {
      e.event_type = (*type)[0];
      e.sub_event_type = (*type)[1];
    }
    e.target = v.target_map.first(kDataset, "type_of_violence", std::to_string(*e.violence_type));
    e.actor1.original = std::string(trim(get(row, side_a_)));
    e.actor2.original = std::string(trim(get(row, side_b_)));

    if (auto fault = map_deaths(row, e)) return fault;

    e.sources = std::string(trim(get(row, office_)));
    auto count = parse_integer(get(row, sources_n_));
    if (!count) return FieldError{sources_n_, count.error()};
    if (count->has_value() && **count < -1) {
      return FieldError{sources_n_, fmt::format("number_of_sources {} is negative", **count)};
    }
    if (count->has_value() && **count >= 0) e.source_count = *count;  // -1: UCDP's "unknown"
    std::string_view article = trim(get(row, article_));
    std::string_view headline = trim(get(row, headline_));
    e.notes = std::string(article);
    if (!headline.empty() && article.find(headline) == std::string_view::npos) {
      if (!e.notes.empty()) e.notes += '\n';
      e.notes.append(headline);
    }
    return std::nullopt;
  }

 private:
  std::optional<FieldError> map_dates(const CsvRecord& row, model::Event& e) const {
    auto start = model::parse_date(trim(get(row, date_start_)));
    if (!start) return FieldError{date_start_, start.error()};
    auto end = model::parse_date(trim(get(row, date_end_)));
    if (!end) return FieldError{date_end_, end.error()};
    if (*end < *start) {
      return FieldError{date_end_, fmt::format("date_end {} is before date_start {}",
                                               model::format_iso(*end), model::format_iso(*start))};
    }
    std::string_view code = trim(get(row, date_prec_));
    auto precision = date_precision(code, *start, *end);
    if (!precision)
      return FieldError{date_prec_, fmt::format("date_prec '{}' is not 1 to 5", code)};
    e.date = model::DateSpan{*start, *end, *precision};
    return std::nullopt;
  }

  // low <= best <= high is not enforced: some real extracts (the bundled sample among them)
  // break it, and the figures are kept as the source gave them rather than reordered.
  std::optional<FieldError> map_deaths(const CsvRecord& row, model::Event& e) const {
    for (auto [column, slot, what] : {std::tuple{low_, &e.fatalities_low, "low"},
                                      {best_, &e.fatalities_best, "best"},
                                      {high_, &e.fatalities_high, "high"}}) {
      auto value = parse_count(get(row, column), what);
      if (!value) return FieldError{column, value.error()};
      *slot = *value;
    }
    return std::nullopt;
  }

  int id_, violence_, side_a_, side_b_, sources_n_, article_, office_, headline_, where_prec_,
      where_coordinates_, adm1_, adm2_, latitude_, longitude_, country_, date_prec_, date_start_,
      date_end_, best_, high_, low_;
};

}  // namespace

Result<std::unique_ptr<EventReader>> open_ucdp(MappedFile file, CsvHeader header,
                                               const model::Vocabulary& vocabulary) {
  Columns columns(header.names);
  auto missing = columns.missing({"type_of_violence", "side_a", "side_b", "latitude", "longitude",
                                  "country", "date_start", "date_end", "best"});
  if (!columns.has("id") && !columns.has("")) missing.push_back("id");
  if (!missing.empty()) return missing_columns_error(file.path(), "UCDP GED", missing);
  return std::unique_ptr<EventReader>(
      std::make_unique<UcdpReader>(std::move(file), std::move(header), vocabulary));
}

}  // namespace sitrep::io::detail
