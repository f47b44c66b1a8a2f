// Interned strings: one number per distinct text, texts that stay put, and interning from
// several threads at once.
#include "sitrep/fuse/symbol.hpp"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace sitrep::fuse {
namespace {

TEST(Symbol, OneTextIsOneSymbolAndTheEmptyTextIsNone) {
  Symbol a("Nangarhar"), b(std::string("Nangar") + "har"), c("Kunar");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.id(), b.id());
  EXPECT_FALSE(a == c);
  EXPECT_EQ(a.view(), "Nangarhar");
  EXPECT_EQ(a, "Nangarhar");
  EXPECT_TRUE(Symbol().empty());
  EXPECT_TRUE(Symbol("").empty());
  EXPECT_EQ(Symbol("").id(), 0u);
  EXPECT_EQ(fmt::format("{}/{}", a, c), "Nangarhar/Kunar");
}

// Texts of one size with the same first and last bytes share a slot of the cache of recent
// texts: taking turns in it, each must still get its own symbol.
TEST(Symbol, TextsSharingARecentTextSlotKeepTheirOwnSymbols) {
  const Symbol first("slot-test:a:z"), second("slot-test:b:z");
  EXPECT_NE(first, second);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Symbol("slot-test:a:z"), first);
    EXPECT_EQ(Symbol("slot-test:b:z"), second);
    EXPECT_EQ(Symbol("slot-test:b:z").view(), "slot-test:b:z");
  }
}

TEST(Symbol, OrderIsTheTextsNotTheInterningOrder) {
  Symbol later("zz-symbol-test"), earlier("aa-symbol-test");
  EXPECT_LT(later.id(), earlier.id());  // interned first, numbered first
  EXPECT_TRUE(earlier < later);
  EXPECT_FALSE(later < earlier);
  EXPECT_FALSE(later < later);
}

TEST(Symbol, TextsStayPutWhileMoreAreInterned) {
  Symbol first("the first text of the test");
  const char* where = first.view().data();
  for (int i = 0; i < 200000; ++i) Symbol(fmt::format("filler-{}", i));
  EXPECT_EQ(first.view().data(), where);
  EXPECT_EQ(first.view(), "the first text of the test");
  EXPECT_EQ(Symbol("filler-199999").view(), "filler-199999");
}

TEST(Symbol, ThreadsInterningTheSameTextsAgree) {
  constexpr int kTexts = 20000;
  std::vector<std::vector<uint32_t>> ids(2, std::vector<uint32_t>(kTexts));
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&ids, t] {
      for (int i = 0; i < kTexts; ++i) ids[t][i] = Symbol(fmt::format("shared-{}", i)).id();
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(ids[0], ids[1]);
  EXPECT_EQ(Symbol(fmt::format("shared-{}", 123)).view(), "shared-123");
}

TEST(Symbol, InterningManyAtOnceGivesTheSymbolsOneByOneWould) {
  Symbol known("Kunar");
  std::vector<Symbol> out = {Symbol("already here")};
  Symbol::intern_all({"Kunar", "", "intern-all-new-text", "Kunar"}, out);
  ASSERT_EQ(out.size(), 5u);  // appended, in order
  EXPECT_EQ(out[0], "already here");
  EXPECT_EQ(out[1], known);
  EXPECT_TRUE(out[2].empty());
  EXPECT_EQ(out[3], Symbol("intern-all-new-text"));
  EXPECT_EQ(out[3].view(), "intern-all-new-text");
  EXPECT_EQ(out[4], known);
}

}  // namespace
}  // namespace sitrep::fuse
