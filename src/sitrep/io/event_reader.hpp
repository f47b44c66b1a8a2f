// Reading events from files: ACLED exports, UCDP GED CSV, GTD CSV, and sitrep JSONL.
//
// `open_event_reader` detects the format from the first line (or takes the one forced), checks
// the header, and returns a reader that yields one `model::Event` or one `RowError` per record.
// A row error never stops the reader: the caller decides how many it will accept. Errors that
// make the whole file unreadable (cannot open, empty, unknown header, a required column missing,
// invalid UTF-8 in the header) come back from `open_event_reader` instead.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model/event.hpp"
#include "sitrep/model/vocabulary.hpp"
#include "sitrep/result.hpp"

namespace sitrep::io {

enum class Format { acled, ucdp_ged, gtd, jsonl };

std::string_view to_string(Format format);  // "acled", "ucdp-ged", "gtd", "jsonl"
std::optional<Format> parse_format(std::string_view name);

// A record that could not be imported, and exactly why.
struct RowError {
  std::string file;
  int64_t line = 0;
  int column = 0;
  std::string field;  // the column (CSV) or key (JSONL) at fault; empty for structural errors
  std::string reason;
  std::string raw;  // the record as it stood in the file

  // "file:line:column: field: reason", the form compilers use, so editors can jump to it.
  std::string message() const;
};

class EventReader {
 public:
  virtual ~EventReader() = default;

  // Reads the next record. Returns false at the end of the file; otherwise true with either
  // `event` filled (and `error.reason` empty) or `error` filled.
  virtual bool next(model::Event& event, RowError& error) = 0;

  virtual Format format() const = 0;
  // The file's header line (CSV) or "" (JSONL): stored once per file so that every event's
  // verbatim original record can be read back with its column names.
  virtual const std::string& header() const = 0;
  // Fraction of the file read so far, 0..1.
  virtual double progress() const = 0;
};

// Opens `path`. `forced` skips detection. The reader keeps a reference to `vocabulary`.
Result<std::unique_ptr<EventReader>> open_event_reader(const std::string& path,
                                                       std::optional<Format> forced,
                                                       const model::Vocabulary& vocabulary);

// The format a file's first line announces, or an error that lists what each format needs.
Result<Format> detect_format(std::string_view first_line);

}  // namespace sitrep::io
