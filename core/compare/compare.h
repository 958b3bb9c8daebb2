// Two runs side by side: a baseline (A) and a candidate (B). Variants are matched by label; for
// each matched variant and metric the comparison holds A, B, B − A, B / A, and whether the
// difference is beyond the noise, with the method that says so and its interval. A value, like
// the results it reads; the CLI prints it, the desktop lab can show it.
//
//   const Comparison c = compare_runs(baseline, candidate, {});
//   for (const VariantComparison &v : c.variants)
//     if (const MetricComparison *p99 = v.find(Metric::latency_p99))
//       ... p99->verdict, p99->noise.interval ...
#pragma once

#include "core/compare/compare_metrics.h"
#include "core/compare/noise_test.h"
#include "core/results/results.h"

#include <optional>
#include <string>
#include <vector>

namespace conlab {

enum class NoiseMethod { // to_string() names them in this order
  bootstrap,             // percentile bootstrap over the pooled task samples
  welch,                 // Welch's t interval over the complete repeats
  not_estimated          // see NoiseEstimate::reason
};
std::string_view to_string(NoiseMethod method); // "bootstrap", "welch", "not_estimated"

// How sure the comparison can be that B − A is not noise.
struct NoiseEstimate {
  NoiseMethod method = NoiseMethod::not_estimated;
  Interval interval;     // of B − A, in the metric's unit; meaningless when not estimated
  double confidence = 0; // e.g. 0.95
  int resamples = 0;     // bootstrap only
  std::size_t n_baseline = 0, n_candidate = 0; // task samples or repeats on each side
  std::string reason; // when not estimated, why: "no repeats: noise not estimated"

  bool estimated() const { return method != NoiseMethod::not_estimated; }
  bool beyond_noise() const { return estimated() && interval.excludes_zero(); }
  // "bootstrap 95% CI [+1.20 ms, +3.40 ms]" or the reason.
  std::string describe(Metric metric) const;
};

enum class Verdict { // to_string() names them in this order
  better,            // the whole interval lies on the better side
  worse,             // the whole interval lies on the worse side
  within_noise,      // the interval includes no change
  changed,           // beyond the noise, for a metric with no better side (CPU utilisation)
  noise_unknown,     // noise not estimated: the change alone, which may be noise
  not_measured,      // one side has no value
};
std::string_view to_string(Verdict verdict); // "better", "worse", "within_noise", ...

struct MetricComparison {
  Metric metric;
  std::optional<double> baseline, candidate;
  NoiseEstimate noise;
  Verdict verdict = Verdict::not_measured;

  bool measured() const { return baseline && candidate; }
  double delta() const { return measured() ? *candidate - *baseline : 0; } // B − A
  std::optional<double> ratio() const;           // B / A; nullopt when A is 0 or missing
  std::optional<double> relative_change() const; // (B − A) / |A|; ±inf when A is 0 and B not
  // The relative change the bad way: positive when B is worse (higher latency, lower
  // throughput). Nullopt for a metric with no better side or a missing value.
  std::optional<double> worsening() const;
};

// What a variant was on one side: a comparison across a changed pool size is the usual case.
struct VariantSetup {
  std::string model;
  int pool_size = 0; // 0: none
  int loops = 0;     // 0: none
  bool offload = false;
  std::size_t finished_tasks = 0; // over every repeat
  std::size_t repeats = 0;
  std::size_t complete_repeats = 0;
  std::string describe() const; // "thread_pool P=4", "multi_loop L=2"
};

struct VariantComparison {
  std::string label;
  VariantSetup baseline, candidate;
  std::vector<MetricComparison> metrics; // every metric, in compare_metrics() order
  // Do B's task latencies (queue waits) tend to differ from A's? Nullopt when a side has none.
  std::optional<RankSumTest> latency_shift, queue_wait_shift;

  const MetricComparison *find(Metric metric) const;
};

struct RunSide {
  std::string name; // as the caller named it, e.g. the file path
  std::string experiment;
  RunStatus status = RunStatus::completed;
  int repeats = 0;
  double time_scale = 1;
  std::string build_type;
  int cores = 0;
  std::string hostname;
};

struct Comparison {
  RunSide baseline, candidate;
  std::vector<VariantComparison> variants; // matched by label, in the baseline's order
  std::vector<std::string> only_in_baseline, only_in_candidate;
  // Differences that make the numbers less comparable: time scale, load, machine, build type,
  // a run that did not complete. Sentences for a person.
  std::vector<std::string> notes;
  BootstrapOptions bootstrap; // as used
};

struct CompareOptions {
  std::string baseline_name = "A", candidate_name = "B";
  BootstrapOptions bootstrap; // seed, resamples, confidence (also used for Welch)
};

Comparison compare_runs(const RunResults &baseline, const RunResults &candidate,
                        const CompareOptions &options = {});

} // namespace conlab
