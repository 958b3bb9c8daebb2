// The checks on a side's runs: Kendall's trend test against exact values worked out by hand, and
// the two-group check on clearly split, unsplit and degenerate runs.
#include "core/compare/run_checks.h"

#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

#include <cmath>
#include <vector>

namespace conlab {
namespace {

TEST(Trend, ExactForDistinctValues) {
  // Five runs, each slower than the last: only 2 of the 120 orders are as extreme (this one and
  // its reverse), so p = 1/60.
  const std::optional<TrendTest> up = trend_test(std::vector{1.0, 1.1, 1.2, 1.3, 1.4});
  ASSERT_TRUE(up);
  EXPECT_DOUBLE_EQ(up->tau, 1);
  EXPECT_NEAR(up->p_value, 2.0 / 120, 1e-12);
  EXPECT_TRUE(up->drifts());
  const std::optional<TrendTest> down = trend_test(std::vector{5.0, 4.0, 3.0, 2.0, 1.0});
  EXPECT_DOUBLE_EQ(down->tau, -1);
  EXPECT_TRUE(down->drifts());
  // Three runs in order cannot show a trend: 2 of 6 orders are as extreme.
  EXPECT_NEAR(trend_test(std::vector{1.0, 2.0, 3.0})->p_value, 2.0 / 6, 1e-12);
  // One swap among five: S = 8, and 10 of the 120 orders have |S| ≥ 8 (0 or 1 inversion, or
  // 9 or 10), so p = 1/12.
  const std::optional<TrendTest> mostly = trend_test(std::vector{1.0, 2.0, 4.0, 3.0, 5.0});
  EXPECT_NEAR(mostly->tau, 0.8, 1e-12);
  EXPECT_NEAR(mostly->p_value, 10.0 / 120, 1e-12);
  EXPECT_FALSE(mostly->drifts());
}

TEST(Trend, NoOrderNoTrend) {
  const std::optional<TrendTest> zigzag = trend_test(std::vector{1.0, 3.0, 1.1, 2.9, 1.05, 3.1});
  ASSERT_TRUE(zigzag);
  EXPECT_FALSE(zigzag->drifts()) << "p = " << zigzag->p_value;
  const std::optional<TrendTest> flat = trend_test(std::vector{2.0, 2.0, 2.0, 2.0});
  EXPECT_EQ(flat->tau, 0);
  EXPECT_EQ(flat->p_value, 1);
  EXPECT_FALSE(trend_test(std::vector{1.0, 2.0}));
}

TEST(Trend, TiesUseTheNormalApproximation) {
  // 12 runs climbing in pairs: strongly ordered despite the ties.
  std::vector<double> values;
  for (int i = 0; i < 6; ++i)
    values.insert(values.end(), {1.0 + i, 1.0 + i});
  const std::optional<TrendTest> t = trend_test(values);
  ASSERT_TRUE(t);
  // 66 pairs, 6 of them tied: τ-b = 60 / √(66 · 60).
  EXPECT_NEAR(t->tau, std::sqrt(60.0 / 66), 1e-12);
  EXPECT_LT(t->p_value, 0.001);
}

TEST(TwoGroups, ClearSplitIsBimodal) {
  const std::optional<TwoGroups> g = two_groups(std::vector{1.00, 1.01, 0.99, 1.30, 1.31, 1.29});
  ASSERT_TRUE(g);
  EXPECT_TRUE(g->bimodal()) << g->gap_score << " vs " << g->critical_score;
  EXPECT_EQ(g->low_count, 3u);
  EXPECT_NEAR(g->low_mean, 1.0, 1e-9);
  EXPECT_NEAR(g->high_mean, 1.3, 1e-9);
}

TEST(TwoGroups, OneNormalGroupIsNotBimodalMostOfTheTime) {
  // The critical score is the 99th percentile for normal values, so about 1 in 100 sets of
  // normal values is called bimodal; with a fixed seed, at most a few of 200 here.
  boost::random::mt19937 generator(7);
  boost::random::normal_distribution<double> normal(1.0, 0.03);
  int flagged = 0;
  for (int i = 0; i < 200; ++i) {
    std::vector<double> values(5);
    for (double &v : values)
      v = normal(generator);
    flagged += two_groups(values)->bimodal();
  }
  EXPECT_LE(flagged, 6);
}

TEST(TwoGroups, FlatGroupsAndTinySplits) {
  EXPECT_TRUE(two_groups(std::vector{2.0, 2.0, 2.0, 3.0, 3.0})->bimodal()) << "no spread at all";
  // Split beyond chance, but by a hundredth of a per cent: not worth a warning.
  EXPECT_FALSE(two_groups(std::vector{1.0, 1.0, 1.0, 1.0001, 1.0001})->bimodal());
  EXPECT_FALSE(two_groups(std::vector{2.0, 2.0, 2.0, 2.0, 2.0})->bimodal());
  EXPECT_FALSE(two_groups(std::vector{1.0, 2.0, 3.0, 4.0})) << "four runs: too few to tell";
}

} // namespace
} // namespace conlab
