#include "sitrep/report/brief.hpp"

#include <map>

#include <fmt/format.h>

#include "sitrep/report/estimative.hpp"

namespace sitrep::report {
namespace {

// The sentence a finding contributes to the key takeaway: its judgement when it has one, else
// its statement.
std::string takeaway_sentence(const BriefSection& section) {
  return section.judgement.empty() ? section.finding->statement
                                   : section.judgement + " " + section.finding->statement;
}

}  // namespace

Brief build_brief(const analyze::Assessment& assessment, const CitationLookup& cite,
                  size_t evidence_per_finding) {
  Brief brief;
  brief.assessment = &assessment;
  brief.title = fmt::format("{}: assessment of {}", assessment.options.subject,
                            analyze::to_string(assessment.options.window));
  std::map<std::pair<int, int64_t>, int> note_of;  // (origin, id) → note number
  for (const analyze::Finding& f : assessment.findings) {
    if (!f.reported) {
      brief.not_reported.push_back(&f);
      continue;
    }
    BriefSection section;
    section.finding = &f;
    if (f.probability && !f.judgement.empty()) {
      section.judgement = judgement_sentence(f.judgement, *f.probability);
    }
    for (size_t i = 0; i < f.evidence.size() && i < evidence_per_finding; ++i) {
      const analyze::Evidence& e = f.evidence[i];
      auto key = std::make_pair(static_cast<int>(e.origin), e.id);
      auto it = note_of.find(key);
      if (it == note_of.end()) {
        brief.notes.push_back(cite(e));
        it = note_of.emplace(key, static_cast<int>(brief.notes.size())).first;
      }
      section.notes.push_back(it->second);
    }
    brief.sections.push_back(std::move(section));
  }
  for (size_t i = 0; i < brief.sections.size() && i < 3; ++i) {
    if (!brief.takeaway.empty()) brief.takeaway += " ";
    brief.takeaway += takeaway_sentence(brief.sections[i]);
  }
  if (brief.takeaway.empty()) {
    brief.takeaway =
        fmt::format("No finding about {} in {} passed the reporting bar.",
                    assessment.options.subject, analyze::to_string(assessment.options.window));
  }
  return brief;
}

std::string method_text(const analyze::AssessmentOptions& options) {
  const char* counting =
      options.unit == "incident"
          ? "Counted as incidents: the dataset events and the events read from text that sitrep "
            "fuse found to tell one incident count once, with the incident's fatality figures "
            "(docs/fusion.md)."
      : options.fused
          ? "Counted as records (--unit records): an incident that several sources report counts "
            "once for each."
          : "Events read from text are not fused with dataset events (sitrep fuse has not run): "
            "an incident reported both ways counts twice.";
  return fmt::format(
      "Judgements carry probabilities worded on the ICD 203 scale (almost no chance < 5%, very "
      "unlikely 5–20%, unlikely 20–45%, roughly even chance 45–55%, likely 55–80%, very likely "
      "80–95%, almost certain > 95%). Rate judgements are posterior probabilities with Jeffreys "
      "priors; tests give confidence (high: p < 0.001 on at least 20 records; moderate: p < 0.01 "
      "on at least 10). Firsts are firsts in the store's record, which begins on the date given. "
      "{} See docs/findings.md.",
      counting);
}

}  // namespace sitrep::report
