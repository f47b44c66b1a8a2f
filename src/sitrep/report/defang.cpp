#include "sitrep/report/defang.hpp"

namespace sitrep::report {

std::string defang_url(std::string_view url) {
  std::string out;
  size_t host_begin = 0;
  size_t scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos) {
    std::string scheme(url.substr(0, scheme_end));
    if (scheme == "http" || scheme == "https") scheme.replace(1, 2, "xx");
    if (scheme == "HTTP" || scheme == "HTTPS") scheme.replace(1, 2, "XX");
    out = scheme + "://";
    host_begin = scheme_end + 3;
  }
  size_t host_end = url.find_first_of("/?#", host_begin);
  if (host_end == std::string_view::npos) host_end = url.size();
  for (size_t i = host_begin; i < host_end; ++i) {
    if (url[i] == '.') {
      out += "(dot)";
    } else {
      out += url[i];
    }
  }
  out += url.substr(host_end);
  return out;
}

}  // namespace sitrep::report
