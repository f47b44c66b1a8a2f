// Extraction on several threads: the same results as on one, in the reports' order, batch after
// batch; a run stopped by a failure leaves nothing running and the pool ready for more.
#include "sitrep/extract/parallel_extraction.hpp"

#include <gtest/gtest.h>

#include "bundled.hpp"
#include "sitrep/extract/extraction_json.hpp"

namespace sitrep::extract {
namespace {

const Extractor& extractor() {
  return testing::bundled_extractor();
}

// Passages in English, Russian, Dari and Pashto, written for the gold sets.
const std::vector<Document>& passages() {
  static const std::vector<Document>* documents = [] {
    auto all = new std::vector<Document>;
    for (const char* set : {"extract-gold-dev2.jsonl", "extract-gold-ru.jsonl",
                            "extract-gold-fa.jsonl", "extract-gold-ps.jsonl"}) {
      std::vector<io::RowError> rejects;
      auto read = read_documents(std::string(SITREP_TESTS_DATA_DIR) + "/" + set, rejects);
      EXPECT_TRUE(read.ok() && rejects.empty()) << set;
      if (read) all->insert(all->end(), read->begin(), read->end());
    }
    return all;
  }();
  return *documents;
}

// Each report's extraction as JSON, extracted `batch` reports at a time, the next batch started
// before the last one's results are looked at (as sitrep ingest does).
std::vector<std::string> extracted(size_t threads, size_t batch) {
  ParallelExtraction pool(extractor(), threads);
  auto slice = [&](size_t k) -> Result<ParallelExtraction::Batch> {
    ParallelExtraction::Batch documents;
    for (size_t i = k * batch; i < std::min(passages().size(), (k + 1) * batch); ++i) {
      documents.push_back(&passages()[i]);
    }
    return documents;
  };
  std::vector<std::string> out;
  Status done = pool.run(slice, [&](const ParallelExtraction::Batch& documents,
                                    std::vector<ReportExtraction>& results) {
    for (size_t k = 0; k < documents.size(); ++k) {
      out.push_back(extraction_json(*documents[k], results[k]).dump());
    }
    return Status::success();
  });
  EXPECT_TRUE(done.ok()) << done.error();
  return out;
}

TEST(ParallelExtraction, ThreeThreadsGiveWhatOneGivesInTheReportsOrder) {
  std::vector<std::string> one = extracted(1, 64);
  std::vector<std::string> three = extracted(3, 64);
  ASSERT_EQ(one.size(), passages().size());
  ASSERT_EQ(three.size(), one.size());
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(three[i], one[i]) << passages()[i].id;
    EXPECT_NE(one[i].find("\"id\":\"" + passages()[i].id + "\""), std::string::npos) << i;
  }
}

TEST(ParallelExtraction, AFailureToConsumeStopsTheRunAndLeavesThePoolReady) {
  ParallelExtraction pool(extractor(), 2);
  size_t asked = 0, consumed = 0;
  auto all = [&](size_t k) -> Result<ParallelExtraction::Batch> {
    ++asked;
    ParallelExtraction::Batch documents;
    if (k < 3) {
      for (size_t i = 0; i < 50; ++i) documents.push_back(&passages()[k * 50 + i]);
    }
    return documents;
  };
  Status failed = pool.run(
      all, [&](const ParallelExtraction::Batch&, std::vector<ReportExtraction>&) -> Status {
        ++consumed;
        return make_error("the store is full");
      });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error(), "the store is full");
  EXPECT_EQ(consumed, 1u);
  EXPECT_EQ(asked, 2u);  // the second batch was started, then stopped
  std::vector<ReportExtraction> two = pool.extract({&passages()[0], &passages()[1]});
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(extraction_json(passages()[1], two[1]).dump(),
            extraction_json(passages()[1], extractor().for_another_thread().extract(passages()[1]))
                .dump());
  EXPECT_TRUE(pool.extract({}).empty());
}

}  // namespace
}  // namespace sitrep::extract
