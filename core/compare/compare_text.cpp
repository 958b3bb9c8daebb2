#include "core/compare/compare_text.h"

#include "core/util/format.h"
#include "core/util/translatable.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace conlab {
namespace {

constexpr const char *kDash = "—"; // a value that does not exist

} // namespace

std::string compare_ratio_text(const MetricComparison &m) {
  const std::optional<double> ratio = m.ratio();
  if (!ratio || !std::isfinite(*ratio))
    return std::string(kDash);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, *ratio >= 99.5 ? "%.0f×" : "%.2f×", *ratio);
  return buffer;
}

// The verdicts are shown translated by the desktop lab.
std::string compare_verdict_text(const MetricComparison &m) {
  switch (m.verdict) {
  case Verdict::better:
    return CONLAB_TRANSLATABLE("conlab::compare", "better");
  case Verdict::worse:
    return CONLAB_TRANSLATABLE("conlab::compare", "worse");
  case Verdict::within_noise:
    return CONLAB_TRANSLATABLE("conlab::compare", "within noise");
  case Verdict::changed:
    return CONLAB_TRANSLATABLE("conlab::compare", "changed");
  case Verdict::not_measured:
    return std::string(kDash);
  case Verdict::noise_unknown:
    break;
  }
  if (m.delta() == 0)
    return CONLAB_TRANSLATABLE("conlab::compare", "same");
  const std::optional<double> worsening = m.worsening();
  if (!worsening)
    return CONLAB_TRANSLATABLE("conlab::compare", "changed?");
  return *worsening > 0 ? CONLAB_TRANSLATABLE("conlab::compare", "worse?")
                        : CONLAB_TRANSLATABLE("conlab::compare", "better?");
}

std::string compare_noise_text(const MetricComparison &m) {
  if (!m.noise.estimated())
    return m.noise.reason;
  return "Welch t, " + std::to_string(m.noise.n_baseline) + "+" +
         std::to_string(m.noise.n_candidate) + " runs [" +
         metric_delta_text(m.metric, m.noise.interval.low) + ", " +
         metric_delta_text(m.metric, m.noise.interval.high) + "]";
}

std::string confidence_text(double confidence) {
  char buffer[32];
  for (int digits = 0; digits < 4; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, 100 * confidence);
    if (std::fabs(std::atof(buffer) - 100 * confidence) < 0.005 || digits == 3) {
      if (std::atof(buffer) >= 100) // 99.9996% is not certainty
        std::snprintf(buffer, sizeof buffer, "%.4f", 100 * confidence);
      break;
    }
  }
  return std::string(buffer) + "%";
}

std::string change_text(double worsening) {
  if (worsening == 0)
    return "unchanged";
  if (!std::isfinite(worsening))
    return worsening > 0 ? "worse (A was 0)" : "better (A was 0)";
  return worsening > 0 ? "+" + human_percent(worsening) + " worse"
                       : human_percent(-worsening) + " better";
}

std::string gate_variant_text(const GateVariant &v, const VariantComparison &variant,
                              const RegressionGate &gate) {
  const MetricComparison *m = variant.find(gate.metric);
  if (v.outcome == GateOutcome::not_measured || !m || !v.worsening)
    return "not judged: " + (m ? m->noise.reason : std::string("not measured"));
  const std::string change = change_text(*v.worsening);
  const std::string noise = m->noise.describe(gate.metric);
  switch (v.outcome) {
  case GateOutcome::regressed:
    return "regressed: " + change + ", " +
           (v.noise_estimated
                ? "beyond the noise (" + noise + ")"
                : "and the threshold alone decides (single runs accepted; " + noise + ")");
  case GateOutcome::within_threshold:
    return "ok: " + change + ", within the threshold";
  case GateOutcome::within_noise:
    return "ok: " + change + " but within the noise (" + noise + ")";
  case GateOutcome::no_evidence:
    return "no verdict: " + change + ", but " + noise;
  case GateOutcome::not_worse:
  case GateOutcome::not_measured:
    break;
  }
  return "ok: " + change;
}

std::vector<std::string> gate_lines(const Comparison &comparison, const GateReport &gate, bool grid,
                                    std::size_t max_unjudged, std::size_t &hidden) {
  std::vector<std::string> lines;
  std::size_t unjudged = 0;
  hidden = 0;
  for (std::size_t i = 0; i < gate.variants.size() && i < comparison.variants.size(); ++i) {
    const GateVariant &v = gate.variants[i];
    const bool minor = grid && (v.outcome == GateOutcome::within_threshold ||
                                v.outcome == GateOutcome::within_noise);
    if (v.outcome == GateOutcome::not_worse || minor)
      continue;
    if (v.outcome == GateOutcome::no_evidence && ++unjudged > max_unjudged) {
      ++hidden;
      continue;
    }
    lines.push_back(v.label + ": " + gate_variant_text(v, comparison.variants[i], gate.gate));
  }
  return lines;
}

std::string gate_result_text(const GateReport &gate) {
  switch (gate.result()) {
  case GateResult::regressed:
    return "regressed";
  case GateResult::pass:
    return "pass: no regression";
  case GateResult::not_enough_evidence:
    break;
  }
  return "not enough evidence: no regression shown, but too few runs to know the noise; run "
         "each side with --repeats 5";
}

std::string compare_value_text(Metric metric, const std::optional<double> &value) {
  return value ? metric_text(metric, *value) : std::string(kDash);
}

} // namespace conlab
