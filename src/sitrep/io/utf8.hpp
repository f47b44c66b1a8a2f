// UTF-8 validation: every text sitrep stores is valid UTF-8, so invalid bytes are reported at
// the door rather than corrupting output later.
#pragma once

#include <cstddef>
#include <string_view>

namespace sitrep::io {

// Offset of the first byte that does not belong to a valid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF included), or std::string_view::npos.
size_t find_invalid_utf8(std::string_view text);

}  // namespace sitrep::io
