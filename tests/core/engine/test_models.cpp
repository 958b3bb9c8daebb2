// Every model × step kind against its closed-form prediction, at a small time scale.
// Tolerances are ratios that hold on a loaded 2-core machine; predictions for one model differ
// by 2× or more between step kinds, so a model that schedules wrongly still fails.
#include "core/engine/model_registry.h"
#include "core/engine/runner.h"
#include "core/results/environment.h"
#include "tests/support/burn_now.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <set>
#include <thread>

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
public:
  static const CpuCalibration &calibration() {
    static const CpuCalibration c = CpuWork::calibrate();
    return c;
  }
};

// The closed form for cpu steps, timed now: the model's computing threads (k = min(its limit,
// tasks)) each burn an equal share of the total work at once, and the cores share them out.
double ideal_cpu_now(const Experiment &e) {
  const Variant &v = e.variants.front();
  const ModelInfo *info = find_model(v.model);
  const auto tasks = static_cast<double>(e.load.tasks);
  const int threads = static_cast<int>(std::min(info->concurrency(v, available_cores()).cpu, tasks));
  const double total_ns = tasks * v.steps.front().duration.ms * e.time_scale * 1e6;
  return test::burn_now(ModelVsPrediction::calibration(), threads, total_ns);
}

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
  const double upper = c.kind == StepKind::cpu ? 1.45 : 1.4;
  const double lower = c.kind == StepKind::cpu ? 0.7 : 0.97;

  // Other programs on a 2-core machine come and go, so a run may take up to four attempts.
  // A model that schedules wrongly is wrong every time and still fails.
  RunResults r;
  double expected = 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    // Computation also depends on how much CPU the machine has to spare right now, which a
    // closed form cannot know: the ideal schedule is timed on the spot, with as many plain
    // threads as the model may compute on. An idle machine gives the closed form itself.
    const double ideal = c.kind == StepKind::cpu ? ideal_cpu_now(e) : 0;
    RunResults next = run_experiment(e, options);
    ASSERT_EQ(next.status, RunStatus::completed) << next.error;
    ASSERT_TRUE(next.variants[0].prediction.makespan_s) << next.variants[0].prediction.formula;
    const double target = c.kind == StepKind::cpu ? ideal : *next.variants[0].prediction.makespan_s;
    // Keep the attempt closest to the expectation; noise can push either way here.
    const double ratio = next.variants[0].summary.makespan_s / target;
    if (attempt == 0 ||
        std::abs(std::log(ratio)) < std::abs(std::log(r.variants[0].summary.makespan_s / expected))) {
      r = std::move(next);
      expected = target;
    }
    if (ratio > lower && ratio < upper)
      break;
  }
  ASSERT_EQ(r.variants.size(), 1u);
  const VariantResult &v = r.variants.front();
  ASSERT_EQ(v.summary.completed, static_cast<std::uint32_t>(kTasks));

  const double ratio = v.summary.makespan_s / expected;
  const std::string what = v.prediction.formula + "; expected " + std::to_string(expected) +
                           " s, measured " + std::to_string(v.summary.makespan_s) + " s";
  EXPECT_GT(ratio, lower) << what;
  EXPECT_LT(ratio, upper) << what;

  for (const TaskSample &s : v.repeats.front().samples) {
    ASSERT_TRUE(s.finished());
    EXPECT_LE(s.submit_ns, s.start_ns);
    EXPECT_LE(s.start_ns, s.end_ns);
  }
}

TEST_P(ModelVsPrediction, LoopLagIsMeasuredOnEveryEventLoop) {
  const ModelCase &c = GetParam();
  // Steps of 4 s at time scale 0.1: 400 ms each, long enough that a frozen loop (late by a whole
  // step) stands apart from a free one kept waiting for a core (71 ms was seen under TSan, and
  // 100 ms in a fresh root beside another test on 2 cores).
  // A model without a loop only has to show that it measured none, which short steps show.
  const bool loop_model = c.model != "thread_pool" && c.model != "thread_per_task";
  const double step_s = loop_model ? 0.4 : 0.02;
  const Experiment e = test::closed_experiment(
      test::variant(c.model, c.kind, step_s / 0.1 * 1000, c.pool, c.loops, c.offload), 4, 4, 0.1);
  RunOptions options;
  options.calibration = &calibration();
  const RunResults r = run_experiment(e, options);
  const VariantResult &v = r.variants.front();
  EXPECT_EQ(v.summary.loop_lag_s.measured, loop_model);
  if (!loop_model)
    return;
  const std::size_t loops = c.model == "multi_loop" ? static_cast<std::size_t>(c.loops) : 1;
  EXPECT_EQ(v.repeats.front().loop_lag.size(), loops);
  const bool freezes_loop = c.kind != StepKind::io && !c.offload &&
                            c.model != "event_loop_offload";
  // A loop that runs the steps itself is late by about a whole step. A free loop is late only by
  // what the scheduler costs it: little on idle cores, but beside CPU-bound offload threads that
  // outnumber the cores its thread waits for a core, up to a time slice of CFS (whose latency
  // target is 24 ms on 2 cores; 31 ms was seen on a loaded 2-core machine).
  if (freezes_loop)
    EXPECT_GT(v.summary.loop_lag_s.max_s, 0.8 * step_s);
  else if (c.kind == StepKind::cpu)
    EXPECT_LT(v.summary.loop_lag_s.max_s, 0.5 * step_s);
  else
    EXPECT_LT(v.summary.loop_lag_s.max_s, 0.25 * step_s);
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
