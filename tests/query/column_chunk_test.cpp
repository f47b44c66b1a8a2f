// Column chunks: the codec gives back what it was given and refuses damaged blobs; a rebuild
// from a store's chunks is byte for byte the rebuild from its rows, after revisions, deletions
// and damage, and it really reads the chunks (not the rows) where they hold the events; a chunk
// many of whose events changed is written again by the next import.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/io/event_writer.hpp"
#include "sitrep/query/column_chunk_writer.hpp"
#include "sitrep/query/detail/column_chunk.hpp"
#include "sitrep/query/event_index.hpp"
#include "sitrep/store/importer.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::query {
namespace {

using detail::Part;

model::Event event(int n) {
  model::Event e;
  e.id = 1000 + n;
  e.dataset = "test";
  e.native_id = "E" + std::to_string(n);
  e.date.start = e.date.end = model::parse_date("2022-04-01").value() + n % 40;
  e.country = n % 3 ? "AF" : "PK";
  e.admin1 = n % 2 ? "Nangarhar" : "Kunar";
  e.location = "Place " + std::to_string(n % 7);
  if (n % 5) {
    e.latitude = 34.4265 + n * 1e-4;
    e.longitude = 70.4515 + (n % 9 == 0 ? 1.23456789012 : 0.0);  // some need the exact copy
  }
  e.event_type = "Battles";
  e.actor1.original = e.actor1.canonical = n % 4 ? "Taliban" : "IS-KP";
  if (n % 6 == 0) e.assoc_actors1 = {{"TTP", "TTP"}, {"Lashkar", "Lashkar"}};
  if (n % 2) e.fatalities_best = n * 1000003;  // wide values: eight-byte column
  if (n % 3 == 0) e.fatalities_low = 0;
  return e;
}

Part part_of_events(int n) {
  Part part;
  std::array<detail::Interner::Recent, detail::kStringFields.size()> recent;
  for (int i = 0; i < n; ++i) detail::add_event(part, recent, event(i));
  return part;
}

std::vector<std::string> values_of(const detail::Interner& interner) {
  std::vector<std::string> out;
  for (uint32_t code = 1; code <= interner.size(); ++code) out.push_back(interner.value(code));
  return out;
}

TEST(ColumnChunk, DecodesToThePartItEncoded) {
  Part part = part_of_events(300);
  auto decoded = detail::decode_chunk(detail::encode_chunk(part));
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  const detail::RawEvents &a = part.raw, &b = decoded->raw;
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.day, b.day);
  EXPECT_EQ(a.latitude, b.latitude);
  EXPECT_EQ(a.longitude, b.longitude);
  EXPECT_EQ(a.fatalities, b.fatalities);
  EXPECT_EQ(a.fatalities_low, b.fatalities_low);
  EXPECT_EQ(a.fatalities_high, b.fatalities_high);
  EXPECT_EQ(a.codes, b.codes);
  ASSERT_EQ(a.exact.size(), b.exact.size());
  ASSERT_FALSE(a.exact.empty());
  EXPECT_EQ(a.exact.back().longitude, b.exact.back().longitude);
  ASSERT_EQ(a.assoc1.size(), b.assoc1.size());
  EXPECT_EQ(a.assoc1.back().actor, b.assoc1.back().actor);
  for (size_t c = 0; c < part.interners.size(); ++c) {
    EXPECT_EQ(values_of(part.interners[c]), values_of(decoded->interners[c]));
  }
}

TEST(ColumnChunk, RefusesATruncatedOrAlteredBlob) {
  std::string blob = detail::encode_chunk(part_of_events(50));
  EXPECT_FALSE(detail::decode_chunk(blob.substr(0, blob.size() - 1)).ok());
  EXPECT_FALSE(detail::decode_chunk(blob + "x").ok());
  EXPECT_FALSE(detail::decode_chunk("").ok());
  std::string renamed = blob;  // a value changed in place: well-formed, but not what was written
  size_t at = renamed.find("Nangarhar");
  ASSERT_NE(at, std::string::npos);
  renamed[at] = 'M';
  EXPECT_FALSE(detail::decode_chunk(renamed).ok());
  std::string huge_count = blob;
  huge_count[3] = '\x7f';  // the event count
  EXPECT_FALSE(detail::decode_chunk(huge_count).ok());
}

// A store filled through import_files with the chunk writer wired as `sitrep import` wires it.
class ChunkedStore : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::SqliteStore::open(dir_.file("store.db"));
    ASSERT_TRUE(store.ok()) << store.error();
    store_ = std::move(*store);
  }

  void import(const std::vector<model::Event>& events, const std::string& name) {
    testing::write_jsonl(dir_.file(name), events);
    ColumnChunkWriter chunks(*store_, chunk_events_);
    store::ImportOptions options;
    options.on_inserted = [&](const model::Event& e) { chunks.add(e); };
    options.before_commit = [&] { return chunks.finish(); };
    auto report =
        store::import_files(*store_, {dir_.file(name)}, testing::bundled_vocabulary(), options);
    ASSERT_TRUE(report.ok()) << report.error();
  }

  std::string image(bool read_chunks) {
    auto index = EventIndex::build(*store_, {.parallel_from = 0, .read_chunks = read_chunks});
    EXPECT_TRUE(index.ok()) << index.error();
    if (!index.ok()) return "";
    std::string path = dir_.file("index");
    EXPECT_TRUE(index->save_snapshot(path).ok());
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }

  int64_t count(const std::string& sql) {
    auto stmt = store::Statement::prepare(store_->handle(), sql);
    EXPECT_TRUE(stmt.ok());
    auto row = stmt->step();
    EXPECT_TRUE(row.ok() && *row);
    return stmt->column_int(0);
  }

  void exec(const std::string& sql) { ASSERT_TRUE(store::exec(store_->handle(), sql).ok()); }

  // A rebuild reads all `events` from the chunks, none from rows, and gives the rows' index.
  void expect_every_event_from_chunks(int64_t events) {
    BuildReport report;
    ASSERT_TRUE(EventIndex::build(*store_, {}, &report).ok());
    EXPECT_EQ(report.from_chunks, events);
    EXPECT_EQ(report.from_rows, 0);
    EXPECT_EQ(image(true), image(false));
  }

  std::vector<model::Event> events(int from, int to) {
    std::vector<model::Event> out;
    for (int i = from; i < to; ++i) out.push_back(event(i));
    return out;
  }

  testing::ScratchDir dir_;
  std::unique_ptr<store::SqliteStore> store_;
  uint32_t chunk_events_ = 65536;
};

TEST_F(ChunkedStore, AnImportWritesChunksOfItsInsertedEvents) {
  import(events(0, 200), "first.jsonl");
  import(events(150, 260), "second.jsonl");  // 50 revisions (unchanged ones write nothing)
  EXPECT_EQ(count("SELECT count(*) FROM event_columns"), 2);
  EXPECT_EQ(count("SELECT sum(last_id - first_id + 1) FROM event_columns"), 260);
}

TEST_F(ChunkedStore, ChangedAndDeletedEventsAreMarkedStaleByTheStore) {
  import(events(0, 100), "first.jsonl");
  EXPECT_EQ(count("SELECT count(*) FROM event_columns_stale"), 0);
  exec("UPDATE events SET fatalities_best = 99 WHERE native_id = 'E7'");
  exec("DELETE FROM events WHERE native_id = 'E8'");
  EXPECT_EQ(count("SELECT count(*) FROM event_columns_stale"), 2);
}

TEST_F(ChunkedStore, RebuildFromChunksIsTheRebuildFromRows) {
  import(events(0, 400), "first.jsonl");
  std::vector<model::Event> revised = events(100, 120);
  for (model::Event& e : revised) e.admin1 = "Khost";
  import(revised, "revised.jsonl");
  import(events(400, 450), "more.jsonl");
  exec("UPDATE events SET admin2 = 'Shinwar' WHERE native_id IN ('E3', 'E410')");
  exec("DELETE FROM events WHERE native_id IN ('E5', 'E449')");
  ASSERT_GT(count("SELECT count(*) FROM event_columns"), 0);
  std::string from_rows = image(false);
  ASSERT_FALSE(from_rows.empty());
  EXPECT_EQ(image(true), from_rows);
}

TEST_F(ChunkedStore, ManySmallChunksReadOnTwoThreadsGiveTheRebuildFromRows) {
  chunk_events_ = 16;
  import(events(0, 500), "first.jsonl");
  import(events(500, 530), "second.jsonl");
  EXPECT_EQ(count("SELECT count(*) FROM event_columns"), 32 + 2);
  exec("UPDATE events SET target = 'police' WHERE native_id IN ('E17', 'E300', 'E521')");
  std::string from_rows = image(false);
  EXPECT_EQ(image(true), from_rows);
}

TEST_F(ChunkedStore, ValuesNoRowUsesAnyMoreLeaveTheDictionaries) {
  std::vector<model::Event> first = events(0, 60);
  first[10].admin2 = "Only Here";      // revised away below
  first[20].weapon = "Unique Weapon";  // its event deleted below
  first[30].assoc_actors1 = {{"Lone Ally", "Lone Ally"}};
  import(first, "first.jsonl");
  std::vector<model::Event> revised = {event(10), event(30)};
  import(revised, "revised.jsonl");
  exec("DELETE FROM events WHERE native_id = 'E20'");
  std::string from_rows = image(false);
  ASSERT_EQ(from_rows.find("Only Here"), std::string::npos);
  ASSERT_EQ(from_rows.find("Lone Ally"), std::string::npos);
  EXPECT_EQ(image(true), from_rows);
}

TEST_F(ChunkedStore, AnAssociatedActorNameHoldingTheSeparatorIsSplitAsItsRowIs) {
  std::vector<model::Event> first = events(0, 10);
  first[4].assoc_actors2 = {{"Side A; Side B", "Side A; Side B"}};
  import(first, "first.jsonl");
  EXPECT_EQ(image(true), image(false));
}

TEST_F(ChunkedStore, IdsSqliteGivesOutAgainAfterADeleteGetAChunkOfTheirOwn) {
  import(events(0, 100), "first.jsonl");
  // The largest ids deleted: SQLite numbers the next events from the largest id left.
  exec("DELETE FROM events WHERE native_id IN ('E97', 'E98', 'E99')");
  import(events(100, 110), "second.jsonl");
  EXPECT_EQ(count("SELECT count(*) FROM event_columns"), 1);
  EXPECT_EQ(count("SELECT min(first_id) FROM event_columns"), 98);
  EXPECT_EQ(image(true), image(false));
}

TEST_F(ChunkedStore, ADamagedChunkIsReadFromItsRowsInstead) {
  import(events(0, 100), "first.jsonl");
  import(events(100, 200), "second.jsonl");
  exec(
      "UPDATE event_columns SET data = x'00ff' WHERE first_id = "
      "(SELECT min(first_id) FROM event_columns)");
  exec(
      "UPDATE event_columns SET layout = 99 WHERE first_id = "
      "(SELECT max(first_id) FROM event_columns)");
  EXPECT_EQ(image(true), image(false));
}

TEST_F(ChunkedStore, ARebuildReadsTheChunksWhereTheyHoldTheEvents) {
  import(events(0, 100), "first.jsonl");
  // Change a row behind the triggers' back: a rebuild that reads the chunk still sees the
  // imported value, one that reads the rows sees the new one.
  exec("DROP TRIGGER events_updated_stale_columns");
  exec("UPDATE events SET country = 'TJ' WHERE native_id = 'E1'");
  BuildReport report;
  auto from_chunks = EventIndex::build(*store_, {}, &report);
  EXPECT_EQ(report.from_chunks, 100);
  EXPECT_EQ(report.from_rows, 0);
  auto from_rows = EventIndex::build(*store_, {.read_chunks = false}, &report);
  EXPECT_EQ(report.from_rows, 100);
  ASSERT_TRUE(from_chunks.ok() && from_rows.ok());
  EXPECT_EQ(from_chunks->dictionary(Category::country).find("TJ"), 0u);
  EXPECT_NE(from_rows->dictionary(Category::country).find("TJ"), 0u);
}

// The events of [from, to) with a changed province: a revision each when imported again.
std::vector<model::Event> revisions(int from, int to) {
  std::vector<model::Event> out;
  for (int i = from; i < to; ++i) {
    out.push_back(event(i));
    out.back().admin1 = "Khost";
  }
  return out;
}

TEST_F(ChunkedStore, AChunkAnEighthOfWhoseEventsChangedIsWrittenAgainByTheNextImport) {
  import(events(0, 80), "first.jsonl");
  import(revisions(0, 9), "nine.jsonl");  // 9 of 80: below an eighth, the chunk stays
  EXPECT_EQ(count("SELECT count(*) FROM event_columns_stale"), 9);
  import(revisions(9, 10), "tenth.jsonl");  // 10 of 80: written again from the rows
  EXPECT_EQ(count("SELECT count(*) FROM event_columns_stale"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM event_columns"), 1);
  expect_every_event_from_chunks(80);
}

TEST_F(ChunkedStore, AChunkWrittenAgainAroundDeletedEventsBecomesOneChunkPerRun) {
  import(events(0, 160), "first.jsonl");
  exec("DELETE FROM events WHERE native_id IN ('E40', 'E100', 'E101')");
  exec("UPDATE events SET admin2 = 'Shinwar' WHERE native_id IN ('E1', 'E2', 'E3', 'E4')");
  import(revisions(120, 133), "revised.jsonl");  // 20 of 160 changed: runs of 40, 59 and 58
  EXPECT_EQ(count("SELECT count(*) FROM event_columns_stale"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM event_columns"), 3);
  EXPECT_EQ(count("SELECT sum(last_id - first_id + 1) FROM event_columns"), 157);
  expect_every_event_from_chunks(157);
}

TEST_F(ChunkedStore, RunsTooShortForAChunkOfTheirOwnAreReadFromTheirRows) {
  import(events(0, 200), "first.jsonl");
  std::string deleted;
  for (int n = 0; n < 140; n += 2) {
    deleted += (deleted.empty() ? "'E" : ", 'E") + std::to_string(n) + "'";
  }
  exec("DELETE FROM events WHERE native_id IN (" + deleted + ")");
  // 70 of 200 gone: the chunk is written again, as a chunk of E139-E199 only (the 69 single
  // ids left before them are too short for chunks of their own).
  import(events(200, 210), "more.jsonl");
  EXPECT_EQ(count("SELECT count(*) FROM event_columns_stale"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM event_columns"), 2);
  BuildReport report;
  ASSERT_TRUE(EventIndex::build(*store_, {}, &report).ok());
  EXPECT_EQ(report.from_chunks, 61 + 10);
  EXPECT_EQ(report.from_rows, 69);
  EXPECT_EQ(image(true), image(false));
}

TEST_F(ChunkedStore, OnlyTheChunkPastAnEighthIsWrittenAgain) {
  chunk_events_ = 40;
  import(events(0, 80), "first.jsonl");                            // two chunks of 40
  std::vector<model::Event> changed = revisions(0, 5);             // 5 of the first 40: an eighth
  for (model::Event& e : revisions(40, 42)) changed.push_back(e);  // 2 of the second 40
  import(changed, "changed.jsonl");
  EXPECT_EQ(count("SELECT count(*) FROM event_columns"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM event_columns_stale s JOIN events e ON e.id = s.id "
                  "WHERE e.native_id IN ('E40', 'E41')"),
            2);
  EXPECT_EQ(count("SELECT count(*) FROM event_columns_stale"), 2);
  BuildReport report;
  ASSERT_TRUE(EventIndex::build(*store_, {}, &report).ok());
  EXPECT_EQ(report.from_chunks, 78);
  EXPECT_EQ(report.from_rows, 2);
  EXPECT_EQ(image(true), image(false));
}

}  // namespace
}  // namespace sitrep::query
