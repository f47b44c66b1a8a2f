// The filter language: one syntax for the CLI, the HTTP API and the dashboard
// (docs/filters.md is the user's reference).
//
//   actor:IS-KP country:AF,PK date:2022-04-17..2022-05-01 type:"Explosions/Remote violence"
//   target:civilians claimed:no -admin1:Kabul fatalities:>=5 near:34.43,70.45/50km mosque
//
// Terms are separated by spaces and all must hold. `field:value` tests a field; commas give
// alternatives (OR); a leading '-' negates the term; double quotes keep spaces and commas in a
// value. A term without a field is a word (or "quoted phrase") searched in the event's notes.
// Parsing checks syntax only; `to_sql` checks values against the vocabulary. Every error names
// the column (1-based, in characters) and shows the filter with a caret under the fault.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model/vocabulary.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::query {

struct Term {
  bool negated = false;
  std::string field;                // empty for a free-text word or phrase
  std::vector<std::string> values;  // alternatives; one for free text
  std::vector<size_t> positions;    // byte offset of each value in the filter text
  size_t position = 0;              // byte offset of the term
};

struct Filter {
  std::string text;
  std::vector<Term> terms;
};

// The fields the language knows, in the order docs/filters.md lists them.
const std::vector<std::string_view>& filter_fields();

Result<Filter> parse_filter(std::string_view text);

struct Condition;

// Translates a parsed filter into a WHERE clause over `events e` with bound values.
Result<store::SqlCondition> to_sql(const Filter& filter, const model::Vocabulary& vocabulary);

// `text` as one quoted FTS5 phrase (the user's words are data, never FTS syntax).
std::string fts_phrase(std::string_view text);

// One resolved term (condition.hpp) as a WHERE clause, ignoring its negation.
store::SqlCondition condition_to_sql(const Condition& condition);

// Parses and translates in one step.
Result<store::SqlCondition> compile_filter(std::string_view text,
                                           const model::Vocabulary& vocabulary);

// "column 9: reason" followed by the filter and a caret under byte offset `position`.
std::string describe_error(std::string_view filter, size_t position, std::string_view reason);

}  // namespace sitrep::query
