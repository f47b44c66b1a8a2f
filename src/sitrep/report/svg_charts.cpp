#include "sitrep/report/svg_charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "sitrep/analyze/target_groups.hpp"
#include "sitrep/report/detail/markup.hpp"

namespace sitrep::report {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
// Civilians, security forces, government, armed groups, not given.
constexpr std::array<const char*, 5> kGroupColours = {"#c0392b", "#2c6e9b", "#7d5ba6", "#d4a017",
                                                      "#b8b8b8"};

// A round step (1, 2 or 5 times a power of ten) giving about `ticks` ticks up to `largest`.
double nice_step(double largest, int ticks) {
  double raw = std::max(1.0, largest / ticks);
  double power = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * power) return m * power;
  }
  return 10 * power;
}

}  // namespace

std::string weekly_chart_svg(const analyze::Assessment& a, int width) {
  const auto& weeks = a.weekly;
  if (weeks.empty()) return {};
  const int height = 230, left = 44, right = 12, top = 14, bottom = 40;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  const double base_rate =
      a.baseline_days > 0 ? static_cast<double>(a.records_in_baseline) / a.baseline_days * 7 : -1;
  int64_t peak = 0;
  for (const auto& w : weeks) peak = std::max(peak, w.events);
  const double step = nice_step(std::max<double>(static_cast<double>(peak), base_rate), 4);
  const double top_value = std::max(
      step, std::ceil(std::max<double>(static_cast<double>(peak), base_rate) / step) * step);
  auto y_of = [&](double v) { return top + plot_h - v / top_value * plot_h; };
  const double bar = plot_w / static_cast<double>(weeks.size());

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"Events per week\" font-size=\"11\">",
      width, height);
  for (double v = 0; v <= top_value + 1e-9; v += step) {
    svg += fmt::format(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e3e3e3\"/><text x=\"{}\" "
        "y=\"{:.1f}\" text-anchor=\"end\" fill=\"#555\">{}</text>",
        left, width - right, y_of(v), y_of(v), left - 6, y_of(v) + 4, v);
  }
  for (size_t i = 0; i < weeks.size(); ++i) {
    const auto& w = weeks[i];
    const bool in_window = w.monday + 6 >= a.options.window.from;
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>"
        "week of {}: {}, {} killed</title></rect>",
        left + bar * static_cast<double>(i) + 0.5, y_of(static_cast<double>(w.events)),
        std::max(0.5, bar - 1), plot_h - (y_of(static_cast<double>(w.events)) - top),
        in_window ? "#b03a2e" : "#9aa5b1", model::format_iso(w.monday), a.options.count(w.events),
        w.fatalities);
  }
  // Month labels, thinned to about a dozen.
  std::vector<size_t> month_starts;
  for (size_t i = 0; i < weeks.size(); ++i) {
    if (i == 0 ||
        model::to_civil(weeks[i].monday).month != model::to_civil(weeks[i - 1].monday).month) {
      month_starts.push_back(i);
    }
  }
  const size_t every = std::max<size_t>(1, (month_starts.size() + 11) / 12);
  for (size_t k = 0; k < month_starts.size(); k += every) {
    const model::CivilDate c = model::to_civil(weeks[month_starts[k]].monday);
    double x = left + bar * static_cast<double>(month_starts[k]);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#999\"/><text "
        "x=\"{0:.1f}\" y=\"{3}\" fill=\"#555\">{4} {5}</text>",
        x, top + plot_h, top + plot_h + 4, top + plot_h + 16, kMonths[c.month - 1], c.year);
  }
  if (base_rate >= 0) {
    svg += fmt::format(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#222\" "
        "stroke-dasharray=\"5 4\" stroke-width=\"1.4\"/>",
        left, width - right, y_of(base_rate), y_of(base_rate));
  }
  svg += fmt::format(
      "<g transform=\"translate({},{})\"><rect width=\"10\" height=\"10\" fill=\"#9aa5b1\"/>"
      "<text x=\"14\" y=\"9\">baseline weeks</text><rect x=\"110\" width=\"10\" height=\"10\" "
      "fill=\"#b03a2e\"/><text x=\"124\" y=\"9\">window weeks</text>{}</g></svg>",
      left, height - 12,
      base_rate >= 0
          ? fmt::format("<line x1=\"214\" x2=\"240\" y1=\"5\" y2=\"5\" stroke=\"#222\" "
                        "stroke-dasharray=\"5 4\"/><text x=\"246\" y=\"9\">baseline rate, {:.1f} "
                        "a week</text>",
                        base_rate)
          : std::string());
  return svg;
}

std::string target_chart_svg(const analyze::Assessment& a, int width) {
  std::map<std::string_view, std::array<int64_t, 5>> by_province;
  for (const analyze::Record* r : a.window_records) {
    if (r->admin1.empty()) continue;
    int g = analyze::target_group(r->target);
    ++by_province[r->admin1][g < 0 ? 4 : static_cast<size_t>(g)];
  }
  if (by_province.empty()) return {};
  std::vector<std::pair<std::string_view, std::array<int64_t, 5>>> rows(by_province.begin(),
                                                                        by_province.end());
  auto total = [](const std::array<int64_t, 5>& c) { return c[0] + c[1] + c[2] + c[3] + c[4]; };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const auto& x, const auto& y) { return total(x.second) > total(y.second); });
  if (rows.size() > 10) rows.resize(10);
  const int row_h = 22, left = 150, right = 50, top = 8, legend = 30;
  const int height = top + row_h * static_cast<int>(rows.size()) + legend;
  const double largest = static_cast<double>(total(rows.front().second));
  const double plot_w = width - left - right;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-label=\"Targets by province\" font-size=\"11\">",
      width, height);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& [province, counts] = rows[i];
    const double y = top + row_h * static_cast<double>(i);
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", left - 8,
                       y + 15, detail::escape(province));
    double x = left;
    for (size_t g = 0; g < counts.size(); ++g) {
      if (counts[g] == 0) continue;
      double w = static_cast<double>(counts[g]) / largest * plot_w;
      svg += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"><title>{}: "
          "{} {}</title></rect>",
          x, y + 3, w, row_h - 6, kGroupColours[g], detail::escape(province), counts[g],
          g < analyze::kTargetGroups.size() ? analyze::kTargetGroups[g] : "target not given");
      x += w;
    }
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#555\">{}</text>", x + 5, y + 15,
                       total(counts));
  }
  double x = left;
  for (size_t g = 0; g < kGroupColours.size(); ++g) {
    std::string_view label =
        g < analyze::kTargetGroups.size() ? analyze::kTargetGroups[g] : "not given";
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{:.1f}\" "
        "y=\"{}\">{}</text>",
        x, height - 20, kGroupColours[g], x + 14, height - 11, label);
    x += 24 + 7.0 * static_cast<double>(label.size());
  }
  svg += "</svg>";
  return svg;
}

}  // namespace sitrep::report
