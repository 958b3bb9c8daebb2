// Experiment files: every rule's message and field path, defaults, presets, round trips.
#include "core/engine/model_registry.h"
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "tests/support/json_round_trip.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <string>

namespace conlab {
namespace {

using test::same;

// A valid experiment with the given variants (JSON array members) and load.
std::string experiment(const std::string &variants,
                       const std::string &load = R"({"kind": "closed", "tasks": 10})",
                       const std::string &extra = "") {
  return R"({"schema": "conlab.experiment/1", "name": "t", "load": )" + load + extra +
         R"(, "variants": [)" + variants + "]}";
}

std::string variant(const std::string &model, const std::string &members = "",
                    const std::string &label = "v") {
  return R"({"label": ")" + label + R"(", "model": ")" + model + "\"" + members +
         R"(, "steps": [{"kind": "io", "ms": 10}]})";
}

std::vector<FieldError> errors_of(const std::string &text, int cores = 4) {
  try {
    parse_experiment_text(text, cores);
  } catch (const SpecError &e) {
    return e.errors();
  }
  return {};
}

std::string listing(const std::vector<FieldError> &errors) {
  std::string out;
  for (const FieldError &e : errors)
    out += "\n  " + e.to_string();
  return out.empty() ? " (no errors)" : out;
}

struct BadInput {
  const char *name;
  std::string text;
  std::string path;
  std::string fragment;
};

void PrintTo(const BadInput &input, std::ostream *os) { *os << input.name; }

class BadInputs : public testing::TestWithParam<BadInput> {};

TEST_P(BadInputs, ReportFieldPathAndReason) {
  const BadInput &input = GetParam();
  const std::vector<FieldError> errors = errors_of(input.text);
  const bool found = std::any_of(errors.begin(), errors.end(), [&](const FieldError &e) {
    return e.path == input.path && e.message.find(input.fragment) != std::string::npos;
  });
  EXPECT_TRUE(found) << "expected `" << input.path << ": …" << input.fragment << "…`, got"
                     << listing(errors);
}

const std::string kClosed100 = R"({"kind": "closed", "tasks": 100})";
const std::string kOpen = R"({"kind": "open", "tasks": 10, "rate_per_s": 100})";
const std::string kStepsTail = R"(, "steps": [{"kind": "io", "ms": 10}]})";

std::string with_step(const std::string &step) {
  return experiment(R"({"label": "v", "model": "event_loop", "steps": [)" + step + "]}");
}

std::string repeated(const std::string &text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += text;
  return out;
}

// `depth` repeat groups of `times`, one inside the other, around one 1 ms wait.
std::string nested_repeat(int depth, int times) {
  std::string text = R"({"kind": "io", "ms": 1})";
  for (int d = 0; d < depth; ++d)
    text = R"({"repeat": )" + std::to_string(times) + R"(, "steps": [)" + text + "]}";
  return text;
}

INSTANTIATE_TEST_SUITE_P(
    SpecJson, BadInputs,
    testing::Values(
        BadInput{"unknown_model", experiment(variant("event_lop")), "variants[0].model",
                 "unknown model \"event_lop\"; did you mean event_loop?"},
        BadInput{"pool_size_zero", experiment(variant("thread_pool", R"(, "pool_size": 0)")),
                 "variants[0].pool_size", "must be ≥ 1"},
        BadInput{"pool_size_above_cap",
                 experiment(variant("thread_pool", R"(, "pool_size": 2000000)")),
                 "variants[0].pool_size", "must be ≤ 1000000"},
        BadInput{"pool_size_above_the_machine",
                 experiment(variant("thread_pool", R"(, "pool_size": 900000)")),
                 "variants[0].pool_size", "needs 900000 threads at once, and this machine allows"},
        BadInput{"stack_kb_below_the_minimum",
                 experiment(variant("thread_pool", R"(, "stack_kb": 1)")), "variants[0].stack_kb",
                 "PTHREAD_STACK_MIN on this machine"},
        BadInput{"stack_kb_above_a_gibibyte",
                 experiment(variant("thread_per_task", R"(, "stack_kb": 2000000)")),
                 "variants[0].stack_kb", "must be ≤ 1048576 (1 GiB)"},
        BadInput{"stack_kb_for_event_loop",
                 experiment(variant("event_loop", R"(, "stack_kb": 256)")), "variants[0].stack_kb",
                 "not used by model event_loop: it starts no threads that run tasks"},
        BadInput{"stack_kb_for_qt_event_loop_without_offload",
                 experiment(variant("qt_event_loop", R"(, "stack_kb": 256)")),
                 "variants[0].stack_kb", "not used by model qt_event_loop"},
        BadInput{"stack_kb_fraction", experiment(variant("thread_pool", R"(, "stack_kb": 64.5)")),
                 "variants[0].stack_kb", "must be an integer"},
        BadInput{"pool_size_unknown_name",
                 experiment(variant("thread_pool", R"(, "pool_size": "lots")")),
                 "variants[0].pool_size", "one of \"python_default_executor\""},
        BadInput{"pool_size_fraction", experiment(variant("thread_pool", R"(, "pool_size": 2.5)")),
                 "variants[0].pool_size", "must be an integer"},
        BadInput{"repeat_of_zero",
                 with_step(R"({"repeat": 0, "steps": [{"kind": "io", "ms": 1}]})"),
                 "variants[0].steps[0].repeat", "must be ≥ 1"},
        BadInput{"repeat_fraction",
                 with_step(R"({"repeat": 2.5, "steps": [{"kind": "io", "ms": 1}]})"),
                 "variants[0].steps[0].repeat", "must be an integer"},
        BadInput{"repeat_without_steps", with_step(R"({"repeat": 3})"),
                 "variants[0].steps[0].steps", "required"},
        BadInput{"repeat_of_nothing", with_step(R"({"repeat": 3, "steps": []})"),
                 "variants[0].steps[0].steps", "must contain at least one step"},
        BadInput{"repeat_with_a_kind",
                 with_step(R"({"repeat": 3, "kind": "io", "steps": [{"kind": "io", "ms": 1}]})"),
                 "variants[0].steps[0].kind", "unknown"},
        BadInput{"bad_step_inside_a_repeat",
                 with_step(R"({"repeat": 3, "steps": [{"kind": "io", "ms": 1},
                                                      {"kind": "cpu", "ms": -1}]})"),
                 "variants[0].steps[0].steps[1].ms", "must be ≥ 0"},
        BadInput{"repeats_nested_too_deep", with_step(nested_repeat(kMaxRepeatDepth + 1, 1)),
                 "variants[0].steps[0]" + repeated(".steps[0]", kMaxRepeatDepth),
                 "repeats nest at most 8 deep"},
        BadInput{"too_many_steps_per_task",
                 with_step(R"({"repeat": 1000, "steps": [{"repeat": 1000, "steps": [
                                {"kind": "io", "ms": 1}]}]})"),
                 "variants[0].steps", "more than 100000 steps (the cap)"},
        BadInput{"repeat_overflowing_the_count",
                 with_step(R"({"repeat": 100000, "steps": [{"repeat": 100000, "steps": [
                                {"repeat": 100000, "steps": [{"kind": "io", "ms": 1}]}]}]})"),
                 "variants[0].steps", "more than 100000 steps (the cap)"},
        BadInput{"negative_duration", with_step(R"({"kind": "io", "ms": -5})"),
                 "variants[0].steps[0].ms", "must be ≥ 0"},
        BadInput{"duration_above_an_hour", with_step(R"({"kind": "cpu", "ms": 3600001})"),
                 "variants[0].steps[0].ms", "must be ≤ 3600000"},
        BadInput{"unknown_key_with_hint", experiment(variant("thread_pool", R"(, "poolsize": 4)")),
                 "variants[0].poolsize", "unknown key, did you mean pool_size?"},
        BadInput{"unknown_top_level_key",
                 experiment(variant("event_loop"), kClosed100, R"(, "repeat": 3)"), "repeat",
                 "did you mean repeats?"},
        BadInput{"unknown_key_far_from_any", with_step(R"({"kind": "io", "ms": 1, "zzzz": 1})"),
                 "variants[0].steps[0].zzzz", "unknown key"},
        BadInput{"duplicate_label",
                 experiment(variant("event_loop", "", "/a") + "," +
                            variant("event_loop", "", "/b") + "," +
                            variant("event_loop", "", "/a")),
                 "variants[2].label", "duplicate label \"/a\" (variants[0] has it too)"},
        BadInput{"tasks_fraction",
                 experiment(variant("event_loop"), R"({"kind": "closed", "tasks": 1.5})"),
                 "load.tasks", "must be an integer"},
        BadInput{"tasks_string",
                 experiment(variant("event_loop"), R"({"kind": "closed", "tasks": "ten"})"),
                 "load.tasks", "must be an integer"},
        BadInput{"tasks_zero",
                 experiment(variant("event_loop"), R"({"kind": "closed", "tasks": 0})"),
                 "load.tasks", "must be ≥ 1"},
        BadInput{"thread_per_task_beyond_the_machine",
                 experiment(variant("thread_per_task"),
                            R"({"kind": "closed", "tasks": 5000000, "clients": 5000000})"),
                 "variants[0].model", "needs 5000000 threads at once, and this machine allows"},
        BadInput{"tasks_too_many_for_memory",
                 experiment(variant("event_loop"), R"({"kind": "closed", "tasks": 10000000})",
                            R"(, "repeats": 1000)"),
                 "load.tasks", "a quarter of this machine's memory"},
        BadInput{"tasks_above_fifty_million",
                 experiment(variant("event_loop"), R"({"kind": "closed", "tasks": 60000000})"),
                 "load.tasks", "must be ≤ 50000000"},
        BadInput{"loops_for_event_loop", experiment(variant("event_loop", R"(, "loops": 2)")),
                 "variants[0].loops", "not used by model event_loop"},
        BadInput{"pool_size_for_event_loop",
                 experiment(variant("event_loop", R"(, "pool_size": 2)")), "variants[0].pool_size",
                 "not used by model event_loop"},
        BadInput{"offload_for_thread_pool",
                 experiment(variant("thread_pool", R"(, "offload": true)")), "variants[0].offload",
                 "not used by model thread_pool"},
        BadInput{"gil_unknown", experiment(variant("thread_pool", R"(, "gil": "pypy")")),
                 "variants[0].gil", "must be \"none\" or \"cpython\" (found \"pypy\")"},
        BadInput{
            "switch_interval_zero",
            experiment(variant("thread_pool", R"(, "gil": "cpython", "switch_interval_ms": 0)")),
            "variants[0].switch_interval_ms", "must be > 0 and ≤ 1000"},
        BadInput{
            "switch_interval_above_a_second",
            experiment(variant("thread_pool", R"(, "gil": "cpython", "switch_interval_ms": 1001)")),
            "variants[0].switch_interval_ms", "must be > 0 and ≤ 1000"},
        BadInput{"switch_interval_without_gil",
                 experiment(variant("thread_pool", R"(, "switch_interval_ms": 5)")),
                 "variants[0].switch_interval_ms", "only applies with \"gil\": \"cpython\""},
        BadInput{"background_threads_negative",
                 experiment(variant("thread_pool", R"(, "background_cpu_threads": -1)")),
                 "variants[0].background_cpu_threads", "must be ≥ 0"},
        BadInput{"background_threads_above_cap",
                 experiment(variant("thread_pool", R"(, "background_cpu_threads": 65)")),
                 "variants[0].background_cpu_threads", "must be ≤ 64"},
        BadInput{"gil_in_http_mode",
                 experiment(variant("thread_pool", R"(, "gil": "cpython", "target": "embedded")")),
                 "variants[0].gil", "not available in HTTP mode"},
        BadInput{"process_pool_above_cap",
                 experiment(variant("process_pool", R"(, "pool_size": 257)")),
                 "variants[0].pool_size", "means 257 worker processes, above the cap of 256"},
        BadInput{"watch_not_a_pid",
                 experiment(variant("event_loop",
                                    R"(, "target": {"url": "http://127.0.0.1:9/", "watch": 0})")),
                 "variants[0].target.watch", "must be a process ID"},
        BadInput{"watch_no_such_process",
                 experiment(variant("event_loop", R"(, "target": {"url": "http://127.0.0.1:9/", )"
                                                  R"("watch": 2147483647})")),
                 "variants[0].target.watch", "no process 2147483647"},
        BadInput{"processes_on_a_pool",
                 experiment(variant("thread_pool", R"(, "processes": true)")),
                 "variants[0].processes", "not used by model thread_pool"},
        BadInput{"processes_not_bool", experiment(variant("multi_loop", R"(, "processes": "yes")")),
                 "variants[0].processes", "must be true or false"},
        BadInput{"processes_in_http_mode",
                 experiment(variant("process_pool", R"(, "target": "embedded")")),
                 "variants[0].model", "worker processes are not available in HTTP mode"},
        BadInput{"offload_not_bool", experiment(variant("qt_event_loop", R"(, "offload": "yes")")),
                 "variants[0].offload", "must be true or false"},
        BadInput{"loops_zero", experiment(variant("multi_loop", R"(, "loops": 0)")),
                 "variants[0].loops", "must be ≥ 1"},
        BadInput{"rate_in_closed_load",
                 experiment(variant("event_loop"),
                            R"({"kind": "closed", "tasks": 10, "rate_per_s": 5})"),
                 "load.rate_per_s", "only for open load"},
        BadInput{"clients_in_open_load",
                 experiment(variant("event_loop"),
                            R"({"kind": "open", "tasks": 10, "rate_per_s": 5, "clients": 2})"),
                 "load.clients", "only for closed load"},
        BadInput{"open_load_without_rate",
                 experiment(variant("event_loop"), R"({"kind": "open", "tasks": 10})"),
                 "load.rate_per_s", "is required"},
        BadInput{"rate_too_high",
                 experiment(variant("event_loop"),
                            R"({"kind": "open", "tasks": 10, "rate_per_s": 1e8})"),
                 "load.rate_per_s", "must be > 0 and ≤ 10000000"},
        BadInput{"unknown_arrivals",
                 experiment(variant("event_loop"), R"({"kind": "open", "tasks": 10,
                            "rate_per_s": 5, "arrivals": "bursty"})"),
                 "load.arrivals", "must be \"constant\" or \"poisson\" (found \"bursty\")"},
        BadInput{"unknown_load_kind",
                 experiment(variant("event_loop"), R"({"kind": "burst", "tasks": 10})"),
                 "load.kind", "must be \"closed\" or \"open\""},
        BadInput{"load_not_object", experiment(variant("event_loop"), "[]"), "load",
                 "must be an object"},
        BadInput{"bad_schema",
                 R"({"schema": "conlab.experiment/2", "name": "t",
                     "load": {"kind": "closed", "tasks": 1}, "variants": [)" +
                     variant("event_loop") + "]}",
                 "schema", "must be \"conlab.experiment/1\" (found \"conlab.experiment/2\")"},
        BadInput{"results_file_as_experiment",
                 R"({"schema": "conlab.results/1", "name": "t",
                     "load": {"kind": "closed", "tasks": 1}, "variants": [)" +
                     variant("event_loop") + "]}",
                 "schema", "this is a results file"},
        BadInput{"syntax_error", "{\n  \"name\": \"t\",\n  \"load\": {,\n}", "",
                 "invalid JSON at line 3, column 12"},
        BadInput{"truncated", experiment(variant("event_loop")).substr(0, 40), "",
                 "invalid JSON at line 1"},
        BadInput{"trailing_text", experiment(variant("event_loop")) + " x", "", "invalid JSON"},
        BadInput{"not_an_object", "[1, 2]", "", "must be an object"},
        BadInput{"min_above_max",
                 with_step(R"({"kind": "io", "distribution": "uniform", "min_ms": 5,
                               "max_ms": 3})"),
                 "variants[0].steps[0].min_ms", "must be ≤ max_ms (5 > 3)"},
        BadInput{"exponential_mean_zero",
                 with_step(R"({"kind": "io", "distribution": "exponential", "mean_ms": 0})"),
                 "variants[0].steps[0].mean_ms", "must be > 0"},
        BadInput{"ms_in_uniform",
                 with_step(R"({"kind": "io", "distribution": "uniform", "min_ms": 1,
                               "max_ms": 3, "ms": 2})"),
                 "variants[0].steps[0].ms", "not used by a uniform distribution"},
        BadInput{"fixed_without_ms", with_step(R"({"kind": "io"})"), "variants[0].steps[0].ms",
                 "is required"},
        BadInput{"ms_not_number", with_step(R"({"kind": "io", "ms": "10"})"),
                 "variants[0].steps[0].ms", "must be a number"},
        BadInput{"unknown_step_kind", with_step(R"({"kind": "disk", "ms": 1})"),
                 "variants[0].steps[0].kind", "must be \"io\", \"blocking_io\" or \"cpu\""},
        BadInput{"unknown_distribution",
                 with_step(R"({"kind": "io", "distribution": "normal", "ms": 1})"),
                 "variants[0].steps[0].distribution", "must be \"fixed\""},
        BadInput{"no_steps", experiment(R"({"label": "v", "model": "event_loop", "steps": []})"),
                 "variants[0].steps", "must contain at least one step"},
        BadInput{"no_variants", experiment(""), "variants", "must contain at least one variant"},
        BadInput{"missing_name",
                 R"({"load": {"kind": "closed", "tasks": 1}, "variants": [)" +
                     variant("event_loop") + "]}",
                 "name", "is required"},
        BadInput{"empty_name",
                 R"({"name": "", "load": {"kind": "closed", "tasks": 1}, "variants": [)" +
                     variant("event_loop") + "]}",
                 "name", "must not be empty"},
        BadInput{"empty_label", experiment(variant("event_loop", "", "")), "variants[0].label",
                 "must not be empty"},
        BadInput{"description_not_string",
                 experiment(variant("event_loop"), kClosed100, R"(, "description": 3)"),
                 "description", "must be a string"},
        BadInput{"time_scale_zero",
                 experiment(variant("event_loop"), kClosed100, R"(, "time_scale": 0)"),
                 "time_scale", "must be > 0 and ≤ 1000"},
        BadInput{"repeats_zero", experiment(variant("event_loop"), kClosed100, R"(, "repeats": 0)"),
                 "repeats", "must be ≥ 1"},
        BadInput{"seed_negative", experiment(variant("event_loop"), kClosed100, R"(, "seed": -1)"),
                 "seed", "must be a non-negative integer"},
        BadInput{"claimed_negative",
                 experiment(variant("event_loop", R"(, "claimed_makespan_s": -1)")),
                 "variants[0].claimed_makespan_s", "must be ≥ 0"},
        BadInput{"variant_not_object", experiment("3"), "variants[0]", "must be an object"}),
    [](const testing::TestParamInfo<BadInput> &param) { return std::string(param.param.name); });

TEST(SpecJson, ReportsEveryErrorAtOnce) {
  const std::string text =
      experiment(variant("thread_pool", R"(, "pool_size": 0, "poolsize": 3)", "/a") + "," +
                     variant("nonsense", "", "/a"),
                 R"({"kind": "closed", "tasks": 1.5, "rate_per_s": 3})", R"(, "repeats": 2000)");
  const std::vector<FieldError> errors = errors_of(text);
  const std::vector<std::string> expected = {"variants[0].pool_size",
                                             "variants[0].poolsize",
                                             "variants[1].label",
                                             "variants[1].model",
                                             "load.tasks",
                                             "load.rate_per_s",
                                             "repeats"};
  for (const std::string &path : expected)
    EXPECT_TRUE(std::any_of(errors.begin(), errors.end(),
                            [&](const FieldError &e) { return e.path == path; }))
        << path << " missing from" << listing(errors);
  EXPECT_EQ(errors.size(), expected.size()) << listing(errors);
  try {
    parse_experiment_text(text, 4);
    FAIL() << "no exception";
  } catch (const SpecError &e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("variants[0].pool_size: must be ≥ 1"), std::string::npos) << what;
    EXPECT_NE(what.find("load.tasks: must be an integer"), std::string::npos) << what;
  }
}

TEST(SpecJson, MissingFileNamesThePath) {
  try {
    load_experiment_file("/nonexistent/dir/experiment.json", 4);
    FAIL() << "no exception";
  } catch (const SpecError &e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/experiment.json"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("No such file"), std::string::npos) << e.what();
  }
}

TEST(SpecJson, DefaultsAreFilledIn) {
  const Experiment e = parse_experiment_text(
      experiment(variant("event_loop", "", "/c") + "," + variant("event_loop_offload", "", "/b") +
                 "," + variant("thread_pool", "", "/d") + "," + variant("multi_loop", "", "/m") +
                 "," + variant("qt_event_loop", "", "/q")),
      4);
  EXPECT_EQ(e.name, "t");
  EXPECT_EQ(e.description, "");
  EXPECT_EQ(e.time_scale, 1.0);
  EXPECT_EQ(e.repeats, 1);
  EXPECT_EQ(e.seed, 1u);
  EXPECT_EQ(e.load.kind, LoadKind::closed);
  EXPECT_EQ(e.load.tasks, 10);
  EXPECT_EQ(e.load.clients, 10); // clients default to tasks
  ASSERT_EQ(e.variants.size(), 5u);
  EXPECT_FALSE(e.variants[0].pool_size);
  EXPECT_FALSE(e.variants[0].loops);
  EXPECT_FALSE(e.variants[0].offload);
  EXPECT_FALSE(e.variants[0].claimed_makespan_s);
  ASSERT_TRUE(e.variants[1].pool_size);
  EXPECT_EQ(e.variants[1].pool_size->named, "python_default_executor");
  ASSERT_TRUE(e.variants[2].pool_size);
  EXPECT_EQ(e.variants[2].pool_size->named, "anyio_default");
  EXPECT_EQ(e.variants[2].pool_size->resolve(4), 40);
  EXPECT_FALSE(e.variants[3].loops); // multi_loop: one loop per core, decided when it runs
  ASSERT_TRUE(e.variants[4].pool_size);
  EXPECT_EQ(e.variants[4].pool_size->named, "cores");
  const Step &step = e.variants[0].steps.at(0);
  EXPECT_EQ(step.kind, StepKind::io);
  EXPECT_EQ(step.duration.distribution, DistributionKind::fixed);
  EXPECT_EQ(step.duration.ms, 10);
}

TEST(SpecJson, PythonDefaultExecutorFollowsTheCores) {
  const std::string text = experiment(variant("event_loop_offload"));
  const Experiment two = parse_experiment_text(text, 2);
  EXPECT_EQ(resolved_pool_size(two.variants.at(0), 2), 6); // min(32, 2 + 4)
  const Experiment many = parse_experiment_text(text, 64);
  EXPECT_EQ(resolved_pool_size(many.variants.at(0), 64), 32); // min(32, 64 + 4)
  EXPECT_EQ(many.variants.at(0).pool_size->describe(2), "6 (python_default_executor)");
}

TEST(SpecJson, NamedPoolAboveTheCapOnThisMachineIsRefused) {
  const std::string text = experiment(variant("thread_pool", R"(, "pool_size": "cores")"));
  EXPECT_NO_THROW(parse_experiment_text(text, 64));
  const std::vector<FieldError> errors = errors_of(text, 2'000'000);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "variants[0].pool_size");
  EXPECT_NE(errors[0].message.find("2000000 threads"), std::string::npos) << listing(errors);
}

TEST(SpecJson, StackSizeIsReadAndWritten) {
  const Experiment e =
      parse_experiment_text(experiment(variant("thread_per_task", R"(, "stack_kb": 256)")), 4);
  ASSERT_EQ(e.variants.at(0).stack_kb, 256);
  EXPECT_EQ(e.variants.at(0).stack_bytes(), 256 * 1024);
  const Experiment again = parse_experiment_text(to_json_text(e), 4);
  EXPECT_EQ(again.variants.at(0).stack_kb, 256);
  EXPECT_EQ(
      parse_experiment_text(experiment(variant("thread_pool")), 4).variants.at(0).stack_bytes(),
      0); // the system's
}

TEST(SpecJson, AWatchedServerIsReadCheckedAndWritten) {
  // The test's parent (ctest, or the shell) is a process this user may read.
  const std::string text =
      experiment(variant("event_loop", R"(, "target": {"url": "http://127.0.0.1:9/", "watch": )" +
                                           std::to_string(::getppid()) + "}"));
  const Experiment e = parse_experiment_text(text, 4);
  ASSERT_TRUE(e.variants.at(0).target);
  EXPECT_EQ(e.variants.at(0).target->watch, ::getppid());
  const Experiment again = parse_experiment_text(to_json_text(e), 4);
  EXPECT_EQ(again.variants.at(0).target->watch, ::getppid());
  // The lab's own PID is not a server it loads.
  const std::vector<FieldError> own = errors_of(
      experiment(variant("event_loop", R"(, "target": {"url": "http://127.0.0.1:9/", "watch": )" +
                                           std::to_string(::getpid()) + "}")));
  ASSERT_EQ(own.size(), 1u) << listing(own);
  EXPECT_EQ(own[0].path, "variants[0].target.watch");
  EXPECT_NE(own[0].message.find("the lab itself"), std::string::npos);
}

TEST(SpecJson, RepeatGroupsNestAndExpandInOrder) {
  const Experiment e = parse_experiment_text(with_step(R"({"kind": "cpu", "ms": 2},
                   {"repeat": 3, "steps": [{"kind": "io", "ms": 1},
                                           {"repeat": 2, "steps": [{"kind": "cpu", "ms": 0.5}]}]},
                   {"kind": "blocking_io", "ms": 4})"),
                                             4);
  const std::vector<Step> &written = e.variants.at(0).steps;
  ASSERT_EQ(written.size(), 3U);
  ASSERT_TRUE(written[1].is_repeat());
  EXPECT_EQ(*written[1].repeat, 3);
  EXPECT_EQ(steps_per_task(written), 1 + 3 * (1 + 2) + 1);
  EXPECT_EQ(written_leaves(written).size(), 4U); // cpu 2, io 1, cpu 0.5, blocking_io 4
  std::string order;
  for (const Step &s : leaf_steps(written))
    order += std::string(to_string(s.kind)) + " ";
  EXPECT_EQ(order, "cpu io cpu cpu io cpu cpu io cpu cpu blocking_io ");
  const Experiment again = parse_experiment_text(to_json_text(e), 4);
  EXPECT_TRUE(same(again, e));
  EXPECT_FALSE(same(parse_experiment_text(with_step(nested_repeat(2, 4)), 4),
                    parse_experiment_text(with_step(nested_repeat(2, 5)), 4)));
}

TEST(SpecJson, RepeatsUpToTheCapsAreAccepted) {
  EXPECT_TRUE(errors_of(with_step(nested_repeat(kMaxRepeatDepth, 4))).empty())
      << listing(errors_of(with_step(nested_repeat(kMaxRepeatDepth, 4))));
  const Experiment e = parse_experiment_text(
      with_step(
          R"({"repeat": 50000, "steps": [{"kind": "io", "ms": 1}, {"kind": "cpu", "ms": 0}]})"),
      4);
  EXPECT_EQ(steps_per_task(e.variants.at(0).steps), kMaxStepsPerTask);
}

TEST(SpecJson, OpenLoadAndDistributions) {
  const Experiment e = parse_experiment_text(
      experiment(
          R"({"label": "v", "model": "thread_pool", "pool_size": 8, "steps": [
               {"kind": "io", "distribution": "fixed", "ms": 2.5},
               {"kind": "blocking_io", "distribution": "uniform", "min_ms": 1, "max_ms": 9},
               {"kind": "cpu", "distribution": "exponential", "mean_ms": 4}]})",
          R"({"kind": "open", "tasks": 1000.0, "rate_per_s": 250.5, "arrivals": "poisson"})",
          R"(, "seed": 18446744073709551615, "time_scale": 0.01, "repeats": 3)"),
      4);
  EXPECT_EQ(e.load.kind, LoadKind::open);
  EXPECT_EQ(e.load.tasks, 1000); // 1000.0 is a whole number
  EXPECT_EQ(e.load.rate_per_s, 250.5);
  EXPECT_EQ(e.load.arrivals, ArrivalKind::poisson);
  EXPECT_EQ(e.seed, 18446744073709551615u);
  EXPECT_EQ(e.time_scale, 0.01);
  EXPECT_EQ(e.repeats, 3);
  const Variant &v = e.variants.at(0);
  EXPECT_EQ(v.pool_size->value, 8);
  EXPECT_TRUE(v.pool_size->named.empty());
  ASSERT_EQ(v.steps.size(), 3u);
  EXPECT_EQ(v.steps[0].duration.ms, 2.5);
  EXPECT_EQ(v.steps[1].kind, StepKind::blocking_io);
  EXPECT_EQ(v.steps[1].duration.distribution, DistributionKind::uniform);
  EXPECT_EQ(v.steps[1].duration.min_ms, 1);
  EXPECT_EQ(v.steps[1].duration.max_ms, 9);
  EXPECT_EQ(v.steps[2].duration.distribution, DistributionKind::exponential);
  EXPECT_EQ(v.steps[2].duration.ms, 4); // the mean lives in ms
}

TEST(SpecJson, ThreadPerTaskUnderAnOpenLoadMayExceedTheMachine) {
  EXPECT_NO_THROW(parse_experiment_text(
      experiment(variant("thread_per_task"),
                 R"({"kind": "open", "tasks": 5000000, "rate_per_s": 10000})"),
      4));
  // 10,000 threads at once, the classic comparison, runs on any machine the lab supports.
  EXPECT_NO_THROW(
      parse_experiment_text(experiment(variant("thread_per_task"),
                                       R"({"kind": "closed", "tasks": 20000, "clients": 10000})"),
                            4));
}

TEST(SpecJson, ValidatesExperimentsBuiltInCode) {
  Experiment e;
  e.name = "code";
  e.load.tasks = 100;
  e.load.clients = 3000;
  Variant v;
  v.label = "x";
  v.model = "thread_per_task";
  v.steps.push_back(Step{StepKind::cpu, Duration{DistributionKind::uniform, 0, 4, 2}});
  e.variants.push_back(v);
  EXPECT_TRUE(validate_experiment(e, 4).size() == 1); // min_ms > max_ms
  e.load.tasks = 5'000'000;                           // now 5 M threads at once
  e.load.clients = 5'000'000;
  const std::vector<FieldError> errors = validate_experiment(e, 4);
  ASSERT_EQ(errors.size(), 2u) << listing(errors);
  EXPECT_EQ(errors[0].path, "variants[0].steps[0].min_ms");
  EXPECT_EQ(errors[1].path, "variants[0].model");
  EXPECT_NE(errors[1].message.find("needs 5000000 threads"), std::string::npos);
  EXPECT_NE(errors[1].message.find("this machine allows"), std::string::npos);
}

TEST(SpecJson, EveryPresetParses) {
  ASSERT_GE(presets().size(), 3u);
  for (const char *name : {"fastapi-article", "io-vs-cpu", "pool-size"})
    EXPECT_NE(find_preset(name), nullptr) << name;
  EXPECT_EQ(find_preset("no-such-preset"), nullptr);
  for (const Preset &preset : presets()) {
    SCOPED_TRACE(preset.name);
    EXPECT_FALSE(preset.description.empty());
    for (int cores : {1, 2, 64}) {
      try {
        const Experiment e = parse_experiment_text(preset.json, cores);
        EXPECT_EQ(e.name, preset.name);
        EXPECT_EQ(e.description, preset.description);
      } catch (const SpecError &error) {
        ADD_FAILURE() << error.what();
      }
    }
  }
}

TEST(SpecJson, RoundTripsThroughJson) {
  std::vector<std::string> texts;
  for (const Preset &preset : presets())
    texts.push_back(preset.json);
  texts.push_back(experiment(
      R"({"label": "a, \"quoted\" · ünïcode", "model": "qt_event_loop", "offload": true,
          "pool_size": 3, "claimed_makespan_s": 0.30000000000000004, "steps": [
          {"kind": "io", "ms": 1234.5678901234567},
          {"kind": "cpu", "distribution": "uniform", "min_ms": 0.1, "max_ms": 0.7},
          {"kind": "blocking_io", "distribution": "exponential", "mean_ms": 1e-3}]},
        {"label": "m", "model": "multi_loop", "loops": 3, "steps": [{"kind": "io", "ms": 0}]},
        {"label": "g", "model": "thread_pool", "gil": "cpython", "switch_interval_ms": 0.5,
         "background_cpu_threads": 2, "stack_kb": 512, "steps": [{"kind": "cpu", "ms": 1}]},
        {"label": "n", "model": "event_loop", "gil": "none", "background_cpu_threads": 0,
         "steps": [{"kind": "cpu", "ms": 1}]})",
      R"({"kind": "open", "tasks": 7, "rate_per_s": 3.3, "arrivals": "poisson"})",
      R"(, "seed": 12345678901234567890, "time_scale": 0.123456789, "description": "d\nline")"));
  for (const std::string &text : texts) {
    const Experiment original = parse_experiment_text(text, 4);
    SCOPED_TRACE(original.name);
    EXPECT_TRUE(same(parse_experiment(to_json(original), 4), original));
    const std::string pretty = to_json_text(original);
    EXPECT_TRUE(same(parse_experiment_text(pretty, 4), original)) << pretty;
    EXPECT_EQ(to_json_text(parse_experiment_text(pretty, 4)), pretty); // stable
  }
}

TEST(SpecJson, PrettyTextIsIndentedWithStableKeyOrder) {
  const Experiment e = parse_experiment_text(
      experiment(variant("event_loop_offload", R"(, "claimed_makespan_s": 1)", "/b")), 4);
  const std::string text = to_json_text(e);
  EXPECT_EQ(text, R"({
  "schema": "conlab.experiment/1",
  "name": "t",
  "load": { "kind": "closed", "tasks": 10, "clients": 10 },
  "time_scale": 1,
  "repeats": 1,
  "seed": 1,
  "variants": [
    {
      "label": "/b",
      "model": "event_loop_offload",
      "pool_size": "python_default_executor",
      "claimed_makespan_s": 1,
      "steps": [
        { "kind": "io", "ms": 10 }
      ]
    }
  ]
}
)");
}

} // namespace
} // namespace conlab
