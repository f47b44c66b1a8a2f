#include "sitrep/extract/source_kind.hpp"

#include <algorithm>
#include <cctype>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::extract {
namespace {

std::vector<std::string> split_bar(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('|', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string url_host(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  url = url.substr(0, url.find(':'));
  std::string host(url);
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

Result<SourceClassifier> SourceClassifier::load(const std::string& data_dir) {
  auto table = model::read_tsv(data_dir + "/lexicon/outlets.tsv",
                               {"outlet", "kind", "actor", "names", "domains"});
  if (!table) return std::move(table).take_error();
  SourceClassifier c;
  auto cell = [&](const model::TsvRow& row, const char* name) -> const std::string& {
    return row.cells[static_cast<size_t>(table->column(name))];
  };
  for (const model::TsvRow& row : table->rows) {
    const std::string& kind = cell(row, "kind");
    if (kind != "news" && kind != "official" && kind != "claim" && kind != "propaganda") {
      return make_error(table->where(row) + ": kind must be news, official, claim or propaganda");
    }
    auto id = static_cast<uint32_t>(c.outlets_.size());
    c.outlets_.push_back(
        {cell(row, "outlet"), kind, cell(row, "actor"), split_bar(cell(row, "domains"))});
    c.names_.add(cell(row, "outlet"), id);
    for (const std::string& name : split_bar(cell(row, "names"))) c.names_.add(name, id);
  }
  c.names_.build();
  return c;
}

SourceKind SourceClassifier::classify(const Document& d) const {
  auto result = [&](uint32_t id) {
    const Outlet& o = outlets_[id];
    return SourceKind{o.kind, o.name, o.actor};
  };
  // The source field says who published; a title may name a claim channel ("Amaq: …").
  for (const std::string* field : {&d.source, &d.title}) {
    auto found = longest_matches(names_.find(*field));
    if (!found.empty()) return result(found.front().phrase);
  }
  if (!d.url.empty()) {
    std::string host = url_host(d.url);
    for (uint32_t id = 0; id < outlets_.size(); ++id) {
      for (const std::string& domain : outlets_[id].domains) {
        if (host == domain || host.ends_with("." + domain)) return result(id);
      }
    }
  }
  return {};
}

}  // namespace sitrep::extract
