// A stop request (Ctrl-C, Cancel) ends a run promptly on every model, joins every thread it
// started and keeps the samples of the tasks that finished.
#include "core/engine/runner.h"
#include "core/engine/telemetry.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

namespace conlab {
namespace {

using namespace std::chrono_literals;

struct CancelCase {
  std::string model;
  StepKind kind;
  int pool = 0;
  bool offload = false;
  bool gil = false;
  int background = 0; // background_cpu_threads
};

class Cancellation : public testing::TestWithParam<CancelCase> {};

// The process's thread count once it has come down to `expected`, or after a second. A thread
// that pthread_join has returned for is still counted in /proc/self/status until the kernel has
// finished its exit, which on a loaded machine can be after the next test has begun; a thread
// that really outlived the run is still there after the second.
std::uint32_t thread_count_once_settled(std::uint32_t expected) {
  const auto deadline = std::chrono::steady_clock::now() + 1s;
  std::uint32_t n = current_thread_count();
  while (n > expected && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
    n = current_thread_count();
  }
  return n;
}

// Long tasks (10 s each) under a closed load: only a stop can end this run in time.
TEST_P(Cancellation, StopsWithinASecondAndJoinsEveryThread) {
  const CancelCase &c = GetParam();
  static const CpuCalibration calibration = CpuWork::calibrate();
  const std::uint32_t threads_before = current_thread_count();
  Variant v = test::variant(c.model, c.kind, 10'000, c.pool, 0, c.offload);
  if (c.gil)
    v.gil = GilKind::cpython;
  if (c.background)
    v.background_cpu_threads = c.background;
  const Experiment e = test::closed_experiment(v, 50, 10);

  std::stop_source stop;
  RunOptions options;
  options.stop = stop.get_token();
  options.calibration = &calibration;
  auto run = std::async(std::launch::async, [&] { return run_experiment(e, options); });
  std::this_thread::sleep_for(200ms);
  const auto asked = std::chrono::steady_clock::now();
  stop.request_stop();
  ASSERT_EQ(run.wait_for(5s), std::future_status::ready) << "run did not stop";
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
  const RunResults r = run.get();

  EXPECT_LT(took, 1.0);
  EXPECT_EQ(r.status, RunStatus::cancelled);
  ASSERT_EQ(r.variants.front().repeats.size(), 1u);
  const RepeatResult &rep = r.variants.front().repeats.front();
  EXPECT_FALSE(rep.complete);
  EXPECT_EQ(rep.samples.size(), 50u);
  EXPECT_GT(rep.summary.tasks, rep.summary.completed);
  EXPECT_EQ(thread_count_once_settled(threads_before), threads_before)
      << "a thread outlived the run";
}

INSTANTIATE_TEST_SUITE_P(
    AllModels, Cancellation,
    testing::Values(CancelCase{"event_loop", StepKind::io},
                    CancelCase{"event_loop", StepKind::blocking_io},
                    CancelCase{"event_loop", StepKind::cpu},
                    CancelCase{"event_loop_offload", StepKind::blocking_io, 3},
                    CancelCase{"thread_pool", StepKind::blocking_io, 3},
                    CancelCase{"thread_pool", StepKind::cpu, 3},
                    CancelCase{"thread_per_task", StepKind::blocking_io},
                    CancelCase{"multi_loop", StepKind::io},
                    CancelCase{"qt_event_loop", StepKind::io},
                    CancelCase{"qt_event_loop", StepKind::cpu},
                    CancelCase{"qt_event_loop", StepKind::blocking_io, 3, true},
                    // Under a GIL, with threads computing beside the tasks: every one joined,
                    // none left holding the lock.
                    CancelCase{"thread_pool", StepKind::cpu, 3, false, true, 2},
                    CancelCase{"event_loop", StepKind::io, 0, false, true, 1},
                    CancelCase{"event_loop_offload", StepKind::cpu, 3, false, true, 1},
                    CancelCase{"thread_pool", StepKind::blocking_io, 3, false, false, 2}),
    [](const testing::TestParamInfo<CancelCase> &p) {
      return p.param.model + (p.param.offload ? "_offload_" : "_") + to_string(p.param.kind) +
             (p.param.gil ? "_gil" : "") +
             (p.param.background ? "_background" + std::to_string(p.param.background) : "");
    });

TEST(Cancellation, KeepsWhatFinishedBeforeTheStop) {
  // 20 tasks of 100 ms on 2 threads would take 1 s; stop as soon as progress shows two done.
  const Experiment e =
      test::closed_experiment(test::variant("thread_pool", StepKind::blocking_io, 100, 2), 20, 20);
  std::stop_source stop;
  RunOptions options;
  options.stop = stop.get_token();
  options.on_progress = [&](const RunProgress &p) {
    if (p.finished >= 2)
      stop.request_stop();
  };
  const RunResults r = run_experiment(e, options);
  EXPECT_EQ(r.status, RunStatus::cancelled);
  const RepeatResult &rep = r.variants.front().repeats.front();
  EXPECT_GE(rep.summary.completed, 2u);
  EXPECT_LT(rep.summary.completed, 20u);
  std::uint32_t finished = 0;
  for (const TaskSample &s : rep.samples)
    if (s.finished()) {
      ++finished;
      EXPECT_GE(s.service_ns(), 99'000'000);
    }
  EXPECT_EQ(finished, rep.summary.completed);
}

TEST(Cancellation, LaterVariantsDoNotStart) {
  Experiment e =
      test::closed_experiment(test::variant("thread_pool", StepKind::blocking_io, 5000, 2), 4, 4);
  e.variants.push_back(test::variant("event_loop", StepKind::io, 10));
  std::stop_source stop;
  RunOptions options;
  options.stop = stop.get_token();
  auto run = std::async(std::launch::async, [&] { return run_experiment(e, options); });
  std::this_thread::sleep_for(100ms);
  stop.request_stop();
  const RunResults r = run.get();
  EXPECT_EQ(r.status, RunStatus::cancelled);
  EXPECT_EQ(r.variants.size(), 2u);
  EXPECT_TRUE(r.variants[1].repeats.empty());
}

} // namespace
} // namespace conlab
