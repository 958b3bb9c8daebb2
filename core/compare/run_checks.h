// What can make a side's runs a poor sample of "the same thing measured again": a trend across
// the order the runs were made in (the machine got busier or quieter), and runs that fall into
// two groups (the machine switched between two states). Both are checked on the per-run values
// the noise estimate uses, and both are warnings: the comparison still stands, with a caveat.
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>

namespace conlab {

// Kendall's τ between the values and their run order, with a two-sided p-value: exact (from the
// distribution of inversions over all orders) when no values tie, the normal approximation with
// the tie correction otherwise. Nullopt below 3 values.
struct TrendTest {
  std::size_t n = 0;
  double tau = 0;     // +1: every later run higher; −1: every later run lower
  double p_value = 1; // two-sided
  bool drifts(double alpha = 0.05) const { return p_value < alpha; }
};
std::optional<TrendTest> trend_test(std::span<const double> values_in_run_order);

// The sorted values split at their widest gap (each group at least two values), the gap measured
// in pooled within-group standard deviations, against what that score reaches for n values from
// one normal distribution: its 99th percentile, simulated with a fixed seed (no closed form is
// known, and a table would hide how it was made). Nullopt below 5 values, where two groups of
// two or more cannot be told from chance.
struct TwoGroups {
  std::size_t n = 0;
  std::size_t low_count = 0; // values in the lower group
  double low_mean = 0, high_mean = 0;
  double gap_score = 0; // widest gap ÷ pooled within-group SD (infinite when both groups are flat)
  double critical_score = 0; // 99th percentile of the score for one normal group of n
  // Beyond chance, and by more than 1% of the values: a split finer than that changes no verdict.
  bool bimodal() const {
    return gap_score > critical_score &&
           high_mean - low_mean > 0.01 * std::fabs(high_mean + low_mean) / 2;
  }
};
std::optional<TwoGroups> two_groups(std::span<const double> values);

} // namespace conlab
