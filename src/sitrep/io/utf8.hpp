// UTF-8 validation: every text sitrep stores is valid UTF-8, so invalid bytes are reported at
// the door rather than corrupting output later.
#pragma once

#include <cstddef>
#include <string_view>

namespace sitrep::io {

// Offset of the first byte that does not belong to a valid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF included), or std::string_view::npos.
size_t find_invalid_utf8(std::string_view text);

// The longest prefix of at most `bytes` bytes that does not cut a character in two: for table
// columns of names in any script.
inline std::string_view utf8_prefix(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

}  // namespace sitrep::io
