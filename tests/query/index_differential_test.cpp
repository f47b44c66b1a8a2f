// The columnar index returns exactly what the SQL path returns: hundreds of random filters and
// group-bys over one store holding synthetic events and every real-format fixture (NULLs,
// associated actors, month-precision dates, odd coordinates), through both engines.
#include <fstream>
#include <map>
#include <random>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/io/event_writer.hpp"
#include "sitrep/query/aggregation.hpp"
#include "sitrep/query/index_filter.hpp"
#include "sitrep/query/sql_aggregation.hpp"
#include "sitrep/store/importer.hpp"
#include "sitrep/synth/generator.hpp"

namespace sitrep::query {
namespace {

// One store and its index for every test here: building them is the expensive part.
struct Shared {
  testing::ScratchDir dir;
  std::unique_ptr<store::SqliteStore> store;
  std::unique_ptr<EventIndex> index;
};

Shared& shared() {
  static Shared* s = [] {
    auto* s = new Shared();
    const auto& vocabulary = testing::bundled_vocabulary();
    auto scenario = synth::Scenario::load(SITREP_SOURCE_DATA_DIR);
    if (!scenario) throw std::runtime_error(scenario.error());
    synth::SynthOptions options;
    options.events = 20000;
    options.seed = 11;
    options.start = model::to_day({2021, 1, 1});
    options.days = 400;
    synth::Generator generator(*scenario, options);
    std::ofstream out(s->dir.file("synth.jsonl"));
    auto writer = io::make_event_writer(io::OutputFormat::jsonl, out);
    writer->begin();
    model::Event e;
    while (generator.next(e)) writer->write(e);
    writer->end();
    out.close();
    auto store = store::SqliteStore::open(s->dir.file("store.db"));
    if (!store) throw std::runtime_error(store.error());
    s->store = std::move(*store);
    std::vector<std::string> files = {
        s->dir.file("synth.jsonl"),
        testing::fixture("acled-export.csv"),
        testing::fixture("acled-api.csv"),
        testing::fixture("ucdp-ged-full.csv"),
        testing::fixture("gtd-full.csv"),
        std::string(SITREP_SOURCE_DATA_DIR) + "/sample/ucdp-ged-afghanistan-2020.csv"};
    for (const std::string& f : files) {
      auto report = store::import_files(*s->store, {f}, vocabulary, {});
      if (!report) throw std::runtime_error(f + ": " + report.error());
    }
    // Read by two threads (as a large store is), so that merging their dictionaries is tested.
    auto index = EventIndex::build(*s->store, {.parallel_from = 0});
    if (!index) throw std::runtime_error(index.error());
    s->index = std::make_unique<EventIndex>(std::move(*index));
    return s;
  }();
  return *s;
}

std::vector<std::string> distinct(const std::string& column, int limit = 200) {
  std::vector<std::string> out;
  auto stmt = store::Statement::prepare(
      shared().store->handle(),
      fmt::format("SELECT DISTINCT {0} FROM events WHERE {0} IS NOT NULL ORDER BY {0} LIMIT {1}",
                  column, limit));
  EXPECT_TRUE(stmt.ok());
  while (stmt->step().value()) out.emplace_back(stmt->column_text(0));
  return out;
}

std::vector<std::pair<double, double>> coordinates() {
  std::vector<std::pair<double, double>> out;
  auto stmt = store::Statement::prepare(
      shared().store->handle(),
      "SELECT DISTINCT latitude, longitude FROM events WHERE latitude IS NOT NULL LIMIT 300");
  while (stmt->step().value()) out.emplace_back(stmt->column_double(0), stmt->column_double(1));
  return out;
}

std::vector<int64_t> sql_ids(const std::string& text) {
  auto where = compile_filter(text, testing::bundled_vocabulary());
  EXPECT_TRUE(where.ok()) << text << ": " << where.error();
  if (!where.ok()) return {};
  auto ids = shared().store->event_ids(*where);
  EXPECT_TRUE(ids.ok()) << ids.error();
  return ids.ok() ? *ids : std::vector<int64_t>{};
}

Result<Selection> index_rows(const std::string& text) {
  auto filter = parse_filter(text);
  if (!filter) return std::move(filter).take_error();
  IdLookup lookup = lookup_in_store(*shared().store);
  return select_rows(*shared().index, *filter, testing::bundled_vocabulary(), lookup);
}

std::vector<int64_t> index_ids(const Selection& rows) {
  std::vector<int64_t> ids;
  rows.for_each([&](size_t row) { ids.push_back(shared().index->event_id(row)); });
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Random filters drawn from the store's own values, with case changes, lists and negations.
class FilterGenerator {
 public:
  explicit FilterGenerator(uint64_t seed) : rng_(seed) {
    auto quote = [](std::vector<std::string> v) {
      for (std::string& s : v) s = "\"" + s + "\"";
      return v;
    };
    pools_["actor"] = quote(distinct("actor1", 60));
    for (const char* a : {"IS-KP", "IS", "TTP", "Taliban", "ISKP"}) pools_["actor"].push_back(a);
    pools_["actor2"] = quote(distinct("actor2", 40));
    pools_["country"] = {"AF", "PK", "TJ", "UZ", "IN", "Afghanistan", "NG", "IQ"};
    pools_["admin1"] = quote(distinct("admin1", 60));
    pools_["admin2"] = quote(distinct("admin2", 60));
    pools_["location"] = quote(distinct("location", 60));
    pools_["type"] = quote(distinct("event_type"));
    pools_["subtype"] = quote(distinct("sub_event_type"));
    pools_["target"] = {"civilians", "military", "police", "government", "religious"};
    pools_["weapon"] = {"explosives", "firearms", "ied", "suicide", "artillery"};
    pools_["claimed"] = {"yes", "no", "unclaimed", "denied", "unknown", "disputed"};
    pools_["dataset"] = quote(distinct("dataset"));
    pools_["native_id"] = quote(distinct("native_id", 40));
    pools_[""] = {"mosque", "checkpoint",     "IED", "killed", "\"the group claimed\"",
                  "Kabul",  "nonexistentword"};
    places_ = coordinates();
    filter_validity();
  }

  std::string next() {
    std::string text;
    int terms = pick(1, 4);
    for (int i = 0; i < terms; ++i) {
      if (!text.empty()) text += ' ';
      if (pick(0, 3) == 0) text += '-';
      text += term();
    }
    return text;
  }

 private:
  // Taxonomy codes this vocabulary does not know would be errors on both paths: drop them.
  void filter_validity() {
    for (const char* field : {"target", "weapon"}) {
      auto& pool = pools_[field];
      std::erase_if(pool, [&](const std::string& v) {
        return !compile_filter(std::string(field) + ":" + v, testing::bundled_vocabulary()).ok();
      });
    }
  }

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  std::string any(const std::vector<std::string>& pool, bool vary_case = true) {
    std::string v = pool[static_cast<size_t>(pick(0, static_cast<int>(pool.size()) - 1))];
    if (vary_case && pick(0, 4) == 0) {  // NOCASE: the same value in another case
      for (char& c : v) c = static_cast<char>(pick(0, 1) ? std::toupper(c) : std::tolower(c));
    }
    return v;
  }

  std::string list(const std::string& field) {
    bool vary_case = field != "claimed";  // claim statuses are keywords, not data
    std::string v = any(pools_[field], vary_case);
    if (pick(0, 3) == 0) v += "," + any(pools_[field], vary_case);
    return v;
  }

  std::string date() {
    auto day = [&] { return model::format_iso(model::to_day({2020, 1, 1}) + pick(0, 900)); };
    switch (pick(0, 4)) {
      case 0:
        return "date:" + day() + ".." + day();
      case 1:
        return "date:.." + day();
      case 2:
        return "date:" + day() + "..";
      case 3:
        return fmt::format("date:2021-{:02}", pick(1, 12));
      default:
        return "date:" + day() + ".." + day() + "," + day() + ".." + day();
    }
  }

  std::string term() {
    static const std::vector<std::string> fields = {
        "actor", "actor1",  "actor2", "country",    "admin1",  "admin2",  "location",
        "type",  "subtype", "target", "weapon",     "claimed", "dataset", "native_id",
        "",      "date",    "date",   "fatalities", "near",    "id"};
    const std::string& f =
        fields[static_cast<size_t>(pick(0, static_cast<int>(fields.size()) - 1))];
    if (f == "date") return date();
    if (f == "fatalities") {
      static const std::vector<std::string> ops = {"", ">=", ">", "<=", "<"};
      std::string v = ops[static_cast<size_t>(pick(0, 4))] + std::to_string(pick(0, 12));
      if (pick(0, 4) == 0) v = fmt::format("{}..{}", pick(0, 3), pick(2, 40));
      return "fatalities:" + v;
    }
    if (f == "near") {
      auto [lat, lon] = places_[static_cast<size_t>(pick(0, static_cast<int>(places_.size()) - 1))];
      return fmt::format("near:{:.4f},{:.4f}/{}km", lat + pick(-50, 50) / 100.0,
                         lon + pick(-50, 50) / 100.0, pick(1, 120));
    }
    if (f == "id")
      return fmt::format("id:{},{},{}", pick(1, 25000), pick(1, 25000), pick(1, 25000));
    if (f.empty()) return any(pools_[""]);
    const std::string& pool = f == "actor1" ? "actor" : f;
    return f + ":" + list(pool);
  }

  std::mt19937_64 rng_;
  std::map<std::string, std::vector<std::string>> pools_;
  std::vector<std::pair<double, double>> places_;
};

using GroupValues = std::map<std::vector<std::string>, std::vector<int64_t>>;

GroupValues sql_groups(const std::string& text, const std::vector<GroupKey>& keys,
                       const std::vector<Measure>& measures) {
  auto where = compile_filter(text, testing::bundled_vocabulary());
  EXPECT_TRUE(where.ok());
  auto g = aggregate_sql(*shared().store, *where, keys, measures);
  EXPECT_TRUE(g.ok()) << g.error();
  GroupValues out;
  for (const Group& group : g->groups) {
    if (group.values[0] > 0) out[group.labels] = group.values;
  }
  return out;
}

GroupValues index_groups(const Selection& rows, const std::vector<GroupKey>& keys,
                         const std::vector<Measure>& measures) {
  Grouping g = aggregate(*shared().index, rows, keys, measures);
  GroupValues out;
  for (const Group& group : g.groups) out[group.labels] = group.values;
  return out;
}

TEST(IndexDifferential, HundredsOfRandomFiltersSelectExactlyWhatSqlSelects) {
  FilterGenerator generator(20261129);
  int nonempty = 0, errors = 0;
  for (int i = 0; i < 400; ++i) {
    std::string text = generator.next();
    auto rows = index_rows(text);
    ASSERT_TRUE(rows.ok()) << text << ": " << rows.error();
    std::vector<int64_t> expected = sql_ids(text);
    ASSERT_EQ(index_ids(*rows), expected) << "filter: " << text;
    nonempty += !expected.empty();
  }
  // The generator must exercise real selections, not a wall of empty results.
  EXPECT_GT(nonempty, 150);
  EXPECT_EQ(errors, 0);
}

TEST(IndexDifferential, RandomGroupBysAndMeasuresAgreeWithSqlGroupBy) {
  FilterGenerator generator(7);
  std::mt19937_64 rng(3);
  const std::vector<GroupKey> all = {
      GroupKey::day,     GroupKey::week,   GroupKey::month,   GroupKey::year,
      GroupKey::country, GroupKey::admin1, GroupKey::admin2,  GroupKey::location,
      GroupKey::actor,   GroupKey::actor2, GroupKey::type,    GroupKey::subtype,
      GroupKey::target,  GroupKey::weapon, GroupKey::claimed, GroupKey::dataset};
  for (int i = 0; i < 200; ++i) {
    std::string text = i % 5 == 0 ? "" : generator.next();
    std::vector<GroupKey> keys;
    size_t n = rng() % 3;  // none (a total), one or two keys
    for (size_t k = 0; k < n; ++k) keys.push_back(all[rng() % all.size()]);
    auto rows = index_rows(text);
    ASSERT_TRUE(rows.ok()) << text << ": " << rows.error();
    // Count first (it tells empty groups apart), then a random subset of the other measures:
    // each subset takes its own aggregation path.
    std::vector<Measure> measures = {Measure::count};
    for (Measure m :
         {Measure::fatalities, Measure::events_with_fatalities, Measure::distinct_places}) {
      if (rng() % 2) measures.push_back(m);
    }
    GroupValues expected = sql_groups(text, keys, measures);
    GroupValues actual = index_groups(*rows, keys, measures);
    const std::vector<int64_t> zeros(measures.size(), 0);
    if (keys.empty() && expected.empty()) expected[{}] = zeros;
    if (keys.empty() && actual.empty()) actual[{}] = zeros;
    ASSERT_EQ(actual, expected) << "filter: " << text << " keys: " << keys.size();
  }
}

TEST(IndexDifferential, AnUnknownActorIsAnErrorNamingCloseMatches) {
  auto rows = index_rows("actor:IS-KPP");
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().find("unknown actor 'IS-KPP'"), std::string::npos) << rows.error();
  EXPECT_NE(rows.error().find("'IS-KP'"), std::string::npos) << rows.error();
}

}  // namespace
}  // namespace sitrep::query
