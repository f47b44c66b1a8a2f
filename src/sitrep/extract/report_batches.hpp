// The reports of many files in batches for ParallelExtraction, across file boundaries, so that
// many files of one report each ("reports/*.txt") are extracted in parallel too. A file is read
// only when a batch needs its reports, and freed once every report taken from it is done with:
// a run over many files holds few at a time.
//
//   ReportBatches files(paths.size(), open, admit);
//   pool.run([&](size_t) { return files.next(); },
//            [&](const ParallelExtraction::Batch& batch, std::vector<ReportExtraction>& out) {
//              const std::vector<size_t>& of = files.files_of_oldest();  // each report's file
//              ... use batch[k], out[k], of[k] ...
//              files.done_with_oldest();
//            });
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <vector>

#include "sitrep/extract/document.hpp"
#include "sitrep/extract/parallel_extraction.hpp"
#include "sitrep/result.hpp"

namespace sitrep::extract {

class ReportBatches {
 public:
  // Reads file `file` (from 0) into `documents`; an error stops the run.
  using Open = std::function<Status(size_t file, std::vector<Document>& documents)>;
  // Whether a report of file `file` goes into a batch (true) or is passed over (false: stored
  // already, say); an error stops the run. Empty: every report goes.
  using Admit = std::function<Result<bool>(size_t file, const Document& report)>;

  ReportBatches(size_t files, Open open, Admit admit = {});

  // The next batch of at most ParallelExtraction::kBatchSize reports, across files, in order;
  // empty when every file is read out.
  Result<ParallelExtraction::Batch> next();

  // The file of each report of the oldest batch not done with yet.
  const std::vector<size_t>& files_of_oldest() const { return owners_.front(); }
  // The oldest batch is done with; files all of whose reports are done with are freed.
  void done_with_oldest();

  // How many files have been read so far.
  size_t files_read() const { return files_.size(); }
  // Whether file `file` has been read, and every report of it passed over or done with.
  bool finished(size_t file) const;
  // The reports of file `file` until it is finished (empty after).
  const std::vector<Document>& reports(size_t file) const { return files_[file].documents; }

 private:
  struct File {
    std::vector<Document> documents;
    size_t looked_at = 0;  // reports batched or passed over
    size_t in_flight = 0;  // reports batched and not done with
  };
  void free_if_finished(File& file);

  size_t count_;
  Open open_;
  Admit admit_;
  std::deque<File> files_;                  // stable addresses: batches point into them
  std::deque<std::vector<size_t>> owners_;  // per batch not done with: each report's file
};

}  // namespace sitrep::extract
