// Reading the plain-text tables in data/.
//
// Every lexicon, taxonomy and mapping sitrep ships is a UTF-8 TSV file an analyst can edit
// without recompiling: lines starting with '#' are comments, blank lines are ignored, the first
// other line names the columns. Errors name the file and line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/result.hpp"

namespace sitrep::model {

struct TsvRow {
  int line = 0;
  std::vector<std::string> cells;  // padded with empty strings to the header's width
};

struct TsvTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<TsvRow> rows;

  // Index of a named column, or -1.
  int column(std::string_view name) const;
  // "data/actors.tsv:12" — for error messages.
  std::string where(const TsvRow& row) const;
};

// Reads a table and checks that every name in `required_columns` is in its header.
Result<TsvTable> read_tsv(const std::string& path,
                          const std::vector<std::string_view>& required_columns);

// Case-folds ASCII and collapses runs of white space: the key under which names are matched
// ("Islamic  State " and "islamic state" are one name). Non-ASCII text is kept as is.
std::string fold_name(std::string_view name);

}  // namespace sitrep::model
