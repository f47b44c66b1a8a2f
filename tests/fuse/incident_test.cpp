// The canonical fields of an incident from its records (incident.hpp states the rules).
#include "sitrep/fuse/incident.hpp"

#include <gtest/gtest.h>

namespace sitrep::fuse {
namespace {

using model::to_day;

FusionRecord record(int64_t id, bool from_text, int day, const std::string& source) {
  FusionRecord r;
  r.id = id;
  r.from_text = from_text;
  r.date = {to_day({2021, 10, day}), to_day({2021, 10, day}), model::DatePrecision::day};
  r.country = "AF";
  r.admin1 = "Kunduz";
  r.place_precision = PlacePrecision::admin1;
  r.source = source;
  r.confidence = from_text ? 0.8 : 1.0;
  return r;
}

Incident of(const std::vector<FusionRecord>& records) {
  std::vector<const FusionRecord*> pointers;
  for (const FusionRecord& r : records) pointers.push_back(&r);
  return summarize(pointers);
}

TEST(FusionIncident, TheDateIsTheEarliestWellSupportedDay) {
  // Two outlets date it by publication (the 9th); one says the 8th; a dataset says the 8th.
  std::vector<FusionRecord> rs = {record(1, true, 9, "Reuters"), record(2, true, 9, "AFP"),
                                  record(3, true, 7, "Blog")};
  EXPECT_EQ(of(rs).date.start, to_day({2021, 10, 9}));  // the 7th has one source only
  EXPECT_EQ(of(rs).date_spread_days, 2);
  rs.push_back(record(4, false, 8, "ACLED"));
  EXPECT_EQ(of(rs).date.start, to_day({2021, 10, 8}));  // a dataset's day is well supported
}

TEST(FusionIncident, ThePlaceIsTheMostPreciseOneGiven) {
  std::vector<FusionRecord> rs = {record(1, true, 8, "a"), record(2, true, 8, "b")};
  rs[1].admin2 = "Kunduz";
  rs[1].location = "Kunduz";
  rs[1].latitude = 36.73;
  rs[1].longitude = 68.86;
  rs[1].place_precision = PlacePrecision::point;
  Incident in = of(rs);
  EXPECT_EQ(in.place_precision, PlacePrecision::point);
  EXPECT_EQ(in.location, "Kunduz");
  EXPECT_EQ(in.latitude, 36.73);
}

TEST(FusionIncident, VotesTiedGoToTheFirstValueInTextOrderWhateverTheRecordOrder) {
  // Two provinces, one dataset record each: a tie, which the text order settles.
  std::vector<FusionRecord> rs = {record(1, false, 8, "ACLED"), record(2, false, 8, "GTD")};
  rs[0].admin1 = "Kunduz";
  rs[0].event_type = "Battles";
  rs[1].admin1 = "Baghlan";
  rs[1].event_type = "Explosions/Remote violence";
  for (int turn = 0; turn < 2; ++turn) {
    Incident in = of(rs);
    EXPECT_EQ(in.admin1, "Baghlan");
    EXPECT_EQ(in.event_type, "Battles");
    std::swap(rs[0], rs[1]);
  }
  // A third record, a report, breaks the tie.
  rs.push_back(record(3, true, 8, "Pajhwok"));
  rs.back().admin1 = "Kunduz";
  EXPECT_EQ(of(rs).admin1, "Kunduz");
}

TEST(FusionIncident, FatalitiesTakeOneFigurePerSource) {
  // Reuters twice (its later, more confident story counts), AFP, and a hedged blog.
  std::vector<FusionRecord> rs = {record(1, true, 8, "Reuters"), record(2, true, 8, "Reuters"),
                                  record(3, true, 8, "AFP"), record(4, true, 8, "Blog")};
  rs[0].fatalities_low = 20;  // "at least 20", early
  rs[0].confidence = 0.5;
  rs[1].fatalities_low = 46;
  rs[1].fatalities_high = 50;
  rs[2].fatalities_low = rs[2].fatalities_high = 55;
  rs[3].fatalities_low = 10;
  rs[3].fatalities_high = 100;
  rs[3].confidence = 0.4;  // "reportedly"
  Incident in = of(rs);
  EXPECT_EQ(in.sources, 3);
  EXPECT_EQ(in.fatalities_best, 46);   // the median of 46 (Reuters), 55 (AFP), 10 (Blog)
  EXPECT_EQ(in.fatalities_low, 46);    // the smallest low of the credible sources
  EXPECT_EQ(in.fatalities_high, 100);  // the largest high of all
}

TEST(FusionIncident, ClaimsAndDenialsAreResolvedWithWhoSaidWhat) {
  std::vector<FusionRecord> rs = {record(1, true, 8, "Amaq"), record(2, true, 8, "Reuters")};
  rs[0].claim = model::ClaimStatus::claimed;
  rs[0].claimed_by = "IS-KP";
  EXPECT_EQ(of(rs).claim, model::ClaimStatus::claimed);
  rs[1].claim = model::ClaimStatus::denied;
  rs[1].denied_by = "Government of Uzbekistan; Taliban";
  Incident in = of(rs);
  EXPECT_EQ(in.claim, model::ClaimStatus::disputed);
  EXPECT_EQ(in.claimed_by, "IS-KP");
  EXPECT_EQ(in.denied_by, "Government of Uzbekistan; Taliban");
  rs[0].claim = model::ClaimStatus::unknown;
  rs[0].claimed_by.clear();
  EXPECT_EQ(of(rs).claim, model::ClaimStatus::denied);
}

TEST(FusionIncident, TheSideAReportNamesWinsOverADyadsFirstSide) {
  std::vector<FusionRecord> rs = {record(1, false, 8, "ucdp"), record(2, true, 8, "Pajhwok")};
  rs[0].perpetrator = "Government of Afghanistan";
  rs[0].counterpart = "Taliban";
  EXPECT_EQ(of({rs[0]}).perpetrator, "Government of Afghanistan");
  rs[1].perpetrator = "Taliban";
  EXPECT_EQ(of(rs).perpetrator, "Taliban");
}

TEST(FusionIncident, DifferentNamedPerpetratorsAreDisputed) {
  std::vector<FusionRecord> rs = {record(1, true, 8, "a"), record(2, true, 8, "b"),
                                  record(3, true, 8, "c")};
  rs[0].perpetrator = "Unidentified armed group";
  EXPECT_EQ(of(rs).perpetrator, "Unidentified armed group");
  rs[1].perpetrator = "IS-KP";
  EXPECT_EQ(of(rs).perpetrator, "IS-KP");
  rs[2].perpetrator = "Taliban";  // only an analyst's merge brings this about
  Incident in = of(rs);
  EXPECT_EQ(in.perpetrator, "disputed");
  EXPECT_EQ(in.perpetrator_candidates, (std::vector<std::string>{"IS-KP", "Taliban"}));
}

}  // namespace
}  // namespace sitrep::fuse
