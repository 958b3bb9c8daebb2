// A baseline (A) and a candidate (B) side by side. Each side is one or more results files of the
// same experiment; the unit of evidence is the run: every complete repeat of a variant is one run
// and gives one value of each metric. Variants are matched by label; for each matched variant and
// metric the comparison holds A and B (the mean over each side's runs), B − A, B / A, and whether
// the difference is beyond the run-to-run noise: Welch's t interval over the per-run values. With
// fewer than two runs a side the noise is unknown and no verdict is given. A value, like the
// results it reads; the CLI prints it, the desktop lab shows it.
//
//   const Comparison c = compare_runs(baseline, candidate, {});
//   for (const VariantComparison &v : c.variants)
//     if (const MetricComparison *p99 = v.find(Metric::latency_p99))
//       ... p99->verdict, p99->noise.interval ...
#pragma once

#include "core/compare/compare_metrics.h"
#include "core/compare/noise_test.h"
#include "core/compare/run_checks.h"
#include "core/results/results.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace conlab {

// Welch's t over the per-run values: the runs of a side are few (3 to 10), their spread is
// unknown and need not be the same on both sides, and Student's t with Welch-Satterthwaite's
// degrees of freedom is the interval that stays honest at that size. A bootstrap of five values
// has only a handful of distinct resamples, and a bootstrap of the task samples measures the
// spread within one run, not how far a whole run moves on a shared machine.
enum class NoiseMethod { // to_string() names them in this order
  welch,                 // Welch's t interval over the per-run values
  not_estimated          // see NoiseEstimate::reason
};
std::string_view to_string(NoiseMethod method); // "welch", "not_estimated"

// How sure the comparison can be that B − A is not noise.
struct NoiseEstimate {
  NoiseMethod method = NoiseMethod::not_estimated;
  Interval interval;     // of B − A, in the metric's unit; meaningless when not estimated
  double confidence = 0; // e.g. 0.95
  double degrees_of_freedom = 0;
  std::size_t n_baseline = 0, n_candidate = 0; // runs on each side
  std::string reason; // when not estimated, why: "1 run each: noise unknown — run with ..."

  bool estimated() const { return method != NoiseMethod::not_estimated; }
  bool beyond_noise() const { return estimated() && interval.excludes_zero(); }
  // "Welch t 95% CI over 5 + 5 runs [+1.20 ms, +3.40 ms]" or the reason.
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

// One side's values of one metric, one per complete run, in the order the runs were made (the
// files in the order given, each file's repeats in order), and what they say about the runs.
struct RunValues {
  std::vector<double> values;
  std::optional<TrendTest> trend;  // from 3 runs
  std::optional<TwoGroups> groups; // from 5 runs
  bool drifts() const { return trend && trend->drifts(); }
  bool bimodal() const { return groups && groups->bimodal(); }
};

struct MetricComparison {
  Metric metric;
  std::optional<double> baseline, candidate; // mean over the side's runs
  RunValues baseline_runs, candidate_runs;
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
  std::size_t finished_tasks = 0; // over every run
  std::size_t repeats = 0;        // over every file
  std::size_t complete_repeats = 0;
  std::string describe() const; // "thread_pool P=4", "multi_loop L=2"
};

struct VariantComparison {
  std::string label;
  VariantSetup baseline, candidate;
  std::vector<MetricComparison> metrics; // every metric, in compare_metrics() order
  // Within-run facts, secondary: do B's task latencies (queue waits), all runs pooled, tend to
  // differ from A's? Tasks of one run share its machine state, so this is not run-to-run noise.
  // Nullopt when a side has none.
  std::optional<RankSumTest> latency_shift, queue_wait_shift;
  // What the generator said of itself, HTTP targets only: "could not keep the rate".
  std::vector<std::string> generator_warnings_baseline, generator_warnings_candidate;

  const MetricComparison *find(Metric metric) const;
};

struct RunSide {
  std::string name;               // as the caller named it: the file path(s)
  std::vector<std::string> files; // one name per results file
  std::string experiment;
  RunStatus status = RunStatus::completed; // the worst of the files'
  int repeats = 0;                         // over every file
  double time_scale = 1;
  std::string build_type;
  int cores = 0;
  std::string cpu_model;
  std::string hostname;
};

struct Comparison {
  RunSide baseline, candidate;
  std::vector<VariantComparison> variants; // matched by label, in the baseline's order
  std::vector<std::string> only_in_baseline, only_in_candidate;
  // Differences that make the numbers less comparable: time scale, load, host, a run that did
  // not complete, machines of another kind when allowed. Sentences for a person.
  std::vector<std::string> notes;
  double confidence = 0.95;
};

// One side: one or more results files of the same experiment, with the names they are known by.
struct RunSet {
  std::vector<RunResults> runs;
  std::vector<std::string> names; // as many as runs
};

struct CompareOptions {
  std::string baseline_name = "A", candidate_name = "B"; // for one results file a side
  double confidence = 0.95;
  // Compare runs made on machines of different kinds (cores, CPU model, build type), or a side
  // whose files did: refused unless this is set, and then said in the notes.
  bool allow_mixed_machines = false;
};

// Thrown when the sides cannot be compared fairly: different kinds of machine, or files of
// different experiments on one side. The message says which, and what differs.
struct CompareRefused : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

Comparison compare_runs(const RunSet &baseline, const RunSet &candidate,
                        const CompareOptions &options = {});
// One results file a side.
Comparison compare_runs(const RunResults &baseline, const RunResults &candidate,
                        const CompareOptions &options = {});

// The sentences that make a comparison doubtful for one metric: a side whose runs drift or fall
// into two groups, a generator that could not keep up. Empty when none.
std::vector<std::string> comparison_warnings(const Comparison &comparison, Metric metric);

} // namespace conlab
