// What a sweep's numbers say: the USL fit recovers known coefficients, the knee is where the
// curve stops paying, measurement and simulation more than 10% apart are flagged, and a sweep's
// results read back from a file as they were written.
#include "core/analysis/usl_fit.h"
#include "core/results/results_json.h"
#include "core/sweep/sweep_analysis.h"
#include "core/util/json_fields.h"
#include "tests/support/experiment_builder.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

namespace conlab {
namespace {

TEST(UslFit, RecoversTheCoefficientsOfAnExactCurve) {
  const UslFit truth{.lambda = 120, .sigma = 0.08, .kappa = 0.002};
  std::vector<std::pair<double, double>> points;
  for (double n : {1, 2, 4, 8, 16, 32, 64})
    points.emplace_back(n, usl_throughput(truth, n));
  const std::optional<UslFit> fit = fit_usl(points);
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->lambda, 120, 1e-6);
  EXPECT_NEAR(fit->sigma, 0.08, 1e-9);
  EXPECT_NEAR(fit->kappa, 0.002, 1e-9);
  EXPECT_NEAR(fit->r_squared, 1, 1e-9);
  ASSERT_TRUE(fit->peak_n);
  EXPECT_NEAR(*fit->peak_n, std::sqrt(0.92 / 0.002), 1e-6);
}

TEST(UslFit, LinearScalingHasNoContentionAndNoPeak) {
  const std::optional<UslFit> fit = fit_usl({{1, 10}, {2, 20}, {4, 40}, {8, 80}});
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->sigma, 0, 1e-9);
  EXPECT_NEAR(fit->kappa, 0, 1e-9);
  EXPECT_FALSE(fit->peak_n);
}

TEST(UslFit, KeepsCoefficientsNonNegative) {
  // Better than linear (caches warming up) would need σ < 0: the fit keeps σ, κ ≥ 0 instead.
  const std::optional<UslFit> fit = fit_usl({{1, 10}, {2, 22}, {4, 48}, {8, 104}});
  ASSERT_TRUE(fit);
  EXPECT_GE(fit->sigma, 0);
  EXPECT_GE(fit->kappa, 0);
}

TEST(UslFit, NeedsThreeDistinctConcurrencies) {
  EXPECT_FALSE(fit_usl({{1, 10}, {2, 19}}));
  EXPECT_FALSE(fit_usl({{1, 10}, {2, 19}, {2, 18}}));
  EXPECT_FALSE(fit_usl({{1, 10}, {2, 0}, {4, -1}})) << "no throughput, nothing to fit";
}

TEST(Knee, IsTheSmallestValueWithinFivePercentOfTheBest) {
  const std::vector<double> pools{1, 2, 4, 8, 16, 32};
  auto knee = find_knee(pools, {10, 19, 36, 60, 62, 61}, true);
  ASSERT_TRUE(knee);
  EXPECT_EQ(knee->at, 8);
  EXPECT_EQ(knee->best_at, 16);
  EXPECT_FALSE(knee->at_first);
  EXPECT_FALSE(knee->at_last);

  knee = find_knee(pools, {10, 10.2, 9.9, 10.1, 10, 10}, true);
  ASSERT_TRUE(knee);
  EXPECT_TRUE(knee->at_first) << "a flat curve never paid";

  knee = find_knee(pools, {10, 20, 40, 80, 160, 320}, true);
  ASSERT_TRUE(knee);
  EXPECT_TRUE(knee->at_last) << "still growing";

  knee = find_knee(pools, {6.4, 3.2, 1.6, 1.0, 0.98, 0.97}, false); // makespan: lower is better
  ASSERT_TRUE(knee);
  EXPECT_EQ(knee->at, 8);

  EXPECT_FALSE(find_knee({1}, {10}, true));
}

// A one-axis pool sweep of one variant, measured by hand.
RunResults sweep_results(const std::vector<double> &pools, const std::vector<double> &measured,
                         const std::vector<double> &simulated) {
  RunResults r;
  r.experiment = test::closed_experiment(
      test::variant("thread_pool", StepKind::blocking_io, 100, 1), 64, 64);
  r.experiment.sweep = Sweep{.axes = {SweepAxis{.parameter = SweepParameter::pool_size,
                                                .values = pools}}};
  r.environment.cores = 2;
  r.sweep = SweepResults{.runs_total = pools.size()};
  for (std::size_t i = 0; i < pools.size(); ++i) {
    SweepVariantPoint v;
    SweepMetrics m{.makespan_s = measured[i], .throughput_per_s = 64 / measured[i]};
    v.measurements.push_back({.repeat = 0, .order = i, .complete = true, .metrics = m});
    v.simulated = SweepMetrics{.makespan_s = simulated[i], .throughput_per_s = 64 / simulated[i]};
    v.predicted_makespan_s = simulated[i];
    v.formula = "⌈N/P⌉·S";
    r.sweep->points.push_back({{pools[i]}, {v}});
    ++r.sweep->runs_done;
  }
  return r;
}

TEST(SweepAnalysis, FlagsPointsWhereMeasurementAndSimulationDisagreeByMoreThanTenPercent) {
  const RunResults r = sweep_results({1, 2, 4, 8}, {6.5, 3.3, 1.9, 1.2}, {6.4, 3.2, 1.6, 0.8});
  const SweepAnalysis a = analyze_sweep(r.experiment, *r.sweep);
  ASSERT_EQ(a.variants.size(), 1u);
  EXPECT_EQ(a.variants[0].compared, 4u);
  ASSERT_EQ(a.variants[0].disagreements.size(), 2u) << "+19% at P = 4 and +50% at P = 8";
  EXPECT_EQ(a.variants[0].disagreements[0].point, 2u);
  EXPECT_NEAR(a.variants[0].disagreements[1].relative, 0.5, 1e-12);
  bool named = false;
  for (const std::string &f : a.variants[0].findings)
    named = named || f.find("worst at P = 8") != std::string::npos;
  EXPECT_TRUE(named) << "the summary names the worst point";
}

// Slower than the simulation is overhead the ideal model leaves out; faster is the model wrong.
TEST(SweepAnalysis, SaysWhichWayTheWorstDisagreementGoes) {
  const auto finding = [](const std::vector<double> &measured) {
    const RunResults r = sweep_results({1, 2}, measured, {6.4, 3.2});
    const SweepAnalysis a = analyze_sweep(r.experiment, *r.sweep);
    return a.variants[0].findings.back();
  };
  const std::string slower = finding({6.4, 4.0});
  EXPECT_NE(slower.find("+25%): overhead or contention"), std::string::npos) << slower;
  const std::string faster = finding({6.4, 2.4});
  EXPECT_NE(faster.find("-25%): faster than the simulation"), std::string::npos) << faster;
  EXPECT_EQ(faster.find("overhead"), std::string::npos) << faster;
}

TEST(SweepAnalysis, NamesTheKneeAndFitsTheUslOnAConcurrencySweep) {
  // Throughput 64/makespan: 10, 20, 40, 42, 42 tasks/s.
  const RunResults r = sweep_results({1, 2, 4, 8, 16}, {6.4, 3.2, 1.6, 64 / 42.0, 64 / 42.0},
                                     {6.4, 3.2, 1.6, 0.8, 0.4});
  const SweepAnalysis a = analyze_sweep(r.experiment, *r.sweep);
  const SweepVariantAnalysis &v = a.variants[0];
  ASSERT_TRUE(v.knee);
  EXPECT_EQ(v.knee->at, 4);
  ASSERT_TRUE(v.usl);
  EXPECT_GT(v.usl->sigma + v.usl->kappa, 0) << "the flattening is contention or coherency";
  ASSERT_GE(v.findings.size(), 2u);
  EXPECT_NE(v.findings[0].find("knee is at P = 4"), std::string::npos) << v.findings[0];
  EXPECT_NE(v.findings[1].find("USL"), std::string::npos) << v.findings[1];
}

TEST(SweepResultsFile, ReadsBackWhatWasWritten) {
  RunResults r = sweep_results({1, 2}, {6.5, 3.3}, {6.4, 3.2});
  r.sweep->points[1].variants[0].simulated.reset();
  r.sweep->points[1].variants[0].predicted_makespan_s.reset();
  r.sweep->points[0].variants[0].measurements.push_back(
      {.repeat = 1, .order = 7, .complete = false, .metrics = {.p99_s = 0.25}});
  const std::string text = boost::json::serialize(to_json(r));
  FieldError error;
  const std::optional<boost::json::value> json = json::parse_text(text, error); // exact numbers
  ASSERT_TRUE(json) << error.to_string();
  const RunResults back = results_from_json(*json);
  ASSERT_TRUE(back.sweep);
  ASSERT_TRUE(back.experiment.sweep);
  EXPECT_EQ(back.sweep->runs_done, 2u);
  ASSERT_EQ(back.sweep->points.size(), 2u);
  EXPECT_EQ(back.sweep->points[1].values, std::vector<double>{2});
  const SweepVariantPoint &p0 = back.sweep->points[0].variants[0];
  ASSERT_EQ(p0.measurements.size(), 2u);
  EXPECT_EQ(p0.measurements[1].order, 7u);
  EXPECT_FALSE(p0.measurements[1].complete);
  EXPECT_EQ(p0.measurements[1].metrics.p99_s, 0.25);
  EXPECT_EQ(*p0.mean(SweepMetric::makespan), 6.5) << "incomplete runs are not averaged";
  EXPECT_EQ(p0.simulated->makespan_s, 6.4);
  EXPECT_FALSE(back.sweep->points[1].variants[0].simulated);
  EXPECT_FALSE(back.sweep->points[1].variants[0].predicted_makespan_s);
  EXPECT_EQ(boost::json::serialize(to_json(back)), text);
}

} // namespace
} // namespace conlab
