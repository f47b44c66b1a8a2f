// Random numbers that are the same on every platform for a seed. The standard library's
// distributions are implementation-defined (libstdc++ and libc++ draw differently), so a
// synthetic dataset would not be reproducible across them; these are defined here exactly.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace sitrep::synth {

// xoshiro256** seeded by SplitMix64 (Blackman & Vigna).
class Random {
 public:
  explicit Random(uint64_t seed) {
    for (uint64_t& word : state_) {
      seed += 0x9E3779B97F4A7C15ULL;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      word = z ^ (z >> 31);
    }
  }

  uint64_t next() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n).
  uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
  bool chance(double p) { return uniform() < p; }

  // Poisson by inversion for small means, a rounded normal (Box-Muller) for large ones.
  int64_t poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 60) {
      double u1 = 1.0 - uniform(), u2 = uniform();
      double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
      return std::max<int64_t>(0, std::llround(mean + std::sqrt(mean) * normal));
    }
    double limit = std::exp(-mean), product = uniform();
    int64_t count = 0;
    while (product > limit) {
      product *= uniform();
      ++count;
    }
    return count;
  }

  // Pareto with minimum `scale` and tail index `shape`: long-tailed counts.
  double pareto(double scale, double shape) {
    return scale / std::pow(1.0 - uniform(), 1.0 / shape);
  }

  // An index drawn with probability proportional to its weight.
  size_t weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double pick = uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      pick -= weights[i];
      if (pick < 0) return i;
    }
    return weights.empty() ? 0 : weights.size() - 1;
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

}  // namespace sitrep::synth
