// Every instruction-set variant of the histogram increments against the formula.
#include "sitrep/query/sum_increments.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace sitrep::query::kernels {
namespace {

template <typename F>
void check_every_variant(int64_t base) {
  std::mt19937_64 random(7);
  constexpr int kShift = 40;
  for (Isa isa : {Isa::sse2, Isa::avx2, Isa::avx512bw}) {
    if (!cpu_has(isa)) continue;
    for (int round = 0; round < 50; ++round) {
      F stored[64];
      for (F& v : stored) {
        // A third missing (0), the rest small or as large as the width holds.
        uint64_t kind = random() % 3;
        v = kind == 0   ? F{0}
            : kind == 1 ? static_cast<F>(1 + random() % 9)
                        : static_cast<F>(random());
        if (v == 0 && kind != 0) v = 1;
      }
      uint64_t out[64];
      detail::sum_increments_with(isa, stored, base, kShift, out);
      for (int j = 0; j < 64; ++j) {
        uint64_t value = stored[j] == 0 ? 0 : static_cast<uint64_t>(base + int64_t{stored[j]});
        ASSERT_EQ(out[j], (uint64_t{1} << kShift) + value)
            << "isa " << isa_name(isa) << ", row " << j << ", stored " << uint64_t{stored[j]};
      }
    }
  }
}

TEST(SumIncrements, EveryVariantGivesOneCountAndTheFigureOrNothingForAMissingOne) {
  for (int64_t base : {int64_t{-1}, int64_t{0}, int64_t{3}}) {
    check_every_variant<uint8_t>(base);
    check_every_variant<uint16_t>(base);
    check_every_variant<uint32_t>(base);
  }
}

template <typename K, typename F>
void check_whole_words(int64_t base) {
  std::mt19937_64 random(11);
  constexpr int kShift = 40;
  constexpr size_t kWords = 5, kSpace = 37;
  std::vector<K> keys(kWords * 64);
  std::vector<F> stored(kWords * 64);
  for (size_t r = 0; r < keys.size(); ++r) {
    // Runs of one key as well as scattered keys: a key's adds may follow each other.
    keys[r] = static_cast<K>(r % 96 < 20 ? 5 : random() % kSpace);
    stored[r] = static_cast<F>(random() % 4 == 0 ? 0 : 1 + random() % 200);
  }
  // Two copies of the sums used in turn, as aggregation.cpp does when four do not fit.
  std::vector<uint64_t> expected(2 * kSpace, 0);
  for (size_t r = 0; r < keys.size(); ++r) {
    uint64_t value = stored[r] == 0 ? 0 : static_cast<uint64_t>(base + int64_t{stored[r]});
    expected[(r % 2) * kSpace + keys[r]] += (uint64_t{1} << kShift) + value;
  }
  for (Isa isa : {Isa::sse2, Isa::avx2, Isa::avx512bw}) {
    if (!cpu_has(isa)) continue;
    std::vector<uint64_t> sums(2 * kSpace, 0);
    uint64_t* const lanes[4] = {sums.data(), sums.data() + kSpace, sums.data(),
                                sums.data() + kSpace};
    detail::add_packed_words_with(isa, keys.data(), stored.data(), kWords, base, kShift, lanes);
    EXPECT_EQ(sums, expected) << "isa " << isa_name(isa) << ", key width " << sizeof(K)
                              << ", figure width " << sizeof(F) << ", base " << base;
  }
}

TEST(SumIncrements, EveryVariantAddsEachRowOfWholeWordsToItsKeyOnItsLane) {
  for (int64_t base : {int64_t{-1}, int64_t{0}, int64_t{3}}) {
    check_whole_words<uint8_t, uint16_t>(base);
    check_whole_words<uint16_t, uint8_t>(base);
    check_whole_words<uint16_t, uint16_t>(base);
    check_whole_words<uint32_t, uint32_t>(base);
  }
}

TEST(SumIncrements, PackedWordsAreEmptiedBeforeTheCountOrTheSumCouldOverflow) {
  constexpr int kShift = 40;
  constexpr uint64_t kCountRoom = (uint64_t{1} << (64 - kShift)) - 1;
  constexpr uint64_t kSumRoom = (uint64_t{1} << kShift) - 1;
  for (int64_t largest : {int64_t{0}, int64_t{1}, int64_t{37}, int64_t{65535}, int64_t{65536},
                          int64_t{1000003}, (int64_t{1} << 24) - 1}) {
    uint64_t rows = rows_between_emptyings(kShift, largest);
    EXPECT_EQ(rows % 64, 0u) << largest;
    EXPECT_LE(rows, kCountRoom) << largest;
    EXPECT_LE(rows * static_cast<uint64_t>(largest), kSumRoom) << largest;
    // Not needlessly often: one more word of rows would overflow one field.
    uint64_t more = rows + 64;
    EXPECT_TRUE(more > kCountRoom || more * static_cast<uint64_t>(largest) > kSumRoom) << largest;
  }
  EXPECT_EQ(rows_between_emptyings(kShift, (int64_t{1} << 24) - 1), uint64_t{65536});
  EXPECT_EQ(rows_between_emptyings(kShift, 100), kCountRoom / 64 * 64);
}

}  // namespace
}  // namespace sitrep::query::kernels
