// The statistics behind "beyond the noise": bootstrap intervals on constructed samples, and the
// rank-sum test and Welch interval against values worked out by hand.
#include "core/analysis/summary.h"
#include "core/compare/noise_test.h"
#include "tests/support/results_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace conlab {
namespace {

using test::scaled;
using test::spread;

constexpr SampleStatistic kStatistics[] = {
    SampleStatistic::quantile(0.5), SampleStatistic::quantile(0.99), SampleStatistic::mean()};

TEST(SampleStatistic, MatchesTheRunSummary) {
  std::vector<double> values = spread(101, 0.1, 2.0, 3);
  const Percentiles p = percentiles(values);
  std::sort(values.begin(), values.end());
  EXPECT_DOUBLE_EQ(SampleStatistic::quantile(0.5).of_sorted(values), p.p50);
  EXPECT_DOUBLE_EQ(SampleStatistic::quantile(0.99).of_sorted(values), p.p99);
  EXPECT_DOUBLE_EQ(SampleStatistic::mean().of_sorted(values), p.mean);
}

TEST(Bootstrap, IdenticalSamplesAreWithinNoise) {
  const std::vector<double> a = spread(200, 0.05, 0.15, 1);
  const auto intervals = bootstrap_differences(a, a, kStatistics, {});
  ASSERT_EQ(intervals.size(), 3u);
  for (const BootstrapInterval &b : intervals) {
    EXPECT_EQ(b.difference, 0);
    EXPECT_LT(b.interval.low, 0);
    EXPECT_GT(b.interval.high, 0);
    EXPECT_FALSE(b.interval.excludes_zero());
    EXPECT_EQ(b.resamples, 2000);
    EXPECT_EQ(b.confidence, 0.95);
  }
}

TEST(Bootstrap, ALargeShiftIsBeyondNoiseOnItsSide) {
  const std::vector<double> a = spread(200, 0.05, 0.15, 1);
  const std::vector<double> b = scaled(a, 1.5); // every task 50% slower
  const auto slower = bootstrap_differences(a, b, kStatistics, {});
  for (std::size_t s = 0; s < slower.size(); ++s) {
    EXPECT_GT(slower[s].difference, 0) << s;
    EXPECT_GT(slower[s].interval.low, 0) << s;
    EXPECT_LE(slower[s].interval.low, slower[s].difference) << s;
    EXPECT_GE(slower[s].interval.high, slower[s].difference) << s;
  }
  const auto faster = bootstrap_differences(b, a, kStatistics, {});
  for (std::size_t s = 0; s < faster.size(); ++s) {
    EXPECT_LT(faster[s].interval.high, 0) << s;
    EXPECT_DOUBLE_EQ(faster[s].difference, -slower[s].difference) << s;
  }
}

TEST(Bootstrap, ASmallShiftInWideSamplesIsWithinNoise) {
  // 20 tasks spread from 50 to 150 ms; B 3% slower: far less than the spread of a p50 of 20.
  const std::vector<double> a = spread(20, 0.05, 0.15, 7);
  const auto intervals = bootstrap_differences(a, scaled(a, 1.03), kStatistics, {});
  for (const BootstrapInterval &b : intervals)
    EXPECT_FALSE(b.interval.excludes_zero()) << b.interval.low << " " << b.interval.high;
}

TEST(Bootstrap, IsDeterministicForASeedAndVariesWithIt) {
  const std::vector<double> a = spread(50, 0.05, 0.15, 1), b = spread(50, 0.05, 0.16, 2);
  BootstrapOptions options;
  options.seed = 42;
  const auto first = bootstrap_differences(a, b, kStatistics, options);
  const auto again = bootstrap_differences(a, b, kStatistics, options);
  options.seed = 43;
  const auto other = bootstrap_differences(a, b, kStatistics, options);
  for (std::size_t s = 0; s < first.size(); ++s) {
    EXPECT_EQ(first[s].interval.low, again[s].interval.low);
    EXPECT_EQ(first[s].interval.high, again[s].interval.high);
    EXPECT_EQ(first[s].difference, other[s].difference);
  }
  EXPECT_NE(first[2].interval.low, other[2].interval.low);
}

TEST(Bootstrap, FewerResamplesForHugeSamplesButNeverBelowTheFloor) {
  const std::vector<double> a = spread(1000, 0.05, 0.15, 1);
  BootstrapOptions options;
  options.max_draws = 2000 * 500; // 500 resamples of 1000 + 1000 draws
  EXPECT_EQ(bootstrap_differences(a, a, kStatistics, options)[0].resamples, 500);
  options.max_draws = 1000;
  EXPECT_EQ(bootstrap_differences(a, a, kStatistics, options)[0].resamples, 200);
}

TEST(Bootstrap, NoSamplesNoInterval) {
  const auto intervals = bootstrap_differences({}, {1.0, 2.0}, kStatistics, {});
  ASSERT_EQ(intervals.size(), 3u);
  EXPECT_EQ(intervals[0].resamples, 0);
}

TEST(MannWhitney, SeparatedSamples) {
  // U of B = 9 (every b exceeds every a); mean 4.5, variance 3·3/12·7 = 5.25; with continuity
  // z = (4.5 − 0.5)/√5.25 = 1.7457, two-sided p = 0.0809 (scipy, method="asymptotic": 0.0809).
  const std::optional<RankSumTest> t =
      mann_whitney(std::vector{1.0, 2.0, 3.0}, std::vector{4.0, 5.0, 6.0});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->u_b, 9);
  EXPECT_EQ(t->b_greater(), 1);
  EXPECT_NEAR(t->p_value, 0.0809, 0.0005);
  const std::optional<RankSumTest> reversed =
      mann_whitney(std::vector{4.0, 5.0, 6.0}, std::vector{1.0, 2.0, 3.0});
  EXPECT_EQ(reversed->u_b, 0);
  EXPECT_NEAR(reversed->p_value, t->p_value, 1e-12);
}

TEST(MannWhitney, TiesTakeMidRanks) {
  // Ranks: the three 1s share 2, the three 2s share 5; B's rank sum 12, U = 12 − 6 = 6.
  // Variance 9/12·(7 − 48/30) = 4.05; z = (1.5 − 0.5)/√4.05 = 0.4969; p = 0.6193.
  const std::optional<RankSumTest> t =
      mann_whitney(std::vector{1.0, 1.0, 2.0}, std::vector{1.0, 2.0, 2.0});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->u_b, 6);
  EXPECT_NEAR(t->p_value, 0.6193, 0.0005);
  EXPECT_EQ(mann_whitney(std::vector{3.0, 3.0}, std::vector{3.0, 3.0})->p_value, 1);
  EXPECT_FALSE(mann_whitney(std::vector<double>{}, std::vector{1.0}));
}

TEST(MannWhitney, LargeShiftIsSignificant) {
  const std::vector<double> a = spread(100, 0.05, 0.15, 1);
  const std::optional<RankSumTest> t = mann_whitney(a, scaled(a, 1.5));
  EXPECT_LT(t->p_value, 1e-6);
  EXPECT_GT(t->b_greater(), 0.8);
}

TEST(Welch, IntervalFromTheTextbookFormula) {
  // Means 2 and 5, variances 1: standard error √(2/3) = 0.8165, 4 degrees of freedom,
  // t(0.975, 4) = 2.7764, so 3 ± 2.2669.
  const std::optional<WelchInterval> w =
      welch_interval(std::vector{1.0, 2.0, 3.0}, std::vector{4.0, 5.0, 6.0}, 0.95);
  ASSERT_TRUE(w);
  EXPECT_DOUBLE_EQ(w->difference, 3);
  EXPECT_NEAR(w->degrees_of_freedom, 4, 1e-9);
  EXPECT_NEAR(w->interval.low, 0.7331, 0.0005);
  EXPECT_NEAR(w->interval.high, 5.2669, 0.0005);
}

TEST(Welch, NoSpreadAndTooFewValues) {
  const std::optional<WelchInterval> same =
      welch_interval(std::vector{2.0, 2.0}, std::vector{2.0, 2.0}, 0.95);
  ASSERT_TRUE(same);
  EXPECT_FALSE(same->interval.excludes_zero());
  const std::optional<WelchInterval> shifted =
      welch_interval(std::vector{2.0, 2.0}, std::vector{3.0, 3.0}, 0.95);
  EXPECT_EQ(shifted->interval.low, 1);
  EXPECT_TRUE(shifted->interval.excludes_zero());
  EXPECT_FALSE(welch_interval(std::vector{1.0}, std::vector{1.0, 2.0}, 0.95));
}

} // namespace
} // namespace conlab
