// GazetteerBuilder: reading the sources. Packing them into an image is gazetteer_packing.cpp.
#include "sitrep/geo/gazetteer_builder.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/geo/detail/sources.hpp"
#include "sitrep/geo/gazetteer.hpp"
#include "sitrep/model/tsv_table.hpp"

namespace sitrep::geo {
namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t end = line.find(separator, start);
    out.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

// Calls `row(cells, where)` for every line of a tab-separated file that is not blank or a
// comment; stops at the first error the callback returns.
template <typename Row>
Status for_each_row(const std::string& path, Row row) {
  std::ifstream in(path);
  if (!in) return make_error(fmt::format("{}: cannot read", path));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    if (Status s = row(split(line, '\t'), fmt::format("{}:{}", path, number)); !s) return s;
  }
  return Status::success();
}

Result<double> parse_coordinate(std::string_view text, double limit) {
  std::string s(text);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !(std::abs(v) <= limit)) {
    return make_error(fmt::format("'{}' is not a coordinate within ±{}", text, limit));
  }
  return v;
}

// IATA/ICAO-style codes in GeoNames alternate names ("FBD", "OAFZ") are not names a report uses.
bool is_code(std::string_view name) {
  return name.size() <= 4 && std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         });
}

void add_name(std::vector<std::string>& names, std::string_view name) {
  if (name.empty() || is_code(name)) return;
  if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
}

// One GeoNames row (19 columns, checked by the caller).
Result<SourcePlace> parse_place(const std::vector<std::string_view>& cells) {
  SourcePlace p;
  std::string id(cells[0]);
  char* end = nullptr;
  unsigned long geonameid = std::strtoul(id.c_str(), &end, 10);
  if (id.empty() || *end != '\0' || geonameid == 0 || geonameid > UINT32_MAX) {
    return make_error(fmt::format("column 1: '{}' is not a GeoNames id", cells[0]));
  }
  p.geonameid = static_cast<uint32_t>(geonameid);
  auto lat = parse_coordinate(cells[4], 90);
  if (!lat) return make_error(fmt::format("column 5 (latitude): {}", lat.error()));
  auto lon = parse_coordinate(cells[5], 180);
  if (!lon) return make_error(fmt::format("column 6 (longitude): {}", lon.error()));
  p.lat = *lat;
  p.lon = *lon;
  p.name = std::string(cells[1]);
  add_name(p.names, cells[1]);
  add_name(p.names, cells[2]);
  for (std::string_view alt : split(cells[3], ',')) add_name(p.names, alt);
  p.feature_class = cells[6].empty() ? 0 : cells[6][0];
  p.feature_code = std::string(cells[7]);
  p.country = std::string(cells[8]);
  if (!cells[10].empty()) p.admin1_code = fmt::format("{}.{}", cells[8], cells[10]);
  if (!cells[10].empty() && !cells[11].empty()) {
    p.admin2_code = fmt::format("{}.{}.{}", cells[8], cells[10], cells[11]);
  }
  p.population = static_cast<uint32_t>(std::min<unsigned long long>(
      std::strtoull(std::string(cells[14]).c_str(), nullptr, 10), UINT32_MAX));
  return p;
}

Result<std::vector<std::vector<Vertex>>> rings_of(const nlohmann::json& geometry) {
  std::vector<std::vector<Vertex>> rings;
  if (!geometry.is_object() || !geometry.contains("type") || !geometry["type"].is_string() ||
      !geometry.contains("coordinates") || !geometry["coordinates"].is_array()) {
    return make_error("geometry has no type or coordinates");
  }
  std::string type = geometry["type"].get<std::string>();
  auto add_polygon = [&](const nlohmann::json& polygon) -> Status {
    for (const auto& ring : polygon) {
      std::vector<Vertex> r;
      for (const auto& p : ring) {
        if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
          return make_error("a vertex is not [lon, lat]");
        }
        double lon = p[0].get<double>(), lat = p[1].get<double>();
        if (!(std::abs(lon) <= 180 && std::abs(lat) <= 90)) {
          return make_error(fmt::format("vertex [{}, {}] is out of range", lon, lat));
        }
        r.push_back({lon, lat});
      }
      if (r.size() < 4) return make_error("a ring has fewer than 4 vertices");
      if (r.front().lon != r.back().lon || r.front().lat != r.back().lat) r.push_back(r.front());
      rings.push_back(std::move(r));
    }
    return Status::success();
  };
  if (type == "Polygon") {
    if (Status s = add_polygon(geometry["coordinates"]); !s) return make_error(s.error());
  } else if (type == "MultiPolygon") {
    for (const auto& polygon : geometry["coordinates"]) {
      if (Status s = add_polygon(polygon); !s) return make_error(s.error());
    }
  } else {
    return make_error(fmt::format("geometry type {} is not a polygon", type));
  }
  return rings;
}

std::string text_property(const nlohmann::json& properties,
                          std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (properties.contains(k) && properties[k].is_string())
      return properties[k].get<std::string>();
  }
  return {};
}

}  // namespace

GazetteerBuilder::GazetteerBuilder() : sources_(std::make_unique<Sources>()) {}
GazetteerBuilder::~GazetteerBuilder() = default;
GazetteerBuilder::GazetteerBuilder(GazetteerBuilder&&) noexcept = default;
GazetteerBuilder& GazetteerBuilder::operator=(GazetteerBuilder&&) noexcept = default;

Result<size_t> GazetteerBuilder::add_geonames(const std::string& path, bool all_classes) {
  size_t added = 0;
  Status read = for_each_row(path, [&](const auto& cells, const std::string& where) -> Status {
    if (cells.size() < 19) {
      return make_error(fmt::format("{}: {} columns, a GeoNames row has 19", where, cells.size()));
    }
    char feature_class = cells[6].empty() ? 0 : cells[6][0];
    // Areas come from polygons and admin tables: a GeoNames ADM1 or PCLI row read as a place
    // would answer "Herat province" with a point.
    if (!all_classes && feature_class != 'P') return Status::success();
    auto place = parse_place(cells);
    if (!place) return make_error(fmt::format("{}: {}", where, place.error()));
    auto [it, inserted] =
        sources_->place_of_geonameid.try_emplace(place->geonameid, sources_->places.size());
    if (inserted) {
      sources_->places.push_back(std::move(*place));
    } else {
      sources_->places[it->second] = std::move(*place);  // a later file's row replaces an earlier
    }
    ++added;
    return Status::success();
  });
  if (!read) return make_error(read.error());
  return added;
}

Result<size_t> GazetteerBuilder::add_alternate_names(const std::string& path) {
  size_t added = 0;
  Status read = for_each_row(path, [&](const auto& cells, const std::string& where) -> Status {
    if (cells.size() < 4) {
      return make_error(
          fmt::format("{}: {} columns, an alternateNames row has at least 4", where, cells.size()));
    }
    // Languages "link", "wkdt", "post", "iata"…: not names.
    static const std::set<std::string_view> kNotNames = {"link", "wkdt", "post", "iata",
                                                         "icao", "faac", "unlc", "abbr"};
    if (kNotNames.count(cells[2])) return Status::success();
    auto id = static_cast<uint32_t>(std::strtoul(std::string(cells[1]).c_str(), nullptr, 10));
    auto it = sources_->place_of_geonameid.find(id);
    if (it == sources_->place_of_geonameid.end()) return Status::success();  // not in this one
    add_name(sources_->places[it->second].names, cells[3]);
    ++added;
    return Status::success();
  });
  if (!read) return make_error(read.error());
  return added;
}

Result<size_t> GazetteerBuilder::add_admin_names(const std::string& path, int level) {
  // GeoNames' own admin1CodesASCII.txt / admin2Codes.txt: no header; code, name, asciiname, id.
  {
    std::ifstream in(path);
    std::string first;
    std::getline(in, first);
    if (!first.starts_with("code\t") && !first.starts_with("#")) {
      auto& names = level == 1 ? sources_->admin1_names : sources_->admin2_names;
      size_t added = 0;
      Status read = for_each_row(path, [&](const auto& cells, const std::string& where) -> Status {
        std::string code(cells[0]);
        if (cells.size() < 2 || std::count(code.begin(), code.end(), '.') != level) {
          return make_error(fmt::format("{}: '{}' is not an admin{} code row (code, name, …)",
                                        where, code, level));
        }
        names[code] = std::string(cells[1]);
        ++added;
        return Status::success();
      });
      if (!read) return make_error(read.error());
      return added;
    }
  }
  auto table = model::read_tsv(path, {"code", "name"});
  if (!table) return std::move(table).take_error();
  auto& names = level == 1 ? sources_->admin1_names : sources_->admin2_names;
  int code = table->column("code"), name = table->column("name");
  for (const model::TsvRow& row : table->rows) {
    const std::string& c = row.cells[static_cast<size_t>(code)];
    size_t dots = static_cast<size_t>(std::count(c.begin(), c.end(), '.'));
    if (dots != static_cast<size_t>(level)) {
      return make_error(fmt::format("{}: code '{}' is not an admin{} code (CC.{})",
                                    table->where(row), c, level, level == 1 ? "A1" : "A1.A2"));
    }
    names[c] = row.cells[static_cast<size_t>(name)];
  }
  return table->rows.size();
}

Result<size_t> GazetteerBuilder::add_polygons(const std::string& path, int level) {
  std::ifstream in(path);
  if (!in) return make_error(fmt::format("{}: cannot read", path));
  nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.contains("features") || !doc["features"].is_array()) {
    return make_error(fmt::format("{}: not a GeoJSON FeatureCollection", path));
  }
  size_t added = 0, index = 0;
  for (const auto& feature : doc["features"]) {
    ++index;
    auto where = [&] { return fmt::format("{}: feature {}", path, index); };
    const nlohmann::json& props =
        feature.contains("properties") && feature["properties"].is_object()
            ? feature["properties"]
            : nlohmann::json::object();
    SourceArea area;
    area.name = text_property(props, {"name", "shapeName", "gn_name", "NAME_1", "NAME_2"});
    if (area.name.empty()) return make_error(fmt::format("{}: no name property", where()));
    area.code = text_property(props, {"code", "gn_a1_code"});
    area.country = text_property(props, {"country", "iso_a2"});
    area.admin1_code = text_property(props, {"admin1"});
    if (area.code.empty() && props.contains("admin2")) area.code = text_property(props, {"admin2"});
    area.level = level != 0 ? level : (props.contains("admin1") ? 2 : 1);
    add_name(area.names, area.name);
    if (props.contains("names") && props["names"].is_array()) {
      for (const auto& n : props["names"]) {
        if (n.is_string()) add_name(area.names, n.get<std::string>());
      }
    }
    if (area.country.size() != 2) {
      // geoBoundaries names the country by ISO3 (shapeGroup "IRN"): the countries table maps it.
      std::string iso3 = text_property(props, {"shapeGroup", "iso3", "ISO3", "adm0_a3", "GID_0"});
      for (const auto& [iso2, c] : sources_->countries) {
        if (!iso3.empty() && c.iso3 == iso3) area.country = iso2;
      }
    }
    if (area.country.size() != 2) {
      return make_error(fmt::format(
          "{} ({}): no country: give a two-letter `country` property (or geoBoundaries' "
          "`shapeGroup`, an ISO3 code)",
          where(), area.name));
    }
    auto rings = rings_of(feature.contains("geometry") ? feature["geometry"] : nlohmann::json());
    if (!rings) return make_error(fmt::format("{} ({}): {}", where(), area.name, rings.error()));
    area.rings = std::move(*rings);
    sources_->areas.push_back(std::move(area));
    ++added;
  }
  return added;
}

Result<size_t> GazetteerBuilder::add_regions(const std::string& path) {
  auto table = model::read_tsv(path, {"key", "names", "country", "members", "precision"});
  if (!table) return std::move(table).take_error();
  auto cell = [&](const model::TsvRow& row, const char* name) -> const std::string& {
    return row.cells[static_cast<size_t>(table->column(name))];
  };
  for (const model::TsvRow& row : table->rows) {
    SourceRegion r;
    r.key = cell(row, "key");
    for (std::string_view n : split(cell(row, "names"), '|')) add_name(r.names, n);
    r.country = cell(row, "country");
    for (std::string_view m : split(cell(row, "members"), ',')) {
      while (!m.empty() && m.front() == ' ') m.remove_prefix(1);
      if (!m.empty()) r.members.emplace_back(m);
    }
    const std::string& precision = cell(row, "precision");
    if (precision != "region" && precision != "border") {
      return make_error(
          fmt::format("{}: precision '{}' is not region or border", table->where(row), precision));
    }
    r.border = precision == "border";
    if (r.key.empty() || r.names.empty() || r.members.empty()) {
      return make_error(
          fmt::format("{}: a region needs a key, names and members", table->where(row)));
    }
    sources_->regions.push_back(std::move(r));
  }
  return table->rows.size();
}

Result<size_t> GazetteerBuilder::add_countries(const std::string& path) {
  auto table = model::read_tsv(path, {"iso2", "iso3", "name", "aliases"});
  if (!table) return std::move(table).take_error();
  int iso2 = table->column("iso2"), iso3 = table->column("iso3"), name = table->column("name"),
      aliases = table->column("aliases");
  for (const model::TsvRow& row : table->rows) {
    SourceCountry c;
    c.iso2 = row.cells[static_cast<size_t>(iso2)];
    c.iso3 = row.cells[static_cast<size_t>(iso3)];
    c.name = row.cells[static_cast<size_t>(name)];
    add_name(c.names, c.name);
    for (std::string_view a : split(row.cells[static_cast<size_t>(aliases)], '|'))
      add_name(c.names, a);
    sources_->countries[c.iso2] = std::move(c);
  }
  return table->rows.size();
}

Result<size_t> GazetteerBuilder::add_kind_words(const std::string& path) {
  auto table = model::read_tsv(path, {"word", "role"});
  if (!table) return std::move(table).take_error();
  int word = table->column("word"), role = table->column("role"),
      position = table->column("position");
  for (const model::TsvRow& row : table->rows) {
    const std::string& w = row.cells[static_cast<size_t>(word)];
    auto r = parse_word_role(row.cells[static_cast<size_t>(role)]);
    if (w.empty() || !r) {
      return make_error(fmt::format(
          "{}: a kind word needs a word and a role (place, admin2, admin1, border, area, "
          "leading)",
          table->where(row)));
    }
    std::string side = position < 0 ? "" : row.cells[static_cast<size_t>(position)];
    if (!side.empty() && side != "before" && side != "after" && side != "either") {
      return make_error(
          fmt::format("{}: position '{}' is not before, after or either", table->where(row), side));
    }
    sources_->kind_words.push_back(
        {w, static_cast<uint8_t>(*r), side == "before" || side == "either", side == "either"});
  }
  return table->rows.size();
}

Result<size_t> GazetteerBuilder::add_names(const std::string& path) {
  auto table = model::read_tsv(path, {"code", "name"});
  if (!table) return std::move(table).take_error();
  int code = table->column("code"), name = table->column("name");
  for (const model::TsvRow& row : table->rows) {
    const std::string& c = row.cells[static_cast<size_t>(code)];
    const std::string& n = row.cells[static_cast<size_t>(name)];
    const auto dots = std::count(c.begin(), c.end(), '.');
    bool admin = dots == 1 || dots == 2;
    bool geonameid =
        !c.empty() && std::all_of(c.begin(), c.end(), [](char x) { return x >= '0' && x <= '9'; });
    if (n.empty() || (!admin && !geonameid)) {
      return make_error(fmt::format(
          "{}: a name row needs an admin code (PK.03, PK.03.1234) or a GeoNames id, and a name",
          table->where(row)));
    }
    sources_->extra_names.push_back({c, n, table->where(row)});
  }
  return table->rows.size();
}

Status GazetteerBuilder::add_directory(const std::string& directory,
                                       const std::string& countries_table) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    return make_error(fmt::format("{}: not a gazetteer directory", directory));
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(directory, ec)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  auto check = [](auto result) -> Status {
    if (!result) return make_error(result.error());
    return Status::success();
  };
  // Countries first (polygon layers may name theirs by ISO3), then names, places, polygons
  // (which name their admin codes), regions and kind words.
  if (Status s = check(add_countries(countries_table)); !s) return s;
  // Names first, then places, then polygons (which name their admin codes), then regions.
  for (const fs::path& f : files) {
    std::string name = f.filename().string();
    if (name == "admin1.tsv" || name == "admin2.tsv") {
      if (Status s = check(add_admin_names(f.string(), name == "admin1.tsv" ? 1 : 2)); !s) return s;
    }
  }
  for (const fs::path& f : files) {
    if (f.extension() == ".txt") {
      if (Status s = check(add_geonames(f.string())); !s) return s;
    }
  }
  for (const fs::path& f : files) {
    if (f.extension() == ".geojson") {
      if (Status s = check(add_polygons(f.string())); !s) return s;
    }
  }
  for (const fs::path& f : files) {
    if (f.filename() == "regions.tsv") {
      if (Status s = check(add_regions(f.string())); !s) return s;
    }
    if (f.filename() == "kind-words.tsv") {
      if (Status s = check(add_kind_words(f.string())); !s) return s;
    }
    if (f.filename() == "names.tsv") {
      if (Status s = check(add_names(f.string())); !s) return s;
    }
  }
  return Status::success();
}

}  // namespace sitrep::geo
