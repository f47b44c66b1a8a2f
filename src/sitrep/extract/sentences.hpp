// Sentences of a report: where one ends and the next begins, in any of the supported scripts.
//
// A sentence ends at ". ", "! ", "? " (and the Arabic "؟", the Urdu "۔", the Devanagari "।")
// followed by space, at a line break after a full stop, and at a blank line. A full stop after
// an abbreviation ("Gen.", "Mr.", "U.S.", "No.") or a single letter does not end one, nor does a
// decimal point.
#pragma once

#include <string_view>
#include <vector>

namespace sitrep::extract {

struct Sentence {
  size_t begin = 0, end = 0;  // byte offsets in the text: [begin, end), trimmed of space
};

std::vector<Sentence> split_sentences(std::string_view text);

}  // namespace sitrep::extract
