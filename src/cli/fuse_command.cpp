// sitrep fuse — records into incidents (incremental); sitrep incident list|show|split|merge —
// look at incidents and correct them (decisions that later runs respect).
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "sitrep/fuse/fuser.hpp"
#include "sitrep/fuse/fusion_data.hpp"
#include "sitrep/fuse/incident_store.hpp"
#include "sitrep/fuse/record_loader.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::cli {
namespace {

struct FuseArgs {
  bool from_scratch = false;
  std::string rules;
  bool quiet = false;
};

int run_fuse(const FuseArgs& args, const GlobalOptions& global) {
  auto context = open_context(global);
  if (!context) {
    std::cerr << "sitrep fuse: " << context.error() << '\n';
    return kExitFailure;
  }
  auto data = fuse::FusionData::load(model::find_data_dir(global.data_dir), args.rules);
  if (!data) {
    std::cerr << "sitrep fuse: " << data.error() << '\n';
    return kExitUsage;
  }
  fuse::FuseOptions options;
  options.from_scratch = args.from_scratch;
  if (!args.quiet) options.progress = [](std::string_view step) { std::cerr << step << "…\n"; };
  auto summary = fuse::fuse_store(*context->store, data->rules, data->words, options);
  if (!summary) {
    std::cerr << "sitrep fuse: " << summary.error() << " (the store is unchanged)\n";
    return kExitFailure;
  }
  const fuse::FuseSummary& s = *summary;
  if (s.fresh == 0 && s.incidents_removed == 0) {
    std::cout << "No new records since the last run: nothing to fuse.\n";
  } else {
    std::cout << fmt::format(
        "Fused {} new records against {} read: {} pairs compared, {} links made ({} refused "
        "because their incidents contradict each other).\n",
        thousands(s.fresh), thousands(s.records), thousands(static_cast<int64_t>(s.pairs_compared)),
        thousands(static_cast<int64_t>(s.links)),
        thousands(static_cast<int64_t>(s.merges_refused)));
    std::cout << fmt::format(
        "Incidents: {} new, {} grown, {} merged into others, {} dissolved; {} in the store "
        "(records in none are incidents of their own).\n",
        thousands(s.incidents_created), thousands(s.incidents_grown), thousands(s.incidents_merged),
        thousands(s.incidents_removed), thousands(s.incidents_total));
  }
  if (s.undated_mentions > 0) {
    std::cout << fmt::format("{} mentions have no date and were not fused.\n",
                             thousands(s.undated_mentions));
  }
  if (!args.quiet) {
    for (const auto& [step, seconds] : s.seconds) {
      std::cerr << fmt::format("  {:<18} {:.2f} s\n", step, seconds);
    }
  }
  return kExitOk;
}

std::string figure(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "?";
}

std::string place_of(const fuse::Incident& in) {
  std::string place;
  for (const std::string* part : {&in.location, &in.admin2, &in.admin1}) {
    if (part->empty() || place.find(*part) != std::string::npos) continue;
    place += (place.empty() ? "" : ", ") + *part;
  }
  return fmt::format("{}{}{}", place, place.empty() ? "" : " ",
                     in.country.empty() ? "" : "(" + in.country + ")");
}

std::string place_of(const fuse::FusionRecord& r) {
  fuse::Incident as_incident;
  as_incident.location = r.location;
  as_incident.admin2 = r.admin2;
  as_incident.admin1 = r.admin1;
  as_incident.country = r.country;
  return place_of(as_incident);
}

std::string date_of(const model::DateSpan& d) {
  if (d.start == d.end) return model::format_iso(d.start);
  return fmt::format("{}..{}", model::format_iso(d.start), model::format_iso(d.end));
}

void print_incident(const fuse::Incident& in) {
  std::cout << fmt::format("Incident {}: {} at {} (place known to the {})\n", in.id,
                           date_of(in.date), place_of(in), fuse::to_string(in.place_precision));
  if (in.date_spread_days > 0) {
    std::cout << fmt::format("  its records' dates spread over {} days\n", in.date_spread_days);
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

Result<fuse::IncidentStore*> no_incident(int64_t id) {
  return make_error(fmt::format("no incident {} (records in no incident are their own)", id));
}

int run_show(int64_t id, const GlobalOptions& global) {
  auto context = open_context(global);
  if (!context) {
    std::cerr << "sitrep incident show: " << context.error() << '\n';
    return kExitFailure;
  }
  fuse::IncidentStore incidents(*context->store);
  auto in = incidents.read(id);
  if (!in || !*in) {
    std::cerr << "sitrep incident show: " << (in ? no_incident(id).error() : in.error()) << '\n';
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
  for (const fuse::FusionRecord& r : records) {
    std::cout << fmt::format("  {:<14} {:<16} {:<22} {:<32} {:<22} {:>4}..{:<4} {}\n",
                             fuse::to_string(r.ref()), r.source.substr(0, 16), date_of(r.date),
                             place_of(r).substr(0, 32),
                             (r.perpetrator.empty() ? "-" : r.perpetrator).substr(0, 22),
                             figure(r.fatalities_low ? r.fatalities_low : r.fatalities_best),
                             figure(r.fatalities_high ? r.fatalities_high : r.fatalities_best),
                             model::to_string(r.claim));
  }
  std::cout << fmt::format("\nWhy they are one incident ({} links):\n", links->size());
  for (const fuse::StoredLink& link : *links) {
    std::string parts;
    const nlohmann::json why = nlohmann::json::parse(link.parts, nullptr, false);
    for (auto& [name, value] : why.items()) {
      if (value.is_number())
        parts += fmt::format("{}{} {:.2f}", parts.empty() ? "" : ", ", name, value.get<double>());
    }
    std::cout << fmt::format(
        "  {} ~ {}: {} ({})\n", fuse::to_string(link.a), fuse::to_string(link.b),
        link.score ? fmt::format("score {:.2f}", *link.score) : "an analyst's merge",
        parts.empty() ? link.parts : parts);
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
  auto context = open_context(global);
  if (!context) {
    std::cerr << "sitrep incident list: " << context.error() << '\n';
    return kExitFailure;
  }
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
  std::cout << fmt::format("{:>7}  {:<10}  {:<36}  {:<28}  {:>5}  {:>7}  {:>7}\n", "id", "date",
                           "place", "perpetrator", "dead", "sources", "records");
  for (int64_t id : ids) {
    auto in = incidents.read(id);
    if (!in || !*in) continue;
    const fuse::Incident& i = **in;
    std::cout << fmt::format("{:>7}  {:<10}  {:<36}  {:<28}  {:>5}  {:>7}  {:>7}\n", i.id,
                             model::format_iso(i.date.start), place_of(i).substr(0, 36),
                             i.perpetrator.substr(0, 28), figure(i.fatalities_best), i.sources,
                             i.members.size());
  }
  return kExitOk;
}

// Recomputes an incident from its records and writes it; with fewer than two records it is
// no incident any more and is removed. Returns its id (0 when removed or never written).
Result<int64_t> rewrite(store::SqliteStore& store, fuse::IncidentStore& incidents, int64_t id,
                        const std::vector<fuse::RecordRef>& members) {
  if (members.size() < 2) {
    if (id != 0) {
      if (Status s = incidents.remove(id); !s) return make_error(s.error());
    }
    return int64_t{0};
  }
  std::vector<fuse::FusionRecord> records;
  if (Status s = fuse::load_records(store, {}, members, records); !s) return make_error(s.error());
  std::vector<const fuse::FusionRecord*> pointers;
  for (const fuse::FusionRecord& r : records) pointers.push_back(&r);
  fuse::Incident incident = fuse::summarize(pointers);
  incident.id = id;
  return incidents.write(incident);
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

int run_split(int64_t id, const std::vector<std::string>& taken, const std::string& note,
              const GlobalOptions& global) {
  auto context = open_context(global);
  if (!context) {
    std::cerr << "sitrep incident split: " << context.error() << '\n';
    return kExitFailure;
  }
  std::vector<fuse::RecordRef> moved;
  for (const std::string& text : taken) {
    auto ref = fuse::parse_record_ref(text);
    if (!ref) {
      std::cerr << "sitrep incident split: '" << text
                << "' is not a record (event:ID or mention:ID, as `sitrep incident show` lists)\n";
      return kExitUsage;
    }
    moved.push_back(*ref);
  }
  return in_transaction("split", *context->store, [&](fuse::IncidentStore& incidents) -> Status {
    auto members = incidents.members_of(id);
    if (!members) return make_error(members.error());
    if (members->empty()) return make_error(no_incident(id).error());
    std::vector<fuse::RecordRef> rest;
    for (fuse::RecordRef r : *members) {
      if (std::find(moved.begin(), moved.end(), r) == moved.end()) rest.push_back(r);
    }
    for (fuse::RecordRef r : moved) {
      if (std::find(members->begin(), members->end(), r) == members->end()) {
        return make_error(fmt::format("{} is not a record of incident {}", fuse::to_string(r), id));
      }
    }
    if (rest.empty()) return make_error("name the records to take out, not all of them");
    for (fuse::RecordRef m : moved) {
      for (fuse::RecordRef r : rest) {
        if (Status s = incidents.add_decision(false, m, r, note); !s) return s;
      }
    }
    for (size_t i = 1; i < moved.size(); ++i) {
      if (Status s = incidents.add_decision(true, moved[i - 1], moved[i], note); !s) return s;
    }
    auto links = incidents.links(id);
    if (!links) return make_error(links.error());
    if (Status s = incidents.drop_links_across(id, moved); !s) return s;
    if (Status s = incidents.drop_links_across(id, rest); !s) return s;  // now only rest's own
    auto kept = rewrite(*context->store, incidents, id, rest);
    if (!kept) return make_error(kept.error());
    auto made = rewrite(*context->store, incidents, 0, moved);
    if (!made) return make_error(made.error());
    auto in_moved = [&](fuse::RecordRef r) {
      return std::find(moved.begin(), moved.end(), r) != moved.end();
    };
    for (const fuse::StoredLink& link : *links) {
      if (*made != 0 && in_moved(link.a) && in_moved(link.b)) {
        if (Status s = incidents.add_link(*made, link); !s) return s;
      }
    }
    std::cout << fmt::format(
        "Incident {} {}; the records taken out {}. Later runs of `sitrep "
        "fuse` keep them apart.\n",
        id,
        *kept ? "keeps " + std::to_string(rest.size()) + " records"
              : "is dissolved (one record left)",
        *made ? "are incident " + std::to_string(*made) : "stand on their own");
    return Status::success();
  });
}

int run_merge(const std::vector<std::string>& items, const std::string& note,
              const GlobalOptions& global) {
  auto context = open_context(global);
  if (!context) {
    std::cerr << "sitrep incident merge: " << context.error() << '\n';
    return kExitFailure;
  }
  return in_transaction("merge", *context->store, [&](fuse::IncidentStore& incidents) -> Status {
    // Each item is an incident or a record (a record in an incident brings its incident).
    std::vector<std::vector<fuse::RecordRef>> groups;
    std::vector<int64_t> ids;
    for (const std::string& item : items) {
      int64_t id = 0;
      std::vector<fuse::RecordRef> members;
      if (auto ref = fuse::parse_record_ref(item)) {
        auto in = incidents.incident_of(*ref);
        if (!in) return make_error(in.error());
        id = *in;
        if (id == 0) members = {*ref};
      } else if (!item.empty() && item.find_first_not_of("0123456789") == std::string::npos) {
        id = std::stoll(item);
      } else {
        return make_error(fmt::format("'{}' is neither an incident id nor a record", item));
      }
      if (id != 0) {
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
        auto found = incidents.members_of(id);
        if (!found) return make_error(found.error());
        if (found->empty()) return make_error(no_incident(id).error());
        members = *found;
        ids.push_back(id);
      }
      groups.push_back(members);
    }
    if (groups.size() < 2) return make_error("name at least two incidents or records to merge");
    std::sort(ids.begin(), ids.end());
    const int64_t target = ids.empty() ? 0 : ids.front();
    std::vector<fuse::RecordRef> all;
    for (const auto& g : groups) all.insert(all.end(), g.begin(), g.end());
    for (size_t i = 1; i < groups.size(); ++i) {
      if (Status s = incidents.add_decision(true, groups[0].front(), groups[i].front(), note); !s) {
        return s;
      }
    }
    for (int64_t other : ids) {
      if (other == target) continue;
      if (Status s = incidents.move_links(other, target); !s) return s;
      if (Status s = incidents.remove(other); !s) return s;
    }
    auto id = rewrite(*context->store, incidents, target, all);
    if (!id) return make_error(id.error());
    for (size_t i = 1; i < groups.size(); ++i) {
      fuse::StoredLink link{groups[0].front(), groups[i].front(), std::nullopt,
                            note.empty() ? "an analyst's merge" : note, "analyst"};
      if (Status s = incidents.add_link(*id, link); !s) return s;
    }
    std::cout << fmt::format(
        "Incident {} now holds {} records. Later runs of `sitrep fuse` keep "
        "them together.\n",
        *id, all.size());
    return Status::success();
  });
}

}  // namespace

Runner add_fuse_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<FuseArgs>();
  CLI::App* cmd = app.add_subcommand(
      "fuse",
      "Fuse the store's records — imported dataset events and events read from text — into\n"
      "incidents, one per real-world event, keeping every source. Incremental: only records new\n"
      "since the last run are compared (with everything near them in time and place), and an\n"
      "analyst's decisions (sitrep incident split|merge) always hold. The rules are in\n"
      "data/fusion.tsv; docs/fusion.md explains them. Then: sitrep incident list, sitrep\n"
      "incident show ID.");
  cmd->add_flag("--from-scratch", args->from_scratch,
                "Forget the stored incidents and fuse every record again (after editing the "
                "rules); analysts' decisions are kept");
  cmd->add_option("--rules", args->rules, "Rules file instead of data/fusion.tsv")
      ->check(CLI::ExistingFile);
  cmd->add_flag("-q,--quiet", args->quiet, "No progress or timings on standard error");
  return [args, &global] { return run_fuse(*args, global); };
}

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
  return [args, &global, list, show, split] {
    if (list->parsed()) return run_list(args->limit, global);
    if (show->parsed()) return run_show(args->id, global);
    if (split->parsed()) return run_split(args->id, args->records, args->note, global);
    return run_merge(args->items, args->note, global);
  };
}

}  // namespace sitrep::cli
