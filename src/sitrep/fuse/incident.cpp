#include "sitrep/fuse/incident.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "sitrep/model/actor_registry.hpp"
#include "sitrep/model/name_list.hpp"

namespace sitrep::fuse {
namespace {

using Members = std::vector<const FusionRecord*>;

bool is_day(const FusionRecord& r) {
  return r.date.precision == model::DatePrecision::day;
}

// A record's source key: its source, or the record itself when it names none.
std::string source_of(const FusionRecord& r) {
  return r.source.empty() ? to_string(r.ref()) : r.source.str();
}

void summarize_date(const Members& members, Incident& out) {
  // (day, source) of the day-precise records, in day order: an incident has a handful of records,
  // and sorted vectors cost a fraction of maps of sets.
  std::vector<std::pair<model::Day, std::string>> sourced;
  std::vector<model::Day> dataset_days;
  for (const FusionRecord* r : members) {
    if (!is_day(*r)) continue;
    sourced.emplace_back(r->date.start, source_of(*r));
    if (!r->from_text) dataset_days.push_back(r->date.start);
  }
  if (sourced.empty()) {
    const FusionRecord* narrowest = *std::min_element(
        members.begin(), members.end(), [](const FusionRecord* x, const FusionRecord* y) {
          return std::tuple(x->date.end - x->date.start, x->date.start) <
                 std::tuple(y->date.end - y->date.start, y->date.start);
        });
    out.date = narrowest->date;
    return;
  }
  std::sort(sourced.begin(), sourced.end());
  sourced.erase(std::unique(sourced.begin(), sourced.end()), sourced.end());
  // The first day a dataset gives, or that two sources give; else the first day.
  model::Day chosen = sourced.front().first;
  for (size_t i = 0; i < sourced.size();) {
    const model::Day day = sourced[i].first;
    size_t sources = 0;
    for (; i < sourced.size() && sourced[i].first == day; ++i) ++sources;
    const bool dataset =
        std::find(dataset_days.begin(), dataset_days.end(), day) != dataset_days.end();
    if (dataset || sources >= 2) {
      chosen = day;
      break;
    }
  }
  out.date = {chosen, chosen, model::DatePrecision::day};
  out.date_spread_days = static_cast<int>(sourced.back().first - sourced.front().first);
}

// Votes for values, in a small vector (an incident has a handful of records): the value with
// the most (records, dataset records), the smallest in `less` order on a tie, as iterating a
// map would give.
template <typename Value, typename Less>
class Ballot {
 public:
  void vote(const Value& value, bool from_dataset, const FusionRecord* record) {
    auto it = std::find_if(entries_.begin(), entries_.end(),
                           [&](const Entry& e) { return e.value == value; });
    if (it == entries_.end()) it = entries_.insert(entries_.end(), {value, {0, 0}, record});
    ++it->votes.first;
    if (from_dataset) ++it->votes.second;
  }
  // The winning entry's value and first record; nullptr when no one voted.
  const FusionRecord* winner(Value* value, Less less = Less()) const {
    const Entry* best = nullptr;
    for (const Entry& e : entries_) {
      if (!best || e.votes > best->votes ||
          (e.votes == best->votes && less(e.value, best->value))) {
        best = &e;
      }
    }
    if (!best) return nullptr;
    if (value) *value = best->value;
    return best->first;
  }

 private:
  struct Entry {
    Value value;
    std::pair<int, int> votes;  // records, dataset records
    const FusionRecord* first;  // the first record that gave it
  };
  std::vector<Entry> entries_;
};

// The value most records give (non-empty), a dataset's first on a tie, then the earliest record.
// (Symbols order by their text, so ties go to the same value as they would by strings.)
std::string most_said(const Members& members, Symbol FusionRecord::*field) {
  Ballot<Symbol, std::less<Symbol>> ballot;
  for (const FusionRecord* r : members) {
    const Symbol v = r->*field;
    if (!v.empty()) ballot.vote(v, !r->from_text, r);
  }
  Symbol best;
  ballot.winner(&best);
  return best.str();
}

void summarize_place(const Members& members, Incident& out) {
  PlacePrecision finest = PlacePrecision::unknown;
  for (const FusionRecord* r : members) finest = std::min(finest, r->place_precision);
  using Key = std::tuple<Symbol, Symbol, Symbol, Symbol>;  // in text order, as strings were
  Ballot<Key, std::less<Key>> ballot;
  for (const FusionRecord* r : members) {
    if (r->place_precision != finest) continue;
    ballot.vote(Key{r->country, r->admin1, r->admin2, r->location}, !r->from_text, r);
  }
  const FusionRecord* chosen = ballot.winner(nullptr);
  out.place_precision = finest;
  out.country = chosen->country;
  out.admin1 = chosen->admin1;
  out.admin2 = chosen->admin2;
  out.location = chosen->location;
  out.latitude = chosen->latitude;
  out.longitude = chosen->longitude;
  if (out.country.empty()) out.country = most_said(members, &FusionRecord::country);
}

// A named perpetrator fits a record that names no one, names it, or has it as its other side.
bool fits(Symbol perpetrator, const FusionRecord& r) {
  return model::is_unattributed_actor(r.perpetrator) || r.perpetrator == perpetrator ||
         r.counterpart == perpetrator;
}

void summarize_perpetrator(const Members& members, Incident& out) {
  // (perpetrator, records naming it), in the perpetrators' text order.
  std::vector<std::pair<Symbol, int>> named;
  std::string catch_all;
  for (const FusionRecord* r : members) {
    if (!model::is_unattributed_actor(r->perpetrator)) {
      auto it = std::find_if(named.begin(), named.end(),
                             [&](const auto& n) { return n.first == r->perpetrator; });
      if (it == named.end()) it = named.insert(named.end(), {r->perpetrator, 0});
      ++it->second;
    } else if (!r->perpetrator.empty()) {
      catch_all = r->perpetrator;
    }
  }
  if (named.empty()) {
    out.perpetrator = catch_all;
    return;
  }
  std::sort(named.begin(), named.end());
  // The perpetrator every record fits, named by most records; "disputed" when none fits all.
  int best = 0;
  for (const auto& [perpetrator, count] : named) {
    bool fits_all = std::all_of(members.begin(), members.end(),
                                [&](const FusionRecord* r) { return fits(perpetrator, *r); });
    if (fits_all && count > best) {
      out.perpetrator = perpetrator;
      best = count;
    }
  }
  if (best > 0) return;
  out.perpetrator = std::string(kDisputedPerpetrator);
  for (const auto& [perpetrator, count] : named)
    out.perpetrator_candidates.push_back(perpetrator.str());
}

// Each source's most confident record (the earliest on a tie), in the order of the sources'
// keys.
std::vector<const FusionRecord*> one_per_source(const Members& members) {
  std::vector<std::pair<std::string, const FusionRecord*>> chosen;
  for (const FusionRecord* r : members) {
    std::string source = source_of(*r);
    auto it = std::find_if(chosen.begin(), chosen.end(),
                           [&](const auto& c) { return c.first == source; });
    if (it == chosen.end()) {
      chosen.emplace_back(std::move(source), r);
    } else if (r->confidence > it->second->confidence) {
      it->second = r;
    }
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<const FusionRecord*> out;
  out.reserve(chosen.size());
  for (const auto& [source, r] : chosen) out.push_back(r);
  return out;
}

void summarize_fatalities(const std::vector<const FusionRecord*>& sources, Incident& out) {
  std::vector<int> bests;
  std::optional<int> low_credible, low_any, high;
  for (const FusionRecord* r : sources) {
    std::optional<int> best = r->fatalities_best
                                  ? r->fatalities_best
                                  : (r->fatalities_low ? r->fatalities_low : r->fatalities_high);
    if (!best) continue;
    bests.push_back(*best);
    int low = r->fatalities_low.value_or(*best), top = r->fatalities_high.value_or(*best);
    low = std::min(low, *best);
    top = std::max(top, *best);
    low_any = std::min(low_any.value_or(low), low);
    if (r->confidence >= 0.5) low_credible = std::min(low_credible.value_or(low), low);
    high = std::max(high.value_or(top), top);
  }
  if (bests.empty()) return;
  std::sort(bests.begin(), bests.end());
  const size_t n = bests.size();
  out.fatalities_best = n % 2 ? bests[n / 2] : (bests[n / 2 - 1] + bests[n / 2]) / 2;
  out.fatalities_low = low_credible ? low_credible : low_any;
  out.fatalities_high = high;
}

void summarize_claim(const Members& members, Incident& out) {
  std::set<std::string> claimed_by, denied_by;
  bool claimed = false, denied = false, unclaimed = false, disputed = false;
  for (const FusionRecord* r : members) {
    if (!r->claimed_by.empty()) {
      for (std::string& name : model::split_name_list(r->claimed_by)) claimed_by.insert(name);
    }
    if (!r->denied_by.empty()) {
      for (std::string& name : model::split_name_list(r->denied_by)) denied_by.insert(name);
    }
    claimed |= r->claim == model::ClaimStatus::claimed || !r->claimed_by.empty();
    denied |= r->claim == model::ClaimStatus::denied || !r->denied_by.empty();
    unclaimed |= r->claim == model::ClaimStatus::unclaimed;
    disputed |= r->claim == model::ClaimStatus::disputed;
  }
  using model::ClaimStatus;
  out.claim = (claimed && denied) || disputed ? ClaimStatus::disputed
              : claimed                       ? ClaimStatus::claimed
              : denied                        ? ClaimStatus::denied
              : unclaimed                     ? ClaimStatus::unclaimed
                                              : ClaimStatus::unknown;
  out.claimed_by = model::join_name_list(claimed_by);
  out.denied_by = model::join_name_list(denied_by);
}

}  // namespace

Incident summarize(const std::vector<const FusionRecord*>& members) {
  Incident out;
  for (const FusionRecord* r : members) out.members.push_back(r->ref());
  std::sort(out.members.begin(), out.members.end());
  summarize_date(members, out);
  summarize_place(members, out);
  out.event_type = most_said(members, &FusionRecord::event_type);
  out.target = most_said(members, &FusionRecord::target);
  summarize_perpetrator(members, out);
  std::vector<const FusionRecord*> sources = one_per_source(members);
  summarize_fatalities(sources, out);
  summarize_claim(members, out);
  out.sources = static_cast<int>(sources.size());
  double doubt = 1;
  for (const FusionRecord* r : sources) doubt *= 1 - std::clamp(r->confidence, 0.0, 1.0);
  out.confidence = std::min(0.99, 1 - doubt);
  return out;
}

}  // namespace sitrep::fuse
