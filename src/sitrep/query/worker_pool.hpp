// Threads kept for the scans of queries, so that a query does not pay to start them.
//
// Starting and joining a thread costs about 50 µs on the 2-core VM the benchmarks run on, a
// tenth of a whole-table count by type over 10M events. The pool's threads are started on first
// use and wait between queries. One query at a time uses the pool; a query that finds it busy
// (the HTTP server answering two at once) or that runs on one of its threads starts threads of
// its own, as before, so no caller ever waits for another's scan.
#pragma once

#include <cstddef>
#include <functional>

namespace sitrep::query {

// Calls run(part) for each part in [0, parts), on up to `parts` threads (the caller runs one of
// them), and returns when every call has returned. run must not throw.
void run_parts(size_t parts, const std::function<void(size_t)>& run);

}  // namespace sitrep::query
