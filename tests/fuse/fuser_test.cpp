// Fusion in the store: one incident from rows of three datasets, incremental runs, and an
// analyst's split and merge surviving later runs (from scratch too).
#include "sitrep/fuse/fuser.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/fuse/corrections.hpp"
#include "sitrep/fuse/fusion_data.hpp"
#include "sitrep/fuse/incident_store.hpp"
#include "sitrep/io/event_writer.hpp"
#include "sitrep/query/aggregation.hpp"
#include "sitrep/query/incident_units.hpp"
#include "sitrep/store/importer.hpp"
#include "sitrep/store/report_store.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::fuse {
namespace {

// The Jalalabad market bombing of 18 April 2022 as a dataset lists it.
model::Event row(const std::string& dataset, const std::string& id, int dead) {
  model::Event e;
  e.dataset = dataset;
  e.native_id = id;
  e.date.start = e.date.end = model::parse_date("2022-04-18").value();
  e.country = "AF";
  e.admin1 = "Nangarhar";
  e.admin2 = "Jalalabad";
  e.location = "Jalalabad";
  e.latitude = 34.4265;
  e.longitude = 70.4515;
  e.geo_level = model::GeoLevel::exact;
  e.event_type = "Explosions/Remote violence";
  e.sub_event_type = "Remote explosive/landmine/IED";
  e.target = "civilians";
  e.actor1.original = e.actor1.canonical = "IS-KP";
  e.fatalities_best = dead;
  e.notes = "A magnetic bomb hidden in a rickshaw exploded in the Talashi market of Jalalabad.";
  return e;
}

class FuseStore : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::SqliteStore::open(dir_.file("store.db"));
    ASSERT_TRUE(store.ok()) << store.error();
    store_ = std::move(*store);
    auto data = FusionData::load(SITREP_SOURCE_DATA_DIR);
    ASSERT_TRUE(data.ok()) << data.error();
    data_ = std::move(*data);
  }

  void import(const std::vector<model::Event>& events) {
    const std::string name = dir_.file("events" + std::to_string(++files_) + ".jsonl");
    testing::write_jsonl(name, events);
    auto report = store::import_files(*store_, {name}, testing::bundled_vocabulary(), {});
    ASSERT_TRUE(report.ok()) << report.error();
  }

  FuseSummary fuse(bool from_scratch = false) {
    FuseOptions options;
    options.from_scratch = from_scratch;
    auto summary = fuse_store(*store_, data_.rules, data_.words, options);
    EXPECT_TRUE(summary.ok()) << summary.error();
    return summary.ok() ? *summary : FuseSummary{};
  }

  std::vector<RecordRef> members(int64_t incident) {
    IncidentStore incidents(*store_);
    auto found = incidents.members_of(incident);
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::vector<RecordRef>{};
  }

  std::optional<Incident> incident(int64_t id) {
    IncidentStore incidents(*store_);
    auto found = incidents.read(id);
    EXPECT_TRUE(found.ok());
    return found.ok() ? *found : std::nullopt;
  }

  template <typename F>
  void correct(F&& change) {
    IncidentStore incidents(*store_);
    ASSERT_TRUE(incidents.begin().ok());
    change(incidents);
    ASSERT_TRUE(incidents.commit().ok());
  }

  testing::ScratchDir dir_;
  std::unique_ptr<store::SqliteStore> store_;
  FusionData data_;
  int files_ = 0;
};

const RecordRef kAcled{false, 1}, kGtd{false, 2}, kUcdp{false, 3};

TEST_F(FuseStore, RowsOfThreeDatasetsBecomeOneIncidentWithEverySource) {
  model::Event other = row("acled", "A2", 2);  // the same day and town, another attack
  other.actor1.original = other.actor1.canonical = "Taliban";
  other.target = "police";
  other.notes = "Taliban fighters attacked a police checkpoint near the Jalalabad airport.";
  import({row("acled", "A1", 7), row("gtd", "G1", 9), row("ucdp", "U1", 8), other});
  FuseSummary s = fuse();
  EXPECT_EQ(s.fresh, 4);
  EXPECT_EQ(s.incidents_created, 1);
  auto in = incident(1);
  ASSERT_TRUE(in);
  EXPECT_EQ(in->members, (std::vector<RecordRef>{kAcled, kGtd, kUcdp}));
  EXPECT_EQ(in->sources, 3);
  EXPECT_EQ(in->fatalities_best, 8);  // the median of 7, 9 and 8
  EXPECT_EQ(in->fatalities_low, 7);
  EXPECT_EQ(in->fatalities_high, 9);
  EXPECT_EQ(in->perpetrator, "IS-KP");
  EXPECT_EQ(fuse().fresh, 0);  // nothing new: nothing done
}

TEST_F(FuseStore, AnIncrementalRunAddsNewRecordsToTheirIncident) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  EXPECT_EQ(fuse().incidents_created, 1);
  import({row("ucdp", "U1", 8)});
  FuseSummary s = fuse();
  EXPECT_EQ(s.fresh, 1);
  EXPECT_EQ(s.incidents_grown, 1);
  EXPECT_EQ(s.incidents_created, 0);
  EXPECT_EQ(members(1), (std::vector<RecordRef>{kAcled, kGtd, kUcdp}));
}

TEST_F(FuseStore, ARevisedEventIsFusedAgain) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  fuse();
  ASSERT_EQ(members(1), (std::vector<RecordRef>{kAcled, kGtd}));
  // GTD corrects its row: the attack was in Kabul, the same day.
  model::Event moved = row("gtd", "G1", 9);
  moved.admin1 = moved.admin2 = moved.location = "Kabul";
  moved.latitude = 34.53;
  moved.longitude = 69.17;
  import({moved});
  FuseSummary s = fuse();
  EXPECT_EQ(s.fresh, 1);
  EXPECT_EQ(s.incidents_removed, 1);  // the incident is left with one record
  IncidentStore incidents(*store_);
  auto of_gtd = incidents.incident_of(kGtd);
  ASSERT_TRUE(of_gtd.ok());
  EXPECT_EQ(*of_gtd, 0);
  import({row("gtd", "G1", 9)});  // and back
  s = fuse();
  EXPECT_EQ(s.incidents_created, 1);
  auto again = incidents.incident_of(kGtd);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(members(*again), (std::vector<RecordRef>{kAcled, kGtd}));
}

TEST_F(FuseStore, AnAnalystsSplitSurvivesLaterRuns) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9), row("ucdp", "U1", 8)});
  fuse();
  correct([&](IncidentStore& incidents) {
    auto out = split_incident(*store_, incidents, 1, {kGtd}, "a second bomb, an hour later");
    ASSERT_TRUE(out.ok()) << out.error();
    EXPECT_EQ(out->kept, 1);
    EXPECT_EQ(out->made, 0);  // one record: it stands alone
  });
  EXPECT_EQ(members(1), (std::vector<RecordRef>{kAcled, kUcdp}));
  for (bool from_scratch : {false, true}) {
    fuse(from_scratch);
    IncidentStore incidents(*store_);
    auto of_gtd = incidents.incident_of(kGtd);
    ASSERT_TRUE(of_gtd.ok());
    EXPECT_EQ(*of_gtd, 0) << (from_scratch ? "from scratch" : "incremental");
    auto of_acled = incidents.incident_of(kAcled);
    ASSERT_TRUE(of_acled.ok());
    EXPECT_EQ(members(*of_acled), (std::vector<RecordRef>{kAcled, kUcdp}));
  }
}

TEST_F(FuseStore, AnAnalystsMergeSurvivesARunFromScratch) {
  model::Event other = row("acled", "A2", 2);
  other.actor1.original = other.actor1.canonical = "Taliban";
  import({row("acled", "A1", 7), row("gtd", "G1", 9), other});
  const RecordRef kOther{false, 3};
  fuse();
  correct([&](IncidentStore& incidents) {
    auto out = merge_items(*store_, incidents, {{1, {}}, {0, kOther}}, "one attack, two claims");
    ASSERT_TRUE(out.ok()) << out.error();
    EXPECT_EQ(out->incident, 1);
    EXPECT_EQ(out->records, 3u);
  });
  auto merged = incident(1);
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->perpetrator, "disputed");
  fuse(true);
  IncidentStore incidents(*store_);
  auto of_other = incidents.incident_of(kOther);
  ASSERT_TRUE(of_other.ok());
  EXPECT_EQ(members(*of_other), (std::vector<RecordRef>{kAcled, kGtd, kOther}));
}

// A report of the bombing, as `sitrep ingest` stores it (one mention).
store::ReportRow report(const std::string& text) {
  store::ReportRow r;
  r.doc_id = "n1";
  r.text_hash = text;  // any value that changes with the text
  r.source = "Reuters";
  r.outlet = "Reuters";
  r.published = "2022-04-18";
  r.language = "en";
  r.source_kind = "news";
  r.title = "Bomb in a Jalalabad market";
  r.text = text;
  r.extraction = "{}";
  store::MentionRow m;
  m.event_type = "Explosions/Remote violence";
  m.perpetrator = "IS-KP";
  m.target = "civilians";
  m.country = "AF";
  m.admin1 = "Nangarhar";
  m.admin2 = "Jalalabad";
  m.location = "Jalalabad";
  m.latitude = 34.43;
  m.longitude = 70.45;
  m.geo_precision = "point";
  m.date_start = m.date_end = "2022-04-18";
  m.date_precision = "day";
  m.killed_low = m.killed_high = 8;
  m.confidence = 0.9;
  m.detail = "{}";
  r.mentions = {m};
  return r;
}

TEST_F(FuseStore, AReplacedReportLeavesItsIncidentAndItsNewEventJoins) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  auto ingest = [&](const std::string& text) {
    store::ReportStore reports(*store_);
    ASSERT_TRUE(reports.begin().ok());
    auto run = store_->begin_run("test");
    ASSERT_TRUE(run.ok());
    auto file = store_->add_run_file(*run, "news.jsonl", "jsonl", 0, "");
    ASSERT_TRUE(file.ok());
    auto written = reports.write(report(text), *run, *file);
    ASSERT_TRUE(written.ok()) << written.error();
    ASSERT_TRUE(reports.commit().ok());
  };
  ingest("A magnetic bomb in the Talashi market killed eight.");
  fuse();
  EXPECT_EQ(members(1), (std::vector<RecordRef>{kAcled, kGtd, {true, 1}}));
  ingest("A magnetic bomb in the Talashi market of Jalalabad killed eight, police said.");
  FuseSummary s = fuse();
  EXPECT_EQ(s.fresh, 1);
  EXPECT_EQ(members(1), (std::vector<RecordRef>{kAcled, kGtd, {true, 2}}));
  IncidentStore incidents(*store_);
  auto links = incidents.links(1);
  ASSERT_TRUE(links.ok());
  for (const StoredLink& link : *links) {
    EXPECT_NE(link.a, (RecordRef{true, 1}));
    EXPECT_NE(link.b, (RecordRef{true, 1})) << "a link names the replaced report's event";
  }
}

TEST_F(FuseStore, QueriesCountAnIncidentOnceWithItsFatalities) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9), row("ucdp", "U1", 8)});
  fuse();
  auto index = query::EventIndex::build(*store_);
  ASSERT_TRUE(index.ok()) << index.error();
  auto units = query::IncidentUnits::load(*store_, *index);
  ASSERT_TRUE(units.ok()) << units.error();
  EXPECT_EQ(units->incidents, 1);
  EXPECT_EQ(units->folded, 2);  // G1 and U1 fold into A1, the first event
  query::Selection rows(index->size(), true);
  const std::vector<query::Measure> measures = {query::Measure::count, query::Measure::fatalities,
                                                query::Measure::events_with_fatalities};
  auto records = query::aggregate(*index, rows, {query::GroupKey::admin1}, measures);
  ASSERT_EQ(records.groups.size(), 1u);
  EXPECT_EQ(records.groups[0].values, (std::vector<int64_t>{3, 24, 3}));
  units->fold(rows);
  auto incidents =
      query::aggregate(*index, rows, {query::GroupKey::admin1}, measures, &units->fatalities);
  ASSERT_EQ(incidents.groups.size(), 1u);
  EXPECT_EQ(incidents.groups[0].values, (std::vector<int64_t>{1, 8, 1}));  // the median, 8
}

TEST_F(FuseStore, AnIncidentCountsWhenAnyOfItsEventsMatches) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9), row("ucdp", "U1", 8)});
  fuse();
  auto index = query::EventIndex::build(*store_);
  ASSERT_TRUE(index.ok()) << index.error();
  auto units = query::IncidentUnits::load(*store_, *index);
  ASSERT_TRUE(units.ok()) << units.error();
  // A filter that selects only GTD's row (dataset:gtd) still finds the incident, counted once
  // with its canonical figure, through the row that matched.
  query::Selection rows(index->size(), false);
  uint32_t gtd_row = index->size();
  for (uint32_t r = 0; r < index->size(); ++r) {
    const auto code = static_cast<uint32_t>(index->column(query::Column::dataset).value(r));
    if (index->dictionary(query::Category::dataset).at(code) == "gtd") gtd_row = r;
  }
  ASSERT_LT(gtd_row, index->size());
  rows.set(gtd_row);
  units->fold(rows);
  EXPECT_TRUE(rows.test(gtd_row));
  const std::vector<query::Measure> measures = {query::Measure::count, query::Measure::fatalities};
  auto counted = query::aggregate(*index, rows, {}, measures, &units->fatalities);
  ASSERT_EQ(counted.groups.size(), 1u);
  EXPECT_EQ(counted.groups[0].values, (std::vector<int64_t>{1, 8}));
  // Every row selected: one row of the incident is left, the first.
  query::Selection all(index->size(), true);
  units->fold(all);
  EXPECT_EQ(all.count(), 1u);
}

// Foreign keys are checked once, before the commit, rather than per row (incident_store.cpp):
// a row naming no incident must still fail the transaction, and the store must keep checking
// foreign keys afterwards.
TEST_F(FuseStore, ALinkToNoIncidentFailsTheCommitAndChangesNothing) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  fuse();
  auto checked = store::exec(store_->handle(),
                             "INSERT INTO incident_links (incident_id, a, b, parts, made) "
                             "VALUES (999, 'event:1', 'event:2', '{}', 'fuse')");
  EXPECT_FALSE(checked.ok()) << "foreign keys are off after a fusion run";
  IncidentStore incidents(*store_);
  auto before = incidents.count_incidents();
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(incidents.begin().ok());
  ASSERT_TRUE(incidents.add_link(999, {{false, 1}, {false, 2}, 0.9, "{}", "fuse"}).ok());
  Status committed = incidents.commit();
  EXPECT_FALSE(committed.ok());
  EXPECT_NE(committed.error().find("incident_links"), std::string::npos) << committed.error();
  incidents.rollback();
  auto links = incidents.links(999);
  ASSERT_TRUE(links.ok());
  EXPECT_TRUE(links->empty());
  auto after = incidents.count_incidents();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *before);
  auto enforced = store::exec(store_->handle(),
                              "INSERT INTO incident_members (kind, record_id, incident_id) "
                              "VALUES ('event', 99, 999)");
  EXPECT_FALSE(enforced.ok()) << "foreign keys are off after the fusion transaction";
}

// After every incident is removed (a run from scratch) the commit checks whole tables, not the
// incidents it touched: a dangling link still fails it.
TEST_F(FuseStore, ALinkToNoIncidentAfterRemovingAllFailsTheCommit) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  fuse();
  IncidentStore incidents(*store_);
  ASSERT_TRUE(incidents.begin().ok());
  ASSERT_TRUE(incidents.remove_all().ok());
  ASSERT_TRUE(incidents.add_link(999, {{false, 1}, {false, 2}, 0.9, "{}", "fuse"}).ok());
  Status committed = incidents.commit();
  EXPECT_FALSE(committed.ok());
  incidents.rollback();
  auto after = incidents.count_incidents();
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, 1);
}

bool has_member_index(sqlite3* db) {
  auto stmt = store::Statement::prepare(
      db, "SELECT count(*) FROM sqlite_master WHERE name = 'incident_members_by_incident'");
  if (!stmt.ok()) return false;
  auto row = stmt->step();
  return row.ok() && *row && stmt->column_int(0) == 1;
}

// A first run builds the members' index by incident after writing them (IncidentStore::begin):
// the store keeps its schema whether the run commits or fails.
TEST_F(FuseStore, AFirstRunLeavesTheMembersIndexByIncidentInPlace) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  fuse();
  EXPECT_TRUE(has_member_index(store_->handle()));
  EXPECT_EQ(members(1).size(), 2u);
}

TEST_F(FuseStore, AStoreThatLostTheMembersIndexIsFusedAndGetsItBack) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  ASSERT_TRUE(store::exec(store_->handle(), "DROP INDEX incident_members_by_incident").ok());
  fuse();
  EXPECT_TRUE(has_member_index(store_->handle()));
}

TEST_F(FuseStore, AFailedFirstRunLeavesTheMembersIndexByIncidentInPlace) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  IncidentStore incidents(*store_);
  ASSERT_TRUE(incidents.begin().ok());
  ASSERT_TRUE(incidents.add_link(999, {{false, 1}, {false, 2}, 0.9, "{}", "fuse"}).ok());
  EXPECT_FALSE(incidents.commit().ok());
  incidents.rollback();
  EXPECT_TRUE(has_member_index(store_->handle()));
}

// Members are written in batches (store::BatchInsert): reads within the transaction see them.
TEST_F(FuseStore, MembersWrittenInBatchesAreReadBackBeforeTheCommit) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9)});
  IncidentStore incidents(*store_);
  ASSERT_TRUE(incidents.begin().ok());
  Incident incident;
  incident.members = {{false, 1}, {false, 2}};
  incident.date =
      model::DateSpan{model::parse_date("2022-04-18").value(),
                      model::parse_date("2022-04-18").value(), model::DatePrecision::day};
  auto id = incidents.write(incident);
  ASSERT_TRUE(id.ok()) << id.error();
  auto members = incidents.members_of(*id);
  ASSERT_TRUE(members.ok());
  EXPECT_EQ(members->size(), 2u);
  ASSERT_TRUE(incidents.commit().ok());
  EXPECT_EQ(this->members(*id).size(), 2u);
}

// New incidents are written in batches too, numbered by the store after the largest id: one
// written after another was removed in the same transaction takes a number of its own.
TEST_F(FuseStore, NewIncidentsWrittenInBatchesKeepDistinctNumbersAcrossARemoval) {
  import({row("acled", "A1", 7), row("gtd", "G1", 9), row("acled", "A2", 3), row("gtd", "G2", 4)});
  IncidentStore incidents(*store_);
  ASSERT_TRUE(incidents.begin().ok());
  auto incident_of = [](std::vector<RecordRef> members) {
    Incident incident;
    incident.members = std::move(members);
    const model::Day day = model::parse_date("2022-04-18").value();
    incident.date = model::DateSpan{day, day, model::DatePrecision::day};
    return incident;
  };
  auto first = incidents.write(incident_of({{false, 1}, {false, 2}}));
  auto second = incidents.write(incident_of({{false, 3}, {false, 4}}));
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
  ASSERT_TRUE(incidents.remove(*second).ok());
  auto third = incidents.write(incident_of({{false, 3}, {false, 4}}));
  ASSERT_TRUE(third.ok());
  EXPECT_NE(*third, *first);
  auto read = incidents.read(*third);  // the batch is written before any read
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->has_value());
  ASSERT_TRUE(incidents.commit().ok()) << "every member names a stored incident";
  auto count = incidents.count_incidents();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 2);
  EXPECT_EQ(this->members(*first).size(), 2u);
  EXPECT_EQ(this->members(*third).size(), 2u);
  EXPECT_TRUE(this->members(*second).empty() || *second == *third);
}

}  // namespace
}  // namespace sitrep::fuse
