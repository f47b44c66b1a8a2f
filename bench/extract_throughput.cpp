// Extraction throughput (issue 5 target: 20,000 sentences per second per core, ten times
// TABARI's 1,000-2,000): the whole lexicon and the bundled gazetteer loaded, one thread, on
// realistic report text — the hand-written gold passages (wire stories, statements, claims in
// English, Russian and Dari) and the real UCDP headlines — read round after round. The geocoder
// remembers names between reports, as it does in a long ingest; the first round is reported
// apart, for text never seen.
//
//   build/sitrep_bench_extract [seconds]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "sitrep/extract/evaluation.hpp"
#include "sitrep/extract/extractor.hpp"
#include "sitrep/extract/sentences.hpp"
#include "sitrep/geo/gazetteer_files.hpp"
#include "sitrep/model/tsv_table.hpp"
#include "sitrep/process/huge_pages.hpp"

using namespace sitrep;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::vector<extract::Document> corpus() {
  std::vector<extract::Document> docs;
  for (const char* name : {"extract-gold.jsonl", "extract-gold-heldout.jsonl"}) {
    auto gold = extract::read_extraction_gold(std::string(SITREP_TESTS_DATA_DIR) + "/" + name);
    if (!gold) {
      std::fprintf(stderr, "%s\n", gold.error().c_str());
      continue;
    }
    for (extract::GoldPassage& p : *gold) docs.push_back(std::move(p.document));
  }
  auto headlines = model::read_tsv(std::string(SITREP_TESTS_DATA_DIR) + "/extract-ucdp-gold.tsv",
                                   {"headline", "published", "outlet"});
  if (headlines) {
    for (const model::TsvRow& row : headlines->rows) {
      extract::Document d;
      d.title = row.cells[static_cast<size_t>(headlines->column("headline"))];
      d.source = row.cells[static_cast<size_t>(headlines->column("outlet"))];
      d.published =
          extract::parse_published(row.cells[static_cast<size_t>(headlines->column("published"))]);
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::process::restart_with_huge_pages(argv);  // as the sitrep command does
  double budget = argc > 1 ? std::atof(argv[1]) : 5.0;
  auto started = Clock::now();
  geo::GazetteerLocation where;
  where.data_dir = SITREP_SOURCE_DATA_DIR;
  auto opened = geo::open_gazetteer(where);
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.error().c_str());
    return 1;
  }
  auto extractor = extract::Extractor::load(SITREP_SOURCE_DATA_DIR, opened->gazetteer);
  if (!extractor) {
    std::fprintf(stderr, "%s\n", extractor.error().c_str());
    return 1;
  }
  double load = seconds_since(started);
  std::vector<extract::Document> docs = corpus();
  size_t sentences_per_round = 0, bytes_per_round = 0;
  for (const extract::Document& d : docs) {
    std::string text = extract::full_text(d);
    sentences_per_round += extract::split_sentences(text).size();
    bytes_per_round += text.size();
  }
  std::printf("lexicon %zu phrases; gazetteer and lexicons loaded in %.2f s\n",
              extractor->lexicon().phrase_count(), load);
  std::printf("corpus: %zu reports, %zu sentences, %.0f KB per round\n", docs.size(),
              sentences_per_round, bytes_per_round / 1e3);

  size_t mentions = 0, rounds = 0;
  double first = 0;
  auto t = Clock::now();
  do {
    auto round = Clock::now();
    for (const extract::Document& d : docs) mentions += extractor->extract(d).mentions.size();
    if (rounds++ == 0) first = seconds_since(round);
  } while (seconds_since(t) < budget);
  double elapsed = seconds_since(t);
  double rate = static_cast<double>(rounds * sentences_per_round) / elapsed;
  std::printf("first round (names new to the geocoder): %.0f sentences/s\n",
              static_cast<double>(sentences_per_round) / first);
  std::printf(
      "%zu rounds in %.2f s: %.0f sentences/s, %.0f reports/s, %.1f MB/s on one core "
      "(%zu mentions)\n",
      rounds, elapsed, rate, static_cast<double>(rounds * docs.size()) / elapsed,
      static_cast<double>(rounds * bytes_per_round) / elapsed / 1e6, mentions);
  std::printf("target 20,000 sentences/s: %.1fx; against TABARI's 1,000-2,000: %.0f-%.0fx\n",
              rate / 20000, rate / 2000, rate / 1000);
  // The written passages alone (2-5 sentences a report, as news items are), without the
  // one-line headlines.
  std::vector<extract::Document> passages;
  size_t passage_sentences = 0;
  for (const extract::Document& d : docs) {
    if (!d.text.empty()) {
      passages.push_back(d);
      passage_sentences += extract::split_sentences(extract::full_text(d)).size();
    }
  }
  size_t passage_rounds = 0;
  auto p = Clock::now();
  do {
    for (const extract::Document& d : passages) mentions += extractor->extract(d).mentions.size();
    ++passage_rounds;
  } while (seconds_since(p) < budget / 2);
  std::printf("passages alone (%zu reports, %zu sentences): %.0f sentences/s\n", passages.size(),
              passage_sentences,
              static_cast<double>(passage_rounds * passage_sentences) / seconds_since(p));
  std::printf("peak resident memory: %ld MB\n", peak_rss_mb());
  return 0;
}
