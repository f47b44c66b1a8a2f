#include "sitrep/extract/parallel_extraction.hpp"

#include <algorithm>
#include <utility>

namespace sitrep::extract {

namespace {

// One thread per core the machine has (at least one).
size_t threads_per_core() {
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

ParallelExtraction::ParallelExtraction(const Extractor& extractor, size_t threads) {
  if (threads == 0) threads = threads_per_core();
  extractors_.reserve(threads);
  while (extractors_.size() < threads) extractors_.push_back(extractor.for_another_thread());
  failures_.resize(threads);
}

ParallelExtraction::~ParallelExtraction() {
  cancel();
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

void ParallelExtraction::start(Batch documents) {
  cancel();  // one batch at a time
  documents_ = std::move(documents);
  out_.resize(documents_.size());
  next_ = 0;
  // No more helpers than reports beyond the one the calling thread will take.
  const size_t helpers = std::min(extractors_.size() - 1, documents_.size());
  for (size_t t = 1; t <= helpers; ++t) helpers_.emplace_back([this, t] { work(t); });
}

std::vector<ReportExtraction> ParallelExtraction::finish() {
  work(0);
  for (std::thread& h : helpers_) h.join();
  helpers_.clear();
  documents_.clear();
  for (std::exception_ptr& failure : failures_) {
    if (failure) std::rethrow_exception(std::exchange(failure, nullptr));
  }
  return std::exchange(out_, {});
}

void ParallelExtraction::cancel() {
  next_ = documents_.size();
  for (std::thread& h : helpers_) h.join();
  helpers_.clear();
  documents_.clear();
  out_.clear();
  std::fill(failures_.begin(), failures_.end(), nullptr);
}

Status ParallelExtraction::run(
    const std::function<Result<Batch>(size_t batch)>& next,
    const std::function<Status(const Batch& batch, std::vector<ReportExtraction>& extractions)>&
        consume) {
  struct Cancel {  // whatever happens, no thread is left reading a batch
    ParallelExtraction& pool;
    ~Cancel() { pool.cancel(); }
  } guard{*this};
  Result<Batch> batch = next(0);
  if (!batch) return make_error(batch.error());
  if (batch->empty()) return Status::success();
  start(*batch);
  for (size_t k = 1;; ++k) {
    std::vector<ReportExtraction> extracted = finish();
    Result<Batch> following = next(k);
    if (!following) return make_error(following.error());
    // The other threads extract the following batch while this one consumes the batch.
    if (!following->empty()) start(*following);
    if (Status s = consume(*batch, extracted); !s) return s;
    if (following->empty()) return Status::success();
    batch = std::move(following);
  }
}

std::vector<ReportExtraction> ParallelExtraction::extract(Batch documents) {
  start(std::move(documents));
  return finish();
}

}  // namespace sitrep::extract
