// Merging the parts of a load (load --shard I/N): percentiles of every request, not an average
// of the parts'; the parts placed on one clock by their wall-clock zeros; what a part folded
// beyond its budget merged as histograms; every generator's self-check kept; and the refusals,
// each naming the file and what differs.
#include "core/analysis/summary.h"
#include "core/http/load_generator.h"
#include "core/http/load_merge.h"
#include "core/results/results_json.h"

#include "tests/support/load_part_builder.h"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <algorithm>

namespace conlab::test {
namespace {

using http::LoadMergeError;
using http::LoadPartFile;
using http::merge_load_parts;

constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kZero = kLoadPartZero;

// A generator's part, as tests/support/load_part_builder.h builds it, named as on a command line.
LoadPartFile part(std::size_t index, std::size_t shards, const std::vector<double> &latency_ms,
                  double gap_ms = 2, std::int64_t zero_ns = kZero, double start_ms = 200) {
  return {"part-" + std::to_string(index) + ".json",
          load_part(index, shards, latency_ms, gap_ms, zero_ns, start_ms)};
}

std::vector<double> repeated(double ms, std::size_t n) { return std::vector<double>(n, ms); }

TEST(LoadMerge, PercentilesAreOfEveryRequestNotAnAverageOfTheParts) {
  // A fast generator and a slow one: each part's p99 is its own latency, the average of the
  // two is 50.5 ms, and the load's p99 is the slow one's, since 1 request in 10 was slow.
  const std::vector<LoadPartFile> parts = {part(0, 2, repeated(1, 900), 2),
                                           part(1, 2, repeated(100, 100), 18)};
  const RunResults merged = merge_load_parts(parts).results;
  ASSERT_EQ(merged.variants.size(), 1u);
  const Summary &s = merged.variants[0].summary;
  EXPECT_EQ(s.tasks, 1000u);
  EXPECT_EQ(s.completed, 1000u);
  std::vector<double> every(900, 0.001);
  every.insert(every.end(), 100, 0.1);
  const Percentiles expected = percentiles(every);
  EXPECT_DOUBLE_EQ(s.latency_s.p50, expected.p50);
  EXPECT_DOUBLE_EQ(s.latency_s.p99, expected.p99);
  EXPECT_NEAR(s.latency_s.p99, 0.1, 1e-9);
  EXPECT_GT(s.latency_s.p99 - (0.001 + 0.1) / 2, 0.04); // not the average of the parts' p99s
}

TEST(LoadMerge, IntervalsAddUpRequestByRequestAndKeepEachSecondsPercentiles) {
  // Two generators that began together: in the first second generator 0's requests take
  // 0.5 ms and generator 1's 2.5 ms; in the second both take 1.5 ms.
  std::vector<double> a = repeated(0.5, 500), b = repeated(2.5, 500);
  std::fill(a.begin() + 250, a.end(), 1.5);
  std::fill(b.begin() + 250, b.end(), 1.5);
  const RunResults merged = merge_load_parts({part(0, 2, a, 4), part(1, 2, b, 4)}).results;
  const RepeatResult &r = merged.variants[0].repeats[0];
  ASSERT_TRUE(r.latency_by_interval);
  const IntervalHistograms &h = *r.latency_by_interval;
  EXPECT_EQ(h.interval_ns(), IntervalHistograms::kFirstIntervalNs);
  EXPECT_EQ(h.origin_ns(), 200 * kMs);
  ASSERT_EQ(h.intervals().size(), 2u);
  EXPECT_EQ(h.intervals()[0].count(), 500u);
  EXPECT_EQ(h.intervals()[1].count(), 500u);
  EXPECT_EQ(h.count(), 1000u);
  // Half the first second's requests took 0.5 ms, half 2.5 ms: its p25 is one, its p75 the
  // other, where an average of the generators' would be 1.5 ms for both.
  EXPECT_NEAR(h.intervals()[0].quantile_s(0.25), 0.0005, 0.0005 * 1e-3);
  EXPECT_NEAR(h.intervals()[0].quantile_s(0.75), 0.0025, 0.0025 * 1e-3);
  EXPECT_NEAR(h.intervals()[1].quantile_s(0.99), 0.0015, 0.0015 * 1e-3);
}

TEST(LoadMerge, PartsArePlacedOnOneClockByTheirWallClockZeros) {
  // Generator 1's clock started 250 ms after generator 0's, and so did its load.
  const std::vector<LoadPartFile> parts = {part(0, 2, repeated(10, 100), 2, kZero),
                                           part(1, 2, repeated(10, 100), 2, kZero + 250 * kMs)};
  const RunResults merged = merge_load_parts(parts).results;
  const RepeatResult &r = merged.variants[0].repeats[0];
  ASSERT_EQ(r.samples.size(), 200u);
  EXPECT_EQ(r.samples.front().submit_ns, 200 * kMs);
  std::int64_t latest_submit = 0;
  for (const TaskSample &t : r.samples)
    latest_submit = std::max(latest_submit, t.submit_ns);
  EXPECT_EQ(latest_submit, 250 * kMs + 200 * kMs + 99 * 2 * kMs);
  EXPECT_TRUE(std::is_sorted(
      r.samples.begin(), r.samples.end(),
      [](const TaskSample &x, const TaskSample &y) { return x.submit_ns < y.submit_ns; }));
  // Both generators sent for 198 ms; together from the first send of one to the last of the
  // other, 448 ms.
  EXPECT_NEAR(r.summary.makespan_s, 0.448 + 0.010, 1e-6);
  EXPECT_NEAR(start_spread_s(r.generators), 0.25, 1e-9);
  ASSERT_EQ(r.generators.size(), 2u);
  EXPECT_EQ(r.generators[1].part_file, "part-1.json");
  // The generators did not begin together, and the warning says what to do about it.
  bool warned = false;
  for (const std::string &w : r.generator_warnings)
    warned = warned || w.find("give them one --start-at") != std::string::npos;
  EXPECT_TRUE(warned);
  // Each generator's threads keep rows of their own.
  std::uint32_t workers = 0;
  for (const TaskSample &t : r.samples)
    workers = std::max(workers, t.worker + 1);
  EXPECT_EQ(workers, 2u);
}

TEST(LoadMerge, TheTotalRateIsOfEveryGeneratorOverTheirCommonSpan) {
  const RunResults merged =
      merge_load_parts({part(0, 2, repeated(1, 1000), 2), part(1, 2, repeated(1, 1000), 2)})
          .results;
  const RepeatResult &r = merged.variants[0].repeats[0];
  EXPECT_NEAR(total_achieved_rate(r.generators), 1999.0 / 1.998, 1e-6);
  EXPECT_DOUBLE_EQ(merged.experiment.load.rate_per_s, 1000);
  EXPECT_EQ(merged.experiment.load.tasks, 2000);
}

TEST(LoadMerge, WhatAPartFoldedBeyondItsBudgetMergesAsHistograms) {
  LoadPartFile a = part(0, 2, repeated(2, 600), 2);
  LoadPartFile b = part(1, 2, repeated(4, 400), 2);
  // Part b kept its first 100 samples and folded the rest, as a generator over its budget does.
  RepeatResult &rb = b.results.variants[0].repeats[0];
  FoldedSamples folded;
  folded.add(std::span<const TaskSample>(rb.samples).subspan(100));
  rb.samples.resize(100);
  rb.beyond_budget = folded;
  const RunResults merged = merge_load_parts({a, b}).results;
  const RepeatResult &r = merged.variants[0].repeats[0];
  EXPECT_EQ(r.samples.size(), 700u);
  ASSERT_TRUE(r.beyond_budget);
  EXPECT_EQ(r.beyond_budget->completed, 300u);
  EXPECT_EQ(r.summary.completed, 1000u);
  // 600 requests took 2 ms and 400 took 4 ms, 300 of which only the histograms hold: p50 and
  // p90 to 3 significant digits.
  EXPECT_NEAR(r.summary.latency_s.p50, 0.002, 0.002 * 1e-3);
  EXPECT_NEAR(r.summary.latency_s.p90, 0.004, 0.004 * 1e-3);
}

TEST(LoadMerge, TheMergedLoadRoundTripsThroughAResultsFile) {
  const RunResults merged =
      merge_load_parts({part(0, 2, repeated(3, 50)), part(1, 2, repeated(7, 50))}).results;
  const RunResults back = results_from_text(boost::json::serialize(to_json(merged)), "merged.json");
  ASSERT_TRUE(back.load_settings);
  EXPECT_EQ(back.load_settings->shards, 2u);
  const RepeatResult &r = back.variants[0].repeats[0];
  ASSERT_EQ(r.generators.size(), 2u);
  EXPECT_EQ(r.generators[1].shard, (Shard{1, 2}));
  EXPECT_EQ(r.generators[1].hostname, "node1");
  EXPECT_EQ(r.generators[0].part_file, "part-0.json");
  ASSERT_TRUE(r.latency_by_interval);
  EXPECT_EQ(r.latency_by_interval->count(), 100u);
  EXPECT_DOUBLE_EQ(r.latency_by_interval->total().quantile_s(0.99),
                   merged.variants[0].repeats[0].latency_by_interval->total().quantile_s(0.99));
  EXPECT_EQ(boost::json::serialize(to_json(back)), boost::json::serialize(to_json(merged)));
}

// The message of the refusal, or "" when the merge went through.
std::string refusal(const std::vector<LoadPartFile> &parts, bool *missing = nullptr) {
  try {
    merge_load_parts(parts);
  } catch (const LoadMergeError &e) {
    if (missing)
      *missing = e.parts_missing();
    return e.what();
  }
  return {};
}

TEST(LoadMerge, PartsOfDifferentLoadsAreRefusedNamingTheSetting) {
  LoadPartFile b = part(1, 2, repeated(1, 10));
  b.results.load_settings->rate_per_s = 2000;
  const std::string why = refusal({part(0, 2, repeated(1, 10)), b});
  EXPECT_NE(why.find("part-1.json is a part of a different load from part-0.json"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("--rate: 1000/s and 2000/s"), std::string::npos) << why;

  LoadPartFile c = part(1, 2, repeated(1, 10));
  c.results.load_settings->urls = {"http://other:8080/"};
  EXPECT_NE(refusal({part(0, 2, repeated(1, 10)), c}).find("URLs"), std::string::npos);
}

TEST(LoadMerge, APartGivenTwiceIsRefused) {
  const std::string why = refusal(
      {part(0, 2, repeated(1, 10)), part(1, 2, repeated(1, 10)), part(1, 2, repeated(1, 10))});
  EXPECT_NE(why.find("are both generator 1/2"), std::string::npos) << why;
}

TEST(LoadMerge, AMissingPartIsNamedAndMergedOnlyWhenAllowed) {
  bool missing = false;
  const std::vector<LoadPartFile> parts = {part(0, 3, repeated(1, 10)),
                                           part(2, 3, repeated(1, 10))};
  const std::string why = refusal(parts, &missing);
  EXPECT_TRUE(missing);
  EXPECT_NE(why.find("1 of the 3 parts is missing: generator 1/3"), std::string::npos) << why;

  const http::LoadMerge merge = merge_load_parts(parts, true);
  EXPECT_EQ(merge.missing, std::vector<std::string>{"generator 1/3"});
  const RepeatResult &r = merge.results.variants[0].repeats[0];
  EXPECT_EQ(r.generators.size(), 2u);
  bool said = false;
  for (const std::string &w : r.generator_warnings)
    said = said || w.find("generator 1/3 is missing: the load had 2/3") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(LoadMerge, WhatIsNotAPartIsRefused) {
  LoadPartFile run = part(0, 1, repeated(1, 10));
  run.results.load_settings.reset();
  EXPECT_NE(refusal({run}).find("part-0.json is not a part of a load"), std::string::npos);

  const RunResults merged =
      merge_load_parts({part(0, 2, repeated(1, 10)), part(1, 2, repeated(1, 10))}).results;
  EXPECT_NE(refusal({{"merged.json", merged}}).find("merged.json is already a merge of 2"),
            std::string::npos);
}

TEST(LoadShares, GeneratorsAtAShareOfTheRateSendTheArrivalsOfTheWholeLoad) {
  for (const double rate : {600.0, 7.0, 1234.5})
    for (const std::size_t n : {2u, 3u, 7u}) {
      http::GeneratorOptions whole;
      whole.load.kind = LoadKind::open;
      whole.load.rate_per_s = rate;
      whole.load.tasks = 0; // no cap: the arrivals within the duration
      whole.duration_s = 5;
      std::uint64_t together = 0;
      for (std::size_t i = 0; i < n; ++i) {
        http::GeneratorOptions part = whole;
        part.shard = Shard{i, n};
        part.whole_rate_per_s = rate;
        part.load.rate_per_s = rate / static_cast<double>(n);
        together += http::planned_requests(part);
      }
      EXPECT_EQ(together, http::planned_requests(whole)) << rate << "/s over " << n;
    }
}

TEST(IntervalHistograms, ALongRunWidensItsIntervalsKeepingEveryCount) {
  IntervalHistograms h(0);
  for (int second = 0; second < 600; ++second)
    h.add(static_cast<std::int64_t>(second) * 1'000'000'000 + 1, 5 * kMs);
  EXPECT_LE(h.intervals().size(), IntervalHistograms::kMaxIntervals);
  EXPECT_EQ(h.interval_ns(), 4 * IntervalHistograms::kFirstIntervalNs); // 600 s in 150 of 4 s
  EXPECT_EQ(h.count(), 600u);
  EXPECT_EQ(h.intervals()[0].count(), 4u);
}

TEST(IntervalHistograms, ShiftedPartsLandInTheirIntervals) {
  IntervalHistograms a(0), b(0);
  a.add(500 * kMs, kMs);
  b.add(500 * kMs, 2 * kMs);
  a.add_shifted(b, 3'000 * kMs); // b's clock began 3 s after a's
  ASSERT_EQ(a.intervals().size(), 4u);
  EXPECT_EQ(a.intervals()[0].count(), 1u);
  EXPECT_EQ(a.intervals()[3].count(), 1u);
  EXPECT_NEAR(a.intervals()[3].quantile_s(0.5), 0.002, 0.002 * 1e-3);
}

TEST(IntervalHistograms, AResultsFileWithAnOddWidthIsRefused) {
  IntervalHistograms h;
  EXPECT_THROW(h.restore(0, 1'500'000'000, {}), std::invalid_argument);
  EXPECT_THROW(h.restore(0, 1'000'000'000, std::vector<LatencyHistogram>(300)),
               std::invalid_argument);
  EXPECT_NO_THROW(h.restore(0, 2'000'000'000, std::vector<LatencyHistogram>(3)));
}

} // namespace
} // namespace conlab::test
