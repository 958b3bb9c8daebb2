// The statistics behind "beyond the noise": the rank-sum test and Welch's interval against values
// worked out by hand, and the width of an interval from identical and from differing values.
#include "core/compare/noise_test.h"
#include "tests/support/results_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace conlab {
namespace {

using test::scaled;
using test::spread;

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

// Zero width means "no spread at all", which only identical values can claim.
TEST(Welch, AZeroWidthIntervalOnlyFromIdenticalValues) {
  const std::optional<WelchInterval> identical =
      welch_interval(std::vector{7.0, 7.0, 7.0}, std::vector{9.0, 9.0, 9.0}, 0.95);
  ASSERT_TRUE(identical);
  EXPECT_EQ(identical->interval.low, identical->interval.high);
  // A spread of one part in 10^17 of the values, far below the difference of 10^3: still a
  // spread, so the interval has a width.
  const double big = 1e3;
  const std::optional<WelchInterval> tiny = welch_interval(
      std::vector{big, std::nextafter(big, 2 * big)}, std::vector{2 * big, 2 * big}, 0.95);
  ASSERT_TRUE(tiny);
  EXPECT_LT(tiny->interval.low, tiny->difference);
  EXPECT_GT(tiny->interval.high, tiny->difference);
  // And everyday values: a few per cent apart.
  const std::optional<WelchInterval> usual =
      welch_interval(std::vector{1.00, 1.02, 0.99}, std::vector{1.01, 1.03, 1.00}, 0.95);
  ASSERT_TRUE(usual);
  EXPECT_GT(usual->interval.high - usual->interval.low, 0.01);
}

} // namespace
} // namespace conlab
