#include "core/compare/regression_gate.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace conlab {
namespace {

GateVariant judge(const VariantComparison &variant, const RegressionGate &gate) {
  GateVariant out;
  out.label = variant.label;
  const MetricComparison *m = variant.find(gate.metric);
  if (!m || !m->measured())
    return out;
  out.worsening = m->worsening();
  out.noise_estimated = m->noise.estimated();
  if (!out.noise_estimated && !gate.accept_single_runs)
    out.outcome = GateOutcome::no_evidence;
  else if (m->verdict == Verdict::better || !out.worsening || !(*out.worsening > 0))
    out.outcome = GateOutcome::not_worse;
  else if (!(*out.worsening > gate.threshold))
    out.outcome = GateOutcome::within_threshold;
  else if (m->verdict == Verdict::within_noise)
    out.outcome = GateOutcome::within_noise;
  else
    out.outcome = GateOutcome::regressed; // worse beyond the noise, or single runs accepted
  return out;
}

} // namespace

std::string_view to_string(GateOutcome outcome) {
  constexpr std::string_view names[] = {"regressed", "within_threshold", "within_noise",
                                        "not_worse", "no_evidence",      "not_measured"};
  return names[static_cast<std::size_t>(outcome)];
}

std::string_view to_string(GateResult result) {
  constexpr std::string_view names[] = {"pass", "regressed", "not_enough_evidence"};
  return names[static_cast<std::size_t>(result)];
}

GateResult GateReport::result() const {
  const auto any = [this](GateOutcome outcome) {
    return std::any_of(variants.begin(), variants.end(),
                       [outcome](const GateVariant &v) { return v.outcome == outcome; });
  };
  if (any(GateOutcome::regressed))
    return GateResult::regressed;
  return any(GateOutcome::no_evidence) ? GateResult::not_enough_evidence : GateResult::pass;
}

GateReport apply_gate(const Comparison &comparison, const RegressionGate &gate) {
  const MetricInfo &info = metric_info(gate.metric);
  if (info.better == Better::neither)
    throw std::invalid_argument(std::string(info.key) + " (" + std::string(info.title) +
                                ") has no better direction, so it cannot regress");
  if (!(gate.threshold >= 0) || !std::isfinite(gate.threshold))
    throw std::invalid_argument("the threshold must be a number ≥ 0");
  GateReport report;
  report.gate = gate;
  for (const VariantComparison &variant : comparison.variants)
    report.variants.push_back(judge(variant, gate));
  return report;
}

} // namespace conlab
