// The brief as one self-contained HTML page, laid out like a think-tank brief: a title band,
// the key takeaway, the map and charts, numbered findings with their judgements and figures,
// what was checked, the method and the source notes.
#include <cctype>

#include <fmt/format.h>

#include "sitrep/report/brief.hpp"
#include "sitrep/report/defang.hpp"
#include "sitrep/report/detail/markup.hpp"
#include "sitrep/report/estimative.hpp"

namespace sitrep::report {
namespace {

using detail::escape;

constexpr const char* kStyle = R"css(
:root { --ink:#1d232a; --muted:#5b6570; --rule:#d9dde1; --accent:#9e1b2b; --band:#14243a; }
* { box-sizing:border-box; }
body { margin:0; background:#f4f4f1; color:var(--ink);
  font:15px/1.55 "Source Serif Pro","Georgia","DejaVu Serif",serif; }
main { max-width:960px; margin:0 auto 48px; background:white; box-shadow:0 1px 4px rgba(0,0,0,.08); }
header { background:var(--band); color:white; padding:28px 40px 22px; }
header .kicker { font:600 12px/1 "Helvetica Neue",Arial,sans-serif; letter-spacing:.14em;
  text-transform:uppercase; color:#c9d3de; }
header h1 { margin:8px 0 6px; font-size:28px; line-height:1.2; }
header .meta { font:13px/1.5 "Helvetica Neue",Arial,sans-serif; color:#c9d3de; }
section { padding:6px 40px 10px; }
h2 { font:700 13px/1 "Helvetica Neue",Arial,sans-serif; letter-spacing:.12em; text-transform:uppercase;
  color:var(--accent); border-bottom:1px solid var(--rule); padding-bottom:8px; margin:26px 0 14px; }
h3 { font-size:18px; margin:22px 0 6px; }
.takeaway { border-left:4px solid var(--accent); background:#faf6f2; padding:14px 18px; font-size:16px; }
figure { margin:14px 0 8px; }
figure svg { width:100%; height:auto; display:block; }
figcaption { font:12px/1.4 "Helvetica Neue",Arial,sans-serif; color:var(--muted); margin-top:4px; }
.map .pt { fill:#14243a; fill-opacity:.55; stroke:white; stroke-width:.8; }
.judgement { background:#f1f5f9; border-radius:4px; padding:8px 12px; margin:8px 0; }
.term { font-weight:700; color:var(--band); }
.badge { display:inline-block; font:600 11px/1 "Helvetica Neue",Arial,sans-serif; padding:3px 7px;
  border-radius:10px; background:#e8ecef; color:#39434d; text-transform:uppercase; letter-spacing:.06em; }
.badge.high { background:#dcefe1; color:#1f6b35; } .badge.moderate { background:#fbf0d0; color:#7a5a00; }
sup.note { font:600 10px/1 "Helvetica Neue",Arial,sans-serif; color:var(--accent); }
details { margin:6px 0 4px; font:13px/1.4 "Helvetica Neue",Arial,sans-serif; }
table { border-collapse:collapse; margin:6px 0; } td { padding:2px 14px 2px 0; border-bottom:1px solid #eef0f2; }
td:first-child { color:var(--muted); }
ul.checked, ol.sources { font-size:13.5px; color:#39434d; }
ol.sources li { margin-bottom:4px; word-break:break-word; }
.method { font-size:13.5px; color:#39434d; }
footer { padding:14px 40px 26px; font:12px/1.4 "Helvetica Neue",Arial,sans-serif; color:var(--muted); }
@media print { body { background:white; } main { box-shadow:none; } }
)css";

std::string note_marks(const std::vector<int>& notes) {
  std::string out;
  for (int n : notes) out += fmt::format("<sup class=\"note\">[{}]</sup>", n);
  return out;
}

// The judgement with its estimative term in bold.
std::string judgement_html(const BriefSection& s) {
  std::string text = escape(s.judgement);
  std::string term(estimative_term(*s.finding->probability));
  size_t at = text.find(term);
  if (at != std::string::npos) {
    text.replace(at, term.size(), fmt::format("<span class=\"term\">{}</span>", term));
  }
  return text;
}

void write_section(size_t number, const BriefSection& s, std::string& out) {
  const analyze::Finding& f = *s.finding;
  out += fmt::format("<h3>{}. {}</h3>\n<p>{}{}</p>\n", number, escape(f.title), escape(f.statement),
                     note_marks(s.notes));
  if (!s.judgement.empty()) {
    out += fmt::format("<p class=\"judgement\">{}</p>\n", judgement_html(s));
  }
  out += fmt::format("<p><span class=\"badge {0}\">confidence: {0}</span></p>\n",
                     analyze::to_string(f.confidence));
  if (f.figures.empty()) return;
  out += "<details><summary>Figures</summary><table>";
  for (const analyze::Figure& fig : f.figures) {
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>", escape(fig.name), escape(fig.text));
  }
  out += "</table></details>\n";
}

void write_figures(const HtmlFigures& figures, const analyze::AssessmentOptions& options,
                   std::string& out) {
  const std::string units = options.units();
  std::string capitalised = units;
  capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
  if (figures.map.empty() && figures.weekly.empty() && figures.targets.empty()) return;
  out += "<section><h2>The window at a glance</h2>\n";
  if (!figures.map.empty()) {
    out += fmt::format(
        "<figure>{}<figcaption>{} in the window by province (shading) and place (points "
        "sized by fatalities); arrows run from origin to target of cross-border attacks."
        "</figcaption></figure>\n",
        figures.map, capitalised);
  }
  if (!figures.weekly.empty()) {
    out += fmt::format(
        "<figure>{}<figcaption>{} per week (Monday to Sunday) over the baseline and the "
        "window; the dashed line is the baseline's weekly rate.</figcaption></figure>\n",
        figures.weekly, capitalised);
  }
  if (!figures.targets.empty()) {
    out += fmt::format(
        "<figure>{}<figcaption>What the window's {} struck, by province (the ten with most "
        "{}).</figcaption></figure>\n",
        figures.targets, units, units);
  }
  out += "</section>\n";
}

}  // namespace

std::string to_html(const Brief& brief, const HtmlFigures& figures) {
  const analyze::Assessment& a = *brief.assessment;
  const analyze::AssessmentOptions& o = a.options;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>{}</title><style>{}</style></head><body><main>\n",
      escape(brief.title), kStyle);
  out += fmt::format(
      "<header><div class=\"kicker\">sitrep assessment</div><h1>{}</h1><div class=\"meta\">"
      "Window {} · {} records{} · baseline {} · data {}</div></header>\n",
      escape(brief.title), analyze::to_string(o.window), a.records_in_window,
      a.mentions_in_window ? fmt::format(" ({} from text)", a.mentions_in_window) : "",
      analyze::to_string(o.baseline), analyze::to_string(o.coverage));
  out += fmt::format("<section><h2>Key takeaway</h2><p class=\"takeaway\">{}</p></section>\n",
                     escape(brief.takeaway));
  write_figures(figures, brief.assessment->options, out);
  if (!brief.sections.empty()) {
    out += "<section><h2>Findings</h2>\n";
    for (size_t i = 0; i < brief.sections.size(); ++i) write_section(i + 1, brief.sections[i], out);
    out += "</section>\n";
  }
  if (!brief.not_reported.empty()) {
    out += "<section><h2>Checked, not reported</h2><ul class=\"checked\">\n";
    for (const analyze::Finding* f : brief.not_reported) {
      out += fmt::format("<li><b>{}</b>: {}.</li>\n", escape(f->title),
                         escape(f->not_reported_because));
    }
    out += "</ul></section>\n";
  }
  out += fmt::format("<section><h2>Method</h2><p class=\"method\">{}</p></section>\n",
                     escape(method_text(brief.assessment->options)));
  if (!brief.notes.empty()) {
    out += "<section><h2>Sources</h2><ol class=\"sources\">\n";
    for (const Citation& c : brief.notes) {
      out +=
          fmt::format("<li>{}{}</li>\n", escape(c.text),
                      c.url.empty() ? std::string()
                                    : fmt::format(" <code>{}</code>", escape(defang_url(c.url))));
    }
    out += "</ol></section>\n";
  }
  out +=
      "<footer>Written by sitrep from the records in its store; every statement cites the "
      "records it rests on. URLs are defanged.</footer>\n</main></body></html>\n";
  return out;
}

}  // namespace sitrep::report
