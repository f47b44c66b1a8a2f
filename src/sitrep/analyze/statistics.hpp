// The statistics behind the findings, each checked against hand-computed values
// (tests/analyze/statistics_test.cpp).
//
// They are small and closed-form, so sitrep computes them itself rather than pulling in a
// statistics library: the regularised incomplete gamma and beta functions (by their series and
// continued fractions, as in Numerical Recipes §6.2 and §6.4), exact binomial tails, and on
// top of them the tests the findings need.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sitrep::analyze {

// P(a, x) = γ(a, x) / Γ(a), the regularised lower incomplete gamma function; a > 0, x >= 0.
double regularized_gamma_p(double a, double x);
// I_x(a, b), the regularised incomplete beta function; a, b > 0, 0 <= x <= 1.
double regularized_beta(double x, double a, double b);

// P(X > x) for a chi-square variable with `df` degrees of freedom.
double chi_square_survival(double x, double df);

// The binomial probability of exactly k successes in n trials of probability p.
double binomial_pmf(int64_t k, int64_t n, double p);
// P(X <= k) and P(X >= k) for X ~ Binomial(n, p).
double binomial_cdf(int64_t k, int64_t n, double p);
double binomial_upper_tail(int64_t k, int64_t n, double p);

// Two Poisson counts compared by their rates: `count` events over `exposure` days against
// `base_count` over `base_exposure`. The test is the exact conditional one (given the total,
// the window's count is binomial), two-sided by summing the outcomes no more likely than the
// observed one, as R's poisson.test does. The interval is the Clopper-Pearson interval of the
// binomial proportion turned into a rate ratio. `probability_higher` is the posterior
// probability that the window's rate exceeds the baseline's, with Jeffreys priors on both
// rates (Gamma(count + 1/2) posteriors): the number estimative language is drawn from.
struct RateComparison {
  double ratio = 0;  // (count / exposure) / (base_count / base_exposure); inf when base_count = 0
  double ratio_low = 0, ratio_high = 0;  // 95% interval
  double p_value = 1;
  double probability_higher = 0.5;
};
RateComparison compare_rates(int64_t count, double exposure, int64_t base_count,
                             double base_exposure);

// A contingency table's chi-square test of independence (rows × columns, row-major counts).
// Rows and columns whose totals are zero are dropped first. `residuals` are the adjusted
// standardised residuals (Agresti): about N(0, 1) under independence, so |r| > 3 marks a cell
// that departs from the table's pattern. Cramér's V is the effect size (0 none, 1 complete).
struct ContingencyTest {
  double chi_square = 0;
  int degrees_of_freedom = 0;
  double p_value = 1;
  double cramers_v = 0;
  std::vector<double> residuals;  // per cell of the input, 0 for dropped rows and columns
  bool valid = false;             // at least 2 × 2 after dropping empty rows and columns
};
ContingencyTest test_independence(std::span<const int64_t> counts, size_t rows, size_t columns);

// A permutation test of independence for records given as (row, column) category pairs: the
// columns are shuffled among the records `permutations` times (a fixed seed) and the chi-square
// statistic of each table compared with the observed one. Unlike the chi-square approximation
// it stays honest when many cells expect fewer than five records. Returns the p-value.
double permutation_independence_p(std::span<const int> rows, std::span<const int> columns,
                                  size_t row_count, size_t column_count, int permutations = 999,
                                  uint64_t seed = 20260531);

// The most likely single change of rate in a series of counts (weekly events): the split that
// maximises the Poisson likelihood ratio of two rates against one, with its significance by a
// permutation test (`permutations` shuffles from a fixed seed, so the answer is reproducible).
// The permutation test treats the weeks as exchangeable under no change; bursty series make it
// somewhat liberal, which is why findings ask for p < 0.01.
struct ChangePoint {
  size_t index = 0;  // the first element of the second segment; 0 when none was tested
  double rate_before = 0, rate_after = 0;
  double likelihood_ratio = 0;
  double p_value = 1;
};
ChangePoint find_change_point(std::span<const int64_t> series, int permutations = 999,
                              uint64_t seed = 20260530);

}  // namespace sitrep::analyze
