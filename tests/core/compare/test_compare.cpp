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

// One run (repeat) per factor, each of 100 tasks from 50 to 150 ms drawn with its own seed and
// scaled by its factor (1.5: everything 50% slower).
VariantResult runs(const std::string &label, std::vector<double> factors, std::uint32_t seed = 1) {
  std::vector<RepeatResult> repeats;
  for (std::size_t r = 0; r < factors.size(); ++r)
    repeats.push_back(
        repeat_of(scaled(spread(100, 0.05, 0.15, seed + static_cast<std::uint32_t>(r)), factors[r]),
                  static_cast<int>(r)));
  return variant_of(label, std::move(repeats));
}

// Three runs, all scaled by `factor`.
VariantResult repeated(const std::string &label, double factor, std::uint32_t seed = 1) {
  return runs(label, {factor, factor, factor}, seed);
}

VariantResult once(const std::string &label, double factor, std::uint32_t seed = 1) {
  return runs(label, {factor}, seed);
}

const MetricComparison &metric(const Comparison &c, Metric m, std::size_t variant = 0) {
  const MetricComparison *found = c.variants.at(variant).find(m);
  if (!found)
    throw std::logic_error("metric missing");
  return *found;
}

bool has(const std::vector<std::string> &lines, const std::string &part) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string &l) { return l.find(part) != std::string::npos; });
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
    EXPECT_EQ(m.noise.method, NoiseMethod::welch) << metric_info(m.metric).key;
    EXPECT_EQ(m.noise.n_baseline, 3u) << "one value per run";
    EXPECT_EQ(m.verdict, Verdict::within_noise) << metric_info(m.metric).key;
  }
  EXPECT_EQ(apply_gate(c, {}).result(), GateResult::pass);
}

// The side's value is the mean of its per-run values, the thing the interval is about.
TEST(Compare, EachSideIsTheMeanOfItsRuns) {
  const VariantResult a = runs("/a", {1.0, 1.2, 1.4});
  const Comparison c = compare_runs(run_of({a}), run_of({a}));
  const MetricComparison &p99 = metric(c, Metric::latency_p99);
  ASSERT_EQ(p99.baseline_runs.values.size(), 3u);
  double sum = 0;
  for (int r = 0; r < 3; ++r) {
    EXPECT_EQ(p99.baseline_runs.values[r], a.repeats[r].summary.latency_s.p99);
    sum += a.repeats[r].summary.latency_s.p99;
  }
  EXPECT_DOUBLE_EQ(*p99.baseline, sum / 3);
}

TEST(Compare, SameWorkloadRedrawnIsWithinNoise) {
  const Comparison c = compare_runs(run_of({runs("/a", {0.98, 1.0, 1.02}, 1)}),
                                    run_of({runs("/a", {1.01, 0.99, 1.0}, 100)}));
  for (const MetricInfo &info : compare_metrics()) {
    if (info.metric == Metric::loop_lag_max || info.metric == Metric::peak_rss ||
        info.metric == Metric::cpu_utilization)
      continue; // no loop; the same constant in every run
    EXPECT_EQ(metric(c, info.metric).verdict, Verdict::within_noise) << info.key;
  }
  EXPECT_EQ(apply_gate(c, {}).result(), GateResult::pass);
}

TEST(Compare, SlowerCandidateIsWorseBeyondNoise) {
  const Comparison c = compare_runs(run_of({runs("/a", {1.0, 1.01, 0.99})}),
                                    run_of({runs("/a", {1.5, 1.51, 1.49})}));
  for (Metric m : {Metric::makespan, Metric::latency_p50, Metric::latency_p90, Metric::latency_p99,
                   Metric::latency_max, Metric::queue_wait_mean}) {
    const MetricComparison &cmp = metric(c, m);
    EXPECT_EQ(cmp.verdict, Verdict::worse) << metric_info(m).key;
    EXPECT_GT(cmp.noise.interval.low, 0) << metric_info(m).key;
    EXPECT_NEAR(*cmp.ratio(), 1.5, 0.02) << metric_info(m).key;
    EXPECT_NEAR(*cmp.worsening(), 0.5, 0.02) << metric_info(m).key;
  }
  // Throughput is better when higher: 1.5× longer means a third less, and that is worse.
  const MetricComparison &throughput = metric(c, Metric::throughput);
  EXPECT_EQ(throughput.verdict, Verdict::worse);
  EXPECT_LT(throughput.noise.interval.high, 0);
  EXPECT_NEAR(*throughput.worsening(), 1.0 / 3, 0.02);
  EXPECT_LT(c.variants[0].latency_shift->p_value, 1e-6) << "within-run shift, tasks pooled";
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
    EXPECT_EQ(apply_gate(c, {info.metric, 0.0}).result(), GateResult::pass) << info.key;
  }
}

TEST(Gate, ThresholdDecidesAmongChangesBeyondNoise) {
  const Comparison c = compare_runs(run_of({repeated("/a", 1)}), run_of({repeated("/a", 1.2)}));
  const GateReport tight = apply_gate(c, {Metric::latency_p99, 0.05});
  ASSERT_EQ(tight.variants.size(), 1u);
  EXPECT_EQ(tight.variants[0].outcome, GateOutcome::regressed);
  EXPECT_TRUE(tight.variants[0].noise_estimated);
  EXPECT_NEAR(*tight.variants[0].worsening, 0.2, 0.01);
  EXPECT_EQ(tight.result(), GateResult::regressed);

  const GateReport loose = apply_gate(c, {Metric::latency_p99, 0.25});
  EXPECT_EQ(loose.variants[0].outcome, GateOutcome::within_threshold);
  EXPECT_EQ(loose.result(), GateResult::pass);
  EXPECT_EQ(apply_gate(c, {Metric::throughput, 0.05}).variants[0].outcome, GateOutcome::regressed);
}

// Runs that move ±20% from one to the next: a 8% worse mean is beyond the threshold but well
// within what the runs themselves show.
TEST(Gate, AChangeBeyondTheThresholdButWithinRunToRunNoiseDoesNotRegress) {
  const Comparison c =
      compare_runs(run_of({runs("/a", {0.8, 1.0, 1.2})}), run_of({runs("/a", {0.88, 1.08, 1.28})}));
  const GateReport gate = apply_gate(c, {Metric::latency_p50, 0.05});
  EXPECT_NEAR(*gate.variants[0].worsening, 0.08, 0.01);
  EXPECT_EQ(gate.variants[0].outcome, GateOutcome::within_noise);
  EXPECT_EQ(gate.result(), GateResult::pass);
}

// Within one run the tasks alone would call this shift certain (Mann-Whitney p far below
// 0.05): one run a side says nothing of how far a whole run moves, so there is no verdict.
TEST(Gate, OneRunEachGivesNoVerdictUnlessSingleRunsAreAccepted) {
  const Comparison c = compare_runs(run_of({once("/a", 1)}), run_of({once("/a", 1.2)}));
  EXPECT_LT(c.variants[0].latency_shift->p_value, 0.001);
  for (const MetricComparison &m : c.variants[0].metrics) {
    if (!m.measured())
      continue;
    EXPECT_FALSE(m.noise.estimated()) << metric_info(m.metric).key;
    EXPECT_EQ(m.noise.reason, "1 run each: noise unknown — run with --repeats 5");
    EXPECT_EQ(m.verdict, Verdict::noise_unknown) << metric_info(m.metric).key;
  }
  const GateReport gate = apply_gate(c, {});
  EXPECT_EQ(gate.variants[0].outcome, GateOutcome::no_evidence);
  EXPECT_EQ(gate.result(), GateResult::not_enough_evidence);
  // Nor does a better single run pass.
  const Comparison faster = compare_runs(run_of({once("/a", 1.2)}), run_of({once("/a", 1)}));
  EXPECT_EQ(apply_gate(faster, {}).result(), GateResult::not_enough_evidence);

  RegressionGate accepting;
  accepting.accept_single_runs = true;
  EXPECT_EQ(apply_gate(c, accepting).result(), GateResult::regressed);
  accepting.threshold = 0.5;
  EXPECT_EQ(apply_gate(c, accepting).variants[0].outcome, GateOutcome::within_threshold);
  EXPECT_EQ(apply_gate(faster, {.accept_single_runs = true}).result(), GateResult::pass);

  // One side with runs is not enough either.
  const Comparison lopsided = compare_runs(run_of({repeated("/a", 1)}), run_of({once("/a", 1.2)}));
  EXPECT_EQ(metric(lopsided, Metric::latency_p99).noise.reason,
            "A 3 runs, B 1 run: noise unknown — run with --repeats 5");
}

TEST(Gate, ARegressionAnywhereOutweighsAVariantWithoutEvidence) {
  const Comparison c = compare_runs(run_of({repeated("/a", 1), once("/b", 1)}),
                                    run_of({repeated("/a", 1.3), once("/b", 1)}));
  const GateReport gate = apply_gate(c, {});
  EXPECT_EQ(gate.variants[0].outcome, GateOutcome::regressed);
  EXPECT_EQ(gate.variants[1].outcome, GateOutcome::no_evidence);
  EXPECT_EQ(gate.result(), GateResult::regressed);
}

TEST(Gate, RefusesAMetricWithNoBetterSideAndABadThreshold) {
  const RunResults run = run_of({once("/a", 1)});
  const Comparison c = compare_runs(run, run);
  EXPECT_THROW(apply_gate(c, {Metric::cpu_utilization, 0.05}), std::invalid_argument);
  EXPECT_THROW(apply_gate(c, {Metric::latency_p99, -0.01}), std::invalid_argument);
}

// Three files of one run each are the same evidence as one file of three runs.
TEST(Compare, SeveralFilesASideAreRunsLikeRepeats) {
  const VariantResult a = repeated("/a", 1), b = repeated("/a", 1.2, 50);
  RunSet files_a, files_b;
  for (int r = 0; r < 3; ++r) {
    files_a.runs.push_back(run_of({variant_of("/a", {a.repeats[r]})}));
    files_a.names.push_back("a" + std::to_string(r) + ".json");
    files_b.runs.push_back(run_of({variant_of("/a", {b.repeats[r]})}));
    files_b.names.push_back("b" + std::to_string(r) + ".json");
  }
  const Comparison split = compare_runs(files_a, files_b);
  const Comparison whole = compare_runs(run_of({a}), run_of({b}));
  EXPECT_EQ(split.baseline.name, "a0.json, a1.json, a2.json");
  EXPECT_EQ(split.baseline.files.size(), 3u);
  EXPECT_EQ(split.baseline.repeats, 3);
  for (const MetricInfo &info : compare_metrics()) {
    const MetricComparison &x = metric(split, info.metric), &y = metric(whole, info.metric);
    EXPECT_EQ(x.baseline, y.baseline) << info.key;
    EXPECT_EQ(x.noise.interval.low, y.noise.interval.low) << info.key;
    EXPECT_EQ(x.verdict, y.verdict) << info.key;
  }
  EXPECT_EQ(split.variants[0].baseline.complete_repeats, 3u);
}

TEST(Compare, VariantsAreMatchedByLabelAndTheRestListed) {
  const Comparison c = compare_runs(run_of({once("/a", 1), once("/b", 1), once("/c", 1)}),
                                    run_of({once("/c", 1), once("/d", 1), once("/a", 1.5)}));
  ASSERT_EQ(c.variants.size(), 2u);
  EXPECT_EQ(c.variants[0].label, "/a"); // in A's order
  EXPECT_EQ(c.variants[1].label, "/c");
  EXPECT_EQ(metric(c, Metric::latency_p50, 0).verdict, Verdict::noise_unknown);
  EXPECT_GT(*metric(c, Metric::latency_p50, 0).worsening(), 0.4);
  EXPECT_EQ(c.only_in_baseline, std::vector<std::string>{"/b"});
  EXPECT_EQ(c.only_in_candidate, std::vector<std::string>{"/d"});
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
    EXPECT_EQ(gate.result(), GateResult::pass);
    EXPECT_NO_THROW(to_json(c, &gate));
  }
}

TEST(Compare, NotesWhatMakesTheRunsLessComparable) {
  RunResults a = run_of({once("/a", 1)}), b = a;
  b.experiment.time_scale = 0.5;
  b.environment.hostname = "elsewhere";
  b.status = RunStatus::cancelled;
  const Comparison c = compare_runs(a, b);
  ASSERT_EQ(c.notes.size(), 3u);
  EXPECT_NE(c.notes[0].find("B was cancelled"), std::string::npos) << c.notes[0];
  EXPECT_NE(c.notes[1].find("time scale differs (A ×1, B ×0.5)"), std::string::npos) << c.notes[1];
  EXPECT_NE(c.notes[2].find("hosts differ, of the same kind"), std::string::npos) << c.notes[2];
}

TEST(Compare, MachinesOfDifferentKindsAreRefused) {
  const RunResults a = run_of({repeated("/a", 1)});
  struct Case {
    void (*change)(Environment &);
    const char *says;
  };
  const Case cases[] = {
      {[](Environment &e) { e.cores = 4; }, "cores 2 and 4"},
      {[](Environment &e) { e.cpu_model = "Other CPU"; },
       "CPU model \"Test CPU\" and \"Other CPU\""},
      {[](Environment &e) { e.build_type = "Debug"; }, "build type Release and Debug"},
  };
  for (const Case &c : cases) {
    RunResults b = a;
    c.change(b.environment);
    try {
      compare_runs(a, b);
      ADD_FAILURE() << "not refused: " << c.says;
    } catch (const CompareRefused &e) {
      EXPECT_NE(std::string(e.what()).find(c.says), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("--allow-mixed"), std::string::npos) << e.what();
    }
    CompareOptions allowed;
    allowed.allow_mixed_machines = true;
    const Comparison mixed = compare_runs(a, b, allowed);
    EXPECT_TRUE(has(mixed.notes, c.says));
  }
  // Within one side, too: its files must be runs on one kind of machine.
  RunResults other = a;
  other.environment.cores = 8;
  EXPECT_THROW(compare_runs(RunSet{{a, other}, {"a1.json", "a2.json"}}, RunSet{{a}, {"b.json"}}),
               CompareRefused);
  RunResults renamed = a;
  renamed.experiment.name = "something else";
  EXPECT_THROW(compare_runs(RunSet{{a, renamed}, {"a1.json", "a2.json"}}, RunSet{{a}, {"b.json"}}),
               CompareRefused);
}

TEST(Compare, WarnsOfDriftTwoGroupsAndASlowGenerator) {
  const RunResults steady = run_of({runs("/a", {1.0, 1.01, 0.99, 1.0, 1.01})});
  const RunResults drifting = run_of({runs("/a", {1.0, 1.05, 1.1, 1.15, 1.2})});
  const Comparison drift = compare_runs(drifting, steady);
  const std::vector<std::string> warnings = comparison_warnings(drift, Metric::latency_p99);
  EXPECT_TRUE(has(warnings, "A, /a: latency p99 drifted up across its 5 runs (Kendall τ = +1.00, "
                            "p = 0.017)"))
      << (warnings.empty() ? "none" : warnings.front());
  EXPECT_FALSE(has(warnings, "B, /a"));
  EXPECT_TRUE(comparison_warnings(compare_runs(steady, steady), Metric::latency_p99).empty());

  const RunResults split = run_of({runs("/a", {1.0, 1.3, 1.0, 1.31, 1.01})});
  EXPECT_TRUE(has(comparison_warnings(compare_runs(steady, split), Metric::latency_p99),
                  "B, /a: the runs fall into two groups (3 near"));

  RunResults slow = steady;
  slow.variants[0].repeats[2].generator_warnings = {"the generator sent late"};
  EXPECT_TRUE(has(comparison_warnings(compare_runs(steady, slow), Metric::latency_p99),
                  "B, /a: the load generator's self-check: the generator sent late"));
}

TEST(CompareJson, CarriesVerdictsIntervalsRunsAndTheGate) {
  const Comparison c = compare_runs(run_of({repeated("/a", 1)}), run_of({repeated("/a", 1.5)}));
  const GateReport gate = apply_gate(c, {});
  const boost::json::object json = to_json(c, &gate).as_object();
  EXPECT_EQ(json.at("schema").as_string(), "conlab.compare/2");
  EXPECT_EQ(json.at("gate").at("regressed").as_bool(), true);
  EXPECT_EQ(json.at("gate").at("result").as_string(), "regressed");
  EXPECT_EQ(json.at("gate").at("metric").as_string(), "p99");
  const auto &metrics = json.at("variants").at(0).at("metrics").as_array();
  ASSERT_EQ(metrics.size(), compare_metrics().size());
  const auto &p99 = metrics.at(4).as_object();
  EXPECT_EQ(p99.at("metric").as_string(), "p99");
  EXPECT_EQ(p99.at("better").as_string(), "lower");
  EXPECT_EQ(p99.at("verdict").as_string(), "worse");
  EXPECT_EQ(p99.at("noise").at("method").as_string(), "welch");
  EXPECT_EQ(p99.at("noise").at("n_baseline").to_number<int>(), 3);
  EXPECT_EQ(p99.at("baseline_runs").at("values").as_array().size(), 3u);
  EXPECT_GT(p99.at("noise").at("interval").at(0).as_double(), 0);
  const auto &lag = metrics.at(9).as_object();
  EXPECT_TRUE(lag.at("baseline").is_null());
  EXPECT_EQ(lag.at("noise").at("reason").as_string(), "not measured in A");
}

} // namespace
} // namespace conlab
