// Reading ahead on a second thread: parsing and validation of the next records overlap with
// whatever the caller does with the current ones (the importer's SQLite writes), so an import
// uses both cores of a small machine.
#pragma once

#include <memory>

#include "sitrep/io/event_reader.hpp"

namespace sitrep::io {

// Wraps `inner`, which from now on is used only by the read-ahead thread. The returned reader
// yields exactly the records `inner` yields, in the same order. Destroying it stops the thread.
std::unique_ptr<EventReader> read_ahead(std::unique_ptr<EventReader> inner);

}  // namespace sitrep::io
