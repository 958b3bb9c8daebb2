// Cost per task is the run's totals divided: these check the division and the peak in flight on
// samples made by hand, where the right answer is known.
#include "core/analysis/cost_comparison.h"
#include "core/analysis/task_cost.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

TaskSample sample(std::int64_t submit, std::int64_t end) {
  TaskSample t;
  t.submit_ns = submit;
  t.start_ns = submit;
  t.end_ns = end;
  return t;
}

TEST(TaskCost, PeakInFlightCountsOverlapsExactly) {
  // [0,10) [2,5) [4,12) [5,6) [12,13): three at once at 4–5; an end and a submit at the same
  // instant (5, 12) do not overlap.
  const std::vector<TaskSample> s = {sample(0, 10), sample(2, 5), sample(4, 12), sample(5, 6),
                                     sample(12, 13)};
  EXPECT_EQ(peak_in_flight(s), 3U);
  std::vector<TaskSample> unfinished = s;
  unfinished.push_back(TaskSample{.submit_ns = 4}); // still in flight at the end
  EXPECT_EQ(peak_in_flight(unfinished), 4U);
  EXPECT_EQ(peak_in_flight({}), 0U);
}

TEST(TaskCost, DividesTheTotalsPerTaskAndPerWait) {
  const std::vector<TaskSample> s = {sample(0, 10), sample(0, 10), sample(0, 10), sample(0, 10)};
  ResourceUsage r;
  r.cpu_time_s = 0.2;
  r.peak_rss_bytes = 9'000'000;
  r.voluntary_context_switches = 40;
  r.involuntary_context_switches = 8;
  const TaskCost c = measure_task_cost(s, r,
                                       {.baseline_rss_bytes = 1'000'000,
                                        .waits_per_task = 5,
                                        .computation_per_task_s = 0.01,
                                        .thread_starts = {.count = 4, .ns = 200'000}});
  ASSERT_TRUE(c.measured);
  EXPECT_EQ(c.peak_in_flight, 4);
  EXPECT_EQ(c.rss_above_baseline_bytes, 8'000'000);
  EXPECT_EQ(c.memory_per_task_bytes, 2'000'000);
  EXPECT_DOUBLE_EQ(c.cpu_per_wait_s, 0.2 / 20);
  EXPECT_DOUBLE_EQ(c.overhead_per_wait_s, (0.2 - 4 * 0.01) / 20);
  EXPECT_EQ(c.voluntary_switches_per_task, 10);
  EXPECT_EQ(c.involuntary_switches_per_task, 2);
  EXPECT_EQ(c.threads_started, 4);
  EXPECT_DOUBLE_EQ(c.thread_start_s, 50e-6);
}

TEST(TaskCost, NothingFinishedIsNotMeasuredAndNoWaitsHaveNoCpuPerWait) {
  EXPECT_FALSE(measure_task_cost({TaskSample{.submit_ns = 0}}, {}, {}).measured);
  const TaskCost c = measure_task_cost({sample(0, 1)}, ResourceUsage{.cpu_time_s = 1}, {});
  ASSERT_TRUE(c.measured);
  EXPECT_EQ(c.waits_per_task, 0);
  EXPECT_EQ(c.cpu_per_wait_s, 0);
  // The baseline above the peak (memory handed back during the run) is no negative cost.
  EXPECT_EQ(measure_task_cost({sample(0, 1)}, ResourceUsage{.peak_rss_bytes = 5},
                              {.baseline_rss_bytes = 9})
                .rss_above_baseline_bytes,
            0);
}

TEST(TaskCost, RepeatsAreAveragedAndThePeaksKept) {
  TaskCost a{
      .measured = true, .peak_in_flight = 10, .memory_per_task_bytes = 100, .cpu_per_wait_s = 1e-6};
  TaskCost b{
      .measured = true, .peak_in_flight = 20, .memory_per_task_bytes = 300, .cpu_per_wait_s = 3e-6};
  const TaskCost c = combine_task_costs({a, b, TaskCost{}});
  EXPECT_TRUE(c.measured);
  EXPECT_EQ(c.peak_in_flight, 20);
  EXPECT_EQ(c.memory_per_task_bytes, 200);
  EXPECT_DOUBLE_EQ(c.cpu_per_wait_s, 2e-6);
}

Variant variant(const std::string &model, const std::string &label) {
  Variant v;
  v.label = label;
  v.model = model;
  v.steps = {Step{.kind = StepKind::io, .duration = {.ms = 1}}};
  if (model == "thread_pool")
    v.pool_size = PoolSize{.value = 4};
  return v;
}

Summary costing(double memory, double rss, double cpu_per_wait, double switches) {
  Summary s;
  s.cost = TaskCost{.measured = true,
                    .rss_above_baseline_bytes = rss,
                    .memory_per_task_bytes = memory,
                    .waits_per_task = 1,
                    .cpu_per_wait_s = cpu_per_wait,
                    .voluntary_switches_per_task = switches};
  return s;
}

TEST(CostComparison, ThreadsAreSetBesideTheFirstCoroutineVariant) {
  const Variant loop = variant("event_loop", "coroutines");
  const Variant threads = variant("thread_per_task", "threads");
  const Variant pool = variant("thread_pool", "pool");
  const Summary loop_cost = costing(1000, 4e6, 2e-6, 0.5);
  const Summary thread_cost = costing(20'000, 80e6, 44e-6, 101);
  const std::vector<MeasuredVariant> run = {
      {&threads, &thread_cost}, {&loop, &loop_cost}, {&pool, &thread_cost}};
  const auto c = compare_with_coroutines(run[0], run, 2);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->coroutine_label, "coroutines");
  EXPECT_DOUBLE_EQ(c->memory_ratio.value_or(0), 20);
  EXPECT_DOUBLE_EQ(c->cpu_per_wait_ratio.value_or(0), 22);
  EXPECT_DOUBLE_EQ(c->switches_ratio.value_or(0), 202);
  EXPECT_EQ(describe(*c), " Each task on a thread here took 20× the memory per task, 22× the "
                          "CPU per wait and 202× the context switches per task of a coroutine in "
                          "“coroutines”.");
  EXPECT_TRUE(compare_with_coroutines(run[2], run, 2));  // a pool runs tasks on threads too
  EXPECT_FALSE(compare_with_coroutines(run[1], run, 2)); // the coroutines themselves
}

TEST(TaskCost, AnOverheadBelowATenthOfTheComputationIsNotResolved) {
  TaskCost c{.measured = true, .waits_per_task = 1, .cpu_per_wait_s = 10.2e-6};
  c.overhead_per_wait_s = 0.2e-6; // 10 µs of computation a wait: resolved to 1 µs
  EXPECT_NEAR(overhead_resolution_s(c), 1e-6, 1e-12);
  EXPECT_FALSE(overhead_resolved(c));
  c.overhead_per_wait_s = 0; // the computation ran faster than calibrated: clamped
  EXPECT_GT(overhead_resolution_s(c), 0);
  EXPECT_FALSE(overhead_resolved(c));
  c.overhead_per_wait_s = 10.2e-6; // no computation: all of it is overhead
  EXPECT_EQ(overhead_resolution_s(c), 0);
  EXPECT_TRUE(overhead_resolved(c));
}

TEST(CostComparison, WhereTasksComputeTheOverheadIsSetApart) {
  // Both spend 10 µs a wait computing; the coroutine 2 µs more, the thread 10 µs more.
  const Variant loop = variant("event_loop", "loop");
  const Variant threads = variant("thread_per_task", "threads");
  Summary loop_cost = costing(300, 3e6, 12e-6, 0.5);
  Summary thread_cost = costing(600, 6e6, 20e-6, 100);
  loop_cost.cost.overhead_per_wait_s = 2e-6;
  thread_cost.cost.overhead_per_wait_s = 10e-6;
  const std::vector<MeasuredVariant> run = {{&loop, &loop_cost}, {&threads, &thread_cost}};
  auto c = compare_with_coroutines(run[1], run, 2);
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->overhead_per_wait_ratio.value_or(0), 5);
  EXPECT_FALSE(c->overhead_ratio_is_lower_bound);
  EXPECT_NE(describe(*c).find(", 5.00× the CPU per wait beyond the tasks' own computation and 200× "
                              "the context switches"),
            std::string::npos)
      << describe(*c);

  // 0.2 µs beyond 10 µs of computation is within the computation's drift: the ratio is to the
  // 1 µs the run resolves, and said as a bound.
  loop_cost.cost.cpu_per_wait_s = 10.2e-6;
  loop_cost.cost.overhead_per_wait_s = 0.2e-6;
  c = compare_with_coroutines(run[1], run, 2);
  ASSERT_TRUE(c);
  EXPECT_NEAR(c->overhead_per_wait_ratio.value_or(0), 10, 1e-9);
  EXPECT_TRUE(c->overhead_ratio_is_lower_bound);
  EXPECT_NE(describe(*c).find("more than 10× the CPU per wait beyond"), std::string::npos)
      << describe(*c);
}

TEST(CostComparison, NoRatioFromAFigureTooSmallToMeasure) {
  const Variant loop = variant("event_loop", "coroutines");
  const Variant threads = variant("thread_per_task", "threads");
  const Summary loop_cost = costing(10, 40'000, 2e-6, 0); // RSS moved by ten pages
  const Summary thread_cost = costing(20'000, 80e6, 44e-6, 101);
  const std::vector<MeasuredVariant> run = {{&loop, &loop_cost}, {&threads, &thread_cost}};
  const auto c = compare_with_coroutines(run[1], run, 2);
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->memory_ratio);
  EXPECT_FALSE(c->switches_ratio);
  EXPECT_EQ(describe(*c), " Each task on a thread here took 22× the CPU per wait of a coroutine "
                          "in “coroutines”.");
  const std::vector<MeasuredVariant> alone = {{&threads, &thread_cost}};
  EXPECT_FALSE(compare_with_coroutines(alone[0], alone, 2)); // no coroutines to compare with
}

} // namespace
} // namespace conlab
