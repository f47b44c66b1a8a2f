#include "sitrep/io/event_json.hpp"

#include <iterator>
#include <unordered_set>

#include <fmt/format.h>

namespace sitrep::io {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

const std::unordered_set<std::string>& known_keys() {
  static const std::unordered_set<std::string> keys = {"id",
                                                       "revision",
                                                       "provenance",
                                                       "dataset",
                                                       "native_id",
                                                       "date_start",
                                                       "date_end",
                                                       "date_precision",
                                                       "country",
                                                       "admin1",
                                                       "admin2",
                                                       "location",
                                                       "latitude",
                                                       "longitude",
                                                       "geo_level",
                                                       "geo_precision_native",
                                                       "event_type",
                                                       "sub_event_type",
                                                       "violence_type",
                                                       "attack_type",
                                                       "target",
                                                       "target_original",
                                                       "weapon",
                                                       "weapon_original",
                                                       "actor1",
                                                       "actor1_canonical",
                                                       "assoc_actors1",
                                                       "assoc_actors1_canonical",
                                                       "actor2",
                                                       "actor2_canonical",
                                                       "assoc_actors2",
                                                       "assoc_actors2_canonical",
                                                       "attribution_uncertain",
                                                       "fatalities_low",
                                                       "fatalities_best",
                                                       "fatalities_high",
                                                       "injuries",
                                                       "claim",
                                                       "claim_mode",
                                                       "sources",
                                                       "source_scale",
                                                       "source_count",
                                                       "notes"};
  return keys;
}

// Reads one key into a typed slot; the helpers return a fault or nothing.
class ObjectReader {
 public:
  explicit ObjectReader(const json& object) : object_(object) {}

  std::optional<JsonFieldError> text(const char* key, std::string& out, bool required = false) {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) {
      if (required) return JsonFieldError{key, "required key is missing"};
      return std::nullopt;
    }
    if (!it->is_string()) return JsonFieldError{key, "expected a string"};
    out = it->get<std::string>();
    if (required && out.empty()) return JsonFieldError{key, "must not be empty"};
    return std::nullopt;
  }

  std::optional<JsonFieldError> count(const char* key, std::optional<int>& out) {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) return JsonFieldError{key, "expected a whole number"};
    int64_t value = it->get<int64_t>();
    if (value < 0) return JsonFieldError{key, fmt::format("cannot be negative ({})", value)};
    if (value > INT32_MAX) return JsonFieldError{key, fmt::format("{} is too large", value)};
    out = static_cast<int>(value);
    return std::nullopt;
  }

  std::optional<JsonFieldError> degrees(const char* key, double limit, std::optional<double>& out) {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) return JsonFieldError{key, "expected a number"};
    double value = it->get<double>();
    if (value < -limit || value > limit) {
      return JsonFieldError{key, fmt::format("{} is out of range [-{}, {}]", value, limit, limit)};
    }
    out = value;
    return std::nullopt;
  }

  std::optional<JsonFieldError> date(const char* key, model::Day& out, bool required) {
    std::string value;
    if (auto fault = text(key, value, required)) return fault;
    if (value.empty()) return std::nullopt;
    auto day = model::parse_date(value);
    if (!day) return JsonFieldError{key, day.error()};
    out = *day;
    return std::nullopt;
  }

  std::optional<JsonFieldError> actors(const char* key, const char* canonical_key,
                                       std::vector<model::ActorRef>& out) {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) return JsonFieldError{key, "expected an array of strings"};
    for (const json& name : *it) {
      if (!name.is_string()) return JsonFieldError{key, "expected an array of strings"};
      out.push_back(model::ActorRef{"", name.get<std::string>()});
    }
    auto canon = object_.find(canonical_key);
    if (canon != object_.end() && !canon->is_null()) {
      if (!canon->is_array() || canon->size() != out.size()) {
        return JsonFieldError{canonical_key, fmt::format("expected an array as long as {}", key)};
      }
      for (size_t i = 0; i < out.size(); ++i) {
        if (!(*canon)[i].is_string()) return JsonFieldError{canonical_key, "expected strings"};
        std::string name = (*canon)[i].get<std::string>();
        if (name != out[i].original) out[i].canonical = std::move(name);
      }
    }
    return std::nullopt;
  }

 private:
  const json& object_;
};

// Every key of the schema with its value, in the schema's order: the one definition both the
// nlohmann builder (event_to_json) and the fast text writer (append_event_json) follow.
template <typename Visitor>
void visit_event_fields(const model::Event& e, Visitor&& v) {
  auto names = [](const std::vector<model::ActorRef>& actors, bool canonical) {
    std::vector<std::string> out;
    out.reserve(actors.size());
    for (const model::ActorRef& a : actors) out.push_back(canonical ? a.name() : a.original);
    return out;
  };
  v("id", static_cast<int64_t>(e.id));
  v("dataset", e.dataset);
  v("native_id", e.native_id);
  v("revision", static_cast<int64_t>(e.revision));
  v("date_start", model::format_iso(e.date.start));
  v("date_end", model::format_iso(e.date.end));
  v("date_precision", std::string(model::to_string(e.date.precision)));
  v("country", e.country);
  v("admin1", e.admin1);
  v("admin2", e.admin2);
  v("location", e.location);
  v("latitude", e.latitude);
  v("longitude", e.longitude);
  v("geo_level", static_cast<int64_t>(e.geo_level));
  v("geo_precision_native", e.geo_precision_native);
  v("event_type", e.event_type);
  v("sub_event_type", e.sub_event_type);
  v("violence_type", e.violence_type);
  v("attack_type", e.attack_type);
  v("target", e.target);
  v("target_original", e.target_original);
  v("weapon", e.weapon);
  v("weapon_original", e.weapon_original);
  v("actor1", e.actor1.original);
  v("actor1_canonical", e.actor1.name());
  v("assoc_actors1", names(e.assoc_actors1, false));
  v("assoc_actors1_canonical", names(e.assoc_actors1, true));
  v("actor2", e.actor2.original);
  v("actor2_canonical", e.actor2.name());
  v("assoc_actors2", names(e.assoc_actors2, false));
  v("assoc_actors2_canonical", names(e.assoc_actors2, true));
  v("attribution_uncertain", e.attribution_uncertain);
  v("fatalities_low", e.fatalities_low);
  v("fatalities_best", e.fatalities_best);
  v("fatalities_high", e.fatalities_high);
  v("injuries", e.injuries);
  v("claim", std::string(model::to_string(e.claim)));
  v("claim_mode", e.claim_mode);
  v("sources", e.sources);
  v("source_scale", e.source_scale);
  v("source_count", e.source_count);
  v("notes", e.notes);
  v.provenance(e.provenance);
}

// Builds an ordered_json object.
struct JsonBuilder {
  ordered_json& object;
  template <typename T>
  void operator()(const char* key, const T& value) {
    object[key] = value;
  }
  template <typename T>
  void operator()(const char* key, const std::optional<T>& value) {
    object[key] = value ? ordered_json(*value) : ordered_json(nullptr);
  }
  void provenance(const model::Provenance& p) {
    object["provenance"] = {{"run", p.run_id}, {"file", p.file}, {"line", p.line}};
  }
};

// Appends compact JSON text: the same document as event_to_json(...).dump(), several times
// faster (no intermediate object).
struct TextBuilder {
  std::string& out;
  bool first = true;

  void key(const char* name) {
    out += first ? "{\"" : ",\"";
    first = false;
    out += name;
    out += "\":";
  }
  void string(std::string_view text) {
    out += '"';
    for (char c : text) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<int>(c));
          } else {
            out += c;
          }
      }
    }
    out += '"';
  }
  void operator()(const char* name, const std::string& value) {
    key(name);
    string(value);
  }
  void operator()(const char* name, int64_t value) {
    key(name);
    fmt::format_to(std::back_inserter(out), "{}", value);
  }
  void operator()(const char* name, bool value) {
    key(name);
    out += value ? "true" : "false";
  }
  template <typename T>
  void operator()(const char* name, const std::optional<T>& value) {
    key(name);
    if (value) {
      fmt::format_to(std::back_inserter(out), "{}", *value);
    } else {
      out += "null";
    }
  }
  void operator()(const char* name, const std::vector<std::string>& values) {
    key(name);
    out += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out += ',';
      string(values[i]);
    }
    out += ']';
  }
  void provenance(const model::Provenance& p) {
    key("provenance");
    out += "{\"run\":";
    fmt::format_to(std::back_inserter(out), "{}", p.run_id);
    out += ",\"file\":";
    string(p.file);
    out += ",\"line\":";
    fmt::format_to(std::back_inserter(out), "{}", p.line);
    out += "}}";
  }
};

}  // namespace

ordered_json event_to_json(const model::Event& e) {
  ordered_json j = ordered_json::object();
  visit_event_fields(e, JsonBuilder{j});
  return j;
}

void append_event_json(std::string& out, const model::Event& e) {
  visit_event_fields(e, TextBuilder{out});
}

std::optional<JsonFieldError> event_from_json(const json& object,
                                              const model::Vocabulary& vocabulary,
                                              model::Event& e) {
  if (!object.is_object()) return JsonFieldError{"", "expected a JSON object"};
  for (const auto& item : object.items()) {
    if (!known_keys().count(item.key())) {
      return JsonFieldError{item.key(), "unknown key (see docs/formats.md)"};
    }
  }
  ObjectReader r(object);
  std::string country, precision, claim, actor1_canonical, actor2_canonical;
  std::optional<int> geo_level;
  for (auto fault : {r.text("dataset", e.dataset, true),
                     r.text("native_id", e.native_id, true),
                     r.date("date_start", e.date.start, true),
                     r.text("date_precision", precision),
                     r.text("country", country),
                     r.text("admin1", e.admin1),
                     r.text("admin2", e.admin2),
                     r.text("location", e.location),
                     r.degrees("latitude", 90, e.latitude),
                     r.degrees("longitude", 180, e.longitude),
                     r.count("geo_level", geo_level),
                     r.text("geo_precision_native", e.geo_precision_native),
                     r.text("event_type", e.event_type),
                     r.text("sub_event_type", e.sub_event_type),
                     r.count("violence_type", e.violence_type),
                     r.text("attack_type", e.attack_type),
                     r.text("target", e.target),
                     r.text("target_original", e.target_original),
                     r.text("weapon", e.weapon),
                     r.text("weapon_original", e.weapon_original),
                     r.text("actor1", e.actor1.original),
                     r.text("actor1_canonical", actor1_canonical),
                     r.actors("assoc_actors1", "assoc_actors1_canonical", e.assoc_actors1),
                     r.text("actor2", e.actor2.original),
                     r.text("actor2_canonical", actor2_canonical),
                     r.actors("assoc_actors2", "assoc_actors2_canonical", e.assoc_actors2),
                     r.count("fatalities_low", e.fatalities_low),
                     r.count("fatalities_best", e.fatalities_best),
                     r.count("fatalities_high", e.fatalities_high),
                     r.count("injuries", e.injuries),
                     r.text("claim", claim),
                     r.text("claim_mode", e.claim_mode),
                     r.text("sources", e.sources),
                     r.text("source_scale", e.source_scale),
                     r.count("source_count", e.source_count),
                     r.text("notes", e.notes)}) {
    if (fault) return fault;
  }
  e.date.end = e.date.start;
  if (auto fault = r.date("date_end", e.date.end, false)) return fault;
  if (e.date.end < e.date.start) return JsonFieldError{"date_end", "is before date_start"};
  if (!precision.empty()) {
    auto parsed = model::parse_date_precision(precision);
    if (!parsed) return JsonFieldError{"date_precision", "expected day, week, month or year"};
    e.date.precision = *parsed;
  }
  auto code = vocabulary.countries.resolve(country);
  if (!code) return JsonFieldError{"country", fmt::format("unknown country '{}'", country)};
  e.country = std::move(*code);
  if (geo_level) {
    if (*geo_level > 4) return JsonFieldError{"geo_level", "expected 0 to 4"};
    e.geo_level = static_cast<model::GeoLevel>(*geo_level);
  }
  auto status = model::parse_claim_status(claim);
  if (!status) {
    return JsonFieldError{"claim", "expected claimed, unclaimed, denied, disputed or unknown"};
  }
  e.claim = *status;
  if (auto it = object.find("attribution_uncertain"); it != object.end() && !it->is_null()) {
    if (!it->is_boolean()) return JsonFieldError{"attribution_uncertain", "expected true/false"};
    e.attribution_uncertain = it->get<bool>();
  }
  if (actor1_canonical != e.actor1.original) e.actor1.canonical = actor1_canonical;
  if (actor2_canonical != e.actor2.original) e.actor2.canonical = actor2_canonical;
  return std::nullopt;
}

}  // namespace sitrep::io
