// Source notes read from the store: for a dataset event its dataset, native id, sources and
// notes (where ACLED and UCDP keep the headline); for an event read from text the report's
// outlet, date, title and URL.
#pragma once

#include "sitrep/report/brief.hpp"
#include "sitrep/store/sqlite_store.hpp"

namespace sitrep::report {

// The lookup reads the store on each call; it must not outlive `store`.
CitationLookup store_citations(store::SqliteStore& store);

}  // namespace sitrep::report
