#include "sitrep/fuse/fusion_record.hpp"

#include <array>
#include <charconv>

#include <fmt/compile.h>
#include <fmt/format.h>

namespace sitrep::fuse {
namespace {

constexpr std::array<std::string_view, 5> kPrecisionNames = {"point", "admin2", "admin1", "country",
                                                             "unknown"};

}  // namespace

std::string_view to_string(PlacePrecision precision) {
  return kPrecisionNames[static_cast<size_t>(precision)];
}

std::optional<PlacePrecision> parse_place_precision(std::string_view text) {
  for (size_t i = 0; i < kPrecisionNames.size(); ++i) {
    if (text == kPrecisionNames[i]) return static_cast<PlacePrecision>(i);
  }
  return std::nullopt;
}

std::string to_string(RecordRef ref) {
  // Compiled: fusion writes two of these for each of its links.
  return fmt::format(FMT_COMPILE("{}:{}"), ref.from_text ? "mention" : "event", ref.id);
}

std::optional<RecordRef> parse_record_ref(std::string_view text) {
  RecordRef ref;
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view kind = text.substr(0, colon), number = text.substr(colon + 1);
  if (kind == "mention") {
    ref.from_text = true;
  } else if (kind != "event") {
    return std::nullopt;
  }
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), ref.id);
  if (ec != std::errc() || end != number.data() + number.size() || ref.id < 1) return std::nullopt;
  return ref;
}

}  // namespace sitrep::fuse
