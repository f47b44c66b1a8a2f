// The geocoder: a place phrase from a report, with what else the report says, to a feature of
// the gazetteer, with a confidence and the runners-up.
//
//   resolve("Khwaja Ghar District, Takhar Province")
//     the phrase is read as a name ("Khwaja Ghar"), a kind word ("district": prefer admin2
//     areas) and context ("Takhar Province": an admin1 the answer should lie in). Parentheses
//     are context too: "Muqur district (Badghis)".
//   resolve("Faizabad", {.admin_names = {"Jowzjan"}})
//     several places have the name; the one in Jowzjan wins.
//   resolve("northern Afghanistan"), resolve("the Afghan-Uzbek border"), resolve("Badakhshan
//   border")
//     an area (a region of admin1 areas, a border zone, an admin1), never a point picked at random:
//     the precision says so.
//   resolve("Helmand province")
//     precision admin1, standing at the province's seat (Lashkar Gah), as ACLED places an event
//     known only by its province; a province with no known seat stands at its label point.
//
// Candidates are ranked by a score whose parts are kept (Candidate::reasons): how the name
// matched (folded key, consonant skeleton, edits), whether the kind fits the kind word, whether
// the country and admin areas fit the context, importance (capital, seat, population) and the
// distance to the report's other places. A name that matches nothing resolves to nothing, with
// the reason; it never takes another name of the report down with it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/geo/gazetteer.hpp"

namespace sitrep::geo {

struct PlaceContext {
  std::string country;                   // ISO2 of the country the report is about
  std::vector<std::string> admin_names;  // provinces or districts named nearby
  std::vector<std::string> nearby;       // the report's other place names
  std::string source_country;            // ISO2 of the source (an outlet's home country)
};

struct Candidate {
  uint32_t feature = kNoFeature;
  double score = 0;
  MatchKind match = MatchKind::folded;
  std::string matched_name;
  std::vector<std::string> reasons;  // "+3.00 name 'Kunduz'", "+2.00 in Takhar", … (explain)
};

struct Resolution {
  std::string text;  // as asked
  std::string name;  // the part looked up
  bool found = false;
  Precision precision = Precision::point;
  double confidence = 0;  // 0..1
  double latitude = 0, longitude = 0;
  uint32_t admin1 = kNoFeature, admin2 = kNoFeature;
  Candidate best;
  std::vector<Candidate> runners_up;  // at most 4, best first
  std::string problem;                // why nothing was found, or a warning ("ambiguous")
};

class Geocoder {
 public:
  // `explain`: keep each candidate's reasons as text (for --explain and JSON); without it only
  // the scores are kept, which is what bulk geocoding wants.
  explicit Geocoder(std::shared_ptr<const Gazetteer> gazetteer, bool explain = false);

  // Not thread-safe (the memo below): one Geocoder per thread.
  Resolution resolve(std::string_view text, const PlaceContext& context = {}) const;
  // Every name of one report: each one's nearby places are the others.
  std::vector<Resolution> resolve_report(const std::vector<std::string>& names,
                                         const PlaceContext& context = {}) const;

  // An answer said only as far as its province: precision admin1, no district, standing where
  // the province's answers stand (its seat). For a reader that knows the text says no more.
  Resolution as_province(const Resolution& answer) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  Resolution compute(std::string_view text, const PlaceContext& context) const;
  // Where an admin1-precision answer in `admin1` stands: its seat, else its label point.
  const Feature& province_point(uint32_t admin1) const;
  // Where a feature stands when distances are measured: a province at its seat, the rest at
  // their own point.
  const Feature& standing_point(uint32_t feature) const;

  std::shared_ptr<const Gazetteer> gazetteer_;
  bool explain_ = false;
  // Each admin1 area's seat (its most populous PPLA, or the national capital), by feature id:
  // where an answer that says only "this province" stands, as ACLED codes it (geo-precision 3:
  // "a provincial capital is used if no other information at all is available"). Events
  // cluster in and around the seats; a province's label point is often in empty country.
  std::unordered_map<uint32_t, uint32_t> seats_;
  // Event streams name the same places again and again: answers for a name whose context is at
  // most a country are remembered (up to kMemoSize names, then forgotten all at once).
  static constexpr size_t kMemoSize = 1 << 16;
  mutable std::unordered_map<std::string, Resolution> memo_;
};

}  // namespace sitrep::geo
