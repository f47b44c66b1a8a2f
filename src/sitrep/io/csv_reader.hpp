// RFC 4180 CSV, read in place from a memory-mapped file.
//
// Fields may be quoted; quoted fields may hold delimiters, doubled quotes and line breaks. Lines
// may end in LF or CRLF. Blank lines are skipped. A malformed record (a stray quote, text after a
// closing quote, a quote never closed) is reported with its line and column and skipped; reading
// goes on with the next line, so one bad record never hides the good ones after it. A quote left
// open at the end of the file (a truncated file, or an unbalanced quote) reports the record's
// first line and resumes on the line after it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::io {

// A 1-based line and column (in characters, not bytes) within a file.
struct TextPosition {
  int64_t line = 0;
  int column = 0;
};

struct CsvRecord {
  int64_t line = 0;                      // first physical line of the record
  std::string_view raw;                  // the record's bytes, without its line ending
  std::vector<std::string_view> fields;  // unescaped values
  std::vector<uint32_t> offsets;         // where each field starts in `raw`

  // Position of byte `offset` of `raw` in the file.
  TextPosition position(size_t offset) const;
  TextPosition field_position(size_t field) const { return position(offsets[field]); }
};

struct CsvError {
  TextPosition at;
  std::string reason;
  std::string_view raw;  // the bytes skipped because of the error
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text, int64_t first_line = 1, char delimiter = ',');

  enum class Step { record, error, end };
  // Reads the next record into `record`, or reports the next malformed one in `error`.
  Step next(CsvRecord& record, CsvError& error);

  // Bytes consumed so far, for progress reports.
  size_t consumed() const { return pos_; }

 private:
  struct FieldSpan {
    bool unescaped;  // value lives in scratch_ (it had doubled quotes)
    size_t begin;
    size_t length;
    size_t field_start;  // where the field (with its opening quote) starts in the text
  };
  Step fail(size_t record_start, size_t at, std::string reason, CsvError& error);
  void skip_blank_lines();
  size_t line_end(size_t from) const;

  std::string_view text_;
  char delimiter_;
  size_t pos_ = 0;
  int64_t line_;
  std::string scratch_;
  std::vector<FieldSpan> spans_;
};

// Character column (1-based) of byte `offset` within `text`, counted from the last line break
// before it.
int column_of(std::string_view text, size_t offset);

}  // namespace sitrep::io
