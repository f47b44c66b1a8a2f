// Small questions the readers ask about a stretch of report text, in any script: how many
// letters or characters it holds (a Cyrillic or Arabic-script letter is two bytes, so reaches
// sized for English count characters, not bytes), whether only spaces stand between two
// offsets, and whether a comma or a dash does (Arabic script writes its own comma, "،").
#pragma once

#include <cstddef>
#include <string_view>

namespace sitrep::extract {

// Code points that are letters (ICU's alphabetic), invalid bytes not counted.
size_t letter_count(std::string_view text);
// Code points of any kind.
size_t character_count(std::string_view text);
// Whether bytes [from, to) of `text` are spaces only (true when empty; false when from > to).
bool spaces_only(std::string_view text, size_t from, size_t to);
// Whether `text` holds a comma, Latin or Arabic.
bool has_comma(std::string_view text);
// Whether `text` holds nothing but spaces and commas, Latin or Arabic (true when empty).
bool spaces_or_commas(std::string_view text);
// Whether `text` is one dash (hyphen, en or em dash), spaces around it allowed: "Kabul-Kandahar",
// "Душанбе — Хорог".
bool only_a_dash(std::string_view text);

}  // namespace sitrep::extract
