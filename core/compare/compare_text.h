// A comparison's cells as a person reads them, the same in conlab-cli compare and the desktop
// lab's compare view: values, B/A, the verdict and the noise interval.
#pragma once

#include "core/compare/compare.h"
#include "core/compare/regression_gate.h"

#include <optional>
#include <string>

namespace conlab {

std::string compare_value_text(Metric metric, const std::optional<double> &value); // "—" if none
std::string compare_ratio_text(const MetricComparison &m); // "0.98×", "17×", "—"
// "better", "worse", "within noise", "changed"; with the noise unknown, the direction with a
// question mark ("worse?"), or "same".
std::string compare_verdict_text(const MetricComparison &m);
// "bootstrap [+1.20 ms, +3.40 ms]", "Welch t [...]", or why the noise was not estimated.
std::string compare_noise_text(const MetricComparison &m);

// "+23% worse", "0.6% better", "unchanged"; from a zero baseline only the direction is known.
std::string change_text(double worsening);
// The gate's word on one variant: "regressed: +30% worse, beyond the noise (Welch t ...)",
// "ok: +2.0% worse, within the threshold", "no verdict: 1 run each: noise unknown — ...".
std::string gate_variant_text(const GateVariant &v, const VariantComparison &variant,
                              const RegressionGate &gate);
// "regressed", "pass: no regression", "not enough evidence: ...".
std::string gate_result_text(const GateReport &gate);

} // namespace conlab
