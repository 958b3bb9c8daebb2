// conlab-cli sweep as a person uses it: the grid run and saved, big grids refused with their
// estimate, Ctrl-C that keeps finished runs, and --resume that finishes the rest.
#include "core/results/results_json.h"
#include "tests/app/cli/cli_fixture.h"

#include <signal.h>

#include <set>

namespace conlab::test {
namespace {

using namespace std::chrono_literals;

// A thread pool of P = 1 or 2 threads for 4 blocking tasks of 5 ms.
std::string sweep_experiment(const std::string &pools, int tasks = 4, double ms = 5,
                             int repeats = 1) {
  return R"({"schema": "conlab.experiment/1", "name": "tiny sweep", "repeats": )" +
         std::to_string(repeats) + R"(,
    "load": {"kind": "closed", "tasks": )" + std::to_string(tasks) + R"(, "clients": )" +
         std::to_string(tasks) + R"(},
    "variants": [{"label": "/pool", "model": "thread_pool", "pool_size": 1,
                  "steps": [{"kind": "blocking_io", "ms": )" + std::to_string(ms) + R"(}]}],
    "sweep": {"parameters": [{"parameter": "pool_size", "values": )" + pools + "}]}}";
}

using SweepCli = CliDirTest;

TEST_F(SweepCli, RunsEveryPointAndSavesTheResults) {
  const ProcessResult r =
      cli({"sweep", file("tiny.json", sweep_experiment("[1, 2]")), "--out", "r.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "/pool")) << r.out;
  EXPECT_TRUE(contains(r.out, "sim")) << r.out;
  EXPECT_TRUE(contains(r.out, "2 of 2 runs done")) << r.out;
  EXPECT_TRUE(contains(r.err, "results: r.json")) << r.err;
  const RunResults results = load_results(path("r.json").string());
  ASSERT_TRUE(results.sweep);
  EXPECT_EQ(results.status, RunStatus::completed);
  EXPECT_EQ(results.sweep->runs_done, 2u);
  ASSERT_EQ(results.sweep->points.size(), 2u);
  EXPECT_TRUE(results.sweep->points[1].variants[0].has_repeat(0));
}

TEST_F(SweepCli, ABigSweepIsRefusedWithItsEstimateUnlessConfirmed) {
  const std::string experiment = file("big.json", sweep_experiment("[1, 2]", 4, 5, 300));
  const ProcessResult r = cli({"sweep", experiment, "--out", "r.json"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, "sweep refused: 600 variant runs, estimated")) << r.err;
  EXPECT_TRUE(contains(r.err, "--yes")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(path("r.json"))) << "nothing ran, nothing written";

  const ProcessResult dry = cli({"sweep", experiment, "--dry-run"});
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_TRUE(contains(dry.err, "2 points × 1 variants × 300 repeats")) << dry.err;
}

TEST_F(SweepCli, BadArgumentsAreNamed) {
  const std::string experiment = file("tiny.json", sweep_experiment("[1, 2]"));
  ProcessResult r = cli({"sweep", experiment, "--metric", "speed"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--metric speed: unknown metric")) << r.err;
  r = cli({"run", experiment});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "has a sweep: run it with conlab-cli sweep")) << r.err;
  EXPECT_EQ(cli({"run", experiment, "--no-sweep"}).exit_code, 0);
  r = cli({"sweep", "fastapi-article"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "has no sweep")) << r.err;
  r = cli({"sweep", file("empty.json", sweep_experiment("[]"))});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "sweep.parameters[0].values: must list at least one value")) << r.err;
  r = cli({"sweep", experiment, "--resume", "missing.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--resume missing.json")) << r.err;
}

// The grid shared out as a cluster's tasks would (one --shard each), then merged: what a user
// types, and what the merge refuses, with exit code 2.
TEST_F(SweepCli, PartsRunApartMergeIntoOneSweep) {
  const std::string experiment = file("tiny.json", sweep_experiment("[1, 2, 4]", 4, 5, 2));
  for (int i = 0; i < 3; ++i) {
    const std::string part = "part-" + std::to_string(i) + ".json";
    const ProcessResult r = cli({"sweep", experiment, "--shard", std::to_string(i) + "/3", "--out",
                                 part, "--no-history", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "part " + std::to_string(i) + "/3: 2 of the 6 runs")) << r.err;
  }
  ProcessResult r = cli({"merge", "part-0.json", "part-2.json", "--no-history"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "part 1/3 (not given): all 2 of its runs")) << r.err;
  EXPECT_TRUE(contains(r.err, "--allow-missing")) << r.err;
  r = cli({"merge", "part-0.json", "part-0.json", "--no-history"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "are both part 0/3")) << r.err;
  r = cli({"merge", "part-0.json", "nothing.json", "--no-history"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "nothing.json")) << r.err;

  r = cli({"merge", "part-0.json", "part-1.json", "part-2.json", "--out", "sweep.json",
           "--no-history"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "merged 3 of 3 parts, 6 of 6 runs")) << r.err;
  EXPECT_TRUE(contains(r.out, "6 of 6 runs done")) << r.out;
  const RunResults merged = load_results(path("sweep.json").string());
  EXPECT_EQ(merged.status, RunStatus::completed);
  EXPECT_FALSE(merged.sweep->shard);
  EXPECT_EQ(merged.sweep->parts.size(), 3u);

  // A missing part merged on request, then resumed like any cancelled sweep.
  r = cli({"merge", "part-0.json", "part-1.json", "--allow-missing", "--out", "partial.json",
           "--no-history"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "missing: part 2/3 (not given)")) << r.err;
  r = cli({"sweep", experiment, "--resume", "partial.json", "--no-history", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "6 of 6 runs done")) << r.out;

  r = cli({"sweep", experiment, "--shard", "3/3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--shard 3/3: I must be 0…2 for N = 3")) << r.err;
  r = cli({"sweep", experiment, "--shard", "0/7"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "the sweep has 6 runs (points × repeats), so it splits into at "
                              "most 6 parts"))
      << r.err;
  r = cli({"sweep", experiment, "--shard", "1/3", "--resume", "part-0.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "it holds part 0/3, not part 1/3")) << r.err;
}

TEST_F(SweepCli, CtrlCKeepsFinishedRunsAndResumeFinishesTheRest) {
  // 8 blocking tasks of 100 ms: 0.8 s at P = 1, then 0.4, 0.3, 0.2 s, in grid order.
  const std::string experiment = file("long.json", sweep_experiment("[1, 2, 3, 4]", 8, 100));
  ChildProcess child(CONLAB_CLI, {"sweep", experiment, "--in-order", "--out", "r.json"}, m_dir);
  // Progress lines go to a file here: one per run started.
  ASSERT_TRUE(child.wait_for_stderr("run 2/4", 30s)) << read_file(path("child.stderr"));
  child.send(SIGINT);
  const ProcessResult r = child.wait(10s);
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_TRUE(contains(r.err, "--resume r.json")) << r.err;
  const RunResults cancelled = load_results(path("r.json").string());
  EXPECT_EQ(cancelled.status, RunStatus::cancelled);
  ASSERT_TRUE(cancelled.sweep);
  EXPECT_GE(cancelled.sweep->runs_done, 1u);
  EXPECT_LT(cancelled.sweep->runs_done, 4u);
  EXPECT_TRUE(cancelled.sweep->points[0].variants[0].has_repeat(0)) << "P = 1 ran first";

  const ProcessResult resumed = cli({"sweep", experiment, "--in-order", "--resume", "r.json"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  const RunResults done = load_results(path("r.json").string());
  EXPECT_EQ(done.status, RunStatus::completed);
  EXPECT_EQ(done.sweep->runs_done, 4u);
  std::set<std::size_t> orders;
  for (const SweepPoint &p : done.sweep->points) {
    ASSERT_EQ(p.variants[0].measurements.size(), 1u) << "no run is measured twice";
    orders.insert(p.variants[0].measurements[0].order);
  }
  EXPECT_EQ(orders.size(), 4u);
  EXPECT_EQ(done.sweep->points[0].variants[0].measurements[0].order, 0u) << "kept, not redone";

  const ProcessResult other = cli({"sweep", experiment, "--resume", "r.json", "--time-scale", "2"});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_TRUE(contains(other.err, "time_scale differs")) << other.err;
}

} // namespace
} // namespace conlab::test
