// The extractor measured against hand-labelled passages (tests/data/extract-gold.jsonl): per
// field precision, recall and F1, and the misses, as `sitrep eval extract` prints them.
//
// A gold line is a report ({id, published, source, title, text, language, style}) with the
// events it tells ("events": [{event_type, sub_event_type, perpetrator, target, target_level,
// minority, country, admin1, admin2, date, killed_low, killed_high, claim, cross_border}]);
// a passage without an event has "events": [].
//
// Scoring: in each passage, gold events and extracted mentions are paired greedily by how much
// they agree (type, province, date, perpetrator); a pair's field counts a true positive when
// both give it and agree, a false positive and a false negative when they disagree, a false
// negative when only the gold gives it, and a false positive when only the mention does.
// Unpaired gold events are false negatives on every field they give; unpaired mentions (an event
// found in a passage without one) false positives on every field they give. Fatalities agree
// when the ranges overlap (an open "at least 31" reaches to infinity); cross-border is scored on
// its positives; a claim status of "unknown" counts as not given; admin2 is scored where the
// gold gives one (a passage that names only a town states no district).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/extract/document.hpp"
#include "sitrep/extract/extractor.hpp"
#include "sitrep/model/actor_registry.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

struct GoldEvent {
  std::map<std::string, std::string> fields;  // field → value, only those the gold gives
  std::optional<int> killed_low, killed_high;
  bool cross_border = false;
};

struct GoldPassage {
  int line = 0;
  std::string style;
  Document document;
  std::vector<GoldEvent> events;
};

Result<std::vector<GoldPassage>> read_extraction_gold(const std::string& path);

struct FieldScore {
  std::string field;
  int true_positives = 0, false_positives = 0, false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct EvaluationMiss {
  std::string passage, field, expected, got;
};

struct ExtractionEvaluation {
  int passages = 0, gold_events = 0, mentions = 0;
  std::vector<FieldScore> fields;  // in the order of kScoredFields
  std::vector<EvaluationMiss> misses;
};

// The fields scored, in print order.
const std::vector<std::string>& scored_fields();

// The values a mention gives for the scored fields (fatalities and cross-border apart).
std::map<std::string, std::string> mention_fields(const Mention& mention);

// Whether two districts, each named with its province, are one area.
using SameDistrict =
    std::function<bool(std::string_view admin2, std::string_view admin1,
                       std::string_view other_admin2, std::string_view other_admin1)>;

// admin2_area compares districts as areas: one when their spellings fold alike (without words
// such as "District"), or when `same_district`, if given, says so.
ExtractionEvaluation evaluate_extraction(
    const std::vector<GoldPassage>& gold,
    const std::function<ReportExtraction(const Document&)>& extract,
    const SameDistrict& same_district = {});

// Two district names are one area when a district of the gazetteer has both, in the province
// each is named with ("Garmsīr", GeoNames' spelling, and "Garmser", geoBoundaries'). (Spellings
// that fold alike are the scorer's own test.)
SameDistrict same_district_in(const geo::Gazetteer& gazetteer);

// Real headlines with the labels a dataset gave their events (tests/data/extract-ucdp-gold.tsv,
// from UCDP GED): the extractor's perpetrator should be one of the event's two sides, and its
// place within 50 km of the dataset's coordinates.
struct HeadlineGold {
  int line = 0;
  Document document;               // the headline as a titled report, published that day
  std::vector<std::string> sides;  // canonical actors of side_a and side_b ("Civilians" left out)
  double latitude = 0, longitude = 0;
  // The dataset's deaths summed over every event citing this headline (it often splits one
  // report's toll over several events, one per district): low, best and high estimates.
  int deaths_low = 0, deaths_best = 0, deaths_high = 0;
};

// Reads the TSV (columns row, outlet, published, headline, side_a, side_b, latitude,
// longitude, headline_low, headline_best, headline_high); sides are resolved through the actor
// registry at the event's date in `country`.
Result<std::vector<HeadlineGold>> read_headline_gold(const std::string& path,
                                                     const model::ActorRegistry& actors,
                                                     const std::string& country);

struct HeadlineEvaluation {
  int rows = 0;
  int with_mention = 0;      // headlines where an event was found
  int with_perpetrator = 0;  // … and a perpetrator named (an unidentified one aside)
  int unidentified = 0;      // … and the perpetrator unidentified
  int perpetrator_on_a_side = 0;
  // UCDP's sides are the two parties of a dyad, not who struck whom: "10 Taliban killed in
  // Helmand" names side b as the target. So also: headlines naming an actor in any role
  // (perpetrator, target, claimant), and those whose every named actor is one of the sides.
  int naming_an_actor = 0;
  int actors_all_on_sides = 0;
  // Headlines giving a death toll, and those whose range meets the dataset's low-high range
  // for the headline (its events' estimates also weigh other reports: this is a floor).
  int with_deaths = 0;
  int deaths_in_range = 0;
  int with_place = 0;  // … and a place found
  int place_within_50km = 0;
  // … and the place agrees at the precision the text gives: a point within 50 km; a district or
  // province containing the dataset's point (a country or region never counts)
  int place_agrees = 0;
  // … and the place is a region of provinces ("southern Afghanistan"), and one of them contains
  // the dataset's point
  int with_region = 0;
  int region_contains = 0;
  // … and the place is a town or a district: the headlines a 50 km test can fairly judge (a
  // province spans 50-150 km)
  int with_local_place = 0;
  int local_place_within_50km = 0;
  std::vector<EvaluationMiss> misses;  // field "event", "perpetrator", "actors", "deaths", "place"
};

HeadlineEvaluation evaluate_headlines(
    const std::vector<HeadlineGold>& gold,
    const std::function<ReportExtraction(const Document&)>& extract,
    const geo::Gazetteer& gazetteer);

}  // namespace sitrep::extract
