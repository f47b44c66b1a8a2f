// The pool runs every part once, whoever calls it and however often.
#include "sitrep/query/worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace sitrep::query {
namespace {

std::vector<int> run_counting(size_t parts) {
  std::vector<std::atomic<int>> calls(parts);
  run_parts(parts, [&](size_t p) { calls[p].fetch_add(1); });
  std::vector<int> out;
  for (auto& c : calls) out.push_back(c.load());
  return out;
}

TEST(WorkerPool, RunsEveryPartExactlyOnceAcrossManyJobs) {
  for (int round = 0; round < 200; ++round) {
    for (size_t parts : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{8}}) {
      EXPECT_EQ(run_counting(parts), std::vector<int>(parts, 1)) << parts << " parts";
    }
  }
}

TEST(WorkerPool, APartMayRunPartsOfItsOwn) {
  std::atomic<int> inner{0};
  run_parts(2, [&](size_t) { run_parts(3, [&](size_t) { inner.fetch_add(1); }); });
  EXPECT_EQ(inner.load(), 6);
}

TEST(WorkerPool, CallersOnSeveralThreadsAtOnceEachGetAllTheirParts) {
  std::atomic<int> wrong{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < 4; ++t) {
    callers.emplace_back([&] {
      for (int round = 0; round < 100; ++round) {
        if (run_counting(4) != std::vector<int>(4, 1)) wrong.fetch_add(1);
      }
    });
  }
  for (std::thread& t : callers) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(WorkerPool, ReturnsOnlyWhenEveryPartHasFinished) {
  for (int round = 0; round < 50; ++round) {
    std::atomic<int> finished{0};
    run_parts(2, [&](size_t p) {
      if (p == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
      finished.fetch_add(1);
    });
    ASSERT_EQ(finished.load(), 2);
  }
}

}  // namespace
}  // namespace sitrep::query
