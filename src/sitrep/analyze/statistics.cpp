#include "sitrep/analyze/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace sitrep::analyze {
namespace {

constexpr double kEpsilon = 1e-15;
constexpr double kTiny = 1e-300;
constexpr int kMaxIterations = 10000;

double clamp_tiny(double v) {
  return std::fabs(v) < kTiny ? kTiny : v;
}

// log(x^a e^-x / Γ(a)), the prefactor of both incomplete gamma expansions.
double gamma_prefactor(double a, double x) {
  return std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// P(a, x) by its power series; converges fast for x < a + 1.
double gamma_series(double a, double x) {
  double term = 1.0 / a, sum = term;
  for (int n = 1; n < kMaxIterations; ++n) {
    term *= x / (a + n);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * kEpsilon) break;
  }
  return sum * gamma_prefactor(a, x);
}

// Q(a, x) by its continued fraction (modified Lentz); converges fast for x >= a + 1.
double gamma_continued_fraction(double a, double x) {
  double b = x + 1 - a, c = 1 / kTiny, d = 1 / b, h = d;
  for (int i = 1; i < kMaxIterations; ++i) {
    double an = -i * (i - a);
    b += 2;
    d = 1 / clamp_tiny(an * d + b);
    c = clamp_tiny(b + an / c);
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return gamma_prefactor(a, x) * h;
}

double regularized_gamma_q(double a, double x) {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - gamma_series(a, x) : gamma_continued_fraction(a, x);
}

// The continued fraction of the incomplete beta function (modified Lentz).
double beta_continued_fraction(double x, double a, double b) {
  double c = 1, d = 1 / clamp_tiny(1 - (a + b) * x / (a + 1)), h = d;
  for (int m = 1; m < kMaxIterations; ++m) {
    double even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m));
    d = 1 / clamp_tiny(1 + even * d);
    c = clamp_tiny(1 + even / c);
    h *= d * c;
    double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m));
    d = 1 / clamp_tiny(1 + odd * d);
    c = clamp_tiny(1 + odd / c);
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return h;
}

// The x with I_x(a, b) = q, by bisection (I is increasing in x).
double beta_quantile(double q, double a, double b) {
  double low = 0, high = 1;
  for (int i = 0; i < 200 && high - low > 1e-15; ++i) {
    double mid = (low + high) / 2;
    (regularized_beta(mid, a, b) < q ? low : high) = mid;
  }
  return (low + high) / 2;
}

double log_binomial_pmf(int64_t k, int64_t n, double p) {
  double dk = static_cast<double>(k), dn = static_cast<double>(n);
  double log_choose = std::lgamma(dn + 1) - std::lgamma(dk + 1) - std::lgamma(dn - dk + 1);
  double log_p = k == 0 ? 0 : dk * std::log(p);
  double log_q = k == n ? 0 : (dn - dk) * std::log1p(-p);
  return log_choose + log_p + log_q;
}

// Two-sided exact binomial p-value: the probability of every outcome no more likely than k.
// The pmf is unimodal, so the outcomes on the far side of the mode that are no more likely
// than k form one tail, found by bisection.
double binomial_two_sided(int64_t k, int64_t n, double p) {
  if (p <= 0) return k == 0 ? 1 : 0;
  if (p >= 1) return k == n ? 1 : 0;
  const double bound = log_binomial_pmf(k, n, p) + std::log1p(1e-7);
  const auto mode = static_cast<int64_t>(std::floor((static_cast<double>(n) + 1) * p));
  if (k == mode || (k < mode && log_binomial_pmf(mode, n, p) <= bound)) return 1;
  double p_value = 0;
  if (k < mode) {
    // The first y >= mode with pmf(y) <= pmf(k); n + 1 when there is none.
    int64_t low = mode, high = n + 1;
    while (low < high) {
      int64_t mid = low + (high - low) / 2;
      if (log_binomial_pmf(mid, n, p) <= bound) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    p_value = binomial_cdf(k, n, p) + binomial_upper_tail(low, n, p);
  } else {
    // The last y <= mode with pmf(y) <= pmf(k); -1 when there is none.
    int64_t low = -1, high = mode;
    while (low < high) {
      int64_t mid = high - (high - low) / 2;
      if (log_binomial_pmf(mid, n, p) <= bound) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    p_value = binomial_cdf(low, n, p) + binomial_upper_tail(k, n, p);
  }
  return std::min(1.0, p_value);
}

// Largest Poisson log-likelihood ratio of a two-rate split over a one-rate fit.
double best_split(std::span<const int64_t> series, size_t& index) {
  const size_t n = series.size();
  std::vector<double> prefix(n + 1, 0);
  for (size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + static_cast<double>(series[i]);
  auto log_likelihood = [](double sum, double length) {
    return sum > 0 ? sum * std::log(sum / length) - sum : 0.0;
  };
  const double whole = log_likelihood(prefix[n], static_cast<double>(n));
  double best = 0;
  index = 0;
  for (size_t k = 2; k + 2 <= n; ++k) {
    double ratio = 2 * (log_likelihood(prefix[k], static_cast<double>(k)) +
                        log_likelihood(prefix[n] - prefix[k], static_cast<double>(n - k)) - whole);
    if (ratio > best + 1e-12) {
      best = ratio;
      index = k;
    }
  }
  return best;
}

// A uniform integer in [0, bound) without bias, by Lemire's multiply-shift with rejection (a
// division only in the rare rejection zone); the same on every platform.
uint64_t uniform_below(std::mt19937_64& rng, uint64_t bound) {
  __uint128_t product = static_cast<__uint128_t>(rng()) * bound;
  auto low = static_cast<uint64_t>(product);
  if (low < bound) {
    const uint64_t threshold = (0 - bound) % bound;
    while (low < threshold) {
      product = static_cast<__uint128_t>(rng()) * bound;
      low = static_cast<uint64_t>(product);
    }
  }
  return static_cast<uint64_t>(product >> 64);
}

}  // namespace

double regularized_gamma_p(double a, double x) {
  if (x <= 0) return 0;
  return x < a + 1 ? gamma_series(a, x) : 1 - gamma_continued_fraction(a, x);
}

double regularized_beta(double x, double a, double b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                          b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * beta_continued_fraction(x, a, b) / a;
  return 1 - front * beta_continued_fraction(1 - x, b, a) / b;
}

double chi_square_survival(double x, double df) {
  if (df <= 0) return 1;
  return regularized_gamma_q(df / 2, x / 2);
}

double binomial_pmf(int64_t k, int64_t n, double p) {
  if (k < 0 || k > n) return 0;
  if (p <= 0) return k == 0 ? 1 : 0;
  if (p >= 1) return k == n ? 1 : 0;
  return std::exp(log_binomial_pmf(k, n, p));
}

double binomial_cdf(int64_t k, int64_t n, double p) {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularized_beta(1 - p, static_cast<double>(n - k), static_cast<double>(k) + 1);
}

double binomial_upper_tail(int64_t k, int64_t n, double p) {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return regularized_beta(p, static_cast<double>(k), static_cast<double>(n - k) + 1);
}

RateComparison compare_rates(int64_t count, double exposure, int64_t base_count,
                             double base_exposure) {
  RateComparison out;
  if (exposure <= 0 || base_exposure <= 0) return out;
  const double scale = base_exposure / exposure;
  out.ratio = base_count == 0
                  ? (count == 0 ? 1.0 : std::numeric_limits<double>::infinity())
                  : static_cast<double>(count) / static_cast<double>(base_count) * scale;
  const double share = exposure / (exposure + base_exposure);
  const double a = static_cast<double>(count) + 0.5, b = static_cast<double>(base_count) + 0.5;
  out.probability_higher = 1 - regularized_beta(share, a, b);
  const int64_t n = count + base_count;
  if (n == 0) {
    out.ratio_low = 0;
    out.ratio_high = std::numeric_limits<double>::infinity();
    return out;
  }
  out.p_value = binomial_two_sided(count, n, share);
  auto to_ratio = [&](double pi) {
    return pi >= 1 ? std::numeric_limits<double>::infinity() : pi / (1 - pi) * scale;
  };
  const double dc = static_cast<double>(count), dn = static_cast<double>(n);
  out.ratio_low = count == 0 ? 0 : to_ratio(beta_quantile(0.025, dc, dn - dc + 1));
  out.ratio_high = count == n ? std::numeric_limits<double>::infinity()
                              : to_ratio(beta_quantile(0.975, dc + 1, dn - dc));
  return out;
}

ContingencyTest test_independence(std::span<const int64_t> counts, size_t rows, size_t columns) {
  ContingencyTest out;
  out.residuals.assign(counts.size(), 0);
  std::vector<double> row_total(rows, 0), column_total(columns, 0);
  double total = 0;
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < columns; ++c) {
      auto v = static_cast<double>(counts[r * columns + c]);
      row_total[r] += v;
      column_total[c] += v;
      total += v;
    }
  }
  auto nonzero = [](const std::vector<double>& v) {
    return static_cast<int>(std::count_if(v.begin(), v.end(), [](double x) { return x > 0; }));
  };
  const int live_rows = nonzero(row_total), live_columns = nonzero(column_total);
  if (live_rows < 2 || live_columns < 2) return out;
  for (size_t r = 0; r < rows; ++r) {
    if (row_total[r] == 0) continue;
    for (size_t c = 0; c < columns; ++c) {
      if (column_total[c] == 0) continue;
      double expected = row_total[r] * column_total[c] / total;
      double observed = static_cast<double>(counts[r * columns + c]);
      out.chi_square += (observed - expected) * (observed - expected) / expected;
      double spread = expected * (1 - row_total[r] / total) * (1 - column_total[c] / total);
      out.residuals[r * columns + c] = spread > 0 ? (observed - expected) / std::sqrt(spread) : 0;
    }
  }
  out.degrees_of_freedom = (live_rows - 1) * (live_columns - 1);
  out.p_value = chi_square_survival(out.chi_square, out.degrees_of_freedom);
  out.cramers_v = std::sqrt(out.chi_square / (total * (std::min(live_rows, live_columns) - 1)));
  out.valid = true;
  return out;
}

double permutation_independence_p(std::span<const int> rows, std::span<const int> columns,
                                  size_t row_count, size_t column_count, int permutations,
                                  uint64_t seed) {
  // Margins do not change under permutation: only the cells are counted again each time, and
  // the statistic is sum(O^2 / E) - N over the cells with an expectation.
  std::vector<double> row_total(row_count, 0), column_total(column_count, 0);
  for (size_t i = 0; i < rows.size(); ++i) {
    ++row_total[static_cast<size_t>(rows[i])];
    ++column_total[static_cast<size_t>(columns[i])];
  }
  const auto n = static_cast<double>(rows.size());
  std::vector<double> inverse_expected(row_count * column_count, 0);
  for (size_t r = 0; r < row_count; ++r) {
    for (size_t c = 0; c < column_count; ++c) {
      const double e = row_total[r] * column_total[c] / n;
      inverse_expected[r * column_count + c] = e > 0 ? 1 / e : 0;
    }
  }
  std::vector<int64_t> table(row_count * column_count);
  auto chi_square_of = [&](std::span<const int> cols) {
    std::fill(table.begin(), table.end(), 0);
    for (size_t i = 0; i < rows.size(); ++i) {
      ++table[static_cast<size_t>(rows[i]) * column_count + static_cast<size_t>(cols[i])];
    }
    double sum = 0;
    for (size_t k = 0; k < table.size(); ++k) {
      const auto o = static_cast<double>(table[k]);
      sum += o * o * inverse_expected[k];
    }
    return sum - n;
  };
  const double observed = chi_square_of(columns);
  std::vector<int> shuffled(columns.begin(), columns.end());
  std::mt19937_64 rng(seed);
  int as_large = 0;
  for (int i = 0; i < permutations; ++i) {
    for (size_t j = shuffled.size(); j > 1; --j) {
      std::swap(shuffled[j - 1], shuffled[uniform_below(rng, j)]);
    }
    if (chi_square_of(shuffled) >= observed - 1e-9) ++as_large;
  }
  return (1.0 + as_large) / (1.0 + permutations);
}

ChangePoint find_change_point(std::span<const int64_t> series, int permutations, uint64_t seed) {
  ChangePoint out;
  if (series.size() < 4) return out;
  out.likelihood_ratio = best_split(series, out.index);
  if (out.index == 0) return out;
  auto mean = [](std::span<const int64_t> s) {
    return static_cast<double>(std::accumulate(s.begin(), s.end(), int64_t{0})) /
           static_cast<double>(s.size());
  };
  out.rate_before = mean(series.first(out.index));
  out.rate_after = mean(series.subspan(out.index));
  std::vector<int64_t> shuffled(series.begin(), series.end());
  std::mt19937_64 rng(seed);
  int as_large = 0;
  for (int i = 0; i < permutations; ++i) {
    for (size_t j = shuffled.size() - 1; j > 0; --j) {
      std::swap(shuffled[j], shuffled[uniform_below(rng, j + 1)]);
    }
    size_t ignored = 0;
    if (best_split(shuffled, ignored) >= out.likelihood_ratio - 1e-9) ++as_large;
  }
  out.p_value = (1.0 + as_large) / (1.0 + permutations);
  return out;
}

}  // namespace sitrep::analyze
