// Every instruction-set variant of the code-counting kernel against a plain loop.
#include "sitrep/query/code_counting.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace sitrep::query::kernels {
namespace {

template <typename T>
std::vector<int64_t> plain_counts(const std::vector<T>& keys, const std::vector<uint64_t>& words,
                                  size_t word_begin, size_t word_end, uint32_t n) {
  std::vector<int64_t> counts(n);
  for (size_t r = word_begin * 64; r < std::min(keys.size(), word_end * 64); ++r) {
    bool selected = (words[r / 64 - word_begin] >> (r % 64)) & 1;
    if (selected && keys[r] < n) ++counts[keys[r]];
  }
  return counts;
}

// Random keys (some beyond n, which no code counts), selections from empty to full words, and
// row counts that end mid-word, for each variant the CPU can run.
template <typename T>
void check_every_variant() {
  std::mt19937_64 random(20261130);
  for (Isa isa : {Isa::sse2, Isa::avx2, Isa::avx512bw}) {
    if (!cpu_has(isa)) continue;
    for (size_t rows : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{65}, size_t{1000},
                        size_t{4096 + 37}}) {
      for (uint32_t n = 1; n <= kMaxCountedCodes; ++n) {
        std::vector<T> keys(rows);
        for (T& k : keys) k = static_cast<T>(random() % (n + 2));
        size_t word_count = (rows + 63) / 64;
        size_t word_begin = word_count > 2 ? 1 : 0;
        std::vector<uint64_t> words(word_count - word_begin);
        for (size_t i = 0; i < words.size(); ++i) {
          uint64_t kind = random() % 3;
          words[i] = kind == 0 ? 0 : kind == 1 ? ~uint64_t{0} : random();
          size_t first_row = (word_begin + i) * 64;
          if (first_row + 64 > rows) words[i] &= (uint64_t{1} << (rows - first_row)) - 1;
        }
        std::vector<int64_t> counts(n, 5);
        detail::count_selected_codes_with(isa, keys.data(), rows, words.data(), word_begin,
                                          word_count, n, counts.data());
        std::vector<int64_t> expected = plain_counts(keys, words, word_begin, word_count, n);
        for (int64_t& e : expected) e += 5;  // the kernel adds to what is there
        ASSERT_EQ(counts, expected)
            << "isa " << static_cast<int>(isa) << ", " << rows << " rows, " << n << " codes";
      }
    }
  }
}

TEST(CodeCounting, EveryVariantCountsOneByteKeysAsAPlainLoopDoes) {
  check_every_variant<uint8_t>();
}

TEST(CodeCounting, EveryVariantCountsTwoByteKeysAsAPlainLoopDoes) {
  check_every_variant<uint16_t>();
}

TEST(CpuFeatures, TheBestInstructionSetIsOneTheCpuHas) {
  EXPECT_TRUE(cpu_has(best_isa())) << isa_name(best_isa());
  EXPECT_TRUE(cpu_has(Isa::sse2));
}

}  // namespace
}  // namespace sitrep::query::kernels
