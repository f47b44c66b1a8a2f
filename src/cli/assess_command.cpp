// sitrep assess --actor NAME [FILTER] [--from D --to D] [--baseline FROM..TO]
// [--format md|html|json] [-o FILE] — the findings about a subject in a window, written as a
// brief.
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "sitrep/analyze/assessment.hpp"
#include "sitrep/analyze/record_loader.hpp"
#include "sitrep/fuse/incident_store.hpp"
#include "sitrep/query/filter.hpp"
#include "sitrep/report/brief.hpp"
#include "sitrep/report/store_citations.hpp"
#include "sitrep/report/svg_charts.hpp"
#include "sitrep/report/svg_map.hpp"

namespace sitrep::cli {
namespace {

struct AssessArgs {
  std::string actor;
  std::vector<std::string> filter;
  std::string from, to, baseline;
  std::string format = "md";
  std::string output;
  int gap_months = 12;
  bool timings = false;
  std::string unit = "incidents";
};

// Seconds per step, printed with --timings.
class StepClock {
 public:
  void lap(std::string step) {
    auto now = std::chrono::steady_clock::now();
    steps_.emplace_back(std::move(step), std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }
  void add(const std::vector<std::pair<std::string, double>>& steps) {
    for (const auto& [name, seconds] : steps) steps_.emplace_back("  " + name, seconds);
  }
  void print() const {
    for (const auto& [name, seconds] : steps_) {
      std::cerr << fmt::format("  {:<22}{:>9.3f} s\n", name, seconds);
    }
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> steps_;
};

// The window from --from/--to; an open side defaults from the data (last day) or the other side
// (30 days).
Result<analyze::Period> window_of(const AssessArgs& args, const analyze::Period& coverage) {
  if (args.from.empty() && args.to.empty()) return analyze::default_window(coverage.to);
  model::Day to = coverage.to, from = 0;
  if (!args.to.empty()) {
    auto day = model::parse_date_bound(args.to, true);
    if (!day) return make_error("--to: " + day.error());
    to = *day;
  }
  if (args.from.empty()) return analyze::default_window(to);
  auto day = model::parse_date_bound(args.from, false);
  if (!day) return make_error("--from: " + day.error());
  from = *day;
  if (to < from) return make_error("--to is before --from");
  return analyze::Period{from, to};
}

// The subject's filter: --actor as an actor term, then the user's terms. Date terms would cut
// the history that firsts and baselines need, so they are refused.
Result<query::Filter> subject_filter(const AssessArgs& args) {
  std::string text = join_filter(args.filter);
  if (!args.actor.empty()) text = fmt::format("actor:\"{}\" {}", args.actor, text);
  auto filter = query::parse_filter(text);
  if (!filter) return make_error("bad filter at " + filter.error());
  for (const query::Term& t : filter->terms) {
    if (t.field == "date") {
      return make_error(
          "the filter must not hold date terms: the window is --from/--to and the "
          "baseline --baseline, and firsts need the whole history");
    }
  }
  if (filter->terms.empty()) return make_error("say whose assessment: --actor NAME or a filter");
  return filter;
}

// Counting incidents, the event that stands for an incident carries the incident's fatalities.
void correct_fatalities(const query::EventIndex& index,
                        const std::vector<query::FatalityCorrection>& corrections,
                        analyze::RecordSet& set) {
  std::unordered_map<int64_t, int64_t> delta_of;
  for (const query::FatalityCorrection& c : corrections) delta_of[index.event_id(c.row)] = c.delta;
  for (analyze::Record& r : set.records) {
    if (r.origin != analyze::RecordOrigin::event) continue;
    auto d = delta_of.find(r.id);
    if (d != delta_of.end()) r.fatalities = static_cast<int>(r.fatalities.value_or(0) + d->second);
  }
}

// The events read from text whose perpetrator (or claimant) is the actor or one of its
// sub-actors (counting incidents, those fused with others count once), and the items its own
// outlets published — outlets that speak for it or for an
// organisation above it (the Islamic State's agency claims for its provinces).
Status add_text_records(Context& context, const std::string& actor, Unit unit,
                        analyze::RecordSet& set) {
  const model::ActorRegistry& actors = context.vocabulary.actors;
  const auto named = actors.expand_for_filter(actor);
  if (Status s = analyze::add_mention_records(*context.store, named, set); !s) return s;
  if (unit == Unit::incidents) {  // a mention fused with others counts once, or not at all
    fuse::IncidentStore incidents(*context.store);
    auto folded = incidents.folded_mentions();
    if (!folded) return make_error(folded.error());
    std::erase_if(set.records, [&](const analyze::Record& r) {
      return r.origin == analyze::RecordOrigin::mention && folded->count(r.id) > 0;
    });
  }
  std::set<std::string, std::less<>> voices(named.begin(), named.end());
  if (!named.empty() && actors.hierarchy().contains(named.front())) {
    for (const std::string& a : actors.hierarchy().with_ancestors(named.front())) voices.insert(a);
  }
  return analyze::add_media_items(
      *context.store,
      [&](std::string_view outlet_actor, model::Day day) {
        std::string canonical = actors.resolve(outlet_actor, "", day);
        return voices.contains(canonical.empty() ? outlet_actor : std::string_view(canonical));
      },
      set);
}

// The events of the subject's organisation (every actor under its top actor) over the
// baseline and the window, tallied by branch: the top actor's children, each with its own
// sub-actors; events of the top actor itself are a branch of their own.
Result<analyze::FamilyTally> load_family(Context& context, const std::string& actor,
                                         const analyze::AssessmentOptions& options, Unit unit) {
  const model::ActorRegistry& actors = context.vocabulary.actors;
  const auto named = actors.expand_for_filter(actor);
  if (named.empty() || !actors.hierarchy().contains(named.front())) return analyze::FamilyTally{};
  const std::string root = actors.hierarchy().with_ancestors(named.front()).back();
  std::map<std::string, std::string, std::less<>> branch_of{{root, root}};
  for (const std::string& code : actors.hierarchy().codes()) {
    auto line = actors.hierarchy().with_ancestors(code);
    if (line.size() < 2 || line.back() != root) continue;
    // The ancestor just below the root is the branch.
    branch_of[code] = line[line.size() - 2];
  }
  const analyze::Period span = options.studied();
  auto filter =
      query::parse_filter(fmt::format("actor:\"{}\" date:{}", root, analyze::to_string(span)));
  if (!filter) return make_error("family filter: " + filter.error());
  auto rows = select_rows(context, *filter, unit);
  if (!rows) return make_error(rows.error());
  return analyze::load_family_tally(
      *context.index, *rows,
      [&](std::string_view name) {
        auto it = branch_of.find(name);
        return it == branch_of.end() ? std::string() : it->second;
      },
      span, options.window);
}

// The background of hallmark matching: other events where the subject operated over the
// baseline and the window, tallied from the index, with the window's unattributed dataset events
// as the candidates (add_text_candidates adds those read from text). `countries` are where the
// subject operated.
Result<analyze::Background> load_background(Context& context, const std::string& actor,
                                            const analyze::RecordSet& subject,
                                            const analyze::AssessmentOptions& options, Unit unit,
                                            std::vector<std::string>& countries) {
  const analyze::Period span = options.studied();
  std::set<std::string> where;
  for (const analyze::Record& r : subject.records) {
    if (span.contains(r.day) && !r.country.empty()) where.emplace(r.country);
  }
  countries.assign(where.begin(), where.end());
  if (countries.empty()) return analyze::Background{};
  std::string text = "country:";
  for (const std::string& c : countries) text += (text.size() > 8 ? "," : "") + c;
  text += fmt::format(" date:{} -actor:\"{}\"", analyze::to_string(span), actor);
  auto filter = query::parse_filter(text);
  if (!filter) return make_error("context filter: " + filter.error());
  auto rows = select_rows(context, *filter, unit);
  if (!rows) return make_error(rows.error());
  return analyze::load_background(*context.index, *rows, options.window);
}

// The window's unattributed events read from text in `countries`, as candidates and in the tally.
Status add_text_candidates(Context& context, const std::vector<std::string>& countries,
                           const analyze::Period& window, analyze::Background& background) {
  const size_t from_datasets = background.candidates.records.size();
  if (Status s = analyze::add_unattributed_mentions(*context.store, countries, window,
                                                    background.candidates);
      !s) {
    return s;
  }
  for (size_t i = from_datasets; i < background.candidates.records.size(); ++i) {
    background.counts.add(background.candidates.records[i]);
  }
  return Status::success();
}

Status write_output(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return Status::success();
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return make_error(fmt::format("cannot write {}", path));
  return Status::success();
}

// The map and charts of an HTML brief. The map's provinces come from the gazetteer; without
// one it shows the events alone, and says why.
report::HtmlFigures html_figures(const analyze::Assessment& assessment,
                                 const GlobalOptions& global) {
  report::HtmlFigures figures;
  auto gazetteer = open_gazetteer(global);
  if (!gazetteer) {
    std::cerr << "sitrep assess: the map shows events without provinces: " << gazetteer.error()
              << '\n';
  }
  figures.map = report::map_svg(assessment, gazetteer ? gazetteer->gazetteer.get() : nullptr);
  figures.weekly = report::weekly_chart_svg(assessment);
  figures.targets = report::target_chart_svg(assessment);
  return figures;
}

int run_assess(const AssessArgs& args, const GlobalOptions& global) {
  const auto started = std::chrono::steady_clock::now();
  StepClock clock;
  if (args.format != "md" && args.format != "json" && args.format != "html") {
    std::cerr << "sitrep assess: --format must be md, html or json\n";
    return kExitUsage;
  }
  auto filter = subject_filter(args);
  if (!filter) {
    std::cerr << "sitrep assess: " << filter.error() << '\n';
    return kExitUsage;
  }
  auto context = open_context_for("assess", global);
  if (!context) return kExitFailure;
  const Unit unit = args.unit == "records" ? Unit::records : Unit::incidents;
  auto rows = select_rows(*context, *filter, unit);
  if (!rows) {
    std::cerr << "sitrep assess: " << rows.error() << '\n';
    return kExitUsage;
  }
  analyze::AssessmentOptions options;
  // The days the store has data for: dataset events and events read from text.
  if (context->index->size() > 0) {
    options.coverage = {context->index->first_day(), context->index->last_day()};
  }
  auto text_span = analyze::mention_span(*context->store);
  if (!text_span) {
    std::cerr << "sitrep assess: " << text_span.error() << '\n';
    return kExitFailure;
  }
  if (options.coverage.empty()) {
    options.coverage = *text_span;
  } else if (!text_span->empty()) {
    options.coverage = {std::min(options.coverage.from, text_span->from),
                        std::max(options.coverage.to, text_span->to)};
  }
  if (options.coverage.empty()) {
    std::cerr
        << "sitrep assess: the store holds no events (sitrep import or sitrep ingest first)\n";
    return kExitFailure;
  }
  auto window = window_of(args, options.coverage);
  if (!window) {
    std::cerr << "sitrep assess: " << window.error() << '\n';
    return kExitUsage;
  }
  options.window = *window;
  if (args.baseline.empty()) {
    options.baseline = analyze::default_baseline(options.window);
  } else {
    auto baseline = analyze::parse_period(args.baseline);
    if (!baseline) {
      std::cerr << "sitrep assess: --baseline " << baseline.error() << '\n';
      return kExitUsage;
    }
    options.baseline = *baseline;
  }
  options.reemergence_months = args.gap_months;
  options.name_country = [&countries = context->vocabulary.countries](std::string_view iso2) {
    return countries.name(iso2);
  };
  options.subject = args.actor.empty() ? filter->text : args.actor;
  auto fused = fusion_has_run(*context);
  if (!fused) {
    std::cerr << "sitrep assess: " << fused.error() << '\n';
    return kExitFailure;
  }
  options.fused = *fused;
  options.unit = options.fused && unit == Unit::incidents ? "incident" : "event";
  clock.lap("open and select");
  // Events before the baseline are summed up, not held one by one (earlier_history.hpp).
  analyze::EarlierHistory earlier;
  earlier.before = options.studied().from;
  earlier.places_before = options.window.from;
  earlier.traits_through = options.window.to;
  // The baseline's dataset events are summed up too: its findings need counts, not events.
  earlier.held_back.until = options.window.from;
  earlier.held_back.baseline = options.baseline;
  auto records = analyze::load_event_records(*context->index, *rows, &earlier);
  clock.lap("subject's events");
  if (!records) {
    std::cerr << "sitrep assess: " << records.error() << '\n';
    return kExitFailure;
  }
  if (const auto* corrections = fatality_corrections(*context, unit)) {
    correct_fatalities(*context->index, *corrections, *records);
  }
  // Events read from text, and the subject's own media, join only an actor's assessment: the
  // filter language selects dataset events.
  if (!args.actor.empty() && filter->terms.size() == 1) {
    if (Status s = add_text_records(*context, args.actor, unit, *records); !s) {
      std::cerr << "sitrep assess: " << s.error() << '\n';
      return kExitFailure;
    }
  }
  clock.lap("text and media");
  std::optional<analyze::Background> background;
  std::optional<analyze::FamilyTally> family_records;
  if (!args.actor.empty()) {
    std::vector<std::string> countries;
    auto loaded = load_background(*context, args.actor, *records, options, unit, countries);
    Status s = loaded ? add_text_candidates(*context, countries, options.window, *loaded)
                      : Status(make_error(loaded.error()));
    if (!s) {
      std::cerr << "sitrep assess: " << s.error() << '\n';
      return kExitFailure;
    }
    clock.lap("background");
    auto family = load_family(*context, args.actor, options, unit);
    if (!family) {
      std::cerr << "sitrep assess: " << family.error() << '\n';
      return kExitFailure;
    }
    clock.lap("organisation");
    background = std::move(*loaded);
    family_records = std::move(*family);
  }
  analyze::Assessment assessment = analyze::assess(
      *records, options,
      {background ? &*background : nullptr, family_records ? &*family_records : nullptr, &earlier});
  clock.lap("assess");
  clock.add(assessment.timings);
  report::Brief brief = report::build_brief(assessment, report::store_citations(*context->store));
  std::string text;
  if (args.format == "json") {
    text = report::to_json(brief).dump(2) + "\n";
  } else if (args.format == "html") {
    text = report::to_html(brief, html_figures(assessment, global));
  } else {
    text = report::to_markdown(brief);
  }
  clock.lap("brief");
  if (Status s = write_output(text, args.output); !s) {
    std::cerr << "sitrep assess: " << s.error() << '\n';
    return kExitFailure;
  }
  if (args.timings) clock.print();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << fmt::format(
      "{} findings reported, {} checked and not reported, from {} records "
      "({} in the window) in {:.2f} s{}\n",
      brief.sections.size(), brief.not_reported.size(),
      thousands(static_cast<int64_t>(assessment.records_total)),
      thousands(static_cast<int64_t>(assessment.records_in_window)), seconds,
      args.output.empty() || args.output == "-" ? std::string()
                                                : fmt::format("; written to {}", args.output));
  return kExitOk;
}

}  // namespace

Runner add_assess_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<AssessArgs>();
  CLI::App* cmd = app.add_subcommand(
      "assess",
      "Write a brief: the findings about an actor (with its sub-actors) or any filter in a "
      "window,\n"
      "against a baseline, each with its numbers and numbered sources.\n"
      "Findings: tempo and change point, firsts and re-emergence by country/province/district,\n"
      "cross-border attacks, targets by province, spread and shift of the centre, claims,\n"
      "attacks on officials, unattributed attacks bearing its hallmarks, campaigns across its\n"
      "organisation's branches, its own media. docs/findings.md says how each is computed.\n"
      "Examples:\n"
      "  sitrep assess --actor IS-KP --from 2020-10 --to 2020-12 -f html -o is-kp.html\n"
      "  sitrep assess --actor Taliban                      # the last 30 days of data\n"
      "  sitrep assess --actor IS-KP --from 2020-07-01 --to 2020-12-31 --baseline "
      "2020-01..2020-06\n"
      "  sitrep assess country:AF 'type:Violence against civilians' --format json");
  cmd->add_option("filter", args->filter, "Filter terms for the subject (no date terms)");
  cmd->add_option("--actor,-a", args->actor, "The actor assessed, with its sub-actors");
  cmd->add_option("--from", args->from, "First day of the window (YYYY-MM-DD, YYYY-MM or YYYY)");
  cmd->add_option("--to", args->to, "Last day of the window (default: the last day of data)");
  cmd->add_option("--baseline", args->baseline,
                  "The baseline FROM..TO (default: the 12 months before the window)");
  cmd->add_option("--format,-f", args->format,
                  "md (default), html (one self-contained file with a map and charts) or json");
  cmd->add_option("--output,-o", args->output,
                  "Write the brief to FILE (default: standard output)");
  cmd->add_option("--unit", args->unit, kUnitHelp)->check(CLI::IsMember({"incidents", "records"}));
  cmd->add_option("--gap-months", args->gap_months,
                  "Months without events after which a return to a place is re-emergence "
                  "(default 12)")
      ->check(CLI::Range(1, 600));
  cmd->add_flag("--timings", args->timings, "Print the seconds each step took");
  return [args, &global] { return run_assess(*args, global); };
}

}  // namespace sitrep::cli
