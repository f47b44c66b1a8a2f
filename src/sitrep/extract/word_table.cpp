#include "sitrep/extract/word_table.hpp"

#include <unicode/unistr.h>

#include "sitrep/model/tsv_table.hpp"

namespace sitrep::extract {

Result<WordTable> WordTable::load(const std::string& path) {
  auto table = model::read_tsv(path, {"word", "kind", "value"});
  if (!table) return std::move(table).take_error();
  WordTable out;
  int word = table->column("word"), kind = table->column("kind"), value = table->column("value");
  for (const model::TsvRow& row : table->rows) {
    const std::string& text = row.cells[static_cast<size_t>(word)];
    if (text.find_first_of(" \t") != std::string::npos ||
        text.find("\xC2\xA0") != std::string::npos) {  // a no-break space is a space too
      // Readers look words up one token at a time: such a row would never match, silently.
      return make_error(table->where(row) + ": '" + text +
                        "' is more than one word; this table is looked up a word at a time "
                        "(its header says how a kind joins two words)");
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    u.toLower();
    std::string lower;
    u.toUTF8String(lower);
    out.entries_[lower].push_back(
        {row.cells[static_cast<size_t>(kind)], row.cells[static_cast<size_t>(value)]});
  }
  return out;
}

const std::vector<WordTable::Entry>* WordTable::entries(std::string_view lower) const {
  auto it = entries_.find(lower);
  return it == entries_.end() ? nullptr : &it->second;
}

const WordTable::Entry* WordTable::of_kind(const std::vector<Entry>* entries,
                                           std::string_view kind) {
  if (!entries) return nullptr;
  for (const Entry& e : *entries) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

const WordTable::Entry* WordTable::find(std::string_view lower, std::string_view kind) const {
  auto it = entries_.find(lower);
  if (it == entries_.end()) return nullptr;
  for (const Entry& e : it->second) {
    if (e.kind == kind) return &e;
  }
  return nullptr;
}

}  // namespace sitrep::extract
