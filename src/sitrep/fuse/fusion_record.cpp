#include "sitrep/fuse/fusion_record.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <unordered_map>

#include <fmt/format.h>

#include "sitrep/geo/name_key.hpp"

namespace sitrep::fuse {
namespace {

constexpr std::array<std::string_view, 5> kPrecisionNames = {"point", "admin2", "admin1", "country",
                                                             "unknown"};

// An area's name as a key: folded (geo::folded_key), without a trailing "province" or
// "district" that some sources add ("Helmand Province", "Nahr-e Saraj District").
std::string area_key(std::string_view name) {
  std::string words = geo::folded_words(name);
  for (std::string_view generic : {" province", " district"}) {
    if (words.size() > generic.size() && words.ends_with(generic)) {
      words.resize(words.size() - generic.size());
      break;
    }
  }
  return geo::folded_key(words);
}

}  // namespace

std::string_view to_string(PlacePrecision precision) {
  return kPrecisionNames[static_cast<size_t>(precision)];
}

std::optional<PlacePrecision> parse_place_precision(std::string_view text) {
  for (size_t i = 0; i < kPrecisionNames.size(); ++i) {
    if (text == kPrecisionNames[i]) return static_cast<PlacePrecision>(i);
  }
  return std::nullopt;
}

void key_areas(std::vector<FusionRecord>& records) {
  std::unordered_map<uint32_t, Symbol> key_of;  // by the name's symbol number
  auto key = [&](Symbol name) {
    if (name.empty()) return Symbol();
    auto [it, inserted] = key_of.try_emplace(name.id());
    if (inserted) it->second = Symbol(area_key(name.view()));
    return it->second;
  };
  for (FusionRecord& r : records) {
    r.admin1_key = key(r.admin1);
    r.admin2_key = key(r.admin2);
  }
}

void sort_words(std::vector<Symbol>& words) {
  std::sort(words.begin(), words.end(), [](Symbol a, Symbol b) { return a.id() < b.id(); });
  words.erase(std::unique(words.begin(), words.end()), words.end());
}

std::vector<std::string> words_text(const std::vector<Symbol>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (Symbol w : words) out.push_back(w.str());
  std::sort(out.begin(), out.end());
  return out;
}

std::string to_string(RecordRef ref) {
  return fmt::format("{}:{}", ref.from_text ? "mention" : "event", ref.id);
}

std::optional<RecordRef> parse_record_ref(std::string_view text) {
  RecordRef ref;
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view kind = text.substr(0, colon), number = text.substr(colon + 1);
  if (kind == "mention") {
    ref.from_text = true;
  } else if (kind != "event") {
    return std::nullopt;
  }
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), ref.id);
  if (ec != std::errc() || end != number.data() + number.size() || ref.id < 1) return std::nullopt;
  return ref;
}

}  // namespace sitrep::fuse
