#include "sitrep/store/event_row.hpp"

#include "sitrep/model/date.hpp"

namespace sitrep::store::detail {
namespace {

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t cut = text.find("; ");
    out.emplace_back(text.substr(0, cut));
    text = cut == std::string_view::npos ? std::string_view() : text.substr(cut + 2);
  }
  return out;
}

model::ActorRef actor_from(std::string_view canonical, std::string_view original) {
  return model::ActorRef{canonical == original ? "" : std::string(canonical),
                         std::string(original)};
}

}  // namespace

std::string join_names(const std::vector<model::ActorRef>& actors, bool canonical) {
  std::string out;
  for (const model::ActorRef& a : actors) {
    if (!out.empty()) out += "; ";
    out += canonical ? a.name() : a.original;
  }
  return out;
}

std::vector<model::ActorRef> split_names(std::string_view canonical, std::string_view original) {
  std::vector<std::string> names = split(canonical), originals = split(original);
  std::vector<model::ActorRef> out;
  for (size_t i = 0; i < originals.size(); ++i) {
    out.push_back(actor_from(i < names.size() ? names[i] : originals[i], originals[i]));
  }
  return out;
}

// Binds the event's own strings without copying: `e` outlives the statement's step.
int bind_content(Statement& s, int i, const model::Event& e) {
  s.bind(i++, model::format_iso(e.date.start));
  s.bind(i++, model::format_iso(e.date.end));
  s.bind(i++, model::to_string(e.date.precision));
  s.bind_borrowed_or_null(i++, e.country);
  s.bind_borrowed_or_null(i++, e.admin1);
  s.bind_borrowed_or_null(i++, e.admin2);
  s.bind_borrowed_or_null(i++, e.location);
  s.bind(i++, e.latitude);
  s.bind(i++, e.longitude);
  s.bind(i++, static_cast<int64_t>(e.geo_level));
  s.bind_borrowed_or_null(i++, e.geo_precision_native);
  s.bind_borrowed_or_null(i++, e.event_type);
  s.bind_borrowed_or_null(i++, e.sub_event_type);
  s.bind(i++, e.violence_type);
  s.bind_borrowed_or_null(i++, e.attack_type);
  s.bind_borrowed_or_null(i++, e.target);
  s.bind_borrowed_or_null(i++, e.target_original);
  s.bind_borrowed_or_null(i++, e.weapon);
  s.bind_borrowed_or_null(i++, e.weapon_original);
  s.bind_borrowed_or_null(i++, e.actor1.name());
  s.bind_borrowed_or_null(i++, e.actor1.original);
  s.bind_text_or_null(i++, join_names(e.assoc_actors1, true));
  s.bind_text_or_null(i++, join_names(e.assoc_actors1, false));
  s.bind_borrowed_or_null(i++, e.actor2.name());
  s.bind_borrowed_or_null(i++, e.actor2.original);
  s.bind_text_or_null(i++, join_names(e.assoc_actors2, true));
  s.bind_text_or_null(i++, join_names(e.assoc_actors2, false));
  s.bind(i++, static_cast<int64_t>(e.attribution_uncertain));
  s.bind(i++, e.fatalities_low);
  s.bind(i++, e.fatalities_best);
  s.bind(i++, e.fatalities_high);
  s.bind(i++, e.injuries);
  s.bind(i++, model::to_string(e.claim));
  s.bind_borrowed_or_null(i++, e.claim_mode);
  s.bind_borrowed_or_null(i++, e.sources);
  s.bind_borrowed_or_null(i++, e.source_scale);
  s.bind(i++, e.source_count);
  s.bind_borrowed_or_null(i++, e.notes);
  s.bind_borrowed_or_null(i++, e.admin_filled);
  s.bind_borrowed_or_null(i++, e.geo_check);
  return i;
}

int read_content(const Statement& s, int i, model::Event& e) {
  auto text = [&](int column) { return std::string(s.column_text(column)); };
  e.date.start = model::parse_date(s.column_text(i++)).value();
  e.date.end = model::parse_date(s.column_text(i++)).value();
  e.date.precision =
      model::parse_date_precision(s.column_text(i++)).value_or(model::DatePrecision::day);
  e.country = text(i++);
  e.admin1 = text(i++);
  e.admin2 = text(i++);
  e.location = text(i++);
  e.latitude = s.column_optional_double(i++);
  e.longitude = s.column_optional_double(i++);
  e.geo_level = static_cast<model::GeoLevel>(s.column_int(i++));
  e.geo_precision_native = text(i++);
  e.event_type = text(i++);
  e.sub_event_type = text(i++);
  e.violence_type = s.column_optional_int(i++);
  e.attack_type = text(i++);
  e.target = text(i++);
  e.target_original = text(i++);
  e.weapon = text(i++);
  e.weapon_original = text(i++);
  e.actor1 = actor_from(s.column_text(i), s.column_text(i + 1));
  i += 2;
  e.assoc_actors1 = split_names(s.column_text(i), s.column_text(i + 1));
  i += 2;
  e.actor2 = actor_from(s.column_text(i), s.column_text(i + 1));
  i += 2;
  e.assoc_actors2 = split_names(s.column_text(i), s.column_text(i + 1));
  i += 2;
  e.attribution_uncertain = s.column_int(i++) != 0;
  e.fatalities_low = s.column_optional_int(i++);
  e.fatalities_best = s.column_optional_int(i++);
  e.fatalities_high = s.column_optional_int(i++);
  e.injuries = s.column_optional_int(i++);
  e.claim = model::parse_claim_status(s.column_text(i++)).value_or(model::ClaimStatus::unknown);
  e.claim_mode = text(i++);
  e.sources = text(i++);
  e.source_scale = text(i++);
  e.source_count = s.column_optional_int(i++);
  e.notes = text(i++);
  e.admin_filled = text(i++);
  e.geo_check = text(i++);
  return i;
}

}  // namespace sitrep::store::detail
