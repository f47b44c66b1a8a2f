#include "sitrep/geo/geocoder.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "sitrep/geo/name_key.hpp"
#include "sitrep/geo/place_phrase.hpp"
#include "sitrep/model/distance.hpp"

namespace sitrep::geo {
namespace {

bool fits(FeatureKind kind, Hint hint) {
  switch (hint) {
    case Hint::none:
      return true;
    case Hint::place:
      return kind == FeatureKind::place;
    case Hint::admin2:
      return kind == FeatureKind::admin2;
    case Hint::admin1:
      return kind == FeatureKind::admin1 || kind == FeatureKind::region;
    case Hint::border:
      return kind == FeatureKind::admin1 || kind == FeatureKind::region;
  }
  return true;
}

double importance(const Feature& f) {
  std::string_view code = f.code_of_feature();
  switch (f.kind) {
    case FeatureKind::place: {
      double score = std::log10(1.0 + f.population) / 8.0;  // 0 .. ~0.85
      if (code == "PPLC")
        score += 0.6;
      else if (code == "PPLA")
        score += 0.45;
      else if (code == "PPLA2")
        score += 0.25;
      else if (code == "PPLA3" || code == "PPLA4")
        score += 0.1;
      return score;
    }
    case FeatureKind::admin1:
      return 0.5;
    case FeatureKind::admin2:
      return 0.2;  // a bare name is more often the town than its district
    case FeatureKind::region:
      return 0.3;
    case FeatureKind::country:
      return 0.6;
  }
  return 0;
}

bool in_countries(const Gazetteer& g, uint32_t feature, const std::set<std::string>& countries) {
  if (countries.count(std::string(g.feature(feature).country_code()))) return true;
  for (uint32_t m : g.members(feature)) {  // a border zone lies in two countries
    if (countries.count(std::string(g.feature(m).country_code()))) return true;
  }
  return false;
}

bool has_cyrillic_ghe(std::string_view text) {
  return text.find("Г") != std::string_view::npos || text.find("г") != std::string_view::npos;
}

// Russian writes a foreign h with Г (Герат, Гильменд): a Cyrillic name that matched nothing is
// tried again with its Г read as h.
std::string without_cyrillic_ghe(std::string_view text) {
  std::string out(text);
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"Г", "H"}, {"г", "h"}}) {
    size_t at = 0;
    while ((at = out.find(from, at)) != std::string::npos) out.replace(at, from.size(), to);
  }
  return out;
}

struct ContextAreas {
  std::set<uint32_t> areas;  // admin1 / admin2 features named by the context
  std::set<std::string> countries;
  std::vector<std::pair<double, double>> points;  // the report's other places
  // the points of those that are towns, districts or provinces, and their countries
  std::vector<std::pair<double, double>> local_points;
  std::set<std::string> local_countries;
  void add_point(const Feature& f) {
    points.emplace_back(f.latitude(), f.longitude());
    if (f.kind == FeatureKind::country || f.kind == FeatureKind::region) return;
    local_points.emplace_back(f.latitude(), f.longitude());
    local_countries.insert(std::string(f.country_code()));
  }
};

// Farther than this from every other place a report names, and in none of their countries, a
// place of the same name is another one: "в районе Сарбанд" in a story from Peshawar is not
// Tajikistan's Sarband District.
constexpr double kFarAbroadKm = 400;

bool far_abroad(const ContextAreas& ctx, const Feature& f) {
  if (f.kind != FeatureKind::place && f.kind != FeatureKind::admin2) return false;
  if (ctx.local_points.empty() || ctx.local_countries.count(std::string(f.country_code())))
    return false;
  return std::all_of(ctx.local_points.begin(), ctx.local_points.end(), [&](auto point) {
    return model::distance_km(point.first, point.second, f.latitude(), f.longitude()) >
           kFarAbroadKm;
  });
}

}  // namespace

Geocoder::Geocoder(std::shared_ptr<const Gazetteer> gazetteer, bool explain)
    : gazetteer_(std::move(gazetteer)), explain_(explain) {
  memo_.reserve(4096);  // a report stream's first few thousand names without rehashing
  const Gazetteer& g = *gazetteer_;
  auto rank = [&](const Feature& f) {  // a provincial seat before the capital, then population
    return std::pair{f.code_of_feature() == "PPLA" ? 1 : 0, f.population};
  };
  for (uint32_t id = 0; id < g.size(); ++id) {
    const Feature& f = g.feature(id);
    if (f.kind != FeatureKind::place || f.admin1 == kNoFeature) continue;
    std::string_view code = f.code_of_feature();
    if (code != "PPLA" && code != "PPLC") continue;
    auto [it, added] = seats_.try_emplace(f.admin1, id);
    if (!added && rank(f) > rank(g.feature(it->second))) it->second = id;
  }
}

Resolution Geocoder::resolve(std::string_view text, const PlaceContext& context) const {
  if (!context.admin_names.empty() || !context.nearby.empty()) return compute(text, context);
  std::string key;
  key.reserve(text.size() + 6);
  key.append(text).append(1, '\0').append(context.country).append(1, '\0');
  key.append(context.source_country);
  if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  Resolution computed = compute(text, context);
  if (memo_.size() >= kMemoSize) memo_.clear();
  return memo_.emplace(std::move(key), std::move(computed)).first->second;
}

Resolution Geocoder::compute(std::string_view text, const PlaceContext& context) const {
  const Gazetteer& g = *gazetteer_;
  Resolution out;
  out.text = std::string(text);
  Phrase phrase = parse_phrase(g, text);
  out.name = phrase.name;
  if (phrase.name.empty()) {
    out.problem = "no place name";
    return out;
  }

  // The context: admin areas and countries it names, the points of the report's other places.
  ContextAreas ctx;
  if (!context.country.empty()) ctx.countries.insert(context.country);
  std::vector<std::string> admin_names = context.admin_names;
  admin_names.insert(admin_names.end(), phrase.context.begin(), phrase.context.end());
  for (const std::string& a : admin_names) {
    Phrase ap = parse_phrase(g, a);
    for (const NameMatch& m : g.find(ap.name, 1)) {
      const Feature& f = g.feature(m.feature);
      if (f.kind == FeatureKind::admin1 || f.kind == FeatureKind::admin2) {
        ctx.areas.insert(m.feature);
      } else if (f.kind == FeatureKind::country) {
        ctx.countries.insert(std::string(f.country_code()));
      } else if (ap.hint == Hint::place || ap.hint == Hint::none) {
        ctx.add_point(f);
      }
    }
  }
  for (const std::string& n : context.nearby) {
    // Only a neighbour whose matches all lie together (a town and its district) is a fix to
    // measure from; a name of several far-apart places is not. A neighbour named with its kind
    // word is that kind of place ("Kandahar city", "Kandahar province") when the gazetteer
    // spells one so, and a province stands at its seat, as its answers do.
    Phrase near = parse_phrase(g, n);
    auto found = g.find(near.name, 0);
    if (near.hint != Hint::none && near.hint != Hint::border &&
        std::any_of(found.begin(), found.end(), [&](const NameMatch& m) {
          return fits(g.feature(m.feature).kind, near.hint);
        })) {
      std::erase_if(
          found, [&](const NameMatch& m) { return !fits(g.feature(m.feature).kind, near.hint); });
    }
    if (found.empty()) continue;
    const Feature& first = standing_point(found[0].feature);
    bool together = std::all_of(found.begin(), found.end(), [&](const NameMatch& m) {
      const Feature& f = standing_point(m.feature);
      return model::distance_km(first.latitude(), first.longitude(), f.latitude(), f.longitude()) <
             50;
    });
    if (together) ctx.add_point(first);
  }

  // A phrase that is itself a name ("the Afghan-Uzbek border", "Khyber Pakhtunkhwa province")
  // is taken whole before its kind words are read as such.
  // When the whole phrase names only towns and villages but its kind word names an area, the
  // name without the kind word is looked up too, and the kind word weighs both: in "ولسوالی
  // بهسود, ولایت ننگرهار" the district of Nangarhar must be able to beat a village in Wardak
  // whose own name is "ولسوالی بهسود" (district of Behsud).
  std::vector<NameMatch> matches;
  const Hint hint = phrase.hint;
  if (phrase.whole != phrase.name) {
    matches = g.find_folded(folded_key(phrase.whole));
    if (!matches.empty()) phrase.hint = Hint::none;
  }
  const NameKeys keys = name_keys(phrase.name);
  const bool arabic = in_arabic_script(phrase.name);
  const bool area_word = hint == Hint::admin1 || hint == Hint::admin2;
  if (!matches.empty() && area_word &&
      std::all_of(matches.begin(), matches.end(), [&](const NameMatch& m) {
        return g.feature(m.feature).kind == FeatureKind::place;
      })) {
    std::vector<NameMatch> bare = g.find(keys, arabic);
    if (!bare.empty()) {
      phrase.hint = hint;
      matches.insert(matches.end(), bare.begin(), bare.end());
    }
  }
  if (matches.empty()) matches = g.find(keys, arabic);
  if (matches.empty() && has_cyrillic_ghe(phrase.name)) {
    matches = g.find(without_cyrillic_ghe(phrase.name));
  }
  // "Khogyani district": when no exact match is of the kind the text names, a district spelled
  // a little differently is a better answer than a village spelled the same.
  // (With no match at all, find() has already tried the similar names.)
  if (phrase.hint != Hint::none && !matches.empty() &&
      std::none_of(matches.begin(), matches.end(), [&](const NameMatch& m) {
        return fits(g.feature(m.feature).kind, phrase.hint);
      })) {
    for (const NameMatch& m : g.find_similar(keys, arabic)) {
      if (fits(g.feature(m.feature).kind, phrase.hint)) matches.push_back(m);
    }
  }
  // One candidate per feature, by its best match (a place can match on several of its names).
  std::stable_sort(matches.begin(), matches.end(), [](const NameMatch& a, const NameMatch& b) {
    return a.feature != b.feature ? a.feature < b.feature : a.kind < b.kind;
  });
  matches.erase(
      std::unique(matches.begin(), matches.end(),
                  [](const NameMatch& a, const NameMatch& b) { return a.feature == b.feature; }),
      matches.end());
  if (matches.empty()) {
    out.problem = fmt::format("'{}' is not in the gazetteer", phrase.name);
    return out;
  }
  std::vector<Candidate> candidates;
  std::string rejected;
  for (const NameMatch& m : matches) {
    const Feature& f = g.feature(m.feature);
    // Hard limits: a place outside the report's country, or of another kind than the text says
    // when only its consonants or a misspelling matched, or a town far abroad from every other
    // place the report names, is another place, not a weak answer.
    if (!ctx.countries.empty() && !in_countries(g, m.feature, ctx.countries)) {
      rejected = fmt::format("{} in {}, outside {}", g.name(m.feature), f.country_code(),
                             *ctx.countries.begin());
      continue;
    }
    if (m.kind != MatchKind::folded && phrase.hint != Hint::none && !fits(f.kind, phrase.hint)) {
      rejected = fmt::format("{} is a {}", g.name(m.feature), kind_name(f.kind));
      continue;
    }
    // The provinces and districts the text names say the country too: "Chak district, Wardak"
    // is not Chak in Sindh.
    if (!ctx.areas.empty() && std::none_of(ctx.areas.begin(), ctx.areas.end(), [&](uint32_t a) {
          return g.feature(a).country_code() == f.country_code();
        })) {
      rejected = fmt::format("{} in {}, another country than {}", g.name(m.feature),
                             f.country_code(), g.name(*ctx.areas.begin()));
      continue;
    }
    if (far_abroad(ctx, f)) {
      rejected = fmt::format(
          "{} in {}, over {:.0f} km from the report's other places, in none of their countries",
          g.name(m.feature), f.country_code(), kFarAbroadKm);
      continue;
    }
    Candidate c;
    c.feature = m.feature;
    c.match = m.kind;
    c.matched_name = std::string(g.string(m.name));
    // The reason's text is built only when asked for: formatting costs more than scoring.
    auto add = [&](double points, auto&& why) {
      c.score += points;
      if (explain_) c.reasons.push_back(fmt::format("{:+.2f} {}", points, why()));
    };
    switch (m.kind) {
      case MatchKind::folded:
        add(3.0, [&] { return fmt::format("name '{}'", c.matched_name); });
        break;
      case MatchKind::skeleton:
        add(2.0, [&] { return fmt::format("consonants of '{}'", c.matched_name); });
        break;
      case MatchKind::fuzzy:
        add(1.8 - 0.3 * m.edits,
            [&] { return fmt::format("{} edit(s) from '{}'", m.edits, c.matched_name); });
        break;
    }
    if (phrase.hint != Hint::none) {
      if (fits(f.kind, phrase.hint))
        add(1.0, [&] { return fmt::format("a {}, as the text says", kind_name(f.kind)); });
      else
        add(-0.8, [&] { return fmt::format("a {}, not what the text says", kind_name(f.kind)); });
    }
    if (!ctx.countries.empty()) {
      add(1.0, [&] { return fmt::format("in {}", *ctx.countries.begin()); });
    } else if (!context.source_country.empty() && f.country_code() == context.source_country) {
      add(0.3, [&] { return "in the source's country"; });
    }
    for (uint32_t area : ctx.areas) {
      if (area == f.admin1 && area != c.feature)
        add(2.0, [&] { return fmt::format("in {}", g.name(area)); });
      else if (area == f.admin2 && area != c.feature)
        add(1.5, [&] { return fmt::format("in {}", g.name(area)); });
    }
    if (!ctx.areas.empty() && std::none_of(ctx.areas.begin(), ctx.areas.end(), [&](uint32_t a) {
          return a == f.admin1 || a == f.admin2 || g.feature(a).admin1 == f.admin1;
        })) {
      add(-1.0, [&] { return "outside the areas the report names"; });
    }
    if (!ctx.points.empty()) {
      double nearest = 1e9;
      const Feature& at = standing_point(c.feature);  // a province: as far as its seat
      for (auto [lat, lon] : ctx.points) {
        nearest = std::min(nearest, model::distance_km(lat, lon, at.latitude(), at.longitude()));
      }
      add(1.5 * std::exp(-nearest / 100.0),
          [&] { return fmt::format("{:.0f} km from the report's other places", nearest); });
    }
    add(importance(f), [&] { return "importance (seat, population)"; });
    candidates.push_back(std::move(c));
  }
  if (candidates.empty()) {
    out.problem = fmt::format("'{}' matches only {}", phrase.name, rejected);
    return out;
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.feature < b.feature;
  });
  // Runners-up that are the same place in other guises (the district around the town, the
  // town at the district's centre) do not make the answer less certain.
  const Feature& top = g.feature(candidates[0].feature);
  auto same_place = [&](const Candidate& c) {
    const Feature& f = g.feature(c.feature);
    return model::distance_km(top.latitude(), top.longitude(), f.latitude(), f.longitude()) <= 10 ||
           g.contains(c.feature, top.latitude(), top.longitude()) ||
           g.contains(candidates[0].feature, f.latitude(), f.longitude());
  };
  double total = 1;
  for (size_t i = 1; i < candidates.size(); ++i) {
    if (!same_place(candidates[i])) total += std::exp(candidates[i].score - candidates[0].score);
  }
  double certainty = candidates[0].match == MatchKind::folded     ? 1.0
                     : candidates[0].match == MatchKind::skeleton ? 0.85
                                                                  : 0.7;
  out.found = true;
  out.best = candidates[0];
  out.confidence = certainty / total;
  const Feature& best = g.feature(out.best.feature);
  out.precision = precision_of(best.kind, best.border_zone != 0 || phrase.hint == Hint::border);
  // A district known only by its code, with no places either, says no more than its province
  // and stands where the province does: at its seat.
  if (best.coarse_point) out.precision = Precision::admin1;
  const Feature& located = out.precision == Precision::admin1 ? province_point(best.admin1) : best;
  out.latitude = located.latitude();
  out.longitude = located.longitude();
  out.admin1 = best.admin1;
  out.admin2 = best.admin2;
  for (size_t i = 1; i < candidates.size() && i <= 4; ++i) out.runners_up.push_back(candidates[i]);
  if (candidates.size() > 1 && candidates[0].score - candidates[1].score < 0.5 &&
      !same_place(candidates[1])) {
    out.problem = "ambiguous: the runner-up scores almost as high";
  }
  return out;
}

const Feature& Geocoder::province_point(uint32_t admin1) const {
  auto seat = seats_.find(admin1);
  return gazetteer_->feature(seat == seats_.end() ? admin1 : seat->second);
}

const Feature& Geocoder::standing_point(uint32_t feature) const {
  return gazetteer_->feature(feature).kind == FeatureKind::admin1 ? province_point(feature)
                                                                  : gazetteer_->feature(feature);
}

Resolution Geocoder::as_province(const Resolution& answer) const {
  if (!answer.found || answer.admin1 == kNoFeature) return answer;
  Resolution out = answer;
  const Feature& located = province_point(answer.admin1);
  out.best.feature = answer.admin1;
  if (explain_) out.best.reasons.push_back("said only as its province");
  out.precision = Precision::admin1;
  out.admin2 = kNoFeature;
  out.latitude = located.latitude();
  out.longitude = located.longitude();
  return out;
}

std::vector<Resolution> Geocoder::resolve_report(const std::vector<std::string>& names,
                                                 const PlaceContext& context) const {
  std::vector<Resolution> out;
  for (size_t i = 0; i < names.size(); ++i) {
    PlaceContext c = context;
    for (size_t j = 0; j < names.size(); ++j) {
      if (j != i) c.nearby.push_back(names[j]);
    }
    out.push_back(resolve(names[i], c));
  }
  return out;
}

}  // namespace sitrep::geo
