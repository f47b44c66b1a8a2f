// An extractor loaded once per test binary from the bundled data/ (its lexicons), as an analyst
// gets it: bundled<DateReader>(), bundled<CasualtyReader>(), …
#pragma once

#include <gtest/gtest.h>

namespace sitrep::extract::testing {

template <typename T>
const T& bundled() {
  static const T* loaded = [] {
    auto result = T::load(SITREP_SOURCE_DATA_DIR);
    EXPECT_TRUE(result.ok()) << result.error();
    return new T(std::move(*result));
  }();
  return *loaded;
}

}  // namespace sitrep::extract::testing
