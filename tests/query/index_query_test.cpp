// The columnar index on small hand-made stores: each operator's edges (empty results, open
// date ranges, imprecise dates in a day window, NULLs under negation, distance, actor
// hierarchy and associated actors), group-by labels, and the snapshot's life cycle (saved,
// reopened, stale after an import, corrupt, truncated, of another store).
#include <array>
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/io/event_writer.hpp"
#include "sitrep/query/aggregation.hpp"
#include "sitrep/query/index_filter.hpp"
#include "sitrep/query/index_snapshot.hpp"
#include "sitrep/query/snapshot_file.hpp"
#include "sitrep/store/importer.hpp"

namespace sitrep::query {
namespace {

model::Event event(const std::string& id, const std::string& day, const std::string& actor) {
  model::Event e;
  e.dataset = "test";
  e.native_id = id;
  e.date.start = e.date.end = model::parse_date(day).value();
  e.country = "AF";
  e.admin1 = "Nangarhar";
  e.admin2 = "Jalalabad";
  e.location = "Jalalabad";
  e.latitude = 34.4265;
  e.longitude = 70.4515;
  e.event_type = "Explosions/Remote violence";
  e.sub_event_type = "Remote explosive/landmine/IED";
  e.target = "civilians";
  e.actor1.original = e.actor1.canonical = actor;
  e.fatalities_best = 3;
  e.notes = "A bomb exploded near a mosque.";
  return e;
}

class IndexQuery : public ::testing::Test {
 protected:
  void import(const std::vector<model::Event>& events, const std::string& name = "events.jsonl") {
    testing::write_jsonl(dir_.file(name), events);
    auto report =
        store::import_files(*store_, {dir_.file(name)}, testing::bundled_vocabulary(), {});
    ASSERT_TRUE(report.ok()) << report.error();
  }

  void SetUp() override {
    auto store = store::SqliteStore::open(db_path());
    ASSERT_TRUE(store.ok()) << store.error();
    store_ = std::move(*store);
    model::Event month_only = event("M", "2022-04-01", "IS-KP");
    month_only.date.end = model::parse_date("2022-04-30").value();
    month_only.date.precision = model::DatePrecision::month;
    model::Event unknowns = event("U", "2022-04-18", "Taliban");
    unknowns.admin1.clear();
    unknowns.admin2.clear();
    unknowns.location.clear();
    unknowns.latitude.reset();
    unknowns.longitude.reset();
    unknowns.fatalities_best.reset();
    model::Event far = event("F", "2022-04-19", "TTP");
    far.country = "PK";
    far.admin1 = "Khyber Pakhtunkhwa";
    far.admin2 = "Peshawar";
    far.location = "Peshawar";
    far.latitude = 34.008;  // about 130 km east of Jalalabad
    far.longitude = 71.578;
    far.fatalities_best = 0;
    far.target = "police";
    model::Event assisted = event("A", "2022-04-25", "Unidentified armed group");
    assisted.assoc_actors1 = {{"IS-KP", "Islamic State Khorasan Province"}};
    model::Event ranged = event("D1", "2022-04-17", "IS-KP");
    ranged.fatalities_low = 2;
    ranged.fatalities_high = 5;
    import({ranged, event("D2", "2022-05-01", "IS-KP"), month_only, unknowns, far, assisted});
  }

  std::string db_path() const { return dir_.file("store.db"); }

  EventIndex build() {
    auto index = EventIndex::build(*store_);
    EXPECT_TRUE(index.ok()) << index.error();
    return std::move(*index);
  }

  std::vector<std::string> select(const EventIndex& index, const std::string& text) {
    auto filter = parse_filter(text);
    EXPECT_TRUE(filter.ok()) << filter.error();
    IdLookup lookup = lookup_in_store(*store_);
    auto rows = select_rows(index, *filter, testing::bundled_vocabulary(), lookup);
    EXPECT_TRUE(rows.ok()) << text << ": " << (rows.ok() ? "" : rows.error());
    std::vector<int64_t> ids;
    if (rows.ok()) rows->for_each([&](size_t r) { ids.push_back(index.event_id(r)); });
    std::vector<std::string> native;
    Status read = store_->for_each_event_by_id(ids, [&](const model::Event& e) {
      native.push_back(e.native_id);
      return true;
    });
    EXPECT_TRUE(read.ok());
    return native;
  }

  testing::ScratchDir dir_;
  std::unique_ptr<store::SqliteStore> store_;
};

using Ids = std::vector<std::string>;

TEST_F(IndexQuery, RowsAreInDateOrderAndEveryFieldIsReadBack) {
  EventIndex index = build();
  EXPECT_EQ(select(index, ""), (Ids{"M", "D1", "U", "F", "A", "D2"}));
  EXPECT_EQ(index.size(), 6u);
  EXPECT_EQ(model::format_iso(index.first_day()), "2022-04-01");
  EXPECT_EQ(model::format_iso(index.last_day()), "2022-05-01");
}

TEST_F(IndexQuery, FatalityRangesAreHeldBesideTheBestEstimate) {
  // Rows: M, D1, U, F, A, D2. D1 gave 2..5 around 3; U gave nothing; F gave a best of 0 only.
  auto check = [](const EventIndex& index) {
    EXPECT_EQ(index.fatalities(1), 3);
    EXPECT_EQ(index.fatalities_low(1), 2);
    EXPECT_EQ(index.fatalities_high(1), 5);
    EXPECT_EQ(index.fatalities(2), std::nullopt);
    EXPECT_EQ(index.fatalities_low(2), std::nullopt);
    EXPECT_EQ(index.fatalities(3), 0);
    EXPECT_EQ(index.fatalities_high(3), std::nullopt);
  };
  check(build());  // read from the store
  IndexEvents events;
  auto opened = open_event_index(*store_, db_path(), events);  // the import's snapshot
  ASSERT_TRUE(opened.ok()) << opened.error();
  check(**opened);
}

TEST_F(IndexQuery, EmptyResultsAndAnEmptyStore) {
  EventIndex index = build();
  EXPECT_TRUE(select(index, "country:IQ").empty());
  EXPECT_TRUE(select(index, "date:1999").empty());
  auto rows = Selection(index.size(), false);
  EXPECT_TRUE(aggregate(index, rows, {GroupKey::week}, {Measure::count}).groups.empty());

  testing::ScratchDir other;
  auto empty_store = store::SqliteStore::open(other.file("empty.db"));
  ASSERT_TRUE(empty_store.ok());
  auto empty = EventIndex::build(**empty_store);
  ASSERT_TRUE(empty.ok()) << empty.error();
  EXPECT_EQ(empty->size(), 0u);
  auto filter = parse_filter("actor:IS-KP date:2022");
  IdLookup none = [](const Condition&) {
    return Result<std::vector<int64_t>>(std::vector<int64_t>{});
  };
  auto selected = select_rows(*empty, *filter, testing::bundled_vocabulary(), none);
  ASSERT_TRUE(selected.ok()) << selected.error();
  EXPECT_EQ(selected->count(), 0u);
}

TEST_F(IndexQuery, OpenDateRangesIncludeTheirBound) {
  EventIndex index = build();
  EXPECT_EQ(select(index, "date:..2022-04-17"), (Ids{"M", "D1"}));
  EXPECT_EQ(select(index, "date:2022-04-25.."), (Ids{"A", "D2"}));
  EXPECT_EQ(select(index, "date:2022-05"), (Ids{"D2"}));
}

TEST_F(IndexQuery, AMonthPrecisionEventCountsOnItsFirstDayOnly) {
  EventIndex index = build();
  // "April 2022" starts on 1 April: outside a mid-month window, inside the month.
  EXPECT_EQ(select(index, "date:2022-04-10..2022-04-20"), (Ids{"D1", "U", "F"}));
  EXPECT_EQ(select(index, "date:2022-04-01..2022-04-05"), (Ids{"M"}));
  EXPECT_EQ(select(index, "date:2022-04").size(), 5u);
}

TEST_F(IndexQuery, NegationSelectsEventsWhoseFieldIsUnknown) {
  EventIndex index = build();
  EXPECT_EQ(select(index, "-admin1:nangarhar"), (Ids{"U", "F"}));  // NULL admin1 included
  EXPECT_EQ(select(index, "fatalities:<1"), (Ids{"F"}));           // NULL matches no comparison
  EXPECT_EQ(select(index, "-fatalities:>=1"), (Ids{"U", "F"}));
}

TEST_F(IndexQuery, NearMeasuresGreatCircleDistanceAndSkipsEventsWithoutCoordinates) {
  EventIndex index = build();
  EXPECT_EQ(select(index, "near:34.43,70.45/10km").size(), 4u);
  EXPECT_EQ(select(index, "near:34.43,70.45/150km").size(), 5u);
  EXPECT_EQ(select(index, "near:34.008,71.578/1km"), (Ids{"F"}));
  EXPECT_EQ(select(index, "-near:34.43,70.45/150km"), (Ids{"U"}));
}

TEST_F(IndexQuery, ActorFiltersIncludeSubActorsAndAssociatedActors) {
  EventIndex index = build();
  EXPECT_EQ(select(index, "actor:IS-KP"), (Ids{"M", "D1", "A", "D2"}));
  EXPECT_EQ(select(index, "actor:IS"), (Ids{"M", "D1", "A", "D2"}));  // IS-KP is a branch of IS
  EXPECT_EQ(select(index, "actor2:IS-KP"), Ids{});
  EXPECT_EQ(select(index, "actor:is-kp,ttp"), (Ids{"M", "D1", "F", "A", "D2"}));
}

TEST_F(IndexQuery, WordsAndIdsGoThroughTheStore) {
  EventIndex index = build();
  EXPECT_EQ(select(index, "mosque country:PK"), (Ids{"F"}));
  EXPECT_EQ(select(index, "native_id:d2,m"), (Ids{"M", "D2"}));
}

TEST_F(IndexQuery, GroupsCarryLabelsAndMeasures) {
  EventIndex index = build();
  Selection all(index.size(), true);
  Grouping weeks = aggregate(index, all, {GroupKey::week},
                             {Measure::count, Measure::fatalities, Measure::events_with_fatalities,
                              Measure::distinct_places});
  ASSERT_EQ(weeks.groups.size(), 4u);
  EXPECT_EQ(weeks.groups[0].labels, Ids{"2022-03-28"});  // 1 April 2022 was a Friday
  EXPECT_EQ(weeks.groups[1].labels, Ids{"2022-04-11"});  // Sunday 17 April: Monday the 11th
  EXPECT_EQ(weeks.groups[2].labels, Ids{"2022-04-18"});
  EXPECT_EQ(weeks.groups[2].values, (std::vector<int64_t>{2, 0, 0, 1}));  // U (unknowns) and F
  EXPECT_EQ(weeks.groups[3].values, (std::vector<int64_t>{2, 6, 2, 1}));  // A, D2: one place
  Grouping admin1 = aggregate(index, all, {GroupKey::admin1}, {Measure::count});
  ASSERT_EQ(admin1.groups.size(), 3u);
  EXPECT_EQ(admin1.groups[0].labels, (Ids{"AF", ""}));
  EXPECT_EQ(admin1.groups[1].labels, (Ids{"AF", "Nangarhar"}));
  EXPECT_EQ(admin1.groups[1].values[0], 4);
}

TEST_F(IndexQuery, ASnapshotReopensWithTheSameAnswers) {
  std::vector<std::string> reasons;
  IndexEvents events;
  events.rebuilding = [&](const std::string& reason, int64_t) { reasons.push_back(reason); };
  auto first = open_event_index(*store_, db_path(), events);
  ASSERT_TRUE(first.ok()) << first.error();
  EXPECT_EQ(reasons, Ids{"no snapshot yet"});
  auto second = open_event_index(*store_, db_path(), events);
  ASSERT_TRUE(second.ok()) << second.error();
  EXPECT_EQ(reasons.size(), 1u);  // current: opened, not rebuilt
  EXPECT_EQ(select(**second, "actor:IS-KP target:civilians"),
            select(**first, "actor:IS-KP target:civilians"));
}

// The snapshot's sections lie in the file in one fixed order, the format's: a change of layout
// is a change of format (a new kSnapshotFormatVersion), never the side effect of reordering the
// packer's code. Empty sections share their neighbour's offset, so only the others are compared.
TEST_F(IndexQuery, TheSnapshotLaysItsSectionsOutInTheFormatsOrder) {
  ASSERT_TRUE(open_event_index(*store_, db_path(), {}).ok());
  std::ifstream in(snapshot_path_for(db_path()), std::ios::binary);
  std::string image((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = parse_snapshot(image);
  ASSERT_TRUE(parsed.ok()) << parsed.error();
  std::map<const char*, std::string> by_offset;
  for (const auto& [name, section] : parsed->file.sections) {
    if (!section.bytes.empty()) by_offset.emplace(section.bytes.data(), name);
  }
  std::vector<std::string> laid_out;
  for (const auto& entry : by_offset) laid_out.push_back(entry.second);
  std::vector<std::string> format_order;
  for (const char* category : {"country", "admin1", "admin2", "location", "type", "subtype",
                               "target", "weapon", "actor", "claim", "dataset"}) {
    format_order.push_back(std::string("dict.") + category + ".off");
    format_order.push_back(std::string("dict.") + category + ".txt");
  }
  for (const char* name : {"places",
                           "col.day",
                           "col.event_id",
                           "col.country",
                           "col.admin1",
                           "col.admin2",
                           "col.type",
                           "col.subtype",
                           "col.target",
                           "col.weapon",
                           "col.actor1",
                           "col.actor2",
                           "col.claim",
                           "col.dataset",
                           "col.place",
                           "col.fatalities",
                           "col.fatalities_low",
                           "col.fatalities_high",
                           "coord.lat",
                           "coord.lon",
                           "coord.exact",
                           "assoc.1",
                           "assoc.2",
                           "zone.fat_max",
                           "zone.lat_min",
                           "zone.lat_max",
                           "grid.cells",
                           "grid.starts",
                           "grid.rows",
                           "info"}) {
    format_order.push_back(name);
  }
  std::erase_if(format_order, [&](const std::string& name) {
    auto section = parsed->file.sections.find(name);
    return section == parsed->file.sections.end() || section->second.bytes.empty();
  });
  EXPECT_EQ(laid_out, format_order);
}

TEST_F(IndexQuery, AnImportMakesTheSnapshotStale) {
  std::vector<std::string> reasons;
  IndexEvents events;
  events.rebuilding = [&](const std::string& reason, int64_t) { reasons.push_back(reason); };
  ASSERT_TRUE(open_event_index(*store_, db_path(), events).ok());
  import({event("N", "2022-06-01", "IS-KP")}, "more.jsonl");
  auto reopened = open_event_index(*store_, db_path(), events);
  ASSERT_TRUE(reopened.ok());
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[1], "the store changed since");
  EXPECT_EQ((*reopened)->size(), 7u);
  // Re-importing the same file changes nothing, so the snapshot stays current.
  import({event("N", "2022-06-01", "IS-KP")}, "more.jsonl");
  ASSERT_TRUE(open_event_index(*store_, db_path(), events).ok());
  EXPECT_EQ(reasons.size(), 2u);
}

TEST_F(IndexQuery, ACorruptOrTruncatedSnapshotIsRebuiltNeverTrusted) {
  ASSERT_TRUE(open_event_index(*store_, db_path()).ok());
  std::string path = snapshot_path_for(db_path());
  auto size = std::filesystem::file_size(path);
  auto scribble = [&](size_t from, size_t to) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(from));
    for (size_t i = from; i < to; ++i) f.put('\x5a');
  };
  scribble(1024, size);  // the sections' bytes

  auto corrupt = EventIndex::open_snapshot(path);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.error().find("checksum mismatch"), std::string::npos) << corrupt.error();
  std::vector<std::string> reasons;
  IndexEvents events;
  events.rebuilding = [&](const std::string& reason, int64_t) { reasons.push_back(reason); };
  auto rebuilt = open_event_index(*store_, db_path(), events);
  ASSERT_TRUE(rebuilt.ok());
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_NE(reasons[0].find("checksum mismatch"), std::string::npos);
  EXPECT_TRUE(EventIndex::open_snapshot(path).ok());  // and written again
  scribble(200, 201);                                 // the section table
  auto bad_table = EventIndex::open_snapshot(path);
  ASSERT_FALSE(bad_table.ok());
  EXPECT_NE(bad_table.error().find("header checksum mismatch"), std::string::npos);
  ASSERT_TRUE(open_event_index(*store_, db_path()).ok());
  size = std::filesystem::file_size(path);

  std::filesystem::resize_file(path, size - 1);
  auto truncated = EventIndex::open_snapshot(path);
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.error().find("truncated"), std::string::npos) << truncated.error();
  std::filesystem::resize_file(path, 10);
  EXPECT_FALSE(EventIndex::open_snapshot(path).ok());
}

TEST_F(IndexQuery, ASnapshotOfAnotherStoreIsNotUsed) {
  ASSERT_TRUE(open_event_index(*store_, db_path()).ok());
  testing::ScratchDir other;
  auto other_store = store::SqliteStore::open(other.file("other.db"));
  ASSERT_TRUE(other_store.ok());
  std::filesystem::copy_file(snapshot_path_for(db_path()),
                             snapshot_path_for(other.file("other.db")));
  std::vector<std::string> reasons;
  IndexEvents events;
  events.rebuilding = [&](const std::string& reason, int64_t) { reasons.push_back(reason); };
  auto index = open_event_index(**other_store, other.file("other.db"), events);
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(reasons, Ids{"the snapshot is of another store"});
  EXPECT_EQ((*index)->size(), 0u);
}

// Counts and fatality sums of one key may share a machine word per group while they are summed
// (see aggregation.cpp); they must stay exact over many rows of values just under 2^24, whole
// words of the selection and scattered rows alike. Jalalabad's sum passes 2^40 in each of the
// four copies of its accumulator that a scan of one thread keeps.
TEST(IndexAggregation, LargeFatalitySumsStayExactOverManyRows) {
  const std::array<std::array<std::string, 2>, 3> places = {
      {{"Nangarhar", "Jalalabad"}, {"Nangarhar", "Behsud"}, {"Kunar", "Asadabad"}}};
  EventIndexBuilder builder;
  std::map<std::vector<std::string>, std::array<int64_t, 2>> all_rows, odd_rows;
  const int kEvents = 480000;
  for (int i = 0; i < kEvents; ++i) {
    model::Event e = event(std::to_string(i), "2022-04-17", "IS-KP");
    e.id = i + 1;
    size_t place = i % 8 < 6 ? 0 : i % 8 - 5;
    e.admin1 = places[place][0];
    e.admin2 = places[place][1];
    if (i % 10 == 0) {
      e.fatalities_best.reset();
    } else {
      e.fatalities_best = i % 10 == 1 ? 0 : (int64_t{1} << 24) - 1 - i % 7;
    }
    builder.add(e);
    for (auto* expected : {&all_rows, &odd_rows}) {
      if (expected == &odd_rows && i % 2 == 0) continue;
      auto& sums = (*expected)[{"AF", e.admin1, e.admin2}];
      sums[0] += 1;
      sums[1] += e.fatalities_best.value_or(0);
    }
  }
  auto index = builder.finish({});
  ASSERT_TRUE(index.ok()) << index.error();
  Selection all(index->size(), true), odd(index->size(), false);
  for (size_t r = 1; r < index->size(); r += 2) odd.set(r);
  for (auto [selection, expected] : {std::pair{&all, &all_rows}, std::pair{&odd, &odd_rows}}) {
    Grouping g =
        aggregate(*index, *selection, {GroupKey::admin2}, {Measure::count, Measure::fatalities});
    ASSERT_EQ(g.groups.size(), expected->size());
    for (const Group& group : g.groups) {
      auto want = expected->at(group.labels);
      EXPECT_EQ(group.values, (std::vector<int64_t>{want[0], want[1]})) << group.labels[2];
    }
  }
}

// A key read through a table too large to sum per raw code (months over 2,000 days: the day
// column mapped to months row by row) takes the same packed count-and-sum path, whole words of
// the selection and scattered rows alike.
TEST(IndexAggregation, FatalitySumsByMonthOverYearsAreExact) {
  EventIndexBuilder builder;
  std::map<std::string, std::array<int64_t, 2>> all_rows, odd_rows;
  const model::Day first = model::to_day({2018, 1, 1});
  const int kEvents = 20000;
  for (int i = 0; i < kEvents; ++i) {
    const model::Day day = first + (i * 7919) % 2000;
    model::Event e = event(std::to_string(i), model::format_iso(day), "IS-KP");
    e.id = i + 1;
    if (i % 9 == 0) {
      e.fatalities_best.reset();
    } else {
      e.fatalities_best = i % 37;
    }
    builder.add(e);
    const std::string month = model::format_iso(day).substr(0, 7);
    for (auto* expected : {&all_rows, &odd_rows}) {
      if (expected == &odd_rows && i % 2 == 0) continue;
      (*expected)[month][0] += 1;
      (*expected)[month][1] += e.fatalities_best.value_or(0);
    }
  }
  auto index = builder.finish({});
  ASSERT_TRUE(index.ok()) << index.error();
  Selection all(index->size(), true), odd(index->size(), false);
  for (size_t r = 0; r < index->size(); ++r) {
    if ((index->event_id(r) - 1) % 2 == 1) odd.set(r);  // rows are in date order: by event
  }
  for (auto [selection, expected] : {std::pair{&all, &all_rows}, std::pair{&odd, &odd_rows}}) {
    Grouping g =
        aggregate(*index, *selection, {GroupKey::month}, {Measure::count, Measure::fatalities});
    ASSERT_EQ(g.groups.size(), expected->size());
    for (const Group& group : g.groups) {
      auto want = expected->at(group.labels[0]);
      EXPECT_EQ(group.values, (std::vector<int64_t>{want[0], want[1]})) << group.labels[0];
    }
  }
}

}  // namespace
}  // namespace sitrep::query
