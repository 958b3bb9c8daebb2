// Worker processes: process_pool, and multi_loop with "processes": true. Each step kind against
// the prediction, the GIL that processes escape, the costs they report, a worker that dies, and
// no process left behind after a run, a death or a stop.
#include "core/engine/processes/child_process.h"
#include "core/engine/processes/fork_gate.h"
#include "core/engine/runner.h"
#include "core/results/environment.h"
#include "tests/support/burn_now.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace conlab {
namespace {

using namespace std::chrono_literals;

const CpuCalibration &calibration() {
  static const CpuCalibration c = CpuWork::calibrate();
  return c;
}

RunResults run(const Experiment &e, std::stop_token stop = {}) {
  RunOptions options;
  options.calibration = &calibration();
  options.stop = std::move(stop);
  return run_experiment(e, options);
}

// The lab's child processes right now, from every one of its threads' lists (a worker is the
// child of the thread that forked it). It allocates while the lab may be forking a worker, so it
// holds forks off as the lab's own background threads do.
std::set<pid_t> children() {
  const auto gate = hold_off_forks();
  std::set<pid_t> out;
  for (const auto &task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream in(task.path() / "children");
    for (pid_t pid; in >> pid;)
      out.insert(pid);
  }
  return out;
}

// No child left: none is listed, and none is waiting to be reaped.
void expect_no_child_left() {
  EXPECT_TRUE(children().empty());
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

Variant processes_variant(const std::string &model, StepKind kind, double ms, int workers) {
  Variant v = test::variant(model, kind, ms, model == "process_pool" ? workers : 0,
                            model == "multi_loop" ? workers : 0);
  if (model == "multi_loop")
    v.processes = true;
  return v;
}

struct StepCase {
  std::string model;
  StepKind kind;
};

class ProcessModels : public testing::TestWithParam<StepCase> {};

// 8 tasks of 40 ms on 2 workers: blocking steps in ⌈8/2⌉ = 4 waves, computation over 2 cores,
// io overlapped on the loop (process_pool awaits it on its loop, each worker loop likewise).
TEST_P(ProcessModels, MatchTheirPrediction) {
  const StepCase &c = GetParam();
  const Variant v = processes_variant(c.model, c.kind, 40, 2);
  // For cpu: as fast as two threads compute the same work on this machine, just before and just
  // after the run; each bound uses the reference that is fair to it (see test_gil_models).
  const bool cpu = c.kind == StepKind::cpu;
  const double before = cpu ? test::burn_now(calibration(), 2, 8 * 40e6) : 0;
  const RunResults r = run(test::closed_experiment(v, 8, 8));
  const double after = cpu ? test::burn_now(calibration(), 2, 8 * 40e6) : 0;
  ASSERT_EQ(r.status, RunStatus::completed) << r.error;
  const VariantResult &result = r.variants.front();
  EXPECT_EQ(result.summary.completed, 8u);
  ASSERT_TRUE(result.prediction.makespan_s) << result.prediction.formula;
  const double waits = c.kind == StepKind::io ? 0.040 : 4 * 0.040;
  // Forked by the first step, inside the makespan.
  const double start = result.summary.processes.start_in_run ? result.summary.processes.start_s : 0;
  const double fast = (cpu ? std::min(before, after) : waits) + start;
  const double slow = (cpu ? std::max(before, after) : waits) + start;
  // A wait cannot end early; a core measured a moment ago may have been busier than now.
  EXPECT_GT(result.summary.makespan_s / fast, cpu ? 0.8 : 0.95) << result.prediction.formula;
  EXPECT_LT(result.summary.makespan_s / slow, 1.5) << result.prediction.formula;
  EXPECT_TRUE(result.summary.processes.measured);
  // process_pool starts its workers with the first step it hands them, and io stays on its loop.
  const bool none_needed = c.model == "process_pool" && c.kind == StepKind::io;
  EXPECT_EQ(result.summary.processes.workers, none_needed ? 0 : 2);
  EXPECT_TRUE(result.repeats.front().error.empty()) << result.repeats.front().error;
  expect_no_child_left();
}

INSTANTIATE_TEST_SUITE_P(StepKinds, ProcessModels,
                         testing::Values(StepCase{"process_pool", StepKind::io},
                                         StepCase{"process_pool", StepKind::blocking_io},
                                         StepCase{"process_pool", StepKind::cpu},
                                         StepCase{"multi_loop", StepKind::io},
                                         StepCase{"multi_loop", StepKind::blocking_io},
                                         StepCase{"multi_loop", StepKind::cpu}),
                         [](const testing::TestParamInfo<StepCase> &param) {
                           return param.param.model + "_" + to_string(param.param.kind);
                         });

// Under the GIL, threads compute at the speed of one; processes, each with its own interpreter,
// at the speed of as many cores as they have.
TEST(ProcessesUnderTheGil, ComputeAtOnceWhereThreadsTakeTurns) {
  if (available_cores() < 2)
    GTEST_SKIP() << "needs two cores to show parallel computation";
  Variant threads = test::variant("thread_pool", StepKind::cpu, 40, 2);
  threads.gil = GilKind::cpython;
  Variant processes = processes_variant("process_pool", StepKind::cpu, 40, 2);
  processes.gil = GilKind::cpython;
  Variant loops = processes_variant("multi_loop", StepKind::cpu, 40, 2);
  loops.gil = GilKind::cpython;
  Experiment e = test::closed_experiment(threads, 8, 8);
  e.variants.push_back(processes);
  e.variants.back().label = "processes";
  e.variants.push_back(loops);
  e.variants.back().label = "loop processes";
  const double speedup_now =
      test::burn_now(calibration(), 1, 8 * 40e6) / test::burn_now(calibration(), 2, 8 * 40e6);
  const RunResults r = run(e);
  ASSERT_EQ(r.variants.size(), 3u);
  for (std::size_t i = 1; i < 3; ++i) {
    const VariantResult &v = r.variants[i];
    // process_pool forks its workers inside the run, and forking is not computing: under ASan it
    // alone took as long as the threads' run. Its prediction adds the start measured; this
    // comparison takes it out. multi_loop's workers start before the clock does.
    const double start_s = i == 1 ? v.summary.processes.start_s : 0.0;
    const double computing_s = v.summary.makespan_s - start_s;
    EXPECT_GT(r.variants[0].summary.makespan_s / computing_s, 0.7 * speedup_now)
        << v.label << ": the lock of the lab's process held its workers back (start " << start_s
        << " s of " << v.summary.makespan_s << " s)";
    ASSERT_TRUE(v.prediction.makespan_s);
    // Two cores, not one GIL: 8 × 40 ms / 2 (+ the measured start, for process_pool).
    EXPECT_NEAR(*v.prediction.makespan_s, 0.160 + (i == 1 ? v.summary.processes.start_s : 0), 1e-6)
        << v.prediction.formula;
  }
  ASSERT_TRUE(r.variants[0].prediction.makespan_s);
  EXPECT_NEAR(*r.variants[0].prediction.makespan_s, 0.320, 1e-9);
}

TEST(ProcessPool, MeasuresWhatItsWorkersCost) {
  const VariantResult r =
      run(test::closed_experiment(processes_variant("process_pool", StepKind::cpu, 10, 2), 8, 8))
          .variants.front();
  const Summary &s = r.summary;
  EXPECT_TRUE(s.processes.start_in_run) << "ProcessPoolExecutor forks on the first submit";
  EXPECT_GT(s.processes.start_s, 0);
  EXPECT_LT(s.processes.start_s, 0.5);
  EXPECT_GT(s.handoff_s.p50, 0) << "a step's trip to a worker and back is never free";
  EXPECT_LT(s.handoff_s.p50, 0.005);
  EXPECT_GT(s.executor_wait_share, 0.3) << "8 tasks for 2 workers: most of them queue";
  // The workers' CPU is the variant's: 80 ms of computation in them, little in the lab.
  EXPECT_GT(s.cpu_time_s, 0.8 * 0.080);
  ASSERT_TRUE(r.prediction.makespan_s);
  EXPECT_NE(r.prediction.formula.find("the workers' start, measured"), std::string::npos)
      << r.prediction.formula;
  EXPECT_NE(r.explanation.find("worker processes has an interpreter of its own"), std::string::npos)
      << r.explanation;
}

TEST(MultiLoopProcesses, StartBeforeTheRunAsAServersWorkersDo) {
  const VariantResult r =
      run(test::closed_experiment(processes_variant("multi_loop", StepKind::io, 10, 2), 8, 8))
          .variants.front();
  EXPECT_TRUE(r.summary.processes.measured);
  EXPECT_FALSE(r.summary.processes.start_in_run);
  EXPECT_GT(r.summary.processes.start_s, 0);
  std::set<std::uint32_t> workers;
  for (const TaskSample &t : r.repeats.front().samples)
    workers.insert(t.worker);
  EXPECT_EQ(workers.size(), 2u) << "tasks dealt round-robin to both processes";
}

// Kills one of the lab's worker processes once the run has some, as an OOM kill or a crash would.
struct WorkerKiller {
  std::jthread thread;
  explicit WorkerKiller(std::chrono::milliseconds after) {
    thread = std::jthread([after](std::stop_token stop) {
      const auto deadline = std::chrono::steady_clock::now() + 20s;
      while (!stop.stop_requested() && children().empty() &&
             std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(1ms);
      std::this_thread::sleep_for(after);
      const std::set<pid_t> now = children();
      if (!now.empty())
        ::kill(*now.begin(), SIGKILL);
    });
  }
};

class WorkerDeath : public testing::TestWithParam<std::string> {};

// A worker killed mid-run is that variant's error, with the tasks it took down; the next variant
// runs as if nothing happened, and no process is left.
TEST_P(WorkerDeath, IsReportedWithTheTasksItTookDown) {
  Experiment e =
      test::closed_experiment(processes_variant(GetParam(), StepKind::blocking_io, 30, 2), 24, 4);
  e.variants.front().label = "dies";
  Variant next = test::variant("thread_pool", StepKind::blocking_io, 5, 2);
  next.label = "next";
  e.variants.push_back(next);
  RunResults r;
  {
    WorkerKiller killer(120ms);
    r = run(e);
  }
  ASSERT_EQ(r.variants.size(), 2u);
  EXPECT_EQ(r.status, RunStatus::completed) << "one variant's death does not fail the run";
  const VariantResult &dead = r.variants[0];
  ASSERT_EQ(dead.repeats.size(), 1u);
  const std::string &error = dead.repeats[0].error;
  EXPECT_NE(error.find("was killed by signal 9 (SIGKILL)"), std::string::npos) << error;
  EXPECT_NE(error.find("took down"), std::string::npos) << error;
  EXPECT_GT(dead.summary.processes.tasks_taken_down, 0);
  EXPECT_LT(dead.summary.completed, 24u);
  EXPECT_FALSE(dead.repeats[0].complete);
  EXPECT_EQ(dead.summary.completed +
                static_cast<std::uint32_t>(dead.summary.processes.tasks_taken_down),
            24u)
      << "every task either finished or was taken down";
  EXPECT_EQ(dead.explanation.rfind("Repeat 1: worker process", 0), 0u) << dead.explanation;
  EXPECT_EQ(r.variants[1].summary.completed, 24u);
  expect_no_child_left();
}

INSTANTIATE_TEST_SUITE_P(Models, WorkerDeath, testing::Values("process_pool", "multi_loop"));

TEST(WorkerProcesses, AStopKillsAndReapsThemAll) {
  for (const std::string model : {"process_pool", "multi_loop"}) {
    const Experiment e =
        test::closed_experiment(processes_variant(model, StepKind::blocking_io, 10'000, 2), 20, 4);
    std::stop_source stop;
    auto running = std::async(std::launch::async, [&] { return run(e, stop.get_token()); });
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (children().empty() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(1ms);
    EXPECT_FALSE(children().empty()) << model << ": the workers never started";
    const auto asked = std::chrono::steady_clock::now();
    stop.request_stop();
    const RunResults r = running.get();
    EXPECT_LT(std::chrono::steady_clock::now() - asked, 3s) << model;
    EXPECT_EQ(r.status, RunStatus::cancelled) << model;
    expect_no_child_left();
  }
}

// A worker that hangs before it says it is ready (stuck on a lock it was forked with) is given up
// on after the wait, not waited for for ever.
TEST(WorkerProcesses, ASilentWorkerIsGivenUpOnNotWaitedFor) {
  ChildProcess silent = ChildProcess::spawn([](int) {
    ::pause();
    return 0;
  });
  char ready = 0;
  const auto asked = std::chrono::steady_clock::now();
  EXPECT_FALSE(silent.receive_within(&ready, sizeof ready, 100ms));
  const auto waited = std::chrono::steady_clock::now() - asked;
  EXPECT_GE(waited, 100ms);
  EXPECT_LT(waited, 2s);
  EXPECT_EQ(silent.reap(0ms).signal, SIGKILL);
  expect_no_child_left();
}

} // namespace
} // namespace conlab
