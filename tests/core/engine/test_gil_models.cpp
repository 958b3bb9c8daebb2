// The models under `"gil": "cpython"`: computation serialised whatever the pool, the convoy of
// waits beside a CPU-bound background thread, and what the summary and the explanation say of
// them. Makespans are compared with the prediction as ratios that hold on a loaded 2-core machine.
#include "core/engine/runner.h"
#include "core/results/environment.h"
#include "tests/support/burn_now.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace conlab {
namespace {

struct GilCase {
  std::string model;
  int pool = 0;
  int loops = 0;
  bool offload = false;
};

std::string case_name(const testing::TestParamInfo<GilCase> &info) {
  return info.param.model + (info.param.offload ? "_offload" : "");
}

const CpuCalibration &calibration() {
  static const CpuCalibration c = CpuWork::calibrate();
  return c;
}

double burn_now(int threads, double total_ns) {
  return test::burn_now(calibration(), threads, total_ns);
}

VariantResult run_one(const Experiment &e) {
  RunOptions options;
  options.calibration = &calibration();
  RunResults r = run_experiment(e, options);
  return r.variants.front();
}

class ComputeUnderTheGil : public testing::TestWithParam<GilCase> {};

// 8 tasks of 40 ms of computation, two threads (or loops) able to run them.
TEST_P(ComputeUnderTheGil, IsSerialWhateverThePool) {
  const GilCase &c = GetParam();
  Variant v = test::variant(c.model, StepKind::cpu, 40, c.pool, c.loops, c.offload);
  v.gil = GilKind::cpython;
  // One core's time for the same work, just before and just after the run: a reference taken
  // while something else had the core is slow, so each bound uses the reference that is fair
  // to it (the faster one to ask "faster than one core?", the slower one for "too slow?").
  const double serial_before = burn_now(1, 8 * 40e6);
  const VariantResult r = run_one(test::closed_experiment(v, 8, 8));
  const double serial_after = burn_now(1, 8 * 40e6);
  ASSERT_TRUE(r.prediction.makespan_s);
  EXPECT_NEAR(*r.prediction.makespan_s, 8 * 0.040, 1e-9) << r.prediction.formula;
  // Two threads computing at once on two cores would take about half of one core's time. On the
  // shared machine the reference itself wavers: runs took 0.79–0.84 of it while a build ran
  // beside, so the floor sits between half and those.
  EXPECT_GT(r.summary.makespan_s / std::min(serial_before, serial_after), 0.7)
      << "faster than one core: the lock let two threads compute at once";
  // Hand-offs of the lock between three threads on two shared cores vary: event_loop_offload
  // took 1.03–1.76× one core's time over 11 runs on a 2-core VM. Twice is "serial, with the
  // cost of switching", not a lock that stalls.
  EXPECT_LT(r.summary.makespan_s / std::max(serial_before, serial_after), 2.0);
  EXPECT_TRUE(r.summary.gil.measured);
  EXPECT_GT(r.summary.gil.held_share, 0.8); // someone computed, holding it, nearly all the time
  if (c.model != "event_loop") {            // one loop thread: nobody to wait for it
    EXPECT_GT(r.summary.gil.forced_switches, 0);
    EXPECT_GT(r.summary.gil_wait_share, 0.1);
  }
}

INSTANTIATE_TEST_SUITE_P(Models, ComputeUnderTheGil,
                         testing::Values(GilCase{"thread_pool", 2}, GilCase{"thread_per_task"},
                                         GilCase{"event_loop"}, GilCase{"event_loop_offload", 2},
                                         GilCase{"multi_loop", 0, 2},
                                         GilCase{"qt_event_loop", 2, 0, true}),
                         case_name);

TEST(ComputeWithoutTheGil, UsesTheCoresAndMeasuresNoLock) {
  if (available_cores() < 2)
    GTEST_SKIP() << "needs two cores to show parallel computation";
  Variant v = test::variant("thread_pool", StepKind::cpu, 40, 2);
  Variant with = v;
  with.gil = GilKind::cpython;
  // Two threads on two cores against two threads taking turns: the speed-up two threads get on
  // this machine right now (about 2× when both cores are free), which the lock takes away. A
  // build beside the test can take a core in the middle of a run (1.33 against 1.38 under ASan
  // in a fresh root); a lock that holds the threads back does it every time, so three tries.
  double ratio = 0, bound = 0;
  for (int attempt = 0; attempt < 3 && !(ratio > bound && bound > 0); ++attempt) {
    const double speedup_now = burn_now(1, 8 * 40e6) / burn_now(2, 8 * 40e6);
    const VariantResult free = run_one(test::closed_experiment(v, 8, 8));
    const VariantResult locked = run_one(test::closed_experiment(with, 8, 8));
    EXPECT_FALSE(free.summary.gil.measured);
    EXPECT_EQ(free.summary.gil_wait_s.max, 0);
    ratio = locked.summary.makespan_s / free.summary.makespan_s;
    bound = 0.7 * speedup_now;
  }
  EXPECT_GT(ratio, bound);
}

TEST(GilExplanation, NamesTheLockAsTheLimit) {
  Variant v = test::variant("thread_pool", StepKind::cpu, 40, 2);
  v.gil = GilKind::cpython;
  const VariantResult r = run_one(test::closed_experiment(v, 8, 8));
  EXPECT_NE(r.explanation.find("for the GIL"), std::string::npos) << r.explanation;
  EXPECT_NE(r.explanation.find("computed at the speed of one"), std::string::npos) << r.explanation;
}

// 20 tasks, one after the other, each a 1 ms blocking wait, on one thread; a background thread
// computes all along.
Experiment convoy(bool gil) {
  Variant v = test::variant("thread_pool", StepKind::blocking_io, 1, 1);
  v.background_cpu_threads = 1;
  if (gil)
    v.gil = GilKind::cpython;
  return test::closed_experiment(v, 20, 1);
}

// Each task wakes twice, to start and when its wait ends, and each wake-up waits about one
// switch interval for the lock.
TEST(GilConvoy, EachWakeUpIsAboutASwitchIntervalLate) {
  const VariantResult r = run_one(convoy(true));
  ASSERT_TRUE(r.prediction.makespan_s) << r.prediction.formula;
  EXPECT_NEAR(*r.prediction.makespan_s, 20 * (0.001 + 2 * 0.005), 1e-9) << r.prediction.formula;
  // Without the convoy the run would take a tenth of the prediction, so the floor is what shows
  // it. The ceiling only asks that a wake-up waits about one interval, not several: a noisy host
  // made it 1.6× once in the fresh root (late wake-ups of the waiting thread add up over 40).
  const double ratio = r.summary.makespan_s / *r.prediction.makespan_s;
  EXPECT_GT(ratio, 0.7);
  EXPECT_LT(ratio, 2.0);
  EXPECT_GT(r.summary.gil_wait_s.p50, 0.7 * 2 * 0.005);
  EXPECT_LT(r.summary.gil_wait_s.p50, 1.5 * 2 * 0.005);
  EXPECT_NE(r.explanation.find("each time a wait ended"), std::string::npos) << r.explanation;
}

TEST(GilConvoy, WithoutTheLockTheBackgroundThreadCostsTheWaitsNothing) {
  const VariantResult r = run_one(convoy(false));
  ASSERT_TRUE(r.prediction.makespan_s) << r.prediction.formula;
  EXPECT_NEAR(*r.prediction.makespan_s, 20 * 0.001, 1e-9);
  EXPECT_LT(r.summary.latency_s.p50, 0.001 + 0.5 * 0.005); // far from a switch interval late
}

TEST(GilSwitchInterval, FollowsTheTimeScale) {
  Experiment e = convoy(true);
  e.variants.front().switch_interval_ms = 20;
  e.variants.front().steps.front().duration.ms = 4;
  e.time_scale = 0.25; // 1 ms waits, 5 ms interval, as above
  const VariantResult r = run_one(e);
  ASSERT_TRUE(r.prediction.makespan_s);
  EXPECT_NEAR(*r.prediction.makespan_s, 20 * (0.001 + 2 * 0.005), 1e-9) << r.prediction.formula;
  EXPECT_GT(r.summary.gil_wait_s.p50, 0.7 * 2 * 0.005);
  EXPECT_LT(r.summary.gil_wait_s.p50, 1.5 * 2 * 0.005);
}

} // namespace
} // namespace conlab
