#include "sitrep/report/estimative.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace sitrep::report {

std::string_view estimative_term(double p) {
  if (p < 0.05) return "almost no chance";
  if (p < 0.20) return "very unlikely";
  if (p < 0.45) return "unlikely";
  if (p <= 0.55) return "roughly even chance";
  if (p <= 0.80) return "likely";
  if (p <= 0.95) return "very likely";
  return "almost certain";
}

std::string judgement_sentence(std::string_view proposition, double probability) {
  std::string_view term = estimative_term(probability);
  // Percentages are rounded, but never to 0% or 100%: no estimate is certain.
  int percent = std::clamp(static_cast<int>(std::lround(probability * 100)), 1, 99);
  if (term == "almost no chance" || term == "roughly even chance") {
    return fmt::format("There is {} ({}%) that {}.", term, percent, proposition);
  }
  return fmt::format("It is {} ({}%) that {}.", term, percent, proposition);
}

}  // namespace sitrep::report
