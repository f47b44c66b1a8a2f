#include "sitrep/query/worker_pool.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace sitrep::query {
namespace {

// Set while a thread runs a part: a part that asks for parts of its own gets fresh threads
// (the pool is busy with its caller's job).
thread_local bool in_part = false;

struct PartScope {
  PartScope() { in_part = true; }
  ~PartScope() { in_part = false; }
};

class WorkerPool {
 public:
  static WorkerPool& instance() {
    static WorkerPool pool;
    return pool;
  }

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  // Runs the job on the pool and the caller; false, without running anything, when another
  // caller has the pool.
  bool try_run(size_t parts, const std::function<void(size_t)>& run) {
    std::unique_lock submit(submit_, std::try_to_lock);
    if (!submit.owns_lock() || threads_.empty()) return false;
    {
      std::lock_guard lock(mutex_);
      job_ = &run;
      parts_ = parts;
      next_.store(0, std::memory_order_relaxed);
      running_ = threads_.size();
      ++generation_;
    }
    wake_.notify_all();
    take_parts(run, parts);
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return running_ == 0; });
    job_ = nullptr;
    return true;
  }

 private:
  WorkerPool() {
    size_t workers = std::max(1u, std::thread::hardware_concurrency()) - 1;
    for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
  }

  void take_parts(const std::function<void(size_t)>& run, size_t parts) {
    PartScope scope;
    for (size_t p; (p = next_.fetch_add(1, std::memory_order_relaxed)) < parts;) run(p);
  }

  void work() {
    uint64_t seen = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      const std::function<void(size_t)>* job = job_;
      size_t parts = parts_;
      lock.unlock();
      take_parts(*job, parts);
      lock.lock();
      if (--running_ == 0) done_.notify_one();
    }
  }

  std::mutex submit_;  // held by the caller whose job the pool runs
  std::mutex mutex_;   // guards what follows, but next_
  std::condition_variable wake_, done_;
  const std::function<void(size_t)>* job_ = nullptr;
  size_t parts_ = 0;
  std::atomic<size_t> next_{0};
  size_t running_ = 0;  // workers that have not yet finished the current job
  uint64_t generation_ = 0;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

void run_on_new_threads(size_t parts, const std::function<void(size_t)>& run) {
  std::vector<std::thread> threads;
  for (size_t p = 0; p + 1 < parts; ++p) {
    threads.emplace_back([&run, p] {
      PartScope scope;
      run(p);
    });
  }
  {
    PartScope scope;
    run(parts - 1);
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace

void run_parts(size_t parts, const std::function<void(size_t)>& run) {
  if (parts == 0) return;
  if (parts == 1) return run(0);
  if (!in_part && WorkerPool::instance().try_run(parts, run)) return;
  run_on_new_threads(parts, run);
}

}  // namespace sitrep::query
