#include "sitrep/report/estimative.hpp"

#include <gtest/gtest.h>

#include "sitrep/report/defang.hpp"

namespace sitrep::report {
namespace {

TEST(Estimative, EachBandOfIcd203HasItsTerm) {
  EXPECT_EQ(estimative_term(0.02), "almost no chance");
  EXPECT_EQ(estimative_term(0.10), "very unlikely");
  EXPECT_EQ(estimative_term(0.30), "unlikely");
  EXPECT_EQ(estimative_term(0.50), "roughly even chance");
  EXPECT_EQ(estimative_term(0.70), "likely");
  EXPECT_EQ(estimative_term(0.90), "very likely");
  EXPECT_EQ(estimative_term(0.97), "almost certain");
}

TEST(Estimative, BoundariesTakeTheLessExtremeTerm) {
  EXPECT_EQ(estimative_term(0.05), "very unlikely");
  EXPECT_EQ(estimative_term(0.20), "unlikely");
  EXPECT_EQ(estimative_term(0.45), "roughly even chance");
  EXPECT_EQ(estimative_term(0.55), "roughly even chance");
  EXPECT_EQ(estimative_term(0.80), "likely");
  EXPECT_EQ(estimative_term(0.95), "very likely");
}

TEST(Estimative, SentencesNeverSayZeroOrHundredPercent) {
  EXPECT_EQ(judgement_sentence("the rate rose", 0.934),
            "It is very likely (93%) that the rate rose.");
  EXPECT_EQ(judgement_sentence("the rate rose", 0.9999),
            "It is almost certain (99%) that the rate rose.");
  EXPECT_EQ(judgement_sentence("the rate rose", 0.001),
            "There is almost no chance (1%) that the rate rose.");
  EXPECT_EQ(judgement_sentence("it changed", 0.5),
            "There is roughly even chance (50%) that it changed.");
}

TEST(Defang, SchemeAndHostDotsChangeThePathDoesNot) {
  EXPECT_EQ(defang_url("https://example.com/a.b/c?x=1.2"), "hxxps://example(dot)com/a.b/c?x=1.2");
  EXPECT_EQ(defang_url("http://t.me/channel"), "hxxp://t(dot)me/channel");
  EXPECT_EQ(defang_url("example.org"), "example(dot)org");
  EXPECT_EQ(defang_url("ftp://files.example.net"), "ftp://files(dot)example(dot)net");
  EXPECT_EQ(defang_url(""), "");
}

}  // namespace
}  // namespace sitrep::report
