// Splitting a scan over the machine's cores: contiguous ranges, one thread each (worker_pool.hpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>

#include "sitrep/query/worker_pool.hpp"

namespace sitrep::query {

// How many parts a scan of `units` should be split into: one per core, but none smaller than
// `min_units` (a thread costs tens of microseconds to start).
inline size_t parallel_parts(size_t units, size_t min_units) {
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::clamp<size_t>(units / std::max<size_t>(min_units, 1), 1, cores);
}

// Calls f(part, begin, end) for `parts` contiguous slices of [begin, end), on up to parts
// threads of the worker pool (the calling thread takes one), aligning slice boundaries to `align`.
template <typename F>
void parallel_slices(size_t parts, size_t begin, size_t end, size_t align, F&& f) {
  if (parts <= 1 || end - begin < parts * align) {
    f(size_t{0}, begin, end);
    return;
  }
  size_t step = ((end - begin) / parts + align - 1) / align * align;
  run_parts(parts, [&](size_t p) {
    size_t b = std::min(end, begin + p * step);
    size_t e = p + 1 == parts ? end : std::min(end, b + step);
    f(p, b, e);
  });
}

}  // namespace sitrep::query
