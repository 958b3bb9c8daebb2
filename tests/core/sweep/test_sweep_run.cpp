// Running sweeps: every point measured beside its simulation, the shuffled order, cancel that
// keeps finished runs, resume that does not redo them, and the confirmation a big grid needs.
#include "core/results/results_json.h"
#include "core/sweep/sweep.h"
#include "core/sweep/sweep_runner.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include <unistd.h>

namespace conlab {
namespace {

#ifdef CONLAB_SANITIZED
constexpr double kTimeScale = 0.12; // thread start-up under a sanitizer swamps shorter tasks
#else
constexpr double kTimeScale = 0.04;
#endif

const CpuCalibration &calibration() {
  static const CpuCalibration c = CpuWork::calibrate();
  return c;
}

Experiment pool_sweep(std::vector<double> pools, double ms, int repeats = 1) {
  Experiment e = test::closed_experiment(
      test::variant("thread_pool", StepKind::blocking_io, ms, 1), 8, 8, kTimeScale);
  e.repeats = repeats;
  e.sweep = Sweep{.axes = {SweepAxis{.parameter = SweepParameter::pool_size,
                                     .values = std::move(pools)}}};
  return e;
}

// A pool of 900,000 threads is beyond any machine this runs on: that point is not run for the
// pool, says which limit stopped it, and survives a results file; the other variant and the
// other point run. Nothing was started for it, so the sweep takes no longer than the rest.
TEST(SweepRun, AVariantBeyondTheMachineIsLeftOutOfThatPointWithTheReason) {
  Experiment e = pool_sweep({2, 900'000}, 100);
  e.variants.push_back(test::variant("event_loop", StepKind::io, 100));
  ASSERT_TRUE(validate_experiment(e, 2).empty());
  SweepOptions options;
  options.calibration = &calibration();
  const RunResults r = run_sweep(e, options);
  ASSERT_EQ(r.status, RunStatus::completed) << r.error;
  ASSERT_EQ(r.sweep->points.size(), 2u);
  const SweepVariantPoint &fits = r.sweep->points[0].variants[0];
  const SweepVariantPoint &beyond = r.sweep->points[1].variants[0];
  EXPECT_TRUE(fits.beyond_machine.empty());
  EXPECT_TRUE(fits.mean(SweepMetric::makespan));
  EXPECT_NE(beyond.beyond_machine.find("needs 900000 threads at once, and this machine allows"),
            std::string::npos)
      << beyond.beyond_machine;
  EXPECT_TRUE(beyond.measurements.empty());
  EXPECT_TRUE(r.sweep->points[1].variants[1].mean(SweepMetric::makespan)); // the loop ran
  EXPECT_EQ(r.sweep->runs_done, r.sweep->runs_total);
  // Cost per task is measured at every point that ran.
  EXPECT_GT(*fits.mean(SweepMetric::switches_per_task), 0);
  const RunResults again = results_from_json(to_json(r));
  EXPECT_EQ(again.sweep->points[1].variants[0].beyond_machine, beyond.beyond_machine);
}

TEST(SweepRun, EveryPointMatchesItsSimulation) {
  // 8 blocking tasks of 1 s (40 ms at this scale): ⌈8/P⌉ waves, 8 at P = 1 and 2 at P = 4.
  const Experiment e = pool_sweep({1, 4}, 1000);
  SweepOptions options;
  options.calibration = &calibration();
  // A loaded 2-core machine can slow one run; a wrong schedule is wrong every time.
  RunResults r;
  for (int attempt = 0; attempt < 3; ++attempt) {
    r = run_sweep(e, options);
    ASSERT_EQ(r.status, RunStatus::completed) << r.error;
    bool close = true;
    for (const SweepPoint &p : r.sweep->points) {
      const double ratio = *p.variants[0].mean(SweepMetric::makespan) /
                           p.variants[0].simulated->makespan_s;
      close = close && ratio > 0.97 && ratio < 1.4;
    }
    if (close)
      break;
  }
  ASSERT_EQ(r.sweep->points.size(), 2u);
  ASSERT_EQ(r.sweep->runs_done, 2u);
  for (const SweepPoint &p : r.sweep->points) {
    const SweepVariantPoint &v = p.variants[0];
    ASSERT_TRUE(v.simulated);
    ASSERT_TRUE(v.predicted_makespan_s) << "thread_pool blocking has a closed form";
    EXPECT_DOUBLE_EQ(v.simulated->makespan_s, *v.predicted_makespan_s)
        << "the simulator matches the closed form exactly";
    const double ratio = *v.mean(SweepMetric::makespan) / v.simulated->makespan_s;
    EXPECT_GT(ratio, 0.97) << "P = " << p.values[0];
    EXPECT_LT(ratio, 1.4) << "P = " << p.values[0];
  }
  const double speedup = *r.sweep->points[0].variants[0].mean(SweepMetric::makespan) /
                         *r.sweep->points[1].variants[0].mean(SweepMetric::makespan);
  EXPECT_NEAR(speedup, 4.0, 1.0) << "four times the threads, a quarter of the waves";
}

TEST(SweepRun, RunsEveryPointAndRepeatOnceInASeededShuffledOrder) {
  Experiment e = pool_sweep({1, 2, 3, 4, 5, 6}, 25, 2); // 1 ms tasks: the order is the point
  SweepOptions options;
  options.calibration = &calibration();
  const RunResults shuffled = run_sweep(e, options);
  ASSERT_EQ(shuffled.status, RunStatus::completed) << shuffled.error;
  std::vector<std::size_t> orders;
  for (const SweepPoint &p : shuffled.sweep->points) {
    ASSERT_EQ(p.variants[0].measurements.size(), 2u);
    EXPECT_TRUE(p.variants[0].has_repeat(0) && p.variants[0].has_repeat(1));
    for (const SweepMeasurement &m : p.variants[0].measurements)
      orders.push_back(m.order);
  }
  std::vector<std::size_t> sorted = orders;
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 0; i < sorted.size(); ++i)
    ASSERT_EQ(sorted[i], i) << "each of the 12 runs once";
  std::vector<std::size_t> grid_order(orders.size());
  for (std::size_t i = 0; i < grid_order.size(); ++i)
    grid_order[i] = (i % 2) * 6 + i / 2; // point-major listing of repeat-major runs
  EXPECT_NE(orders, grid_order) << "shuffled";

  const SweepPlan again = plan_sweep(e, 2);
  const SweepPlan once_more = plan_sweep(e, 2);
  EXPECT_EQ(again.order, once_more.order) << "the same seed gives the same order";

  e.sweep->shuffle = false;
  const SweepPlan listed = plan_sweep(e, 2);
  for (std::size_t i = 0; i < listed.order.size(); ++i)
    EXPECT_EQ(listed.order[i], (std::pair<std::size_t, int>{i % 6, static_cast<int>(i / 6)}));
}

TEST(SweepRun, CancelKeepsFinishedRunsAndResumeDoesNotRedoThem) {
  const Experiment e = pool_sweep({1, 2, 4, 8}, 50);
  std::stop_source stop;
  SweepOptions options;
  options.calibration = &calibration();
  options.stop = stop.get_token();
  int saved = 0;
  options.on_run_done = [&](const RunResults &) {
    ++saved;
    stop.request_stop(); // after the first run
  };
  const RunResults cancelled = run_sweep(e, options);
  EXPECT_EQ(cancelled.status, RunStatus::cancelled);
  EXPECT_EQ(saved, 1);
  EXPECT_EQ(cancelled.sweep->runs_done, 1u);
  EXPECT_EQ(cancelled.sweep->runs_total, 4u);

  // Through a file, as conlab-cli sweep --resume does.
  const std::string path =
      (std::filesystem::temp_directory_path() / ("conlab-sweep-" + std::to_string(::getpid()) + ".json"))
          .string();
  save_results(cancelled, path);
  const RunResults loaded = load_results(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded.sweep);
  EXPECT_EQ(loaded.sweep->runs_done, 1u);

  SweepOptions resume;
  resume.resume = &loaded;
  int runs = 0;
  resume.on_run_done = [&](const RunResults &) { ++runs; };
  const RunResults done = run_sweep(e, resume);
  EXPECT_EQ(done.status, RunStatus::completed) << done.error;
  EXPECT_EQ(runs, 3) << "the finished run is not redone";
  EXPECT_EQ(done.sweep->runs_done, 4u);
  std::set<std::size_t> orders;
  for (const SweepPoint &p : done.sweep->points) {
    ASSERT_EQ(p.variants[0].measurements.size(), 1u) << "P = " << p.values[0];
    orders.insert(p.variants[0].measurements[0].order);
  }
  EXPECT_EQ(orders, (std::set<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(done.calibration.iterations_per_ms, cancelled.calibration.iterations_per_ms)
      << "a resumed sweep computes with the same calibration";
}

TEST(SweepRun, ResumeRefusesAnotherExperimentOrMachine) {
  const Experiment e = pool_sweep({1, 2}, 50);
  RunResults previous;
  previous.experiment = e;
  previous.environment.cores = 2;
  previous.sweep = SweepResults{};
  previous.sweep->points.resize(2);
  EXPECT_NO_THROW(check_resumable(e, previous, 2));
  Experiment other = e;
  other.time_scale *= 2;
  try {
    check_resumable(other, previous, 2);
    ADD_FAILURE() << "a different time scale was accepted";
  } catch (const std::invalid_argument &error) {
    EXPECT_NE(std::string(error.what()).find("time_scale differs"), std::string::npos) << error.what();
  }
  EXPECT_THROW(check_resumable(e, previous, 8), std::invalid_argument);
  RunResults single = previous;
  single.sweep.reset();
  EXPECT_THROW(check_resumable(e, single, 2), std::invalid_argument);
}

TEST(SweepRun, BigOrLongSweepsNeedConfirmationWithTheEstimate) {
  Experiment small = pool_sweep({1, 2}, 1000);
  const SweepPlan plan = plan_sweep(small, 2);
  EXPECT_EQ(plan.variant_runs, 2u);
  // ⌈8/1⌉ and ⌈8/2⌉ waves of 40 ms, plus a little per run.
  EXPECT_NEAR(plan.estimated_s, (8 + 4) * 1.0 * kTimeScale, 0.1);
  EXPECT_FALSE(needs_confirmation(plan));

  Experiment many = small;
  many.repeats = 300; // 600 runs
  const auto why = needs_confirmation(plan_sweep(many, 2));
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("600 variant runs"), std::string::npos) << *why;
  EXPECT_NE(why->find("estimated"), std::string::npos) << *why;

  Experiment long_ = small;
  long_.time_scale = 100; // 12 × 100 s
  const auto slow = needs_confirmation(plan_sweep(long_, 2));
  ASSERT_TRUE(slow);
  EXPECT_NE(slow->find("20 min"), std::string::npos) << *slow;
}

} // namespace
} // namespace conlab
