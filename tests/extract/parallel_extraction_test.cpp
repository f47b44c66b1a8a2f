// Extraction on several threads: the same results as on one, in the reports' order, batch after
// batch; a batch cancelled half-way leaves nothing running.
#include "sitrep/extract/parallel_extraction.hpp"

#include <gtest/gtest.h>

#include "../geo/bundled_gazetteer.hpp"
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
  std::vector<const Document*> all;
  for (const Document& d : passages()) all.push_back(&d);
  auto batch_at = [&](size_t begin) {
    begin = std::min(begin, all.size());
    return std::vector<const Document*>(
        all.begin() + static_cast<ptrdiff_t>(begin),
        all.begin() + static_cast<ptrdiff_t>(std::min(begin + batch, all.size())));
  };
  std::vector<std::string> out;
  pool.start(batch_at(0));
  for (size_t begin = 0; begin < all.size(); begin += batch) {
    std::vector<ReportExtraction> results = pool.finish();
    pool.start(batch_at(begin + batch));
    for (size_t k = 0; k < results.size(); ++k) {
      out.push_back(extraction_json(*all[begin + k], results[k]).dump());
    }
  }
  pool.cancel();
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

TEST(ParallelExtraction, ABatchCancelledHalfWayLeavesTheNextOneWhole) {
  ParallelExtraction pool(extractor(), 2);
  std::vector<const Document*> all;
  for (const Document& d : passages()) all.push_back(&d);
  pool.start(all);
  pool.cancel();
  std::vector<const Document*> two(all.begin(), all.begin() + 2);
  std::vector<ReportExtraction> results = pool.extract(two);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(extraction_json(*two[1], results[1]).dump(),
            extraction_json(*two[1], extractor().for_another_thread().extract(*two[1])).dump());
  EXPECT_TRUE(pool.extract({}).empty());
}

}  // namespace
}  // namespace sitrep::extract
