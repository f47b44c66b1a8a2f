// Reads an assessment's records: the subject's events from the columnar index (fatality ranges
// included), the tallies of its earlier history, of other events where it operates and of its
// organisation, and the events extracted from text (table `mentions`) that concern it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sitrep/analyze/background.hpp"
#include "sitrep/analyze/earlier_history.hpp"
#include "sitrep/analyze/family_tally.hpp"
#include "sitrep/analyze/period.hpp"
#include "sitrep/analyze/record.hpp"
#include "sitrep/query/event_index.hpp"
#include "sitrep/query/selection.hpp"
#include "sitrep/result.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::analyze {

// The events of `rows` as records, from the index alone. With `earlier`, events before
// earlier->before are not made records but summed up into it (earlier_history.hpp), and the
// places of those before earlier->places_before are tallied into its last_seen.
Result<RecordSet> load_event_records(const query::EventIndex& index, const query::Selection& rows,
                                     EarlierHistory* earlier = nullptr);

// The background of hallmark matching from the events of `rows` (other events where the
// subject operates): their trait tally, read as codes straight from the index, and as records
// the window's unattributed, unclaimed ones.
Result<Background> load_background(const query::EventIndex& index, const query::Selection& rows,
                                   const Period& window);

// The tally of an organisation's events (`rows`) over `span` (family_tally.hpp). An event's
// branch is `branch_of` its actor1, else of its actor2; an empty answer means neither belongs to
// the organisation, and the event is skipped.
Result<FamilyTally> load_family_tally(const query::EventIndex& index, const query::Selection& rows,
                                      const std::function<std::string(std::string_view)>& branch_of,
                                      const Period& span, const Period& window);

// Adds to `set` the extracted events whose perpetrator is one of `actors` (canonical names), or
// that one of them claimed.
Status add_mention_records(store::SqliteStore& store, const std::vector<std::string>& actors,
                           RecordSet& set);

// Adds to `set` the extracted events in `countries` dated inside `period` whose perpetrator
// is unknown (none named, or an unidentified group): candidates for hallmark matching.
Status add_unattributed_mentions(store::SqliteStore& store,
                                 const std::vector<std::string>& countries, const Period& period,
                                 RecordSet& set);

// Adds to `set.media` the reports whose outlet speaks for an actor `speaks_for` accepts (given
// the outlet's actor as data/lexicon/outlets.tsv names it, and the publication day).
Status add_media_items(store::SqliteStore& store,
                       const std::function<bool(std::string_view, model::Day)>& speaks_for,
                       RecordSet& set);

// The first and last day of the extracted events in the store (an empty period when none).
Result<Period> mention_span(store::SqliteStore& store);

}  // namespace sitrep::analyze
