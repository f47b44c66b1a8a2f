// The gazetteer: places and admin areas with every name they go by, read in place from one
// mmapped section file (io/section_file.hpp, kind "SITREPGZ").
//
// Names are found by key (name_key.hpp): the folded key first, then the consonant skeleton,
// then, for a name neither finds, folded keys within two edits. Areas carry polygons; the
// point-in-polygon lookup (locate) answers which admin1 and admin2 a coordinate lies in.
//
// A Gazetteer is built by GazetteerBuilder (gazetteer_builder.hpp) from GeoNames files, admin
// name tables, GeoJSON polygons and the region table; open_gazetteer (gazetteer_files.hpp)
// finds or builds the one a command uses.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/geo/feature.hpp"
#include "sitrep/geo/name_key.hpp"
#include "sitrep/io/section_file.hpp"
#include "sitrep/result.hpp"

namespace sitrep::geo {

// An entry of a name index: a key's hash and the feature one of whose names has that key.
struct KeyEntry {
  uint64_t hash = 0;
  uint32_t feature = 0;
  uint32_t name = 0;  // string id of the name that gave the key
  bool operator<(const KeyEntry& o) const {
    return hash != o.hash ? hash < o.hash : feature < o.feature;
  }
};

// A sorted KeyEntry array with a directory over the hashes' top bits: a lookup reads one
// directory slot and the entry or two of its bucket, not a binary search's dozen cache lines.
struct KeyIndex {
  std::span<const KeyEntry> entries;
  std::span<const uint32_t> directory;  // 2^bits + 1 offsets into entries
  int shift = 63;

  std::span<const KeyEntry> equal(uint64_t hash) const;
};

// The directory for entries sorted by hash.
std::vector<uint32_t> key_directory(const std::vector<KeyEntry>& sorted);

// What a word next to a place name says (kind-words.tsv), and on which side of the name it
// stands.
enum class WordRole : uint8_t { none = 0, place, admin2, admin1, border, area, leading };
struct WordInfo {
  WordRole role = WordRole::none;
  bool before = false;  // precedes the name ("ولایت بلخ"); else follows it ("Balkh province")
  bool either = false;  // on either side: Dari "ولسوالی نادعلی", Pashto "د نادعلي ولسوالۍ"
  bool may_follow() const { return !before || either; }
};
std::optional<WordRole> parse_word_role(std::string_view text);

// How a name was found.
enum class MatchKind : uint8_t { folded, skeleton, fuzzy };

struct NameMatch {
  uint32_t feature = 0;
  uint32_t name = 0;  // the gazetteer's name that matched
  MatchKind kind = MatchKind::folded;
  uint8_t edits = 0;  // for fuzzy matches
};

// Where a point lies.
struct AdminAreas {
  uint32_t admin1 = kNoFeature;
  uint32_t admin2 = kNoFeature;
};

inline constexpr uint32_t kGazetteerFormatVersion = 8;

// The height of a latitude band of an area's edges (AreaBands), in degrees: about 2 km.
inline constexpr double kBandStep = 0.02;

class Gazetteer {
 public:
  // Views over `image`, which the gazetteer keeps alive; the image is checked first.
  static Result<Gazetteer> from_image(std::shared_ptr<const void> owner, std::string_view image);
  static Result<Gazetteer> open(const std::string& path);

  size_t size() const { return features_.size(); }
  const Feature& feature(uint32_t id) const { return features_[id]; }
  std::string_view string(uint32_t id) const;
  std::string_view name(uint32_t id) const { return string(features_[id].name); }
  std::string_view code(uint32_t id) const { return string(features_[id].code); }
  // Every name of a feature (its display name first).
  std::vector<std::string_view> names(uint32_t id) const;
  // The members of a region (admin1 areas).
  std::span<const uint32_t> members(uint32_t region) const;
  std::span<const Ring> rings(uint32_t area) const;
  std::span<const Vertex> vertices() const { return vertices_; }

  // Features one of whose names has the folded key of `text`, then (only when none has) its
  // skeleton, then (only when neither) a folded key within `max_edits` edits, if exactly the
  // closest ones are found.
  std::vector<NameMatch> find(std::string_view text, int max_edits = 2) const;
  // The same with the keys already computed (name_key.hpp); `arabic_script`: the name was
  // written in Arabic script, where a short skeleton is all there is to go on.
  std::vector<NameMatch> find(const NameKeys& keys, bool arabic_script, int max_edits = 2) const;
  // Features with a name of exactly this folded key (no fallback).
  std::vector<NameMatch> find_folded(std::string_view folded) const;
  // The second and third tiers alone: skeleton matches, then fuzzy ones if there are none.
  std::vector<NameMatch> find_similar(std::string_view text, int max_edits = 2) const;
  std::vector<NameMatch> find_similar(const NameKeys& keys, bool arabic_script,
                                      int max_edits = 2) const;

  // The role of a word next to a place name, by its folded key; none when it has none.
  WordInfo word_info(std::string_view word) const;

  // The admin1 and admin2 areas containing a point; kNoFeature where none does.
  AdminAreas locate(double latitude, double longitude) const;
  bool contains(uint32_t area, double latitude, double longitude) const;

  // What the file was built from (io::FileStamp::label) and counts, for `gazetteer info`.
  const io::FileStamp& stamp() const { return stamp_; }
  size_t image_bytes() const { return image_.size(); }
  size_t count(FeatureKind kind) const;

 private:
  std::vector<NameMatch> lookup(const KeyIndex& index, std::string_view key, MatchKind kind) const;
  std::vector<NameMatch> fuzzy(std::string_view folded, int max_edits) const;
  Status validate() const;

  std::shared_ptr<const void> owner_;
  std::string_view image_;
  io::FileStamp stamp_;
  std::span<const Feature> features_;
  std::span<const uint32_t> string_offsets_;
  std::string_view strings_;
  std::span<const uint32_t> name_lists_;  // per feature [begin, end) into name_ids_
  std::span<const uint32_t> name_ids_;
  KeyIndex folded_;
  KeyIndex skeleton_;
  std::span<const uint32_t> fuzzy_offsets_;  // distinct folded keys, for edit-distance search
  std::string_view fuzzy_text_;
  std::span<const uint32_t> fuzzy_features_;  // per distinct key [begin, end) into
  std::span<const uint32_t> fuzzy_lists_;     // features with that key
  KeyIndex fuzzy_deletions_;                  // key and one-letter deletions → key index
  std::span<const uint32_t> members_;
  std::span<const uint32_t> word_offsets_;  // kind words' folded keys, sorted
  std::string_view word_text_;
  std::span<const uint8_t> word_roles_;
  std::span<const Ring> rings_;
  std::span<const AreaBands> bands_;        // per feature
  std::span<const uint32_t> band_offsets_;  // per band [begin, end) into band_edges_
  std::span<const uint32_t> band_edges_;    // vertex v: the edge from v to v + 1
  std::span<const Vertex> vertices_;
  // Grid over the areas' bounding boxes: cell -> areas whose box overlaps it.
  double grid_lon0_ = 0, grid_lat0_ = 0, grid_step_ = 1;
  uint32_t grid_cols_ = 0, grid_rows_ = 0;
  std::span<const uint32_t> grid_offsets_;
  std::span<const uint32_t> grid_areas_;
};

uint64_t key_hash(std::string_view key);

// Is the text written in Arabic script (UTF-8 lead bytes of U+0600..U+06FF)?
bool in_arabic_script(std::string_view text);

// The hashes of a key and of every string one deletion away from it, for the fuzzy index.
std::vector<uint64_t> deletion_hashes(std::string_view key);

// The section-file kind of a gazetteer image ("SITREPGZ").
const io::FileKind& gazetteer_file_kind();

}  // namespace sitrep::geo
