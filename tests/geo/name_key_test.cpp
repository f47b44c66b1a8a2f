// Name keys: every spelling the issue lists meets its place on the folded or the skeleton key.
#include "sitrep/geo/name_key.hpp"

#include <gtest/gtest.h>

namespace sitrep::geo {
namespace {

std::string folded(std::string_view s) {
  return name_keys(s).folded;
}
std::string skeleton(std::string_view s) {
  return name_keys(s).skeleton;
}

TEST(NameKey, EzafeSpellingsOfMazarISharifFoldTogether) {
  for (const char* s : {"Mazar-i-Sharif", "Mazar-e Sharif", "Mazār-e Sharīf", "Mazari Sharif",
                        "MAZAR E SHARIF", "Mazar-e-Sharif"}) {
    EXPECT_EQ(folded(s), "mazarsharif") << s;
  }
  EXPECT_EQ(folded("Mazar-i-Sharif"), "mazarsharif");
}

TEST(NameKey, CyrillicIsTransliteratedByBgn) {
  EXPECT_EQ(folded("Мазари-Шариф"), "mazarsharif");
  EXPECT_EQ(folded("Термез"), "termez");
  EXPECT_EQ(folded("Душанбе"), "dushanbe");
  EXPECT_EQ(folded("Кундуз"), "kunduz");
}

TEST(NameKey, TajikAndUzbekCyrillicLettersAreRomanised) {
  EXPECT_EQ(folded("Ҳисор"), "hisor");
  EXPECT_EQ(folded("Хуҷанд"), folded("Khujand"));
  EXPECT_EQ(folded("Қурғонтеппа"), "kurghontepa");  // Q → k as in every folded key
  EXPECT_EQ(folded("Кӯлоб"), "kulob");
}

TEST(NameKey, UzbekShortUIsO) {
  EXPECT_EQ(folded("Қўқон"), folded("Qo'qon"));
  EXPECT_NE(folded("Қўқон"), folded("Қуқон"));
}

TEST(NameKey, OtherScriptsAreKeptAsWritten) {
  EXPECT_EQ(folded("Łódź"), "lodz");  // Latin letters without a decomposition, by Latin-ASCII
  EXPECT_EQ(folded("北京"), "北京");  // Han: matched as written, no skeleton
  EXPECT_EQ(skeleton("北京"), "");
}

TEST(NameKey, ArabicScriptVariantsAreUnified) {
  // Arabic yeh and kaf against Persian ones, teh marbuta, tatweel, zero-width non-joiner.
  EXPECT_EQ(folded("كابل"), folded("کابل"));
  EXPECT_EQ(folded("شيبرغان"), folded("شیبرغان"));
  EXPECT_EQ(folded("مزار شريف"), folded("مزار شریف"));
  EXPECT_EQ(folded("مزارـشریف"), folded("مزار شریف"));
  EXPECT_EQ(folded("پل\u200Cخمری"), folded("پلخمری"));
  EXPECT_EQ(folded("قلعة"), folded("قلعه"));
  EXPECT_EQ(folded("مَزار"), folded("مزار"));  // harakat
}

TEST(NameKey, PashtoLettersMeetTheirUrduSpellings) {
  EXPECT_EQ(folded("خیبر پښتونخوا"), folded("خیبر پختونخوا"));
  EXPECT_EQ(folded("ټانک"), folded("ٹانک"));
  EXPECT_EQ(folded("باجوړ"), folded("باجوڑ"));
  EXPECT_EQ(folded("ډېره اسماعیل خان"), folded("ڈیرہ اسماعیل خان"));
  EXPECT_EQ(folded("ځدران"), folded("زدران"));
  EXPECT_EQ(skeleton("خیبر پښتونخوا"), skeleton("Khyber Pakhtunkhwa"));
}

TEST(NameKey, SkeletonMeetsAcrossScripts) {
  EXPECT_EQ(skeleton("Mazar-i-Sharif"), "mzrsrf");
  EXPECT_EQ(skeleton("مزار شریف"), "mzrsrf");
  EXPECT_EQ(skeleton("Мазари-Шариф"), "mzrsrf");
  EXPECT_EQ(skeleton("Termez"), skeleton("ترمذ"));
  EXPECT_EQ(skeleton("Tirmiz"), skeleton("Термез"));
  EXPECT_EQ(skeleton("Kunduz"), skeleton("قندوز"));
  EXPECT_EQ(skeleton("Jalalabad"), skeleton("جلال آباد"));
  EXPECT_EQ(skeleton("Lashkar Gah"), skeleton("لشکرگاه"));
  EXPECT_EQ(skeleton("Sheberghan"), skeleton("Shibirghan"));
  EXPECT_EQ(skeleton("Taloqan"), skeleton("تالقان"));
  EXPECT_EQ(skeleton("Herat"), skeleton("هرات"));
  EXPECT_EQ(skeleton("Peshawar"), skeleton("پشاور"));
  // Persian و is w in English, v in Uzbek and Russian, and no consonant in Arabic script
  EXPECT_EQ(skeleton("Jowzjan"), skeleton("Jovzjon"));
  EXPECT_EQ(skeleton("Jowzjan"), skeleton("جوزجان"));
  EXPECT_EQ(skeleton("Wardak"), skeleton("Вардак"));
}

TEST(NameKey, AfghanRomanisationVariantsFoldTogether) {
  EXPECT_EQ(folded("Qunduz"), folded("Kunduz"));  // Q / K
  EXPECT_EQ(folded("Khost"), "kost");             // Kh
  EXPECT_EQ(folded("Pul-i-Khumri"), folded("Puli Khumri"));
  EXPECT_EQ(folded("Pul-e Khumri"), folded("Pul-i-Khumri"));
  EXPECT_EQ(folded("Lashkar Gah"), folded("Lashkargah"));
  EXPECT_EQ(folded("Dhand"), folded("Zand"));  // dh / z
  EXPECT_EQ(folded("Kandahar"), folded("Qandahar"));
  EXPECT_EQ(folded("Jowzjan"), "jowzjan");
  EXPECT_EQ(folded("Nangarhar"), "nangarhar");
  EXPECT_EQ(folded("Kabulah"), "kabula");  // trailing -ah / -a
}

TEST(NameKey, WordsAreKeptForPhrases) {
  EXPECT_EQ(folded_words("Khwaja Ghar District, Takhar Province"),
            "khwaja ghar district takhar province");
  EXPECT_EQ(folded_words("  the Afghan-Uzbek border "), "the afghan uzbek border");
}

}  // namespace
}  // namespace sitrep::geo
