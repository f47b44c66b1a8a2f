#include "sitrep/extract/evaluation.hpp"

#include <algorithm>
#include <fstream>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sitrep/geo/name_key.hpp"
#include "sitrep/model/actor_registry.hpp"
#include "sitrep/model/distance.hpp"
#include "sitrep/model/tsv_table.hpp"

namespace sitrep::extract {
namespace {

using json = nlohmann::json;

constexpr std::string_view kFatalities = "fatalities";
constexpr std::string_view kCrossBorder = "cross_border";
constexpr std::string_view kAdmin2Area = "admin2_area";

// A district's name as an area, not a spelling: folded (case, diacritics, romanisation
// variants) and without the words for an administrative unit, so that "Imām Şāḩib" and "Imam
// Sahib", or "Kandahar District" and "Kandahar", are one district.
std::string area_key(std::string_view name) {
  static const std::vector<std::string> kUnitWords = {"district", "province", "nohiyai", "nohiya",
                                                      "shahri",   "tumani",   "agency",  "city"};
  std::string key;
  std::string words = geo::folded_words(name);
  size_t start = 0;
  while (start <= words.size()) {
    size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    std::string word = words.substr(start, end - start);
    if (std::find(kUnitWords.begin(), kUnitWords.end(), word) == kUnitWords.end()) {
      key += (key.empty() ? "" : " ") + word;
    }
    start = end + 1;
  }
  return geo::folded_key(key);
}

const std::vector<std::string> kTextFields = {
    "event_type", "sub_event_type", "perpetrator", "target", "target_level", "minority",
    "country",    "admin1",         "admin2",      "date",   "claim"};

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  return "";
}

std::optional<int> int_of(const json& v) {
  if (v.is_number_integer()) return v.get<int>();
  return std::nullopt;
}

Result<GoldEvent> gold_event(const json& e) {
  if (!e.is_object()) return make_error("an event must be a JSON object");
  GoldEvent g;
  for (const std::string& f : kTextFields) {
    if (!e.contains(f)) continue;
    std::string value = text_of(e[f]);
    if (f == "claim" && value == "unknown") value.clear();
    if (!value.empty()) g.fields[f] = value;
  }
  if (e.contains("killed_low")) g.killed_low = int_of(e["killed_low"]);
  if (e.contains("killed_high")) g.killed_high = int_of(e["killed_high"]);
  g.cross_border = e.value("cross_border", false);
  return g;
}

struct Range {
  int64_t low, high;
};

std::optional<Range> gold_range(const GoldEvent& g) {
  if (!g.killed_low) return std::nullopt;
  return Range{*g.killed_low, g.killed_high ? *g.killed_high : std::numeric_limits<int64_t>::max()};
}

std::optional<Range> mention_range(const Mention& m) {
  if (!m.killed) return std::nullopt;
  return Range{m.killed->low,
               m.killed->high ? *m.killed->high : std::numeric_limits<int64_t>::max()};
}

std::string range_text(const std::optional<Range>& r) {
  if (!r) return "";
  if (r->high == std::numeric_limits<int64_t>::max()) return fmt::format("{}+", r->low);
  return r->low == r->high ? std::to_string(r->low) : fmt::format("{}-{}", r->low, r->high);
}

int agreement(const GoldEvent& g, const std::map<std::string, std::string>& m) {
  int score = 0;
  auto same = [&](const char* f) {
    auto a = g.fields.find(f);
    auto b = m.find(f);
    return a != g.fields.end() && b != m.end() && a->second == b->second;
  };
  if (same("event_type")) score += 2;
  if (same("admin1")) score += 2;
  if (same("date")) score += 1;
  if (same("perpetrator")) score += 1;
  if (same("sub_event_type")) score += 1;
  return score;
}

class Scorer {
 public:
  explicit Scorer(const SameDistrict& same_district) : same_district_(same_district) {
    for (const std::string& f : scored_fields()) out_.fields.push_back({f, 0, 0, 0});
  }

  void pair(const std::string& id, const GoldEvent* g, const Mention* m) {
    std::map<std::string, std::string> none, predicted = m ? mention_fields(*m) : none;
    const std::map<std::string, std::string>& expected = g ? g->fields : none;
    for (const std::string& f : kTextFields) {
      auto e = expected.find(f);
      auto p = predicted.find(f);
      std::string want = e == expected.end() ? "" : e->second;
      std::string got = p == predicted.end() ? "" : p->second;
      // A passage naming a town states no district: admin2 counts where the gold gives one.
      if (f == "admin2" && want.empty() && g) continue;
      count(id, f, want, got, !want.empty() && want == got);
      if (f == "admin2") {
        count(id, std::string(kAdmin2Area), want, got,
              !want.empty() && !got.empty() &&
                  (area_key(want) == area_key(got) ||
                   (same_district_ && same_district_(want, field_of(expected, "admin1"), got,
                                                     field_of(predicted, "admin1")))));
      }
    }
    std::optional<Range> want = g ? gold_range(*g) : std::nullopt;
    std::optional<Range> got = m ? mention_range(*m) : std::nullopt;
    bool overlap = want && got && want->low <= got->high && got->low <= want->high;
    count(id, std::string(kFatalities), range_text(want), range_text(got), overlap);
    bool want_cross = g && g->cross_border, got_cross = m && m->cross_border;
    count(id, std::string(kCrossBorder), want_cross ? "yes" : "", got_cross ? "yes" : "",
          want_cross && got_cross);
  }

  ExtractionEvaluation& result() { return out_; }

 private:
  static std::string_view field_of(const std::map<std::string, std::string>& fields,
                                   const std::string& name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string_view() : std::string_view(it->second);
  }

  void count(const std::string& id, const std::string& field, const std::string& want,
             const std::string& got, bool agree) {
    FieldScore& s = *std::find_if(out_.fields.begin(), out_.fields.end(),
                                  [&](const FieldScore& x) { return x.field == field; });
    if (agree) {
      ++s.true_positives;
      return;
    }
    if (!want.empty()) ++s.false_negatives;
    if (!got.empty()) ++s.false_positives;
    if (!want.empty() || !got.empty()) out_.misses.push_back({id, field, want, got});
  }

  const SameDistrict& same_district_;
  ExtractionEvaluation out_;
};

}  // namespace

SameDistrict same_district_in(const geo::Gazetteer& gazetteer) {
  return [&gazetteer](std::string_view admin2, std::string_view admin1,
                      std::string_view other_admin2, std::string_view other_admin1) {
    auto districts = [&](std::string_view name, std::string_view province) {
      std::vector<uint32_t> ids;
      for (const geo::NameMatch& m : gazetteer.find(name, /*max_edits=*/0)) {
        const geo::Feature& f = gazetteer.feature(m.feature);
        if (f.kind != geo::FeatureKind::admin2 || m.kind == geo::MatchKind::fuzzy) continue;
        if (!province.empty() &&
            (f.admin1 == geo::kNoFeature || gazetteer.name(f.admin1) != province)) {
          continue;
        }
        ids.push_back(m.feature);
      }
      return ids;
    };
    std::vector<uint32_t> a = districts(admin2, admin1), b = districts(other_admin2, other_admin1);
    return std::any_of(a.begin(), a.end(),
                       [&](uint32_t id) { return std::find(b.begin(), b.end(), id) != b.end(); });
  };
}

double FieldScore::precision() const {
  int n = true_positives + false_positives;
  return n ? static_cast<double>(true_positives) / n : 0;
}
double FieldScore::recall() const {
  int n = true_positives + false_negatives;
  return n ? static_cast<double>(true_positives) / n : 0;
}
double FieldScore::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

const std::vector<std::string>& scored_fields() {
  static const std::vector<std::string> fields = [] {
    std::vector<std::string> f = kTextFields;
    f.emplace_back(kFatalities);
    f.emplace_back(kCrossBorder);
    f.emplace_back(kAdmin2Area);
    return f;
  }();
  return fields;
}

std::map<std::string, std::string> mention_fields(const Mention& m) {
  std::map<std::string, std::string> f;
  auto put = [&](const char* name, const std::string& value) {
    if (!value.empty()) f[name] = value;
  };
  put("event_type", m.event_type);
  put("sub_event_type", m.sub_event_type);
  if (m.perpetrator) put("perpetrator", m.perpetrator->actor);
  put("target", m.target);
  put("target_level", m.target_level);
  put("minority", m.target_minority);
  if (!m.places.empty() && m.places.front().found &&
      m.places.front().role == PlaceMention::Role::target) {
    const PlaceMention& p = m.places.front();
    put("country", p.country);
    put("admin1", p.admin1);
    put("admin2", p.admin2);
  }
  if (m.date) put("date", model::format_iso(m.date->start));
  if (m.claim != model::ClaimStatus::unknown) put("claim", std::string(model::to_string(m.claim)));
  return f;
}

Result<std::vector<GoldPassage>> read_extraction_gold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(fmt::format("{}: cannot open", path));
  std::vector<GoldPassage> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      return make_error(fmt::format("{}:{}: not a JSON object", path, number));
    }
    GoldPassage p;
    p.line = number;
    p.style = j.value("style", "");
    Document& d = p.document;
    d.id = text_of(j.value("id", json()));
    if (d.id.empty()) return make_error(fmt::format("{}:{}: the id is missing", path, number));
    d.title = j.value("title", "");
    d.text = j.value("text", "");
    d.source = j.value("source", "");
    d.url = j.value("url", "");
    d.language = j.value("language", "");
    d.file = path;
    d.line = number;
    d.format = "jsonl";
    std::string published = j.value("published", "");
    d.published = parse_published(published);
    if (!published.empty() && !d.published) {
      return make_error(
          fmt::format("{}:{}: published '{}' is not a date", path, number, published));
    }
    if (!j.contains("events") || !j["events"].is_array()) {
      return make_error(fmt::format("{}:{}: \"events\" must be an array", path, number));
    }
    for (const json& e : j["events"]) {
      auto g = gold_event(e);
      if (!g) return make_error(fmt::format("{}:{}: {}", path, number, g.error()));
      p.events.push_back(std::move(*g));
    }
    out.push_back(std::move(p));
  }
  return out;
}

ExtractionEvaluation evaluate_extraction(
    const std::vector<GoldPassage>& gold,
    const std::function<ReportExtraction(const Document&)>& extract,
    const SameDistrict& same_district) {
  Scorer scorer(same_district);
  int events = 0, mentions = 0;
  for (const GoldPassage& p : gold) {
    ReportExtraction x = extract(p.document);
    events += static_cast<int>(p.events.size());
    mentions += static_cast<int>(x.mentions.size());
    std::vector<std::map<std::string, std::string>> fields;
    for (const Mention& m : x.mentions) fields.push_back(mention_fields(m));
    // Greedy pairing, best agreement first (ties: document order).
    std::vector<std::tuple<int, size_t, size_t>> pairs;
    for (size_t g = 0; g < p.events.size(); ++g) {
      for (size_t m = 0; m < x.mentions.size(); ++m) {
        int a = agreement(p.events[g], fields[m]);
        if (a > 0) pairs.emplace_back(-a, g, m);
      }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<bool> gold_used(p.events.size()), mention_used(x.mentions.size());
    for (const auto& [score, g, m] : pairs) {
      if (gold_used[g] || mention_used[m]) continue;
      gold_used[g] = mention_used[m] = true;
      scorer.pair(p.document.id, &p.events[g], &x.mentions[m]);
    }
    for (size_t g = 0; g < p.events.size(); ++g) {
      if (!gold_used[g]) scorer.pair(p.document.id, &p.events[g], nullptr);
    }
    for (size_t m = 0; m < x.mentions.size(); ++m) {
      if (!mention_used[m]) scorer.pair(p.document.id, nullptr, &x.mentions[m]);
    }
  }
  ExtractionEvaluation& out = scorer.result();
  out.passages = static_cast<int>(gold.size());
  out.gold_events = events;
  out.mentions = mentions;
  return out;
}

Result<std::vector<HeadlineGold>> read_headline_gold(const std::string& path,
                                                     const model::ActorRegistry& actors,
                                                     const std::string& country) {
  auto table =
      model::read_tsv(path, {"outlet", "published", "headline", "side_a", "side_b", "latitude",
                             "longitude", "headline_low", "headline_best", "headline_high"});
  if (!table) return make_error(table.error());
  std::vector<HeadlineGold> out;
  for (const model::TsvRow& row : table->rows) {
    auto cell = [&](const char* name) -> const std::string& {
      return row.cells[static_cast<size_t>(table->column(name))];
    };
    HeadlineGold g;
    g.line = row.line;
    g.document.id = fmt::format("line {}", row.line);
    g.document.title = cell("headline");
    g.document.source = cell("outlet");
    g.document.published = parse_published(cell("published"));
    if (!g.document.published) {
      return make_error(table->where(row) + ": published is not a date");
    }
    for (const char* side : {"side_a", "side_b"}) {
      std::string canonical = actors.resolve(cell(side), country, *g.document.published);
      std::string name = canonical.empty() ? cell(side) : canonical;
      if (name != "Civilians" && !name.empty()) g.sides.push_back(name);
    }
    try {
      g.latitude = std::stod(cell("latitude"));
      g.longitude = std::stod(cell("longitude"));
      g.deaths_low = std::stoi(cell("headline_low"));
      g.deaths_best = std::stoi(cell("headline_best"));
      g.deaths_high = std::stoi(cell("headline_high"));
    } catch (const std::exception&) {
      return make_error(table->where(row) +
                        ": latitude, longitude and the headline's deaths must be numbers");
    }
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

// Whether the region of provinces the gazetteer calls `name` has `admin1` among its members.
bool region_holds(const geo::Gazetteer& gazetteer, const std::string& name, uint32_t admin1) {
  if (admin1 == geo::kNoFeature) return false;
  for (const geo::NameMatch& m : gazetteer.find_folded(geo::folded_key(name))) {
    if (gazetteer.feature(m.feature).kind != geo::FeatureKind::region) continue;
    auto members = gazetteer.members(m.feature);
    if (std::find(members.begin(), members.end(), admin1) != members.end()) return true;
  }
  return false;
}

std::string sides_text(const HeadlineGold& g) {
  std::string sides;
  for (const std::string& s : g.sides) sides += (sides.empty() ? "" : " | ") + s;
  return sides;
}

// Every actor the mention names in any role, unidentified ones left out.
std::vector<std::string> named_actors(const Mention& m) {
  std::vector<std::string> out;
  auto add = [&](const ActorMention& a) {
    if (model::is_unattributed_actor(a.actor)) return;
    if (std::find(out.begin(), out.end(), a.actor) == out.end()) out.push_back(a.actor);
  };
  if (m.perpetrator) add(*m.perpetrator);
  if (m.target_actor) add(*m.target_actor);
  for (const ActorMention& a : m.claimed_by) add(a);
  return out;
}

void judge_actors(const HeadlineGold& g, const Mention& m, const std::string& id,
                  HeadlineEvaluation& e) {
  std::vector<std::string> actors = named_actors(m);
  if (actors.empty()) return;
  ++e.naming_an_actor;
  std::string off_sides;
  for (const std::string& a : actors) {
    if (std::find(g.sides.begin(), g.sides.end(), a) != g.sides.end()) continue;
    off_sides += (off_sides.empty() ? "" : ", ") + a;
  }
  if (off_sides.empty()) {
    ++e.actors_all_on_sides;
  } else {
    e.misses.push_back({id, "actors", sides_text(g), off_sides});
  }
}

void judge_deaths(const HeadlineGold& g, const Mention& m, const std::string& id,
                  HeadlineEvaluation& e) {
  if (!m.killed) return;
  ++e.with_deaths;
  const CasualtyMention& k = *m.killed;
  if (g.deaths_high >= k.low && (!k.high || g.deaths_low <= *k.high)) {
    ++e.deaths_in_range;
  } else {
    std::string range = !k.high            ? fmt::format("{} or more", k.low)
                        : *k.high == k.low ? fmt::format("{}", k.low)
                                           : fmt::format("{}-{}", k.low, *k.high);
    e.misses.push_back(
        {id, "deaths", fmt::format("{}-{}-{}", g.deaths_low, g.deaths_best, g.deaths_high), range});
  }
}

}  // namespace

HeadlineEvaluation evaluate_headlines(
    const std::vector<HeadlineGold>& gold,
    const std::function<ReportExtraction(const Document&)>& extract,
    const geo::Gazetteer& gazetteer) {
  auto area_name = [&](uint32_t id) {
    return id == geo::kNoFeature ? std::string() : std::string(gazetteer.name(id));
  };
  HeadlineEvaluation e;
  for (const HeadlineGold& g : gold) {
    ++e.rows;
    ReportExtraction x = extract(g.document);
    std::string id = fmt::format("{} «{}»", g.document.id, g.document.title);
    if (x.mentions.empty()) {
      e.misses.push_back({id, "event", "an event", "none"});
      continue;
    }
    ++e.with_mention;
    const Mention& m = x.mentions.front();
    // "Unidentified armed group" names no side: it counts as no perpetrator here.
    if (m.perpetrator && m.perpetrator->actor == "Unidentified armed group") {
      ++e.unidentified;
    } else if (m.perpetrator) {
      ++e.with_perpetrator;
      const std::string& actor = m.perpetrator->actor;
      if (std::find(g.sides.begin(), g.sides.end(), actor) != g.sides.end()) {
        ++e.perpetrator_on_a_side;
      } else {
        e.misses.push_back({id, "perpetrator", sides_text(g), actor});
      }
    }
    judge_actors(g, m, id, e);
    judge_deaths(g, m, id, e);
    auto place = std::find_if(m.places.begin(), m.places.end(), [](const PlaceMention& p) {
      return p.found && p.role == PlaceMention::Role::target;
    });
    if (place != m.places.end()) {
      ++e.with_place;
      double km = model::distance_km(g.latitude, g.longitude, place->latitude, place->longitude);
      geo::AdminAreas truth = gazetteer.locate(g.latitude, g.longitude);
      bool agrees = (place->precision == "point" && km <= 50) ||
                    (place->precision == "admin2" && !place->admin2.empty() &&
                     place->admin2 == area_name(truth.admin2)) ||
                    (place->precision == "admin1" && !place->admin1.empty() &&
                     place->admin1 == area_name(truth.admin1));
      if (agrees) ++e.place_agrees;
      if (place->precision == "region") {
        ++e.with_region;
        if (region_holds(gazetteer, place->name, truth.admin1)) ++e.region_contains;
      }
      if (place->precision == "point" || place->precision == "admin2") {
        ++e.with_local_place;
        if (km <= 50) ++e.local_place_within_50km;
      }
      if (km <= 50) {
        ++e.place_within_50km;
      } else {
        e.misses.push_back({id, "place", fmt::format("{:.4f},{:.4f}", g.latitude, g.longitude),
                            fmt::format("{} ({}, {:.0f} km)", place->name, place->precision, km)});
      }
    }
  }
  return e;
}

}  // namespace sitrep::extract
