// Sweeps in experiment files: reading and writing them, the grid they expand to, the experiment
// at a point, and every bad input refused with the field that is wrong.
#include "core/experiment/spec_json.h"
#include "core/sweep/sweep.h"
#include "core/util/json_fields.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace conlab {
namespace {

constexpr int kCores = 2;

std::string experiment_with_sweep(const std::string &sweep,
                                  const std::string &load = R"({"kind": "closed", "tasks": 8, "clients": 8})") {
  return R"({"schema": "conlab.experiment/1", "name": "s", "load": )" + load + R"(,
    "variants": [
      {"label": "pool", "model": "thread_pool", "pool_size": 2,
       "steps": [{"kind": "cpu", "ms": 10}, {"kind": "blocking_io", "ms": 30}]},
      {"label": "loop", "model": "event_loop", "steps": [{"kind": "io", "ms": 20}]}],
    "sweep": )" + sweep + "}";
}

std::vector<FieldError> errors_of(const std::string &text) {
  try {
    parse_experiment_text(text, kCores);
  } catch (const SpecError &e) {
    return e.errors();
  }
  return {};
}

// The message at `path`, or "" when there is none.
std::string message_at(const std::vector<FieldError> &errors, const std::string &path) {
  for (const FieldError &e : errors)
    if (e.path == path)
      return e.message;
  return "";
}

TEST(SweepSpec, ReadsAndWritesBothKindsOfAxis) {
  const Experiment e = parse_experiment_text(
      experiment_with_sweep(R"({"parameters": [
        {"parameter": "pool_size", "range": {"from": 1, "to": 16, "step": 2, "scale": "log"}},
        {"parameter": "step_ms", "step_index": 1, "values": [10, 30, 90]}],
        "order": "as_listed"})"),
      kCores);
  ASSERT_TRUE(e.sweep);
  ASSERT_EQ(e.sweep->axes.size(), 2u);
  EXPECT_EQ(e.sweep->axes[0].parameter, SweepParameter::pool_size);
  EXPECT_EQ(e.sweep->axes[0].range->scale, SweepScale::log);
  EXPECT_EQ(e.sweep->axes[1].step_index, 1u);
  EXPECT_FALSE(e.sweep->shuffle);
  EXPECT_EQ(sweep_points(*e.sweep).size(), 5u * 3u);
  const Experiment again = parse_experiment_text(to_json_text(e), kCores);
  EXPECT_EQ(to_json_text(again), to_json_text(e));
}

TEST(SweepSpec, RangesExpandLinearlyAndLogarithmically) {
  SweepAxis linear{.parameter = SweepParameter::cpu_share,
                   .range = SweepRange{.from = 0, .to = 0.5, .step = 0.1}};
  const std::vector<double> shares = axis_values(linear);
  ASSERT_EQ(shares.size(), 6u) << "0.1 steps must reach 0.5 despite rounding";
  EXPECT_DOUBLE_EQ(shares.back(), 0.5);

  SweepAxis log{.parameter = SweepParameter::pool_size,
                .range = SweepRange{.from = 1, .to = 64, .step = 2, .scale = SweepScale::log}};
  EXPECT_EQ(axis_values(log), (std::vector<double>{1, 2, 4, 8, 16, 32, 64}));

  // Whole-number parameters are rounded and repeats dropped: 1, 1.5, 2.25, 3.4, 5.1, 7.6.
  log.range->to = 8;
  log.range->step = 1.5;
  EXPECT_EQ(axis_values(log), (std::vector<double>{1, 2, 3, 5, 8}));
}

TEST(SweepSpec, ExperimentAtAPointChangesOnlyWhatTheParameterMeans) {
  Experiment base = parse_experiment_text(
      experiment_with_sweep(R"({"parameters": [{"parameter": "pool_size", "values": [1]}]})"),
      kCores);
  SweepAxis axis{.parameter = SweepParameter::pool_size};
  base.sweep->axes = {axis};
  Experiment at = experiment_at(base, {7});
  EXPECT_FALSE(at.sweep);
  EXPECT_EQ(at.variants[0].pool_size->value, 7);
  EXPECT_FALSE(at.variants[1].pool_size) << "the event loop has no pool to change";

  // Tasks: a base with one client per task keeps that.
  base.sweep->axes = {SweepAxis{.parameter = SweepParameter::tasks}};
  at = experiment_at(base, {50});
  EXPECT_EQ(at.load.tasks, 50);
  EXPECT_EQ(at.load.clients, 50);

  // CPU share: 10 ms cpu + 30 ms wait at 75% is 30 ms cpu + 10 ms wait; the total stays 40 ms.
  base.sweep->axes = {SweepAxis{.parameter = SweepParameter::cpu_share}};
  at = experiment_at(base, {0.75});
  EXPECT_DOUBLE_EQ(at.variants[0].steps[0].duration.ms, 30);
  EXPECT_DOUBLE_EQ(at.variants[0].steps[1].duration.ms, 10);
  EXPECT_DOUBLE_EQ(at.variants[1].steps[0].duration.ms, 20) << "no cpu step: unchanged";

  // A uniform step keeps its shape around the new mean.
  base.variants[1].steps[0].duration = {.distribution = DistributionKind::uniform,
                                        .min_ms = 10, .max_ms = 30};
  base.sweep->axes = {SweepAxis{.parameter = SweepParameter::step_ms, .step_index = 0}};
  at = experiment_at(base, {40});
  EXPECT_DOUBLE_EQ(at.variants[1].steps[0].duration.min_ms, 20);
  EXPECT_DOUBLE_EQ(at.variants[1].steps[0].duration.max_ms, 60);
}

TEST(SweepSpec, BadRangesAreRefusedNamingTheField) {
  const std::string range = R"({"parameters": [{"parameter": "clients", "range": )";
  auto errors = errors_of(experiment_with_sweep(range + R"({"from": 64, "to": 1, "step": 1}}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].range").find("empty range"), std::string::npos)
      << (errors.empty() ? "" : errors[0].to_string());
  errors = errors_of(experiment_with_sweep(range + R"({"from": 1, "to": 8, "step": 0}}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].range.step").find("> 0"), std::string::npos);
  errors = errors_of(experiment_with_sweep(range + R"({"from": 1, "to": 8, "step": -2}}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].range.step").find("> 0"), std::string::npos);
  errors = errors_of(
      experiment_with_sweep(range + R"({"from": 1, "to": 8, "step": 1, "scale": "log"}}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].range.step").find("> 1"), std::string::npos);
  errors = errors_of(experiment_with_sweep(range + R"({"from": 1, "to": 5000, "step": 1}}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0]").find("more than 1000"), std::string::npos);
}

TEST(SweepSpec, ParametersThatDoNotApplyAreRefused) {
  auto errors = errors_of(experiment_with_sweep(
      R"({"parameters": [{"parameter": "clients", "values": [1, 2]}]})",
      R"({"kind": "open", "tasks": 8, "rate_per_s": 100})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].parameter").find("closed load"),
            std::string::npos);
  errors = errors_of(experiment_with_sweep(R"({"parameters": [{"parameter": "loops", "values": [1]}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].parameter").find("multi_loop"),
            std::string::npos);
  errors = errors_of(experiment_with_sweep(
      R"({"parameters": [{"parameter": "step_ms", "step_index": 4, "values": [1]}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].parameter").find("no variant has a step 4"),
            std::string::npos);
  errors = errors_of(experiment_with_sweep(R"({"parameters": [{"parameter": "threads", "values": [1]}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].parameter").find("pool_size"), std::string::npos);
  errors = errors_of(experiment_with_sweep(
      R"({"parameters": [{"parameter": "clients", "values": [1], "range": {"from": 1, "to": 2, "step": 1}}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0]").find("not both"), std::string::npos);
  errors = errors_of(experiment_with_sweep(R"({"parameters": [{"parameter": "clients", "values": [2, 2.5, 2]}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters[0].values[1]").find("whole number"), std::string::npos);
  EXPECT_NE(message_at(errors, "sweep.parameters[0].values[2]").find("twice"), std::string::npos);
  errors = errors_of(experiment_with_sweep(R"({"parameters": []})"));
  EXPECT_NE(message_at(errors, "sweep.parameters").find("one or two"), std::string::npos);
}

TEST(SweepSpec, APointThatIsNotAValidExperimentIsRefusedBeforeRunning) {
  const auto errors = errors_of(experiment_with_sweep(
      R"({"parameters": [{"parameter": "pool_size", "values": [2, 2000000]}]})"));
  const std::string message = message_at(errors, "sweep");
  EXPECT_NE(message.find("at P = 2000000"), std::string::npos) << message;
  EXPECT_NE(message.find("variants[0].pool_size"), std::string::npos) << message;
}

// A variant beyond the machine's threads at some points is no reason to refuse the sweep: it
// runs where it fits, and the points beyond say which limit stopped it (sweep_runner).
TEST(SweepSpec, APointBeyondTheMachinesThreadsIsLeftToTheSweep) {
  const auto errors = errors_of(experiment_with_sweep(
      R"({"parameters": [{"parameter": "pool_size", "values": [2, 900000]}]})"));
  EXPECT_TRUE(errors.empty()) << message_at(errors, "sweep");
}

TEST(SweepSpec, TooManyPointsAreRefused) {
  const auto errors = errors_of(experiment_with_sweep(R"({"parameters": [
      {"parameter": "clients", "range": {"from": 1, "to": 200, "step": 1}},
      {"parameter": "cpu_share", "range": {"from": 0, "to": 1, "step": 0.01}}]})"));
  EXPECT_NE(message_at(errors, "sweep.parameters").find("20200 points"), std::string::npos);
}

} // namespace
} // namespace conlab
