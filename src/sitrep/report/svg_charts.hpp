// The brief's charts, as inline SVG: the weekly events with the baseline rate, and the targets
// of the window's events by province.
#pragma once

#include <string>

#include "sitrep/analyze/assessment.hpp"

namespace sitrep::report {

// Bars per ISO week over baseline and window (the window's in colour), with the baseline's
// weekly rate as a dashed line. Empty when there are no weeks.
std::string weekly_chart_svg(const analyze::Assessment& assessment, int width = 860);

// One stacked bar per province (the ten with most events in the window): civilians, security
// forces, government, armed groups, and target not given. Empty when no window event has a
// province.
std::string target_chart_svg(const analyze::Assessment& assessment, int width = 860);

}  // namespace sitrep::report
