// The simulator against the closed forms (exactly, where they apply) and against real runs of
// workloads no closed form covers (within tolerances that hold on a loaded 2-core machine).
#include "core/analysis/prediction.h"
#include "core/analysis/simulator.h"
#include "core/engine/runner.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <limits>

namespace conlab {
namespace {

using test::variant;
constexpr auto io = StepKind::io;
constexpr auto blocking = StepKind::blocking_io;
constexpr auto cpu = StepKind::cpu;

Variant named_pool(Variant v, const char *name) {
  v.pool_size = PoolSize{name, 0};
  return v;
}

struct ClosedFormCase {
  const char *name;
  Variant variant;
  std::int64_t tasks, clients;
};

class SimulatorVsClosedForm : public testing::TestWithParam<ClosedFormCase> {};

TEST_P(SimulatorVsClosedForm, SameMakespan) {
  const ClosedFormCase &c = GetParam();
  for (int cores : {2, 64}) {
    const Experiment e = test::closed_experiment(c.variant, c.tasks, c.clients);
    const Prediction p = predict(e.variants[0], e.load, 1.0, cores);
    ASSERT_TRUE(p.makespan_s) << p.formula;
    const Simulation s = simulate(e, 0, cores);
    EXPECT_NEAR(s.summary.makespan_s, *p.makespan_s, 1e-6) << p.formula << " on " << cores;
    EXPECT_EQ(s.summary.completed, static_cast<std::uint32_t>(c.tasks));
  }
}

INSTANTIATE_TEST_SUITE_P(
    DesignTable, SimulatorVsClosedForm,
    testing::Values(
        ClosedFormCase{"article_a", variant("event_loop", blocking, 1000), 100, 100},
        ClosedFormCase{"article_b",
                       named_pool(variant("event_loop_offload", blocking, 1000),
                                  "python_default_executor"),
                       100, 100},
        ClosedFormCase{"article_c", variant("event_loop", io, 1000), 100, 100},
        ClosedFormCase{"article_d",
                       named_pool(variant("thread_pool", blocking, 1000), "anyio_default"), 100,
                       100},
        ClosedFormCase{"loop_cpu", variant("event_loop", cpu, 10), 50, 50},
        ClosedFormCase{"offload_cpu", variant("event_loop_offload", cpu, 10, 8), 48, 48},
        ClosedFormCase{"pool_io", variant("thread_pool", io, 10, 8), 50, 50},
        ClosedFormCase{"pool_cpu", variant("thread_pool", cpu, 10, 4), 40, 40},
        ClosedFormCase{"per_task_cpu", variant("thread_per_task", cpu, 10), 64, 64},
        ClosedFormCase{"multi_loop_blocking", variant("multi_loop", blocking, 10, 0, 4), 50, 50},
        ClosedFormCase{"qt_offload", variant("qt_event_loop", blocking, 10, 5, 0, true), 50, 50},
        ClosedFormCase{"few_clients", variant("thread_pool", blocking, 10, 40), 100, 10},
        ClosedFormCase{"loop_io_clients", variant("event_loop", io, 10), 100, 30}),
    [](const testing::TestParamInfo<ClosedFormCase> &p) { return std::string(p.param.name); });

TEST(Simulator, ExecutorWaitsAndWorkersAreRecorded) {
  // /b of the article: 100 tasks, 6 executor threads, 1 s each: 17 waves, and each task's wait
  // for an executor thread is its wave's start.
  const Experiment e = test::closed_experiment(
      named_pool(variant("event_loop_offload", blocking, 1000), "python_default_executor"), 100,
      100);
  const Simulation s = simulate(e, 0, 2);
  EXPECT_NEAR(s.summary.executor_wait_s.max, 16.0, 1e-6);
  EXPECT_NEAR(s.summary.queue_wait_s.max, 0.0, 1e-9); // the loop started every task at once
  EXPECT_EQ(s.summary.workers_used, 1u);               // one loop
  const Simulation pool = simulate(
      test::closed_experiment(variant("thread_pool", blocking, 10, 4), 40, 40), 0, 2);
  EXPECT_EQ(pool.summary.workers_used, 4u);
  EXPECT_GE(pool.events, 40u);
}

TEST(Simulator, SameSeedSameTimeline) {
  Variant v = variant("thread_pool", blocking, 5, 3);
  v.steps[0].duration.distribution = DistributionKind::exponential;
  const Experiment e = test::closed_experiment(v, 500, 20);
  const Simulation a = simulate(e, 0, 2), b = simulate(e, 0, 2);
  ASSERT_EQ(a.samples.size(), b.samples.size());
  for (std::size_t i = 0; i < a.samples.size(); ++i)
    EXPECT_EQ(a.samples[i].end_ns, b.samples[i].end_ns);
}

// What a simulation steps through, which callers hold against their budget: every task's steps
// with repeats expanded, and no overflow for a workload far beyond any budget.
TEST(Simulator, CountsTheStepsItWouldSimulate) {
  Variant v = variant("thread_pool", blocking, 5, 3);
  v.steps = {test::repeat(100, {test::step(StepKind::io, 1), test::step(StepKind::cpu, 0.01)}),
             test::step(StepKind::io, 1)};
  EXPECT_EQ(simulated_steps(test::closed_experiment(v, 1000, 10), 0), 1000 * 201);
  v.steps = {test::repeat(100'000, {test::step(StepKind::io, 1)})};
  Experiment huge = test::closed_experiment(v, 1000, 10);
  huge.load.tasks = std::numeric_limits<std::int64_t>::max() / 2;
  EXPECT_EQ(simulated_steps(huge, 0), std::numeric_limits<std::int64_t>::max());
}

// Workloads outside the closed forms, simulated and measured.
struct MeasuredCase {
  const char *name;
  Variant variant;
};

class SimulatorVsMeasurement : public testing::TestWithParam<MeasuredCase> {};

TEST_P(SimulatorVsMeasurement, MakespanWithinTolerance) {
  const Experiment e = test::closed_experiment(GetParam().variant, 24, 12, 1.0);
  const Simulation s = simulate(e, 0, 2);
  double best = 0;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const RunResults r = run_experiment(e);
    const double ratio = r.variants[0].summary.makespan_s / s.summary.makespan_s;
    if (attempt == 0 || std::abs(ratio - 1) < std::abs(best - 1))
      best = ratio;
    if (best > 0.95 && best < 1.25)
      break;
  }
  EXPECT_GT(best, 0.95) << "simulated " << s.summary.makespan_s;
  EXPECT_LT(best, 1.25) << "simulated " << s.summary.makespan_s;
}

Variant mixed(std::string model, int pool = 0) {
  Variant v = variant(std::move(model), io, 20, pool);
  v.steps.push_back(test::step(blocking, 10));
  v.steps.push_back(test::step(io, 10));
  return v;
}

Variant drawn(std::string model, int pool = 0) {
  Variant v = variant(std::move(model), blocking, 0, pool);
  v.steps[0].duration.distribution = DistributionKind::uniform;
  v.steps[0].duration.min_ms = 5;
  v.steps[0].duration.max_ms = 25;
  return v;
}

INSTANTIATE_TEST_SUITE_P(
    NoClosedForm, SimulatorVsMeasurement,
    testing::Values(MeasuredCase{"loop_mixed", mixed("event_loop")},
                    MeasuredCase{"offload_mixed", mixed("event_loop_offload", 3)},
                    MeasuredCase{"pool_mixed", mixed("thread_pool", 4)},
                    MeasuredCase{"pool_drawn", drawn("thread_pool", 3)},
                    MeasuredCase{"loop_drawn", drawn("event_loop")}),
    [](const testing::TestParamInfo<MeasuredCase> &p) { return std::string(p.param.name); });

} // namespace
} // namespace conlab
