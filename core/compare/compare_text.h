// A comparison's cells as a person reads them, the same in conlab-cli compare and the desktop
// lab's compare view: values, B/A, the verdict and the noise interval.
#pragma once

#include "core/compare/compare.h"

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

} // namespace conlab
