// Every spelling in tests/fixtures/country_spellings.tsv resolves to its ISO code.
#include "sitrep/model/country_table.hpp"

#include <gtest/gtest.h>

#include "../support/test_support.hpp"
#include "sitrep/model/tsv_table.hpp"

namespace sitrep::model {
namespace {

TEST(CountryTable, ResolvesEachDatasetsSpellings) {
  auto table = read_tsv(testing::fixture("country_spellings.tsv"), {"source", "spelling", "iso2"});
  ASSERT_TRUE(table.ok()) << table.error();
  ASSERT_GT(table->rows.size(), 20u);
  const CountryTable& countries = testing::bundled_vocabulary().countries;
  for (const TsvRow& row : table->rows) {
    EXPECT_EQ(countries.resolve(row.cells[1]).value_or("(unknown)"), row.cells[2])
        << table->where(row);
  }
  EXPECT_FALSE(countries.resolve("Atlantis").has_value());
  EXPECT_EQ(countries.iso2("International"), "");  // not a code a filter can ask for
  EXPECT_EQ(countries.name("AF"), "Afghanistan");
}

}  // namespace
}  // namespace sitrep::model
