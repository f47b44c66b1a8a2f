#include "sitrep/io/detail/csv_event_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sitrep/io/detail/field_parse.hpp"
#include "sitrep/io/utf8.hpp"

namespace sitrep::io::detail {

Columns::Columns(const std::vector<std::string>& header) {
  for (size_t i = 0; i < header.size(); ++i) index_.emplace(header[i], static_cast<int>(i));
}

int Columns::index(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? -1 : it->second;
}

std::vector<std::string> Columns::missing(const std::vector<std::string_view>& required) const {
  std::vector<std::string> out;
  for (std::string_view name : required) {
    if (!has(name)) out.emplace_back(name);
  }
  return out;
}

Error missing_columns_error(const std::string& path, std::string_view format,
                            const std::vector<std::string>& missing) {
  std::string list;
  for (const std::string& name : missing) list += (list.empty() ? "" : ", ") + name;
  return make_error(
      fmt::format("{}:1: the header lacks column(s) a {} file must have: {}", path, format, list));
}

Result<CsvHeader> read_csv_header(const MappedFile& file) {
  std::string_view text = file.contents();
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte-order mark
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return make_error(fmt::format("{}: the file is empty", file.path()));
  }
  CsvReader reader(text);
  CsvRecord record;
  CsvError error;
  if (reader.next(record, error) != CsvReader::Step::record) {
    return make_error(fmt::format("{}:{}:{}: header: {}", file.path(), error.at.line,
                                  error.at.column, error.reason));
  }
  if (size_t bad = find_invalid_utf8(record.raw); bad != std::string_view::npos) {
    TextPosition at = record.position(bad);
    return make_error(
        fmt::format("{}:{}:{}: header: invalid UTF-8", file.path(), at.line, at.column));
  }
  CsvHeader header;
  for (std::string_view name : record.fields) header.names.emplace_back(trim(name));
  header.line = std::string(record.raw);
  header.body = text.substr(reader.consumed());
  header.body_line = record.line + 1 +
                     static_cast<int64_t>(std::count(record.raw.begin(), record.raw.end(), '\n'));
  return header;
}

CsvEventReader::CsvEventReader(MappedFile file, std::string_view body, int64_t body_line,
                               std::vector<std::string> header, std::string header_line,
                               const model::Vocabulary& vocabulary)
    : file_(std::move(file)),
      body_(body),
      csv_(body, body_line),
      header_(std::move(header)),
      header_line_(std::move(header_line)),
      columns_(header_),
      vocabulary_(vocabulary) {}

double CsvEventReader::progress() const {
  return body_.empty() ? 1.0 : static_cast<double>(csv_.consumed()) / body_.size();
}

std::optional<FieldError> CsvEventReader::map_coordinates(const CsvRecord& row, int latitude,
                                                          int longitude, int precision,
                                                          std::string_view dataset,
                                                          std::string_view precision_field,
                                                          model::Event& e) const {
  auto lat = parse_latitude(get(row, latitude));
  if (!lat) return FieldError{latitude, lat.error()};
  auto lon = parse_longitude(get(row, longitude));
  if (!lon) return FieldError{longitude, lon.error()};
  e.latitude = *lat;
  e.longitude = *lon;
  e.geo_precision_native = std::string(trim(get(row, precision)));
  if (e.geo_precision_native.empty()) return std::nullopt;
  const auto* level =
      vocabulary_.geo_precision_map.find(dataset, precision_field, e.geo_precision_native);
  if (!level) {
    return FieldError{precision, fmt::format("{} '{}' is not a code listed for {} in "
                                             "data/geo_precision_map.tsv",
                                             precision_field, e.geo_precision_native, dataset)};
  }
  e.geo_level = parse_geo_level((*level)[0]);
  return std::nullopt;
}

std::optional<FieldError> CsvEventReader::map_country(const CsvRecord& row, int column,
                                                      model::Event& e) const {
  std::string_view cell = trim(get(row, column));
  auto code = vocabulary_.countries.resolve(cell);
  if (!code) {
    return FieldError{column,
                      fmt::format("unknown country '{}' (add it to data/countries.tsv)", cell)};
  }
  e.country = std::move(*code);
  return std::nullopt;
}

void CsvEventReader::fill_error(const CsvRecord& row, const FieldError& fault,
                                RowError& error) const {
  size_t offset = fault.column >= 0 && static_cast<size_t>(fault.column) < row.offsets.size()
                      ? row.offsets[static_cast<size_t>(fault.column)]
                      : 0;
  TextPosition at = row.position(offset);
  error.file = file_.path();
  error.line = at.line;
  error.column = at.column;
  error.field = fault.column >= 0 ? header_[static_cast<size_t>(fault.column)] : "";
  error.reason = fault.reason;
  error.raw = std::string(row.raw);
}

bool CsvEventReader::next(model::Event& event, RowError& error) {
  error.reason.clear();
  switch (csv_.next(record_, csv_error_)) {
    case CsvReader::Step::end:
      return false;
    case CsvReader::Step::error:
      error.file = file_.path();
      error.line = csv_error_.at.line;
      error.column = csv_error_.at.column;
      error.field.clear();
      error.reason = csv_error_.reason;
      error.raw = std::string(csv_error_.raw);
      return true;
    case CsvReader::Step::record:
      break;
  }
  const CsvRecord& row = record_;
  if (size_t bad = find_invalid_utf8(row.raw); bad != std::string_view::npos) {
    int column = 0;
    while (column + 1 < static_cast<int>(row.offsets.size()) && row.offsets[column + 1] <= bad) {
      ++column;
    }
    FieldError fault{column, "invalid UTF-8 (the file must be UTF-8 encoded)"};
    fill_error(row, fault, error);
    error.column = row.position(bad).column;
    return true;
  }
  if (row.fields.size() != header_.size()) {
    size_t extra = std::min(row.fields.size(), header_.size());
    FieldError fault{-1, fmt::format("{} fields, but the header has {} columns", row.fields.size(),
                                     header_.size())};
    fill_error(row, fault, error);
    error.column =
        row.position(extra < row.offsets.size() ? row.offsets[extra] : row.raw.size()).column;
    return true;
  }
  event = model::Event();
  if (auto fault = map_row(row, event)) {
    fill_error(row, *fault, error);
    return true;
  }
  vocabulary_.actors.resolve_actors(event);
  event.provenance.file = file_.path();
  event.provenance.line = row.line;
  event.provenance.original = std::string(row.raw);
  return true;
}

}  // namespace sitrep::io::detail
