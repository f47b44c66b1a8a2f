// Numbers as people read them in tables and briefs: 1234567 as "1,234,567".
#pragma once

#include <cstdint>
#include <string>

namespace sitrep::io {

inline std::string thousands(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

}  // namespace sitrep::io
