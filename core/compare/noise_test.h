// Is a difference between two runs more than noise? Three standard answers, each stated as what
// it is: a bootstrap interval for a statistic of per-task samples, Mann-Whitney's rank-sum test
// for a shift between two sample distributions, and Welch's t interval over a few repeats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace conlab {

// A two-sided interval of a difference B − A.
struct Interval {
  double low = 0;
  double high = 0;
  bool excludes_zero() const { return low > 0 || high < 0; }
};

// What the bootstrap computes on each resample. Quantiles use the same definition as the run
// summary (linear between closest ranks, numpy's default), so the point estimate is the p99
// the run reported.
struct SampleStatistic {
  enum class Kind { quantile, mean };
  Kind kind = Kind::mean;
  double q = 0; // quantile only, in [0, 1]

  static constexpr SampleStatistic quantile(double q) { return {Kind::quantile, q}; }
  static constexpr SampleStatistic mean() { return {Kind::mean, 0}; }
  double of_sorted(std::span<const double> sorted) const; // 0 for no values
};

struct BootstrapOptions {
  int resamples = 2000;
  double confidence = 0.95;
  std::uint64_t seed = 1;
  // Resampling costs one random draw per sample per resample. Past this many draws the number of
  // resamples is lowered (never below min_resamples) so a million-task file compares in seconds.
  std::uint64_t max_draws = 100'000'000;
  int min_resamples = 200;
};

struct BootstrapInterval {
  double difference = 0; // statistic(B) − statistic(A) on the samples themselves
  Interval interval;     // percentile interval of the resampled differences
  int resamples = 0;     // how many were actually drawn (see BootstrapOptions::max_draws)
  double confidence = 0;
};

// Percentile bootstrap of statistic(B) − statistic(A): A and B are resampled independently with
// replacement, the same resamples serving every statistic. Deterministic for a given seed: the
// generator is Boost's mt19937_64 and indices are mapped from its output by fixed arithmetic (the
// standard library's distributions differ between implementations).
// Both samples must be non-empty; one result per statistic, in order.
std::vector<BootstrapInterval> bootstrap_differences(std::vector<double> a, std::vector<double> b,
                                                     std::span<const SampleStatistic> statistics,
                                                     const BootstrapOptions &options);

// Mann-Whitney U (Wilcoxon rank-sum), two-sided, for "B's values tend to differ from A's": U of
// B with mid-ranks for ties, p from the normal approximation with tie and continuity corrections
// (scipy's mannwhitneyu(method="asymptotic")). Meant for the tens to thousands of tasks a run
// has; below about 8 per side the approximation is rough.
struct RankSumTest {
  std::size_t n_a = 0, n_b = 0;
  double u_b = 0;           // pairs (a, b) with b > a, plus half the ties
  double p_value = 1;       // two-sided; 1 when every value is tied
  double b_greater() const; // U / (n_a·n_b): how often a B value exceeds an A value
};
// Nullopt when either sample is empty.
std::optional<RankSumTest> mann_whitney(std::span<const double> a, std::span<const double> b);

// Welch's t interval for mean(B) − mean(A) from a few independent values per side (repeats),
// unequal variances allowed. Needs at least two values on each side.
struct WelchInterval {
  double difference = 0; // mean(B) − mean(A)
  Interval interval;
  double degrees_of_freedom = 0; // Welch-Satterthwaite; 0 when both sides have no spread
  double confidence = 0;
};
std::optional<WelchInterval> welch_interval(std::span<const double> a, std::span<const double> b,
                                            double confidence);

} // namespace conlab
