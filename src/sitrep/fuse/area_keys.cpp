#include "sitrep/fuse/area_keys.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

#include "sitrep/geo/name_key.hpp"

namespace sitrep::fuse {
namespace {

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

}  // namespace sitrep::fuse
