// Two constructed sweeps compared point by point: an unchanged grid passes, a slowdown at one
// point is named there and nowhere else, single runs give no verdict, the intervals widen with
// the number of pairs, and sweeps that cannot be compared are refused with the reason.
#include "core/compare/compare_json.h"
#include "core/compare/compare_text.h"
#include "core/compare/sweep_compare.h"
#include "tests/support/results_builder.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

namespace conlab {
namespace {

using test::pool_sweep;

const MetricComparison &p99_at(const SweepComparison &c, std::size_t point,
                               std::size_t variant = 0) {
  return *c.points.at(point).comparison.variants.at(variant).find(Metric::latency_p99);
}

TEST(SweepCompare, UnchangedGridPassesEverywhere) {
  const RunResults a = pool_sweep({1, 2, 4, 8}, 5);
  const SweepComparison c = compare_sweeps(a, a);
  ASSERT_EQ(c.points.size(), 4u);
  EXPECT_EQ(c.pairs, 4u);
  EXPECT_EQ(c.points[1].label, "P = 2");
  for (std::size_t i = 0; i < 4; ++i)
    EXPECT_EQ(p99_at(c, i).verdict, Verdict::within_noise) << c.points[i].label;
  EXPECT_EQ(apply_gate(c, RegressionGate{}).result(), GateResult::pass);
  EXPECT_EQ(changed_points_text(c, Metric::latency_p99),
            "latency p99: within the noise at all 4 points");
}

TEST(SweepCompare, SlowdownAtOnePointIsNamedThere) {
  const RunResults a = pool_sweep({1, 2, 4, 8}, 5);
  const RunResults b = pool_sweep({1, 2, 4, 8}, 5, [](double p) { return p == 4 ? 1.5 : 1.0; });
  const SweepComparison c = compare_sweeps(a, b);
  EXPECT_EQ(p99_at(c, 2).verdict, Verdict::worse);
  EXPECT_NEAR(*p99_at(c, 2).relative_change(), 0.5, 1e-9);
  for (std::size_t i : {0u, 1u, 3u})
    EXPECT_EQ(p99_at(c, i).verdict, Verdict::within_noise) << c.points[i].label;
  EXPECT_EQ(changed_points_text(c, Metric::latency_p99),
            "latency p99: worse beyond the noise at P = 4; within the noise at the 3 other points");
  const GateReport gate = apply_gate(c, RegressionGate{});
  EXPECT_EQ(gate.result(), GateResult::regressed);
  ASSERT_EQ(gate.variants.size(), 4u);
  EXPECT_EQ(gate.variants[2].label, "P = 4 · pool");
  EXPECT_EQ(gate.variants[2].outcome, GateOutcome::regressed);
  EXPECT_EQ(gate.variants[0].outcome, GateOutcome::not_worse);
  // Throughput fell where p99 rose: the same runs, the same verdict.
  EXPECT_EQ(c.points[2].comparison.variants[0].find(Metric::throughput)->verdict, Verdict::worse);
}

TEST(SweepCompare, VariantsAreNamedWhenThereAreSeveral) {
  const RunResults a = pool_sweep(
      {2, 4}, 5, [](double) { return 1.0; }, true);
  const RunResults b = pool_sweep(
      {2, 4}, 5, [](double p) { return p == 2 ? 0.5 : 1.0; }, true);
  const SweepComparison c = compare_sweeps(a, b);
  EXPECT_EQ(c.pairs, 4u);
  EXPECT_EQ(changed_points_text(c, Metric::latency_p99),
            "latency p99: better beyond the noise: pool at P = 2; loop at P = 2; within the "
            "noise at the 2 other pairs");
  const RunResults all = pool_sweep(
      {2, 4}, 5, [](double) { return 2.0; }, true);
  EXPECT_EQ(changed_points_text(compare_sweeps(a, all), Metric::latency_p99),
            "latency p99: worse beyond the noise: pool at every point; loop at every point");
}

TEST(SweepCompare, IntervalsWidenWithThePairsCompared) {
  const RunResults a4 = pool_sweep({1, 2, 4, 8}, 5);
  const RunResults b4 = pool_sweep({1, 2, 4, 8}, 5, [](double) { return 1.03; });
  const SweepComparison c = compare_sweeps(a4, b4);
  EXPECT_DOUBLE_EQ(c.point_confidence, 1 - 0.05 / 4);
  // The same two runs as a single-point comparison get a narrower 95% interval.
  const RunResults a1 = pool_sweep({2}, 5), b1 = pool_sweep({2}, 5, [](double) { return 1.03; });
  const SweepComparison one = compare_sweeps(a1, b1);
  EXPECT_DOUBLE_EQ(one.point_confidence, 0.95);
  const Interval wide = p99_at(c, 1).noise.interval, narrow = p99_at(one, 0).noise.interval;
  EXPECT_NEAR(p99_at(c, 1).delta(), p99_at(one, 0).delta(), 1e-12);
  EXPECT_GT(wide.high - wide.low, 1.3 * (narrow.high - narrow.low));
}

TEST(SweepCompare, CorrectedConfidenceIsWrittenWithTheDigitsItNeeds) {
  EXPECT_EQ(confidence_text(0.95), "95%");
  EXPECT_EQ(confidence_text(1 - 0.05 / 21), "99.76%");
  EXPECT_EQ(confidence_text(1 - 0.05 / 3), "98.33%");
  EXPECT_EQ(confidence_text(1 - 0.05 / 10000), "99.9995%") << "not a rounded 100%";
}

TEST(SweepCompare, SingleRunsGiveNoVerdict) {
  const RunResults a = pool_sweep({1, 2}, 1);
  const RunResults b = pool_sweep({1, 2}, 1, [](double) { return 2.0; });
  const SweepComparison c = compare_sweeps(a, b);
  EXPECT_EQ(p99_at(c, 0).verdict, Verdict::noise_unknown);
  EXPECT_EQ(p99_at(c, 0).noise.reason, "1 run each: noise unknown — run with --repeats 5");
  EXPECT_EQ(apply_gate(c, RegressionGate{}).result(), GateResult::not_enough_evidence);
  EXPECT_EQ(apply_gate(c, RegressionGate{.accept_single_runs = true}).result(),
            GateResult::regressed);
}

TEST(SweepCompare, OnlyWhatASweepKeepsIsCompared) {
  const RunResults a = pool_sweep({2}, 3);
  const SweepComparison c = compare_sweeps(a, a);
  const VariantComparison &v = c.points[0].comparison.variants[0];
  EXPECT_EQ(v.find(Metric::queue_wait_mean), nullptr);
  EXPECT_EQ(v.find(Metric::peak_rss), nullptr);
  EXPECT_NE(v.find(Metric::makespan), nullptr);
  EXPECT_EQ(v.baseline.describe(), "thread_pool P=2") << "the pool of that point";
  EXPECT_EQ(v.baseline.finished_tasks, 300u) << "3 runs of 100 tasks";
  EXPECT_EQ(v.baseline.complete_repeats, 3u);
}

TEST(SweepCompare, PointsOnOneSideOnlyAreListed) {
  const SweepComparison c = compare_sweeps(pool_sweep({1, 2, 4}, 3), pool_sweep({2, 4, 8}, 3));
  EXPECT_EQ(c.points.size(), 2u);
  EXPECT_EQ(c.only_in_baseline, std::vector<std::string>{"P = 1"});
  EXPECT_EQ(c.only_in_candidate, std::vector<std::string>{"P = 8"});
}

TEST(SweepCompare, RefusesWhatCannotBeCompared) {
  const RunResults sweep = pool_sweep({1, 2}, 3);
  const auto refused = [](const RunResults &a, const RunResults &b, const std::string &part) {
    try {
      compare_sweeps(a, b);
      ADD_FAILURE() << "not refused: expected " << part;
    } catch (const CompareRefused &e) {
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
  };
  RunResults single = test::run_of({});
  refused(sweep, single, "B is a single run and A a sweep");
  RunResults clients = sweep;
  clients.experiment.sweep->axes[0].parameter = SweepParameter::clients;
  refused(sweep, clients, "A sweeps P, B sweeps C");
  refused(sweep, pool_sweep({16, 32}, 3), "share no point");
  RunResults other_machine = sweep;
  other_machine.environment.cores = 16;
  refused(sweep, other_machine, "cores 2 and 16");
  CompareOptions mixed;
  mixed.allow_mixed_machines = true;
  const SweepComparison c = compare_sweeps(sweep, other_machine, mixed);
  ASSERT_EQ(c.notes.size(), 1u);
  EXPECT_NE(c.notes[0].find("different kinds of machine"), std::string::npos);
  EXPECT_TRUE(c.points[0].comparison.notes.empty()) << "said once, for the sweep";
}

TEST(SweepCompare, JsonNamesTheCorrectionAndThePoints) {
  const RunResults a = pool_sweep({1, 2}, 5);
  const RunResults b = pool_sweep({1, 2}, 5, [](double p) { return p == 2 ? 1.5 : 1.0; });
  const SweepComparison c = compare_sweeps(a, b);
  const GateReport gate = apply_gate(c, RegressionGate{});
  const boost::json::object o = to_json(c, &gate).as_object();
  EXPECT_EQ(o.at("schema").as_string(), kSweepCompareSchema);
  EXPECT_EQ(o.at("noise").at("correction").as_string(), "bonferroni");
  EXPECT_EQ(o.at("noise").at("pairs").as_uint64(), 2u);
  EXPECT_EQ(o.at("points").as_array().size(), 2u);
  EXPECT_EQ(o.at("points").at(1).at("point").as_string(), "P = 2");
  EXPECT_EQ(o.at("gate").at("result").as_string(), "regressed");
  EXPECT_NE(std::string(o.at("changed").as_string()).find("worse beyond the noise at P = 2"),
            std::string::npos);
}

} // namespace
} // namespace conlab
