#include "sitrep/io/labelled_record.hpp"

#include <fmt/format.h>

#include "sitrep/io/csv_reader.hpp"

namespace sitrep::io {
namespace {

Result<std::vector<std::string>> fields_of(std::string_view line) {
  if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  CsvReader reader(line);
  CsvRecord record;
  CsvError error;
  if (reader.next(record, error) != CsvReader::Step::record) {
    return make_error(fmt::format("not a CSV record: {}", error.reason));
  }
  return std::vector<std::string>(record.fields.begin(), record.fields.end());
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> label_csv_record(std::string_view header,
                                                                          std::string_view record) {
  auto names = fields_of(header);
  if (!names) return std::move(names).take_error();
  auto values = fields_of(record);
  if (!values) return std::move(values).take_error();
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < values->size(); ++i) {
    std::string name = i < names->size() ? (*names)[i] : fmt::format("column {}", i + 1);
    out.emplace_back(std::move(name), std::move((*values)[i]));
  }
  return out;
}

}  // namespace sitrep::io
