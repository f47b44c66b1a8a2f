// sitrep show ID — one event in full: every field, the source record it came from (with its
// column names), and how earlier revisions differed.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "sitrep/io/event_json.hpp"
#include "sitrep/io/event_writer.hpp"
#include "sitrep/io/labelled_record.hpp"

namespace sitrep::cli {
namespace {

using nlohmann::ordered_json;

struct ShowArgs {
  int64_t id = 0;
  bool json = false;
};

std::string text_of(const ordered_json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

bool is_empty(const ordered_json& value) {
  return value.is_null() || (value.is_string() && value.get<std::string>().empty());
}

// The source record as (column, value) pairs: CSV fields named by the file's header, or the
// keys of a JSONL object.
std::vector<std::pair<std::string, std::string>> source_fields(const std::string& header,
                                                               const std::string& original) {
  if (header.empty()) {
    std::vector<std::pair<std::string, std::string>> out;
    auto object = ordered_json::parse(original, nullptr, false);
    if (!object.is_object()) return {{"record", original}};
    for (const auto& item : object.items()) out.emplace_back(item.key(), text_of(item.value()));
    return out;
  }
  auto labelled = io::label_csv_record(header, original);
  if (!labelled) return {{"record", original}};
  return std::move(labelled).value();
}

void print_text(const model::Event& event, const std::vector<model::Event>& revisions,
                const std::vector<std::pair<std::string, std::string>>& source) {
  std::cout << fmt::format("Event {}: {} {}, revision {}\n", event.id, event.dataset,
                           event.native_id, event.revision);
  const ordered_json fields = io::flat_event_json(event);
  for (const auto& item : fields.items()) {
    if (is_empty(item.value()) || item.key().starts_with("provenance")) continue;
    std::cout << fmt::format("  {:<24} {}\n", item.key(), text_of(item.value()));
  }
  std::cout << fmt::format("\nSource: {} line {} (import run {})\n", event.provenance.file,
                           event.provenance.line, event.provenance.run_id);
  for (const auto& [column, value] : source) {
    if (!value.empty()) std::cout << fmt::format("  {:<24} {}\n", column, value);
  }
  if (revisions.empty()) return;
  std::cout << "\nEarlier revisions (each against the one after it):\n";
  for (size_t i = 0; i < revisions.size(); ++i) {
    const model::Event& older = revisions[i];
    const model::Event& newer = i + 1 < revisions.size() ? revisions[i + 1] : event;
    std::cout << fmt::format("  revision {}: {} line {} (import run {})\n", older.revision,
                             older.provenance.file, older.provenance.line, older.provenance.run_id);
    const ordered_json before = io::flat_event_json(older), after = io::flat_event_json(newer);
    for (const auto& item : before.items()) {
      const std::string& key = item.key();
      if (key == "revision" || key.starts_with("provenance") || item.value() == after[key]) {
        continue;
      }
      std::cout << fmt::format("    {:<22} {} → {}\n", key, text_of(item.value()),
                               text_of(after[key]));
    }
  }
}

int run_show(const ShowArgs& args, const GlobalOptions& global) {
  auto context = open_context_for("show", global);
  if (!context) return kExitFailure;
  store::SqliteStore& store = *context->store;
  std::optional<model::Event> event;
  Status found = store.for_each_event(store::SqlCondition{"e.id = ?", {args.id}}, 1,
                                      [&](const model::Event& e) {
                                        event = e;
                                        return false;
                                      });
  if (!found) {
    std::cerr << "sitrep show: " << found.error() << '\n';
    return kExitFailure;
  }
  if (!event) {
    std::cerr << fmt::format(
        "sitrep show: no event has id {} (ids are in the first column of "
        "sitrep events)\n",
        args.id);
    return kExitFailure;
  }
  auto revisions = store.revisions(args.id);
  auto header = store.source_header(args.id);
  if (!revisions || !header) {
    std::cerr << "sitrep show: " << (revisions ? header.error() : revisions.error()) << '\n';
    return kExitFailure;
  }
  auto source = source_fields(*header, event->provenance.original);
  if (!args.json) {
    print_text(*event, *revisions, source);
    return kExitOk;
  }
  ordered_json out;
  out["event"] = io::event_to_json(*event);
  out["source"] = ordered_json::object();
  for (const auto& [column, value] : source) out["source"][column] = value;
  out["source_record"] = event->provenance.original;
  out["revisions"] = ordered_json::array();
  for (const model::Event& r : *revisions) out["revisions"].push_back(io::event_to_json(r));
  std::cout << out.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  return kExitOk;
}

}  // namespace

Runner add_show_command(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand(
      "show",
      "Show one event in full: every field, the source record it came from with its column "
      "names, and what each earlier revision said differently.");
  cmd->add_option("id", args->id, "Event id (the first column of sitrep events)")->required();
  cmd->add_flag("--json", args->json, "Print it as one JSON document");
  return [args, &global] { return run_show(*args, global); };
}

}  // namespace sitrep::cli
