// Sentence boundaries in report text, in the scripts sitrep reads.
#include "sitrep/extract/sentences.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep::extract {
namespace {

std::vector<std::string> texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SplitSentences, EndsAtFullStopsQuestionAndExclamationMarks) {
  EXPECT_EQ(texts("A bomb exploded. Three died! Who did it? Nobody knows."),
            (std::vector<std::string>{"A bomb exploded.", "Three died!", "Who did it?",
                                      "Nobody knows."}));
}

TEST(SplitSentences, AbbreviationsInitialsAndDecimalsDoNotEndASentence) {
  EXPECT_EQ(texts("Gen. Raziq and U.S. forces met at 3.5 km from the base. They left."),
            (std::vector<std::string>{"Gen. Raziq and U.S. forces met at 3.5 km from the base.",
                                      "They left."}));
}

TEST(SplitSentences, ArabicScriptMarksAndBlankLinesEndSentences) {
  EXPECT_EQ(texts("Title line\n\nبم منفجر شد؟ دو نفر کشته شدند۔ پایان"),
            (std::vector<std::string>{"Title line", "بم منفجر شد؟", "دو نفر کشته شدند۔", "پایان"}));
}

TEST(SplitSentences, SpansPointIntoTheTextAndAreTrimmed) {
  std::string_view text = "  One.   Two.  ";
  auto s = split_sentences(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text.substr(s[0].begin, s[0].end - s[0].begin), "One.");
  EXPECT_EQ(text.substr(s[1].begin, s[1].end - s[1].begin), "Two.");
  EXPECT_TRUE(split_sentences("   ").empty());
}

}  // namespace
}  // namespace sitrep::extract
