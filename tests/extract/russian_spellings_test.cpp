// Russian spellings of Latin place names, as Russian-language reports write them.
#include "sitrep/extract/russian_spellings.hpp"

#include <gtest/gtest.h>

namespace sitrep::extract {
namespace {

using Spellings = std::vector<std::string>;

TEST(RussianSpellings, FollowTheEnglishToRussianLetterConventions) {
  EXPECT_EQ(russian_spellings("nahrin"), Spellings{"нахрин"});
  EXPECT_EQ(russian_spellings("panjwayi"), Spellings{"панджвайи"});  // j: дж; y after a vowel: й
  EXPECT_EQ(russian_spellings("acheen"), Spellings{"ачин"});         // ee: и
  EXPECT_EQ(russian_spellings("shindand"), Spellings{"шинданд"});
  EXPECT_EQ(russian_spellings("khakrez"), Spellings{"хакрез"});
  EXPECT_EQ(russian_spellings("eshkashem"), Spellings{"эшкашем"});  // a first e: э
  EXPECT_EQ(russian_spellings("ghazni"), Spellings{"газни"});
  EXPECT_EQ(russian_spellings("qarabagh"), Spellings{"карабаг"});
}

TEST(RussianSpellings, ANameOfSeveralWordsIsAlsoRunTogetherAndHyphenated) {
  EXPECT_EQ(russian_spellings("Chahar Dara"), (Spellings{"чахар дара", "чахардара", "чахар-дара"}));
  EXPECT_EQ(russian_spellings("nad-ali"), (Spellings{"над али", "надали", "над-али"}));
}

TEST(RussianSpellings, ANameWithOtherLettersHasNone) {
  EXPECT_TRUE(russian_spellings("nahrīn").empty());
  EXPECT_TRUE(russian_spellings("کابل").empty());
  EXPECT_TRUE(russian_spellings("district 9").empty());
  EXPECT_TRUE(russian_spellings("").empty());
}

}  // namespace
}  // namespace sitrep::extract
