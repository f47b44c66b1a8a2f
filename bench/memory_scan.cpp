// The machine's memory-scan bound, measured in the same run as the query suite: how fast one
// core and all cores read a buffer much larger than the caches (summing 64-bit words, which the
// compiler vectorises). Prints "cores GB/s" lines; query_suite.py compares whole-table scans
// with the all-cores figure.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <thread>
#include <vector>

int main() {
  const size_t words = size_t{1} << 27;  // 1 GiB
  std::vector<uint64_t> buffer(words);
  std::iota(buffer.begin(), buffer.end(), 0);
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  for (unsigned threads : {1u, cores}) {
    double best = 1e9;
    uint64_t sink = 0;
    for (int run = 0; run < 5; ++run) {
      std::vector<uint64_t> sums(threads);
      auto start = std::chrono::steady_clock::now();
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
          size_t begin = words / threads * t,
                 end = t + 1 == threads ? words : begin + words / threads;
          sums[t] = std::accumulate(buffer.begin() + static_cast<std::ptrdiff_t>(begin),
                                    buffer.begin() + static_cast<std::ptrdiff_t>(end), uint64_t{0});
        });
      }
      for (std::thread& th : pool) th.join();
      best = std::min(
          best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      for (uint64_t s : sums) sink += s;
    }
    std::printf("%u %.1f\n", threads, static_cast<double>(words * 8) / best / 1e9);
    if (sink == 42) std::printf("\n");
  }
  return 0;
}
