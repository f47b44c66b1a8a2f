// GazetteerBuilder::finish: the sources as features, names as keys, polygons, the grid.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "sitrep/geo/detail/sources.hpp"
#include "sitrep/geo/gazetteer.hpp"
#include "sitrep/geo/name_key.hpp"
#include "sitrep/geo/polygon.hpp"
#include "sitrep/io/section_file.hpp"

namespace sitrep::geo {
namespace {

constexpr double kGridStep = 0.25;  // degrees

int32_t e7(double degrees) {
  return static_cast<int32_t>(std::llround(degrees * 1e7));
}

void copy_code(char (&out)[8], std::string_view code) {
  std::memset(out, 0, sizeof out);
  std::memcpy(out, code.data(), std::min(code.size(), sizeof out));
}

void copy_country(char (&out)[2], std::string_view iso2) {
  out[0] = iso2.size() == 2 ? iso2[0] : 0;
  out[1] = iso2.size() == 2 ? iso2[1] : 0;
}

// Everything a feature contributes before the arrays are laid out.
struct Draft {
  Feature feature;
  std::string name, code;
  std::vector<std::string> names;
  std::vector<std::vector<Vertex>> rings;
  std::vector<uint32_t> members;
};

class Strings {
 public:
  Strings() { id(""); }
  uint32_t id(std::string_view s) {
    auto [it, inserted] = ids_.try_emplace(std::string(s), static_cast<uint32_t>(offsets_.size()));
    if (inserted) {
      offsets_.push_back(static_cast<uint32_t>(text_.size()));
      text_ += s;
    }
    return it->second;
  }
  std::vector<uint32_t> offsets() const {
    auto out = offsets_;
    out.push_back(static_cast<uint32_t>(text_.size()));
    return out;
  }
  const std::string& text() const { return text_; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<uint32_t> offsets_;
  std::string text_;
};

// Every area's edges by band of latitude (AreaBands).
std::tuple<std::vector<AreaBands>, std::vector<uint32_t>, std::vector<uint32_t>> edge_bands(
    const std::vector<Feature>& features, const std::vector<Ring>& rings,
    const std::vector<Vertex>& vertices) {
  std::vector<AreaBands> bands(features.size());
  std::vector<uint32_t> offsets, edges;
  for (size_t id = 0; id < features.size(); ++id) {
    const Feature& f = features[id];
    if ((f.kind != FeatureKind::admin1 && f.kind != FeatureKind::admin2) ||
        f.rings_begin == f.rings_end) {
      continue;
    }
    double lo = 90, hi = -90;
    for (uint32_t r = f.rings_begin; r < f.rings_end; ++r) {
      lo = std::min(lo, rings[r].min_lat);
      hi = std::max(hi, rings[r].max_lat);
    }
    AreaBands& b = bands[id];
    b.base = lo;
    b.count = static_cast<uint32_t>(std::floor((hi - lo) / kBandStep)) + 1;
    b.offsets = static_cast<uint32_t>(offsets.size());
    std::vector<std::vector<uint32_t>> lists(b.count);
    for (uint32_t r = f.rings_begin; r < f.rings_end; ++r) {
      for (uint32_t v = rings[r].begin; v + 1 < rings[r].end; ++v) {
        double a = std::min(vertices[v].lat, vertices[v + 1].lat);
        double z = std::max(vertices[v].lat, vertices[v + 1].lat);
        auto first = static_cast<uint32_t>(std::floor((a - lo) / kBandStep));
        auto last = std::min(static_cast<uint32_t>(std::floor((z - lo) / kBandStep)), b.count - 1);
        for (uint32_t k = first; k <= last; ++k) lists[k].push_back(v);
      }
    }
    for (const auto& list : lists) {
      offsets.push_back(static_cast<uint32_t>(edges.size()));
      edges.insert(edges.end(), list.begin(), list.end());
    }
  }
  offsets.push_back(static_cast<uint32_t>(edges.size()));
  return {bands, offsets, edges};
}

class Packer {
 public:
  explicit Packer(GazetteerBuilder::Sources& s) : s_(s) {}

  Result<std::vector<uint64_t>> run(const std::string& label, uint64_t source_hash) {
    add_areas();
    match_districts_to_codes();
    add_admin_without_polygons();
    if (Status st = add_places(); !st) return make_error(st.error());
    if (Status st = add_extra_names(); !st) return make_error(st.error());
    add_countries();
    if (Status st = add_regions(); !st) return make_error(st.error());
    return pack(label, source_hash);
  }

 private:
  uint32_t add(Draft d) {
    drafts_.push_back(std::move(d));
    return static_cast<uint32_t>(drafts_.size() - 1);
  }

  void add_areas() {
    // Admin1 polygons first: districts name the province they belong to by its code.
    for (int level : {1, 2}) {
      for (SourceArea& a : s_.areas) {
        if (a.level != level) continue;
        Draft d;
        d.feature.kind = level == 1 ? FeatureKind::admin1 : FeatureKind::admin2;
        d.feature.feature_class = 'A';
        copy_code(d.feature.feature_code, level == 1 ? "ADM1" : "ADM2");
        copy_country(d.feature.country, a.country);
        d.name = a.name;
        d.code = a.code;
        d.names = a.names;
        auto& table = level == 1 ? s_.admin1_names : s_.admin2_names;
        if (auto it = table.find(a.code); !a.code.empty() && it != table.end()) {
          d.names.push_back(it->second);
          // GeoNames' admin1 names are the plain ones ("Jowzjan", not "Wilayat-e Jowzjan").
          if (level == 1) d.name = it->second;
        }
        Vertex inside = interior_point(a.rings);
        d.feature.lat_e7 = e7(inside.lat);
        d.feature.lon_e7 = e7(inside.lon);
        d.rings = std::move(a.rings);
        uint32_t id = add(std::move(d));
        if (level == 1) {
          drafts_[id].feature.admin1 = id;
          if (!a.code.empty()) admin1_of_code_.emplace(a.code, id);
        } else {
          drafts_[id].feature.admin2 = id;
          if (auto it = admin1_of_code_.find(a.admin1_code); it != admin1_of_code_.end()) {
            drafts_[id].feature.admin1 = it->second;
          }
          if (!a.code.empty()) admin2_of_code_.emplace(a.code, id);
        }
      }
    }
  }

  // A GeoNames admin2 code no district polygon carries is usually one of them spelled another
  // way ("Khūgyāṉī" for "Khogayani"): it is that district when the two share a key in the same
  // province, or when most of the code's places lie inside it. Its names join the district's.
  void match_districts_to_codes() {
    std::map<std::string, std::vector<uint32_t>> districts_of_admin1;  // admin1 code → polygons
    for (uint32_t id = 0; id < drafts_.size(); ++id) {
      const Feature& f = drafts_[id].feature;
      if (f.kind == FeatureKind::admin2 && f.admin1 != kNoFeature && drafts_[id].code.empty()) {
        districts_of_admin1[drafts_[f.admin1].code].push_back(id);
      }
    }
    compute_boxes();
    for (auto& [code, name] : s_.admin2_names) {
      if (admin2_of_code_.count(code)) continue;
      auto candidates = districts_of_admin1.find(code.substr(0, code.rfind('.')));
      if (candidates == districts_of_admin1.end()) continue;
      uint32_t match = same_key(name, candidates->second);
      if (match == kNoFeature) match = holding_most_places(code, candidates->second);
      if (match == kNoFeature) continue;
      drafts_[match].code = code;
      drafts_[match].names.push_back(name);
      admin2_of_code_.emplace(code, match);
      std::erase(candidates->second, match);
    }
  }

  uint32_t same_key(const std::string& name, const std::vector<uint32_t>& districts) const {
    NameKeys keys = name_keys(name);
    for (uint32_t id : districts) {
      for (const std::string& n : drafts_[id].names) {
        NameKeys other = name_keys(n);
        if (other.folded == keys.folded || other.skeleton == keys.skeleton) return id;
      }
    }
    return kNoFeature;
  }

  uint32_t holding_most_places(const std::string& code,
                               const std::vector<uint32_t>& districts) const {
    std::map<uint32_t, int> votes;
    int places = 0;
    for (const SourcePlace& p : s_.places) {
      if (p.admin2_code != code) continue;
      ++places;
      for (uint32_t id : districts) {
        if (within_box(drafts_[id], p.lat, p.lon) &&
            rings_contain(drafts_[id].rings, p.lon, p.lat)) {
          ++votes[id];
          break;
        }
      }
    }
    for (auto [id, n] : votes) {
      if (2 * n > places) return id;
    }
    return kNoFeature;
  }

  // Admin codes named by the tables that no polygon carries: areas without a shape, placed at
  // the mean of their places (set in add_places), so their names still resolve.
  void add_admin_without_polygons() {
    for (auto& [code, name] : s_.admin1_names) {
      if (admin1_of_code_.count(code)) continue;
      uint32_t id = add_shapeless(FeatureKind::admin1, code, name);
      drafts_[id].feature.admin1 = id;
      admin1_of_code_.emplace(code, id);
    }
    for (auto& [code, name] : s_.admin2_names) {
      if (admin2_of_code_.count(code)) continue;
      uint32_t id = add_shapeless(FeatureKind::admin2, code, name);
      drafts_[id].feature.admin2 = id;
      if (auto it = admin1_of_code_.find(code.substr(0, code.rfind('.')));
          it != admin1_of_code_.end()) {
        drafts_[id].feature.admin1 = it->second;
      }
      admin2_of_code_.emplace(code, id);
    }
  }

  uint32_t add_shapeless(FeatureKind kind, const std::string& code, const std::string& name) {
    Draft d;
    d.feature.kind = kind;
    d.feature.feature_class = 'A';
    copy_code(d.feature.feature_code, kind == FeatureKind::admin1 ? "ADM1" : "ADM2");
    copy_country(d.feature.country, std::string_view(code).substr(0, 2));
    d.name = name;
    d.code = code;
    d.names = {name};
    uint32_t id = add(std::move(d));
    shapeless_.insert(id);
    return id;
  }

  // Which polygon areas contain a point (the builder's own, slower locate). The district's
  // province wins over the province polygon the point lies in (the two sources' borders differ
  // by their simplification), unless `admin1_code`, GeoNames' own word for the place, sides with
  // the province polygon: then the district is the one in doubt ("Dushanbe" lies in geoBoundaries'
  // Rudaki district of the Republican Subordination, but in Natural Earth's and GeoNames'
  // Dushanbe), and it is left to GeoNames' own admin2 code, if that lies in the province.
  std::pair<uint32_t, uint32_t> locate(double lat, double lon,
                                       std::string_view admin1_code = {}) const {
    uint32_t admin1 = kNoFeature, admin2 = kNoFeature;
    for (uint32_t id : shaped_) {
      const Draft& d = drafts_[id];
      uint32_t& slot = d.feature.kind == FeatureKind::admin1 ? admin1 : admin2;
      if (slot == kNoFeature && within_box(d, lat, lon) && rings_contain(d.rings, lon, lat)) {
        slot = id;
      }
    }
    if (admin2 != kNoFeature && drafts_[admin2].feature.admin1 != kNoFeature &&
        drafts_[admin2].feature.admin1 != admin1) {
      bool province_confirmed =
          admin1 != kNoFeature && !admin1_code.empty() && drafts_[admin1].code == admin1_code;
      if (province_confirmed) {
        admin2 = kNoFeature;
      } else {
        admin1 = drafts_[admin2].feature.admin1;
      }
    }
    return {admin1, admin2};
  }

  bool within_box(const Draft& d, double lat, double lon) const {
    auto& box = boxes_[&d - drafts_.data()];
    return lon >= box.min_lon && lon <= box.max_lon && lat >= box.min_lat && lat <= box.max_lat;
  }

  void compute_boxes() {
    shaped_.clear();
    for (uint32_t id = 0; id < drafts_.size(); ++id) {
      if (!drafts_[id].rings.empty()) shaped_.push_back(id);
    }
    boxes_.assign(drafts_.size(), Ring{0, 0, 1e9, 1e9, -1e9, -1e9});
    for (size_t i = 0; i < drafts_.size(); ++i) {
      for (const auto& ring : drafts_[i].rings) {
        for (const Vertex& v : ring) {
          boxes_[i].min_lon = std::min(boxes_[i].min_lon, v.lon);
          boxes_[i].max_lon = std::max(boxes_[i].max_lon, v.lon);
          boxes_[i].min_lat = std::min(boxes_[i].min_lat, v.lat);
          boxes_[i].max_lat = std::max(boxes_[i].max_lat, v.lat);
        }
      }
    }
  }

  // names.tsv: spellings the other sources lack ("بنو" for Bannu in Pashto), by admin code or
  // GeoNames id.
  Status add_extra_names() {
    std::map<uint32_t, uint32_t> place_of_geonameid;
    for (uint32_t id = 0; id < drafts_.size(); ++id) {
      if (drafts_[id].feature.kind == FeatureKind::place) {
        place_of_geonameid.emplace(drafts_[id].feature.geonameid, id);
      }
    }
    for (const auto& extra : s_.extra_names) {
      uint32_t id = kNoFeature;
      if (auto it = admin1_of_code_.find(extra.code); it != admin1_of_code_.end()) id = it->second;
      if (auto it = admin2_of_code_.find(extra.code); it != admin2_of_code_.end()) id = it->second;
      if (extra.code.find('.') == std::string::npos) {
        auto it = place_of_geonameid.find(
            static_cast<uint32_t>(std::strtoul(extra.code.c_str(), nullptr, 10)));
        if (it != place_of_geonameid.end()) id = it->second;
      }
      if (id == kNoFeature) {
        return make_error(
            fmt::format("{}: no admin area or place has the code {}", extra.where, extra.code));
      }
      drafts_[id].names.push_back(extra.name);
    }
    return Status::success();
  }

  Status add_places() {
    compute_boxes();
    std::map<uint32_t, std::pair<double, double>> sums;  // shapeless area → lat, lon sums
    std::map<uint32_t, int> counts;
    for (SourcePlace& p : s_.places) {
      Draft d;
      d.feature.kind = FeatureKind::place;
      d.feature.geonameid = p.geonameid;
      d.feature.lat_e7 = e7(p.lat);
      d.feature.lon_e7 = e7(p.lon);
      d.feature.population = p.population;
      d.feature.feature_class = p.feature_class;
      copy_code(d.feature.feature_code, p.feature_code);
      copy_country(d.feature.country, p.country);
      d.name = p.name;
      d.names = std::move(p.names);
      // The polygons decide where they exist; GeoNames' own codes fill in where they do not.
      auto [admin1, admin2] = locate(p.lat, p.lon, p.admin1_code);
      if (admin1 != kNoFeature &&
          std::string_view(drafts_[admin1].feature.country, 2) != std::string_view(p.country)) {
        admin1 = admin2 = kNoFeature;  // across a border the polygons' simplification moved
      }
      if (admin1 == kNoFeature) {
        if (auto it = admin1_of_code_.find(p.admin1_code); it != admin1_of_code_.end())
          admin1 = it->second;
      }
      if (admin2 == kNoFeature) {
        if (auto it = admin2_of_code_.find(p.admin2_code);
            it != admin2_of_code_.end() &&
            (admin1 == kNoFeature || drafts_[it->second].feature.admin1 == admin1)) {
          admin2 = it->second;
        }
      }
      d.feature.admin1 = admin1;
      d.feature.admin2 = admin2;
      for (uint32_t area : {admin1, admin2}) {
        if (area != kNoFeature && shapeless_.count(area)) {
          sums[area].first += p.lat;
          sums[area].second += p.lon;
          ++counts[area];
        }
      }
      add(std::move(d));
    }
    for (auto& [area, sum] : sums) {
      drafts_[area].feature.lat_e7 = e7(sum.first / counts[area]);
      drafts_[area].feature.lon_e7 = e7(sum.second / counts[area]);
    }
    // A shapeless area with no places: its province's point, and only its province's precision.
    for (uint32_t id : shapeless_) {
      Feature& f = drafts_[id].feature;
      if (sums.count(id) || f.kind != FeatureKind::admin2 || f.admin1 == kNoFeature) continue;
      f.lat_e7 = drafts_[f.admin1].feature.lat_e7;
      f.lon_e7 = drafts_[f.admin1].feature.lon_e7;
      f.coarse_point = 1;
    }
    for (const Draft& d : drafts_) {
      const Feature& f = d.feature;
      if (f.kind == FeatureKind::admin2 && !d.rings.empty() && f.admin1 != kNoFeature) {
        drafts_[f.admin1].feature.has_districts = 1;
      }
    }
    return Status::success();
  }

  void add_countries() {
    std::map<std::string, std::vector<uint32_t>> admin1_by_country;
    for (uint32_t id = 0; id < drafts_.size(); ++id) {
      const Feature& f = drafts_[id].feature;
      if (f.kind == FeatureKind::admin1 && !shapeless_.count(id)) {
        admin1_by_country[std::string(f.country, 2)].push_back(id);
      }
    }
    for (auto& [iso2, areas] : admin1_by_country) {
      auto it = s_.countries.find(iso2);
      if (it == s_.countries.end()) continue;
      Draft d;
      d.feature.kind = FeatureKind::country;
      d.feature.feature_class = 'A';
      copy_code(d.feature.feature_code, "PCLI");
      copy_country(d.feature.country, iso2);
      d.name = it->second.name;
      d.code = iso2;
      d.names = it->second.names;
      double lat = 0, lon = 0;
      for (uint32_t a : areas) {
        lat += drafts_[a].feature.latitude();
        lon += drafts_[a].feature.longitude();
      }
      d.feature.lat_e7 = e7(lat / static_cast<double>(areas.size()));
      d.feature.lon_e7 = e7(lon / static_cast<double>(areas.size()));
      add(std::move(d));
    }
  }

  Status add_regions() {
    for (const SourceRegion& r : s_.regions) {
      Draft d;
      d.feature.kind = FeatureKind::region;
      d.feature.feature_class = 'A';
      d.feature.border_zone = r.border ? 1 : 0;
      copy_code(d.feature.feature_code, r.border ? "ZONE" : "RGN");
      copy_country(d.feature.country, r.country);
      d.name = r.names.front();
      d.code = r.key;
      d.names = r.names;
      double lat = 0, lon = 0;
      for (const std::string& m : r.members) {
        auto it = admin1_of_code_.find(m);
        if (it == admin1_of_code_.end()) {
          return make_error(
              fmt::format("regions: {} names admin1 '{}', which no table has", r.key, m));
        }
        d.members.push_back(it->second);
        lat += drafts_[it->second].feature.latitude();
        lon += drafts_[it->second].feature.longitude();
      }
      d.feature.lat_e7 = e7(lat / static_cast<double>(r.members.size()));
      d.feature.lon_e7 = e7(lon / static_cast<double>(r.members.size()));
      add(std::move(d));
    }
    return Status::success();
  }

  Result<std::vector<uint64_t>> pack(const std::string& label, uint64_t source_hash) {
    Strings strings;
    std::vector<Feature> features;
    std::vector<uint32_t> name_lists{0}, name_ids, members;
    std::vector<KeyEntry> folded, skeleton;
    std::map<std::string, std::set<uint32_t>> fuzzy;
    std::vector<Ring> rings;
    std::vector<Vertex> vertices;
    for (uint32_t id = 0; id < drafts_.size(); ++id) {
      Draft& d = drafts_[id];
      Feature f = d.feature;
      f.name = strings.id(d.name);
      f.code = strings.id(d.code);
      std::vector<std::string> names{d.name};
      for (auto& n : d.names) {
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
      }
      // "Shughnon District", "Kurram Agency", "Wilayat-e Takhar": an area answers to its name
      // without the kind word too.
      if (f.kind == FeatureKind::admin1 || f.kind == FeatureKind::admin2) {
        for (size_t i = 0, n = names.size(); i < n; ++i) {
          std::string bare = without_kind_word(names[i]);
          if (!bare.empty() && std::find(names.begin(), names.end(), bare) == names.end()) {
            names.push_back(bare);
          }
        }
      }
      for (const std::string& n : names) {
        uint32_t s = strings.id(n);
        name_ids.push_back(s);
        NameKeys keys = name_keys(n);
        if (!keys.folded.empty()) {
          folded.push_back({key_hash(keys.folded), id, s});
          fuzzy[keys.folded].insert(id);
        }
        if (!keys.skeleton.empty()) skeleton.push_back({key_hash(keys.skeleton), id, s});
      }
      name_lists.push_back(static_cast<uint32_t>(name_ids.size()));
      if (f.kind == FeatureKind::region) {
        f.rings_begin = static_cast<uint32_t>(members.size());
        members.insert(members.end(), d.members.begin(), d.members.end());
        f.rings_end = static_cast<uint32_t>(members.size());
      } else {
        f.rings_begin = static_cast<uint32_t>(rings.size());
        for (const auto& ring : d.rings) {
          Ring r{static_cast<uint32_t>(vertices.size()), 0, 1e9, 1e9, -1e9, -1e9};
          for (const Vertex& v : ring) {
            vertices.push_back(v);
            r.min_lon = std::min(r.min_lon, v.lon);
            r.max_lon = std::max(r.max_lon, v.lon);
            r.min_lat = std::min(r.min_lat, v.lat);
            r.max_lat = std::max(r.max_lat, v.lat);
          }
          r.end = static_cast<uint32_t>(vertices.size());
          rings.push_back(r);
        }
        f.rings_end = static_cast<uint32_t>(rings.size());
      }
      features.push_back(f);
    }
    auto dedupe = [](std::vector<KeyEntry>& v) {
      std::stable_sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end(),
                          [](const KeyEntry& a, const KeyEntry& b) {
                            return a.hash == b.hash && a.feature == b.feature;
                          }),
              v.end());
    };
    dedupe(folded);
    dedupe(skeleton);

    std::string fuzzy_text;
    std::vector<uint32_t> fuzzy_offsets, fuzzy_features, fuzzy_lists;
    for (auto& [key, ids] : fuzzy) {
      fuzzy_offsets.push_back(static_cast<uint32_t>(fuzzy_text.size()));
      fuzzy_features.push_back(static_cast<uint32_t>(fuzzy_lists.size()));
      fuzzy_text += key;
      fuzzy_lists.insert(fuzzy_lists.end(), ids.begin(), ids.end());
    }
    fuzzy_offsets.push_back(static_cast<uint32_t>(fuzzy_text.size()));
    fuzzy_features.push_back(static_cast<uint32_t>(fuzzy_lists.size()));
    // The deletion index: each key under itself and under every one-letter deletion of it. Two
    // keys within one edit, or within two edits that one deletion on each side undoes, share
    // an entry (SymSpell's neighbourhood), so a query looks up its own few deletions instead
    // of measuring its distance to every key.
    std::vector<KeyEntry> deletions;
    for (uint32_t k = 0; k + 1 < fuzzy_offsets.size(); ++k) {
      std::string_view key(fuzzy_text.data() + fuzzy_offsets[k],
                           fuzzy_offsets[k + 1] - fuzzy_offsets[k]);
      for (uint64_t hash : deletion_hashes(key)) {
        deletions.push_back({hash, k, 0});
      }
    }
    dedupe(deletions);

    // The grid: every area with a polygon, in every cell its bounding box touches.
    double lon0 = 180, lat0 = 90, lon1 = -180, lat1 = -90;
    for (const Ring& r : rings) {
      lon0 = std::min(lon0, r.min_lon);
      lat0 = std::min(lat0, r.min_lat);
      lon1 = std::max(lon1, r.max_lon);
      lat1 = std::max(lat1, r.max_lat);
    }
    if (rings.empty()) lon0 = lat0 = lon1 = lat1 = 0;
    lon0 = std::floor(lon0 / kGridStep) * kGridStep;
    lat0 = std::floor(lat0 / kGridStep) * kGridStep;
    auto cols = static_cast<uint32_t>(std::floor((lon1 - lon0) / kGridStep)) + 1;
    auto rows = static_cast<uint32_t>(std::floor((lat1 - lat0) / kGridStep)) + 1;
    std::vector<std::vector<uint32_t>> cells(size_t{cols} * rows);
    for (uint32_t id = 0; id < features.size(); ++id) {
      const Feature& f = features[id];
      if (f.kind != FeatureKind::admin1 && f.kind != FeatureKind::admin2) continue;
      if (f.rings_begin == f.rings_end) continue;
      double a = 1e9, b = 1e9, c = -1e9, e = -1e9;
      for (uint32_t r = f.rings_begin; r < f.rings_end; ++r) {
        a = std::min(a, rings[r].min_lon);
        b = std::min(b, rings[r].min_lat);
        c = std::max(c, rings[r].max_lon);
        e = std::max(e, rings[r].max_lat);
      }
      auto c0 = static_cast<uint32_t>((a - lon0) / kGridStep),
           c1 = static_cast<uint32_t>((c - lon0) / kGridStep);
      auto r0 = static_cast<uint32_t>((b - lat0) / kGridStep),
           r1 = static_cast<uint32_t>((e - lat0) / kGridStep);
      for (uint32_t row = r0; row <= std::min(r1, rows - 1); ++row) {
        for (uint32_t col = c0; col <= std::min(c1, cols - 1); ++col)
          cells[size_t{row} * cols + col].push_back(id);
      }
    }
    std::vector<uint32_t> grid_offsets{0}, grid_areas;
    for (const auto& cell : cells) {
      grid_areas.insert(grid_areas.end(), cell.begin(), cell.end());
      grid_offsets.push_back(static_cast<uint32_t>(grid_areas.size()));
    }
    std::vector<double> grid_param = {lon0, lat0, kGridStep, static_cast<double>(cols),
                                      static_cast<double>(rows)};

    // Kind words by folded key, sorted for binary search; the first role given a key wins. Two
    // spellings of one key on different sides stand on either side: Uzbek "viloyati" follows
    // the name ("Andijon viloyati"), Tajik "вилояти" (the same key) precedes it ("вилояти
    // Тахор").
    constexpr uint8_t kBefore = 0x10, kEither = 0x20, kRole = 0x0F;
    std::map<std::string, uint8_t> words;
    for (const SourceWord& w : s_.kind_words) {
      auto bits =
          static_cast<uint8_t>(w.role | (w.before ? kBefore : 0) | (w.either ? kEither : 0));
      auto [it, added] = words.emplace(name_keys(w.word).folded, bits);
      if (!added && (it->second & kRole) == w.role && (it->second & kBefore) != (bits & kBefore)) {
        it->second |= kBefore | kEither;
      }
    }
    std::string word_text;
    std::vector<uint32_t> word_offsets;
    std::vector<uint8_t> word_roles;
    for (auto& [key, role] : words) {
      word_offsets.push_back(static_cast<uint32_t>(word_text.size()));
      word_text += key;
      word_roles.push_back(role);
    }
    word_offsets.push_back(static_cast<uint32_t>(word_text.size()));

    io::SectionFileBuilder out;
    out.add("word.off", word_offsets);
    out.add("word.txt", word_text.data(), word_text.size());
    out.add("word.role", word_roles);
    out.add("feature", features);
    auto offsets = strings.offsets();
    out.add("string.off", offsets);
    out.add("string.txt", strings.text().data(), strings.text().size());
    out.add("name.list", name_lists);
    out.add("name.ids", name_ids);
    out.add("key.folded", folded);
    out.add("key.folded.dir", key_directory(folded));
    out.add("key.skeleton", skeleton);
    out.add("key.skeleton.dir", key_directory(skeleton));
    out.add("fuzzy.off", fuzzy_offsets);
    out.add("fuzzy.txt", fuzzy_text.data(), fuzzy_text.size());
    out.add("fuzzy.feat", fuzzy_features);
    out.add("fuzzy.list", fuzzy_lists);
    out.add("fuzzy.del", deletions);
    out.add("fuzzy.del.dir", key_directory(deletions));
    out.add("member", members);
    auto [bands, band_offsets, band_edges] = edge_bands(features, rings, vertices);
    out.add("ring", rings);
    out.add("band.area", bands);
    out.add("band.off", band_offsets);
    out.add("band.edge", band_edges);
    out.add("vertex", vertices);
    out.add("grid.param", grid_param);
    out.add("grid.off", grid_offsets);
    out.add("grid.area", grid_areas);
    return out.finish(gazetteer_file_kind(),
                      {features.size(), label, static_cast<int64_t>(source_hash), 0});
  }

  // The name without a kind word at its end or start ("Rasht District" → "Rasht"); "" when it
  // has none or would be empty.
  std::string without_kind_word(const std::string& name) {
    if (kind_keys_.empty()) {
      for (const SourceWord& w : s_.kind_words) {
        auto role = static_cast<WordRole>(w.role);
        if (role == WordRole::admin1 || role == WordRole::admin2) {
          kind_keys_.insert(folded_key(w.word));
        } else if (role == WordRole::leading) {
          leading_keys_.insert(folded_key(w.word));
        }
      }
    }
    size_t first_space = name.find(' '), last_space = name.rfind(' ');
    if (first_space == std::string::npos) return {};
    std::string bare;
    if (kind_keys_.count(folded_key(name.substr(last_space + 1)))) {
      bare = name.substr(0, last_space);
    } else if (kind_keys_.count(folded_key(name.substr(0, first_space)))) {
      bare = name.substr(first_space + 1);
    } else {
      return {};
    }
    // "Districts of Republican Subordination": no "of Republican Subordination".
    size_t space = bare.find(' ');
    while (space != std::string::npos && leading_keys_.count(folded_key(bare.substr(0, space)))) {
      bare = bare.substr(space + 1);
      space = bare.find(' ');
    }
    return bare;
  }

  GazetteerBuilder::Sources& s_;
  std::set<std::string> kind_keys_, leading_keys_;
  std::vector<Draft> drafts_;
  std::vector<Ring> boxes_;
  std::vector<uint32_t> shaped_;  // the areas with polygons (locate tests only these)
  std::map<std::string, uint32_t> admin1_of_code_, admin2_of_code_;
  std::set<uint32_t> shapeless_;
};

}  // namespace

Result<std::vector<uint64_t>> GazetteerBuilder::finish(const std::string& label,
                                                       uint64_t source_hash) {
  return Packer(*sources_).run(label, source_hash);
}

}  // namespace sitrep::geo
