#include "sitrep/fuse/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/fuse/rare_words.hpp"

namespace sitrep::fuse {
namespace {

using nlohmann::json;

int64_t pairs_in(int64_t n) {
  return n * (n - 1) / 2;
}

double f1_of(double p, double r) {
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

template <typename T>
std::optional<T> optional_field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

Result<model::Day> day_field(const json& j, const char* key) {
  return model::parse_date(j.value(key, std::string()));
}

Result<LabelledRecord> record_of(const json& j) {
  LabelledRecord out;
  FusionRecord& r = out.record;
  out.incident = j.at("incident").get<std::string>();
  out.alternatives = j.value("alternatives", std::vector<std::string>());
  r.from_text = j.value("from_text", false);
  r.source = j.value("source", std::string());
  r.exclusive = j.value("exclusive", std::string());
  auto start = day_field(j, "date_start");
  if (!start) return make_error(fmt::format("date_start: {}", start.error()));
  auto end = day_field(j, "date_end");
  r.date = {*start, end ? *end : *start, model::DatePrecision::day};
  r.date.precision = model::parse_date_precision(j.value("date_precision", std::string("day")))
                         .value_or(model::DatePrecision::day);
  r.dated_by_publication = j.value("dated_by_publication", false);
  r.country = j.value("country", std::string());
  r.admin1 = j.value("admin1", std::string());
  r.admin2 = j.value("admin2", std::string());
  r.location = j.value("location", std::string());
  r.latitude = optional_field<double>(j, "latitude");
  r.longitude = optional_field<double>(j, "longitude");
  r.place_precision = parse_place_precision(j.value("place_precision", std::string("unknown")))
                          .value_or(PlacePrecision::unknown);
  r.event_type = j.value("event_type", std::string());
  r.perpetrator = j.value("perpetrator", std::string());
  r.counterpart = j.value("counterpart", std::string());
  r.target = j.value("target", std::string());
  r.fatalities_low = optional_field<int>(j, "fatalities_low");
  r.fatalities_best = optional_field<int>(j, "fatalities_best");
  r.fatalities_high = optional_field<int>(j, "fatalities_high");
  r.claim = model::parse_claim_status(j.value("claim", std::string("unknown")))
                .value_or(model::ClaimStatus::unknown);
  r.confidence = j.value("confidence", 1.0);
  for (const std::string& w : j.value("words", std::vector<std::string>())) r.words.push_back(w);
  sort_words(r.words);
  return out;
}

}  // namespace

Result<std::vector<LabelledRecord>> read_labelled_records(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(fmt::format("{}: cannot open", path));
  std::vector<LabelledRecord> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return make_error(fmt::format("{}:{}: not a JSON object", path, number));
    }
    try {
      auto record = record_of(j);
      if (!record) return make_error(fmt::format("{}:{}: {}", path, number, record.error()));
      record->record.id = number;
      out.push_back(std::move(*record));
    } catch (const json::exception& e) {
      return make_error(fmt::format("{}:{}: {}", path, number, e.what()));
    }
  }
  return out;
}

std::string labelled_record_json(const LabelledRecord& labelled) {
  const FusionRecord& r = labelled.record;
  json j;
  j["record"] = to_string(r.ref());
  if (!labelled.incident.empty()) j["incident"] = labelled.incident;
  if (!labelled.alternatives.empty()) j["alternatives"] = labelled.alternatives;
  auto put = [&](const char* key, Symbol value) {
    if (!value.empty()) j[key] = value.str();
  };
  if (r.from_text) j["from_text"] = true;
  put("source", r.source);
  put("exclusive", r.exclusive);
  j["date_start"] = model::format_iso(r.date.start);
  if (r.date.end != r.date.start) j["date_end"] = model::format_iso(r.date.end);
  if (r.date.precision != model::DatePrecision::day) {
    j["date_precision"] = model::to_string(r.date.precision);
  }
  if (r.dated_by_publication) j["dated_by_publication"] = true;
  put("country", r.country);
  put("admin1", r.admin1);
  put("admin2", r.admin2);
  put("location", r.location);
  if (r.latitude) j["latitude"] = std::round(*r.latitude * 1e4) / 1e4;
  if (r.longitude) j["longitude"] = std::round(*r.longitude * 1e4) / 1e4;
  j["place_precision"] = to_string(r.place_precision);
  put("event_type", r.event_type);
  put("perpetrator", r.perpetrator);
  put("counterpart", r.counterpart);
  put("target", r.target);
  if (r.fatalities_low) j["fatalities_low"] = *r.fatalities_low;
  if (r.fatalities_best) j["fatalities_best"] = *r.fatalities_best;
  if (r.fatalities_high) j["fatalities_high"] = *r.fatalities_high;
  if (r.claim != model::ClaimStatus::unknown) j["claim"] = model::to_string(r.claim);
  if (r.confidence != 1) j["confidence"] = r.confidence;
  if (!r.words.empty()) j["words"] = words_text(r.words);
  return j.dump();
}

std::vector<std::string> resolve_labels(const std::vector<LabelledRecord>& set,
                                        const std::vector<uint32_t>& group) {
  std::map<uint32_t, std::set<std::string>> labels_in_group;
  for (size_t i = 0; i < set.size(); ++i) {
    if (set[i].alternatives.empty()) labels_in_group[group[i]].insert(set[i].incident);
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < set.size(); ++i) {
    std::string label = set[i].incident;
    const auto& present = labels_in_group[group[i]];
    for (const std::string& alternative : set[i].alternatives) {
      if (present.count(alternative)) {
        label = alternative;
        break;
      }
    }
    out.push_back(label);
  }
  return out;
}

FusionScores score_fusion(const std::vector<std::string>& gold,
                          const std::vector<uint32_t>& group) {
  FusionScores s;
  s.records = static_cast<int64_t>(gold.size());
  std::map<std::string, int64_t> gold_size;
  std::map<uint32_t, int64_t> group_size;
  std::map<std::pair<uint32_t, std::string>, int64_t> both;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++gold_size[gold[i]];
    ++group_size[group[i]];
    ++both[{group[i], gold[i]}];
  }
  s.gold_incidents = static_cast<int64_t>(gold_size.size());
  s.predicted_incidents = static_cast<int64_t>(group_size.size());
  for (auto& [g, n] : gold_size) s.gold_pairs += pairs_in(n);
  for (auto& [g, n] : group_size) s.predicted_pairs += pairs_in(n);
  for (auto& [key, n] : both) s.correct_pairs += pairs_in(n);
  s.false_merge_pairs = s.predicted_pairs - s.correct_pairs;
  s.missed_pairs = s.gold_pairs - s.correct_pairs;
  s.precision = s.predicted_pairs ? double(s.correct_pairs) / double(s.predicted_pairs) : 1;
  s.recall = s.gold_pairs ? double(s.correct_pairs) / double(s.gold_pairs) : 1;
  s.f1 = f1_of(s.precision, s.recall);
  double bp = 0, br = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    const double shared = static_cast<double>(both[{group[i], gold[i]}]);
    bp += shared / static_cast<double>(group_size[group[i]]);
    br += shared / static_cast<double>(gold_size[gold[i]]);
  }
  if (!gold.empty()) {
    s.bcubed_precision = bp / static_cast<double>(gold.size());
    s.bcubed_recall = br / static_cast<double>(gold.size());
  }
  s.bcubed_f1 = f1_of(s.bcubed_precision, s.bcubed_recall);
  // An incident is hidden when every one of its records sits in a group where another
  // incident has more records.
  std::map<uint32_t, std::pair<int64_t, std::string>> leader;
  for (auto& [key, n] : both) {
    auto& l = leader[key.first];
    if (n > l.first) l = {n, key.second};
  }
  std::set<std::string> visible;
  for (auto& [key, n] : both) {
    if (leader[key.first].second == key.second) visible.insert(key.second);
  }
  s.incidents_hidden = s.gold_incidents - static_cast<int64_t>(visible.size());
  return s;
}

}  // namespace sitrep::fuse
