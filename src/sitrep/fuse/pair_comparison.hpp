// Two stored records compared as `sitrep fuse` compares them, for an analyst who asks why two
// reports were, or were not, made one incident (`sitrep incident compare`).
//
// The words are weighed as a first run over the whole store weighs them, among all its records,
// when the store holds up to kWholeStoreRecords; in a larger store, among the records of the
// weeks around the two (the word part can then differ from the one a stored link shows).
#pragma once

#include <optional>
#include <string>

#include "sitrep/fuse/fusion_data.hpp"
#include "sitrep/fuse/fusion_record.hpp"
#include "sitrep/fuse/match.hpp"
#include "sitrep/fuse/record_loader.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::fuse {

inline constexpr size_t kWholeStoreRecords = 200'000;

struct PairComparison {
  FusionRecord a, b;
  Match match;
  std::string why_apart;            // the first disagreement, when they cannot be one
  bool same_source = false;         // two rows of one dataset, or two events of one report
  size_t weighed_among = 0;         // the records the words were weighed among
  std::optional<DayWindow> window;  // their days, when not the whole store
};

// Reads the two records and the records their words are weighed among, and compares them.
// Errors: a record compared with itself, a record not in the store, or a mention without a
// date (fusion does not read it). Analysts' decisions are not consulted: they are the
// caller's to show.
Result<PairComparison> compare_stored(store::SqliteStore& store, const FusionData& data,
                                      RecordRef a, RecordRef b);

}  // namespace sitrep::fuse
