// Results files: a hand-built run saved and loaded back field by field, refusals with reasons,
// the samples CSV, and atomic saving.
#include "core/experiment/spec_json.h"
#include "core/results/results_json.h"
#include "tests/support/json_round_trip.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace conlab {
namespace {

using test::expect_same;

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class ResultsJson : public testing::Test {
protected:
  void SetUp() override {
    m_dir =
        fs::temp_directory_path() / ("conlab-results-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override {
    fs::permissions(m_dir, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(m_dir);
  }
  std::string file(const std::string &name) const { return (m_dir / name).string(); }
  std::vector<std::string> directory_listing() const {
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(m_dir))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path m_dir;
};

std::string read_all(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_all(const std::string &path, const std::string &text) {
  std::ofstream(path, std::ios::binary) << text;
}

Summary make_summary(double seed) {
  Summary s;
  s.tasks = 3;
  s.completed = 2;
  s.makespan_s = 1.0 / 3.0 + seed;
  s.throughput_per_s = 2 / s.makespan_s;
  s.latency_s = {0.1 + seed, 0.2, 0.3, 0.35, 0.4, 0.123456789012345};
  s.queue_wait_s = {0.01, 0.02, 0.03, 0.035, 0.04, 0.0123};
  s.service_s = {0.09, 0.18, 0.27, 0.315, 0.36, 0.111};
  s.queue_wait_share = 0.1;
  s.executor_wait_s = {0.01, 0.02, 0.03, 0.04, 0.05, 0.015};
  s.executor_wait_share = 0.3;
  s.cpu_time_s = 0.7;
  s.cpu_utilization = 0.35;
  s.context_switches = 1234567890123;
  s.peak_threads = 42;
  s.workers_used = 7;
  s.peak_rss_bytes = 987654321;
  s.loop_lag_s = {true, 0.5, 0.25, 0.05, 0.6};
  s.littles_law = {2.5, 2.4, std::numeric_limits<double>::quiet_NaN()}; // written as null
  s.throughput_over_time = {{0, 0.25, 1}, {0.25, 0.25, 0}, {0.5, 0.25, 1}};
  return s;
}

RepeatResult make_repeat(int index) {
  RepeatResult r;
  r.repeat = index;
  r.complete = false;
  r.samples = {{0, 1000, 2'000'000'123, 0, 1, 250e-6F}, // executor wait in seconds
               {5, 1500, -1, 1, 2},                     // started, then cancelled
               {10, -1, -1, 2, 0},                      // submitted, never started
               {-1, -1, -1, 3, 0}};                     // never submitted
  r.telemetry = {{0, 1, 1, 0, 5}, {2'000'000, 3, 1, 2, 9}};
  r.loop_lag = {{0, {{2'000'000, 50'000}, {4'000'000, 1'000'000'000}}}, {1, {}}};
  r.resources = {0.5, 0.375, 0.125, 10, 20, 12, 4096};
  r.summary = make_summary(index);
  return r;
}

RunResults make_results() {
  RunResults results;
  results.experiment = parse_experiment_text(R"({
    "name": "hand-built", "description": "two variants",
    "load": {"kind": "closed", "tasks": 4, "clients": 2}, "repeats": 2, "seed": 7,
    "variants": [
      {"label": "/b, offloaded", "model": "event_loop_offload",
       "steps": [{"kind": "blocking_io", "ms": 1000}]},
      {"label": "loops", "model": "multi_loop", "loops": 4,
       "steps": [{"kind": "cpu", "distribution": "uniform", "min_ms": 1, "max_ms": 2}]}]})",
                                             2);
  results.environment = {2,           "Some CPU @ 3 GHz",
                         "Debian 12", "6.1.0",
                         "GCC 12.2",  "Debug",
                         "1.81",      "6.4.2",
                         "0.9.0",     "0.1.0",
                         "host",      "2024-05-01T12:00:00Z"};
  results.calibration = {123456.789, 5, 101.5};
  results.status = RunStatus::cancelled;
  results.wall_time_s = 3.25;

  VariantResult a;
  a.label = "/b, offloaded";
  a.model = "event_loop_offload";
  a.pool_size = 6;
  a.pool_description = "6 (python_default_executor)";
  a.repeats = {make_repeat(0), make_repeat(1)};
  a.summary = make_summary(0.5);
  a.prediction = {17.0, 100.0 / 17.0, "⌈N/P⌉·S = ⌈100/6⌉ × 1 s", 6, 17};
  a.explanation = "The pool of 6 threads was the bottleneck.";

  VariantResult b;
  b.label = "loops";
  b.model = "multi_loop";
  b.loops = 4;
  b.pool_description = "";
  RepeatResult only = make_repeat(0);
  only.loop_lag.clear();
  only.complete = true;
  b.repeats = {only};
  b.summary = make_summary(0.25);
  b.prediction = {std::nullopt, std::nullopt, "no closed form: random durations", 4, 0};
  b.explanation = "";
  results.variants = {a, b};
  return results;
}

std::string error_text(const std::function<void()> &action) {
  try {
    action();
  } catch (const std::exception &e) {
    return e.what();
  }
  return "(no exception)";
}

TEST_F(ResultsJson, SaveAndLoadKeepEveryField) {
  const RunResults original = make_results();
  save_results(original, file("run.json"));
  EXPECT_EQ(directory_listing(), std::vector<std::string>{"run.json"}); // no temporary left
  const RunResults loaded = load_results(file("run.json"));
  expect_same(original, loaded);
  EXPECT_FALSE(loaded.variants[1].prediction.makespan_s.has_value());
}

// A variant with a GIL keeps what the lock did: the summary's lock figures and every task's wait.
TEST_F(ResultsJson, GilFiguresAndWaitsRoundTrip) {
  RunResults original = make_results();
  original.experiment.variants[1].gil = GilKind::cpython;
  original.experiment.variants[1].background_cpu_threads = 1;
  VariantResult &v = original.variants[1];
  for (RepeatResult &r : v.repeats) {
    r.summary.gil = {true, 17, 0.875};
    r.summary.gil_wait_s = {0.004, 0.005, 0.006, 0.0065, 0.007, 0.0049};
    r.summary.gil_wait_share = 0.42;
    for (std::size_t i = 0; i < r.samples.size(); ++i)
      r.samples[i].add_gil_wait(5'000'000 + static_cast<std::int64_t>(i));
    r.gil_waits = {{0, 1'000, 5'001'000}, {0, 9'000'000, 9'500'000}, {2, 3'000, 4'000}};
  }
  v.summary.gil = {true, 17, 0.875};
  v.summary.gil_wait_share = 0.42;
  save_results(original, file("gil.json"));
  const RunResults loaded = load_results(file("gil.json"));
  expect_same(original, loaded);
  EXPECT_TRUE(loaded.variants[1].summary.gil.measured);
  EXPECT_EQ(loaded.variants[1].repeats[0].samples[2].gil_wait_ns(), 5'000'002);
  // The variant without a GIL writes none of it and reads back as waiting 0 for the lock.
  EXPECT_FALSE(loaded.variants[0].summary.gil.measured);
  EXPECT_EQ(read_all(file("gil.json")).find("gil_wait_ns"),
            read_all(file("gil.json")).rfind("gil_wait_ns"));
  EXPECT_EQ(loaded.variants[0].repeats[0].samples[0].gil_wait_ns(), 0);
}

// A variant with worker processes keeps what they cost, each task's hand-off, and the error of
// a repeat in which a worker died.
TEST_F(ResultsJson, WorkerProcessFiguresAndErrorsRoundTrip) {
  RunResults original = make_results();
  original.experiment.variants[1].processes = true; // multi_loop: 4 loop processes
  VariantResult &v = original.variants[1];
  for (RepeatResult &r : v.repeats) {
    r.summary.processes = {true, 4, 0.0031, false, 3};
    r.summary.handoff_s = {0.00005, 0.00006, 0.00009, 0.0001, 0.0002, 0.000055};
    r.summary.handoff_share = 0.012;
    for (std::size_t i = 0; i < r.samples.size(); ++i)
      r.samples[i].add_handoff(50'000 + static_cast<std::int64_t>(i));
  }
  v.repeats[0].error = "worker process 2 of 4 (pid 4242) was killed by signal 9 (SIGKILL)";
  v.summary.processes = {true, 4, 0.0031, false, 3};
  save_results(original, file("processes.json"));
  const RunResults loaded = load_results(file("processes.json"));
  expect_same(original, loaded);
  EXPECT_EQ(loaded.variants[1].repeats[0].samples[1].handoff_ns(), 50'001);
  EXPECT_EQ(loaded.variants[1].repeats[0].error, v.repeats[0].error);
  // The variant without processes writes none of it and reads back as handing off nothing.
  EXPECT_FALSE(loaded.variants[0].summary.processes.measured);
  EXPECT_EQ(read_all(file("processes.json")).find("handoff_ns"),
            read_all(file("processes.json")).rfind("handoff_ns"));
  EXPECT_EQ(loaded.variants[0].repeats[0].samples[0].handoff_ns(), 0);
  EXPECT_TRUE(loaded.variants[0].repeats[0].error.empty());
}

// A run beyond its sample budget keeps its folded tasks and its latency grid; a file written
// before the grid existed gets it rebuilt from the samples.
TEST_F(ResultsJson, FoldedTasksAndTheLatencyGridRoundTrip) {
  RunResults original = make_results();
  RepeatResult &r = original.variants[0].repeats[0];
  FoldedSamples folded;
  for (std::uint32_t i = 0; i < 500; ++i)
    folded.add(TaskSample{i * 1'000'000LL, i * 1'000'000LL + 7,
                          i * 1'000'000LL + 3'000'000 + i * 999, 4 + i, i % 3});
  folded.add(TaskSample{5, 6, -1, 600, 0}); // one that never ended
  r.beyond_budget = folded;
  r.latency_over_time.add_finished(r.samples);
  r.latency_over_time.add(30'000'000'000, 2'000'000); // 30 s in: wider columns
  save_results(original, file("folded.json"));
  const RunResults loaded = load_results(file("folded.json"));
  expect_same(original, loaded);
  EXPECT_EQ(loaded.variants[0].repeats[0].beyond_budget->tasks, 501u);
  EXPECT_EQ(loaded.variants[0].repeats[0].beyond_budget->service.quantile_s(0.5),
            folded.service.quantile_s(0.5));

  boost::json::value old = to_json(make_results());
  old.at("variants").at(0).at("repeats").at(0).as_object().erase("latency_over_time");
  const RunResults rebuilt = results_from_json(old);
  EXPECT_EQ(rebuilt.variants[0].repeats[0].latency_over_time.total(), 1u)
      << "the one finished sample of make_repeat";
}

TEST_F(ResultsJson, BadHistogramsAreRefusedByTheirPath) {
  RunResults original = make_results();
  original.variants[0].repeats[0].beyond_budget = FoldedSamples{};
  original.variants[0].repeats[0].beyond_budget->add(TaskSample{0, 1, 2, 9, 0});
  boost::json::value json = to_json(original);
  auto &repeat = json.at("variants").at(0).at("repeats").at(0).as_object();
  repeat["beyond_sample_budget"].as_object()["response"].as_object()["bins"] =
      boost::json::array{boost::json::array{99'999'999, 1}};
  repeat["latency_over_time"].as_object()["cells"] =
      boost::json::array{boost::json::array{0, 500, 1}};
  const std::string error = error_text([&] { results_from_json(json); });
  EXPECT_NE(error.find("variants[0].repeats[0].beyond_sample_budget.response.bins[0]"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("variants[0].repeats[0].latency_over_time.cells[0]"), std::string::npos)
      << error;
}

TEST_F(ResultsJson, FailedRunKeepsItsError) {
  RunResults original = make_results();
  original.status = RunStatus::failed;
  original.error = "could not start 3000 threads";
  const RunResults loaded = results_from_json(to_json(original));
  EXPECT_EQ(loaded.status, RunStatus::failed);
  EXPECT_EQ(loaded.error, original.error);
  EXPECT_FALSE(to_json(make_results()).as_object().contains("error")); // only when failed
}

TEST_F(ResultsJson, WrongSchemaIsRefusedWithTheReason) {
  write_all(file("experiment.json"), to_json_text(make_results().experiment));
  const std::string message = error_text([&] { load_results(file("experiment.json")); });
  EXPECT_NE(message.find(file("experiment.json")), std::string::npos) << message;
  EXPECT_NE(message.find("\"conlab.experiment/1\""), std::string::npos) << message;
  EXPECT_NE(message.find("it is an experiment, not results"), std::string::npos) << message;

  const auto refusal = [](const char *schema) {
    boost::json::value json = to_json(make_results());
    json.as_object()["schema"] = schema;
    return error_text([&] { results_from_json(json); });
  };
  for (const auto &[schema, reason] : std::vector<std::pair<const char *, const char *>>{
           {"conlab.results/7",
            "schema: conlab.results/7 is newer than this lab understands (conlab.results/1)"},
           {"conlab.results/0", "schema: conlab.results/0 is not a version this lab knows"},
           {"acme.benchmark/3", "schema: this file has schema \"acme.benchmark/3\", not "
                                "\"conlab.results/1\": it was written by another program"}}) {
    const std::string refused = refusal(schema);
    EXPECT_NE(refused.find(reason), std::string::npos) << refused;
  }
  boost::json::value json = to_json(make_results());
  json.as_object().erase("schema");
  EXPECT_NE(error_text([&] { results_from_json(json); }).find("not a conlab results file"),
            std::string::npos);
}

TEST_F(ResultsJson, UnknownTopLevelMembersAreIgnored) {
  // A later /1 writer may add sections; this reader keeps what it knows and ignores the rest.
  boost::json::value json = to_json(make_results());
  json.as_object()["annotations"] = {{"by", "someone"}, {"points", boost::json::array{1, 2}}};
  json.as_object()["notes"] = "added later";
  expect_same(make_results(), results_from_json(json));
}

TEST_F(ResultsJson, TruncatedFileIsRefusedSayingWhere) {
  save_results(make_results(), file("run.json"));
  const std::string text = read_all(file("run.json"));
  write_all(file("cut.json"), text.substr(0, text.size() / 2));
  const std::string message = error_text([&] { load_results(file("cut.json")); });
  EXPECT_NE(message.find(file("cut.json") + ": invalid JSON at line 1, column " +
                         std::to_string(text.size() / 2 + 1) + " (byte " +
                         std::to_string(text.size() / 2) + "): incomplete JSON"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("cut short"), std::string::npos) << message;
  EXPECT_NE(error_text([&] {
              load_results(file("missing.json"));
            }).find("cannot read " + file("missing.json") + ": No such file"),
            std::string::npos);
}

// A crash can cut a file anywhere: every cut is refused, naming the byte where the text ends.
TEST_F(ResultsJson, CutAtAnyByteIsRefusedNeverMisread) {
  const std::string text = boost::json::serialize(to_json(make_results()));
  const std::size_t stride = std::max<std::size_t>(1, text.size() / 400);
  for (std::size_t cut = 0; cut < text.size(); cut += cut + stride >= text.size() ? 1 : stride) {
    SCOPED_TRACE("cut at byte " + std::to_string(cut));
    const std::string message =
        error_text([&] { results_from_text(text.substr(0, cut), "cut.json"); });
    EXPECT_NE(message.find("cut.json: invalid JSON at line 1, column " + std::to_string(cut + 1) +
                           " (byte " + std::to_string(cut) + "): "),
              std::string::npos)
        << message;
    EXPECT_NE(message.find(cut == 0 ? "the text is empty" : "cut short"), std::string::npos)
        << message;
  }
}

TEST_F(ResultsJson, CorruptBytesAreRefusedSayingWhere) {
  const std::string text = boost::json::serialize(to_json(make_results()));
  std::string broken = text;
  const std::size_t colon = broken.find(':', broken.find("\"variants\""));
  broken[colon] = ';';
  EXPECT_NE(error_text([&] { results_from_text(broken, "x.json"); })
                .find("x.json: invalid JSON at line 1, column " + std::to_string(colon + 1) +
                      " (byte " + std::to_string(colon) + "): "),
            std::string::npos);
  broken = text;
  const std::size_t label = broken.find("loops\"");
  broken[label] = '\xff'; // not UTF-8
  EXPECT_NE(error_text([&] { results_from_text(broken, "x.json"); }).find("(byte "),
            std::string::npos);
  broken = text;
  broken.replace(broken.find("\"status\""), 8, std::string("\"stat\0s\"", 8)); // a NUL
  EXPECT_NE(error_text([&] { results_from_text(broken, "x.json"); }).find("invalid JSON at"),
            std::string::npos);
}

TEST_F(ResultsJson, WriterKilledMidSaveLeavesTheOldFileOrTheNew) {
  // A big save takes long enough for the kill to land while the temporary file is being written.
  RunResults big = make_results();
  big.variants[0].repeats[0].samples.assign(300'000, TaskSample{1, 2, 3, 0, 0, 0});
  const std::string target = file("run.json");
  save_results(make_results(), target);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    for (;;)
      save_results(big, target);
  }
  const std::string temporary = target + ".tmp-" + std::to_string(child);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(temporary) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::yield();
  const bool saw_temporary = fs::exists(temporary);
  ::kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(saw_temporary) << "the writer never started a save";
  const RunResults loaded = load_results(target);
  const std::size_t samples = loaded.variants[0].repeats[0].samples.size();
  EXPECT_TRUE(samples == 4 || samples == 300'000) << samples;
  RecordProperty("temporary_left_behind", fs::exists(temporary) ? "yes" : "no");
}

TEST_F(ResultsJson, BadFieldsAreNamedByPath) {
  boost::json::value json = to_json(make_results());
  auto &variant = json.at("variants").as_array().at(1).as_object();
  auto &samples = variant.at("repeats").as_array().at(0).as_object().at("samples").as_object();
  samples["end_ns"] = boost::json::array{1, "two", 3, 4};
  samples["worker"] = boost::json::array{1, 2};
  variant.at("summary").as_object().erase("makespan_s");
  variant["label"] = 5;
  SpecError error({});
  try {
    results_from_json(json);
    FAIL() << "no exception";
  } catch (const SpecError &e) {
    error = e;
  }
  const std::string what = error.what();
  for (const char *expected :
       {"variants[1].repeats[0].samples.end_ns: must be an array of integers",
        "variants[1].summary.makespan_s: is required", "variants[1].label: must be a string"})
    EXPECT_NE(what.find(expected), std::string::npos) << expected << " not in\n" << what;
  // The short worker column is not compared with a column that already failed to read.
  EXPECT_EQ(what.find("samples.worker"), std::string::npos) << what;
  samples["end_ns"] = boost::json::array{1, 2, 3, 4};
  EXPECT_NE(error_text([&] {
              results_from_json(json);
            }).find("variants[1].repeats[0].samples.worker: has 2 values but task has 4"),
            std::string::npos);
}

TEST_F(ResultsJson, SamplesCsvHasOneRowPerTask) {
  save_samples_csv(make_results(), file("samples.csv"));
  EXPECT_EQ(directory_listing(), std::vector<std::string>{"samples.csv"});
  std::istringstream in(read_all(file("samples.csv")));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  ASSERT_EQ(lines.size(), 1u + 4 * 3); // header + 4 tasks × (2 repeats + 1 repeat)
  EXPECT_EQ(lines[0], "label,model,repeat,task,submit_s,start_s,end_s,response_s,queue_wait_s,"
                      "service_s,executor_wait_s,worker,status");
  EXPECT_EQ(lines[1], "\"/b, offloaded\",event_loop_offload,0,0,0.000000000,0.000001000,"
                      "2.000000123,2.000000123,0.000001000,1.999999123,0.000250000,1,finished");
  EXPECT_EQ(lines[2], "\"/b, offloaded\",event_loop_offload,0,1,0.000000005,0.000001500,,,"
                      "0.000001495,,0.000000000,2,cancelled");
  EXPECT_EQ(lines[3], "\"/b, offloaded\",event_loop_offload,0,2,0.000000010,,,,,,,,not_started");
  EXPECT_EQ(lines[4], "\"/b, offloaded\",event_loop_offload,0,3,,,,,,,,,not_started");
  EXPECT_EQ(lines[5].substr(0, 39), "\"/b, offloaded\",event_loop_offload,1,0,");
  EXPECT_EQ(lines[9].substr(0, 19), "loops,multi_loop,0,");
}

TEST_F(ResultsJson, FailedSaveLeavesNoTemporaryAndKeepsTheTarget) {
  const std::string missing = file("no/such/dir/run.json");
  const std::string message = error_text([&] { save_results(make_results(), missing); });
  EXPECT_NE(message.find("cannot write " + missing + ": No such file"), std::string::npos)
      << message;

  // The target is a directory, so the final rename fails after the temporary was written.
  fs::create_directories(file("taken/inside"));
  EXPECT_THROW(save_results(make_results(), file("taken")), std::runtime_error);
  EXPECT_EQ(directory_listing(), std::vector<std::string>{"taken"});
  EXPECT_TRUE(fs::is_directory(file("taken/inside")));
}

TEST_F(ResultsJson, UnwritableDirectoryKeepsTheTarget) {
  write_all(file("run.json"), "previous contents");
  fs::permissions(m_dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
  if (::geteuid() == 0) {
    // Root ignores directory permissions (CI runs as root): try the save as `nobody` in a child.
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      if (::setgid(65534) != 0 || ::setuid(65534) != 0)
        ::_exit(3);
      try {
        save_results(make_results(), file("run.json"));
      } catch (const std::runtime_error &) {
        ::_exit(0);
      }
      ::_exit(1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: the save did not fail; 3: could not become nobody";
  } else {
    EXPECT_THROW(save_results(make_results(), file("run.json")), std::runtime_error);
  }
  fs::permissions(m_dir, fs::perms::owner_all);
  EXPECT_EQ(read_all(file("run.json")), "previous contents");
  EXPECT_EQ(directory_listing(), std::vector<std::string>{"run.json"});
}

TEST_F(ResultsJson, MillionSamplesRoundTrip) {
  RunResults results = make_results();
  RepeatResult &repeat = results.variants[0].repeats[0];
  repeat.samples.resize(1'000'000);
  for (std::uint32_t i = 0; i < repeat.samples.size(); ++i)
    repeat.samples[i] = {std::int64_t{i} * 1000, std::int64_t{i} * 1000 + 17,
                         std::int64_t{i} * 1000 + 1'000'000'007, i, i % 64};
  const auto start = std::chrono::steady_clock::now();
  save_results(results, file("big.json"));
  const RunResults loaded = load_results(file("big.json"));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(loaded.variants[0].repeats[0].samples.size(), 1'000'000u);
  EXPECT_EQ(loaded.variants[0].repeats[0].samples[999'999].end_ns, 999'999'000 + 1'000'000'007);
  // How fast is for bench/ to say; this records it beside the test's result.
  RecordProperty("save_and_load_seconds", std::to_string(seconds));
}

} // namespace
} // namespace conlab
