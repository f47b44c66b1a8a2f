// Admin areas from coordinates on a hand-made map whose answers can be checked by eye:
//
//   lat 2 +-----+-----+-----------+
//         |     |     |           |  XX.01 Westland: the square lon 0..2, lat 0..2, with a hole
//         |Alpha| +-+ |  XX.02    |        at lon 1.25..1.75, lat 0.5..1
//         |     | +-+ |           |  XX.02 Eastland: lon 2..4, lat 0..2, and an island at lon
//   lat 0 +-----+-----+-----------+        5..6, lat 0..1 (a multipolygon)
//       lon 0   1     2           4  Alpha: a district of Westland, lon 0..1; the border lon = 2
//                                    is shared by Westland and Eastland
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "sitrep/geo/admin_assignment.hpp"
#include "sitrep/geo/gazetteer.hpp"
#include "sitrep/geo/gazetteer_builder.hpp"
#include "sitrep/geo/geocoder.hpp"
#include "sitrep/io/section_file.hpp"

namespace sitrep::geo {
namespace {

namespace fs = std::filesystem;

class AdminAreasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep-geo-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    write("admin1.tsv", "code\tname\nXX.01\tWestland\nXX.02\tEastland\n");
    write("admin1.geojson", R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"code": "XX.01", "country": "XX", "name": "Westland",
        "names": ["West Land", "Zapad"]},
       "geometry": {"type": "Polygon", "coordinates": [
         [[0,0],[2,0],[2,2],[0,2],[0,0]],
         [[1.25,0.5],[1.75,0.5],[1.75,1],[1.25,1],[1.25,0.5]]]}},
      {"type": "Feature", "properties": {"code": "XX.02", "country": "XX", "name": "Eastland"},
       "geometry": {"type": "MultiPolygon", "coordinates": [
         [[[2,0],[4,0],[4,2],[2,2],[2,0]]],
         [[[5,0],[6,0],[6,1],[5,1],[5,0]]]]}}]})");
    write("districts.geojson", R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"name": "Alpha", "country": "XX", "admin1": "XX.01"},
       "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,2],[0,2],[0,0]]]}}]})");
    GazetteerBuilder builder;
    ASSERT_TRUE(builder.add_admin_names(path("admin1.tsv"), 1).ok());
    ASSERT_TRUE(builder.add_polygons(path("admin1.geojson")).ok());
    auto districts = builder.add_polygons(path("districts.geojson"));
    ASSERT_TRUE(districts.ok()) << districts.error();
    auto image = builder.finish("test", 0);
    ASSERT_TRUE(image.ok()) << image.error();
    image_ = std::make_shared<std::vector<uint64_t>>(std::move(*image));
    auto g = Gazetteer::from_image(
        image_,
        std::string_view(reinterpret_cast<const char*>(image_->data()), image_->size() * 8));
    ASSERT_TRUE(g.ok()) << g.error();
    gazetteer_ = std::make_shared<const Gazetteer>(std::move(*g));
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) { return (dir_ / name).string(); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::string admin1_at(double lat, double lon) {
    AdminAreas at = gazetteer_->locate(lat, lon);
    return at.admin1 == kNoFeature ? "-" : std::string(gazetteer_->name(at.admin1));
  }
  std::string admin2_at(double lat, double lon) {
    AdminAreas at = gazetteer_->locate(lat, lon);
    return at.admin2 == kNoFeature ? "-" : std::string(gazetteer_->name(at.admin2));
  }

  fs::path dir_;
  std::shared_ptr<std::vector<uint64_t>> image_;
  std::shared_ptr<const Gazetteer> gazetteer_;
};

TEST_F(AdminAreasTest, PointsInsideOutsideAndInHoles) {
  EXPECT_EQ(admin1_at(1.5, 1.5), "Westland");
  EXPECT_EQ(admin1_at(0.75, 1.5), "-");  // in the hole
  EXPECT_EQ(admin1_at(1, 3), "Eastland");
  EXPECT_EQ(admin1_at(3, 3), "-");   // north of everything
  EXPECT_EQ(admin1_at(-1, 1), "-");  // outside the grid
}

TEST_F(AdminAreasTest, EveryPartOfAMultipolygonCounts) {
  EXPECT_EQ(admin1_at(0.5, 5.5), "Eastland");  // the island
  EXPECT_EQ(admin1_at(0.5, 4.5), "-");         // the sea between
}

TEST_F(AdminAreasTest, APointOnASharedBorderLiesInExactlyOneArea) {
  for (double lat : {0.25, 1.0, 1.75}) {
    AdminAreas at = gazetteer_->locate(lat, 2.0);
    ASSERT_NE(at.admin1, kNoFeature) << lat;
    int holders = gazetteer_->contains(at.admin1, lat, 2.0) ? 1 : 0;
    for (uint32_t f = 0; f < gazetteer_->size(); ++f) {
      if (f != at.admin1 && gazetteer_->feature(f).kind == FeatureKind::admin1) {
        holders += gazetteer_->contains(f, lat, 2.0);
      }
    }
    EXPECT_EQ(holders, 1) << lat;
  }
}

TEST_F(AdminAreasTest, DistrictsCarryTheirProvince) {
  EXPECT_EQ(admin2_at(1.5, 0.25), "Alpha");
  EXPECT_EQ(admin1_at(1.5, 0.25), "Westland");
  EXPECT_EQ(admin2_at(1.5, 1.5), "-");
}

TEST_F(AdminAreasTest, MissingAdminAreasAreFilledAndMarkedAsDerived) {
  AdminAssigner assigner(gazetteer_);
  model::Event e;
  e.latitude = 1.5;
  e.longitude = 0.25;
  assigner.assign(e);
  EXPECT_EQ(e.country, "XX");
  EXPECT_EQ(e.admin1, "Westland");
  EXPECT_EQ(e.admin2, "Alpha");
  EXPECT_EQ(e.admin_filled, "country,admin1,admin2");
  EXPECT_EQ(e.geo_check, "");
  EXPECT_EQ(assigner.counts().filled, 1);
}

TEST_F(AdminAreasTest, AStatedProvinceInAnySpellingIsKept) {
  AdminAssigner assigner(gazetteer_);
  model::Event e;
  e.country = "XX";
  e.admin1 = "West Land";
  e.latitude = 1.5;
  e.longitude = 0.25;
  assigner.assign(e);
  EXPECT_EQ(e.admin1, "West Land");
  EXPECT_EQ(e.admin2, "Alpha");
  EXPECT_EQ(e.geo_check, "");
}

TEST_F(AdminAreasTest, AStatedProvinceTheCoordinatesContradictIsFlaggedNotChanged) {
  AdminAssigner assigner(gazetteer_);
  model::Event e;
  e.country = "XX";
  e.admin1 = "Eastland";
  e.latitude = 1.5;
  e.longitude = 0.25;
  assigner.assign(e);
  EXPECT_EQ(e.admin1, "Eastland");
  EXPECT_EQ(e.admin2, "");  // no district from a province the source does not agree with
  EXPECT_NE(e.geo_check.find("lie in Westland"), std::string::npos) << e.geo_check;
  EXPECT_EQ(assigner.counts().flagged, 1);
}

TEST_F(AdminAreasTest, AStatedNameInAScriptWithoutSkeletonIsJudgedOnItsOwnLetters) {
  AdminAssigner assigner(gazetteer_);
  model::Event e;
  e.country = "XX";
  e.admin1 = "東地";  // not a name of Westland: must not pass on an empty skeleton
  e.latitude = 1.5;
  e.longitude = 0.25;
  assigner.assign(e);
  EXPECT_NE(e.geo_check.find("lie in Westland"), std::string::npos) << e.geo_check;
}

TEST_F(AdminAreasTest, NullIslandAndOutOfRangeCoordinatesAreFlaggedNotPlaced) {
  AdminAssigner assigner(gazetteer_);
  model::Event zero;
  zero.latitude = 0.0;
  zero.longitude = 0.0;
  assigner.assign(zero);
  EXPECT_EQ(zero.admin1, "");
  EXPECT_NE(zero.geo_check.find("0,0"), std::string::npos);
  model::Event wild;
  wild.latitude = 95.0;
  wild.longitude = 10.0;
  assigner.assign(wild);
  EXPECT_EQ(wild.admin1, "");
  EXPECT_NE(wild.geo_check.find("out of range"), std::string::npos);
}

TEST_F(AdminAreasTest, ANamesTableGivesAnAreaMoreNames) {
  write("names.tsv", "code\tname\tlanguage\nXX.02\tOstland\tde\nXX.02\tايستلند\tps\n");
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.add_admin_names(path("admin1.tsv"), 1).ok());
  ASSERT_TRUE(builder.add_polygons(path("admin1.geojson")).ok());
  auto names = builder.add_names(path("names.tsv"));
  ASSERT_TRUE(names.ok()) << names.error();
  EXPECT_EQ(*names, 2u);
  auto image = builder.finish("test", 0);
  ASSERT_TRUE(image.ok()) << image.error();
  auto owner = std::make_shared<std::vector<uint64_t>>(std::move(*image));
  auto g = Gazetteer::from_image(
      owner, std::string_view(reinterpret_cast<const char*>(owner->data()), owner->size() * 8));
  ASSERT_TRUE(g.ok()) << g.error();
  Geocoder geocoder(std::make_shared<const Gazetteer>(std::move(*g)));
  for (const char* name : {"Ostland", "ايستلند", "Eastland"}) {
    Resolution r = geocoder.resolve(name);
    ASSERT_TRUE(r.found) << name << ": " << r.problem;
    EXPECT_EQ(geocoder.gazetteer().name(r.best.feature), "Eastland") << name;
  }
}

TEST_F(AdminAreasTest, ANamesTableRowForAnUnknownCodeIsAnErrorNamingFileAndLine) {
  write("names.tsv", "code\tname\nXX.02\tOstland\nXX.09\tNowhere\n");
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.add_admin_names(path("admin1.tsv"), 1).ok());
  ASSERT_TRUE(builder.add_polygons(path("admin1.geojson")).ok());
  ASSERT_TRUE(builder.add_names(path("names.tsv")).ok());
  auto image = builder.finish("test", 0);
  ASSERT_FALSE(image.ok());
  EXPECT_NE(image.error().find("names.tsv:3"), std::string::npos) << image.error();
  EXPECT_NE(image.error().find("XX.09"), std::string::npos) << image.error();

  write("bad.tsv", "code\tname\nEastland\tOstland\n");
  auto bad = GazetteerBuilder().add_names(path("bad.tsv"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().find("bad.tsv:2"), std::string::npos) << bad.error();
}

TEST_F(AdminAreasTest, ABrokenPolygonLayerIsAnErrorNamingTheFeature) {
  write("bad.geojson", R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Nowhere", "country": "XX"},
     "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[0,0]]]}}]})");
  GazetteerBuilder builder;
  auto added = builder.add_polygons(path("bad.geojson"));
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.error().find("feature 1 (Nowhere)"), std::string::npos) << added.error();
  EXPECT_NE(added.error().find("fewer than 4 vertices"), std::string::npos) << added.error();
}

// A file can pass its checksums and still lie (written by something else, or edited and
// re-summed): every offset and id in it is checked before a reader follows one.
TEST_F(AdminAreasTest, AFileWithValidChecksumsButBadOffsetsIsRefused) {
  std::string bytes(reinterpret_cast<const char*>(image_->data()), image_->size() * 8);
  auto file = io::parse_section_file(bytes, gazetteer_file_kind());
  ASSERT_TRUE(file.ok());
  auto resummed = [&](const std::string& section, size_t offset, uint32_t value) {
    io::SectionFileBuilder builder;
    for (const auto& [name, s] : file->sections) {
      std::string copy(s.bytes);
      if (name == section) std::memcpy(copy.data() + offset, &value, sizeof value);
      builder.add(name, copy.data(), copy.size(), s.width, s.base);
    }
    auto image =
        std::make_shared<std::vector<uint64_t>>(builder.finish(gazetteer_file_kind(), file->stamp));
    return Gazetteer::from_image(
        image, std::string_view(reinterpret_cast<const char*>(image->data()), image->size() * 8));
  };
  auto bad_admin1 = resummed("feature", offsetof(Feature, admin1), 0x7fffffff);
  ASSERT_FALSE(bad_admin1.ok());
  EXPECT_NE(bad_admin1.error().find("refers outside"), std::string::npos) << bad_admin1.error();
  auto bad_name = resummed("feature", offsetof(Feature, name), 0xffffffff);
  EXPECT_FALSE(bad_name.ok());
  auto bad_grid = resummed("grid.area", 0, 0x7fffffff);
  EXPECT_FALSE(bad_grid.ok());
  auto bad_ring = resummed("ring", offsetof(Ring, end), 0x3fffffff);
  EXPECT_FALSE(bad_ring.ok());
  auto intact = resummed("feature", offsetof(Feature, admin1), gazetteer_->feature(0).admin1);
  EXPECT_TRUE(intact.ok()) << intact.error();
}

TEST_F(AdminAreasTest, TheImageIsCheckedBeforeUse) {
  std::string bytes(reinterpret_cast<const char*>(image_->data()), image_->size() * 8);
  auto file = io::parse_section_file(bytes, gazetteer_file_kind());
  ASSERT_TRUE(file.ok());
  auto vertices = file->section("vertex");
  ASSERT_TRUE(vertices.ok());
  bytes[static_cast<size_t>(vertices->bytes.data() - bytes.data()) + 3] ^= 0x40;
  auto corrupt = Gazetteer::from_image(nullptr, bytes);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.error().find("checksum"), std::string::npos) << corrupt.error();
}

}  // namespace
}  // namespace sitrep::geo
