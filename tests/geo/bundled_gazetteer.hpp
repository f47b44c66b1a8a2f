// The bundled gazetteer (data/gazetteer/), built once per test binary in memory: the geocoder's
// tests run against the real data an analyst gets.
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "sitrep/geo/gazetteer.hpp"
#include "sitrep/geo/gazetteer_builder.hpp"

namespace sitrep::geo::testing {

inline std::shared_ptr<const Gazetteer> bundled_gazetteer() {
  static std::shared_ptr<const Gazetteer> built = [] {
    GazetteerBuilder builder;
    std::string data = SITREP_SOURCE_DATA_DIR;
    Status added = builder.add_directory(data + "/gazetteer", data + "/countries.tsv");
    EXPECT_TRUE(added.ok()) << added.error();
    auto image = builder.finish("test", 0);
    EXPECT_TRUE(image.ok()) << image.error();
    auto owner = std::make_shared<std::vector<uint64_t>>(std::move(*image));
    std::string_view bytes(reinterpret_cast<const char*>(owner->data()),
                           owner->size() * sizeof(uint64_t));
    auto g = Gazetteer::from_image(owner, bytes);
    EXPECT_TRUE(g.ok()) << g.error();
    return std::make_shared<const Gazetteer>(std::move(*g));
  }();
  return built;
}

}  // namespace sitrep::geo::testing
