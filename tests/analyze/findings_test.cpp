// Each finding on small hand-built records, where the right answer can be counted by hand.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "sitrep/analyze/assessment.hpp"
#include "sitrep/model/distance.hpp"

namespace sitrep::analyze {
namespace {

using model::to_day;

Record event(int64_t id, model::CivilDate date, std::string_view country, std::string_view admin1,
             std::string_view admin2 = {}, std::string_view target = {}) {
  Record r;
  r.id = id;
  r.day = to_day(date);
  r.country = country;
  r.admin1 = admin1;
  r.admin2 = admin2;
  r.target = target;
  r.fatalities = 1;
  return r;
}

AssessmentOptions options_for(model::CivilDate from, model::CivilDate to,
                              model::CivilDate data_from = {2015, 1, 1}) {
  AssessmentOptions o;
  o.subject = "IS-KP";
  o.window = {to_day(from), to_day(to)};
  o.baseline = default_baseline(o.window);
  o.coverage = {to_day(data_from), to_day(to)};
  return o;
}

std::vector<const Finding*> of_kind(const Assessment& a, FindingKind kind) {
  std::vector<const Finding*> out;
  for (const Finding& f : a.findings) {
    if (f.kind == kind) out.push_back(&f);
  }
  return out;
}

TEST(Findings, TempoComparesTheWindowWithTheBaselineRate) {
  RecordSet set;
  // 12 events over the 365-day baseline, 10 in the 30-day window.
  for (int i = 0; i < 12; ++i)
    set.records.push_back(event(i + 1, {2021, 1 + i, 10}, "AF", "Kunar"));
  for (int i = 0; i < 10; ++i)
    set.records.push_back(event(100 + i, {2022, 1, 1 + i}, "AF", "Kunar"));
  Assessment a = assess(set, options_for({2022, 1, 1}, {2022, 1, 30}));
  auto tempo = of_kind(a, FindingKind::tempo);
  ASSERT_EQ(tempo.size(), 1u);
  EXPECT_EQ(a.records_in_window, 10u);
  EXPECT_EQ(a.records_in_baseline, 12u);
  // Baseline 2021-01-01..2021-12-31 is 365 days: expected 12 * 30 / 365 = 0.99 events.
  const Figure& ratio = *std::find_if(tempo[0]->figures.begin(), tempo[0]->figures.end(),
                                      [](const Figure& f) { return f.name == "rate ratio"; });
  EXPECT_NEAR(ratio.value, 10.0 / (12.0 * 30 / 365), 1e-9);
  EXPECT_TRUE(tempo[0]->reported);
  EXPECT_GT(*tempo[0]->probability, 0.99);
  EXPECT_NE(tempo[0]->judgement.find("higher"), std::string::npos);
  EXPECT_EQ(a.findings.front().kind, FindingKind::tempo);  // a significant tempo leads
}

TEST(Findings, BaselineExposureCountsOnlyDaysWithData) {
  RecordSet set;
  for (int i = 0; i < 6; ++i) set.records.push_back(event(i + 1, {2022, 3, 1 + i}, "AF", "Kunar"));
  for (int i = 0; i < 6; ++i) set.records.push_back(event(50 + i, {2022, 4, 1 + i}, "AF", "Kunar"));
  // Data begin on 2022-03-01: the 12-month baseline has 31 days of data, not 365.
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}, {2022, 3, 1}));
  const Finding& tempo = *of_kind(a, FindingKind::tempo)[0];
  const Figure& days =
      *std::find_if(tempo.figures.begin(), tempo.figures.end(),
                    [](const Figure& f) { return f.name == "baseline days with data"; });
  EXPECT_EQ(days.value, 31);
}

TEST(Findings, AFirstInACountryIsOneFindingNotThreeAndNamesWhenDataBegin) {
  RecordSet set;
  set.records.push_back(event(1, {2019, 5, 1}, "AF", "Kunar", "Sirkanay"));
  set.records.push_back(event(2, {2022, 4, 18}, "UZ", "Surxondaryo", "Termez"));
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  auto firsts = of_kind(a, FindingKind::first_in_area);
  ASSERT_EQ(firsts.size(), 1u);
  EXPECT_EQ(firsts[0]->title, "First in UZ");
  EXPECT_NE(firsts[0]->statement.find("2022-04-18"), std::string::npos);
  EXPECT_NE(firsts[0]->statement.find("data begin on 2015-01-01"), std::string::npos);
  EXPECT_EQ(firsts[0]->evidence, (std::vector<Evidence>{{RecordOrigin::event, 2}}));
}

TEST(Findings, NoFirstIsClaimedWhenTheDataBeginTooRecently) {
  RecordSet set;
  set.records.push_back(event(1, {2022, 4, 18}, "UZ", "Surxondaryo"));
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}, {2021, 12, 1}));
  EXPECT_TRUE(of_kind(a, FindingKind::first_in_area).empty());
}

TEST(Findings, ReemergenceNamesThePreviousEventAndTheGap) {
  RecordSet set;
  set.records.push_back(event(1, {2018, 6, 2}, "AF", "Kunar", "Chapa Dara"));
  set.records.push_back(event(2, {2021, 9, 1}, "AF", "Nangarhar", "Achin"));
  set.records.push_back(event(3, {2022, 4, 10}, "AF", "Kunar", "Chapa Dara"));
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  auto returns = of_kind(a, FindingKind::reemergence);
  ASSERT_EQ(returns.size(), 1u);  // the province; the district is the same record
  EXPECT_EQ(returns[0]->title, "Re-emergence in Kunar, AF");
  EXPECT_NE(returns[0]->statement.find("previous one was on 2018-06-02"), std::string::npos);
  EXPECT_NE(returns[0]->statement.find("46 months"), std::string::npos);
  // A place seen within the gap is no re-emergence.
  set.records.push_back(event(4, {2022, 1, 5}, "AF", "Kunar", "Chapa Dara"));
  EXPECT_TRUE(
      of_kind(assess(set, options_for({2022, 4, 1}, {2022, 4, 30})), FindingKind::reemergence)
          .empty());
}

TEST(Findings, TheFirstCrossBorderAttackIntoACountryIsFlaggedOnce) {
  RecordSet set;
  Record rockets = event(7, {2022, 4, 18}, "UZ", "Surxondaryo");
  rockets.origin = RecordOrigin::mention;
  rockets.origin_country = "AF";
  rockets.denied_by = "Government of Uzbekistan";
  set.records.push_back(rockets);
  Record again = rockets;
  again.id = 8;
  again.day = to_day({2022, 4, 25});
  set.records.push_back(again);
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  auto cross = of_kind(a, FindingKind::cross_border);
  ASSERT_EQ(cross.size(), 2u);
  EXPECT_EQ(cross[0]->title, "First cross-border attack into UZ");
  EXPECT_NE(cross[0]->statement.find("denied by Government of Uzbekistan"), std::string::npos);
  EXPECT_EQ(cross[0]->evidence[0].id, 7);
  EXPECT_EQ(cross[1]->title, "Cross-border attacks");
  EXPECT_TRUE(cross[1]->reported);  // two events, one of them the first
}

TEST(Findings, TargetMixNamesTheProvincesThatLeanToEachTarget) {
  RecordSet set;
  int64_t id = 1;
  for (int i = 0; i < 20; ++i)
    set.records.push_back(event(id++, {2022, 4, 1 + i}, "AF", "Kabul", "", "minorities"));
  for (int i = 0; i < 20; ++i)
    set.records.push_back(event(id++, {2022, 4, 1 + i}, "AF", "Kunar", "", "military"));
  for (int i = 0; i < 2; ++i)
    set.records.push_back(event(id++, {2022, 4, 1 + i}, "AF", "Kunar", "", "civilians"));
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  const Finding& mix = *of_kind(a, FindingKind::target_mix)[0];
  ASSERT_TRUE(mix.reported) << mix.not_reported_because;
  EXPECT_NE(mix.statement.find("civilians in Kabul (20 of 20)"), std::string::npos)
      << mix.statement;
  EXPECT_NE(mix.statement.find("security forces in Kunar (20 of 22)"), std::string::npos);
  EXPECT_LE(*mix.p_value, 0.001);  // no permutation of 999 came close
}

TEST(Findings, TargetMixWithTooFewRecordsIsCheckedNotReported) {
  RecordSet set;
  for (int i = 0; i < 6; ++i)
    set.records.push_back(event(i + 1, {2022, 4, 1 + i}, "AF", "Kabul", "", "civilians"));
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  const Finding& mix = *of_kind(a, FindingKind::target_mix)[0];
  EXPECT_FALSE(mix.reported);
  EXPECT_NE(mix.not_reported_because.find("too few"), std::string::npos);
  EXPECT_FALSE(a.findings.front().kind == FindingKind::target_mix);  // reported ones come first
}

TEST(Findings, TheFirstProvincialOfficialIsFlaggedButNotOneSeenBefore) {
  RecordSet set;
  Record district = event(1, {2020, 3, 1}, "AF", "Kunar", "", "government");
  district.target_level = "district";
  Record provincial = event(2, {2022, 4, 9}, "AF", "Kunar", "", "government");
  provincial.target_level = "provincial";
  Record district_again = event(3, {2022, 4, 12}, "AF", "Kunar", "", "government");
  district_again.target_level = "district";
  set.records = {district, provincial, district_again};
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  auto hvt = of_kind(a, FindingKind::high_value_target);
  ASSERT_EQ(hvt.size(), 2u);
  EXPECT_EQ(hvt[0]->title, "First provincial-level official targeted");
  EXPECT_EQ(hvt[0]->evidence[0].id, 2);
  EXPECT_NE(hvt[1]->statement.find("1 district, 1 provincial"), std::string::npos)
      << hvt[1]->statement;
}

TEST(Findings, ClaimsNeedSourcesThatSayWhetherEventsWereClaimed) {
  RecordSet set;
  for (int i = 0; i < 8; ++i) {
    Record r = event(i + 1, {2022, 4, 1 + i}, "AF", "Kabul");
    r.claim = i < 6 ? model::ClaimStatus::claimed : model::ClaimStatus::unclaimed;
    set.records.push_back(r);
  }
  set.records.push_back(event(99, {2022, 4, 20}, "AF", "Kabul"));  // status not given
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  const Finding& claims = *of_kind(a, FindingKind::claims)[0];
  ASSERT_TRUE(claims.reported);
  EXPECT_NE(claims.statement.find("Of 8 events"), std::string::npos) << claims.statement;
  EXPECT_NE(claims.statement.find("6 claimed (75%)"), std::string::npos);
  EXPECT_EQ(claims.evidence.size(), 2u);  // the unclaimed ones
}

TEST(Findings, WeeklySeriesRunsMondayToSundayOverBaselineAndWindow) {
  RecordSet set;
  set.records.push_back(event(1, {2022, 4, 18}, "AF", "Kabul"));  // Monday
  set.records.push_back(event(2, {2022, 4, 24}, "AF", "Kabul"));  // Sunday, same week
  set.records.push_back(event(3, {2022, 4, 25}, "AF", "Kabul"));  // next Monday
  AssessmentOptions o = options_for({2022, 4, 18}, {2022, 4, 30}, {2022, 4, 18});
  Assessment a = assess(set, o);
  ASSERT_EQ(a.weekly.size(), 2u);
  EXPECT_EQ(a.weekly[0].monday, to_day({2022, 4, 18}));
  EXPECT_EQ(a.weekly[0].events, 2);
  EXPECT_EQ(a.weekly[1].events, 1);
}

}  // namespace
}  // namespace sitrep::analyze

namespace sitrep::analyze {
namespace {

// Twelve claimed attacks on minorities in Kabul by the subject; twenty attacks on the military
// in Kunar by others; two unattributed window events, one of each kind.
TEST(Findings, UnattributedAttacksAreMatchedToTheSubjectsHallmarks) {
  RecordSet subject, context;
  for (int i = 0; i < 12; ++i) {
    Record r = event(i + 1, {2021, 6, 1 + i}, "AF", "Kabul", "", "minorities");
    r.weapon = "explosives";
    r.claim = model::ClaimStatus::claimed;
    subject.records.push_back(r);
  }
  for (int i = 0; i < 20; ++i) {
    Record r = event(100 + i, {2021, 7, 1 + i}, "AF", "Kunar", "", "military");
    r.actor = "Taliban";
    r.weapon = "small-arms";
    context.records.push_back(r);
  }
  Record school = event(200, {2022, 4, 19}, "AF", "Kabul", "", "minorities");
  school.weapon = "explosives";
  Record checkpoint = event(201, {2022, 4, 20}, "AF", "Kunar", "", "military");
  checkpoint.weapon = "small-arms";
  context.records.push_back(school);
  context.records.push_back(checkpoint);
  AssessmentOptions o = options_for({2022, 4, 1}, {2022, 4, 30}, {2020, 1, 1});
  const Background background = background_of(context, o.window);
  Assessment a = assess(subject, o, {&background, nullptr});
  auto matches = of_kind(a, FindingKind::hallmark_match);
  ASSERT_EQ(matches.size(), 1u);
  const Finding& m = *matches[0];
  ASSERT_TRUE(m.reported) << m.not_reported_because;
  EXPECT_EQ(m.evidence, (std::vector<Evidence>{{RecordOrigin::event, 200}}));  // not the checkpoint
  // The background is all 22 context events. Target minorities is 13/15 of the subject's
  // (add-one over 3 values) against 2/25 of the background; weapon and province the same; no
  // sub-type given. Of the two candidates one is all but surely the subject's and the other
  // all but surely not, so the mixture's share settles just under one half, where the posterior
  // is LR / (LR + 1).
  double ratio = std::pow((13.0 / 15) / (2.0 / 25), 3);
  EXPECT_NEAR(*m.probability, ratio / (ratio + 1), 1e-5);
  EXPECT_NE(m.statement.find("resemble its claimed events"), std::string::npos) << m.statement;
  EXPECT_NE(m.statement.find("target minorities: 87% of its events, 8% of the rest"),
            std::string::npos);
}

TEST(Findings, HallmarksNeedEnoughEventsOnBothSides) {
  RecordSet subject, context;
  subject.records.push_back(event(1, {2021, 6, 1}, "AF", "Kabul", "", "minorities"));
  context.records.push_back(event(2, {2022, 4, 19}, "AF", "Kabul", "", "minorities"));
  AssessmentOptions o = options_for({2022, 4, 1}, {2022, 4, 30}, {2020, 1, 1});
  const Background background = background_of(context, o.window);
  Assessment a = assess(subject, o, {&background, nullptr});
  auto matches = of_kind(a, FindingKind::hallmark_match);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_FALSE(matches[0]->reported);
  EXPECT_NE(matches[0]->not_reported_because.find("too few"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::analyze

namespace sitrep::analyze {
namespace {

// Three branches with one event every 20 days through a year-long baseline; in the window,
// unless `planted` is false, IS-KP and ISWAP each strike six times in ten days.
RecordSet family_events(bool planted) {
  RecordSet family;
  int64_t id = 1;
  const std::pair<std::string_view, std::string_view> branches[] = {
      {"IS-KP", "AF"}, {"ISWAP", "NG"}, {"IS-Somalia", "SO"}};
  for (const auto& [branch, country] : branches) {
    for (model::Day d = to_day({2021, 3, 1}); d < to_day({2022, 4, 30}); d += 20) {
      Record r = event(id++, model::to_civil(d), country, "x");
      r.actor_branch = branch;
      family.records.push_back(r);
    }
  }
  if (planted) {
    for (const auto& [branch, country] : {branches[0], branches[1]}) {
      for (int i = 0; i < 6; ++i) {
        Record r = event(id++, {2022, 4, 10 + i}, country, "x");
        r.actor_branch = branch;
        family.records.push_back(r);
      }
    }
  }
  return family;
}

TEST(Findings, ACampaignIsBranchesRisingTogetherInSeveralCountries) {
  RecordSet subject, family = family_events(true);
  AssessmentOptions o = options_for({2022, 4, 1}, {2022, 4, 30}, {2021, 3, 1});
  const FamilyTally tally = family_tally_of(family, {o.baseline.from, o.window.to}, o.window);
  Assessment a = assess(subject, o, {nullptr, &tally});
  auto campaigns = of_kind(a, FindingKind::campaign);
  ASSERT_EQ(campaigns.size(), 1u);
  const Finding& c = *campaigns[0];
  ASSERT_TRUE(c.reported) << c.not_reported_because;
  EXPECT_NE(c.statement.find("2 branches of the organisation rose together in 2 countries"),
            std::string::npos)
      << c.statement;
  EXPECT_NE(c.statement.find("IS-KP (AF, "), std::string::npos);
  EXPECT_NE(c.statement.find("ISWAP (NG, "), std::string::npos);
  EXPECT_EQ(c.statement.find("IS-Somalia"), std::string::npos);
  // The burst runs 2022-04-10..15; the best window holds it.
  auto figure = [&](std::string_view name) {
    return static_cast<model::Day>(
        std::find_if(c.figures.begin(), c.figures.end(), [&](const Figure& f) {
          return f.name == name;
        })->value);
  };
  const model::Day from = figure("from"), to = figure("to");
  EXPECT_LE(from, to_day({2022, 4, 10}));
  EXPECT_GE(to, to_day({2022, 4, 15}));
  EXPECT_LT(*c.p_value, 0.05);
  EXPECT_EQ(c.score, 88);  // the subject's own branch took part
}

TEST(Findings, NoCampaignWithoutAJointRise) {
  RecordSet subject, family = family_events(false);
  AssessmentOptions o = options_for({2022, 4, 1}, {2022, 4, 30}, {2021, 3, 1});
  const FamilyTally tally = family_tally_of(family, {o.baseline.from, o.window.to}, o.window);
  Assessment a = assess(subject, o, {nullptr, &tally});
  auto campaigns = of_kind(a, FindingKind::campaign);
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_FALSE(campaigns[0]->reported);
}

}  // namespace
}  // namespace sitrep::analyze

namespace sitrep::analyze {
namespace {

TEST(Findings, MediaCountsOwnOutletsByOutletAndLanguageAndNamesWhatIsNew) {
  RecordSet subject;
  subject.media = {{1, to_day({2021, 6, 1}), "Amaq", "ar", "claim"},
                   {2, to_day({2021, 9, 1}), "Amaq", "ar", "claim"},
                   {3, to_day({2022, 4, 2}), "Amaq", "ar", "claim"},
                   {4, to_day({2022, 4, 9}), "Amaq", "ar", "claim"},
                   {5, to_day({2022, 4, 20}), "Voice of Khurasan", "en", "propaganda"}};
  Record claimed = event(1, {2022, 4, 18}, "AF", "Kabul");
  claimed.claim = model::ClaimStatus::claimed;
  subject.records = {claimed, event(2, {2022, 4, 19}, "AF", "Kabul")};
  Assessment a = assess(subject, options_for({2022, 4, 1}, {2022, 4, 30}, {2021, 1, 1}));
  auto media = of_kind(a, FindingKind::media);
  ASSERT_EQ(media.size(), 1u);
  const std::string& s = media[0]->statement;
  EXPECT_NE(s.find("published 3 items"), std::string::npos) << s;
  EXPECT_NE(s.find("by outlet: Amaq 2, Voice of Khurasan 1; by language: ar 2, en 1"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("against 2 in the baseline"), std::string::npos);
  EXPECT_NE(s.find("new in the window: Voice of Khurasan (from 2022-04-20), en (from 2022-04-20)"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("it claimed 1 of its 2 events there"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::analyze

namespace sitrep::analyze {
namespace {

Record located(int64_t id, model::CivilDate date, std::string_view admin1, double lat, double lon) {
  Record r = event(id, date, "AF", admin1, "d");
  r.latitude = lat;
  r.longitude = lon;
  return r;
}

TEST(Findings, SpreadCountsAreasAndTestsTheMoveOfTheCentre) {
  RecordSet set;
  // Baseline: twelve events around Jalalabad; window: twelve around Kunduz, 260 km north-west.
  for (int i = 0; i < 12; ++i) {
    set.records.push_back(located(i + 1, {2021, 3 + i % 9, 1 + i}, "Nangarhar",
                                  34.43 + 0.01 * (i % 3), 70.45 + 0.01 * (i % 4)));
    set.records.push_back(located(100 + i, {2022, 4, 1 + i}, "Kunduz", 36.73 + 0.01 * (i % 3),
                                  68.86 + 0.01 * (i % 4)));
  }
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  auto spread = of_kind(a, FindingKind::spread);
  ASSERT_EQ(spread.size(), 2u);
  const bool centre_first = spread[0]->title == "Centre of activity";
  const Finding& areas = *spread[centre_first ? 1 : 0];
  const Finding& move = *spread[centre_first ? 0 : 1];
  EXPECT_NE(areas.statement.find("provinces without events in the baseline: Kunduz, AF"),
            std::string::npos)
      << areas.statement;
  ASSERT_TRUE(move.reported) << move.not_reported_because;
  const double km = move.figures[0].value;
  EXPECT_NEAR(km, model::distance_km(34.44, 70.465, 36.74, 68.875), 2);
  EXPECT_NE(move.statement.find("north-west"), std::string::npos) << move.statement;
}

TEST(Findings, ChangePointIsReportedWhenTheWeeklyRateSteps) {
  RecordSet set;
  int64_t id = 1;
  // One event a week for a year, then six a week through the window's month.
  for (model::Day d = to_day({2021, 4, 5}); d < to_day({2022, 3, 28}); d += 7) {
    set.records.push_back(event(id++, model::to_civil(d), "AF", "Kunar"));
  }
  for (model::Day d = to_day({2022, 3, 28}); d <= to_day({2022, 4, 30}); ++d) {
    if ((d - to_day({2022, 3, 28})) % 7 < 6) {
      set.records.push_back(event(id++, model::to_civil(d), "AF", "Kunar"));
    }
  }
  Assessment a = assess(set, options_for({2022, 4, 1}, {2022, 4, 30}));
  auto change = of_kind(a, FindingKind::change_point);
  ASSERT_EQ(change.size(), 1u);
  EXPECT_TRUE(change[0]->reported) << change[0]->not_reported_because;
  EXPECT_NE(change[0]->statement.find("in the week of 2022-03-28"), std::string::npos)
      << change[0]->statement;
}

}  // namespace
}  // namespace sitrep::analyze
