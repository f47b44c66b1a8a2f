// sitrep incident list|show|split|merge — look at the incidents `sitrep fuse` made, and correct
// them (decisions that later runs respect; docs/fusion.md).
#include <algorithm>
#include <functional>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "sitrep/fuse/corrections.hpp"
#include "sitrep/fuse/fusion_data.hpp"
#include "sitrep/fuse/incident_store.hpp"
#include "sitrep/fuse/pair_comparison.hpp"
#include "sitrep/fuse/record_loader.hpp"
#include "sitrep/io/utf8.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::cli {
namespace {

std::string figure(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "?";
}

// "Jalalabad, Nangarhar (AF)": the place's names, finest first, each once.
template <typename Placed>
std::string place_of(const Placed& p) {
  std::string place;
  for (std::string_view part :
       {std::string_view(p.location), std::string_view(p.admin2), std::string_view(p.admin1)}) {
    if (part.empty() || place.find(part) != std::string::npos) continue;
    place += fmt::format("{}{}", place.empty() ? "" : ", ", part);
  }
  const std::string_view country = p.country;
  return fmt::format("{}{}{}", place, place.empty() ? "" : " ",
                     country.empty() ? "" : fmt::format("({})", country));
}

std::string date_of(const model::DateSpan& d) {
  if (d.start == d.end) return model::format_iso(d.start);
  return fmt::format("{}..{}", model::format_iso(d.start), model::format_iso(d.end));
}

void print_incident(const fuse::Incident& in) {
  std::cout << fmt::format("Incident {}: {} at {} (place known to the {})\n", in.id,
                           date_of(in.date), place_of(in), fuse::to_string(in.place_precision));
  if (in.date_spread_days > 0) {
    std::cout << fmt::format("  its records' dates spread over {} day{}\n", in.date_spread_days,
                             in.date_spread_days == 1 ? "" : "s");
  }
  std::string perpetrator = in.perpetrator.empty() ? "unknown" : in.perpetrator;
  if (!in.perpetrator_candidates.empty()) {
    perpetrator += " between ";
    for (size_t i = 0; i < in.perpetrator_candidates.size(); ++i) {
      perpetrator += (i ? " and " : "") + in.perpetrator_candidates[i];
    }
  }
  std::cout << fmt::format("  {}; perpetrator {}; target {}\n",
                           in.event_type.empty() ? "type not given" : in.event_type, perpetrator,
                           in.target.empty() ? "not given" : in.target);
  std::cout << fmt::format("  fatalities {} (low {}, high {}); claim {}",
                           figure(in.fatalities_best), figure(in.fatalities_low),
                           figure(in.fatalities_high), model::to_string(in.claim));
  if (!in.claimed_by.empty()) std::cout << ", claimed by " << in.claimed_by;
  if (!in.denied_by.empty()) std::cout << ", denied by " << in.denied_by;
  std::cout << fmt::format("\n  {} independent sources, {} records; confidence {:.2f}\n",
                           in.sources, in.members.size(), in.confidence);
}

// One record as `incident show` and `incident compare` list it.
std::string record_line(const fuse::FusionRecord& r) {
  return fmt::format(
      "  {:<14} {:<16} {:<22} {:<32} {:<22} {:>4}..{:<4} {}\n", fuse::to_string(r.ref()),
      io::utf8_prefix(r.source, 16), date_of(r.date), io::utf8_prefix(place_of(r), 32),
      io::utf8_prefix((r.perpetrator.empty() ? "-" : r.perpetrator), 22),
      figure(r.fatalities_low ? r.fatalities_low : r.fatalities_best),
      figure(r.fatalities_high ? r.fatalities_high : r.fatalities_best), model::to_string(r.claim));
}

// Whether a link or decision joins these two records, either way round.
bool same_pair(fuse::RecordRef a, fuse::RecordRef b, fuse::RecordRef x, fuse::RecordRef y) {
  return (a == x && b == y) || (a == y && b == x);
}

// "date +0.70, place +1.00, prior -1.50" from a link's stored parts (its JSON, as written).
std::string evidence_text(const std::string& parts_json) {
  std::string parts;
  const nlohmann::json why = nlohmann::json::parse(parts_json, nullptr, false);
  for (auto& [name, value] : why.items()) {
    if (value.is_number()) {
      parts += fmt::format("{}{} {:+.2f}", parts.empty() ? "" : ", ", name, value.get<double>());
    }
  }
  return parts.empty() ? parts_json : parts;
}

// "score 0.55 (date +0.70, …)", or the analyst's merge.
std::string link_text(const fuse::StoredLink& link) {
  return fmt::format("{} ({})",
                     link.score ? fmt::format("score {:.2f}", *link.score) : "an analyst's merge",
                     evidence_text(link.parts));
}

int run_show(int64_t id, const GlobalOptions& global) {
  auto context = open_context_for("incident show", global);
  if (!context) return kExitFailure;
  fuse::IncidentStore incidents(*context->store);
  auto in = incidents.read(id);
  if (!in || !*in) {
    std::cerr << "sitrep incident show: " << (in ? fuse::no_such_incident(id).message : in.error())
              << '\n';
    return in ? kExitUsage : kExitFailure;
  }
  std::vector<fuse::FusionRecord> records;
  auto links = incidents.links(id);
  auto decisions = incidents.decisions();
  if (Status s = fuse::load_records(*context->store, {}, (*in)->members, records);
      !s || !links || !decisions) {
    std::cerr << "sitrep incident show: "
              << (!s       ? s.error()
                  : !links ? links.error()
                           : decisions.error())
              << '\n';
    return kExitFailure;
  }
  print_incident(**in);
  std::cout << fmt::format("\nRecords ({}):\n", records.size());
  for (const fuse::FusionRecord& r : records) std::cout << record_line(r);
  std::cout << fmt::format(
      "\nWhy they are one incident ({} links; the evidence of each part in log-odds, "
      "data/fusion.tsv):\n",
      links->size());
  for (const fuse::StoredLink& link : *links) {
    std::cout << fmt::format("  {} ~ {}: {}\n", fuse::to_string(link.a), fuse::to_string(link.b),
                             link_text(link));
  }
  bool header = false;
  for (const fuse::Decision& d : *decisions) {
    auto member = [&](fuse::RecordRef r) {
      return std::find((*in)->members.begin(), (*in)->members.end(), r) != (*in)->members.end();
    };
    if (!member(d.a) && !member(d.b)) continue;
    if (!header) std::cout << "\nAnalyst decisions:\n";
    header = true;
    std::cout << fmt::format("  {} {} {} {}{}\n", d.made, fuse::to_string(d.a),
                             d.together ? "with" : "apart from", fuse::to_string(d.b),
                             d.note.empty() ? "" : " — " + d.note);
  }
  return kExitOk;
}

int run_list(int limit, const GlobalOptions& global) {
  auto context = open_context_for("incident list", global);
  if (!context) return kExitFailure;
  auto stmt = store::Statement::prepare(
      context->store->handle(),
      "SELECT id FROM incidents ORDER BY sources DESC, members DESC, id LIMIT ?");
  if (!stmt) {
    std::cerr << "sitrep incident list: " << stmt.error() << '\n';
    return kExitFailure;
  }
  stmt->bind(1, static_cast<int64_t>(limit));
  fuse::IncidentStore incidents(*context->store);
  std::vector<int64_t> ids;
  while (true) {
    auto more = stmt->step();
    if (!more || !*more) break;
    ids.push_back(stmt->column_int(0));
  }
  if (ids.empty()) {
    std::cout << "No incidents of more than one record yet (run `sitrep fuse`).\n";
    return kExitOk;
  }
  std::cout << fmt::format("{:>7}  {:<10}  {:<48}  {:<28}  {:>5}  {:>7}  {:>7}\n", "id", "date",
                           "place", "perpetrator", "dead", "sources", "records");
  for (int64_t id : ids) {
    auto in = incidents.read(id);
    if (!in || !*in) continue;
    const fuse::Incident& i = **in;
    std::cout << fmt::format("{:>7}  {:<10}  {:<48}  {:<28}  {:>5}  {:>7}  {:>7}\n", i.id,
                             model::format_iso(i.date.start), io::utf8_prefix(place_of(i), 48),
                             io::utf8_prefix(i.perpetrator, 28), figure(i.fatalities_best),
                             i.sources, i.members.size());
  }
  return kExitOk;
}

// Runs `change` in one transaction; prints the error and rolls back on failure.
int in_transaction(const char* command, store::SqliteStore& store,
                   const std::function<Status(fuse::IncidentStore&)>& change) {
  fuse::IncidentStore incidents(store);
  Status s = incidents.begin();
  if (s) s = change(incidents);
  if (s) s = incidents.commit();
  if (!s) {
    incidents.rollback();
    std::cerr << "sitrep incident " << command << ": " << s.error() << " (nothing was changed)\n";
    return kExitFailure;
  }
  return kExitOk;
}

// Where a record is now: "in incident 3", or "in no incident".
std::string membership(int64_t incident) {
  return incident == 0 ? std::string("in no incident") : fmt::format("in incident {}", incident);
}

// The records named on the command line, or nothing after saying which one is not a record.
std::optional<std::vector<fuse::RecordRef>> parse_refs(const char* command,
                                                       const std::vector<std::string>& texts) {
  std::vector<fuse::RecordRef> refs;
  for (const std::string& text : texts) {
    auto ref = fuse::parse_record_ref(text);
    if (!ref) {
      std::cerr << "sitrep incident " << command << ": '" << text
                << "' is not a record (event:ID or mention:ID, as `sitrep incident show` lists)\n";
      return std::nullopt;
    }
    refs.push_back(*ref);
  }
  return refs;
}

// What a run would make of the pair: never one, cannot be one, or the probability and its parts.
void print_verdict(const fuse::PairComparison& pair, const fuse::FusionRules& rules) {
  const fuse::Match& m = pair.match;
  if (pair.same_source) {
    std::cout << fmt::format(
        "They are never one incident: both come from {} (a dataset lists an "
        "incident once; the events of one report are the ones it told "
        "apart).\n",
        pair.a.exclusive);
  } else if (!m.compatible) {
    std::cout << fmt::format("They cannot be one incident: {}.\n", pair.why_apart);
  } else {
    std::cout << fmt::format(
        "They {} one incident: probability {:.2f} (merged at {:.2f} or more): {}.\n",
        m.merge ? "can be" : "are unlikely to be", m.score, rules.merge_score,
        evidence_text(fuse::parts_json(m.parts)));
    std::cout << fmt::format(
        "Rare words weighed among {} records{}.\n", thousands(pair.weighed_among),
        pair.window
            ? fmt::format(" of {}..{} (a first run weighs them among the whole store's)",
                          model::format_iso(pair.window->from), model::format_iso(pair.window->to))
            : std::string(", the whole store's"));
  }
}

// What the store holds about the pair: their incidents, the link that joined them, and any
// analyst's decision on them.
void print_stored_history(store::SqliteStore& store, fuse::RecordRef a, fuse::RecordRef b) {
  fuse::IncidentStore incidents(store);
  auto first = incidents.incident_of(a);
  auto second = incidents.incident_of(b);
  const int64_t in_first = first ? *first : 0, in_second = second ? *second : 0;
  std::cout << fmt::format("Now {} is {}, and {} is {}.\n", fuse::to_string(a),
                           membership(in_first), fuse::to_string(b), membership(in_second));
  if (in_first != 0 && in_first == in_second) {
    auto links = incidents.links(in_first);
    for (const fuse::StoredLink& link : links ? *links : std::vector<fuse::StoredLink>{}) {
      if (same_pair(link.a, link.b, a, b)) {
        std::cout << fmt::format("The run that joined them: {}.\n", link_text(link));
      }
    }
  }
  auto decisions = incidents.decisions();
  bool decided = false;
  for (const fuse::Decision& d : decisions ? *decisions : std::vector<fuse::Decision>{}) {
    if (same_pair(d.a, d.b, a, b)) {
      std::cout << fmt::format("An analyst decided on {} that they are {}{}; runs keep that.\n",
                               d.made, d.together ? "one incident" : "apart",
                               d.note.empty() ? std::string() : fmt::format(" — {}", d.note));
      decided = true;
    }
  }
  if (!decided) {
    std::cout << "A run also needs every other record of their two groups to agree. To decide it "
                 "yourself: sitrep incident merge (together) or sitrep incident split (apart); "
                 "later runs keep the decision.\n";
  }
}

int run_compare(const std::vector<std::string>& texts, const GlobalOptions& global) {
  auto parsed = parse_refs("compare", texts);
  if (!parsed) return kExitUsage;
  const std::vector<fuse::RecordRef>& refs = *parsed;
  if (refs.size() != 2) {
    std::cerr << "sitrep incident compare: give two records (event:ID or mention:ID)\n";
    return kExitUsage;
  }
  auto context = open_context_for("incident compare", global);
  if (!context) return kExitFailure;
  auto data = fuse::FusionData::load(model::find_data_dir(global.data_dir));
  if (!data) {
    std::cerr << "sitrep incident compare: " << data.error() << '\n';
    return kExitFailure;
  }
  auto pair = fuse::compare_stored(*context->store, *data, refs[0], refs[1]);
  if (!pair) {
    std::cerr << "sitrep incident compare: " << pair.error() << '\n';
    return kExitUsage;
  }
  std::cout << record_line(pair->a) << record_line(pair->b);
  print_verdict(*pair, data->rules);
  print_stored_history(*context->store, refs[0], refs[1]);
  return kExitOk;
}

int run_split(int64_t id, const std::vector<std::string>& taken, const std::string& note,
              const GlobalOptions& global) {
  auto moved = parse_refs("split", taken);
  if (!moved) return kExitUsage;
  auto context = open_context_for("incident split", global);
  if (!context) return kExitFailure;
  return in_transaction("split", *context->store, [&](fuse::IncidentStore& incidents) -> Status {
    auto out = fuse::split_incident(*context->store, incidents, id, *moved, note);
    if (!out) return make_error(out.error());
    std::cout << fmt::format(
        "Incident {} {}; the records taken out {}. Later runs of `sitrep fuse` keep them "
        "apart.\n",
        id,
        out->kept ? fmt::format("keeps {} records", out->kept_records)
                  : std::string("is dissolved (one record left)"),
        out->made ? fmt::format("are incident {}", out->made) : std::string("stand on their own"));
    return Status::success();
  });
}

int run_merge(const std::vector<std::string>& texts, const std::string& note,
              const GlobalOptions& global) {
  std::vector<fuse::MergeItem> items;
  for (const std::string& text : texts) {
    fuse::MergeItem item;
    if (auto ref = fuse::parse_record_ref(text)) {
      item.record = *ref;
    } else if (!text.empty() && text.size() < 19 &&
               text.find_first_not_of("0123456789") == std::string::npos) {
      item.incident = std::stoll(text);
    } else {
      std::cerr << "sitrep incident merge: '" << text
                << "' is neither an incident id nor a record (event:ID, mention:ID)\n";
      return kExitUsage;
    }
    items.push_back(item);
  }
  auto context = open_context_for("incident merge", global);
  if (!context) return kExitFailure;
  return in_transaction("merge", *context->store, [&](fuse::IncidentStore& incidents) -> Status {
    auto out = fuse::merge_items(*context->store, incidents, items, note);
    if (!out) return make_error(out.error());
    std::cout << fmt::format(
        "Incident {} now holds {} records. Later runs of `sitrep fuse` keep them together.\n",
        out->incident, out->records);
    return Status::success();
  });
}

}  // namespace

Runner add_incident_command(CLI::App& app, const GlobalOptions& global) {
  struct IncidentArgs {
    int64_t id = 0;
    int limit = 20;
    std::vector<std::string> records, items;
    std::string note;
  };
  auto args = std::make_shared<IncidentArgs>();
  CLI::App* cmd =
      app.add_subcommand("incident", "Look at incidents made by `sitrep fuse`, and correct them");
  cmd->require_subcommand(1);
  auto* list = cmd->add_subcommand("list", "Incidents with the most independent sources first");
  list->add_option("-n,--limit", args->limit, "How many (default 20)")->check(CLI::PositiveNumber);
  auto* show = cmd->add_subcommand(
      "show", "An incident's canonical fields, its records, and why they were merged");
  show->add_option("id", args->id, "Incident id")->required();
  auto* split = cmd->add_subcommand(
      "split",
      "Take records out of an incident (they become an incident of their own, or stand alone).\n"
      "Recorded as a decision: later runs of `sitrep fuse` keep them apart.\n"
      "Example: sitrep incident split 12 mention:40 mention:41 --note \"a second blast\"");
  split->add_option("id", args->id, "Incident id")->required();
  split->add_option("records", args->records, "Records to take out (event:ID, mention:ID)")
      ->required();
  split->add_option("--note", args->note, "Why (kept with the decision)");
  auto* merge = cmd->add_subcommand(
      "merge",
      "Make incidents and records one incident. Recorded as a decision: later runs keep them\n"
      "together. Example: sitrep incident merge 12 15 event:5521 --note \"same blast\"");
  merge->add_option("items", args->items, "Incident ids and records (event:ID, mention:ID)")
      ->required();
  merge->add_option("--note", args->note, "Why (kept with the decision)");
  auto* compare = cmd->add_subcommand(
      "compare",
      "Why two records are, or are not, one incident: the first disagreement that keeps them\n"
      "apart, or the evidence of each part, as sitrep fuse weighs it.\n"
      "Example: sitrep incident compare event:804 mention:23");
  compare->add_option("records", args->records, "Two records (event:ID, mention:ID)")
      ->required()
      ->expected(2);
  return [args, &global, list, show, split, compare] {
    if (list->parsed()) return run_list(args->limit, global);
    if (show->parsed()) return run_show(args->id, global);
    if (split->parsed()) return run_split(args->id, args->records, args->note, global);
    if (compare->parsed()) return run_compare(args->records, global);
    return run_merge(args->items, args->note, global);
  };
}

}  // namespace sitrep::cli
