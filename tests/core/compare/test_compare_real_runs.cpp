// The comparison on real runs, not constructed ones: the same experiment measured twice on this
// machine (A/A) must pass the default gate, and a real slowdown (a pool of 8 cut to 4 under 5
// clients of blocking work: throughput −20 %, p99 twice as long) must be caught every time.
// bench/compare_aa.cpp measures the same rates over 20 pairs; here a few pairs at a small time
// scale keep it short.
#include "core/compare/compare.h"
#include "core/compare/regression_gate.h"
#include "core/compare/sweep_compare.h"
#include "core/engine/cpu_work.h"
#include "core/engine/runner.h"
#include "core/sweep/sweep_runner.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

namespace conlab {
namespace {

#ifdef CONLAB_SANITIZED
// Waits of 20 ms: a sanitizer's late wake-ups stay a small part of the tail. At 12 ms a TSan run
// in a fresh root once saw no pair's p99 doubling clear the noise, while throughput's did.
constexpr double kTimeScale = 1.0;
#else
constexpr double kTimeScale = 0.4; // waits of 8 ms
#endif
constexpr int kRepeats = 5; // a side, as the gate's advice says
constexpr int kPairs = 3;

// 5 clients of 100 blocking tasks of 20 ms (scaled) on a pool of `pool`: with 8 threads every
// client is served at once; with 4 one of the five always waits a whole task.
Experiment blocking_pool(int pool) {
  Variant v = test::variant("thread_pool", StepKind::blocking_io, 20, pool);
  v.label = "pool"; // the same label on both sides: the change is the pool, not the variant
  Experiment e = test::closed_experiment(std::move(v), 100, 5, kTimeScale);
  e.repeats = kRepeats;
  return e;
}

RunResults run(const Experiment &e) {
  static const CpuCalibration calibration = CpuWork::calibrate();
  return run_experiment(e, RunOptions{.calibration = &calibration});
}

GateReport gate(const RunResults &a, const RunResults &b, Metric metric) {
  return apply_gate(compare_runs(a, b), RegressionGate{.metric = metric});
}

// A false alarm in a pair happens at most about 1 time in 40 by construction (the worse side of a
// 95% interval, and worse by 5% besides); two in three pairs would take a broken noise estimate.

TEST(CompareRealRuns, SameExperimentTwicePassesTheGates) {
  int p99_alarms = 0, throughput_alarms = 0;
  for (int pair = 0; pair < kPairs; ++pair) {
    const RunResults a = run(blocking_pool(8));
    const RunResults b = run(blocking_pool(8));
    const GateReport by_p99 = gate(a, b, Metric::latency_p99);
    EXPECT_NE(by_p99.result(), GateResult::not_enough_evidence) << "5 runs a side are evidence";
    p99_alarms += by_p99.regressed();
    throughput_alarms += gate(a, b, Metric::throughput).regressed();
  }
  EXPECT_LE(p99_alarms, 1) << "A/A pairs failing the default (p99) gate, of " << kPairs;
  EXPECT_LE(throughput_alarms, 1) << "A/A pairs failing the throughput gate, of " << kPairs;
}

// The slowdown is one of throughput, and the throughput gate must see it every time. A p99 is a
// tail: one baseline run with a slow tail on a busy machine can widen its interval past the
// doubling, so two pairs in three is what is asked of it.
TEST(CompareRealRuns, HalvedPoolIsCaughtInEveryPair) {
  int p99_caught = 0;
  for (int pair = 0; pair < kPairs; ++pair) {
    const RunResults a = run(blocking_pool(8));
    const RunResults b = run(blocking_pool(4));
    const Comparison c = compare_runs(a, b);
    ASSERT_EQ(c.variants.size(), 1u);
    const MetricComparison *throughput = c.variants[0].find(Metric::throughput);
    ASSERT_NE(throughput, nullptr);
    ASSERT_TRUE(throughput->relative_change());
    // 4 of 5 clients served at a time instead of 5: −20 %.
    EXPECT_NEAR(*throughput->relative_change(), -0.2, 0.06) << "pair " << pair;
    EXPECT_EQ(throughput->verdict, Verdict::worse) << "pair " << pair;
    EXPECT_EQ(apply_gate(c, RegressionGate{.metric = Metric::throughput}).result(),
              GateResult::regressed)
        << "pair " << pair;
    p99_caught += apply_gate(c, RegressionGate{}).regressed();
  }
  EXPECT_GE(p99_caught, kPairs - 1) << "pairs the default (p99) gate caught";
}

// The sweep over P = 4 and 8 of the experiment above, its step `ms` long (scaled).
RunResults pool_sweep(double ms) {
  static const CpuCalibration calibration = CpuWork::calibrate();
  Experiment e = blocking_pool(8);
  e.repeats = 3; // a 50% change needs fewer runs than a 20% one
  e.variants[0].steps[0].duration.ms = ms;
  e.sweep = Sweep{.axes = {SweepAxis{.parameter = SweepParameter::pool_size, .values = {4, 8}}}};
  return run_sweep(e, SweepOptions{.calibration = &calibration});
}

TEST(CompareRealRuns, SweepAgainstItselfPassesAndLongerWaitsAreWorseAtEveryPoint) {
  const RunResults a = pool_sweep(20);
  const SweepComparison same = compare_sweeps(a, pool_sweep(20));
  ASSERT_EQ(same.points.size(), 2u);
  EXPECT_NE(apply_gate(same, RegressionGate{}).result(), GateResult::not_enough_evidence);
  EXPECT_NE(apply_gate(same, RegressionGate{.metric = Metric::makespan}).result(),
            GateResult::regressed);

  const SweepComparison slower = compare_sweeps(a, pool_sweep(30)); // every wait 50% longer
  for (const SweepPointComparison &p : slower.points) {
    const MetricComparison *makespan = p.comparison.variants.at(0).find(Metric::makespan);
    ASSERT_NE(makespan, nullptr);
    EXPECT_NEAR(*makespan->relative_change(), 0.5, 0.12) << p.label;
    EXPECT_EQ(makespan->verdict, Verdict::worse) << p.label;
  }
  EXPECT_EQ(apply_gate(slower, RegressionGate{.metric = Metric::makespan}).result(),
            GateResult::regressed);
  EXPECT_EQ(changed_points_text(slower, Metric::makespan),
            "makespan: worse beyond the noise at every point");
}

} // namespace
} // namespace conlab
