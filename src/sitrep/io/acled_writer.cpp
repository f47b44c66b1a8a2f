#include "sitrep/io/acled_writer.hpp"

#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace sitrep::io {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string escaped(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string acled_date(model::Day day) {
  model::CivilDate c = model::to_civil(day);
  return fmt::format("{} {} {}", c.day, kMonths[static_cast<size_t>(c.month - 1)], c.year);
}

// ACLED's interaction category of the side an event struck.
std::string_view inter_of_target(std::string_view target) {
  if (target == "military" || target == "police" || target == "security-forces") {
    return "State forces";
  }
  if (target == "armed-groups") return "Rebel group";
  if (target.empty() || target == "unknown") return "";
  return "Civilians";
}

std::string_view inter_of_actor(std::string_view actor) {
  if (actor.empty()) return "";
  if (actor.starts_with("Military Forces") || actor.starts_with("Police Forces")) {
    return "State forces";
  }
  if (actor.starts_with("Civilians")) return "Civilians";
  if (actor.starts_with("Unidentified")) return "Political militia";
  return "Rebel group";
}

std::string joined(const std::vector<model::ActorRef>& actors) {
  std::string out;
  for (const model::ActorRef& a : actors) out += (out.empty() ? "" : "; ") + a.original;
  return out;
}

class AcledWriter final : public EventWriter {
 public:
  AcledWriter(std::ostream& out, const model::CountryTable& countries)
      : out_(out), countries_(countries) {}

  void begin() override {
    out_ << "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
            "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,"
            "interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
            "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,"
            "timestamp\n";
  }

  void write(const model::Event& e) override {
    std::string_view inter1 = inter_of_actor(e.actor1.original);
    std::string_view inter2 = e.actor2.empty() ? std::string_view() : inter_of_target(e.target);
    std::string interaction =
        inter2.empty() ? std::string(inter1) : fmt::format("{}-{}", inter1, inter2);
    const char* precision = e.date.precision == model::DatePrecision::day    ? "1"
                            : e.date.precision == model::DatePrecision::week ? "2"
                                                                             : "3";
    std::string line;
    line.reserve(512);
    auto cell = [&line](std::string_view value) {
      line += escaped(value);
      line += ',';
    };
    cell(e.native_id);
    cell(acled_date(e.date.start));
    cell(std::to_string(model::to_civil(e.date.start).year));
    cell(precision);
    cell("Political violence");
    cell(e.event_type);
    cell(e.sub_event_type);
    cell(e.actor1.original);
    cell(joined(e.assoc_actors1));
    cell(inter1);
    cell(e.actor2.original);
    cell(joined(e.assoc_actors2));
    cell(inter2);
    cell(interaction);
    cell(inter2 == "Civilians" ? "Civilian targeting" : "");
    cell("");  // iso: ACLED's numeric code, which sitrep does not keep
    cell("");  // region
    cell(countries_.name(e.country));
    cell(e.admin1);
    cell(e.admin2);
    cell("");  // admin3
    cell(e.location);
    cell(e.latitude ? fmt::format("{:.5f}", *e.latitude) : "");
    cell(e.longitude ? fmt::format("{:.5f}", *e.longitude) : "");
    cell(e.geo_level == model::GeoLevel::unknown
             ? ""
             : std::to_string(std::min(3, static_cast<int>(e.geo_level))));
    cell(e.sources);
    cell(e.source_scale);
    cell(e.notes);
    cell(e.fatalities_best ? std::to_string(*e.fatalities_best) : "");
    cell("");      // tags
    line += '\n';  // timestamp stays empty
    out_ << line;
  }

 private:
  std::ostream& out_;
  const model::CountryTable& countries_;
};

}  // namespace

std::unique_ptr<EventWriter> make_acled_writer(std::ostream& out,
                                               const model::CountryTable& countries) {
  return std::make_unique<AcledWriter>(out, countries);
}

}  // namespace sitrep::io
