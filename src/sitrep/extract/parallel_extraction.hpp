// Extracting many reports on several cores, the results in the reports' order.
//
//   ParallelExtraction pool(extractor, threads);  // threads 0: one per core
//   Status done = pool.run(
//       [&](size_t k) -> Result<Batch> { return the k-th batch, or an empty one: no more; },
//       [&](const Batch& batch, std::vector<ReportExtraction>& out) -> Status {
//         print or store out[i], batch[i]'s, in order });
//
// The calling thread asks for batch k+1 and starts the other threads on it, then consumes batch
// k while they extract, then joins them. Each thread reads with its own copy of the extractor
// (Extractor::for_another_thread: a geocoder remembers answers and is not thread-safe); the
// copies share the lexicon and the gazetteer, so the results do not depend on the number of
// threads. Threads take the next report as they finish one, so a long report holds up only its
// own thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

#include "sitrep/extract/document.hpp"
#include "sitrep/extract/extractor.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

class ParallelExtraction {
 public:
  using Batch = std::vector<const Document*>;
  // How many reports a batch should hold: enough that starting threads costs nothing beside
  // them (tens of microseconds against tens of milliseconds), few enough to keep memory low.
  static constexpr size_t kBatchSize = 256;

  ParallelExtraction(const Extractor& extractor, size_t threads);
  ~ParallelExtraction();
  ParallelExtraction(const ParallelExtraction&) = delete;
  ParallelExtraction& operator=(const ParallelExtraction&) = delete;

  // Extracts next(0), next(1), … until one is empty, and hands each batch with its extractions
  // to consume, in order, on the calling thread. next(k + 1) is asked for before batch k is
  // consumed. Stops at the first error of next or consume (or exception of a thread, rethrown)
  // and returns it; no thread is left running either way. The documents of a batch must stay
  // valid until its consume returns.
  Status run(const std::function<Result<Batch>(size_t batch)>& next,
             const std::function<Status(const Batch& batch,
                                        std::vector<ReportExtraction>& extractions)>& consume);

  // One batch, on every thread.
  std::vector<ReportExtraction> extract(Batch documents);

 private:
  void start(Batch documents);             // the other threads begin on it
  std::vector<ReportExtraction> finish();  // the calling thread joins in; then all results
  void cancel();                           // stops the threads; drops the batch
  void work(size_t thread);

  std::vector<Extractor> extractors_;  // one per thread; the calling thread's is the first
  Batch documents_;
  std::vector<ReportExtraction> out_;
  std::atomic<size_t> next_{0};
  std::vector<std::exception_ptr> failures_;
  std::vector<std::thread> helpers_;
};

}  // namespace sitrep::extract
