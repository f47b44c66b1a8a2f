// Reading place phrases: the examples in place_phrase.hpp, on the bundled kind words.
#include "sitrep/geo/place_phrase.hpp"

#include <gtest/gtest.h>

#include "bundled_gazetteer.hpp"

namespace sitrep::geo {
namespace {

Phrase read(std::string_view text) {
  return parse_phrase(*testing::bundled_gazetteer(), text);
}

TEST(PlacePhrase, AKindWordAfterTheNameAndContextAfterACommaAreRead) {
  Phrase p = read("Khwaja Ghar District, Takhar Province");
  EXPECT_EQ(p.name, "Khwaja Ghar");
  EXPECT_EQ(p.hint, Hint::admin2);
  ASSERT_EQ(p.context.size(), 1u);
  EXPECT_EQ(p.context[0], "Takhar Province");
}

TEST(PlacePhrase, ParenthesesAreContext) {
  Phrase p = read("Muqur district (Badghis)");
  EXPECT_EQ(p.name, "Muqur");
  EXPECT_EQ(p.hint, Hint::admin2);
  ASSERT_EQ(p.context.size(), 1u);
  EXPECT_EQ(p.context[0], "Badghis");
}

TEST(PlacePhrase, AKindWordBeforeTheNameIsReadInDari) {
  Phrase p = read("ولسوالی خوگیانی");
  EXPECT_EQ(p.name, "خوگیانی");
  EXPECT_EQ(p.hint, Hint::admin2);
}

TEST(PlacePhrase, LeadingWordsAreDroppedAndTheWholeIsKept) {
  EXPECT_EQ(read("near Kunduz").name, "Kunduz");
  Phrase border = read("the Afghan-Uzbek border");
  EXPECT_EQ(border.name, "Afghan-Uzbek");
  EXPECT_EQ(border.whole, "Afghan-Uzbek border");
  EXPECT_EQ(border.hint, Hint::border);
}

TEST(PlacePhrase, ANameIsNeverAllKindWords) {
  EXPECT_EQ(read("District").name, "District");
  EXPECT_EQ(read("Maydan Shahr town").name, "Maydan Shahr");  // one kind word per end
}

TEST(PlacePhrase, AWordComesOffOnlyFromItsOwnSide) {
  // "shahr" (city) and "camp" stand after a name in English; at the front they are the name.
  EXPECT_EQ(read("Shahr Safa district").name, "Shahr Safa");
  EXPECT_EQ(read("Camp Bastion").name, "Camp Bastion");
}

TEST(PlacePhrase, WordsThatNameNoKindComeOffBeforeTheKindWord) {
  Phrase district = read("Khogyani district area");
  EXPECT_EQ(district.name, "Khogyani");
  EXPECT_EQ(district.hint, Hint::admin2);
  Phrase bazaar = read("Sangin district bazaar");
  EXPECT_EQ(bazaar.name, "Sangin");
  EXPECT_EQ(bazaar.hint, Hint::place);
  EXPECT_EQ(read("Kunduz city area").name, "Kunduz");
}

TEST(PlacePhrase, NoBreakSpacesAndTheArabicCommaSeparate) {
  Phrase p = read("Kandahar\u00A0province");
  EXPECT_EQ(p.name, "Kandahar");
  EXPECT_EQ(p.hint, Hint::admin1);
  Phrase arabic = read("سنگین، هلمند");
  EXPECT_EQ(arabic.name, "سنگین");
  ASSERT_EQ(arabic.context.size(), 1u);
  EXPECT_EQ(arabic.context[0], "هلمند");
}

}  // namespace
}  // namespace sitrep::geo
