// Reading fusion's records out of the store: dataset events (table `events`) and the dated
// mentions read from text (table `mentions`, with their report's outlet and words).
//
// An event's place precision follows its geo_level (exact: a point; near: its district; then
// province and country); a mention's follows the extractor's (border areas and regions count as
// the country). A mention without a date cannot be placed in time and is not fused.
#pragma once

#include <optional>
#include <vector>

#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/fuse/rare_words.hpp"
#include "sitrep/model/date.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::fuse {

// Records whose dates meet [from, to] (spans of up to a year).
struct DayWindow {
  model::Day from = 0, to = 0;
};

// Appends the store's records, all of them or those meeting `window`: events first, then
// mentions (a window's records in two runs of id order). Words are not yet filtered for rarity
// (keep_rare_words).
Status load_records(store::SqliteStore& store, const WordFilter& words,
                    const std::optional<DayWindow>& window, std::vector<FusionRecord>& out);

// Appends the records with these refs (those still in the store).
Status load_records(store::SqliteStore& store, const WordFilter& words,
                    const std::vector<RecordRef>& refs, std::vector<FusionRecord>& out);

// The first and last day of the store's records, if it has any.
Result<std::optional<DayWindow>> record_days(store::SqliteStore& store);

// The records fusion can read: events, and mentions with a date.
Result<int64_t> store_record_count(store::SqliteStore& store);

// Mentions that cannot be fused for want of a date.
Result<int64_t> count_undated_mentions(store::SqliteStore& store);

}  // namespace sitrep::fuse
