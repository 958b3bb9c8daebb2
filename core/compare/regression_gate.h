// The yes/no a CI job asks of a comparison: did the chosen metric get worse by more than the
// threshold AND by more than the run-to-run noise, for any variant? With too few runs to know
// the noise the answer is neither yes nor no, unless the caller accepts single runs.
#pragma once

#include "core/compare/compare.h"

#include <optional>
#include <string>
#include <vector>

namespace conlab {

struct RegressionGate {
  Metric metric = Metric::latency_p99; // the tail is what a user waits for
  double threshold = 0.05;             // relative worsening allowed, 0.05 = 5%
  // With the noise unknown (fewer than 2 runs a side), let the threshold alone decide instead of
  // answering "not enough evidence".
  bool accept_single_runs = false;
};

enum class GateOutcome { // to_string() names them in this order
  regressed,             // worse by more than the threshold and beyond the noise (or, with
                         // single runs accepted, by more than the threshold alone)
  within_threshold,      // worse, but by no more than the threshold
  within_noise,          // worse by more than the threshold, but the interval includes no change
  not_worse,             // better or unchanged
  no_evidence,           // the noise is unknown, and single runs were not accepted
  not_measured,          // a side has no value: nothing to judge
};
std::string_view to_string(GateOutcome outcome); // "regressed", "within_threshold", ...

struct GateVariant {
  std::string label;
  GateOutcome outcome = GateOutcome::not_measured;
  std::optional<double> worsening; // relative, positive = worse (see MetricComparison)
  bool noise_estimated = false;    // false: the threshold alone decided
};

// What the gate answers as a whole: a regression anywhere wins; otherwise a variant it could not
// judge for want of runs makes the answer "not enough evidence", never a pass.
enum class GateResult { // to_string() names them in this order
  pass,
  regressed,
  not_enough_evidence,
};
std::string_view to_string(GateResult result); // "pass", "regressed", "not_enough_evidence"

struct GateReport {
  RegressionGate gate;
  std::vector<GateVariant> variants; // the comparison's matched variants, in order
  GateResult result() const;
  bool regressed() const { return result() == GateResult::regressed; }
};

// Throws std::invalid_argument naming the metric when it has no better side (CPU utilisation)
// or the threshold is negative or not a number.
GateReport apply_gate(const Comparison &comparison, const RegressionGate &gate);

} // namespace conlab
