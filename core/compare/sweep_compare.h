// Two sweeps over the same grid, point by point and variant by variant, with the same rules as
// two single runs (compare.h): every complete repeat of a variant at a point is one run, and the
// noise of each metric is Welch's t interval over the per-run values. Points are matched by
// their values, variants by label.
//
// A grid compares many (point, variant) pairs at once, and each 95% interval misses 1 time in 20:
// over 30 pairs some "change" would show up in most A/A comparisons. So the intervals are
// Bonferroni-corrected: with m pairs each is a 1 − 0.05/m interval, and the chance that any pair of
// an unchanged sweep is called changed stays at most 5%. It is the simplest correction that
// holds whatever the pairs' dependence; the price is wider intervals on big grids.
//
//   const SweepComparison c = compare_sweeps(a, b, {});
//   for (const SweepPointComparison &p : c.points)
//     ... p.label, p.comparison.variants[i].find(Metric::latency_p99) ...
#pragma once

#include "core/compare/compare.h"
#include "core/compare/regression_gate.h"

#include <string>
#include <vector>

namespace conlab {

// The metrics a sweep keeps per run; the others (queue wait, peak RSS) are not in its results.
bool sweep_keeps(Metric metric);

struct SweepPointComparison {
  std::vector<double> values; // one per axis
  std::string label;          // "P = 4", "P = 4, C = 16"
  // The point's variants compared as single runs are (notes and the sides are the sweep's).
  Comparison comparison;
};

struct SweepComparison {
  RunSide baseline, candidate;
  Sweep sweep;                              // the baseline's grid
  std::vector<SweepPointComparison> points; // measured on both sides, in the baseline's grid order
  std::vector<std::string> only_in_baseline, only_in_candidate; // point labels
  std::vector<std::string> notes; // as for two runs: load, time scale, hosts, ...
  double confidence = 0.95;       // for the whole grid
  double point_confidence = 0.95; // of each interval: Bonferroni over the pairs compared
  std::size_t pairs = 0;          // (point, variant) pairs compared
};

// Throws CompareRefused when the sides are not both sweeps, sweep different parameters, ran on
// machines of different kinds (unless allowed) or share no point; std::invalid_argument for an
// empty side. One results file a side.
SweepComparison compare_sweeps(const RunResults &baseline, const RunResults &candidate,
                               const CompareOptions &options = {});

// Every (point, variant) pair as a variant of one comparison, labelled "P = 4 · /b", in grid
// order: what a table of two single runs shows, and what the gate judges.
Comparison as_one_comparison(const SweepComparison &comparison);

// The gate over every (point, variant) pair, labelled as in as_one_comparison.
GateReport apply_gate(const SweepComparison &comparison, const RegressionGate &gate);

// Where the metric changed beyond the noise, in words, grouped by variant when there are several:
// "latency p99: worse beyond the noise: /b at every point; /c at P = 2, P = 4; within the noise
// at the 12 other pairs", or "... worse beyond the noise at P = 4; ..." for one variant. Names at
// most `limit` points a variant and counts the rest.
std::string changed_points_text(const SweepComparison &comparison, Metric metric,
                                std::size_t limit = 8);

} // namespace conlab
