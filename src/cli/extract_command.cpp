// sitrep extract — reports in, events out: who did what to whom, where, when, with what, and
// who claimed or denied it, with the words each field was read from.
#include <algorithm>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/extract/extraction_json.hpp"
#include "sitrep/extract/extractor.hpp"
#include "sitrep/extract/parallel_extraction.hpp"
#include "sitrep/extract/report_batches.hpp"
#include "sitrep/model/vocabulary.hpp"

namespace sitrep::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "table";
  bool explain = false;
  std::string published;
  std::string country;
  size_t threads = 0;  // 0: one per core
};

std::string quoted(std::string_view text, const extract::Evidence& e) {
  if (e.empty()) return "";
  return fmt::format(" «{}»", text.substr(e.begin, e.end - e.begin));
}

std::string place_line(const extract::PlaceMention& p) {
  std::string role = p.role == extract::PlaceMention::Role::origin ? "from " : "";
  if (!p.found) return fmt::format("{}{} (not found)", role, p.text);
  std::string where = p.name;
  for (const std::string* area : {&p.admin2, &p.admin1, &p.country}) {
    if (!area->empty() && *area != p.name) where += ", " + *area;
  }
  return fmt::format("{}{} [{}]", role, where, p.precision);
}

std::string casualty_text(const std::optional<extract::CasualtyMention>& c) {
  if (!c) return "";
  if (!c->high) return fmt::format("{}+", c->low);
  if (*c->high == c->low) return std::to_string(c->low);
  return fmt::format("{}-{}", c->low, *c->high);
}

// With no event read, the places and actors the report names are what it still gives.
void print_named(const extract::ReportExtraction& x, bool explain) {
  for (const extract::PlaceMention& p : x.places) {
    std::cout << fmt::format("  named place  {}{}\n", place_line(p),
                             explain ? quoted(x.text, p.evidence) : "");
  }
  for (const extract::ActorMention& a : x.actors) {
    std::cout << fmt::format("  named actor  {}{}\n", a.actor,
                             explain ? quoted(x.text, a.evidence) : "");
  }
}

void print_table(const extract::Document& d, const extract::ReportExtraction& x, bool explain) {
  std::cout << fmt::format("{}  {}  language {} ({:.2f})  source {}{}\n", d.id,
                           d.title.empty() ? d.file : d.title, x.language.code,
                           x.language.confidence, x.source.kind,
                           x.source.outlet.empty() ? "" : " (" + x.source.outlet + ")");
  int n = 0;
  for (const extract::Mention& m : x.mentions) {
    std::string_view t = x.text;
    auto row = [&](std::string_view field, const std::string& value, const extract::Evidence& e) {
      if (value.empty()) return;
      std::cout << fmt::format("    {:<12} {}{}\n", field, value, explain ? quoted(t, e) : "");
    };
    std::cout << fmt::format("  mention {}  confidence {:.2f}{}\n", ++n, m.confidence,
                             m.hedged ? "  (hedged)" : "");
    row("type", m.event_type + (m.sub_event_type.empty() ? "" : " / " + m.sub_event_type),
        m.trigger);
    if (m.perpetrator) {
      row("perpetrator", m.perpetrator->actor + (m.perpetrator->uncertain ? " (suspected)" : ""),
          m.perpetrator->evidence);
    }
    std::string target = m.target;
    if (!m.target_level.empty()) target += " (" + m.target_level + ")";
    if (!m.target_minority.empty()) target += " (" + m.target_minority + ")";
    if (m.target_actor) target += (target.empty() ? "" : "; ") + m.target_actor->actor;
    row("target", target, m.target_evidence);
    std::string weapon = m.weapon;
    if (m.weapon_count) weapon += fmt::format(" x{}", *m.weapon_count);
    row("weapon", weapon, m.weapon_evidence);
    for (const extract::PlaceMention& p : m.places) row("place", place_line(p), p.evidence);
    if (m.cross_border) row("cross-border", "yes", {});
    if (m.date) {
      std::string date = model::format_iso(m.date->start);
      if (m.date->end != m.date->start) date += ".." + model::format_iso(m.date->end);
      if (m.date_from_publication) date += " (publication date)";
      row("date", date, m.date_evidence);
    }
    if (m.killed) row("killed", casualty_text(m.killed), {m.killed->begin, m.killed->end});
    if (m.injured) row("injured", casualty_text(m.injured), {m.injured->begin, m.injured->end});
    if (m.claim != model::ClaimStatus::unknown) {
      std::string claim(model::to_string(m.claim));
      for (const auto& a : m.claimed_by) claim += " by " + a.actor;
      if (!m.claim_channel.empty()) claim += " via " + m.claim_channel;
      for (const auto& a : m.denied_by) claim += "; denied by " + a.actor;
      row("claim", claim, m.claim_evidence);
    }
  }
  if (x.mentions.empty()) print_named(x, explain);
  for (const std::string& note : x.not_understood) std::cout << "  note: " << note << '\n';
}

int run_extract(ExtractArgs& args, const GlobalOptions& global) {
  if (args.format != "table" && args.format != "jsonl") {
    std::cerr << "sitrep extract: --format must be table or jsonl\n";
    return kExitUsage;
  }
  std::optional<model::Day> published;
  if (!args.published.empty()) {
    published = extract::parse_published(args.published);
    if (!published) {
      std::cerr << "sitrep extract: --published: '" << args.published
                << "' is not a date (2022-04-18)\n";
      return kExitUsage;
    }
  }
  auto extractor = open_extractor(global, args.country);
  if (!extractor) {
    std::cerr << "sitrep extract: " << extractor.error() << '\n';
    return kExitFailure;
  }
  // Reports are extracted a batch at a time on every core and printed in their order by this
  // thread, while the other threads extract the next batch.
  extract::ParallelExtraction extraction(*extractor, args.threads);
  if (args.files.empty()) args.files.push_back("-");
  int status = kExitOk;
  // Standard input may wait for a person: the files before it are printed before it is read,
  // so each "-" is a run of its own.
  std::vector<std::vector<std::string>> runs;
  for (const std::string& file : args.files) {
    if (file == "-" || runs.empty() || runs.back().front() == "-") runs.emplace_back();
    runs.back().push_back(file);
  }
  for (const std::vector<std::string>& files : runs) {
    // A file that cannot be read is reported and gives no reports; the others are still read.
    auto open = [&](size_t f, std::vector<extract::Document>& documents) {
      std::vector<io::RowError> rejects;
      Result<std::vector<extract::Document>> read = make_error("");
      if (files[f] == "-") {
        std::string text{std::istreambuf_iterator<char>(std::cin), {}};
        read = extract::parse_documents("-", text, rejects);
      } else {
        read = extract::read_documents(files[f], rejects);
      }
      if (!read) {
        std::cerr << "sitrep extract: " << read.error() << '\n';
        status = kExitFailure;
        return Status::success();
      }
      for (const io::RowError& r : rejects) {
        std::cerr << fmt::format("sitrep extract: {}:{}:{}: {}\n", r.file, r.line, r.column,
                                 r.reason);
        status = kExitFailure;
      }
      documents = std::move(*read);
      for (extract::Document& d : documents) {
        if (published && !d.published) d.published = published;
      }
      return Status::success();
    };
    extract::ReportBatches batches(files.size(), open);
    auto print = [&](const extract::ParallelExtraction::Batch& batch,
                     std::vector<extract::ReportExtraction>& extracted) {
      for (size_t k = 0; k < batch.size(); ++k) {
        if (args.format == "jsonl") {
          std::cout << extract::extraction_json(*batch[k], extracted[k]).dump() << '\n';
        } else {
          print_table(*batch[k], extracted[k], args.explain);
        }
      }
      batches.done_with_oldest();
      return Status::success();
    };
    if (Status s = extraction.run([&](size_t) { return batches.next(); }, print); !s) {
      std::cerr << "sitrep extract: " << s.error() << '\n';
      status = kExitFailure;
    }
    std::cout << std::flush;
  }
  return status;
}

}  // namespace

Runner add_extract_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Read reports and print the events they tell: type, perpetrator, target, weapon, places "
      "(with origin and target roles), date, casualties, and who claimed or denied it.\n"
      "Inputs: a plain-text report (an optional header of 'published: 2022-04-18', 'source:', "
      "'title:', 'url:' lines, then a blank line), JSONL news items, or a Telegram Desktop "
      "export (result.json). '-' reads standard input.\n"
      "Examples:\n"
      "  sitrep extract report.txt --explain\n"
      "  echo 'Gunmen killed two policemen in Kunduz on Monday.' | sitrep extract - "
      "--published 2022-04-20\n"
      "  sitrep extract news.jsonl --format jsonl > mentions.jsonl\n"
      "Every field keeps the byte span it was read from (--explain quotes it). Relative dates "
      "('on Monday') are resolved against the publication date. Exit status 1 if a file or "
      "record could not be read (the others are still printed).");
  cmd->add_option("files", args->files, "Report files ('-' or none: standard input)");
  cmd->add_option("--format", args->format, "table (default) or jsonl")
      ->check(CLI::IsMember({"table", "jsonl"}));
  cmd->add_flag("--explain", args->explain, "Quote the words each field was read from");
  cmd->add_option("--published", args->published,
                  "Publication date for reports that do not give one (2022-04-18)");
  cmd->add_option("--country", args->country,
                  "ISO2 of the country the reports are about, for reports that name no place: "
                  "actor names are read as used there ('IS' in Afghanistan is IS-KP)");
  cmd->add_option("--threads", args->threads,
                  "Threads extracting reports (default 0: one per core); the output is the same "
                  "for any number")
      ->check(CLI::Range(0, 256));
  return [args, &global] { return run_extract(*args, global); };
}

}  // namespace sitrep::cli
