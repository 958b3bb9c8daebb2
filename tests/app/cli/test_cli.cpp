// conlab-cli as a person uses it: exit codes, messages that name what is wrong, the files a run
// writes, and Ctrl-C that stops within a second and keeps what was measured.
#include "core/results/results_json.h"
#include "tests/app/cli/cli_fixture.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <fstream>
#include <thread>

namespace conlab::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// Three variants, 10 tasks of 10 ms from 5 clients, twice: a run of about a tenth of a second.
// /q needs the QCoreApplication that conlab-cli creates before running anything.
constexpr const char *kTinyExperiment = R"({
  "schema": "conlab.experiment/1",
  "name": "tiny",
  "load": { "kind": "closed", "tasks": 10, "clients": 5 },
  "repeats": 2,
  "variants": [
    { "label": "/a", "model": "event_loop", "steps": [ { "kind": "io", "ms": 10 } ] },
    { "label": "/b", "model": "thread_pool", "pool_size": 2,
      "steps": [ { "kind": "blocking_io", "ms": 10 } ] },
    { "label": "/q", "model": "qt_event_loop", "offload": true, "pool_size": 2,
      "steps": [ { "kind": "io", "ms": 5 }, { "kind": "blocking_io", "ms": 5 } ] } ] })";

// 400 tasks of 100 ms from 4 clients: 10 s, far longer than the test waits.
constexpr const char *kLongExperiment = R"({
  "schema": "conlab.experiment/1",
  "name": "long",
  "load": { "kind": "closed", "tasks": 400, "clients": 4 },
  "variants": [
    { "label": "/io", "model": "event_loop", "steps": [ { "kind": "io", "ms": 100 } ] },
    { "label": "/pool", "model": "thread_pool", "pool_size": 4,
      "steps": [ { "kind": "blocking_io", "ms": 100 } ] } ] })";

using CliTest = CliDirTest;

std::size_t count_lines(const std::string &text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::size_t finished(const RepeatResult &repeat) {
  return static_cast<std::size_t>(std::count_if(repeat.samples.begin(), repeat.samples.end(),
                                                [](const TaskSample &s) { return s.finished(); }));
}

TEST_F(CliTest, HelpForEveryCommand) {
  for (const std::vector<std::string> &args :
       std::vector<std::vector<std::string>>{{"--help"},
                                             {"help"},
                                             {"help", "run"},
                                             {"run", "--help"},
                                             {"presets", "--help"},
                                             {"validate", "--help"},
                                             {"models", "--help"}}) {
    const ProcessResult r = cli(args);
    EXPECT_EQ(r.exit_code, 0) << args.front() << ": " << r.err;
    EXPECT_TRUE(contains(r.out, "Usage: conlab-cli")) << r.out;
  }
  EXPECT_TRUE(contains(cli({"help", "run"}).out, "--time-scale"));
}

TEST_F(CliTest, PresetsListTheBuiltInExperiments) {
  const ProcessResult r = cli({"presets"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char *name : {"fastapi-article", "io-vs-cpu", "pool-size"})
    EXPECT_TRUE(contains(r.out, std::string("\n") + name + " ") ||
                r.out.starts_with(std::string(name) + " "))
        << name << " missing from:\n"
        << r.out;
}

TEST_F(CliTest, ModelsListEveryModel) {
  const ProcessResult r = cli({"models"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char *name : {"event_loop", "event_loop_offload", "thread_pool", "thread_per_task",
                           "multi_loop", "qt_event_loop"})
    EXPECT_TRUE(contains(r.out, name)) << name;
  EXPECT_TRUE(contains(r.out, "Python: ")) << r.out;
}

TEST_F(CliTest, ValidateAcceptsAGoodFile) {
  const ProcessResult r = cli({"validate", file("tiny.json", kTinyExperiment)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("ok: tiny, 3 variants")) << r.out;
  EXPECT_EQ(r.err, "");
}

struct BadFile {
  const char *what;
  const char *json;
  const char *named; // the field path (or key) the message must name
};

class ValidateRefuses : public CliTest, public ::testing::WithParamInterface<BadFile> {};

TEST_P(ValidateRefuses, NamingTheField) {
  const BadFile &bad = GetParam();
  const ProcessResult r = cli({"validate", file("bad.json", bad.json)});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(r.err.starts_with("error: ")) << r.err;
  EXPECT_TRUE(contains(r.err, bad.named)) << "expected " << bad.named << " in: " << r.err;
  EXPECT_EQ(r.out, "");
}

// The tiny experiment with one thing wrong (or two).
#define CONLAB_BAD(variants)                                                                       \
  R"({"schema": "conlab.experiment/1", "name": "bad", "load": {"kind": "closed", "tasks": 10,)"    \
  R"("clients": 5}, "variants": [)" variants "]}"

INSTANTIATE_TEST_SUITE_P(
    BadFiles, ValidateRefuses,
    ::testing::Values(
        BadFile{"pool of zero",
                CONLAB_BAD(R"({"label": "/a", "model": "event_loop", "steps": [{"kind": "io",
                   "ms": 1}]}, {"label": "/b", "model": "thread_pool", "pool_size": 0,
                   "steps": [{"kind": "blocking_io", "ms": 1}]})"),
                "variants[1].pool_size"},
        BadFile{"unknown model",
                CONLAB_BAD(R"({"label": "/a", "model": "fibers", "steps": [{"kind": "io",
                   "ms": 1}]})"),
                "variants[0].model"},
        BadFile{"negative duration",
                CONLAB_BAD(R"({"label": "/a", "model": "event_loop", "steps": [{"kind": "io",
                   "ms": -5}]})"),
                "variants[0].steps[0]"},
        BadFile{"unknown key",
                CONLAB_BAD(R"({"label": "/a", "model": "event_loop", "colour": "blue",
                   "steps": [{"kind": "io", "ms": 1}]})"),
                "colour"},
        BadFile{"not JSON", R"({"schema": "conlab.experiment/1", "name": )", "error: "}),
    [](const ::testing::TestParamInfo<BadFile> &param) {
      std::string name = param.param.what;
      std::replace(name.begin(), name.end(), ' ', '_');
      return name;
    });

TEST_F(CliTest, ValidateReportsEveryProblem) {
  const ProcessResult r =
      cli({"validate", file("bad.json", CONLAB_BAD(R"({"label": "/a", "model": "fibers", "steps":
          [{"kind": "io", "ms": 1}]}, {"label": "/b", "model": "thread_pool", "pool_size": 0,
          "steps": [{"kind": "io", "ms": 1}]})"))});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "variants[0].model")) << r.err;
  EXPECT_TRUE(contains(r.err, "variants[1].pool_size")) << r.err;
}

struct BadArgs {
  std::vector<std::string> args;
  const char *named; // what the message must name
};

class CommandLineRefused : public CliTest, public ::testing::WithParamInterface<BadArgs> {};

TEST_P(CommandLineRefused, WithExitCode2) {
  const ProcessResult r = cli(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, GetParam().named))
      << "expected " << GetParam().named << " in " << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Arguments, CommandLineRefused,
    ::testing::Values(
        BadArgs{{}, "Usage"}, BadArgs{{"frobnicate"}, "frobnicate"},
        BadArgs{{"--frobnicate"}, "--frobnicate"},
        BadArgs{{"run", "fastapi-article", "--bogus"}, "--bogus"}, BadArgs{{"run"}, "run"},
        BadArgs{{"run", "no-such-preset"}, "no-such-preset"},
        BadArgs{{"run", "missing.json"}, "missing.json"},
        BadArgs{{"run", "fastapi-article", "--time-scale", "0"}, "--time-scale"},
        BadArgs{{"run", "fastapi-article", "--time-scale", "fast"}, "time-scale"},
        BadArgs{{"run", "fastapi-article", "--repeats", "0"}, "--repeats"},
        BadArgs{{"run", "fastapi-article", "--variant", "/z"}, "/z"},
        BadArgs{{"validate"}, "validate"}, BadArgs{{"validate", "missing.json"}, "missing.json"},
        BadArgs{{"presets", "extra"}, "extra"},
        // Refused before a byte is sent, with the estimate, never an OOM kill.
        BadArgs{{"load", "http://127.0.0.1:9/", "-n", "100000000000"}, "-n 100000000000: "},
        BadArgs{
            {"load", "http://127.0.0.1:9/", "--sample-budget", "4000000000", "--duration", "10"},
            "--sample-budget 4000000000: "},
        BadArgs{{"load", "http://127.0.0.1:9/", "--sample-budget", "0"}, "--sample-budget 0: "},
        BadArgs{{"load", "http://127.0.0.1:9/", "--watch", "0"},
                "--watch 0: must be a process ID (a positive number)"},
        BadArgs{{"load", "http://127.0.0.1:9/", "--watch", "2147483647"},
                "--watch 2147483647: no process 2147483647"},
        BadArgs{{"load", "http://127.0.0.1:9/", "--rate", "10000000", "--duration", "100000s"},
                "--rate × --duration: "},
        BadArgs{{"load", "http://127.0.0.1:9/", "--duration", "0"}, "--duration"},
        BadArgs{{"load", "http://127.0.0.1:9/", "--timeout", "-1s"}, "--timeout"}));

TEST_F(CliTest, RunWritesResultsAndSamples) {
  const ProcessResult r = cli(
      {"run", file("tiny.json", kTinyExperiment), "--out", "results.json", "--csv", "samples.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char *part : {"variant", "makespan", "predicted", "/a", "/b", "/q", "event_loop",
                           "thread_pool", "qt_event_loop", "results written to results.json",
                           "samples written to samples.csv", "machine: "})
    EXPECT_TRUE(contains(r.out, part)) << part << " missing from:\n" << r.out;
  // stderr is a file here: plain progress lines, one per variant start and end at least.
  EXPECT_TRUE(contains(r.err, "start /a")) << r.err;
  EXPECT_TRUE(contains(r.err, "done  /q")) << r.err;

  const RunResults results = load_results(path("results.json").string());
  EXPECT_EQ(results.status, RunStatus::completed);
  ASSERT_EQ(results.variants.size(), 3u);
  for (const VariantResult &variant : results.variants) {
    ASSERT_EQ(variant.repeats.size(), 2u) << variant.label;
    for (const RepeatResult &repeat : variant.repeats)
      EXPECT_EQ(finished(repeat), 10u) << variant.label;
  }
  // A header, then one row per task: 3 variants × 2 repeats × 10 tasks.
  EXPECT_EQ(count_lines(read_file(path("samples.csv"))), 1u + 60u);
}

TEST_F(CliTest, RunAppliesOverrides) {
  const ProcessResult r =
      cli({"run", file("tiny.json", kTinyExperiment), "--variant", "/b", "--tasks", "4",
           "--repeats", "1", "--seed", "7", "--time-scale", "0.5", "--quiet", "--out", "r.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "") << "--quiet prints no progress";
  EXPECT_TRUE(contains(r.out, "durations scaled ×0.5")) << r.out;
  const RunResults results = load_results(path("r.json").string());
  ASSERT_EQ(results.variants.size(), 1u);
  EXPECT_EQ(results.variants[0].label, "/b");
  ASSERT_EQ(results.variants[0].repeats.size(), 1u);
  EXPECT_EQ(finished(results.variants[0].repeats[0]), 4u);
  EXPECT_EQ(results.experiment.seed, 7u);
  EXPECT_EQ(results.experiment.load.clients, 4) << "clients capped at --tasks";
}

TEST_F(CliTest, RunPrintsJsonOnRequest) {
  const ProcessResult r = cli({"run", file("tiny.json", kTinyExperiment), "--json", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const boost::json::value json = boost::json::parse(r.out);
  EXPECT_EQ(json.at("schema").as_string(), "conlab.results/1");
  EXPECT_EQ(json.at("status").as_string(), "completed");
}

TEST_F(CliTest, UnwritableOutputFailsBeforeRunning) {
  const std::string target = (m_dir / "no-such-dir" / "results.json").string();
  const ProcessResult r = cli({"run", file("tiny.json", kTinyExperiment), "--out", target});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.err, target)) << r.err;
  EXPECT_EQ(r.out, "") << "nothing ran";
}

class CliCancel : public CliTest, public ::testing::WithParamInterface<int> {};

TEST_P(CliCancel, StopsWithinASecondAndKeepsWhatWasMeasured) {
  ChildProcess child(
      CONLAB_CLI,
      {"run", file("long.json", kLongExperiment), "--out", "results.json", "--csv", "samples.csv"},
      m_dir);
  // Calibration comes first and may be slow under a sanitizer: count from the first variant.
  ASSERT_TRUE(child.wait_for_stderr("start /io", 30s)) << read_file(path("child.stderr"));
  std::this_thread::sleep_for(500ms);
  child.send(GetParam());
  const ProcessResult r = child.wait(5s);
  ASSERT_FALSE(r.timed_out) << r.err;
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_LT(r.elapsed, 1500ms) << "from the signal to the exit";
  EXPECT_TRUE(contains(r.err, "stopping")) << r.err;
  EXPECT_TRUE(contains(r.out, "cancelled")) << r.out;
  EXPECT_TRUE(contains(r.out, "/io")) << "the table still shows what was measured:\n" << r.out;

  const RunResults results = load_results(path("results.json").string());
  EXPECT_EQ(results.status, RunStatus::cancelled);
  EXPECT_TRUE(contains(read_file(path("results.json")), R"("status":"cancelled")") ||
              contains(read_file(path("results.json")), R"("status": "cancelled")"));
  ASSERT_FALSE(results.variants.empty());
  ASSERT_FALSE(results.variants[0].repeats.empty());
  const std::size_t measured = finished(results.variants[0].repeats[0]);
  EXPECT_GT(measured, 0u) << "samples measured before the stop are kept";
  EXPECT_LT(measured, 400u);
  EXPECT_TRUE(fs::exists(path("samples.csv")));
}

INSTANTIATE_TEST_SUITE_P(Signals, CliCancel, ::testing::Values(SIGINT, SIGTERM),
                         [](const ::testing::TestParamInfo<int> &param) {
                           return param.param == SIGINT ? std::string("SIGINT")
                                                        : std::string("SIGTERM");
                         });

// One variant with worker processes, 400 tasks of 100 ms on 2 workers: far longer than the test.
std::string worker_experiment(const std::string &model) {
  return R"({ "schema": "conlab.experiment/1", "name": "workers",
    "load": { "kind": "closed", "tasks": 400, "clients": 4 },
    "variants": [ { "label": "/workers", "model": ")" +
         model + R"(", )" +
         (model == "multi_loop" ? R"("loops": 2, "processes": true)" : R"("pool_size": 2)") +
         R"(, "steps": [ { "kind": "cpu", "ms": 20 }, { "kind": "blocking_io", "ms": 80 } ] } ] })";
}

// A process's children, from every one of its threads' lists.
std::vector<pid_t> children_of(const std::string &process) {
  std::vector<pid_t> out;
  for (const auto &task : fs::directory_iterator("/proc/" + process + "/task")) {
    std::ifstream in(task.path() / "children");
    for (pid_t pid; in >> pid;)
      out.push_back(pid);
  }
  return out;
}

// Ctrl-C while worker processes compute: conlab-cli stops and reaps them before it exits. This
// test process is a subreaper for the run, so a worker left behind would become its child.
TEST_F(CliTest, CtrlCLeavesNoWorkerProcessBehind) {
  ASSERT_EQ(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  for (const std::string model : {"process_pool", "multi_loop"}) {
    ChildProcess child(CONLAB_CLI, {"run", file(model + ".json", worker_experiment(model))}, m_dir);
    ASSERT_TRUE(child.wait_for_stderr("start /workers", 30s)) << read_file(path("child.stderr"));
    // process_pool forks its workers with the first step it hands out.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (children_of(std::to_string(child.pid())).size() < 2 &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(1ms);
    ASSERT_EQ(children_of(std::to_string(child.pid())).size(), 2u) << model;
    std::this_thread::sleep_for(100ms);
    child.send(SIGINT);
    const ProcessResult r = child.wait(5s);
    ASSERT_FALSE(r.timed_out) << model << ": " << r.err;
    EXPECT_EQ(r.exit_code, 130) << model << ": " << r.err;
    EXPECT_EQ(children_of("self"), std::vector<pid_t>{})
        << model << ": a worker outlived conlab-cli";
    EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1) << model;
  }
  ::prctl(PR_SET_CHILD_SUBREAPER, 0);
}

TEST_F(CliTest, SecondSignalQuitsAtOnce) {
  ChildProcess child(CONLAB_CLI, {"run", file("long.json", kLongExperiment), "--quiet"}, m_dir);
  std::this_thread::sleep_for(300ms);
  child.send(SIGINT);
  std::this_thread::sleep_for(50ms);
  child.send(SIGINT);
  const ProcessResult r = child.wait(5s);
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_LT(r.elapsed, 1500ms);
}

} // namespace
} // namespace conlab::test
