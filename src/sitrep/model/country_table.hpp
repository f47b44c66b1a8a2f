// Countries: every spelling the datasets use, resolved to ISO 3166-1 alpha-2 (data/countries.tsv).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sitrep/result.hpp"

namespace sitrep::model {

class CountryTable {
 public:
  static Result<CountryTable> load(const std::string& path);

  // "Afghanistan", "AFG", "AF", "004" or an alias such as "Russia (Soviet Union)" → "AF"/"RU".
  // Empty when the name is unknown.
  std::string iso2(std::string_view name_or_code) const;
  // What a dataset's country cell means: an ISO2 code; "" for an empty cell or a name that
  // means no single country (GTD's "International": rows with iso2 "-" in the table); nullopt
  // for a name the table does not know.
  std::optional<std::string> resolve(std::string_view cell) const;
  // Display name of an ISO2 code ("AF" → "Afghanistan"); the code itself when unknown.
  std::string name(std::string_view iso2) const;
  bool is_iso2(std::string_view code) const { return names_.count(std::string(code)) > 0; }

 private:
  std::unordered_map<std::string, std::string> by_key_;  // folded name or code → ISO2
  std::unordered_map<std::string, std::string> names_;   // ISO2 → display name
  std::unordered_map<std::string, bool> no_country_;     // folded names meaning "no country"
};

}  // namespace sitrep::model
