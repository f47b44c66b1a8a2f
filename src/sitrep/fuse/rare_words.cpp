#include "sitrep/fuse/rare_words.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::fuse {
namespace {

constexpr size_t kMinWordBytes = 4;

bool separates(unsigned char c) {
  return c < 0x80 && !std::isalnum(c);
}

}  // namespace

Result<WordFilter> WordFilter::load(const std::string& path) {
  auto table = model::read_tsv(path, {"word"});
  if (!table) return make_error(table.error());
  WordFilter filter;
  const auto column = static_cast<size_t>(table->column("word"));
  for (const model::TsvRow& row : table->rows)
    filter.common_.insert(model::fold_name(row.cells[column]));
  return filter;
}

std::vector<std::string> WordFilter::words(std::string_view text) const {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && separates(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    bool digits = true;
    while (i < text.size() && !separates(static_cast<unsigned char>(text[i]))) {
      digits &= std::isdigit(static_cast<unsigned char>(text[i])) != 0;
      ++i;
    }
    if (i - start < kMinWordBytes || digits) continue;
    std::string word(text.substr(start, i - start));
    for (char& c : word) {
      if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::tolower(c));
    }
    if (!common_.count(word)) out.push_back(std::move(word));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void keep_rare_words(std::vector<FusionRecord>& records, double max_share, size_t min_records) {
  // Owned keys: the words are erased from their records below.
  std::unordered_map<std::string, size_t> records_with;
  for (const FusionRecord& r : records) {
    for (const std::string& w : r.words) ++records_with[w];
  }
  const auto limit = std::max<size_t>(min_records, static_cast<size_t>(max_share * records.size()));
  std::unordered_set<std::string> common;
  for (const auto& [word, count] : records_with) {
    if (count > limit) common.emplace(word);
  }
  for (FusionRecord& r : records) {
    if (!common.empty()) {
      std::erase_if(r.words, [&](const std::string& w) { return common.count(w) > 0; });
    }
    r.word_weights.resize(r.words.size());
    for (size_t i = 0; i < r.words.size(); ++i) {
      auto found = records_with.find(r.words[i]);
      const double df = found == records_with.end() ? 1 : static_cast<double>(found->second);
      r.word_weights[i] = static_cast<float>(1 / df);
    }
  }
}

}  // namespace sitrep::fuse
