// Reading ahead on a second thread: the next records are read, parsed, validated and prepared
// while the caller works on the current ones (the importer's SQLite writes), so an import uses
// both cores of a small machine.
//
// `produce(record)` runs on the read-ahead thread, fills one record and returns false at the
// end of the input; `next()` returns the records on the caller's thread, in order. Records are
// reused in place: a pointer from next() is valid until the following call. The producer must
// not share mutable state with the caller. Destroying the ReadAhead stops the thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sitrep::io {

template <typename Record>
class ReadAhead {
 public:
  explicit ReadAhead(std::function<bool(Record&)> produce) : produce_(std::move(produce)) {
    for (size_t i = 0; i < kBatchesInFlight; ++i) {
      auto batch = std::make_unique<Batch>();
      batch->records.resize(kBatchSize);
      free_.push_back(std::move(batch));
    }
    thread_ = std::thread([this] { run(); });
  }
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  ~ReadAhead() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // The next record, or nullptr at the end.
  Record* next() {
    while (!current_ || position_ == current_->size) {
      if (current_ && current_->last) return nullptr;
      std::unique_lock lock(mutex_);
      if (current_) free_.push_back(std::move(current_));
      changed_.notify_all();
      changed_.wait(lock, [this] { return !full_.empty(); });
      current_ = std::move(full_.front());
      full_.pop_front();
      position_ = 0;
    }
    return &current_->records[position_++];
  }

 private:
  // Records travel in batches, so the threads meet once per batch rather than once per record.
  static constexpr size_t kBatchSize = 256;
  static constexpr size_t kBatchesInFlight = 8;
  struct Batch {
    std::vector<Record> records;
    size_t size = 0;
    bool last = false;
  };

  void run() {
    while (true) {
      std::unique_ptr<Batch> batch;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stop_ || !free_.empty(); });
        if (stop_) return;
        batch = std::move(free_.front());
        free_.pop_front();
      }
      batch->size = 0;
      while (batch->size < kBatchSize && !batch->last) {
        if (produce_(batch->records[batch->size])) {
          ++batch->size;
        } else {
          batch->last = true;
        }
      }
      const bool last = batch->last;
      {
        std::lock_guard lock(mutex_);
        full_.push_back(std::move(batch));
      }
      changed_.notify_all();
      if (last) return;
    }
  }

  std::function<bool(Record&)> produce_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> free_;  // empty batches for the producer
  std::deque<std::unique_ptr<Batch>> full_;  // filled batches for the consumer
  bool stop_ = false;
  std::thread thread_;

  // Consumer side only.
  std::unique_ptr<Batch> current_;
  size_t position_ = 0;
};

}  // namespace sitrep::io
