// The brief as Markdown: readable as plain text, renders on any forge or in pandoc.
#include <fmt/format.h>

#include "sitrep/report/brief.hpp"
#include "sitrep/report/defang.hpp"

namespace sitrep::report {
namespace {

std::string note_marks(const std::vector<int>& notes) {
  std::string out;
  for (int n : notes) out += fmt::format("[{}]", n);
  return out;
}

// Markdown table cells must not break the table.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void write_header(const Brief& brief, std::string& out) {
  const analyze::Assessment& a = *brief.assessment;
  const analyze::AssessmentOptions& o = a.options;
  out += fmt::format("# {}\n\n", brief.title);
  out += fmt::format(
      "*Window {} ({} records{}); baseline {}; the store's data run {}. {} records of {} in "
      "all.*\n\n",
      analyze::to_string(o.window), a.records_in_window,
      a.mentions_in_window ? fmt::format(", {} of them read from text", a.mentions_in_window) : "",
      analyze::to_string(o.baseline), analyze::to_string(o.coverage), a.records_total, o.subject);
}

void write_section(size_t number, const BriefSection& s, std::string& out) {
  const analyze::Finding& f = *s.finding;
  out += fmt::format("### {}. {}\n\n", number, f.title);
  out += fmt::format("{} {}\n\n", f.statement, note_marks(s.notes));
  if (!s.judgement.empty()) out += fmt::format("**Judgement.** {}\n\n", s.judgement);
  out += fmt::format("Confidence: {}.\n\n", analyze::to_string(f.confidence));
  if (f.figures.empty()) return;
  out += "| figure | value |\n|---|---|\n";
  for (const analyze::Figure& fig : f.figures) {
    out += fmt::format("| {} | {} |\n", cell(fig.name), cell(fig.text));
  }
  out += "\n";
}

}  // namespace

std::string to_markdown(const Brief& brief) {
  std::string out;
  write_header(brief, out);
  out += fmt::format("## Key takeaway\n\n{}\n\n", brief.takeaway);
  if (!brief.sections.empty()) out += "## Findings\n\n";
  for (size_t i = 0; i < brief.sections.size(); ++i) write_section(i + 1, brief.sections[i], out);
  if (!brief.not_reported.empty()) {
    out += "## Checked, not reported\n\n";
    for (const analyze::Finding* f : brief.not_reported) {
      out += fmt::format("- {}: {}.\n", f->title, f->not_reported_because);
    }
    out += "\n";
  }
  out += fmt::format("## Method\n\n{}\n\n", method_text(brief.assessment->options));
  if (!brief.notes.empty()) {
    out += "## Sources\n\n";
    for (size_t i = 0; i < brief.notes.size(); ++i) {
      const Citation& c = brief.notes[i];
      out += fmt::format("{}. {}", i + 1, c.text);
      if (!c.url.empty()) out += fmt::format(" {}", defang_url(c.url));
      out += '\n';
    }
  }
  return out;
}

}  // namespace sitrep::report
