// Russian endings read without a dictionary: Snowball's, the instrumental plural, the passive
// participle.
#include "sitrep/extract/russian_stems.hpp"

#include <gtest/gtest.h>

namespace sitrep::extract {
namespace {

TEST(RussianStems, SnowballTakesTheCaseEndingOff) {
  EXPECT_EQ(russian_ending("главу"), "у");
  EXPECT_EQ(russian_ending("полицейского"), "ого");
  EXPECT_EQ(russian_ending("kabul"), "");
}

TEST(RussianStems, TheInstrumentalPluralIsToldByItsEnding) {
  for (const char* word : {"талибами", "боевиками", "неизвестными", "пакистанцами", "другими"}) {
    EXPECT_TRUE(russian_instrumental_plural(word)) << word;
  }
  // the nominative and genitive plurals, the instrumental singular, a short word, Latin letters
  for (const char* word : {"талибы", "боевиков", "талибом", "ими", "taliban"}) {
    EXPECT_FALSE(russian_instrumental_plural(word)) << word;
  }
}

TEST(RussianStems, APassiveParticipleIsGuessedFromItsEnding) {
  for (const char* word :
       {"прикреплённой", "убиты", "убит", "атакован", "обстрелян", "ранены", "захваченные"}) {
    EXPECT_TRUE(russian_passive_participle(word)) << word;
  }
  // a preposition, a noun, a past active verb
  for (const char* word : {"с", "полиции", "атаковали", "погибли"}) {
    EXPECT_FALSE(russian_passive_participle(word)) << word;
  }
}

}  // namespace
}  // namespace sitrep::extract
