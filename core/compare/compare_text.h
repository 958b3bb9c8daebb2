// A comparison's cells as a person reads them, the same in conlab-cli compare and the desktop
// lab's compare view: values, B/A, the verdict and the noise interval.
#pragma once

#include "core/compare/compare.h"
#include "core/compare/regression_gate.h"

#include <optional>
#include <string>
#include <vector>

namespace conlab {

std::string compare_value_text(Metric metric, const std::optional<double> &value); // "—" if none
std::string compare_ratio_text(const MetricComparison &m); // "0.98×", "17×", "—"
// "better", "worse", "within noise", "changed"; with the noise unknown, the direction with a
// question mark ("worse?"), or "same".
std::string compare_verdict_text(const MetricComparison &m);
// "bootstrap [+1.20 ms, +3.40 ms]", "Welch t [...]", or why the noise was not estimated.
std::string compare_noise_text(const MetricComparison &m);

// A confidence as a percentage with the digits it needs: "95%", "99.76%" (a sweep's corrected
// intervals), never a rounded "100%".
std::string confidence_text(double confidence);

// "+23% worse", "0.6% better", "unchanged"; from a zero baseline only the direction is known.
std::string change_text(double worsening);
// The gate's word on one variant: "regressed: +30% worse, beyond the noise (Welch t ...)",
// "ok: +2.0% worse, within the threshold", "no verdict: 1 run each: noise unknown — ...".
std::string gate_variant_text(const GateVariant &v, const VariantComparison &variant,
                              const RegressionGate &gate);
// The gate's word on the variants that matter, each "label: " + gate_variant_text: every variant
// that got worse or could not be judged; for a grid (two sweeps' pairs) only those that regressed
// or could not be judged, since its small, unproven changes would bury them. At most
// `max_unjudged` of those without a verdict; `hidden` counts the rest.
std::vector<std::string> gate_lines(const Comparison &comparison, const GateReport &gate, bool grid,
                                    std::size_t max_unjudged, std::size_t &hidden);

// "regressed", "pass: no regression", "not enough evidence: ...".
std::string gate_result_text(const GateReport &gate);

} // namespace conlab
