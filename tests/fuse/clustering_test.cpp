// Blocking and clustering on hand-made records: which pairs are compared, and which records end
// up together (chains that contradict themselves, exclusive sources, analyst decisions, stored
// incidents, determinism).
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "sitrep/fuse/candidates.hpp"
#include "sitrep/fuse/clustering.hpp"
#include "sitrep/fuse/fuser.hpp"

namespace sitrep::fuse {
namespace {

using model::to_day;

// A report of an attack in Jalalabad on a day of April 2022.
FusionRecord report(int64_t id, int day, const std::string& source) {
  FusionRecord r;
  r.id = id;
  r.from_text = true;
  r.date = {to_day({2022, 4, day}), to_day({2022, 4, day}), model::DatePrecision::day};
  r.country = "AF";
  r.admin1 = "Nangarhar";
  r.admin2 = "Jalalabad";
  r.latitude = 34.43;
  r.longitude = 70.45;
  r.place_precision = PlacePrecision::point;
  r.event_type = "Explosions/Remote violence";
  r.target = "civilians";
  r.source = source;
  r.exclusive = "report:" + std::to_string(id);
  return r;
}

using Pairs = std::vector<std::pair<uint32_t, uint32_t>>;

Pairs pairs_of(const std::vector<CandidatePair>& pairs) {
  Pairs out;
  for (const CandidatePair& p : pairs) out.emplace_back(p.a, p.b);
  return out;
}

// More records than one 16-bit digit of an index holds: the pairs are radix-sorted on two
// digits of each half, and must come out as every pair a day apart or less, once, in order.
TEST(FusionCandidates, ManyRecordsGiveEveryPairOnceInOrder) {
  constexpr uint32_t kRecords = 70'000;
  std::vector<FusionRecord> records(kRecords);
  const model::Day first = to_day({2022, 1, 1});
  for (uint32_t i = 0; i < kRecords; ++i) {
    FusionRecord& r = records[i];
    r.id = i + 1;
    r.date.start = r.date.end = first + static_cast<model::Day>(i / 2);
    r.date.precision = model::DatePrecision::day;
    r.country = "AF";
  }
  Pairs expected;
  for (uint32_t i = 0; i < kRecords; ++i) {
    for (uint32_t j = i + 1; j < kRecords && records[j].date.start - records[i].date.start <= 1;
         ++j) {
      expected.emplace_back(i, j);
    }
  }
  EXPECT_EQ(pairs_of(candidate_pairs(records, FusionRules{})), expected);
}

TEST(FusionCandidates, NeighbouringDaysOfOneCountryArePairedAndNothingElse) {
  std::vector<FusionRecord> records = {report(1, 10, "a"), report(2, 11, "b"), report(3, 13, "c")};
  records.push_back(report(4, 10, "d"));
  records[3].country = "PK";  // same day, another country
  EXPECT_EQ(pairs_of(candidate_pairs(records, FusionRules{})), (Pairs{{0, 1}}));
}

// The sweep counts records by day when their days span little more than their number; a date
// centuries away makes it sort them instead, which must give the same pairs.
TEST(FusionCandidates, ADateCenturiesAwayGivesThePairsOfAnyOtherOrder) {
  std::vector<FusionRecord> records;
  for (int i = 0; i < 12; ++i) records.push_back(report(i + 1, 10 + (11 - i) / 2, "a"));
  Pairs expected = pairs_of(candidate_pairs(records, FusionRules{}));
  EXPECT_EQ(expected.size(), 6u + 5u * 4u);  // six days: two a day, each with the next day's
  records.push_back(report(13, 10, "b"));
  records.back().date.start = records.back().date.end = to_day({1600, 1, 1});
  EXPECT_EQ(pairs_of(candidate_pairs(records, FusionRules{})), expected);
}

TEST(FusionCandidates, AMonthPrecisionRecordMeetsEveryDayOfItsMonth) {
  std::vector<FusionRecord> records = {report(1, 2, "a"), report(2, 29, "b"), report(3, 1, "c")};
  records[2].date = model::month_span(2022, 4);
  records[2].date.precision = model::DatePrecision::month;
  records.push_back(report(4, 15, "d"));
  records[3].country.clear();  // a country not known meets every country
  EXPECT_EQ(pairs_of(candidate_pairs(records, FusionRules{})), (Pairs{{0, 2}, {1, 2}, {2, 3}}));
}

TEST(FusionCandidates, FarPointsAndOtherProvincesAreNotPaired) {
  std::vector<FusionRecord> records = {report(1, 10, "a"), report(2, 10, "b"), report(3, 10, "c")};
  records[1].latitude = 35.0;  // 63 km north
  records[2].place_precision = PlacePrecision::admin1;
  records[2].admin1 = "Kunar";
  EXPECT_TRUE(candidate_pairs(records, FusionRules{}).empty());
}

TEST(FusionCandidates, AnIncrementalRunPairsOnlyFreshRecords) {
  std::vector<FusionRecord> records = {report(1, 10, "a"), report(2, 10, "b"), report(3, 10, "c")};
  std::vector<bool> fresh = {false, false, true};
  EXPECT_EQ(pairs_of(candidate_pairs(records, FusionRules{}, &fresh)), (Pairs{{0, 2}, {1, 2}}));
}

Clusters cluster(const std::vector<FusionRecord>& records, const Decisions& decisions = {},
                 std::vector<int64_t> existing = {}) {
  existing.resize(records.size(), 0);
  return cluster_records(records, existing, candidate_pairs(records, FusionRules{}), decisions,
                         FusionRules{});
}

TEST(FusionClusters, AChainOfGoodPairsNeverJoinsRecordsThatContradictEachOther) {
  // 0 names IS-KP, 2 names the Taliban; 1 names nobody and is like both.
  std::vector<FusionRecord> records = {report(1, 10, "a"), report(2, 10, "b"), report(3, 10, "c")};
  records[0].perpetrator = "IS-KP";
  records[2].perpetrator = "Taliban";
  Clusters c = cluster(records);
  EXPECT_NE(c.group[0], c.group[2]);
  EXPECT_TRUE(c.group[1] == c.group[0] || c.group[1] == c.group[2]);
  EXPECT_EQ(c.merges_refused, 1u);
}

TEST(FusionClusters, RowsOfOneDatasetAndMentionsOfOneReportStayApart) {
  std::vector<FusionRecord> records = {report(1, 10, "ACLED"), report(2, 10, "ACLED")};
  records[0].exclusive = records[1].exclusive = "dataset:ACLED";
  EXPECT_NE(cluster(records).group[0], cluster(records).group[1]);
  records[0].exclusive = records[1].exclusive = "report:7";
  EXPECT_NE(cluster(records).group[0], cluster(records).group[1]);
  records[1].exclusive = "report:8";
  EXPECT_EQ(cluster(records).group[1], 0u);
}

TEST(FusionClusters, AnAnalystsDecisionsHoldAgainstTheRules) {
  std::vector<FusionRecord> records = {report(1, 10, "a"), report(2, 10, "b"), report(3, 20, "c")};
  Decisions apart;
  apart.apart = {{0, 1}};
  EXPECT_NE(cluster(records, apart).group[1], 0u);
  Decisions together;
  together.together = {{0, 2}};  // ten days apart: the rules would never merge them
  Clusters c = cluster(records, together);
  EXPECT_EQ(c.group[2], 0u);
  EXPECT_NE(c.group[1], 0u);  // like 0, but ten days from 2: it cannot join them
}

TEST(FusionClusters, StoredIncidentsStartAsOneGroup) {
  std::vector<FusionRecord> records = {report(1, 10, "a"), report(2, 20, "b")};
  Clusters c = cluster(records, {}, {7, 7});
  EXPECT_EQ(c.group, (std::vector<uint32_t>{0, 0}));
  EXPECT_TRUE(c.links.empty());
}

TEST(FusionClusters, TheSameRecordsInAnotherOrderGiveTheSameIncidents) {
  std::vector<FusionRecord> records;
  for (int i = 0; i < 12; ++i) {
    records.push_back(report(i + 1, 10 + i % 3, "outlet" + std::to_string(i % 5)));
    records.back().perpetrator = i % 4 == 0 ? "IS-KP" : i % 4 == 1 ? "Taliban" : "";
    records.back().fatalities_low = records.back().fatalities_high = 1 + i % 3;
  }
  std::vector<FusionRecord> reversed(records.rbegin(), records.rend());
  Clusters forward = fuse_records(records, FusionRules{});
  Clusters backward = fuse_records(reversed, FusionRules{});
  auto partition = [](const std::vector<FusionRecord>& rs, const Clusters& c) {
    std::map<int64_t, std::set<int64_t>> groups;
    for (size_t i = 0; i < rs.size(); ++i) groups[rs[c.group[i]].id].insert(rs[i].id);
    std::set<std::set<int64_t>> out;
    for (auto& [first, members] : groups) out.insert(members);
    return out;
  };
  EXPECT_EQ(partition(records, forward), partition(reversed, backward));
}

}  // namespace
}  // namespace sitrep::fuse
