#include "sitrep/report/store_citations.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "sitrep/model/date.hpp"
#include "sitrep/store/statement.hpp"

namespace sitrep::report {
namespace {

constexpr size_t kNoteLength = 240;

std::string dataset_label(std::string_view dataset) {
  if (dataset == "ucdp-ged") return "UCDP GED";
  if (dataset == "acled") return "ACLED";
  if (dataset == "gtd") return "GTD";
  return std::string(dataset);
}

// At most kNoteLength bytes, cut at a UTF-8 character boundary, with an ellipsis.
std::string shortened(std::string_view text) {
  if (text.size() <= kNoteLength) return std::string(text);
  size_t cut = kNoteLength;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

// "AFP;Reuters;AFP" as "AFP, Reuters": datasets list a source once per article.
std::string distinct_sources(std::string_view sources) {
  std::vector<std::string_view> seen;
  std::string out;
  while (!sources.empty()) {
    size_t cut = sources.find(';');
    std::string_view name = sources.substr(0, cut);
    sources = cut == std::string_view::npos ? std::string_view() : sources.substr(cut + 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty() || std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
    seen.push_back(name);
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

Citation event_citation(store::SqliteStore& store, int64_t id) {
  Citation c{fmt::format("event {} (no longer in the store)", id), ""};
  (void)store.for_each_event_by_id({id}, [&](const model::Event& e) {
    std::string place = e.location.empty() ? e.admin1 : e.location;
    c.text = fmt::format("{} {}, {}{}{}", dataset_label(e.dataset), e.native_id,
                         model::format_iso(e.date.start), place.empty() ? "" : ", ", place);
    if (!e.sources.empty()) c.text += fmt::format(". Sources: {}", distinct_sources(e.sources));
    if (!e.notes.empty()) c.text += fmt::format(". {}", shortened(e.notes));
    c.text += fmt::format(" (sitrep event {})", id);
    return false;
  });
  return c;
}

Citation mention_citation(store::SqliteStore& store, int64_t id) {
  Citation c{fmt::format("extracted event {} (no longer in the store)", id), ""};
  auto stmt = store::Statement::prepare(
      store.handle(),
      "SELECT r.source, r.published, r.title, r.url, r.doc_id, r.source_kind FROM mentions m "
      "JOIN reports r ON r.id = m.report_id WHERE m.id = ?");
  if (!stmt) return c;
  stmt->bind(1, id);
  auto row = stmt->step();
  if (!row || !*row) return c;
  std::string source(stmt->column_text(0)), published(stmt->column_text(1));
  std::string title(stmt->column_text(2));
  c.text = fmt::format("{}{}{}", source.empty() ? "Unnamed source" : source,
                       published.empty() ? "" : ", ", published);
  if (!title.empty()) c.text += fmt::format(", \"{}\"", title);
  c.text += fmt::format(" ({}, report {}; sitrep mention {})", stmt->column_text(5),
                        stmt->column_text(4), id);
  c.url = std::string(stmt->column_text(3));
  return c;
}

}  // namespace

CitationLookup store_citations(store::SqliteStore& store) {
  return [&store](const analyze::Evidence& e) {
    return e.origin == analyze::RecordOrigin::event ? event_citation(store, e.id)
                                                    : mention_citation(store, e.id);
  };
}

}  // namespace sitrep::report
