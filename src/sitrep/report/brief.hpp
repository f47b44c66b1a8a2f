// The brief: an assessment turned into what an analyst sends — a key-takeaway paragraph, one
// section per reported finding with its judgement in estimative language, numbered source notes
// (URLs defanged) that each statement points to, and what was checked but not reported.
//
// Building a brief needs the sources of the records findings rest on; `CitationLookup` supplies
// them (store_citations.hpp reads them from the store), so the brief itself is pure and
// testable. Markdown and JSON render the same Brief.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "sitrep/analyze/assessment.hpp"

namespace sitrep::report {

// One source note: what a record says about where it came from.
struct Citation {
  std::string text;  // "UCDP GED 1952 (Pajhwok News, 2020-01-04): Man killed …"
  std::string url;   // as given; rendered defanged
};

using CitationLookup = std::function<Citation(const analyze::Evidence&)>;

struct BriefSection {
  const analyze::Finding* finding = nullptr;
  std::string judgement;   // the judgement sentence in estimative language, or empty
  std::vector<int> notes;  // source note numbers, 1-based
};

struct Brief {
  std::string title;
  const analyze::Assessment* assessment = nullptr;
  std::string takeaway;
  std::vector<BriefSection> sections;
  std::vector<Citation> notes;                        // note n is notes[n - 1]
  std::vector<const analyze::Finding*> not_reported;  // checked, below the bar
};

// How the brief's judgements and confidences are obtained, and what it counted (incidents after
// sitrep fuse, else every record), as every format prints it.
std::string method_text(const analyze::AssessmentOptions& options);

// At most `evidence_per_finding` notes are cited per finding.
Brief build_brief(const analyze::Assessment& assessment, const CitationLookup& cite,
                  size_t evidence_per_finding = 5);

std::string to_markdown(const Brief& brief);
nlohmann::json to_json(const Brief& brief);

// The figures an HTML brief shows, as inline SVG (svg_map.hpp, svg_charts.hpp); any may be
// empty.
struct HtmlFigures {
  std::string map;
  std::string weekly;
  std::string targets;
};

// One self-contained HTML file: styles and figures inline, nothing fetched at view time, links
// defanged and not clickable.
std::string to_html(const Brief& brief, const HtmlFigures& figures);

}  // namespace sitrep::report
