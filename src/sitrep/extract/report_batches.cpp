#include "sitrep/extract/report_batches.hpp"

#include <utility>

namespace sitrep::extract {

ReportBatches::ReportBatches(size_t files, Open open, Admit admit)
    : count_(files), open_(std::move(open)), admit_(std::move(admit)) {}

Result<ParallelExtraction::Batch> ReportBatches::next() {
  ParallelExtraction::Batch batch;
  std::vector<size_t> owners;
  while (batch.size() < ParallelExtraction::kBatchSize) {
    if (files_.empty() || files_.back().looked_at == files_.back().documents.size()) {
      if (files_.size() == count_) break;
      // A file passed over to its end is freed before another is read: a run that finds most
      // reports stored already holds one file at a time.
      if (!files_.empty()) free_if_finished(files_.back());
      File& file = files_.emplace_back();
      if (Status s = open_(files_.size() - 1, file.documents); !s) return make_error(s.error());
      continue;
    }
    const size_t f = files_.size() - 1;
    File& file = files_.back();
    const Document& report = file.documents[file.looked_at++];
    if (admit_) {
      Result<bool> admitted = admit_(f, report);
      if (!admitted) return make_error(admitted.error());
      if (!*admitted) continue;
    }
    ++file.in_flight;
    batch.push_back(&report);
    owners.push_back(f);
  }
  if (!files_.empty()) free_if_finished(files_.back());
  owners_.push_back(std::move(owners));
  return batch;
}

void ReportBatches::done_with_oldest() {
  for (size_t f : owners_.front()) {
    --files_[f].in_flight;
    free_if_finished(files_[f]);
  }
  owners_.pop_front();
}

bool ReportBatches::finished(size_t file) const {
  return file < files_.size() && files_[file].looked_at == files_[file].documents.size() &&
         files_[file].in_flight == 0;
}

void ReportBatches::free_if_finished(File& file) {
  if (file.looked_at < file.documents.size() || file.in_flight > 0) return;
  std::vector<Document>().swap(file.documents);
  file.looked_at = 0;
}

}  // namespace sitrep::extract
