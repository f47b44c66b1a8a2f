// Splitting a scan over the machine's cores: contiguous ranges, one thread each.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace sitrep::query {

// How many parts a scan of `units` should be split into: one per core, but none smaller than
// `min_units` (a thread costs tens of microseconds to start).
inline size_t parallel_parts(size_t units, size_t min_units) {
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::clamp<size_t>(units / std::max<size_t>(min_units, 1), 1, cores);
}

// Calls f(part, begin, end) for `parts` contiguous slices of [begin, end), on parts threads
// (the calling thread takes the last slice), aligning slice boundaries to `align`.
template <typename F>
void parallel_slices(size_t parts, size_t begin, size_t end, size_t align, F&& f) {
  if (parts <= 1 || end - begin < parts * align) {
    f(size_t{0}, begin, end);
    return;
  }
  size_t step = ((end - begin) / parts + align - 1) / align * align;
  std::vector<std::thread> threads;
  for (size_t p = 0; p + 1 < parts; ++p) {
    size_t b = std::min(end, begin + p * step), e = std::min(end, b + step);
    threads.emplace_back([&f, p, b, e] { f(p, b, e); });
  }
  f(parts - 1, std::min(end, begin + (parts - 1) * step), end);
  for (std::thread& t : threads) t.join();
}

}  // namespace sitrep::query
