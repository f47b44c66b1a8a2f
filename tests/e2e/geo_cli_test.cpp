// The geography commands end to end: geocode, gazetteer info/import/search, eval geocode, and
// admin areas filled by import.
#include <filesystem>
#include <fstream>
#include <regex>

#include "support/run_sitrep.hpp"

namespace sitrep::e2e {
namespace {

using GeoCli = SitrepTest;

TEST_F(GeoCli, GeocodeFindsASpellingInAnotherScript) {
  Outcome r = sitrep("geocode 'Мазари-Шариф' --json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"geonameid\": 1133616"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"precision\": \"point\""), std::string::npos) << r.out;
}

TEST_F(GeoCli, NamesFromStdinFailAloneWithExitStatusOne) {
  std::ofstream(dir_ / "names.txt") << "Kabul\nXqzzyville\nHerat\n";
  Outcome r = sitrep("geocode --country AF < '" + (dir_ / "names.txt").string() + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("Kabul\tKabul"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Xqzzyville\tnot found"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Herat\tHerāt (place 1140026)"), std::string::npos) << r.out;
}

TEST_F(GeoCli, ImportGivesEveryEventOfTheSampleItsProvinceAndDistrict) {
  Outcome imported = sitrep("import '" + sample() + "'");
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_NE(imported.out.find("filled in for 3,317;"), std::string::npos) << imported.out;
  Outcome by_admin = sitrep("query --by admin2 --format csv");
  ASSERT_EQ(by_admin.code, 0) << by_admin.err;
  EXPECT_EQ(by_admin.out.find(",,"), std::string::npos) << "an event without admin1 or admin2";
  // A place and its parent as keys group by the place, its columns shown once.
  Outcome nested = sitrep("query --by admin1,admin2 --format csv");
  EXPECT_EQ(nested.out.substr(0, nested.out.find('\n')), "country,admin1,admin2,count");
  Outcome repeated = sitrep("query --by admin1,year,admin1 --format csv");
  EXPECT_EQ(repeated.out.substr(0, repeated.out.find('\n')), "country,admin1,year,count");
  Outcome stats = sitrep("stats");
  EXPECT_NE(stats.out.find("AF / Kandahar"), std::string::npos) << stats.out;
  Outcome shown = sitrep("show 1");
  EXPECT_NE(shown.out.find("admin_filled             admin1,admin2"), std::string::npos)
      << shown.out;
}

// An export re-imported is the same events: the filled places are marked, blanked on the way
// in and derived again, so nothing is revised.
TEST_F(GeoCli, AnExportedStoreReimportsUnchanged) {
  ASSERT_EQ(sitrep("import '" + sample() + "'").code, 0);
  std::string exported = (dir_ / "all.jsonl").string();
  Outcome listed = sitrep("events --format jsonl --limit 100000");
  ASSERT_EQ(listed.code, 0) << listed.err;
  std::ofstream(exported) << listed.out;
  Outcome again = sitrep("import '" + exported + "'");
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.out.find("0 new, 0 revised, 3,317 unchanged"), std::string::npos) << again.out;
  // Into a fresh store without filling: the exported places stay, still marked as derived.
  std::filesystem::remove(db_);
  std::filesystem::remove(db_ + "-index");
  ASSERT_EQ(sitrep("import --no-admin-fill '" + exported + "'").code, 0);
  Outcome shown = sitrep("show 1");
  EXPECT_NE(shown.out.find("admin_filled             admin1,admin2"), std::string::npos)
      << shown.out;
  EXPECT_EQ(sitrep("query --by admin1 --format csv").out.find(",,"), std::string::npos);
}

TEST_F(GeoCli, ACountryMayBeNamedAnyWayTheTableKnows) {
  EXPECT_EQ(sitrep("geocode Kabul --country afghanistan").code, 0);
  EXPECT_EQ(sitrep("geocode Kabul --country AFG").code, 0);
  Outcome unknown = sitrep("geocode Kabul --country Atlantis");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("not a country"), std::string::npos) << unknown.err;
}

// A store loaded before the gazetteer (or with --no-admin-fill) gets its admin areas from
// `gazetteer apply`, in one transaction; the query index follows; a second apply finds nothing.
TEST_F(GeoCli, ApplyFillsTheEventsAlreadyInTheStore) {
  ASSERT_EQ(sitrep("import --no-admin-fill '" + sample() + "'").code, 0);
  Outcome dry = sitrep("gazetteer apply --dry-run");
  ASSERT_EQ(dry.code, 0) << dry.err;
  EXPECT_NE(dry.out.find("3,317 would change"), std::string::npos) << dry.out;
  EXPECT_NE(sitrep("query --by admin1 --format csv").out.find(",,3317"), std::string::npos);
  Outcome applied = sitrep("gazetteer apply");
  ASSERT_EQ(applied.code, 0) << applied.err;
  EXPECT_NE(applied.out.find("3,317 changed"), std::string::npos) << applied.out;
  Outcome by_admin1 = sitrep("query --by admin1 --format csv");
  EXPECT_NE(by_admin1.out.find("AF,Kandahar,399"), std::string::npos) << by_admin1.out;
  EXPECT_NE(sitrep("gazetteer apply").out.find("0 changed"), std::string::npos);
}

TEST_F(GeoCli, NoAdminFillLeavesTheSourcesPlacesAlone) {
  Outcome imported = sitrep("import --no-admin-fill '" + sample() + "'");
  ASSERT_EQ(imported.code, 0) << imported.err;
  Outcome shown = sitrep("show 1");
  EXPECT_EQ(shown.out.find("admin_filled"), std::string::npos) << shown.out;
}

TEST_F(GeoCli, GazetteerImportAddsPlacesBesideTheStore) {
  // A made-up GeoNames row (19 columns) for a village the bundled extract lacks.
  std::ofstream(dir_ / "extra.txt")
      << "99000001\tTestabad\tTestabad\tTestabad-e Bala,تست آباد\t36.5\t68.9\tP\tPPL\tAF\t\t24\t"
         "\t\t\t1200\t\t900\tAsia/Kabul\t2024-01-01\n";
  Outcome before = sitrep("geocode 'Testabad'");
  EXPECT_EQ(before.code, 1);
  Outcome imported = sitrep("gazetteer import '" + (dir_ / "extra.txt").string() + "'");
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_TRUE(std::filesystem::exists(db_ + "-gazetteer"));
  Outcome after = sitrep("geocode 'تست آباد' --json");
  ASSERT_EQ(after.code, 0) << after.err << after.out;
  EXPECT_NE(after.out.find("99000001"), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("\"admin1\": \"Kunduz\""), std::string::npos) << after.out;
  Outcome info = sitrep("gazetteer info");
  EXPECT_NE(info.out.find("store.db-gazetteer"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("1,078"), std::string::npos) << info.out;  // 1,077 bundled + 1
  // The same file anywhere else, named with --gazetteer.
  std::string elsewhere = (dir_ / "elsewhere.gaz").string();
  ASSERT_EQ(
      sitrep("gazetteer import --out '" + elsewhere + "' '" + (dir_ / "extra.txt").string() + "'")
          .code,
      0);
  std::filesystem::remove(db_ + "-gazetteer");
  EXPECT_EQ(sitrep("geocode Testabad").code, 1);
  EXPECT_EQ(sitrep("--gazetteer '" + elsewhere + "' geocode Testabad").code, 0);
}

TEST_F(GeoCli, ABadGazetteerSourceNamesItsLineAndWritesNothing) {
  std::ofstream(dir_ / "bad.txt")
      << "99000002\tBroken\tBroken\t\tnorth\t68.9\tP\tPPL\tAF\t\t24\t\t\t\t0"
         "\t\t900\tAsia/Kabul\t2024-01-01\n";
  Outcome r = sitrep("gazetteer import '" + (dir_ / "bad.txt").string() + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("bad.txt:1: column 5 (latitude)"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db_ + "-gazetteer"));
}

TEST_F(GeoCli, SearchShowsHowEachMatchWasFound) {
  Outcome r = sitrep("gazetteer search 'Faizabad'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1142170"), std::string::npos) << r.out;  // Badakhshan
  EXPECT_NE(r.out.find("1142172"), std::string::npos) << r.out;  // Faryab
  EXPECT_NE(r.out.find("(folded)"), std::string::npos) << r.out;
}

// The evaluation the issue sets targets for: of the gold names the gazetteer holds, at least 95%
// answered exactly or within 10 km and 98% in the right admin1; every hand-checked spelling
// variant and ambiguous name right.
TEST_F(GeoCli, TheGeocoderMeetsItsTargetsOnTheGoldSet) {
  Outcome r =
      sitrep("eval geocode --gold '" + std::string(SITREP_TESTS_DATA_DIR) + "/geocode-gold.tsv'");
  ASSERT_EQ(r.code, 0) << r.err;
  auto rate = [&](const std::string& kind, int column) {
    std::regex row("\\n" + kind + " +(\\d+)((?: +[-\\d.%()/]+)+)");
    std::smatch m;
    EXPECT_TRUE(std::regex_search(r.out, m, row)) << r.out;
    std::regex percent("([\\d.]+)%");
    std::string cells = m[2];
    int i = 0;
    for (std::sregex_iterator it(cells.begin(), cells.end(), percent), end; it != end; ++it) {
      if (i++ == column) return std::stod((*it)[1]);
    }
    return -1.0;
  };
  // columns with a percentage: found, found: right, exact id, within 10, within 50,
  // found: admin1 right, contained: right, contained: admin1 right
  EXPECT_GE(rate("all", 6), 95.0) << r.out;
  EXPECT_GE(rate("all", 7), 98.0) << r.out;  // admin1 of the names it holds
  EXPECT_GE(rate("variant", 1), 100.0) << r.out;
  EXPECT_GE(rate("ambiguous", 1), 100.0) << r.out;
}

}  // namespace
}  // namespace sitrep::e2e
