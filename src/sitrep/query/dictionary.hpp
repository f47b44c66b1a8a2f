// The distinct strings of a categorical column, sorted, each named by its code.
//
// Code 0 is NULL (the field was not given); codes 1..n are the values in byte order, so codes
// compare as their strings do. The strings are stored as one blob with an offset table, which
// is how they sit in a snapshot file and why the dictionary is a view, not an owner.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::query {

class Dictionary {
 public:
  Dictionary() = default;
  Dictionary(std::span<const uint32_t> offsets, std::string_view text)
      : offsets_(offsets), text_(text) {}

  // Number of codes, NULL included.
  uint32_t size() const { return offsets_.empty() ? 1 : static_cast<uint32_t>(offsets_.size()); }
  // The string of a code; "" for NULL (code 0).
  std::string_view at(uint32_t code) const {
    if (code == 0 || code >= size()) return {};
    return text_.substr(offsets_[code - 1], offsets_[code] - offsets_[code - 1]);
  }
  // The code of exactly `value`, or 0.
  uint32_t find(std::string_view value) const;
  // Every code whose string equals `value` ignoring ASCII case: SQLite's COLLATE NOCASE.
  std::vector<uint32_t> find_nocase(std::string_view value) const;

  // Serialises sorted, distinct `values` (without NULL) as the offset table and the blob.
  static void encode(const std::vector<std::string>& values, std::vector<uint32_t>& offsets,
                     std::string& text);

 private:
  std::span<const uint32_t> offsets_;  // n + 1 offsets into text_ for codes 1..n
  std::string_view text_;
};

// SQLite's NOCASE: equal after folding ASCII letters only.
bool equals_nocase(std::string_view a, std::string_view b);

}  // namespace sitrep::query
