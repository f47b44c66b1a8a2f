// A verbatim CSV record read back with its column names, for showing an event's provenance.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/result.hpp"

namespace sitrep::io {

// Pairs each field of `record` with the column of `header` at the same position. Fields beyond
// the header are named "column N". Fails when either line is not valid CSV.
Result<std::vector<std::pair<std::string, std::string>>> label_csv_record(std::string_view header,
                                                                          std::string_view record);

}  // namespace sitrep::io
