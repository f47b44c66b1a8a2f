// A row range as a selection: the same rows and span however its ends fall on words.
#include "sitrep/query/selection.hpp"

#include <gtest/gtest.h>

namespace sitrep::query {
namespace {

TEST(Selection, ARangeSelectsExactlyItsRowsInTheSpanOfItsWords) {
  for (size_t rows : {size_t{0}, size_t{1}, size_t{64}, size_t{130}, size_t{1000}}) {
    for (size_t begin = 0; begin <= rows; begin += 7) {
      for (size_t end = begin; end <= rows + 70; end += 11) {
        Selection s = Selection::of_range(rows, begin, end);
        Selection expected(rows, false, begin / 64, (std::min(end, rows) + 63) / 64);
        expected.set_range(begin, end);
        ASSERT_EQ(s.first_word(), expected.first_word()) << rows << " " << begin << ".." << end;
        ASSERT_EQ(s.end_word(), expected.end_word()) << rows << " " << begin << ".." << end;
        ASSERT_EQ(s.count(), expected.count()) << rows << " " << begin << ".." << end;
        for (size_t r = 0; r < rows; ++r) ASSERT_EQ(s.test(r), r >= begin && r < end);
      }
    }
  }
}

TEST(Selection, HasAtLeastAgreesWithTheCount) {
  Selection s(1000, false);
  s.set_range(100, 357);
  EXPECT_TRUE(s.has_at_least(0));
  EXPECT_TRUE(s.has_at_least(257));
  EXPECT_FALSE(s.has_at_least(258));
  EXPECT_FALSE(Selection(1000, false).has_at_least(1));
  EXPECT_TRUE(Selection(1000, false).empty());
  EXPECT_FALSE(s.empty());
}

}  // namespace
}  // namespace sitrep::query
