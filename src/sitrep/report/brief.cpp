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

}  // namespace sitrep::report
