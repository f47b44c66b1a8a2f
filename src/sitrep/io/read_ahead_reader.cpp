#include "sitrep/io/read_ahead_reader.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace sitrep::io {
namespace {

// One record as the inner reader gave it.
struct Record {
  model::Event event;
  RowError error;
};

// Records travel in batches, so the threads meet once per batch rather than once per record.
struct Batch {
  std::vector<Record> records;
  size_t size = 0;
  double progress = 0;
  bool last = false;
};

constexpr size_t kBatchSize = 256;
constexpr size_t kBatchesInFlight = 8;

class ReadAheadReader final : public EventReader {
 public:
  explicit ReadAheadReader(std::unique_ptr<EventReader> inner)
      : inner_(std::move(inner)), format_(inner_->format()), header_(inner_->header()) {
    for (size_t i = 0; i < kBatchesInFlight; ++i) {
      auto batch = std::make_unique<Batch>();
      batch->records.resize(kBatchSize);
      free_.push_back(std::move(batch));
    }
    thread_ = std::thread([this] { produce(); });
  }

  ~ReadAheadReader() override {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  bool next(model::Event& event, RowError& error) override {
    while (!current_ || position_ == current_->size) {
      if (current_ && current_->last) return false;
      std::unique_lock lock(mutex_);
      if (current_) free_.push_back(std::move(current_));
      changed_.notify_all();
      changed_.wait(lock, [this] { return !full_.empty(); });
      current_ = std::move(full_.front());
      full_.pop_front();
      position_ = 0;
      progress_ = current_->progress;
    }
    Record& record = current_->records[position_++];
    std::swap(event, record.event);
    std::swap(error, record.error);
    return true;
  }

  Format format() const override { return format_; }
  const std::string& header() const override { return header_; }
  double progress() const override { return progress_; }

 private:
  void produce() {
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
      while (batch->size < kBatchSize) {
        Record& r = batch->records[batch->size];
        if (!inner_->next(r.event, r.error)) {
          batch->last = true;
          break;
        }
        ++batch->size;
      }
      batch->progress = inner_->progress();
      bool last = batch->last;
      {
        std::lock_guard lock(mutex_);
        full_.push_back(std::move(batch));
      }
      changed_.notify_all();
      if (last) return;
    }
  }

  std::unique_ptr<EventReader> inner_;
  const Format format_;
  const std::string header_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> free_;  // empty batches for the producer
  std::deque<std::unique_ptr<Batch>> full_;  // read batches for the consumer
  bool stop_ = false;
  std::thread thread_;

  // Consumer side only.
  std::unique_ptr<Batch> current_;
  size_t position_ = 0;
  double progress_ = 0;
};

}  // namespace

std::unique_ptr<EventReader> read_ahead(std::unique_ptr<EventReader> inner) {
  return std::make_unique<ReadAheadReader>(std::move(inner));
}

}  // namespace sitrep::io
