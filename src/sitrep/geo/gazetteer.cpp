#include "sitrep/geo/gazetteer.hpp"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "sitrep/geo/name_key.hpp"
#include "sitrep/geo/polygon.hpp"
#include "sitrep/io/mapped_file.hpp"

namespace sitrep::geo {
namespace {

template <typename T>
Status view(const io::SectionFile& file, std::string_view name, std::span<const T>& out) {
  auto a = file.array<T>(name);
  if (!a) return make_error(a.error());
  out = *a;
  return Status::success();
}

// Levenshtein distance, or max + 1 once it is certain to exceed max.
int bounded_edits(std::string_view a, std::string_view b, int max) {
  if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > max) return max + 1;
  thread_local std::vector<int> row;
  row.resize(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > max) return max + 1;
  }
  return row[b.size()];
}

}  // namespace

std::vector<uint64_t> deletion_hashes(std::string_view key) {
  std::vector<uint64_t> out;
  out.reserve(key.size() + 1);
  out.push_back(key_hash(key));
  // One buffer for every deletion (on the stack for names of ordinary length).
  std::string buffer(key.size(), '\0');
  for (size_t i = 0; i < key.size(); ++i) {
    if (i > 0 && key[i] == key[i - 1]) continue;  // "aa": one deletion, not two
    std::memcpy(buffer.data(), key.data(), i);
    std::memcpy(buffer.data() + i, key.data() + i + 1, key.size() - i - 1);
    out.push_back(key_hash(std::string_view(buffer.data(), key.size() - 1)));
  }
  return out;
}

const io::FileKind& gazetteer_file_kind() {
  static const io::FileKind kind = {
      {'S', 'I', 'T', 'R', 'E', 'P', 'G', 'Z'}, kGazetteerFormatVersion, "gazetteer"};
  return kind;
}

bool in_arabic_script(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0xD8 && b <= 0xDB;
  });
}

uint64_t key_hash(std::string_view key) {
  return XXH3_64bits(key.data(), key.size());
}

Result<Gazetteer> Gazetteer::from_image(std::shared_ptr<const void> owner, std::string_view image) {
  auto file = io::parse_section_file(image, gazetteer_file_kind());
  if (!file) return std::move(file).take_error();
  Gazetteer g;
  g.owner_ = std::move(owner);
  g.image_ = image;
  g.stamp_ = file->stamp;
  std::span<const char> strings;
  std::span<const double> grid;
  for (Status s : {view(*file, "feature", g.features_),
                   view(*file, "string.off", g.string_offsets_),
                   view(*file, "string.txt", strings),
                   view(*file, "name.list", g.name_lists_),
                   view(*file, "name.ids", g.name_ids_),
                   view(*file, "key.folded", g.folded_.entries),
                   view(*file, "key.folded.dir", g.folded_.directory),
                   view(*file, "key.skeleton", g.skeleton_.entries),
                   view(*file, "key.skeleton.dir", g.skeleton_.directory),
                   view(*file, "fuzzy.off", g.fuzzy_offsets_),
                   view(*file, "fuzzy.feat", g.fuzzy_features_),
                   view(*file, "fuzzy.list", g.fuzzy_lists_),
                   view(*file, "fuzzy.del", g.fuzzy_deletions_.entries),
                   view(*file, "fuzzy.del.dir", g.fuzzy_deletions_.directory),
                   view(*file, "member", g.members_),
                   view(*file, "ring", g.rings_),
                   view(*file, "word.off", g.word_offsets_),
                   view(*file, "word.role", g.word_roles_),
                   view(*file, "band.area", g.bands_),
                   view(*file, "band.off", g.band_offsets_),
                   view(*file, "band.edge", g.band_edges_),
                   view(*file, "vertex", g.vertices_),
                   view(*file, "grid.param", grid),
                   view(*file, "grid.off", g.grid_offsets_),
                   view(*file, "grid.area", g.grid_areas_)}) {
    if (!s) return make_error(fmt::format("gazetteer: {}", s.error()));
  }
  auto word_text = file->section("word.txt");
  if (!word_text) return make_error(fmt::format("gazetteer: {}", word_text.error()));
  g.word_text_ = word_text->bytes;
  auto fuzzy_text = file->section("fuzzy.txt");
  if (!fuzzy_text) return make_error(fmt::format("gazetteer: {}", fuzzy_text.error()));
  g.fuzzy_text_ = fuzzy_text->bytes;
  g.strings_ = std::string_view(strings.data(), strings.size());
  if (grid.size() != 5) return make_error("gazetteer: grid parameters missing");
  g.grid_lon0_ = grid[0];
  g.grid_lat0_ = grid[1];
  g.grid_step_ = grid[2];
  if (!(std::isfinite(grid[0]) && std::isfinite(grid[1]) && grid[2] > 0 && grid[3] >= 1 &&
        grid[4] >= 1 && grid[3] * grid[4] <= 1e8)) {
    return make_error("gazetteer: grid parameters out of range");
  }
  g.grid_cols_ = static_cast<uint32_t>(grid[3]);
  g.grid_rows_ = static_cast<uint32_t>(grid[4]);
  if (Status s = g.validate(); !s) return make_error(fmt::format("gazetteer: {}", s.error()));
  for (KeyIndex* index : {&g.folded_, &g.skeleton_, &g.fuzzy_deletions_}) {
    index->shift = 64 - std::countr_zero(index->directory.size() - 1);
  }
  return g;
}

namespace {

// Offsets that only grow and end at `total`.
bool ordered_offsets(std::span<const uint32_t> offsets, size_t total) {
  if (offsets.empty() || offsets.back() != total) return false;
  return std::is_sorted(offsets.begin(), offsets.end());
}

bool all_below(std::span<const uint32_t> ids, size_t limit) {
  return std::all_of(ids.begin(), ids.end(), [&](uint32_t id) { return id < limit; });
}

}  // namespace

// Every offset and id the readers follow, checked once: a file whose checksums pass can still
// have been written by something else, and must not make a reader leave its arrays.
Status Gazetteer::validate() const {
  const size_t n = features_.size(), strings = string_offsets_.size() - 1;
  if (!ordered_offsets(string_offsets_, strings_.size())) return make_error("bad string offsets");
  if (name_lists_.size() != n + 1 || !ordered_offsets(name_lists_, name_ids_.size()) ||
      !all_below(name_ids_, strings)) {
    return make_error("bad name lists");
  }
  for (const Feature& f : features_) {
    bool region = f.kind == FeatureKind::region;
    size_t limit = region ? members_.size() : rings_.size();
    if (f.name >= strings || f.code >= strings || static_cast<uint8_t>(f.kind) > 4 ||
        (f.admin1 != kNoFeature && f.admin1 >= n) || (f.admin2 != kNoFeature && f.admin2 >= n) ||
        f.rings_begin > f.rings_end || f.rings_end > limit ||
        (f.coarse_point && (f.kind != FeatureKind::admin2 || f.admin1 == kNoFeature))) {
      return make_error("a feature refers outside the file");
    }
  }
  if (!all_below(members_, n)) return make_error("bad region members");
  for (const Ring& r : rings_) {
    if (r.begin > r.end || r.end > vertices_.size()) return make_error("bad ring");
  }
  if (bands_.size() != n || !ordered_offsets(band_offsets_, band_edges_.size())) {
    return make_error("bad polygon bands");
  }
  for (const AreaBands& b : bands_) {
    if (b.count > 0 && size_t{b.offsets} + b.count >= band_offsets_.size()) {
      return make_error("polygon bands out of range");
    }
  }
  if (vertices_.empty() ? !band_edges_.empty() : !all_below(band_edges_, vertices_.size() - 1)) {
    return make_error("edge out of range");
  }
  const size_t keys = fuzzy_offsets_.empty() ? 0 : fuzzy_offsets_.size() - 1;
  for (const KeyIndex* index : {&folded_, &skeleton_, &fuzzy_deletions_}) {
    size_t slots = index->directory.size() - 1;
    if (index->directory.size() < 2 || (slots & (slots - 1)) != 0 ||
        !ordered_offsets(index->directory, index->entries.size())) {
      return make_error("bad key directory");
    }
    size_t limit = index == &fuzzy_deletions_ ? keys : n;
    for (const KeyEntry& e : index->entries) {
      if (e.feature >= limit || (index != &fuzzy_deletions_ && e.name >= strings)) {
        return make_error("a key refers outside the file");
      }
    }
  }
  if (!ordered_offsets(fuzzy_offsets_, fuzzy_text_.size()) ||
      fuzzy_features_.size() != fuzzy_offsets_.size() ||
      !ordered_offsets(fuzzy_features_, fuzzy_lists_.size()) || !all_below(fuzzy_lists_, n)) {
    return make_error("bad misspelling index");
  }
  if (word_offsets_.size() != word_roles_.size() + 1 ||
      !ordered_offsets(word_offsets_, word_text_.size())) {
    return make_error("bad kind words");
  }
  if (grid_offsets_.size() != size_t{grid_cols_} * grid_rows_ + 1 ||
      !ordered_offsets(grid_offsets_, grid_areas_.size()) || !all_below(grid_areas_, n)) {
    return make_error("bad grid");
  }
  return Status::success();
}

Result<Gazetteer> Gazetteer::open(const std::string& path) {
  auto mapped = io::MappedFile::open(path);
  if (!mapped) return std::move(mapped).take_error();
  auto owner = std::make_shared<io::MappedFile>(std::move(*mapped));
  std::string_view image = owner->contents();
  auto g = from_image(owner, image);
  if (!g) return make_error(fmt::format("{}: {}", path, g.error()));
  return g;
}

std::string_view Gazetteer::string(uint32_t id) const {
  if (size_t{id} + 1 >= string_offsets_.size()) return {};
  return strings_.substr(string_offsets_[id], string_offsets_[id + 1] - string_offsets_[id]);
}

std::vector<std::string_view> Gazetteer::names(uint32_t id) const {
  std::vector<std::string_view> out;
  for (uint32_t i = name_lists_[id]; i < name_lists_[id + 1]; ++i) {
    out.push_back(string(name_ids_[i]));
  }
  return out;
}

std::span<const uint32_t> Gazetteer::members(uint32_t region) const {
  const Feature& f = features_[region];
  if (f.kind != FeatureKind::region) return {};
  return members_.subspan(f.rings_begin, f.rings_end - f.rings_begin);
}

std::span<const Ring> Gazetteer::rings(uint32_t area) const {
  const Feature& f = features_[area];
  if (f.kind != FeatureKind::admin1 && f.kind != FeatureKind::admin2) return {};
  return rings_.subspan(f.rings_begin, f.rings_end - f.rings_begin);
}

size_t Gazetteer::count(FeatureKind kind) const {
  return static_cast<size_t>(std::count_if(features_.begin(), features_.end(),
                                           [&](const Feature& f) { return f.kind == kind; }));
}

std::span<const KeyEntry> KeyIndex::equal(uint64_t hash) const {
  size_t slot = shift >= 64 ? 0 : static_cast<size_t>(hash >> shift);
  auto bucket = entries.subspan(directory[slot], directory[slot + 1] - directory[slot]);
  auto first =
      std::find_if(bucket.begin(), bucket.end(), [&](const KeyEntry& e) { return e.hash >= hash; });
  auto last = std::find_if(first, bucket.end(), [&](const KeyEntry& e) { return e.hash != hash; });
  return {first, last};
}

std::vector<uint32_t> key_directory(const std::vector<KeyEntry>& sorted) {
  int bits = 4;
  while (bits < 20 && (size_t{1} << bits) < sorted.size()) ++bits;
  std::vector<uint32_t> directory((size_t{1} << bits) + 1, 0);
  size_t e = 0;
  for (size_t slot = 0; slot < directory.size(); ++slot) {
    while (e < sorted.size() && (sorted[e].hash >> (64 - bits)) < slot) ++e;
    directory[slot] = static_cast<uint32_t>(e);
  }
  directory.back() = static_cast<uint32_t>(sorted.size());
  return directory;
}

std::vector<NameMatch> Gazetteer::lookup(const KeyIndex& index, std::string_view key,
                                         MatchKind kind) const {
  std::vector<NameMatch> out;
  if (key.empty()) return out;
  for (const KeyEntry& e : index.equal(key_hash(key))) {
    if (!out.empty() && out.back().feature == e.feature) continue;  // another name, same place
    out.push_back({e.feature, e.name, kind, 0});
  }
  return out;
}

std::vector<NameMatch> Gazetteer::find_folded(std::string_view folded) const {
  return lookup(folded_, folded, MatchKind::folded);
}

std::vector<NameMatch> Gazetteer::fuzzy(std::string_view folded, int max_edits) const {
  std::vector<NameMatch> out;
  // Short keys have too many neighbours for an edit to mean a misspelling: one edit from six
  // letters on, two from nine.
  if (folded.size() < 6) return out;
  if (folded.size() < 9) max_edits = std::min(max_edits, 1);
  if (max_edits <= 0) return out;
  std::vector<uint32_t> candidates;
  for (uint64_t hash : deletion_hashes(folded)) {
    for (const KeyEntry& e : fuzzy_deletions_.equal(hash)) {
      candidates.push_back(e.feature);  // here: the index of a distinct key
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  int best = max_edits + 1;
  std::vector<uint32_t> keys;
  for (uint32_t k : candidates) {
    std::string_view candidate =
        fuzzy_text_.substr(fuzzy_offsets_[k], fuzzy_offsets_[k + 1] - fuzzy_offsets_[k]);
    if (candidate.empty() || candidate[0] != folded[0]) continue;  // first letters rarely err
    // The key itself is the folded tier's answer; here only misspellings count.
    if (candidate == folded) continue;
    int d = bounded_edits(folded, candidate, std::min(best, max_edits));
    if (d < best) {
      best = d;
      keys.clear();
    }
    if (d == best && d <= max_edits) keys.push_back(k);
  }
  for (uint32_t k : keys) {
    for (uint32_t i = fuzzy_features_[k]; i < fuzzy_features_[k + 1]; ++i) {
      uint32_t f = fuzzy_lists_[i];
      out.push_back({f, features_[f].name, MatchKind::fuzzy, static_cast<uint8_t>(best)});
    }
  }
  // A feature whose names give several keys at the same distance is one answer.
  std::sort(out.begin(), out.end(),
            [](const NameMatch& a, const NameMatch& b) { return a.feature < b.feature; });
  out.erase(
      std::unique(out.begin(), out.end(),
                  [](const NameMatch& a, const NameMatch& b) { return a.feature == b.feature; }),
      out.end());
  return out;
}

std::vector<NameMatch> Gazetteer::find(std::string_view text, int max_edits) const {
  return find(name_keys(text), in_arabic_script(text), max_edits);
}

std::vector<NameMatch> Gazetteer::find(const NameKeys& keys, bool arabic_script,
                                       int max_edits) const {
  auto found = lookup(folded_, keys.folded, MatchKind::folded);
  if (!found.empty()) return found;
  return find_similar(keys, arabic_script, max_edits);
}

std::vector<NameMatch> Gazetteer::find_similar(std::string_view text, int max_edits) const {
  return find_similar(name_keys(text), in_arabic_script(text), max_edits);
}

std::vector<NameMatch> Gazetteer::find_similar(const NameKeys& keys, bool arabic_script,
                                               int max_edits) const {
  // Latin spellings carry their vowels: a skeleton of three consonants or fewer (Archi: rc)
  // names too many places to stand alone. Arabic script writes few vowels, so there it must.
  if (arabic_script || keys.skeleton.size() >= 4) {
    auto found = lookup(skeleton_, keys.skeleton, MatchKind::skeleton);
    if (!found.empty()) return found;
  }
  return fuzzy(keys.folded, max_edits);
}

WordInfo Gazetteer::word_info(std::string_view word) const {
  std::string key = folded_key(word);
  size_t lo = 0, hi = word_roles_.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    std::string_view at =
        word_text_.substr(word_offsets_[mid], word_offsets_[mid + 1] - word_offsets_[mid]);
    if (at == key) {
      return {static_cast<WordRole>(word_roles_[mid] & 0x0F), (word_roles_[mid] & 0x10) != 0,
              (word_roles_[mid] & 0x20) != 0};
    }
    if (at < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return {};
}

std::optional<WordRole> parse_word_role(std::string_view text) {
  static const std::pair<std::string_view, WordRole> kRoles[] = {
      {"place", WordRole::place},   {"admin2", WordRole::admin2}, {"admin1", WordRole::admin1},
      {"border", WordRole::border}, {"area", WordRole::area},     {"leading", WordRole::leading}};
  for (auto [name, role] : kRoles) {
    if (text == name) return role;
  }
  return std::nullopt;
}

bool Gazetteer::contains(uint32_t area, double latitude, double longitude) const {
  const AreaBands& b = bands_[area];
  double band = std::floor((latitude - b.base) / kBandStep);
  if (b.count == 0 || !(band >= 0 && band < b.count)) return false;
  uint32_t at = b.offsets + static_cast<uint32_t>(band);
  bool inside = false;
  for (uint32_t i = band_offsets_[at]; i < band_offsets_[at + 1]; ++i) {
    uint32_t v = band_edges_[i];
    if (crosses(vertices_[v], vertices_[v + 1], longitude, latitude)) inside = !inside;
  }
  return inside;
}

AdminAreas Gazetteer::locate(double latitude, double longitude) const {
  AdminAreas out;
  double col = std::floor((longitude - grid_lon0_) / grid_step_);
  double row = std::floor((latitude - grid_lat0_) / grid_step_);
  if (!(col >= 0 && row >= 0 && col < grid_cols_ && row < grid_rows_)) return out;
  size_t cell = static_cast<size_t>(row) * grid_cols_ + static_cast<size_t>(col);
  for (uint32_t i = grid_offsets_[cell]; i < grid_offsets_[cell + 1]; ++i) {
    uint32_t area = grid_areas_[i];
    const Feature& f = features_[area];
    uint32_t& slot = f.kind == FeatureKind::admin1 ? out.admin1 : out.admin2;
    if (slot != kNoFeature) continue;
    if (contains(area, latitude, longitude)) slot = area;
  }
  // A district whose own polygon says which province it is in decides when the coarser
  // admin1 layer (another source, another simplification) disagrees along a border, national
  // borders included. One exception: an admin1 of the same country that no district polygon
  // belongs to (Dushanbe, a city-province inside Rudaki's polygon) keeps the point, and the
  // district of the other province is dropped.
  if (out.admin2 != kNoFeature && features_[out.admin2].admin1 != kNoFeature) {
    uint32_t of_district = features_[out.admin2].admin1;
    bool city_province =
        out.admin1 != kNoFeature && !features_[out.admin1].has_districts &&
        features_[out.admin1].country_code() == features_[of_district].country_code();
    if (!city_province) {
      out.admin1 = of_district;
    } else if (of_district != out.admin1) {
      out.admin2 = kNoFeature;
    }
  }
  return out;
}

}  // namespace sitrep::geo
