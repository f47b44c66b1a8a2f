// Small helpers the finders share to word their statements the same way.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "sitrep/analyze/finding.hpp"
#include "sitrep/io/thousands.hpp"

namespace sitrep::analyze::detail {

// "1 event", "13 events".
inline std::string count_of(int64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", io::thousands(n), noun, n == 1 ? "" : "s");
}

// "2.94" with `digits` decimals, "∞" for infinity.
inline std::string number(double value, int digits = 1) {
  if (value > 1e300) return "∞";
  return fmt::format("{:.{}f}", value, digits);
}

// "p = 0.003", "p < 0.001".
inline std::string p_text(double p) {
  return p < 0.001 ? std::string("p < 0.001") : fmt::format("p = {:.3f}", p);
}

inline Evidence evidence_of(const Record& r) {
  return Evidence{r.origin, r.id};
}

// The records with the most fatalities first (then the earliest), at most `limit`.
inline std::vector<Evidence> deadliest(std::vector<const Record*> records, size_t limit) {
  std::stable_sort(records.begin(), records.end(), [](const Record* a, const Record* b) {
    return a->fatalities.value_or(0) > b->fatalities.value_or(0);
  });
  std::vector<Evidence> out;
  for (size_t i = 0; i < records.size() && i < limit; ++i) out.push_back(evidence_of(*records[i]));
  return out;
}

// How an area is named in a statement: "Kunar, AF" or "Sirkanay, Kunar, AF".
inline std::string area_name(std::string_view country, std::string_view admin1 = {},
                             std::string_view admin2 = {}) {
  std::string out;
  for (std::string_view part : {admin2, admin1, country}) {
    if (part.empty()) continue;
    if (!out.empty()) out += ", ";
    out += part;
  }
  return out;
}

}  // namespace sitrep::analyze::detail
