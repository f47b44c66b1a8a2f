// The geocoder on the bundled gazetteer: spellings in every script, context deciding between
// places of one name, kind words, region phrases, and names that fail alone.
#include "sitrep/geo/geocoder.hpp"
#include "sitrep/geo/name_key.hpp"

#include <array>
#include <map>
#include <tuple>

#include <gtest/gtest.h>

#include "bundled_gazetteer.hpp"

namespace sitrep::geo {
namespace {

PlaceContext admin(const std::string& name) {
  PlaceContext c;
  c.admin_names = {name};
  return c;
}
PlaceContext country(const std::string& iso2) {
  PlaceContext c;
  c.country = iso2;
  return c;
}

class GeocoderTest : public ::testing::Test {
 protected:
  Geocoder geocoder{testing::bundled_gazetteer(), true};
  const Gazetteer& g = geocoder.gazetteer();

  uint32_t geonameid(const Resolution& r) {
    return r.found ? g.feature(r.best.feature).geonameid : 0;
  }
  std::string admin1_code(const Resolution& r) {
    return r.admin1 == kNoFeature ? "" : std::string(g.code(r.admin1));
  }
};

TEST_F(GeocoderTest, EverySpellingOfMazarISharifFindsIt) {
  for (const char* s : {"Mazar-i-Sharif", "Mazar-e Sharif", "Mazār-e Sharīf", "Mazari Sharif",
                        "مزار شریف", "Мазари-Шариф"}) {
    Resolution r = geocoder.resolve(s);
    EXPECT_EQ(geonameid(r), 1133616u) << s << ": " << r.problem;
    EXPECT_EQ(admin1_code(r), "AF.30") << s;  // Balkh
  }
}

TEST_F(GeocoderTest, ACityIsInTheProvinceGeoNamesAndTheProvincePolygonAgreeOn) {
  // geoBoundaries' Rudaki district (Republican Subordination) reaches over Dushanbe's point;
  // Natural Earth's Dushanbe and GeoNames' code say Dushanbe: the district is the one in doubt
  Resolution r = geocoder.resolve("Dushanbe");
  ASSERT_TRUE(r.found) << r.problem;
  EXPECT_EQ(admin1_code(r), "TJ.04");
  EXPECT_EQ(r.admin2, kNoFeature);
}

TEST_F(GeocoderTest, AnAnswerThatSaysOnlyTheProvinceStandsAtItsSeat) {
  // ACLED's rule for an event known only by its province: the provincial capital. Helmand's
  // label point is in the desert, about 80 km south-west of Lashkar Gah.
  Resolution helmand = geocoder.resolve("Helmand province");
  ASSERT_TRUE(helmand.found) << helmand.problem;
  EXPECT_EQ(helmand.precision, Precision::admin1);
  Resolution lashkar_gah = geocoder.resolve("Lashkar Gah");
  EXPECT_NEAR(helmand.latitude, lashkar_gah.latitude, 1e-6);
  EXPECT_NEAR(helmand.longitude, lashkar_gah.longitude, 1e-6);
  // The town of Herat said as its province: its province, no district, at the same point.
  Resolution herat = geocoder.resolve("Herat");
  ASSERT_EQ(herat.precision, Precision::point);
  Resolution province = geocoder.as_province(herat);
  EXPECT_EQ(province.precision, Precision::admin1);
  EXPECT_EQ(province.best.feature, herat.admin1);
  EXPECT_EQ(province.admin2, kNoFeature);
  EXPECT_NEAR(province.latitude, herat.latitude, 1e-6);
}

TEST_F(GeocoderTest, AProvinceTheReportNamesWithItsKindWordPicksItsOwnDistrict) {
  // Two districts are called Arghandab (Kandahar, Zabul); the report's "Kandahar province"
  // stands at Kandahar city, 17 km from Kandahar's Arghandab
  std::vector<Resolution> r = geocoder.resolve_report({"Arghandab district", "Kandahar province"});
  ASSERT_TRUE(r[0].found) << r[0].problem;
  EXPECT_EQ(g.name(r[0].admin1), "Kandahar");
  r = geocoder.resolve_report({"Arghandab district", "Zabul province"});
  ASSERT_TRUE(r[0].found) << r[0].problem;
  EXPECT_EQ(g.name(r[0].admin1), "Zabul");
}

TEST_F(GeocoderTest, EverySpellingOfTermezFindsTirmiz) {
  for (const char* s : {"Termez", "Termiz", "Tirmiz", "Термез", "ترمذ"}) {
    EXPECT_EQ(geonameid(geocoder.resolve(s)), 1215957u) << s;
  }
}

TEST_F(GeocoderTest, FaizabadIsDecidedByTheProvinceOrCountryNamedNearby) {
  EXPECT_EQ(geonameid(geocoder.resolve("Faizabad", admin("Badakhshan"))), 1142170u);
  EXPECT_EQ(geonameid(geocoder.resolve("Faizabad", admin("Faryab"))), 1142172u);
  EXPECT_EQ(geonameid(geocoder.resolve("Faizabad", country("TJ"))), 1221774u);
  Resolution jowzjan = geocoder.resolve("Faizabad", admin("Jowzjan"));
  EXPECT_EQ(admin1_code(jowzjan), "AF.31");
  // Without context: the provincial capital, with the others as runners-up and less certainty.
  Resolution bare = geocoder.resolve("Faizabad");
  EXPECT_EQ(geonameid(bare), 1142170u);
  EXPECT_GE(bare.runners_up.size(), 3u);
  EXPECT_LT(bare.confidence, 0.6);
}

TEST_F(GeocoderTest, TheReportsOtherPlacesDecideByDistance) {
  auto report = geocoder.resolve_report({"Faizabad", "Maymana"});
  EXPECT_EQ(geonameid(report[0]), 1142172u);  // Faryab's, 30 km from Maymana
}

TEST_F(GeocoderTest, KindWordsAndContextAfterACommaAreRead) {
  Resolution district = geocoder.resolve("Khwaja Ghar District, Takhar Province");
  ASSERT_TRUE(district.found) << district.problem;
  EXPECT_EQ(g.feature(district.best.feature).kind, FeatureKind::admin2);
  EXPECT_EQ(district.precision, Precision::admin2);
  EXPECT_EQ(admin1_code(district), "AF.26");  // Takhar
  Resolution province = geocoder.resolve("Kunduz province");
  EXPECT_EQ(g.feature(province.best.feature).kind, FeatureKind::admin1);
  Resolution city = geocoder.resolve("Kunduz");
  EXPECT_EQ(g.feature(city.best.feature).kind, FeatureKind::place);
}

TEST_F(GeocoderTest, KindWordsInDariTajikAndRussianAreRead) {
  Resolution district = geocoder.resolve("ولسوالی خوگیانی");  // "Khogyani district"
  ASSERT_TRUE(district.found) << district.problem;
  EXPECT_EQ(g.feature(district.best.feature).kind, FeatureKind::admin2);
  EXPECT_EQ(admin1_code(district), "AF.18");            // Nangarhar
  Resolution province = geocoder.resolve("ولایت بلخ");  // "Balkh province"
  EXPECT_EQ(g.feature(province.best.feature).kind, FeatureKind::admin1);
  EXPECT_EQ(std::string(g.code(province.best.feature)), "AF.30");
  Resolution tajik = geocoder.resolve("Nohiyai Rasht");
  EXPECT_EQ(g.feature(tajik.best.feature).kind, FeatureKind::admin2);
  Resolution russian = geocoder.resolve("Балх область");
  EXPECT_EQ(g.feature(russian.best.feature).kind, FeatureKind::admin1);
}

TEST_F(GeocoderTest, PashtoPutsItsKindWordsAfterTheNameAndNamesPakistaniDistricts) {
  // Dari "ولسوالی خوگیانی", Pashto "د خوګیاڼي ولسوالۍ": the same word on the other side.
  Resolution district = geocoder.resolve("د خوګیاڼي ولسوالۍ");
  ASSERT_TRUE(district.found) << district.problem;
  EXPECT_EQ(g.feature(district.best.feature).kind, FeatureKind::admin2);
  EXPECT_EQ(admin1_code(district), "AF.18");  // Nangarhar
  Resolution province = geocoder.resolve("د بلخ ولایت");
  ASSERT_TRUE(province.found) << province.problem;
  EXPECT_EQ(std::string(g.code(province.best.feature)), "AF.30");
  // names.tsv: Bannu in Pashto with Pashto's word for a Pakistani district, and in Urdu with
  // Urdu's before it; Khyber Pakhtunkhwa in Pashto letters.
  for (const char* bannu : {"د بنو ضلعې", "ضلع بنوں"}) {
    Resolution r = geocoder.resolve(bannu);
    ASSERT_TRUE(r.found) << bannu << ": " << r.problem;
    EXPECT_EQ(std::string(g.code(r.best.feature)), "PK.03.1183459") << bannu;
  }
  Resolution kp = geocoder.resolve("خیبر پښتونخوا");
  ASSERT_TRUE(kp.found) << kp.problem;
  EXPECT_EQ(std::string(g.code(kp.best.feature)), "PK.03");
}

TEST_F(GeocoderTest, AVillageNamedDistrictOfXDoesNotHideTheDistrictTheContextNames) {
  // GeoNames has a village in Wardak whose Dari name is "ولسوالی بهسود" (district of Behsud);
  // Nangarhar has a district Bihsud.
  Resolution r = geocoder.resolve("ولسوالی بهسود, ولایت ننگرهار");
  ASSERT_TRUE(r.found) << r.problem;
  EXPECT_EQ(g.feature(r.best.feature).kind, FeatureKind::admin2);
  EXPECT_EQ(admin1_code(r), "AF.18");  // Nangarhar
}

TEST_F(GeocoderTest, OnlyOneKindWordComesOffEachEnd) {
  // "Shahr" is a kind word (city), but here it is part of the town's name.
  Resolution r = geocoder.resolve("Maydan Shahr town");
  ASSERT_TRUE(r.found) << r.problem;
  EXPECT_EQ(admin1_code(r), "AF.27");  // Wardak
}

TEST_F(GeocoderTest, AreasAnswerToTheirNamesWithoutTheKindWord) {
  for (const char* s : {"North Waziristan", "Kurram Agency", "Shughnon", "Khyber district"}) {
    Resolution r = geocoder.resolve(s);
    ASSERT_TRUE(r.found) << s << ": " << r.problem;
    EXPECT_EQ(g.feature(r.best.feature).kind, FeatureKind::admin2) << s;
  }
}

TEST_F(GeocoderTest, AreasLoseOnlyDistrictAndProvinceWordsFromTheirNames) {
  // "Maydan Shahr" is a district's name: "Maidan" alone is not; nor is "Northern" a name of
  // Gilgit-Baltistan (once "Northern Areas").
  for (const NameMatch& m : g.find_folded(folded_key("Maidan"))) {
    EXPECT_NE(g.feature(m.feature).kind, FeatureKind::admin2) << g.name(m.feature);
  }
  EXPECT_TRUE(g.find_folded(folded_key("Northern")).empty());
}

TEST_F(GeocoderTest, TheProvinceNamedSaysTheCountryToo) {
  Resolution r = geocoder.resolve("Chak district area, Wardak");
  EXPECT_FALSE(r.found) << g.name(r.best.feature);  // Chak in Sindh is not in Wardak's country
}

TEST_F(GeocoderTest, ADistrictWithNeitherShapeNorPlacesSaysOnlyItsProvince) {
  Resolution r = geocoder.resolve("Bajaur Agency");
  ASSERT_TRUE(r.found) << r.problem;
  EXPECT_EQ(r.precision, Precision::admin1);
  EXPECT_NE(r.latitude, 0.0);  // its province's point, never 0,0
}

// Dushanbe is a province of its own inside the polygon of Rudaki district: a point in the city
// is in Dushanbe, and in no district of another province.
TEST_F(GeocoderTest, ACityProvinceKeepsItsPointsFromTheDistrictAroundIt) {
  AdminAreas at = g.locate(38.5598, 68.7870);
  ASSERT_NE(at.admin1, kNoFeature);
  EXPECT_EQ(std::string(g.code(at.admin1)), "TJ.04");
  EXPECT_EQ(at.admin2, kNoFeature);
}

// Edges two districts share (the same two vertices, run in opposite directions): a point on
// one lies in exactly one of the two districts, whichever way each polygon runs the edge.
TEST_F(GeocoderTest, PointsOnSharedDistrictEdgesLieInExactlyOneOfThem) {
  auto vertices = g.vertices();
  std::map<std::array<double, 4>, std::vector<uint32_t>> edges;  // undirected edge → districts
  for (uint32_t f = 0; f < g.size(); ++f) {
    if (g.feature(f).kind != FeatureKind::admin2 || g.feature(f).country_code() != "AF") continue;
    for (const Ring& r : g.rings(f)) {
      for (uint32_t v = r.begin; v + 1 < r.end; ++v) {
        const Vertex &a = vertices[v], &b = vertices[v + 1];
        bool forward = std::tie(a.lon, a.lat) < std::tie(b.lon, b.lat);
        const Vertex &p = forward ? a : b, &q = forward ? b : a;
        edges[{p.lon, p.lat, q.lon, q.lat}].push_back(f);
      }
    }
  }
  size_t tested = 0, wrong = 0;
  for (const auto& [e, districts] : edges) {
    if (districts.size() != 2 || e[1] == e[3]) continue;
    for (double t : {0.13, 0.5, 0.71}) {
      double lon = e[0] + (e[2] - e[0]) * t, lat = e[1] + (e[3] - e[1]) * t;
      int holders = g.contains(districts[0], lat, lon) + g.contains(districts[1], lat, lon);
      ++tested;
      wrong += holders != 1;
    }
  }
  EXPECT_GT(tested, 10000u);
  EXPECT_EQ(wrong, 0u) << "of " << tested;
}

TEST_F(GeocoderTest, RegionAndBorderPhrasesResolveToAreasNotPoints) {
  Resolution north = geocoder.resolve("northern Afghanistan");
  ASSERT_TRUE(north.found);
  EXPECT_EQ(north.precision, Precision::region);
  EXPECT_GE(g.members(north.best.feature).size(), 4u);
  Resolution border = geocoder.resolve("the Afghan-Uzbek border");
  ASSERT_TRUE(border.found) << border.problem;
  EXPECT_EQ(border.precision, Precision::border);
  Resolution badakhshan = geocoder.resolve("Badakhshan border");
  ASSERT_TRUE(badakhshan.found);
  EXPECT_EQ(badakhshan.precision, Precision::border);
  EXPECT_EQ(std::string(g.code(badakhshan.best.feature)), "AF.01");
}

TEST_F(GeocoderTest, AMisspellingWithinAnEditResolvesWhenUnambiguous) {
  EXPECT_EQ(geonameid(geocoder.resolve("Jalalbad")), 1139715u);
  EXPECT_EQ(geonameid(geocoder.resolve("Kandahr")), geonameid(geocoder.resolve("Kandahar")));
  Resolution r = geocoder.resolve("Jalalbad");
  EXPECT_NE(r.best.match, MatchKind::folded);  // found by its consonants, not its name
  EXPECT_LT(r.confidence, 0.9);                // and less certain than a name
}

TEST_F(GeocoderTest, UnknownNamesFailAloneAndSayWhy) {
  auto report = geocoder.resolve_report({"Kabul", "Xqzzyville", "Herat"});
  EXPECT_TRUE(report[0].found);
  EXPECT_FALSE(report[1].found);
  EXPECT_NE(report[1].problem.find("not in the gazetteer"), std::string::npos);
  EXPECT_TRUE(report[2].found);
}

TEST_F(GeocoderTest, APlaceOutsideTheReportsCountryIsNotAnAnswer) {
  Resolution r = geocoder.resolve("Tirmiz", country("AF"));
  EXPECT_FALSE(r.found);
  EXPECT_NE(r.problem.find("UZ"), std::string::npos) << r.problem;
}

TEST_F(GeocoderTest, ATownFarAbroadFromEveryOtherPlaceOfTheReportIsAnotherOne) {
  // Sarband is a quarter of Peshawar as well as a district of Tajikistan, which the gazetteer
  // alone holds; beside Peshawar it is not the Tajik one. Beside Kulob it is; and a country's
  // name ("Afghanistan") is no fix to measure from.
  auto peshawar = geocoder.resolve_report({"Sarband", "Peshawar"});
  EXPECT_FALSE(peshawar[0].found);
  EXPECT_NE(peshawar[0].problem.find("400 km"), std::string::npos) << peshawar[0].problem;
  auto kulob = geocoder.resolve_report({"Sarband", "Kulob"});
  EXPECT_TRUE(kulob[0].found);
  auto country = geocoder.resolve_report({"Sarband", "Afghanistan"});
  EXPECT_TRUE(country[0].found);
}

TEST_F(GeocoderTest, ScoresKeepTheirReasons) {
  Resolution r = geocoder.resolve("Faizabad", admin("Faryab"));
  bool named_the_province = false;
  for (const std::string& why : r.best.reasons) {
    named_the_province = named_the_province || why.find("in Faryab") != std::string::npos;
  }
  EXPECT_TRUE(named_the_province);
}

}  // namespace
}  // namespace sitrep::geo
