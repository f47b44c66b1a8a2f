// Filters on the columnar index: the fast path behind `events`, `stats` and `query`.
//
// Each Condition (condition.hpp) becomes a Selection, and the selections are ANDed:
//  - date: row ranges by binary search over the date-sorted day column, no scan;
//  - categorical fields: the values are looked up once in the column's dictionary (ignoring
//    ASCII case, as SQLite's NOCASE does) and the packed codes are scanned against that set;
//  - fatalities: a range test on the packed column, skipping blocks by their zone map;
//  - near: the grid cells around the point, then the haversine distance on each candidate;
//  - actor: actor1/actor2 codes plus the lists of associated actors;
//  - id: the rows of those ids;
//  - free-text words and native ids: the store answers them (FTS5, the unique index) and the
//    index maps the ids it returns to rows.
// A negated condition selects the complement: the SQL path's NOT coalesce(x, 0).
#pragma once

#include <functional>
#include <vector>

#include "sitrep/model/vocabulary.hpp"
#include "sitrep/query/condition.hpp"
#include "sitrep/query/event_index.hpp"
#include "sitrep/query/filter.hpp"
#include "sitrep/query/selection.hpp"
#include "sitrep/result.hpp"

namespace sitrep::query {

// Ids (ascending) of the events matching a condition the index does not hold (free-text
// words, native ids), from the store. The condition is given without its negation.
using IdLookup = std::function<Result<std::vector<int64_t>>(const Condition&)>;

// The lookup through a store: words through its full-text index, the rest through SQL.
IdLookup lookup_in_store(store::SqliteStore& store);

// The rows the filter selects. An actor name that neither data/actors.tsv nor the index knows
// is an error that names the closest known actors.
Result<Selection> select_rows(const EventIndex& index, const Filter& filter,
                              const model::Vocabulary& vocabulary, const IdLookup& lookup);

}  // namespace sitrep::query
