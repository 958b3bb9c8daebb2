// Summary numbers from hand-made samples, where the right answer is known.
#include "core/analysis/summary.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

constexpr std::int64_t ms = 1'000'000;

TaskSample sample(std::uint32_t task, std::int64_t submit, std::int64_t start, std::int64_t end,
                  std::uint32_t worker = 0) {
  return {submit * ms, start * ms, end * ms, task, worker};
}

TEST(Percentiles, InterpolateBetweenRanks) {
  std::vector<double> v;
  for (int i = 1; i <= 101; ++i)
    v.push_back(i);
  const Percentiles p = percentiles(v);
  EXPECT_DOUBLE_EQ(p.p50, 51);
  EXPECT_DOUBLE_EQ(p.p90, 91);
  EXPECT_DOUBLE_EQ(p.p99, 100);
  EXPECT_DOUBLE_EQ(p.max, 101);
  EXPECT_DOUBLE_EQ(p.mean, 51);
  EXPECT_DOUBLE_EQ(percentiles(std::vector<double>{}).max, 0);
}

TEST(Summarize, TwoWavesOnTwoWorkers) {
  // Four tasks submitted at 0; two workers; each task 100 ms: waves end at 100 and 200 ms.
  const std::vector<TaskSample> samples = {sample(0, 0, 0, 100, 0), sample(1, 0, 0, 100, 1),
                                           sample(2, 0, 100, 200, 0), sample(3, 0, 100, 200, 1)};
  ResourceUsage r;
  r.cpu_time_s = 0.1;
  const std::vector<TelemetryPoint> telemetry = {
      {0, 4, 2, 2, 5}, {100 * ms, 2, 0, 2, 5}, {200 * ms, 0, 0, 0, 5}};
  const Summary s = summarize(samples, telemetry, {}, r, 2);
  EXPECT_EQ(s.completed, 4u);
  EXPECT_DOUBLE_EQ(s.makespan_s, 0.2);
  EXPECT_DOUBLE_EQ(s.throughput_per_s, 20);
  EXPECT_DOUBLE_EQ(s.latency_s.mean, 0.15);
  EXPECT_DOUBLE_EQ(s.latency_s.max, 0.2);
  EXPECT_DOUBLE_EQ(s.queue_wait_s.max, 0.1);
  EXPECT_DOUBLE_EQ(s.service_s.p50, 0.1);
  EXPECT_DOUBLE_EQ(s.queue_wait_share, 0.2 / 0.6);
  EXPECT_DOUBLE_EQ(s.cpu_utilization, 0.1 / (0.2 * 2));
  EXPECT_EQ(s.workers_used, 2u);
  EXPECT_FALSE(s.loop_lag_s.measured);
  // Little's law: 4 in flight for 100 ms, then 2 for 100 ms → L = 3 = λ·W = 20 × 0.15.
  EXPECT_DOUBLE_EQ(s.littles_law.mean_in_flight, 3);
  EXPECT_DOUBLE_EQ(s.littles_law.throughput_x_response, 3);
  EXPECT_NEAR(s.littles_law.relative_gap, 0, 1e-12);
  std::uint32_t completions = 0;
  for (const auto &b : s.throughput_over_time)
    completions += b.completions;
  EXPECT_EQ(completions, 4u);
  EXPECT_EQ(s.throughput_over_time.back().completions, 2u);
}

TEST(Summarize, CancelledTasksCountOnlyWhatFinished) {
  const std::vector<TaskSample> samples = {sample(0, 0, 0, 50), sample(1, 0, 50, -1),
                                           TaskSample{0, -1, -1, 2, 0}};
  const Summary s = summarize(samples, {}, {}, {}, 1);
  EXPECT_EQ(s.tasks, 3u);
  EXPECT_EQ(s.completed, 1u);
  EXPECT_DOUBLE_EQ(s.makespan_s, 0.05);
}

TEST(Summarize, LoopLagShowsABlockedLoop) {
  // One loop, probed every 2 ms over 100 ms, blocked once for 60 ms.
  LoopLagTrace trace;
  for (int i = 0; i < 20; ++i)
    trace.samples.push_back({i * 2 * ms, 50'000});
  trace.samples.push_back({40 * ms, 60 * ms});
  const std::vector<TaskSample> samples = {sample(0, 0, 0, 100)};
  const Summary s = summarize(samples, {}, {trace}, {}, 1);
  ASSERT_TRUE(s.loop_lag_s.measured);
  EXPECT_DOUBLE_EQ(s.loop_lag_s.max_s, 0.06);
  EXPECT_NEAR(s.loop_lag_s.blocked_share, 0.6, 1e-9); // sub-ms lags are timer noise, not blocking
}

TEST(CombineRepeats, PoolsLatenciesAndAveragesMakespan) {
  const std::vector<TaskSample> a = {sample(0, 0, 0, 100)}, b = {sample(0, 0, 0, 300)};
  const Summary sa = summarize(a, {}, {}, {}, 1), sb = summarize(b, {}, {}, {}, 1);
  const Summary s = combine_repeats({sa, sb}, {a, b});
  EXPECT_EQ(s.completed, 2u);
  EXPECT_DOUBLE_EQ(s.makespan_s, 0.2);
  EXPECT_DOUBLE_EQ(s.latency_s.max, 0.3);
  EXPECT_DOUBLE_EQ(s.latency_s.mean, 0.2);
  EXPECT_DOUBLE_EQ(s.throughput_per_s, 2 / 0.4);
}

} // namespace
} // namespace conlab
