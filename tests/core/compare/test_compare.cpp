// Two constructed runs compared: identical runs are within the noise, a large shift is beyond it
// on the right side for every metric's direction, and the regression gate follows its threshold.
#include "core/compare/compare.h"
#include "core/compare/compare_json.h"
#include "core/compare/regression_gate.h"
#include "tests/support/results_builder.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace conlab {
namespace {

using test::repeat_of;
using test::run_of;
using test::scaled;
using test::spread;
using test::variant_of;

// Three repeats of 100 tasks from 50 to 150 ms, each repeat drawn with its own seed; `factor`
// scales every response time (1.5: everything 50% slower).
VariantResult repeated(const std::string &label, double factor, std::uint32_t seed = 1) {
  std::vector<RepeatResult> repeats;
  for (int r = 0; r < 3; ++r)
    repeats.push_back(repeat_of(scaled(spread(100, 0.05, 0.15, seed + r), factor), r));
  return variant_of(label, std::move(repeats));
}

VariantResult once(const std::string &label, double factor, std::uint32_t seed = 1) {
  return variant_of(label, {repeat_of(scaled(spread(100, 0.05, 0.15, seed), factor))});
}

const MetricComparison &metric(const Comparison &c, Metric m, std::size_t variant = 0) {
  const MetricComparison *found = c.variants.at(variant).find(m);
  if (!found)
    throw std::logic_error("metric missing");
  return *found;
}

TEST(Compare, IdenticalRunsAreWithinNoiseEverywhere) {
  const RunResults run = run_of({repeated("/a", 1)});
  const Comparison c = compare_runs(run, run);
  ASSERT_EQ(c.variants.size(), 1u);
  EXPECT_TRUE(c.notes.empty());
  for (const MetricComparison &m : c.variants[0].metrics) {
    if (m.metric == Metric::loop_lag_max) {
      EXPECT_EQ(m.verdict, Verdict::not_measured) << "a thread pool has no loop";
      continue;
    }
    EXPECT_EQ(m.delta(), 0) << metric_info(m.metric).key;
    EXPECT_EQ(m.ratio(), 1.0) << metric_info(m.metric).key;
    EXPECT_TRUE(m.noise.estimated()) << metric_info(m.metric).key;
    EXPECT_EQ(m.verdict, Verdict::within_noise) << metric_info(m.metric).key;
  }
  EXPECT_EQ(metric(c, Metric::latency_p99).noise.method, NoiseMethod::bootstrap);
  EXPECT_EQ(metric(c, Metric::latency_p99).noise.n_baseline, 300u) << "repeats pooled";
  EXPECT_EQ(metric(c, Metric::makespan).noise.method, NoiseMethod::welch);
  EXPECT_EQ(metric(c, Metric::makespan).noise.n_baseline, 3u);
  EXPECT_FALSE(apply_gate(c, {}).regressed());
}

TEST(Compare, SameWorkloadRedrawnIsWithinNoise) {
  const Comparison c =
      compare_runs(run_of({repeated("/a", 1, 1)}), run_of({repeated("/a", 1, 100)}));
  for (Metric m : {Metric::latency_p50, Metric::latency_p90, Metric::queue_wait_mean,
                   Metric::makespan, Metric::throughput})
    EXPECT_EQ(metric(c, m).verdict, Verdict::within_noise) << metric_info(m).key;
}

TEST(Compare, SlowerCandidateIsWorseBeyondNoise) {
  const Comparison c = compare_runs(run_of({repeated("/a", 1)}), run_of({repeated("/a", 1.5)}));
  for (Metric m : {Metric::makespan, Metric::latency_p50, Metric::latency_p90, Metric::latency_p99,
                   Metric::latency_max, Metric::queue_wait_mean}) {
    const MetricComparison &cmp = metric(c, m);
    EXPECT_EQ(cmp.verdict, Verdict::worse) << metric_info(m).key;
    EXPECT_GT(cmp.noise.interval.low, 0) << metric_info(m).key;
    EXPECT_NEAR(*cmp.ratio(), 1.5, 0.01) << metric_info(m).key;
    EXPECT_NEAR(*cmp.worsening(), 0.5, 0.01) << metric_info(m).key;
  }
  // Throughput is better when higher: 1.5× longer means a third less, and that is worse.
  const MetricComparison &throughput = metric(c, Metric::throughput);
  EXPECT_EQ(throughput.verdict, Verdict::worse);
  EXPECT_LT(throughput.noise.interval.high, 0);
  EXPECT_NEAR(*throughput.worsening(), 1.0 / 3, 0.01);
  EXPECT_LT(c.variants[0].latency_shift->p_value, 1e-6);
  EXPECT_GT(c.variants[0].latency_shift->b_greater(), 0.8);
}

TEST(Compare, FasterCandidateIsBetterAndNeverRegresses) {
  const Comparison c = compare_runs(run_of({repeated("/a", 1.5)}), run_of({repeated("/a", 1)}));
  EXPECT_EQ(metric(c, Metric::latency_p99).verdict, Verdict::better);
  EXPECT_EQ(metric(c, Metric::throughput).verdict, Verdict::better);
  EXPECT_GT(metric(c, Metric::throughput).noise.interval.low, 0);
  for (const MetricInfo &info : compare_metrics()) {
    if (info.better == Better::neither)
      continue;
    const GateReport gate = apply_gate(c, {info.metric, 0.0});
    EXPECT_FALSE(gate.regressed()) << info.key;
  }
}

TEST(Gate, ThresholdDecidesAmongChangesBeyondNoise) {
  const Comparison c = compare_runs(run_of({repeated("/a", 1)}), run_of({repeated("/a", 1.2)}));
  const GateReport tight = apply_gate(c, {Metric::latency_p99, 0.05});
  ASSERT_EQ(tight.variants.size(), 1u);
  EXPECT_EQ(tight.variants[0].outcome, GateOutcome::regressed);
  EXPECT_TRUE(tight.variants[0].noise_estimated);
  EXPECT_NEAR(*tight.variants[0].worsening, 0.2, 0.01);
  EXPECT_TRUE(tight.regressed());

  const GateReport loose = apply_gate(c, {Metric::latency_p99, 0.25});
  EXPECT_EQ(loose.variants[0].outcome, GateOutcome::within_threshold);
  EXPECT_FALSE(loose.regressed());
  EXPECT_EQ(apply_gate(c, {Metric::throughput, 0.05}).variants[0].outcome, GateOutcome::regressed);
}

TEST(Gate, AChangeBeyondTheThresholdButWithinNoiseDoesNotRegress) {
  // 12 tasks spread from 50 to 150 ms, B 10% slower: more than 5%, less than the p50's noise.
  const auto variant = [](double factor) {
    return variant_of("/a", {repeat_of(scaled(spread(12, 0.05, 0.15, 9), factor))});
  };
  const Comparison c = compare_runs(run_of({variant(1)}), run_of({variant(1.1)}));
  const GateReport gate = apply_gate(c, {Metric::latency_p50, 0.05});
  EXPECT_NEAR(*gate.variants[0].worsening, 0.1, 1e-6);
  EXPECT_EQ(gate.variants[0].outcome, GateOutcome::within_noise);
  EXPECT_FALSE(gate.regressed());
}

TEST(Gate, WithOneRepeatTheThresholdAloneDecides) {
  const Comparison c = compare_runs(run_of({once("/a", 1)}), run_of({once("/a", 1.2)}));
  const MetricComparison &makespan = metric(c, Metric::makespan);
  EXPECT_FALSE(makespan.noise.estimated());
  EXPECT_EQ(makespan.noise.reason, "no repeats: noise not estimated");
  EXPECT_EQ(makespan.verdict, Verdict::noise_unknown);
  const GateReport gate = apply_gate(c, {Metric::makespan, 0.05});
  EXPECT_EQ(gate.variants[0].outcome, GateOutcome::regressed);
  EXPECT_FALSE(gate.variants[0].noise_estimated);
  EXPECT_EQ(apply_gate(c, {Metric::makespan, 0.5}).variants[0].outcome,
            GateOutcome::within_threshold);
  // The per-task metrics still have their bootstrap with one repeat.
  EXPECT_EQ(metric(c, Metric::latency_p99).noise.method, NoiseMethod::bootstrap);
}

TEST(Gate, RefusesAMetricWithNoBetterSideAndABadThreshold) {
  const RunResults run = run_of({once("/a", 1)});
  const Comparison c = compare_runs(run, run);
  EXPECT_THROW(apply_gate(c, {Metric::cpu_utilization, 0.05}), std::invalid_argument);
  EXPECT_THROW(apply_gate(c, {Metric::latency_p99, -0.01}), std::invalid_argument);
}

TEST(Compare, VariantsAreMatchedByLabelAndTheRestListed) {
  const Comparison c = compare_runs(run_of({once("/a", 1), once("/b", 1), once("/c", 1)}),
                                    run_of({once("/c", 1), once("/d", 1), once("/a", 1.5)}));
  ASSERT_EQ(c.variants.size(), 2u);
  EXPECT_EQ(c.variants[0].label, "/a"); // in A's order
  EXPECT_EQ(c.variants[1].label, "/c");
  EXPECT_EQ(metric(c, Metric::latency_p50, 0).verdict, Verdict::worse);
  EXPECT_EQ(c.only_in_baseline, std::vector<std::string>{"/b"});
  EXPECT_EQ(c.only_in_candidate, std::vector<std::string>{"/d"});
}

TEST(Compare, IntervalsDoNotDependOnTheOtherVariants) {
  const Comparison alone = compare_runs(run_of({once("/a", 1)}), run_of({once("/a", 1.1, 5)}));
  const Comparison among = compare_runs(run_of({once("/z", 2), once("/a", 1)}),
                                        run_of({once("/a", 1.1, 5), once("/z", 2)}));
  const Interval x = metric(alone, Metric::latency_p90).noise.interval;
  const Interval y = metric(among, Metric::latency_p90, 1).noise.interval;
  EXPECT_EQ(x.low, y.low);
  EXPECT_EQ(x.high, y.high);
}

TEST(Compare, AVariantWithNoFinishedTaskIsNotMeasuredNotACrash) {
  const RunResults empty = run_of({variant_of("/a", {test::empty_repeat(10)})});
  const RunResults full = run_of({once("/a", 1)});
  for (const auto &[a, b] :
       {std::pair{&empty, &full}, std::pair{&full, &empty}, std::pair{&empty, &empty}}) {
    const Comparison c = compare_runs(*a, *b);
    ASSERT_EQ(c.variants.size(), 1u);
    for (const MetricComparison &m : c.variants[0].metrics) {
      EXPECT_EQ(m.verdict, Verdict::not_measured) << metric_info(m.metric).key;
      EXPECT_FALSE(m.ratio());
    }
    EXPECT_FALSE(c.variants[0].latency_shift);
    const GateReport gate = apply_gate(c, {});
    EXPECT_EQ(gate.variants[0].outcome, GateOutcome::not_measured);
    EXPECT_FALSE(gate.regressed());
    EXPECT_NO_THROW(to_json(c, &gate));
  }
}

TEST(Compare, NotesWhatMakesTheRunsLessComparable) {
  RunResults a = run_of({once("/a", 1)}), b = a;
  b.experiment.time_scale = 0.5;
  b.environment.build_type = "Debug";
  b.status = RunStatus::cancelled;
  const Comparison c = compare_runs(a, b);
  ASSERT_EQ(c.notes.size(), 3u);
  EXPECT_NE(c.notes[0].find("B was cancelled"), std::string::npos) << c.notes[0];
  EXPECT_NE(c.notes[1].find("time scale differs (A ×1, B ×0.5)"), std::string::npos) << c.notes[1];
  EXPECT_NE(c.notes[2].find("build types differ"), std::string::npos) << c.notes[2];
}

TEST(CompareJson, CarriesVerdictsIntervalsAndTheGate) {
  const Comparison c = compare_runs(run_of({repeated("/a", 1)}), run_of({repeated("/a", 1.5)}));
  const GateReport gate = apply_gate(c, {});
  const boost::json::object json = to_json(c, &gate).as_object();
  EXPECT_EQ(json.at("schema").as_string(), "conlab.compare/1");
  EXPECT_EQ(json.at("gate").at("regressed").as_bool(), true);
  EXPECT_EQ(json.at("gate").at("metric").as_string(), "p99");
  const auto &metrics = json.at("variants").at(0).at("metrics").as_array();
  ASSERT_EQ(metrics.size(), compare_metrics().size());
  const auto &p99 = metrics.at(4).as_object();
  EXPECT_EQ(p99.at("metric").as_string(), "p99");
  EXPECT_EQ(p99.at("better").as_string(), "lower");
  EXPECT_EQ(p99.at("verdict").as_string(), "worse");
  EXPECT_EQ(p99.at("noise").at("method").as_string(), "bootstrap");
  EXPECT_EQ(p99.at("noise").at("resamples").as_int64(), 2000);
  EXPECT_GT(p99.at("noise").at("interval").at(0).as_double(), 0);
  const auto &lag = metrics.at(9).as_object();
  EXPECT_TRUE(lag.at("baseline").is_null());
  EXPECT_EQ(lag.at("noise").at("reason").as_string(), "not measured in A");
}

} // namespace
} // namespace conlab
