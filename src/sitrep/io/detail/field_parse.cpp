#include "sitrep/io/detail/field_parse.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace sitrep::io::detail {

std::string_view trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

Result<std::optional<int>> parse_integer(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::optional<int>();
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  // "12.0" and "12.00" are whole numbers too.
  if (ec == std::errc() && ptr != end && *ptr == '.') {
    const char* q = ptr + 1;
    while (q != end && *q == '0') ++q;
    if (q == end && q != ptr + 1) ptr = end;
  }
  if (ec != std::errc() || ptr != end) {
    return make_error(fmt::format("'{}' is not a whole number", text));
  }
  return std::optional<int>(value);
}

Result<std::optional<int>> parse_count(std::string_view text, std::string_view what) {
  auto value = parse_integer(text);
  if (!value) return value;
  if (value->has_value() && **value < 0) {
    return make_error(fmt::format("{} cannot be negative ({})", what, **value));
  }
  return value;
}

namespace {

Result<std::optional<double>> parse_degrees(std::string_view text, double limit,
                                            std::string_view what) {
  text = trim(text);
  if (text.empty()) return std::optional<double>();
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return make_error(fmt::format("{} '{}' is not a number", what, text));
  }
  if (value < -limit || value > limit) {
    return make_error(fmt::format("{} {} is out of range [-{}, {}]", what, text, limit, limit));
  }
  return std::optional<double>(value);
}

}  // namespace

Result<std::optional<double>> parse_latitude(std::string_view text) {
  return parse_degrees(text, 90, "latitude");
}

Result<std::optional<double>> parse_longitude(std::string_view text) {
  return parse_degrees(text, 180, "longitude");
}

std::vector<model::ActorRef> split_actor_list(std::string_view text, char separator) {
  std::vector<model::ActorRef> actors;
  while (!text.empty()) {
    size_t cut = text.find(separator);
    std::string_view name = trim(text.substr(0, cut));
    if (!name.empty()) actors.push_back(model::ActorRef{"", std::string(name)});
    text = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 1);
  }
  return actors;
}

model::GeoLevel parse_geo_level(std::string_view cell) {
  if (cell.size() == 1 && cell[0] >= '1' && cell[0] <= '4') {
    return static_cast<model::GeoLevel>(cell[0] - '0');
  }
  return model::GeoLevel::unknown;
}

}  // namespace sitrep::io::detail
