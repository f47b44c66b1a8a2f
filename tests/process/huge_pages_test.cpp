#include "sitrep/process/huge_pages.hpp"

#include <gtest/gtest.h>

namespace sitrep::process {
namespace {

constexpr const char* kMadvise = "always [madvise] never\n";

TEST(HugePages, AreAskedForWhenTheKernelGivesThemOnlyOnRequest) {
  EXPECT_EQ(tunables_for_huge_pages(nullptr, kMadvise, nullptr), "glibc.malloc.hugetlb=1");
}

TEST(HugePages, AreAddedToTheTunablesAlreadySet) {
  EXPECT_EQ(tunables_for_huge_pages("glibc.malloc.arena_max=2", kMadvise, nullptr),
            "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
  EXPECT_EQ(tunables_for_huge_pages("", kMadvise, nullptr), "glibc.malloc.hugetlb=1");
}

TEST(HugePages, AreLeftAloneWhenTheUserSetTheTunableEitherWay) {
  EXPECT_EQ(tunables_for_huge_pages("glibc.malloc.hugetlb=0", kMadvise, nullptr), std::nullopt);
  EXPECT_EQ(
      tunables_for_huge_pages("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", kMadvise, nullptr),
      std::nullopt);
}

TEST(HugePages, AreNotAskedForWhenTheKernelGivesThemAlwaysOrNeverOrSaysNothing) {
  EXPECT_EQ(tunables_for_huge_pages(nullptr, "[always] madvise never\n", nullptr), std::nullopt);
  EXPECT_EQ(tunables_for_huge_pages(nullptr, "always madvise [never]\n", nullptr), std::nullopt);
  EXPECT_EQ(tunables_for_huge_pages(nullptr, "", nullptr), std::nullopt);
}

TEST(HugePages, AreNotAskedForUnderValgrindWhichWouldLoseTheRestartedProgram) {
  EXPECT_EQ(tunables_for_huge_pages(
                nullptr, kMadvise,
                "/usr/libexec/valgrind/vgpreload_core-amd64-linux.so:/usr/lib/libfoo.so"),
            std::nullopt);
  EXPECT_EQ(tunables_for_huge_pages(nullptr, kMadvise, "/usr/lib/libfoo.so"),
            "glibc.malloc.hugetlb=1");
}

}  // namespace
}  // namespace sitrep::process
