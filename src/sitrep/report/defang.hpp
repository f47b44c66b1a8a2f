// Defanged URLs, as threat and conflict briefs print them: a link to a militant channel or a
// propaganda site must not be clickable by accident. "https://example.com/a" becomes
// "hxxps://example(dot)com/a": the scheme's "tt" and the dots of the host change; the path does
// not.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::report {

std::string defang_url(std::string_view url);

}  // namespace sitrep::report
