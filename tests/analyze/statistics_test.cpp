#include "sitrep/analyze/statistics.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace sitrep::analyze {
namespace {

TEST(Statistics, ChiSquareSurvivalMatchesTabulatedCriticalValues) {
  EXPECT_NEAR(chi_square_survival(3.841458820694124, 1), 0.05, 1e-9);
  EXPECT_NEAR(chi_square_survival(9.487729036781154, 4), 0.05, 1e-9);
  EXPECT_NEAR(chi_square_survival(6.634896601021214, 1), 0.01, 1e-9);
  // With two degrees of freedom the survival is exp(-x/2).
  EXPECT_NEAR(chi_square_survival(4, 2), std::exp(-2.0), 1e-12);
  EXPECT_NEAR(chi_square_survival(40, 2), std::exp(-20.0), 1e-18);
  EXPECT_DOUBLE_EQ(chi_square_survival(0, 3), 1.0);
}

TEST(Statistics, IncompleteGammaAndBetaMatchClosedForms) {
  for (double x : {0.1, 0.9, 2.0, 7.5}) {
    EXPECT_NEAR(regularized_gamma_p(1, x), 1 - std::exp(-x), 1e-12) << x;
  }
  EXPECT_NEAR(regularized_beta(0.3, 1, 1), 0.3, 1e-12);
  EXPECT_NEAR(regularized_beta(0.3, 2, 2), 3 * 0.09 - 2 * 0.027, 1e-12);
  // I_x(1/2, 1/2) = (2/pi) asin(sqrt x).
  EXPECT_NEAR(regularized_beta(0.25, 0.5, 0.5), 2 / std::numbers::pi * std::asin(0.5), 1e-10);
}

TEST(Statistics, BinomialTailsCountOutcomesExactly) {
  EXPECT_NEAR(binomial_pmf(2, 5, 0.5), 10.0 / 32, 1e-12);
  EXPECT_NEAR(binomial_cdf(2, 5, 0.5), 16.0 / 32, 1e-12);
  EXPECT_NEAR(binomial_upper_tail(4, 5, 0.5), 6.0 / 32, 1e-12);
  EXPECT_DOUBLE_EQ(binomial_cdf(5, 5, 0.3), 1.0);
  EXPECT_DOUBLE_EQ(binomial_upper_tail(0, 5, 0.3), 1.0);
}

TEST(Statistics, RateComparisonIsTheExactConditionalBinomialTest) {
  // 10 events against 2 over equal exposure: binom.test(10, 12) gives 2 * 79 / 4096.
  RateComparison r = compare_rates(10, 30, 2, 30);
  EXPECT_DOUBLE_EQ(r.ratio, 5.0);
  EXPECT_NEAR(r.p_value, 158.0 / 4096, 1e-12);
  EXPECT_LT(r.ratio_low, 5.0);
  EXPECT_GT(r.ratio_high, 5.0);
  EXPECT_GT(r.probability_higher, 0.95);
  // Baseline exposure twice as long: rates scale.
  EXPECT_DOUBLE_EQ(compare_rates(4, 10, 4, 20).ratio, 2.0);
}

TEST(Statistics, RateIntervalAtTheEdgesIsClopperPearson) {
  // All ten events in the window: the proportion's lower bound is 0.025^(1/10).
  RateComparison r = compare_rates(10, 1, 0, 1);
  double pi = std::pow(0.025, 0.1);
  EXPECT_NEAR(r.ratio_low, pi / (1 - pi), 1e-6);
  EXPECT_TRUE(std::isinf(r.ratio));
  EXPECT_TRUE(std::isinf(r.ratio_high));
  // None in the window: the upper bound of the proportion is 1 - 0.025^(1/10).
  RateComparison none = compare_rates(0, 1, 10, 1);
  double upper = 1 - std::pow(0.025, 0.1);
  EXPECT_NEAR(none.ratio_high, upper / (1 - upper), 1e-6);
  EXPECT_DOUBLE_EQ(none.ratio_low, 0.0);
}

TEST(Statistics, ProbabilityHigherIsTheJeffreysPosterior) {
  // Equal counts over equal exposure: even odds.
  EXPECT_NEAR(compare_rates(7, 30, 7, 30).probability_higher, 0.5, 1e-12);
  // No events anywhere, window a quarter of the time: P = 1 - I_{1/4}(1/2, 1/2) = 2/3.
  EXPECT_NEAR(compare_rates(0, 1, 0, 3).probability_higher, 2.0 / 3, 1e-10);
}

TEST(Statistics, ContingencyTestGivesChiSquareCramersVAndAdjustedResiduals) {
  std::vector<int64_t> table = {10, 20, 30, 40};
  ContingencyTest t = test_independence(table, 2, 2);
  ASSERT_TRUE(t.valid);
  EXPECT_NEAR(t.chi_square, 4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42, 1e-12);
  EXPECT_EQ(t.degrees_of_freedom, 1);
  EXPECT_NEAR(t.cramers_v, std::sqrt(t.chi_square / 100), 1e-12);
  EXPECT_NEAR(t.residuals[0], -2 / std::sqrt(12 * 0.7 * 0.6), 1e-12);
  EXPECT_NEAR(t.p_value, chi_square_survival(t.chi_square, 1), 1e-15);
}

TEST(Statistics, ContingencyTestDropsEmptyRowsAndNeedsTwoByTwo) {
  std::vector<int64_t> with_empty_row = {10, 20, 0, 0, 30, 40};
  ContingencyTest t = test_independence(with_empty_row, 3, 2);
  ASSERT_TRUE(t.valid);
  EXPECT_EQ(t.degrees_of_freedom, 1);
  EXPECT_DOUBLE_EQ(t.residuals[2], 0.0);
  std::vector<int64_t> one_column = {5, 0, 7, 0};
  EXPECT_FALSE(test_independence(one_column, 2, 2).valid);
}

TEST(Statistics, ChangePointFindsAStepAndIgnoresAFlatSeries) {
  std::vector<int64_t> step(40, 1);
  for (size_t i = 20; i < 40; ++i) step[i] = 8;
  ChangePoint c = find_change_point(step);
  EXPECT_EQ(c.index, 20u);
  EXPECT_DOUBLE_EQ(c.rate_before, 1.0);
  EXPECT_DOUBLE_EQ(c.rate_after, 8.0);
  EXPECT_NEAR(c.p_value, 0.001, 1e-12);

  std::vector<int64_t> flat(30, 3);
  EXPECT_EQ(find_change_point(flat).index, 0u);
  EXPECT_DOUBLE_EQ(find_change_point(flat).p_value, 1.0);
}

TEST(Statistics, ChangePointPermutationTestIsReproducible) {
  std::vector<int64_t> noisy = {2, 0, 3, 1, 4, 2, 0, 1, 5, 2, 3, 1, 0, 2, 4, 1};
  ChangePoint a = find_change_point(noisy), b = find_change_point(noisy);
  EXPECT_EQ(a.index, b.index);
  EXPECT_DOUBLE_EQ(a.p_value, b.p_value);
  EXPECT_GT(a.p_value, 0.05);  // noise around one rate is no change
}

}  // namespace
}  // namespace sitrep::analyze
