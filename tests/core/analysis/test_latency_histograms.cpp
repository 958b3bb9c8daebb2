// What a run keeps of tasks beyond its sample budget: a histogram whose percentiles agree with
// the exact ones to 3 significant digits, a latency grid over time that stays bounded, and a
// summary that counts the folded tasks in as if their samples were there.
#include "core/analysis/folded_samples.h"
#include "core/analysis/latency_histogram.h"
#include "core/analysis/latency_over_time.h"
#include "core/analysis/summary.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace conlab {
namespace {

constexpr std::int64_t kMs = 1'000'000;

// Log-normal durations around 20 ms with a long tail, in ns: spans six decades.
std::vector<std::int64_t> spread_durations(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> d(std::log(20e6), 1.5);
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(static_cast<std::int64_t>(d(rng)));
  return out;
}

TEST(LogLinearNsAxis, EveryBinIsNarrowerThanOnePartInAThousandOfItsValues) {
  const LogLinearNsAxis axis;
  for (int i = 0; i < LogLinearNsAxis::kSize; i += 7) {
    const double lower = axis.value(i);
    const double upper = axis.value(i + 1);
    ASSERT_EQ(axis.index(lower), i) << "the lower edge of bin " << i << " lies in it";
    ASSERT_EQ(axis.index(upper - 1), i) << "the last nanosecond of bin " << i << " lies in it";
    if (lower >= LogLinearNsAxis::kUnitBins) {
      ASSERT_LE((upper - lower) / lower, 1.0 / 1024) << "bin " << i;
    }
  }
  EXPECT_EQ(axis.index(0x1p45), LogLinearNsAxis::kSize) << "beyond 4.9 hours: the overflow bin";
  EXPECT_EQ(axis.index(-5), 0);
}

TEST(LatencyHistogram, PercentilesAgreeWithTheExactOnesToThreeSignificantDigits) {
  const std::vector<std::int64_t> durations = spread_durations(200'000, 7);
  LatencyHistogram h;
  std::vector<double> seconds;
  for (std::int64_t ns : durations) {
    h.add(ns);
    seconds.push_back(static_cast<double>(ns) * 1e-9);
  }
  const Percentiles exact = percentiles(seconds);
  const Percentiles folded = percentiles(h);
  EXPECT_EQ(h.count(), durations.size());
  for (auto [name, a, b] :
       {std::tuple{"p50", exact.p50, folded.p50}, std::tuple{"p90", exact.p90, folded.p90},
        std::tuple{"p99", exact.p99, folded.p99}, std::tuple{"p99.9", exact.p999, folded.p999}})
    EXPECT_NEAR(b / a, 1.0, 1e-3) << name << ": exact " << a << " s, from the histogram " << b;
  EXPECT_DOUBLE_EQ(folded.max, exact.max);
  EXPECT_NEAR(folded.mean / exact.mean, 1.0, 1e-12) << "the mean is kept exactly";
}

TEST(LatencyHistogram, TwoHalvesMergeIntoTheWhole) {
  const std::vector<std::int64_t> durations = spread_durations(20'000, 3);
  LatencyHistogram whole, first, second;
  for (std::size_t i = 0; i < durations.size(); ++i) {
    whole.add(durations[i]);
    (i % 2 ? second : first).add(durations[i]);
  }
  first += second;
  EXPECT_EQ(first.count(), whole.count());
  EXPECT_EQ(first.nonzero_bins(), whole.nonzero_bins());
  EXPECT_EQ(first.min_ns(), whole.min_ns());
  EXPECT_EQ(first.max_ns(), whole.max_ns());
  EXPECT_DOUBLE_EQ(first.quantile_s(0.99), whole.quantile_s(0.99));
}

TEST(LatencyHistogram, EmptyAndSingleValue) {
  LatencyHistogram h;
  EXPECT_EQ(h.quantile_s(0.5), 0);
  EXPECT_EQ(percentiles(h).max, 0);
  h.add(123'456'789);
  EXPECT_DOUBLE_EQ(h.quantile_s(0.0), 0.123456789) << "clamped to the recorded value";
  EXPECT_DOUBLE_EQ(h.quantile_s(1.0), 0.123456789);
}

TEST(LatencyOverTime, CountsLandInTheirTimeColumnAndLatencyRow) {
  LatencyOverTime grid;
  grid.add(kMs / 2, 2 * kMs);       // column 0 (1 ms wide), 2 ms
  grid.add(5 * kMs / 2, 300 * kMs); // column 2, 300 ms
  ASSERT_EQ(grid.columns().size(), 3u);
  EXPECT_DOUBLE_EQ(grid.interval_s(), 0.001);
  EXPECT_EQ(grid.columns()[0][LatencyOverTime::row_of(0.002)], 1u);
  EXPECT_EQ(grid.columns()[2][LatencyOverTime::row_of(0.3)], 1u);
  EXPECT_EQ(LatencyOverTime::row_of(1e-3), 30) << "1 ms: three decades above 1 µs";
  EXPECT_NEAR(LatencyOverTime::row_lower_s(30), 1e-3, 1e-12);
  EXPECT_EQ(LatencyOverTime::row_of(1e-9), 0);
  EXPECT_EQ(LatencyOverTime::row_of(1e6), LatencyOverTime::kRows - 1);
  EXPECT_EQ(grid.total(), 2u);
}

TEST(LatencyOverTime, ALongRunWidensItsColumnsInsteadOfGrowing) {
  LatencyOverTime grid;
  // One task ending every 10 ms for an hour.
  for (std::int64_t t = 0; t < 3600'000; t += 10)
    grid.add(t * kMs, 5 * kMs);
  EXPECT_LE(grid.columns().size(), LatencyOverTime::kMaxColumns);
  EXPECT_GT(grid.columns().size(), LatencyOverTime::kMaxColumns / 2);
  EXPECT_EQ(grid.total(), 360'000u);
  std::uint64_t sum = 0;
  for (const auto &column : grid.columns())
    for (std::uint32_t n : column)
      sum += n;
  EXPECT_EQ(sum, 360'000u) << "merging columns keeps every count";
  EXPECT_DOUBLE_EQ(grid.interval_s(), 0.001 * std::pow(2, std::ceil(std::log2(3600 / 0.256))));
}

TEST(LatencyOverTime, WideningToAnIntervalKeepsEveryCount) {
  LatencyOverTime grid;
  for (std::int64_t t = 0; t < 100; ++t)
    grid.add(t * kMs, kMs);
  grid.widen_to(0.008);
  EXPECT_DOUBLE_EQ(grid.interval_s(), 0.008);
  ASSERT_EQ(grid.columns().size(), 13u) << "100 ms in columns of 8 ms";
  EXPECT_EQ(grid.columns()[0][LatencyOverTime::row_of(0.001)], 8u);
  EXPECT_EQ(grid.columns()[12][LatencyOverTime::row_of(0.001)], 4u) << "96…99 ms";
  EXPECT_EQ(grid.total(), 100u);
  grid.widen_to(0.005);
  EXPECT_DOUBLE_EQ(grid.interval_s(), 0.008) << "never narrower";
}

TEST(LatencyOverTime, GridsOfDifferentWidthsAdd) {
  LatencyOverTime short_run, long_run;
  short_run.add(5 * kMs, kMs);
  long_run.add(20'000 * kMs, kMs); // 20 s: columns wider than 1 ms
  ASSERT_GT(long_run.interval_s(), short_run.interval_s());
  short_run += long_run;
  EXPECT_DOUBLE_EQ(short_run.interval_s(), long_run.interval_s());
  EXPECT_EQ(short_run.total(), 2u);
  EXPECT_EQ(short_run.columns().front()[LatencyOverTime::row_of(0.001)], 1u);
}

// A run of 30,000 tasks summarised whole, and again with only the first 5,000 samples kept and
// the rest folded: the same counts, span and throughput, and percentiles to 0.1%.
TEST(SummarizeBeyondBudget, FoldedTasksCountAsIfTheirSamplesWereKept) {
  const std::vector<std::int64_t> durations = spread_durations(30'000, 11);
  std::vector<TaskSample> all;
  for (std::uint32_t i = 0; i < durations.size(); ++i) {
    const std::int64_t submit = i * kMs / 10;
    const std::int64_t start = submit + durations[i] / 10;
    all.push_back({submit, start, start + durations[i], i, i % 4});
  }
  all[29'000].end_ns = -1; // one that never finished, beyond the budget
  const Summary whole = summarize(all, {}, {}, {}, 2);

  const std::vector<TaskSample> kept(all.begin(), all.begin() + 5'000);
  FoldedSamples folded;
  folded.add(std::span<const TaskSample>(all).subspan(5'000));
  LatencyOverTime grid;
  grid.add_finished(all);
  const BeyondBudget beyond{folded, grid};
  const Summary part = summarize(kept, {}, {}, {}, 2, &beyond);

  EXPECT_EQ(part.tasks, whole.tasks);
  EXPECT_EQ(part.completed, whole.completed);
  EXPECT_EQ(part.completed, 29'999u);
  EXPECT_DOUBLE_EQ(part.makespan_s, whole.makespan_s);
  EXPECT_DOUBLE_EQ(part.throughput_per_s, whole.throughput_per_s);
  EXPECT_EQ(part.workers_used, whole.workers_used);
  for (auto [a, b] : {std::pair{whole.latency_s.p50, part.latency_s.p50},
                      std::pair{whole.latency_s.p99, part.latency_s.p99},
                      std::pair{whole.queue_wait_s.p90, part.queue_wait_s.p90},
                      std::pair{whole.service_s.p999, part.service_s.p999}})
    EXPECT_NEAR(b / a, 1.0, 1e-3) << "exact " << a << ", folded " << b;
  EXPECT_NEAR(part.latency_s.mean / whole.latency_s.mean, 1.0, 1e-9);
  EXPECT_NEAR(part.queue_wait_share, whole.queue_wait_share, 1e-9);
  std::uint64_t completions = 0;
  for (const ThroughputBucket &b : part.throughput_over_time)
    completions += b.completions;
  EXPECT_EQ(completions, part.completed) << "throughput over time from the grid";
}

} // namespace
} // namespace conlab
