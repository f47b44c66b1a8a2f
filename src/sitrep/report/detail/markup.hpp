// Escaping text for HTML and SVG, shared by the HTML brief and its figures.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::report::detail {

// Text safe inside an element or a double-quoted attribute.
inline std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace sitrep::report::detail
