#include "sitrep/extract/parallel_extraction.hpp"

#include <algorithm>
#include <utility>

namespace sitrep::extract {

size_t threads_per_core() {
  return std::max(1u, std::thread::hardware_concurrency());
}

ParallelExtraction::ParallelExtraction(const Extractor& extractor, size_t threads) {
  if (threads == 0) threads = threads_per_core();
  extractors_.reserve(threads);
  while (extractors_.size() < threads) extractors_.push_back(extractor.for_another_thread());
  failures_.resize(threads);
}

ParallelExtraction::~ParallelExtraction() {
  cancel();
}

void ParallelExtraction::cancel() {
  next_ = documents_.size();
  for (std::thread& h : helpers_) h.join();
  helpers_.clear();
  documents_.clear();
  out_.clear();
}

void ParallelExtraction::work(size_t thread) {
  try {
    for (size_t i = next_++; i < documents_.size(); i = next_++) {
      out_[i] = extractors_[thread].extract(*documents_[i]);
    }
  } catch (...) {
    failures_[thread] = std::current_exception();
    next_ = documents_.size();  // the others stop too
  }
}

void ParallelExtraction::start(std::vector<const Document*> documents) {
  documents_ = std::move(documents);
  out_.assign(documents_.size(), ReportExtraction{});
  next_ = 0;
  std::fill(failures_.begin(), failures_.end(), nullptr);
  // No more helpers than reports beyond the one the calling thread will take.
  const size_t helpers = std::min(extractors_.size() - 1, documents_.size());
  for (size_t t = 1; t <= helpers; ++t) helpers_.emplace_back([this, t] { work(t); });
}

std::vector<ReportExtraction> ParallelExtraction::finish() {
  work(0);
  for (std::thread& h : helpers_) h.join();
  helpers_.clear();
  for (const std::exception_ptr& failure : failures_) {
    if (failure) std::rethrow_exception(failure);
  }
  documents_.clear();
  return std::move(out_);
}

std::vector<ReportExtraction> ParallelExtraction::extract(std::vector<const Document*> documents) {
  start(std::move(documents));
  return finish();
}

}  // namespace sitrep::extract
