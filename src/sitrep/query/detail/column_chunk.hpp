// A column chunk: the indexed columns of up to kChunkEvents events with consecutive ids, as one
// blob of the store's `event_columns` table. Each chunk carries its own dictionaries, so it is
// written when its events are inserted (and again only once many of them changed: see
// column_chunk_writer.hpp); a rebuild of the index reads
// the chunks instead of the wide event rows (the rows cost SQLite 1.5-1.8 µs each to decode,
// bench/README.md; a chunk costs a few nanoseconds an event).
//
// Layout 1, little-endian: the event count; for each category, its value count and the values
// in code order (length, bytes); the integer columns (ids, days, coordinates, the three
// fatality counts, the twelve string codes), each as a base and a byte width (0, 1, 2, 4 or 8)
// followed by the values less the base; the exact coordinates and the associated actors as
// counts and fixed-size entries; last, an XXH3 checksum of everything before it, so a damaged
// chunk is found and its events read from their rows. Nullable columns store NULL as 0 and a
// value as one more than its offset from the base.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sitrep/query/detail/raw_events.hpp"
#include "sitrep/result.hpp"

namespace sitrep::query::detail {

inline constexpr int kChunkLayout = 1;
inline constexpr uint32_t kChunkEvents = 65536;

// The chunk of `part`, whose rows are events with consecutive ids in id order.
std::string encode_chunk(const Part& part);

// The part a chunk holds: its interners give the chunk's codes back unchanged.
Result<Part> decode_chunk(std::string_view blob);

}  // namespace sitrep::query::detail
