// sitrep eval fuse — fusion against a labelled set: records with the incident each tells.
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/fuse/evaluation.hpp"
#include "sitrep/fuse/fuser.hpp"
#include "sitrep/fuse/fusion_data.hpp"
#include "sitrep/io/utf8.hpp"
#include "sitrep/synth/fusion_gold.hpp"

namespace sitrep::cli {
namespace {

Result<std::vector<fuse::LabelledRecord>> labelled_set(const EvalFuseArgs& args,
                                                       const std::string& data_dir) {
  if (!args.gold.empty()) return fuse::read_labelled_records(args.gold);
  auto scenario = synth::Scenario::load(data_dir);
  if (!scenario) return make_error(scenario.error());
  synth::FusionGoldOptions options;
  options.incidents = args.synthetic;
  options.seed = args.seed;
  std::vector<fuse::LabelledRecord> out;
  for (synth::GoldRecord& g : synth::fusion_gold(*scenario, options)) {
    fuse::LabelledRecord labelled;
    labelled.record = std::move(g.record);
    labelled.incident = std::move(g.incident);
    out.push_back(std::move(labelled));
  }
  return out;
}

// The records of the wrongly merged or wrongly separated incidents, for --failures.
void print_failures(const std::vector<fuse::LabelledRecord>& set, const fuse::Clusters& clusters) {
  std::map<uint32_t, std::set<std::string>> gold_in_group;
  std::map<std::string, std::set<uint32_t>> groups_of_gold;
  for (size_t i = 0; i < set.size(); ++i) {
    gold_in_group[clusters.group[i]].insert(set[i].incident);
    groups_of_gold[set[i].incident].insert(clusters.group[i]);
  }
  auto describe = [&](size_t i) {
    const fuse::FusionRecord& r = set[i].record;
    return fmt::format("    line {:>5} {:<8} {:<14} {:<10} {:<22} {:<8} {:<26} {}..{}", r.id,
                       set[i].incident, io::utf8_prefix(r.source, 14),
                       model::format_iso(r.date.start),
                       io::utf8_prefix(fmt::format("{}/{}", r.admin1, r.admin2), 22),
                       fuse::to_string(r.place_precision), io::utf8_prefix(r.perpetrator, 26),
                       r.fatalities_low.value_or(-1), r.fatalities_high.value_or(-1));
  };
  std::cout << "\nFalse merges (one group, several incidents):\n";
  for (auto& [group, golds] : gold_in_group) {
    if (golds.size() < 2) continue;
    std::cout << "  group of line " << set[group].record.id << ":\n";
    for (size_t i = 0; i < set.size(); ++i) {
      if (clusters.group[i] == group) std::cout << describe(i) << '\n';
    }
  }
  std::cout << "\nLinks between records of different incidents:\n";
  for (const fuse::Link& link : clusters.links) {
    if (set[link.a].incident == set[link.b].incident) continue;
    const fuse::MatchParts& p = link.parts;
    std::cout << fmt::format(
        "  lines {} ~ {}: score {:.2f} (place {:.2f}, date {:.2f}, casualties {}, "
        "target {}, words {})\n",
        set[link.a].record.id, set[link.b].record.id, link.score, p.place, p.date,
        p.casualties ? fmt::format("{:.2f}", *p.casualties) : "-",
        p.target ? fmt::format("{:.0f}", *p.target) : "-",
        p.words ? fmt::format("{:.2f}", *p.words) : "-");
  }
  std::cout << "\nMissed merges (one incident, several groups):\n";
  for (auto& [gold, groups] : groups_of_gold) {
    if (groups.size() < 2) continue;
    std::cout << "  incident " << gold << ":\n";
    for (size_t i = 0; i < set.size(); ++i) {
      if (set[i].incident == gold)
        std::cout << describe(i) << "  group " << clusters.group[i] << '\n';
    }
  }
}

}  // namespace

int run_eval_fuse(const EvalFuseArgs& args, const GlobalOptions& global) {
  const std::string data_dir = model::find_data_dir(global.data_dir);
  auto data = fuse::FusionData::load(data_dir, args.rules);
  if (!data) {
    std::cerr << "sitrep eval fuse: " << data.error() << '\n';
    return kExitUsage;
  }
  auto set = labelled_set(args, data_dir);
  if (!set) {
    std::cerr << "sitrep eval fuse: " << set.error() << '\n';
    return kExitFailure;
  }
  if (!args.write_gold.empty()) {
    std::ofstream out(args.write_gold);
    for (const fuse::LabelledRecord& r : *set) out << fuse::labelled_record_json(r) << '\n';
    if (!out) {
      std::cerr << "sitrep eval fuse: cannot write " << args.write_gold << '\n';
      return kExitFailure;
    }
  }
  std::vector<fuse::FusionRecord> records;
  std::vector<std::string> gold;
  for (const fuse::LabelledRecord& r : *set) {
    records.push_back(r.record);
    gold.push_back(r.incident);
  }
  auto began = std::chrono::steady_clock::now();
  fuse::Clusters clusters = fuse::fuse_records(records, data->rules);
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
  gold = fuse::resolve_labels(*set, clusters.group);
  fuse::FusionScores s = fuse::score_fusion(gold, clusters.group);
  const auto several = std::count_if(set->begin(), set->end(), [](const fuse::LabelledRecord& r) {
    return !r.alternatives.empty();
  });
  std::cout << fmt::format(
      "{} records of {} incidents fused into {} in {:.3f} s ({} pairs compared)\n",
      thousands(s.records), thousands(s.gold_incidents), thousands(s.predicted_incidents),
      took.count(), thousands(static_cast<int64_t>(clusters.pairs_compared)));
  std::cout << fmt::format(
      "pairwise   precision {:.3f}  recall {:.3f}  F1 {:.3f}   ({} of {} "
      "pairs found, {} predicted)\n",
      s.precision, s.recall, s.f1, thousands(s.correct_pairs), thousands(s.gold_pairs),
      thousands(s.predicted_pairs));
  std::cout << fmt::format("B-cubed    precision {:.3f}  recall {:.3f}  F1 {:.3f}\n",
                           s.bcubed_precision, s.bcubed_recall, s.bcubed_f1);
  std::cout << fmt::format(
      "false merges: {} pairs of different incidents put together; {} "
      "incidents hidden inside another's group\n",
      thousands(s.false_merge_pairs), thousands(s.incidents_hidden));
  std::cout << fmt::format("missed: {} pairs of one incident left apart\n",
                           thousands(s.missed_pairs));
  if (several > 0) {
    std::cout << fmt::format(
        "{} records may rightly join any of several incidents (scored as "
        "right when they joined one of them)\n",
        thousands(several));
  }
  if (args.failures) print_failures(*set, clusters);
  return kExitOk;
}

}  // namespace sitrep::cli
