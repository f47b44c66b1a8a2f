// The part every CSV dataset reader shares: header handling, column counts, UTF-8 checks and
// error positions. A dataset reader only says how one row becomes an event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/io/csv_reader.hpp"
#include "sitrep/io/event_reader.hpp"
#include "sitrep/io/mapped_file.hpp"

namespace sitrep::io::detail {

// Why a field could not be read: which column, and what was wrong.
struct FieldError {
  int column = -1;  // index into the header; -1 for the row as a whole
  std::string reason;
};

// Named access to a row's fields. Columns the file lacks read as "".
class Columns {
 public:
  explicit Columns(const std::vector<std::string>& header);
  int index(std::string_view name) const;  // -1 when absent
  bool has(std::string_view name) const { return index(name) >= 0; }
  std::vector<std::string> missing(const std::vector<std::string_view>& required) const;

 private:
  std::unordered_map<std::string, int> index_;
};

class CsvEventReader : public EventReader {
 public:
  bool next(model::Event& event, RowError& error) final;
  const std::string& header() const final { return header_line_; }
  double progress() const final;

 protected:
  // Takes the file and the already parsed header.
  CsvEventReader(MappedFile file, std::string_view body, int64_t body_line,
                 std::vector<std::string> header, std::string header_line,
                 const model::Vocabulary& vocabulary);

  // Fills `event` from `row`'s fields; returns the first field error, if any.
  virtual std::optional<FieldError> map_row(const CsvRecord& row, model::Event& event) = 0;

  // The field of `row` named `column` ("" when the file lacks it).
  std::string_view get(const CsvRecord& row, int column) const {
    return column >= 0 ? row.fields[static_cast<size_t>(column)] : std::string_view();
  }
  // Reads latitude and longitude (range-checked) and the native location precision code, which
  // must have a row in data/geo_precision_map.tsv for (dataset, precision_field).
  std::optional<FieldError> map_coordinates(const CsvRecord& row, int latitude, int longitude,
                                            int precision, std::string_view dataset,
                                            std::string_view precision_field,
                                            model::Event& event) const;
  // Sets event.country from the cell in `column` (see CountryTable::resolve); an unknown name is
  // an error that says where to add it.
  std::optional<FieldError> map_country(const CsvRecord& row, int column,
                                        model::Event& event) const;
  const Columns& columns() const { return columns_; }
  const model::Vocabulary& vocabulary() const { return vocabulary_; }

 private:
  void fill_error(const CsvRecord& row, const FieldError& fault, RowError& error) const;

  MappedFile file_;
  std::string_view body_;
  CsvReader csv_;
  std::vector<std::string> header_;
  std::string header_line_;
  Columns columns_;
  const model::Vocabulary& vocabulary_;
  CsvRecord record_;
  CsvError csv_error_;
};

// Splits the header line of a CSV file (after a BOM, if any) into column names.
struct CsvHeader {
  std::vector<std::string> names;
  std::string line;       // the header line verbatim
  std::string_view body;  // what follows the header
  int64_t body_line = 2;
};
Result<CsvHeader> read_csv_header(const MappedFile& file);

// Opens the dataset readers (defined beside each dataset's mapping).
Result<std::unique_ptr<EventReader>> open_acled(MappedFile file, CsvHeader header,
                                                const model::Vocabulary& vocabulary);
Result<std::unique_ptr<EventReader>> open_ucdp(MappedFile file, CsvHeader header,
                                               const model::Vocabulary& vocabulary);
Result<std::unique_ptr<EventReader>> open_gtd(MappedFile file, CsvHeader header,
                                              const model::Vocabulary& vocabulary);
Result<std::unique_ptr<EventReader>> open_jsonl(MappedFile file,
                                                const model::Vocabulary& vocabulary);

// "file: missing required columns a, b (this looks like an X export; ...)".
Error missing_columns_error(const std::string& path, std::string_view format,
                            const std::vector<std::string>& missing);

}  // namespace sitrep::io::detail
