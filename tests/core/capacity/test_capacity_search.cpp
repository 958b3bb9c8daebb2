// The SLO's text and value, and the search's answer on targets whose capacity is known by
// construction (a probe whose latency is a function of the rate), at every kind of ending.
#include "core/capacity/capacity_probes.h"
#include "core/capacity/capacity_results.h"
#include "core/capacity/capacity_search.h"
#include "core/capacity/slo.h"
#include "core/util/field_error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <thread>
#include <vector>

namespace conlab {
namespace {

Slo slo_of(const char *text) {
  std::string error;
  const std::optional<Slo> slo = parse_slo(text, error);
  EXPECT_TRUE(slo) << text << ": " << error;
  return slo.value_or(Slo{});
}

TEST(SloText, PercentilesAndTheMeanInEveryUnit) {
  EXPECT_NEAR(slo_of("p99<200ms").limit_s, 0.2, 1e-12);
  EXPECT_NEAR(slo_of("p99<200ms").quantile, 0.99, 1e-12);
  EXPECT_EQ(slo_of("p99<200ms").text, "p99<200ms");
  EXPECT_NEAR(slo_of(" p99.9 <= 1.5s ").limit_s, 1.5, 1e-12);
  EXPECT_EQ(slo_of("p99.9<=1.5s").text, "p99.9<1.5s");
  EXPECT_NEAR(slo_of("p99.9<1s").quantile, 0.999, 1e-12);
  EXPECT_TRUE(slo_of("mean<50us").mean);
  EXPECT_NEAR(slo_of("mean<50us").limit_s, 50e-6, 1e-15);
  EXPECT_EQ(slo_of("P50<2s").metric(), "p50");
}

TEST(SloText, WhatIsWrongIsSaid) {
  const std::pair<const char *, const char *> bad[] = {
      {"p99 200ms", "needs a '<'"},
      {"p100<1s", "between p0 and p100"},
      {"max<1s", "a percentile (p50, p99, p99.9) or mean"},
      {"p99<200", "needs a unit"},
      {"p99<200min", "unknown unit 'min'"},
      {"p99<-1s", "a number above 0"},
      {"p99<0ms", "a number above 0"},
  };
  for (const auto &[text, says] : bad) {
    std::string error;
    EXPECT_FALSE(parse_slo(text, error)) << text;
    EXPECT_NE(error.find(says), std::string::npos) << text << ": " << error;
    EXPECT_NE(error.find("p99<200ms"), std::string::npos) << "an example: " << error;
  }
}

TEST(SloValue, FailuresCountAsInfinitelySlow) {
  const Slo p90 = slo_of("p90<1s");
  std::vector<double> answered;
  for (int i = 1; i <= 100; ++i)
    answered.push_back(i * 0.01);
  EXPECT_NEAR(slo_value(p90, answered, 0), 0.9010, 1e-9);
  // 5 failures of 105: the p90 is still an answered request's, and a slower one.
  const double with_failures = slo_value(p90, answered, 5);
  EXPECT_TRUE(std::isfinite(with_failures));
  EXPECT_GT(with_failures, 0.9010);
  // 20 of 120 failed, more than 10%: no p90 meets anything.
  EXPECT_TRUE(std::isinf(slo_value(p90, answered, 20)));
  EXPECT_TRUE(std::isinf(slo_value(slo_of("mean<1s"), answered, 1)));
  EXPECT_NEAR(slo_value(slo_of("mean<1s"), answered, 0), 0.505, 1e-9);
  EXPECT_TRUE(std::isinf(slo_value(p90, {}, 0)));
  EXPECT_EQ(fewest_requests(slo_of("p99<1s")), 200);
  EXPECT_EQ(fewest_requests(slo_of("p99.9<1s")), 2000);
}

// A target whose p99 is 10 ms below `knee` req/s and grows steeply above it.
struct KneeTarget {
  double knee;
  int calls = 0;
  CapacityRun operator()(double rate, double duration) {
    ++calls;
    CapacityRun run;
    run.duration_s = duration;
    run.requests = std::llround(rate * duration);
    run.value_s = rate < knee ? 0.010 : 0.010 * (1 + 10 * (rate - knee) / knee) + 0.1;
    run.achieved_rate_per_s = rate;
    return run;
  }
};

CapacityLimits quick() {
  CapacityLimits l;
  l.start_rate_per_s = 10;
  l.run_duration_s = 1;
  return l;
}

TEST(CapacitySearch, FindsTheKneeWithinThePrecision) {
  KneeTarget target{.knee = 1234};
  const CapacitySearch s = search_capacity(slo_of("p99<50ms"), quick(), std::ref(target));
  ASSERT_EQ(s.outcome, CapacityOutcome::found) << describe_capacity(s);
  ASSERT_TRUE(s.capacity_per_s && s.breaking_per_s);
  EXPECT_LT(*s.capacity_per_s, 1234);
  EXPECT_GE(*s.breaking_per_s, 1234);
  EXPECT_LE((*s.breaking_per_s - *s.capacity_per_s) / *s.breaking_per_s, 0.05);
  // Growth ×2 from 10/s, then bisection: the boundary's rates were repeated, the others not.
  for (const RateVerdict &v : verdicts_by_rate(s)) {
    EXPECT_EQ(v.met, v.rate_per_s < 1234) << v.rate_per_s;
    if (v.rate_per_s == *s.capacity_per_s || v.rate_per_s == *s.breaking_per_s) {
      EXPECT_GE(v.runs, 2) << v.rate_per_s;
    }
  }
  EXPECT_NE(describe_capacity(s).find("the highest rate that keeps p99<50ms is"), std::string::npos)
      << describe_capacity(s);
}

TEST(CapacitySearch, AOneOffMissIsOutvotedByTheRepeats) {
  int calls = 0;
  const auto noisy = [&](double rate, double duration) {
    CapacityRun run = KneeTarget{.knee = 500}(rate, duration);
    if (rate == 80 && calls++ == 0)
      run.value_s = 1; // the first run at 80/s met a hiccup
    return run;
  };
  const CapacitySearch s = search_capacity(slo_of("p99<50ms"), quick(), noisy);
  ASSERT_EQ(s.outcome, CapacityOutcome::found);
  EXPECT_GT(*s.capacity_per_s, 400);
  EXPECT_LT(*s.capacity_per_s, 500);
}

TEST(CapacitySearch, ATargetThatMissesAtTheLowestRateHasNoCapacity) {
  KneeTarget target{.knee = 1};
  const CapacitySearch s = search_capacity(slo_of("p99<50ms"), quick(), std::ref(target));
  EXPECT_EQ(s.outcome, CapacityOutcome::misses_at_lowest);
  EXPECT_FALSE(s.capacity_per_s);
  EXPECT_EQ(s.runs.size(), 2u) << "the miss was confirmed: two of three runs missed";
  EXPECT_NE(describe_capacity(s).find("missed even at the lowest rate tried, 10.0/s"),
            std::string::npos)
      << describe_capacity(s);
}

TEST(CapacitySearch, StillMetAtTheMaximumRateIsALowerBound) {
  KneeTarget target{.knee = 1e9};
  CapacityLimits l = quick();
  l.max_rate_per_s = 1000;
  const CapacitySearch s = search_capacity(slo_of("p99<50ms"), l, std::ref(target));
  EXPECT_EQ(s.outcome, CapacityOutcome::meets_at_max_rate);
  EXPECT_EQ(s.capacity_per_s, 1000);
  EXPECT_NE(describe_capacity(s).find("at least"), std::string::npos);
}

TEST(CapacitySearch, AGeneratorThatCannotKeepUpIsNeverReportedAsACapacity) {
  const auto weak = [](double rate, double duration) {
    CapacityRun run = KneeTarget{.knee = 1e6}(rate, duration);
    if (rate > 300) {
      run.achieved_rate_per_s = 300;
      run.generator_warnings.push_back("it sent 300/s of the " + std::to_string(rate) + " asked");
    }
    return run;
  };
  const CapacitySearch s = search_capacity(slo_of("p99<50ms"), quick(), weak);
  EXPECT_EQ(s.outcome, CapacityOutcome::generator_saturated);
  EXPECT_EQ(s.capacity_per_s, 160) << "the last rate the generator made";
  EXPECT_NE(describe_capacity(s).find("the generator could not keep up at 320/s"),
            std::string::npos)
      << describe_capacity(s);
}

TEST(CapacitySearch, StopsAtTheTimeLimitWithTheBestSoFar) {
  KneeTarget target{.knee = 5000};
  CapacityLimits l = quick();
  l.max_total_s = 0.05;
  const auto slow = [&](double rate, double duration) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // each run takes real time
    return target(rate, duration);
  };
  l.run_duration_s = 0.02;
  l.max_run_duration_s = 0.02;
  const CapacitySearch s = search_capacity(slo_of("p99<50ms"), l, slow);
  EXPECT_EQ(s.outcome, CapacityOutcome::time_budget);
  EXPECT_LT(s.runs.size(), 5u);
  ASSERT_TRUE(s.capacity_per_s);
  EXPECT_NE(describe_capacity(s).find("best answer so far: it met p99<50ms up to"),
            std::string::npos)
      << describe_capacity(s);
}

TEST(CapacitySearch, ACancelledSearchKeepsItsRuns) {
  std::stop_source stop;
  KneeTarget target{.knee = 5000};
  const auto cancelling = [&](double rate, double duration) {
    if (rate >= 40)
      stop.request_stop();
    return target(rate, duration);
  };
  const CapacitySearch s =
      search_capacity(slo_of("p99<50ms"), quick(), cancelling, stop.get_token());
  EXPECT_EQ(s.outcome, CapacityOutcome::cancelled);
  EXPECT_EQ(s.runs.size(), 3u);
  EXPECT_EQ(s.capacity_per_s, 20) << "the run the stop cut short does not count";
}

TEST(CapacitySearch, ARunThatThrowsEndsTheSearchAsFailed) {
  const auto broken = [](double rate, double) -> CapacityRun {
    if (rate > 20)
      throw std::runtime_error("worker process died");
    return KneeTarget{.knee = 100}(rate, 1);
  };
  const CapacitySearch s = search_capacity(slo_of("p99<50ms"), quick(), broken);
  EXPECT_EQ(s.outcome, CapacityOutcome::failed);
  EXPECT_EQ(s.error, "worker process died");
  EXPECT_EQ(s.capacity_per_s, 20);
}

TEST(CapacityLimits, EachProblemNamesItsFlag) {
  CapacityLimits l;
  l.start_rate_per_s = 0;
  l.runs_per_step = 0;
  l.precision = 2;
  const std::vector<std::string> problems = check_limits(l);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].rfind("--start-rate:", 0), 0u);
  EXPECT_EQ(problems[1].rfind("--runs-per-step:", 0), 0u);
  EXPECT_EQ(problems[2].rfind("--precision:", 0), 0u);
  EXPECT_TRUE(check_limits(CapacityLimits{}).empty());
}

TEST(CapacityRuns, ARunIsLongEnoughForItsPercentile) {
  const CapacityLimits l; // 5 s, at most 60 s
  EXPECT_DOUBLE_EQ(run_duration_s(slo_of("p99<200ms"), l, 1000), 5);
  EXPECT_DOUBLE_EQ(run_duration_s(slo_of("p99<1s"), l, 10), 20);   // 200 requests
  EXPECT_DOUBLE_EQ(run_duration_s(slo_of("p99.9<1s"), l, 10), 60); // capped
  EXPECT_DOUBLE_EQ(run_duration_s(slo_of("p99<2s"), l, 1000), 20); // ten limits
}

// 300 requests due 10 ms apart, each answered after `wait(i)`.
std::vector<TaskSample> run_of(double (*wait)(int)) {
  std::vector<TaskSample> samples;
  for (int i = 0; i < 300; ++i) {
    const std::int64_t due = i * 10'000'000LL;
    samples.push_back({.submit_ns = due,
                       .start_ns = due,
                       .end_ns = due + static_cast<std::int64_t>(wait(i) * 1e9),
                       .task = static_cast<std::uint32_t>(i)});
  }
  return samples;
}

TEST(CapacityRunJudged, AQueueThatKeepsGrowingMissesWhateverItsPercentile) {
  const Slo slo = slo_of("p99<200ms");
  // Steady: 50 ms each, with a little noise.
  const CapacityRun steady =
      measure_run(slo, run_of([](int i) { return 0.050 + 0.001 * (i % 7); }), 3);
  EXPECT_FALSE(steady.queue_growing);
  EXPECT_LT(steady.value_s, 0.2);
  // Past the ceiling: the wait grows by 0.4 ms a request, yet the run's p99 (170 ms) is within
  // the limit; the last third's median is 1.6× the middle third's.
  const CapacityRun growing = measure_run(slo, run_of([](int i) { return 0.050 + 0.0004 * i; }), 3);
  EXPECT_TRUE(growing.queue_growing);
  EXPECT_LT(growing.value_s, 0.2);
  // A search whose every run is like that one finds no capacity.
  const auto overloaded = [&](double rate, double duration) {
    CapacityRun run = measure_run(slo, run_of([](int i) { return 0.050 + 0.0004 * i; }), duration);
    run.achieved_rate_per_s = rate;
    return run;
  };
  EXPECT_EQ(search_capacity(slo, quick(), overloaded).outcome, CapacityOutcome::misses_at_lowest);
  // Unanswered requests late in the run count as infinitely slow.
  std::vector<TaskSample> cut = run_of([](int) { return 0.05; });
  for (std::size_t i = 250; i < cut.size(); ++i)
    cut[i].end_ns = -1;
  const CapacityRun failing = measure_run(slo, cut, 3);
  EXPECT_EQ(failing.failed, 50u);
  EXPECT_TRUE(std::isinf(failing.value_s));
  EXPECT_TRUE(failing.queue_growing);
}

TEST(CapacityFile, EveryRunAndTheAnswerReadBack) {
  KneeTarget target{.knee = 300};
  CapacityResults r;
  r.target = "http://127.0.0.1:8000/d";
  r.arrivals = "poisson";
  r.measured = search_capacity(slo_of("p99.9<50ms"), quick(), std::ref(target));
  r.measured.runs.back().value_s = std::numeric_limits<double>::infinity(); // failed beyond p99.9
  r.measured.runs.back().generator_warnings = {"it sent late"};
  r.server = ServerUnderTestRecord{.command = "uvicorn server:app", .log_path = "s.log"};
  const CapacityResults back = capacity_from_json(to_json(r));
  EXPECT_EQ(back.target, r.target);
  EXPECT_EQ(back.measured.slo.text, "p99.9<50ms");
  EXPECT_EQ(back.measured.outcome, r.measured.outcome);
  EXPECT_EQ(back.measured.capacity_per_s, r.measured.capacity_per_s);
  EXPECT_EQ(back.measured.breaking_per_s, r.measured.breaking_per_s);
  ASSERT_EQ(back.measured.runs.size(), r.measured.runs.size());
  for (std::size_t i = 0; i < r.measured.runs.size(); ++i) {
    EXPECT_EQ(back.measured.runs[i].rate_per_s, r.measured.runs[i].rate_per_s) << i;
    EXPECT_EQ(back.measured.runs[i].value_s, r.measured.runs[i].value_s) << i;
    EXPECT_EQ(back.measured.runs[i].met, r.measured.runs[i].met) << i;
  }
  EXPECT_EQ(back.measured.runs.back().generator_warnings,
            r.measured.runs.back().generator_warnings);
  ASSERT_TRUE(back.server);
  EXPECT_EQ(back.server->log_path, "s.log");
  EXPECT_FALSE(back.predicted);
  EXPECT_THROW(capacity_from_json(boost::json::object{{"schema", "conlab.results/1"}}), SpecError);
}

} // namespace
} // namespace conlab
