#include "core/compare/compare_text.h"

#include "core/util/translatable.h"

#include <cmath>
#include <cstdio>

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
  const std::string name = m.noise.method == NoiseMethod::bootstrap ? "bootstrap" : "Welch t";
  return name + " [" + metric_delta_text(m.metric, m.noise.interval.low) + ", " +
         metric_delta_text(m.metric, m.noise.interval.high) + "]";
}

std::string compare_value_text(Metric metric, const std::optional<double> &value) {
  return value ? metric_text(metric, *value) : std::string(kDash);
}

} // namespace conlab
