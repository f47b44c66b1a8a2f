// Readers loaded once per test binary from the bundled data/ (its lexicons), as an analyst gets
// them: bundled<DateReader>(), bundled<CasualtyReader>(), …, and the whole extractor with the
// bundled gazetteer: bundled_extractor().
#pragma once

#include <gtest/gtest.h>

#include "../geo/bundled_gazetteer.hpp"
#include "sitrep/extract/extractor.hpp"

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

inline const Extractor& bundled_extractor() {
  static const Extractor* loaded = [] {
    auto result = Extractor::load(SITREP_SOURCE_DATA_DIR, geo::testing::bundled_gazetteer());
    EXPECT_TRUE(result.ok()) << result.error();
    return new Extractor(std::move(*result));
  }();
  return *loaded;
}

}  // namespace sitrep::extract::testing
