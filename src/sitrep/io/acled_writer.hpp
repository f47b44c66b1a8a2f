// Writing events in ACLED's export format (the export tool's column set, "18 April 2022"
// dates, text interaction codes), so that tools built for ACLED files can read sitrep's output,
// and sitrep's own ACLED reader can be exercised at scale (sitrep synth --format acled).
//
// The format holds less than sitrep's model: targets become ACLED's inter2 and
// civilian_targeting, so a round trip through it keeps civilians versus state forces but not
// sitrep's finer target codes. sitrep JSONL is the lossless format.
#pragma once

#include <memory>
#include <ostream>

#include "sitrep/io/event_writer.hpp"
#include "sitrep/model/country_table.hpp"

namespace sitrep::io {

// `countries` gives the country names ACLED writes; it must outlive the writer.
std::unique_ptr<EventWriter> make_acled_writer(std::ostream& out,
                                               const model::CountryTable& countries);

}  // namespace sitrep::io
