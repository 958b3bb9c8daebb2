// Is a difference between two runs more than noise? Two standard answers, each stated as what it
// is: Welch's t interval over a few values a side (one per run), and Mann-Whitney's rank-sum test
// for a shift between two sample distributions (the tasks within runs).
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
