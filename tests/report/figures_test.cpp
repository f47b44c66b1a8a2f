// The HTML brief's figures on hand-made assessments: bars per week with the baseline line, a
// stacked bar per province, points and cross-border arrows on the map, and a page that fetches
// nothing.
#include <gtest/gtest.h>

#include "sitrep/report/brief.hpp"
#include "sitrep/report/svg_charts.hpp"
#include "sitrep/report/svg_map.hpp"

namespace sitrep::report {
namespace {

size_t occurrences(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

struct Fixture {
  analyze::RecordSet set;
  analyze::Assessment assessment;
  Fixture() {
    analyze::Record kabul;
    kabul.id = 1;
    kabul.day = model::to_day({2022, 4, 19});
    kabul.country = "AF";
    kabul.admin1 = "Kabul";
    kabul.target = "minorities";
    kabul.latitude = 34.52;
    kabul.longitude = 69.18;
    kabul.fatalities = 31;
    analyze::Record termez;
    termez.id = 2;
    termez.origin = analyze::RecordOrigin::mention;
    termez.day = model::to_day({2022, 4, 18});
    termez.country = "UZ";
    termez.admin1 = "Surxondaryo";
    termez.latitude = 37.22;
    termez.longitude = 67.28;
    termez.origin_country = "AF";
    termez.origin_latitude = 36.68;
    termez.origin_longitude = 67.09;
    set.records = {kabul, termez};
    assessment.options.window = {model::to_day({2022, 4, 1}), model::to_day({2022, 4, 30})};
    assessment.options.baseline = {model::to_day({2022, 3, 1}), model::to_day({2022, 3, 31})};
    for (const analyze::Record& r : set.records) assessment.window_records.push_back(&r);
    assessment.weekly = {{model::to_day({2022, 3, 28}), 0, 0},
                         {model::to_day({2022, 4, 4}), 0, 0},
                         {model::to_day({2022, 4, 11}), 0, 0},
                         {model::to_day({2022, 4, 18}), 2, 31}};
    assessment.records_in_baseline = 3;
    assessment.baseline_days = 31;
  }
};

TEST(Figures, WeeklyChartHasABarPerWeekAndTheBaselineRate) {
  Fixture f;
  std::string svg = weekly_chart_svg(f.assessment);
  EXPECT_EQ(occurrences(svg, "<title>week of "), 4u);
  EXPECT_NE(svg.find("week of 2022-04-18: 2 events, 31 killed"), std::string::npos);
  // 3 events over 31 days is 0.68 a week.
  EXPECT_NE(svg.find("baseline rate, 0.7 a week"), std::string::npos);
}

TEST(Figures, TargetChartStacksTheGroupsOfEachProvince) {
  Fixture f;
  std::string svg = target_chart_svg(f.assessment);
  EXPECT_NE(svg.find("<title>Kabul: 1 civilians</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>Surxondaryo: 1 target not given</title>"), std::string::npos);
}

TEST(Figures, MapWithoutGazetteerShowsPointsAndTheCrossBorderArrow) {
  Fixture f;
  std::string svg = map_svg(f.assessment, nullptr);
  EXPECT_EQ(occurrences(svg, "class=\"pt\"><title>"), 2u);
  EXPECT_NE(svg.find("cross-border, 2022-04-18: from AF into UZ"), std::string::npos);
  EXPECT_EQ(svg.find("stroke=\"#8a8a8a\""), std::string::npos);  // no provinces without a gazetteer
}

TEST(Figures, MapIsEmptyWhenNoEventHasCoordinates) {
  Fixture f;
  for (analyze::Record& r : f.set.records) r.latitude.reset();
  EXPECT_EQ(map_svg(f.assessment, nullptr), "");
}

TEST(Figures, HtmlPageIsSelfContainedAndEscapesText) {
  Fixture f;
  analyze::Finding finding;
  finding.title = "Tempo <b>";
  finding.statement = "A & B.";
  finding.evidence = {{analyze::RecordOrigin::event, 1}};
  f.assessment.options.subject = "IS-KP";
  f.assessment.findings = {finding};
  Brief brief = build_brief(f.assessment, [](const analyze::Evidence&) {
    return Citation{"Reuters", "https://example.com/a"};
  });
  std::string html = to_html(brief, {map_svg(f.assessment, nullptr), weekly_chart_svg(f.assessment),
                                     target_chart_svg(f.assessment)});
  EXPECT_NE(html.find("Tempo &lt;b&gt;"), std::string::npos);
  EXPECT_NE(html.find("A &amp; B."), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);  // the source URL is defanged
  EXPECT_NE(html.find("hxxps://example(dot)com/a"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::report
