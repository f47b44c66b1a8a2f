#include "sitrep/analyze/period.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace sitrep::analyze {

Period Period::overlap(const Period& other) const {
  return Period{std::max(from, other.from), std::min(to, other.to)};
}

std::string to_string(const Period& period) {
  if (period.empty()) return "(none)";
  return fmt::format("{}..{}", model::format_iso(period.from), model::format_iso(period.to));
}

Result<Period> parse_period(std::string_view text) {
  size_t dots = text.find("..");
  std::string_view from = dots == std::string_view::npos ? text : text.substr(0, dots);
  std::string_view to = dots == std::string_view::npos ? text : text.substr(dots + 2);
  if (from.empty() || to.empty()) {
    return make_error(fmt::format("'{}': a period is FROM..TO, both given", text));
  }
  auto first = model::parse_date_bound(from, false);
  if (!first) return make_error(first.error() + " (dates are YYYY-MM-DD, YYYY-MM or YYYY)");
  auto last = model::parse_date_bound(to, true);
  if (!last) return make_error(last.error() + " (dates are YYYY-MM-DD, YYYY-MM or YYYY)");
  if (*last < *first) {
    return make_error(fmt::format("'{}' ends before it starts", text));
  }
  return Period{*first, *last};
}

Period default_window(model::Day last_day, int days) {
  return Period{last_day - days + 1, last_day};
}

Period default_baseline(const Period& window, int months) {
  model::CivilDate start = model::to_civil(window.from);
  int month_index = start.year * 12 + (start.month - 1) - months;
  model::CivilDate back{month_index / 12, month_index % 12 + 1, 1};
  back.day = std::min(start.day, model::days_in_month(back.year, back.month));
  return Period{model::to_day(back), window.from - 1};
}

model::Day week_start(model::Day day) {
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  int weekday = static_cast<int>(((int64_t{day} + 3) % 7 + 7) % 7);
  return day - weekday;
}

}  // namespace sitrep::analyze
