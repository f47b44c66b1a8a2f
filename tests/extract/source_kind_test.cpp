// Kinds of source from the bundled outlets lexicon: by name in any script, by title, by URL.
#include "sitrep/extract/source_kind.hpp"

#include <gtest/gtest.h>

#include "bundled.hpp"

namespace sitrep::extract {
namespace {

class SourceKindTest : public ::testing::Test {
 protected:
  static SourceKind of(std::string source, std::string title = "", std::string url = "") {
    Document d;
    d.source = std::move(source);
    d.title = std::move(title);
    d.url = std::move(url);
    return testing::bundled<SourceClassifier>().classify(d);
  }
};

TEST_F(SourceKindTest, ClaimChannelsAndPropagandaNameTheirGroup) {
  SourceKind amaq = of("AMAQ News Agency");
  EXPECT_EQ(amaq.kind, "claim");
  EXPECT_EQ(amaq.actor, "Islamic State");
  EXPECT_EQ(of("", "أعماق: مقتل 10 جنود").kind, "claim");  // named in the title, in Arabic
  SourceKind khurasan = of("Voice of Khorasan (issue 12)");
  EXPECT_EQ(khurasan.kind, "propaganda");
  EXPECT_EQ(khurasan.actor, "IS-KP");
}

TEST_F(SourceKindTest, NewsAndOfficialsByNameOrDomain) {
  EXPECT_EQ(of("Pajhwok Afghan News").kind, "news");
  EXPECT_EQ(of("", "", "https://www.TOLOnews.com/afghanistan-123").outlet, "Tolo News");
  EXPECT_EQ(of("ISPR").kind, "official");
  EXPECT_EQ(of("وزارت دفاع").kind, "official");
}

TEST_F(SourceKindTest, AnUnknownSourceIsUnknownNotAGuess) {
  EXPECT_EQ(of("Some Local Blog", "Rockets hit a base", "https://example.org/a").kind, "unknown");
  EXPECT_EQ(of("").kind, "unknown");
  // A word inside another is not a name: "Dawnbreak" is not Dawn.
  EXPECT_EQ(of("Dawnbreak Media").kind, "unknown");
}

TEST(UrlHost, SchemeWwwPortAndPathAreDropped) {
  EXPECT_EQ(url_host("https://www.Reuters.com:443/world/x?y=1"), "reuters.com");
  EXPECT_EQ(url_host("pajhwok.com/en/2022"), "pajhwok.com");
  EXPECT_EQ(url_host(""), "");
}

}  // namespace
}  // namespace sitrep::extract
