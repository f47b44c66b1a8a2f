// Extracting many reports on several cores, the results in the reports' order.
//
//   ParallelExtraction pool(extractor, threads);        // threads 0: one per core
//   pool.start(batch);                                   // the other threads begin on it
//   ... the caller's own work (writing the batch before) ...
//   std::vector<ReportExtraction> out = pool.finish();   // the caller joins in; out[i] is
//   batch[i]'s
//
// Each thread reads with its own copy of the extractor (Extractor::for_another_thread: a
// geocoder remembers answers and is not thread-safe); the copies share the lexicon and the
// gazetteer. The results do not depend on the number of threads. Threads take the next report
// as they finish one, so a long report holds up only its own thread. With one thread, start()
// does nothing and finish() extracts the batch.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

#include "sitrep/extract/document.hpp"
#include "sitrep/extract/extractor.hpp"

namespace sitrep::extract {

class ParallelExtraction {
 public:
  ParallelExtraction(const Extractor& extractor, size_t threads);
  ~ParallelExtraction();
  ParallelExtraction(const ParallelExtraction&) = delete;
  ParallelExtraction& operator=(const ParallelExtraction&) = delete;

  size_t threads() const { return extractors_.size(); }

  // Starts the other threads on `documents` (which must outlive finish()); one batch at a time.
  void start(std::vector<const Document*> documents);
  // Extracts what is left of the batch on the calling thread too, waits for the others, and
  // returns the extractions in the batch's order. Rethrows what a thread threw.
  std::vector<ReportExtraction> finish();

  // Stops a batch started and not finished: the threads stop after the report they are on, and
  // the batch's results are dropped. Nothing to do when no batch is under way.
  void cancel();

  // start() and finish() at once.
  std::vector<ReportExtraction> extract(std::vector<const Document*> documents);

 private:
  void work(size_t thread);

  std::vector<Extractor> extractors_;  // one per thread; the calling thread's is the first
  std::vector<const Document*> documents_;
  std::vector<ReportExtraction> out_;
  std::atomic<size_t> next_{0};
  std::vector<std::exception_ptr> failures_;
  std::vector<std::thread> helpers_;
};

// One thread per core the machine has (at least one).
size_t threads_per_core();

}  // namespace sitrep::extract
