// Languages of report text, each from a sentence written for this test in that language.
#include "sitrep/extract/language.hpp"

#include <gtest/gtest.h>

#include "bundled.hpp"

namespace sitrep::extract {
namespace {

class LanguageTest : public ::testing::Test {
 protected:
  static std::string code(std::string_view text) {
    return testing::bundled<LanguageDetector>().detect(text).code;
  }
};

TEST_F(LanguageTest, EnglishAndUzbekInLatinScript) {
  EXPECT_EQ(code("Gunmen killed three police officers at a checkpoint in Kunduz province on "
                 "Monday, officials said."),
            "en");
  EXPECT_EQ(code("Surxondaryo viloyati Termiz tumanida raketa hujumi sodir bo‘ldi, deb xabar "
                 "qilindi va bu haqda ham aytildi."),
            "uz");
}

TEST_F(LanguageTest, RussianTajikAndUzbekInCyrillic) {
  EXPECT_EQ(code("В понедельник боевики обстреляли блокпост в провинции Кундуз, погибли трое "
                 "полицейских, сообщил представитель."),
            "ru");
  EXPECT_EQ(code("Дар ноҳияи Шаҳритус се нафар кушта шуданд, гуфт вакили вилоят."), "tg");
  EXPECT_EQ(code("Сурхондарё вилоятида ҳужум содир бўлди, деб хабар қилинди."), "uz");
}

TEST_F(LanguageTest, DariPashtoUrduAndArabicInArabicScript) {
  EXPECT_EQ(code("در حمله به یک مسجد در ولایت کندز سه نفر کشته شدند، مقامات گفتند."), "fa");
  EXPECT_EQ(code("په کندز ولایت کې د یوه جومات پر وړاندې برید کې درې کسان ووژل شول."), "ps");
  EXPECT_EQ(code("قندوز میں ایک مسجد پر حملے میں تین افراد ہلاک ہو گئے ہیں۔"), "ur");
  EXPECT_EQ(code("قتل ثلاثة أشخاص في هجوم على مسجد في ولاية قندوز، حسبما قال مسؤولون."), "ar");
}

TEST_F(LanguageTest, TextWithoutWordsIsUndetermined) {
  LanguageGuess g = testing::bundled<LanguageDetector>().detect("12345 !!! --");
  EXPECT_EQ(g.code, "und");
  EXPECT_EQ(g.confidence, 0);
  EXPECT_EQ(testing::bundled<LanguageDetector>().detect("").code, "und");
}

TEST_F(LanguageTest, AShortTextIsLessCertain) {
  LanguageGuess shorter = testing::bundled<LanguageDetector>().detect("the attack");
  LanguageGuess longer = testing::bundled<LanguageDetector>().detect(
      "The attack on the checkpoint was claimed by the group, which said in a statement that "
      "it killed ten soldiers.");
  EXPECT_EQ(shorter.code, "en");
  EXPECT_LT(shorter.confidence, longer.confidence);
}

}  // namespace
}  // namespace sitrep::extract
