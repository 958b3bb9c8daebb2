// Every model × step kind against its closed-form prediction, at a small time scale.
// Tolerances are ratios that hold on a loaded 2-core machine; predictions for one model differ
// by 2× or more between step kinds, so a model that schedules wrongly still fails.
#include "environment.h"
#include "experiment_builder.h"
#include "runner.h"

#include <gtest/gtest.h>

#include <set>

namespace conlab {
namespace {

struct ModelCase {
  std::string model;
  StepKind kind;
  int pool = 0;
  int loops = 0;
  bool offload = false;
};

std::string case_name(const testing::TestParamInfo<ModelCase> &info) {
  return info.param.model + (info.param.offload ? "_offload_" : "_") + to_string(info.param.kind);
}

class ModelVsPrediction : public testing::TestWithParam<ModelCase> {
protected:
  static const CpuCalibration &calibration() {
    static const CpuCalibration c = CpuWork::calibrate();
    return c;
  }
};

// 12 tasks of 40 ms (1000 ms at time scale 0.04), all submitted at once; P = L = 3. Under a
// sanitizer, starting a thread alone takes milliseconds, so tasks are three times longer there.
constexpr int kTasks = 12;
#ifdef CONLAB_SANITIZED
constexpr double kTimeScale = 0.12;
#else
constexpr double kTimeScale = 0.04;
#endif

TEST_P(ModelVsPrediction, MakespanMatchesClosedForm) {
  const ModelCase &c = GetParam();
  const Experiment e = test::closed_experiment(
      test::variant(c.model, c.kind, 1000, c.pool, c.loops, c.offload), kTasks, kTasks,
      kTimeScale);
  RunOptions options;
  options.calibration = &calibration();
  // Never faster than an ideal machine beyond timer granularity; slower within noise.
  const double upper = c.kind == StepKind::cpu ? 1.7 : 1.4;
  // cpu work is calibrated once, and a core can run faster later (frequency boost) than then.
  const double lower = c.kind == StepKind::cpu ? 0.75 : 0.97;

  // Other programs on a 2-core machine can only slow a run down, so the fastest of a few
  // attempts is the honest measurement of the model (as hyperfine and wrk report a minimum).
  // A model that schedules wrongly is wrong every time and still fails. Computation suffers
  // most from a neighbour, so it gets more attempts; each stops as soon as one fits.
  const int attempts = c.kind == StepKind::cpu ? 5 : 3;
  RunResults r;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    RunResults next = run_experiment(e, options);
    ASSERT_EQ(next.status, RunStatus::completed) << next.error;
    if (attempt == 0 || next.variants[0].summary.makespan_s < r.variants[0].summary.makespan_s)
      r = std::move(next);
    const VariantResult &v = r.variants[0];
    if (v.prediction.makespan_s && v.summary.makespan_s / *v.prediction.makespan_s < upper)
      break;
  }
  ASSERT_EQ(r.variants.size(), 1u);
  const VariantResult &v = r.variants.front();
  ASSERT_EQ(v.summary.completed, static_cast<std::uint32_t>(kTasks));
  ASSERT_TRUE(v.prediction.makespan_s.has_value()) << v.prediction.formula;

  const double ratio = v.summary.makespan_s / *v.prediction.makespan_s;
  EXPECT_GT(ratio, lower) << v.prediction.formula << " measured " << v.summary.makespan_s;
  EXPECT_LT(ratio, upper) << v.prediction.formula << " measured " << v.summary.makespan_s;

  for (const TaskSample &s : v.repeats.front().samples) {
    ASSERT_TRUE(s.finished());
    EXPECT_LE(s.submit_ns, s.start_ns);
    EXPECT_LE(s.start_ns, s.end_ns);
  }
}

TEST_P(ModelVsPrediction, LoopLagIsMeasuredOnEveryEventLoop) {
  const ModelCase &c = GetParam();
  const Experiment e = test::closed_experiment(
      test::variant(c.model, c.kind, 1000, c.pool, c.loops, c.offload), 4, 4, 0.02);
  RunOptions options;
  options.calibration = &calibration();
  const RunResults r = run_experiment(e, options);
  const VariantResult &v = r.variants.front();
  const bool loop_model = c.model != "thread_pool" && c.model != "thread_per_task";
  EXPECT_EQ(v.summary.loop_lag_s.measured, loop_model);
  if (!loop_model)
    return;
  const std::size_t loops = c.model == "multi_loop" ? static_cast<std::size_t>(c.loops) : 1;
  EXPECT_EQ(v.repeats.front().loop_lag.size(), loops);
  const bool freezes_loop = c.kind != StepKind::io && !c.offload &&
                            c.model != "event_loop_offload";
  if (freezes_loop) // 20 ms blocking steps on the loop thread: the probe must see it
    EXPECT_GT(v.summary.loop_lag_s.max_s, 0.010);
  else
    EXPECT_LT(v.summary.loop_lag_s.max_s, 0.010);
}

INSTANTIATE_TEST_SUITE_P(
    AllModels, ModelVsPrediction,
    testing::Values(ModelCase{"event_loop", StepKind::io}, ModelCase{"event_loop", StepKind::blocking_io},
                    ModelCase{"event_loop", StepKind::cpu},
                    ModelCase{"event_loop_offload", StepKind::io, 3},
                    ModelCase{"event_loop_offload", StepKind::blocking_io, 3},
                    ModelCase{"event_loop_offload", StepKind::cpu, 3},
                    ModelCase{"thread_pool", StepKind::io, 3},
                    ModelCase{"thread_pool", StepKind::blocking_io, 3},
                    ModelCase{"thread_pool", StepKind::cpu, 3},
                    ModelCase{"thread_per_task", StepKind::io},
                    ModelCase{"thread_per_task", StepKind::blocking_io},
                    ModelCase{"thread_per_task", StepKind::cpu},
                    ModelCase{"multi_loop", StepKind::io, 0, 3},
                    ModelCase{"multi_loop", StepKind::blocking_io, 0, 3},
                    ModelCase{"multi_loop", StepKind::cpu, 0, 3},
                    ModelCase{"qt_event_loop", StepKind::io},
                    ModelCase{"qt_event_loop", StepKind::blocking_io},
                    ModelCase{"qt_event_loop", StepKind::cpu},
                    ModelCase{"qt_event_loop", StepKind::blocking_io, 3, 0, true},
                    ModelCase{"qt_event_loop", StepKind::cpu, 3, 0, true}),
    case_name);

TEST(ModelWorkers, EachModelUsesTheThreadsItShould) {
  static const CpuCalibration calibration = CpuWork::calibrate();
  RunOptions options;
  options.calibration = &calibration;
  auto workers = [&](Variant v) {
    const RunResults r = run_experiment(test::closed_experiment(std::move(v), 8, 8, 0.01), options);
    return r.variants.front().summary.workers_used;
  };
  EXPECT_EQ(workers(test::variant("event_loop", StepKind::io, 1000)), 1u);
  EXPECT_EQ(workers(test::variant("thread_pool", StepKind::blocking_io, 1000, 4)), 4u);
  EXPECT_EQ(workers(test::variant("thread_per_task", StepKind::blocking_io, 1000)), 8u);
  EXPECT_EQ(workers(test::variant("multi_loop", StepKind::io, 1000, 0, 2)), 2u);
}

TEST(ClosedLoad, FewerClientsThanTasksCapConcurrency) {
  // 12 io tasks of 30 ms on an event loop, 4 clients: ⌈12/4⌉ = 3 waves.
  const Experiment e =
      test::closed_experiment(test::variant("event_loop", StepKind::io, 1000), 12, 4, 0.03);
  const RunResults r = run_experiment(e);
  const VariantResult &v = r.variants.front();
  ASSERT_TRUE(v.prediction.makespan_s);
  EXPECT_NEAR(*v.prediction.makespan_s, 0.09, 1e-9);
  EXPECT_GT(v.summary.makespan_s / 0.09, 0.97);
  EXPECT_LT(v.summary.makespan_s / 0.09, 1.4);
  EXPECT_LE(v.summary.peak_threads, 64u);
}

TEST(OpenLoad, LatencyCountsFromTheIntendedArrival) {
  // 40 arrivals at 400/s into a 1-thread pool that needs 20 ms per task: the pool falls behind,
  // and response times must grow with the queue (no coordinated omission).
  Experiment e = test::closed_experiment(test::variant("thread_pool", StepKind::blocking_io, 20, 1),
                                         40, 1, 1.0);
  e.load.kind = LoadKind::open;
  e.load.rate_per_s = 400;
  const RunResults r = run_experiment(e);
  const RepeatResult &run = r.variants.front().repeats.front();
  ASSERT_EQ(run.summary.completed, 40u);
  for (const TaskSample &s : run.samples)
    EXPECT_NEAR(static_cast<double>(s.submit_ns - run.samples.front().submit_ns),
                static_cast<double>(s.task) * 2.5e6, 1.0);
  // The last task arrives at 97.5 ms but cannot start before 39 × 20 ms = 780 ms.
  EXPECT_GT(run.summary.latency_s.max, 0.6);
}

} // namespace
} // namespace conlab
