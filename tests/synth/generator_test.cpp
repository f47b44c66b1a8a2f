// The synthetic generator: deterministic for a seed, the size asked for, bursty, long-tailed,
// and readable by sitrep's own importers in both output formats.
#include "sitrep/synth/generator.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/io/acled_writer.hpp"
#include "sitrep/io/event_writer.hpp"
#include "sitrep/store/importer.hpp"

namespace sitrep::synth {
namespace {

const Scenario& scenario() {
  static const Scenario loaded = Scenario::load(SITREP_SOURCE_DATA_DIR).value();
  return loaded;
}

std::vector<model::Event> generate(int64_t events, uint64_t seed) {
  Generator generator(scenario(), {events, seed, model::to_day({2018, 1, 1}), 365});
  std::vector<model::Event> out;
  model::Event e;
  while (generator.next(e)) out.push_back(e);
  return out;
}

std::string fingerprint(const std::vector<model::Event>& events) {
  std::string text;
  for (const model::Event& e : events) {
    text += fmt::format("{}|{}|{}|{}|{}\n", e.native_id, e.date.start, e.location,
                        e.fatalities_best.value_or(-1), e.actor1.original);
  }
  return text;
}

TEST(SynthGenerator, TheSameSeedGivesTheSameEventsAndAnotherSeedOthers) {
  EXPECT_EQ(fingerprint(generate(3000, 7)), fingerprint(generate(3000, 7)));
  EXPECT_NE(fingerprint(generate(3000, 7)), fingerprint(generate(3000, 8)));
}

TEST(SynthGenerator, GivesExactlyTheEventsAskedForInDateOrder) {
  auto events = generate(12345, 3);
  ASSERT_EQ(events.size(), 12345u);
  for (size_t i = 1; i < events.size(); ++i) {
    ASSERT_LE(events[i - 1].date.start, events[i].date.start) << i;
  }
  EXPECT_TRUE(generate(0, 3).empty());
}

TEST(SynthGenerator, SpreadsOverAboutThePlannedPeriod) {
  auto events = generate(20000, 5);
  int span = events.back().date.start - events.front().date.start + 1;
  EXPECT_GT(span, 300);  // planned: 365 days
  EXPECT_LT(span, 450);
}

TEST(SynthGenerator, EventsComeInBurstsAndFatalitiesHaveALongTail) {
  auto events = generate(20000, 11);
  // Weekly counts of one actor: a self-exciting process spreads them far more than a Poisson
  // process of the same mean would (variance = mean).
  std::map<int, int> per_week;
  int zero = 0, max_killed = 0;
  const model::Day first = events.front().date.start;
  for (const model::Event& e : events) {
    if (e.actor1.original == "Taliban") ++per_week[(e.date.start - first) / 7];
    zero += e.fatalities_best == 0;
    max_killed = std::max(max_killed, e.fatalities_best.value_or(0));
  }
  const int weeks = (events.back().date.start - first) / 7;  // whole weeks only
  double mean = 0, variance = 0;
  for (int w = 0; w < weeks; ++w) mean += per_week[w];
  mean /= weeks;
  for (int w = 0; w < weeks; ++w) variance += (per_week[w] - mean) * (per_week[w] - mean);
  variance /= weeks;
  EXPECT_GT(variance / mean, 2.0) << "a Poisson process without bursts would give about 1";
  EXPECT_NEAR(static_cast<double>(zero) / events.size(), 0.35, 0.03);
  EXPECT_GE(max_killed, 50);
}

TEST(SynthGenerator, ClaimsFollowEachActorsHabits) {
  int unknown_named = 0, claimed_unidentified = 0, claimed = 0, unclaimed = 0;
  for (const model::Event& e : generate(10000, 2)) {
    bool unidentified = e.actor1.original.starts_with("Unidentified");
    claimed_unidentified += unidentified && e.claim == model::ClaimStatus::claimed;
    unknown_named += !unidentified && e.claim == model::ClaimStatus::unknown;
    claimed += e.claim == model::ClaimStatus::claimed;
    unclaimed += e.claim == model::ClaimStatus::unclaimed;
  }
  EXPECT_EQ(claimed_unidentified, 0);
  EXPECT_EQ(unknown_named, 0);
  EXPECT_GT(claimed, 1000);
  EXPECT_GT(unclaimed, 1000);
}

TEST(SynthGenerator, BothOutputFormatsImportWithoutARejectedRow) {
  testing::ScratchDir dir;
  auto events = generate(2000, 9);
  std::ofstream jsonl(dir.file("synth.jsonl")), acled(dir.file("synth.csv"));
  auto jsonl_writer = io::make_event_writer(io::OutputFormat::jsonl, jsonl);
  auto acled_writer = io::make_acled_writer(acled, testing::bundled_vocabulary().countries);
  for (auto* writer : {jsonl_writer.get(), acled_writer.get()}) writer->begin();
  for (const model::Event& e : events) {
    jsonl_writer->write(e);
    acled_writer->write(e);
  }
  for (auto* writer : {jsonl_writer.get(), acled_writer.get()}) writer->end();
  jsonl.close();
  acled.close();
  for (const char* name : {"synth.jsonl", "synth.csv"}) {
    auto store = store::SqliteStore::open(dir.file(std::string(name) + ".db")).value();
    auto report = store::import_files(*store, {dir.file(name)}, testing::bundled_vocabulary(), {});
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_EQ(report->totals.inserted, 2000) << name;
    EXPECT_TRUE(report->rejects.empty()) << name << ": " << report->rejects[0].message();
  }
}

}  // namespace
}  // namespace sitrep::synth
