#include "sitrep/io/event_json.hpp"

#include <array>
#include <iterator>
#include <unordered_map>

#include <simdjson.h>

#include <fmt/format.h>

namespace sitrep::io {
namespace {

using nlohmann::ordered_json;

// Every key a sitrep JSONL object may hold (id, revision, provenance and the derived geo_check
// are read and ignored; admin_filled is kept, and marks the places sitrep derived: the digest
// leaves them out and an import with admin filling derives them again).
constexpr std::array<std::string_view, 46> kKeys = {"id",
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
                                                    "notes",
                                                    "admin_filled",
                                                    "geo_check",
                                                    ""};

int key_index(std::string_view key) {
  static const std::unordered_map<std::string_view, int> index = [] {
    std::unordered_map<std::string_view, int> out;
    for (size_t i = 0; i < kKeys.size(); ++i) {
      if (!kKeys[i].empty()) out.emplace(kKeys[i], static_cast<int>(i));
    }
    return out;
  }();
  auto it = index.find(key);
  return it == index.end() ? -1 : it->second;
}

// Typed access to the keys of one parsed object. The object's fields are indexed once, so each
// key is found in constant time.
class ObjectReader {
 public:
  // Indexes `object`'s fields; returns the first unknown key, if any.
  std::optional<JsonFieldError> index(simdjson::dom::object object) {
    present_.fill(false);
    for (auto field : object) {
      int i = key_index(field.key);
      if (i < 0) return JsonFieldError{std::string(field.key), "unknown key (see docs/formats.md)"};
      fields_[static_cast<size_t>(i)] = field.value;
      present_[static_cast<size_t>(i)] = true;
    }
    return std::nullopt;
  }

  // The value of `key`, or nullopt when it is missing or null.
  std::optional<simdjson::dom::element> find(const char* key) const {
    size_t i = static_cast<size_t>(key_index(key));
    if (!present_[i] || fields_[i].is_null()) return std::nullopt;
    return fields_[i];
  }

  std::optional<JsonFieldError> text(const char* key, std::string& out, bool required = false) {
    auto value = find(key);
    if (!value) {
      if (required) return JsonFieldError{key, "required key is missing"};
      return std::nullopt;
    }
    std::string_view text;
    if (value->get_string().get(text)) return JsonFieldError{key, "expected a string"};
    out.assign(text);
    if (required && out.empty()) return JsonFieldError{key, "must not be empty"};
    return std::nullopt;
  }

  std::optional<JsonFieldError> count(const char* key, std::optional<int>& out) {
    auto value = find(key);
    if (!value) return std::nullopt;
    int64_t number = 0;
    if (value->is_uint64() && !value->is_int64()) {
      return JsonFieldError{key, "is too large"};
    }
    if (value->get_int64().get(number)) return JsonFieldError{key, "expected a whole number"};
    if (number < 0) return JsonFieldError{key, fmt::format("cannot be negative ({})", number)};
    if (number > INT32_MAX) return JsonFieldError{key, fmt::format("{} is too large", number)};
    out = static_cast<int>(number);
    return std::nullopt;
  }

  std::optional<JsonFieldError> degrees(const char* key, double limit, std::optional<double>& out) {
    auto value = find(key);
    if (!value) return std::nullopt;
    double number = 0;
    if (value->is_int64()) {
      number = static_cast<double>(int64_t(*value));
    } else if (value->get_double().get(number)) {
      return JsonFieldError{key, "expected a number"};
    }
    if (number < -limit || number > limit) {
      return JsonFieldError{key, fmt::format("{} is out of range [-{}, {}]", number, limit, limit)};
    }
    out = number;
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

  std::optional<JsonFieldError> boolean(const char* key, bool& out) {
    auto value = find(key);
    if (!value) return std::nullopt;
    if (value->get_bool().get(out)) return JsonFieldError{key, "expected true or false"};
    return std::nullopt;
  }

  std::optional<JsonFieldError> actors(const char* key, const char* canonical_key,
                                       std::vector<model::ActorRef>& out) {
    auto value = find(key);
    if (!value) return std::nullopt;
    simdjson::dom::array names;
    if (value->get_array().get(names)) return JsonFieldError{key, "expected an array of strings"};
    for (simdjson::dom::element name : names) {
      std::string_view text;
      if (name.get_string().get(text)) return JsonFieldError{key, "expected an array of strings"};
      out.push_back(model::ActorRef{"", std::string(text)});
    }
    auto canonical = find(canonical_key);
    if (!canonical) return std::nullopt;
    simdjson::dom::array canonicals;
    if (canonical->get_array().get(canonicals) || canonicals.size() != out.size()) {
      return JsonFieldError{canonical_key, fmt::format("expected an array as long as {}", key)};
    }
    size_t i = 0;
    for (simdjson::dom::element name : canonicals) {
      std::string_view text;
      if (name.get_string().get(text)) return JsonFieldError{canonical_key, "expected strings"};
      if (text != out[i].original) out[i].canonical = std::string(text);
      ++i;
    }
    return std::nullopt;
  }

 private:
  std::array<simdjson::dom::element, kKeys.size()> fields_;
  std::array<bool, kKeys.size()> present_{};
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
  v("admin_filled", e.admin_filled);
  v("geo_check", e.geo_check);
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

struct EventJsonParser::State {
  simdjson::dom::parser parser;
  ObjectReader reader;
};

EventJsonParser::EventJsonParser() : state_(std::make_unique<State>()) {}
EventJsonParser::~EventJsonParser() = default;

namespace {

// simdjson says what is wrong but not where; nlohmann, slower, says both. Only bad lines pay.
JsonFieldError syntax_error(std::string_view text) {
  try {
    nlohmann::json parsed = nlohmann::json::parse(text);
    if (!parsed.is_discarded()) return JsonFieldError{"", "invalid JSON", 1};
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    size_t cut = what.find("parse error");
    return JsonFieldError{"",
                          "invalid JSON: " + (cut == std::string::npos ? what : what.substr(cut)),
                          static_cast<int>(e.byte > 0 ? e.byte : 1)};
  }
  return JsonFieldError{"", "invalid JSON", 1};
}

}  // namespace

std::optional<JsonFieldError> EventJsonParser::parse(std::string_view text,
                                                     const model::Vocabulary& vocabulary,
                                                     model::Event& e) {
  simdjson::dom::element document;
  if (state_->parser.parse(text.data(), text.size()).get(document)) return syntax_error(text);
  simdjson::dom::object object;
  if (document.get_object().get(object)) return JsonFieldError{"", "expected a JSON object", 1};
  ObjectReader& r = state_->reader;
  if (auto fault = r.index(object)) return fault;
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
  if (auto fault = r.boolean("attribution_uncertain", e.attribution_uncertain)) return fault;
  if (actor1_canonical != e.actor1.original) e.actor1.canonical = actor1_canonical;
  if (actor2_canonical != e.actor2.original) e.actor2.canonical = actor2_canonical;
  // A sitrep export says which place fields sitrep filled from the coordinates: they are not
  // the source's, so they are blanked and derived again (an export re-imported is unchanged).
  std::string filled;
  if (auto fault = r.text("admin_filled", filled)) return fault;
  e.admin_filled = std::move(filled);  // kept; the digest and the admin filling know them
  return std::nullopt;
}

}  // namespace sitrep::io
