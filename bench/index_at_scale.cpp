// The query suite at scales a store on this machine cannot hold (100M events is about 90 GB of
// SQLite): synthetic events go straight into EventIndexBuilder, and the same events are written
// as the CSV that bench/duckdb_suite.mjs loads, so sitrep and DuckDB answer over the same rows.
//
// Usage: sitrep_bench_scale EVENTS DIR [RUNS] [reuse]
// ("reuse": DIR/index exists from an earlier run; only open it and run the suite)
// Prints the build rate, snapshot size and open time, and each query's median over RUNS runs
// (in-process, snapshot open, as `sitrep query --timing` measures). The free-text query needs
// the store's full-text index and is left out here.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sitrep/process/huge_pages.hpp"
#include "sitrep/query/aggregation.hpp"
#include "sitrep/query/index_filter.hpp"
#include "sitrep/synth/generator.hpp"

using namespace sitrep;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

void csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// One row in the column order query_suite.py exports from a store.
void write_csv_row(std::string& out, const model::Event& e) {
  out += std::to_string(e.id);
  out += ',';
  out += model::format_iso(e.date.start);
  for (std::string_view v : {std::string_view(e.country), std::string_view(e.admin1),
                             std::string_view(e.admin2), std::string_view(e.location)}) {
    out += ',';
    csv_field(out, v);
  }
  out += fmt::format(",{},{}", e.latitude ? fmt::format("{}", *e.latitude) : "",
                     e.longitude ? fmt::format("{}", *e.longitude) : "");
  for (std::string_view v :
       {std::string_view(e.event_type), std::string_view(e.sub_event_type),
        std::string_view(e.target), std::string_view(e.weapon), std::string_view(e.actor1.name()),
        std::string_view(e.actor2.name()), model::to_string(e.claim)}) {
    out += ',';
    csv_field(out, v);
  }
  out += ',';
  if (e.fatalities_best) out += std::to_string(*e.fatalities_best);
  out += ',';
  csv_field(out, e.dataset);
  out += ',';
  csv_field(out, e.notes);
  out += '\n';
}

struct SuiteQuery {
  std::string name;
  std::string filter;
  std::vector<query::GroupKey> keys;
  std::vector<query::Measure> measures;
  std::string baseline;  // a second filter, for the two-window comparison
};

// Generates `events` synthetic events into an index saved at `path` and into DIR/events.csv.
int generate_and_index(int64_t events, const std::string& dir, const model::Vocabulary& vocabulary,
                       const synth::Scenario& scenario, const std::string& path) {
  auto started = Clock::now();
  synth::Generator generator(scenario, {events, 7, model::to_day({2018, 1, 1}), 5 * 365});
  query::EventIndexBuilder builder;
  std::ofstream csv(dir + "/events.csv", std::ios::binary);
  std::string buffer =
      "id,date_start,country,admin1,admin2,location,latitude,longitude,event_type,"
      "sub_event_type,target,weapon,actor1,actor2,claim,fatalities_best,dataset,notes\n";
  model::Event e;
  double generating = 0;
  for (int64_t id = 1; generator.next(e); ++id) {
    e.id = id;
    vocabulary.actors.resolve_actors(e);  // canonical names, as an import stores them
    builder.add(e);
    write_csv_row(buffer, e);
    if (buffer.size() > (1 << 22)) {
      csv << buffer;
      buffer.clear();
    }
  }
  csv << buffer;
  csv.close();
  generating = seconds_since(started);
  auto t = Clock::now();
  auto built = builder.finish({"synthetic", 1, events});
  if (!built) {
    std::cerr << built.error() << '\n';
    return 1;
  }
  double finishing = seconds_since(t);
  if (Status s = built->save_snapshot(path); !s) {
    std::cerr << s.error() << '\n';
    return 1;
  }
  *built = query::EventIndex();
  std::cout << fmt::format(
      "{} events: generated + CSV {:.0f} s; index finish (dictionaries, "
      "sort check, packing) {:.1f} s = {:.2f} M events/s\n",
      events, generating, finishing, static_cast<double>(events) / finishing / 1e6);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::process::restart_with_huge_pages(argv);  // as the sitrep command does
  if (argc < 3) {
    std::cerr << "usage: sitrep_bench_scale EVENTS DIR [RUNS] [reuse]\n";
    return 2;
  }
  const int64_t events = std::stoll(argv[1]);
  const std::string dir = argv[2];
  const int runs = argc > 3 ? std::stoi(argv[3]) : 5;
  const bool reuse = argc > 4 && std::string(argv[4]) == "reuse";
  auto vocabulary = model::Vocabulary::load(model::find_data_dir(""));
  if (!vocabulary) {
    std::cerr << vocabulary.error() << '\n';
    return 1;
  }
  auto scenario = synth::Scenario::load(vocabulary->data_dir);
  if (!scenario) {
    std::cerr << scenario.error() << '\n';
    return 1;
  }

  // 1. Generate, index and write the DuckDB CSV.
  const std::string path = dir + "/index";
  auto t = Clock::now();
  if (!reuse) {
    if (int rc = generate_and_index(events, dir, *vocabulary, *scenario, path); rc != 0) return rc;
  }
  std::vector<double> opens;
  query::EventIndex index;
  for (int i = 0; i < 3; ++i) {
    t = Clock::now();
    auto opened = query::EventIndex::open_snapshot(path);
    opens.push_back(seconds_since(t));
    if (!opened) {
      std::cerr << opened.error() << '\n';
      return 1;
    }
    index = std::move(*opened);
  }
  std::sort(opens.begin(), opens.end());
  std::cout << fmt::format(
      "snapshot {:.0f} MB = {:.1f} B/event ({:.1f} in per-event structures); open (mmap + verify "
      "every checksum) {:.0f} ms\n",
      static_cast<double>(index.memory_bytes()) / 1e6,
      static_cast<double>(index.memory_bytes()) / static_cast<double>(events),
      static_cast<double>(index.row_bytes()) / static_cast<double>(events), opens[1] * 1000);

  // 2. The suite (query_suite.py's, without the free-text word).
  using K = query::GroupKey;
  using M = query::Measure;
  const std::vector<SuiteQuery> suite = {
      {"date_window_by_week", "date:2021-04-17..2021-07-01", {K::week}, {M::count}, ""},
      {"actor_by_admin1", "actor:IS-KP", {K::admin1}, {M::count}, ""},
      {"countries_subtype_fatalities",
       "country:AF,PK subtype:\"Remote explosive/landmine/IED\" fatalities:>=5",
       {K::country},
       {M::count},
       ""},
      {"near_50km_by_month", "near:34.43,70.45/50km", {K::month}, {M::count}, ""},
      {"unclaimed_by_month", "claimed:no", {K::month}, {M::count}, ""},
      {"top20_admin2_fatalities", "", {K::admin2}, {M::fatalities}, ""},
      {"two_window_comparison",
       "actor:IS-KP date:2022-01..2022-06",
       {K::admin1},
       {M::count},
       "actor:IS-KP date:2021-01..2021-06"},
      {"negation", "-type:Battles", {K::country}, {M::count}, ""},
      {"count_by_type", "", {K::type}, {M::count}, ""},
      {"civilians_by_admin1_2022",
       "target:civilians date:2022",
       {K::admin1},
       {M::count, M::fatalities},
       ""},
  };
  query::IdLookup no_store = [](const query::Condition&) -> Result<std::vector<int64_t>> {
    return make_error("no store in this benchmark");
  };
  std::cout << fmt::format("{:30} {:>10} {:>8}\n", "query", "sitrep ms", "groups");
  for (const SuiteQuery& q : suite) {
    std::vector<double> times;
    size_t groups = 0;
    for (int i = 0; i <= runs; ++i) {
      t = Clock::now();
      for (const std::string* text : {&q.filter, &q.baseline}) {
        if (text == &q.baseline && text->empty()) break;
        auto filter = query::parse_filter(*text);
        auto rows = query::select_rows(index, *filter, *vocabulary, no_store);
        if (!rows) {
          std::cerr << q.name << ": " << rows.error() << '\n';
          return 1;
        }
        size_t n = query::aggregate(index, *rows, q.keys, q.measures).groups.size();
        if (text == &q.filter) groups = n;
      }
      if (i > 0) times.push_back(seconds_since(t) * 1000);
    }
    std::sort(times.begin(), times.end());
    std::cout << fmt::format("{:30} {:10.2f} {:8}\n", q.name, times[times.size() / 2], groups);
  }
  return 0;
}
