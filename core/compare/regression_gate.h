// The yes/no a CI job asks of a comparison: did the chosen metric get worse by more than the
// threshold AND by more than the noise, for any variant?
#pragma once

#include "core/compare/compare.h"

#include <optional>
#include <string>
#include <vector>

namespace conlab {

struct RegressionGate {
  Metric metric = Metric::latency_p99; // per-task samples: its noise is known from one repeat
  double threshold = 0.05;             // relative worsening allowed, 0.05 = 5%
};

enum class GateOutcome { // to_string() names them in this order
  regressed,             // worse by more than the threshold and beyond the noise (or, when the
                         // noise could not be estimated, by more than the threshold alone)
  within_threshold,      // worse, but by no more than the threshold
  within_noise,          // worse by more than the threshold, but the interval includes no change
  not_worse,             // better or unchanged
  not_measured,          // a side has no value: nothing to judge
};
std::string_view to_string(GateOutcome outcome); // "regressed", "within_threshold", ...

struct GateVariant {
  std::string label;
  GateOutcome outcome = GateOutcome::not_measured;
  std::optional<double> worsening; // relative, positive = worse (see MetricComparison)
  bool noise_estimated = false;    // false: the threshold alone decided
};

struct GateReport {
  RegressionGate gate;
  std::vector<GateVariant> variants; // the comparison's matched variants, in order
  bool regressed() const;
};

// Throws std::invalid_argument naming the metric when it has no better side (CPU utilisation)
// or the threshold is negative or not a number.
GateReport apply_gate(const Comparison &comparison, const RegressionGate &gate);

} // namespace conlab
