#include "sitrep/fuse/rare_words.hpp"

#include <algorithm>
#include <array>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::fuse {
namespace {

constexpr size_t kMinWordBytes = 4;

// What the tokenizer makes of each byte: 0 for a separator (ASCII other than letters and
// digits), else the byte folded (ASCII letters to lower case; digits and the bytes of UTF-8
// sequences as they are). One table load per byte instead of five comparisons.
constexpr std::array<char, 256> kFolded = [] {
  std::array<char, 256> folded{};
  for (int c = 0; c < 256; ++c) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (c < 0x80 && !letter && !digit) continue;
    folded[static_cast<size_t>(c)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return folded;
}();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

void sort_words(std::vector<Symbol>& words) {
  std::sort(words.begin(), words.end(), [](Symbol a, Symbol b) { return a.id() < b.id(); });
  words.erase(std::unique(words.begin(), words.end()), words.end());
}

std::vector<std::string> words_text(const std::vector<Symbol>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (Symbol w : words) out.push_back(w.str());
  std::sort(out.begin(), out.end());
  return out;
}

Result<WordFilter> WordFilter::load(const std::string& path) {
  auto table = model::read_tsv(path, {"word"});
  if (!table) return make_error(table.error());
  WordFilter filter;
  const auto column = static_cast<size_t>(table->column("word"));
  for (const model::TsvRow& row : table->rows) {
    const Symbol word(model::fold_name(row.cells[column]));
    if (word.id() >= filter.common_.size()) filter.common_.resize(word.id() + 1);
    filter.common_[word.id()] = true;
  }
  return filter;
}

std::vector<Symbol> WordFilter::words(std::string_view text) const {
  // The tokens folded into one buffer, then interned together (one lock for the record).
  thread_local std::string folded;
  thread_local std::vector<std::string_view> tokens;
  if (folded.size() < text.size()) folded.resize(text.size());
  tokens.clear();
  auto fold = [&](size_t at) { return kFolded[static_cast<unsigned char>(text[at])]; };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && fold(i) == 0) ++i;
    size_t start = i;
    bool digits = true;
    for (char c; i < text.size() && (c = fold(i)) != 0; ++i) {
      digits &= is_digit(c);
      folded[i] = c;
    }
    if (i - start < kMinWordBytes || digits) continue;
    tokens.emplace_back(folded.data() + start, i - start);
  }
  std::vector<Symbol> out;
  out.reserve(tokens.size());
  Symbol::intern_all(tokens, out);
  std::erase_if(out, [&](Symbol w) { return w.id() < common_.size() && common_[w.id()]; });
  sort_words(out);
  return out;
}

void keep_rare_words(std::vector<FusionRecord>& records, double max_share, size_t min_records) {
  // Records with each word, by the word's symbol number.
  uint32_t largest = 0;
  for (const FusionRecord& r : records) {
    for (Symbol w : r.words) largest = std::max(largest, w.id());
  }
  std::vector<uint32_t> records_with(records.empty() ? 0 : largest + 1, 0);
  for (const FusionRecord& r : records) {
    for (Symbol w : r.words) ++records_with[w.id()];
  }
  const auto limit = std::max<size_t>(min_records, static_cast<size_t>(max_share * records.size()));
  // Weigh the words, marking the common ones with a weight of 0; then drop those.
  for (FusionRecord& r : records) {
    r.word_weights.resize(r.words.size());
    for (size_t i = 0; i < r.words.size(); ++i) {
      const uint32_t df = records_with[r.words[i].id()];
      r.word_weights[i] = df > limit ? 0.0f : static_cast<float>(1.0 / df);
    }
  }
  records_with = {};
  for (FusionRecord& r : records) {
    size_t kept = 0;
    for (size_t i = 0; i < r.words.size(); ++i) {
      if (r.word_weights[i] == 0.0f) continue;
      if (kept != i) {
        r.words[kept] = r.words[i];
        r.word_weights[kept] = r.word_weights[i];
      }
      ++kept;
    }
    r.words.resize(kept);
    r.word_weights.resize(kept);
  }
}

}  // namespace sitrep::fuse
