// What a sweep shows, in numbers and sentences: where adding threads or clients stops paying
// (the knee), a Universal Scalability Law fit of throughput against that concurrency, and the
// points where measurement and simulation disagree by more than 10% — a finding in itself
// (overhead, contention, the scheduler) rather than noise to hide.
#pragma once

#include "core/analysis/usl_fit.h"
#include "core/experiment/spec.h"
#include "core/sweep/sweep_results.h"

#include <optional>
#include <string>
#include <vector>

namespace conlab {

inline constexpr double kKneeTolerance = 0.05;        // within 5% of the best value
inline constexpr double kDisagreementThreshold = 0.10; // measured vs simulated makespan

struct Knee {
  double at = 0;         // the smallest parameter value within kKneeTolerance of the best
  double value = 0;      // the metric there
  double best_at = 0;    // where the metric is best
  double best_value = 0;
  bool at_first = false; // the first value is already as good as it gets: it never paid
  bool at_last = false;  // still improving at the end of the sweep: no knee inside it
};

// `xs` ascending. nullopt when there are fewer than two points.
std::optional<Knee> find_knee(const std::vector<double> &xs, const std::vector<double> &ys,
                              bool higher_is_better);

struct Disagreement {
  std::size_t point = 0; // index into SweepResults::points
  double measured_s = 0, simulated_s = 0;
  double relative = 0; // (measured − simulated) / simulated
};

struct SweepVariantAnalysis {
  std::string label;
  std::optional<Knee> knee;   // throughput against a concurrency parameter, one-axis sweeps
  std::optional<UslFit> usl;  // the same points
  std::vector<Disagreement> disagreements;
  std::size_t compared = 0;   // points with both a measurement and a simulation
  std::vector<std::string> findings; // sentences for the summary
};

struct SweepAnalysis {
  std::vector<SweepVariantAnalysis> variants;
};

SweepAnalysis analyze_sweep(const Experiment &experiment, const SweepResults &sweep);

} // namespace conlab
