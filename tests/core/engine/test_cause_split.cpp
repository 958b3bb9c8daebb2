// Where each task's time went, in cases whose split is known by construction: more CPU-bound
// threads than cores wait for a core, blocking calls block, a small pool queues, and a loop that
// runs a blocking step keeps every other ready task waiting.
#include "core/engine/runner.h"
#include "core/experiment/spec_json.h"
#include "core/results/results_json.h"
#include "tests/support/calibrated_run.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <sched.h>

#include <cmath>
#include <set>

namespace conlab {
namespace {

int usable_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0)
    return 1;
  return CPU_COUNT(&set);
}

// Every split adds up to the response time: what it does not explain stays within a few percent.
void expect_adds_up(const CauseSplit &split) {
  ASSERT_TRUE(split.measured);
  ASSERT_GT(split.tasks, 0u);
  EXPECT_LT(std::abs(split.share(Cause::other)), 0.03)
      << "unexplained " << split.seconds(Cause::other) << " s";
  for (Cause c : kCauses) {
    if (c != Cause::other) {
      EXPECT_GE(split.seconds(c), 0) << cause_key(c);
    }
  }
}

const CauseSplit &only_split(const RunResults &r) { return r.variants.front().summary.causes; }

// Four CPU-bound threads per core, each task on a thread of its own: every thread gets a quarter
// of a core, so it waits for one about three times as long as it runs.
TEST(CauseSplit, MoreCpuThreadsThanCoresAreMostlyRunnable) {
  const int pool = 4 * usable_cores();
  const RunResults r = test::run_calibrated(
      test::closed_experiment(test::variant("thread_pool", StepKind::cpu, 40, pool), pool, pool));
  const CauseSplit &s = only_split(r);
  expect_adds_up(s);
  EXPECT_EQ(s.largest(), Cause::runnable);
  EXPECT_GT(s.share(Cause::runnable), 0.5);
  const double ratio = s.seconds(Cause::runnable) / s.seconds(Cause::on_cpu);
  EXPECT_GT(ratio, 1.5) << "ready for a core ÷ on a core, 3 by construction";
  // Nothing queues by construction, but starting the threads counts as queue: 11% under TSan.
  EXPECT_LT(s.share(Cause::queue_wait), 0.2);
  // The explanation draws the conclusion: the cores, not the pool, were the limit.
  const std::string &why = r.variants.front().explanation;
  EXPECT_NE(why.find("ready but waiting for a core: the CPU"), std::string::npos) << why;
  EXPECT_NE(why.find("not the pool of " + std::to_string(pool) + ", was the limit"),
            std::string::npos)
      << why;
}

TEST(CauseSplit, BlockingCallsOnAPoolAreMostlyBlocked) {
  const RunResults r = test::run_calibrated(
      test::closed_experiment(test::variant("thread_pool", StepKind::blocking_io, 50, 8), 8, 8));
  const CauseSplit &s = only_split(r);
  expect_adds_up(s);
  EXPECT_EQ(s.largest(), Cause::blocked);
  // Of the time since each task started: waking eight threads takes a while under a sanitizer.
  const double started = s.response_s - s.seconds(Cause::queue_wait);
  EXPECT_GT(s.seconds(Cause::blocked) / started, 0.9);
  EXPECT_LT(s.share(Cause::on_cpu), 0.05);
}

// 100 tasks at once on 10 threads run in 10 waves: the k-th wave waited k waves, so Σ queue ÷
// Σ response = 45 ÷ 55.
TEST(CauseSplit, TasksBeyondThePoolAreMostlyQueued) {
  const RunResults r = test::run_calibrated(test::closed_experiment(
      test::variant("thread_pool", StepKind::blocking_io, 20, 10), 100, 100));
  const CauseSplit &s = only_split(r);
  expect_adds_up(s);
  EXPECT_EQ(s.largest(), Cause::queue_wait);
  EXPECT_NEAR(s.share(Cause::queue_wait), 45.0 / 55.0, 0.08);
}

// Eight tasks await 10 ms, then make a blocking call of 20 ms on the loop thread. All eight are
// ready at 10 ms, and the k-th runs its call only once k calls before it are done: Σ delay =
// 20 ms · (0 + … + 7) = 560 ms of Σ response 80 + 20 · (1 + … + 8) = 800 ms, once started. A
// loop slow to start the tasks (18 ms under TSan on a loaded machine) adds queue to each: the
// shares are of the time after the start.
TEST(CauseSplit, ABlockingStepOnALoopDelaysEveryOtherTask) {
  Variant v = test::variant("event_loop", StepKind::io, 10);
  v.steps.push_back(test::step(StepKind::blocking_io, 20));
  const RunResults r = test::run_calibrated(test::closed_experiment(v, 8, 8));
  const CauseSplit &s = only_split(r);
  expect_adds_up(s);
  EXPECT_EQ(s.largest(), Cause::loop_delay);
  const double started = s.response_s - s.seconds(Cause::queue_wait);
  EXPECT_NEAR(s.seconds(Cause::loop_delay) / started, 560.0 / 800.0, 0.07)
      << "queue " << s.seconds(Cause::queue_wait) << " s of " << s.response_s << " s";
  EXPECT_NEAR(s.seconds(Cause::blocked) / started, 240.0 / 800.0, 0.07);
  const std::string &why = r.variants.front().explanation;
  EXPECT_NE(why.find("ready while its loop ran others"), std::string::npos) << why;
}

// Offloaded steps: the executor's thread accounts for the step, the loop for the way back.
TEST(CauseSplit, OffloadedStepsAreSplitOnTheExecutorsThreads) {
  Variant v = test::variant("event_loop_offload", StepKind::io, 10, 2);
  v.steps.push_back(test::step(StepKind::blocking_io, 30));
  const RunResults r = test::run_calibrated(test::closed_experiment(v, 8, 8));
  const CauseSplit &s = only_split(r);
  expect_adds_up(s);
  // Four waves of two 30 ms calls: three in four tasks wait for a thread of the executor.
  EXPECT_EQ(s.largest(), Cause::queue_wait);
  EXPECT_GT(s.share(Cause::blocked), 0.25);
  const RepeatResult &repeat = r.variants.front().repeats.front();
  ASSERT_EQ(repeat.causes.size(), repeat.samples.size());
  // Every blocking step ran on one of the executor's 2 threads, none on the loop's: the
  // timeline's rows for the executor.
  ASSERT_EQ(repeat.step_spans.size(), 8u);
  std::set<std::uint32_t> threads;
  for (const StepSpan &span : repeat.step_spans) {
    threads.insert(span.worker);
    EXPECT_NE(span.worker, repeat.samples[span.task].worker);
    EXPECT_GE(span.start_ns, repeat.samples[span.task].start_ns);
    EXPECT_LE(span.end_ns, repeat.samples[span.task].end_ns);
  }
  EXPECT_EQ(threads.size(), 2u);
}

TEST(CauseSplit, CanBeTurnedOffAndThenOnlyTheLabsOwnPartsAreSplit) {
  RunOptions options;
  options.calibration = &test::calibration();
  options.split = CauseSplitMode::off;
  const RunResults r = run_experiment(
      test::closed_experiment(test::variant("thread_pool", StepKind::blocking_io, 5, 2), 4, 4),
      options);
  const CauseSplit &s = only_split(r);
  EXPECT_FALSE(s.measured);
  EXPECT_TRUE(r.variants.front().repeats.front().causes.empty());
  EXPECT_GT(s.share(Cause::queue_wait), 0.2); // two waves of two
  EXPECT_EQ(s.seconds(Cause::blocked), 0);
}

// Steps on threads of 100 µs: reading the accounting around each (about 2.4 µs) would add 2% to
// them, so the automatic split leaves the variant out, and `on` splits it anyway. Waits on a
// loop cost no reading and are split whatever their length.
TEST(CauseSplit, IsLeftOutAutomaticallyWhereReadingItWouldDistortShortSteps) {
  const Experiment short_steps =
      test::closed_experiment(test::variant("thread_pool", StepKind::cpu, 0.1, 2), 4, 4);
  EXPECT_FALSE(split_is_cheap(short_steps.variants.front(), 1.0));
  EXPECT_TRUE(split_is_cheap(short_steps.variants.front(), 10.0));
  EXPECT_TRUE(split_is_cheap(test::variant("event_loop", StepKind::io, 0.01), 1.0));
  EXPECT_FALSE(split_is_cheap(test::variant("event_loop", StepKind::cpu, 0.01), 1.0));
  RunOptions options;
  options.calibration = &test::calibration();
  const RunResults automatic = run_experiment(short_steps, options);
  EXPECT_FALSE(only_split(automatic).measured);
  EXPECT_EQ(only_split(automatic).left_out, SplitLeftOut::short_steps);
  EXPECT_EQ(only_split(results_from_json(to_json(automatic))).left_out, SplitLeftOut::short_steps);
  options.split = CauseSplitMode::on;
  expect_adds_up(only_split(run_experiment(short_steps, options)));
}

// Loops in worker processes run their tasks out of the recorder's sight: nothing to split, even
// when asked, and the results say why.
TEST(CauseSplit, IsLeftOutWhereTasksRunInWorkerProcesses) {
  Variant v = test::variant("multi_loop", StepKind::io, 5, 0, 2);
  v.processes = true;
  RunOptions options;
  options.calibration = &test::calibration();
  options.split = CauseSplitMode::on;
  const RunResults r = run_experiment(test::closed_experiment(v, 4, 4), options);
  EXPECT_FALSE(only_split(r).measured);
  EXPECT_EQ(only_split(r).left_out, SplitLeftOut::child_processes);
  EXPECT_TRUE(r.variants.front().repeats.front().causes.empty());
}

TEST(CauseSplit, ResultsFilesKeepItPerTaskAndPerVariant) {
  const RunResults r = test::run_calibrated(
      test::closed_experiment(test::variant("thread_pool", StepKind::cpu, 5, 2), 4, 4));
  const RunResults back = results_from_json(to_json(r));
  const CauseSplit &a = only_split(r), &b = only_split(back);
  EXPECT_EQ(b.measured, a.measured);
  EXPECT_EQ(b.tasks, a.tasks);
  for (Cause c : kCauses)
    EXPECT_NEAR(b.seconds(c), a.seconds(c), 1e-9) << cause_key(c);
  EXPECT_EQ(back.variants.front().repeats.front().step_spans.size(),
            r.variants.front().repeats.front().step_spans.size());
  const auto &causes = back.variants.front().repeats.front().causes;
  const auto &original = r.variants.front().repeats.front().causes;
  ASSERT_EQ(causes.size(), original.size());
  for (std::size_t i = 0; i < causes.size(); ++i)
    EXPECT_NEAR(causes[i].on_cpu_s, original[i].on_cpu_s, 1e-8);
}

TEST(CauseSplit, AResultsFileWithAShortCausesColumnIsRefusedByPath) {
  const RunResults r = test::run_calibrated(
      test::closed_experiment(test::variant("thread_pool", StepKind::io, 2, 2), 4, 4));
  boost::json::value json = to_json(r);
  json.at("variants").at(0).at("repeats").at(0).at("causes").at("on_cpu_ns").as_array().pop_back();
  try {
    results_from_json(json);
    FAIL() << "accepted";
  } catch (const SpecError &e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("variants[0].repeats[0].causes."), std::string::npos) << message;
    EXPECT_NE(message.find("on_cpu_ns has 3"), std::string::npos) << message;
  }
}

} // namespace
} // namespace conlab
