// Geography throughput (issue 4 targets): resolve() calls per second on one core, on the names
// of the gold set (real report spellings: UCDP place strings, variants in three scripts,
// ambiguous names with context); and loading the gazetteer plus assigning admin areas to 1M
// events by point-in-polygon, against a peer measured in the same run: the textbook method,
// every polygon's bounding box and then all its edges, without the grid or latitude bands.
//
//   build/sitrep_bench_geo [gold.tsv] [events]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "sitrep/geo/admin_assignment.hpp"
#include "sitrep/geo/gazetteer_files.hpp"
#include "sitrep/geo/geocoder.hpp"
#include "sitrep/geo/name_key.hpp"
#include "sitrep/geo/polygon.hpp"
#include "sitrep/process/huge_pages.hpp"

using namespace sitrep;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

struct Name {
  std::string text;
  geo::PlaceContext context;
};

std::vector<Name> gold_names(const std::string& path) {
  std::vector<Name> out;
  std::ifstream in(path);
  std::string line;
  bool header = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (!header) {
      header = true;
      continue;
    }
    Name n;
    n.text = line.substr(0, line.find('\t'));
    std::string context = line.substr(line.find('\t') + 1);
    context = context.substr(0, context.find('\t'));
    size_t at = 0;
    while (at < context.size()) {
      size_t end = context.find(';', at);
      std::string kv = context.substr(at, end == std::string::npos ? end : end - at);
      if (kv.starts_with("country=")) n.context.country = kv.substr(8);
      if (kv.starts_with("admin1=")) n.context.admin_names.push_back(kv.substr(7));
      if (kv.starts_with("near=")) n.context.nearby.push_back(kv.substr(5));
      if (end == std::string::npos) break;
      at = end + 1;
    }
    out.push_back(std::move(n));
  }
  return out;
}

// where_coordinates of every row of a UCDP GED CSV (the column found by its header).
std::vector<Name> ucdp_stream(const std::string& path) {
  std::vector<Name> out;
  std::ifstream in(path);
  std::string line;
  int column = -1;
  auto cells = [](const std::string& l) {
    std::vector<std::string> c(1);
    bool quoted = false;
    for (char ch : l) {
      if (ch == '"')
        quoted = !quoted;
      else if (ch == ',' && !quoted)
        c.emplace_back();
      else
        c.back() += ch;
    }
    return c;
  };
  while (std::getline(in, line)) {
    auto c = cells(line);
    if (column < 0) {
      for (size_t i = 0; i < c.size(); ++i) {
        if (c[i] == "where_coordinates") column = static_cast<int>(i);
      }
      continue;
    }
    if (column < static_cast<int>(c.size())) {
      Name n;
      n.text = c[static_cast<size_t>(column)];
      n.context.country = "AF";
      out.push_back(std::move(n));
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::process::restart_with_huge_pages(argv);  // as the sitrep command does
  std::string gold =
      argc > 1 ? argv[1] : std::string(SITREP_SOURCE_DATA_DIR) + "/../tests/data/geocode-gold.tsv";
  long events = argc > 2 ? std::atol(argv[2]) : 1'000'000;

  auto started = Clock::now();
  geo::GazetteerLocation where;
  where.data_dir = SITREP_SOURCE_DATA_DIR;
  auto opened = geo::open_gazetteer(where);
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.error().c_str());
    return 1;
  }
  double open_s = seconds_since(started);
  const geo::Gazetteer& g = *opened->gazetteer;
  std::printf("gazetteer: %s, %.1f MB, opened in %.1f ms\n", opened->origin.c_str(),
              g.image_bytes() / 1e6, open_s * 1e3);

  // resolve() on one core, three ways: every call on a name not seen before (a fresh
  // Geocoder per pass, so nothing is remembered); the gold names over and over (the memo
  // answers most); and the UCDP sample's 3,317 place strings in file order, as an import meets
  // them (each name 2.9 times on average).
  std::vector<Name> names = gold_names(gold);
  auto rate = [&](const std::vector<Name>& list, bool fresh_each_pass) {
    auto geocoder = std::make_unique<geo::Geocoder>(opened->gazetteer);
    for (const Name& n : list) (void)geocoder->resolve(n.text, n.context);  // warm the caches
    size_t calls = 0, found = 0;
    double busy = 0;
    while (busy < 2.0) {
      if (fresh_each_pass) {
        geocoder = std::make_unique<geo::Geocoder>(opened->gazetteer);
        geo::forget_remembered_name_keys();
      }
      auto t = Clock::now();
      for (const Name& n : list) found += geocoder->resolve(n.text, n.context).found;
      busy += seconds_since(t);
      calls += list.size();
    }
    return std::make_pair(calls / busy, 100.0 * found / calls);
  };
  auto [cold, cold_found] = rate(names, true);
  std::printf(
      "resolve, names not seen before: %zu gold names, %.0f calls/s on one core (%.2f us/call, "
      "%.0f%% found)\n",
      names.size(), cold, 1e6 / cold, cold_found);
  auto [warm, warm_found] = rate(names, false);
  std::printf("resolve, the gold names repeated: %.0f calls/s (%.2f us/call)\n", warm, 1e6 / warm);
  std::vector<Name> stream =
      ucdp_stream(std::string(SITREP_SOURCE_DATA_DIR) + "/sample/ucdp-ged-afghanistan-2020.csv");
  if (!stream.empty()) {
    auto [streamed, stream_found] = rate(stream, true);
    std::printf(
        "resolve, the UCDP sample's %zu place strings in order: %.0f calls/s (%.2f us/call, %.0f%% "
        "found)\n",
        stream.size(), streamed, 1e6 / streamed, stream_found);
  }

  // admin areas for N events: points drawn around the gazetteer's places (where events are)
  std::mt19937_64 random(7);
  std::normal_distribution<double> jitter(0, 0.15);
  std::vector<std::pair<double, double>> points;
  points.reserve(static_cast<size_t>(events));
  std::vector<uint32_t> places;
  for (uint32_t f = 0; f < g.size(); ++f) {
    if (g.feature(f).kind == geo::FeatureKind::place) places.push_back(f);
  }
  for (long i = 0; i < events; ++i) {
    const geo::Feature& p = g.feature(places[random() % places.size()]);
    points.emplace_back(p.latitude() + jitter(random), p.longitude() + jitter(random));
  }
  started = Clock::now();
  auto reopened = geo::open_gazetteer(where);  // loading is part of the target
  geo::AdminAssigner assigner(reopened->gazetteer);
  model::Event e;
  for (auto [lat, lon] : points) {
    e.country.clear();
    e.admin1.clear();
    e.admin2.clear();
    e.latitude = lat;
    e.longitude = lon;
    assigner.assign(e);
  }
  double assign_s = seconds_since(started);
  std::printf(
      "admin areas: %ld events, load + assign %.2f s (%.0f events/s); filled %lld, outside every "
      "polygon %lld\n",
      events, assign_s, events / assign_s, static_cast<long long>(assigner.counts().filled),
      static_cast<long long>(assigner.counts().unplaced));

  // The peer: every area tested in turn (bounding boxes first), no grid.
  size_t peer_n = std::min<size_t>(points.size(), 100'000);
  std::vector<uint32_t> areas;
  for (uint32_t f = 0; f < g.size(); ++f) {
    auto k = g.feature(f).kind;
    if ((k == geo::FeatureKind::admin1 || k == geo::FeatureKind::admin2) && !g.rings(f).empty())
      areas.push_back(f);
  }
  started = Clock::now();
  size_t hits = 0;
  auto vertices = g.vertices();
  for (size_t i = 0; i < peer_n; ++i) {
    double lat = points[i].first, lon = points[i].second;
    for (uint32_t a : areas) {
      bool inside = false;
      for (const geo::Ring& r : g.rings(a)) {
        if (lon < r.min_lon || lon > r.max_lon || lat < r.min_lat || lat > r.max_lat) continue;
        for (uint32_t v = r.begin; v + 1 < r.end; ++v) {
          if (geo::crosses(vertices[v], vertices[v + 1], lon, lat)) inside = !inside;
        }
      }
      hits += inside;
    }
  }
  double peer_s =
      seconds_since(started) * static_cast<double>(points.size()) / static_cast<double>(peer_n);
  std::printf(
      "peer (every polygon and all its edges, no grid or bands; %zu of the points, scaled): %.2f s "
      "for %ld events; grid is "
      "%.1fx faster (%zu hits)\n",
      peer_n, peer_s, events, peer_s / assign_s, hits);
  return 0;
}
