#include "core/experiment/workload.h"

#include <cmath>

namespace conlab {
namespace {

std::uint64_t mix(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

} // namespace

double counter_uniform(std::uint64_t stream, std::uint64_t a, std::uint64_t b) {
  const std::uint64_t bits = mix(mix(mix(stream) ^ a) ^ (b * 0x2545f4914f6cdd1dULL));
  return static_cast<double>(bits >> 11) * 0x1.0p-53; // 53 random mantissa bits
}

Workload::Workload(const Variant &variant, double time_scale, std::uint64_t seed,
                   std::uint32_t variant_index)
    : m_steps(leaf_steps(variant.steps)), m_time_scale(time_scale),
      m_stream(mix(seed) ^ mix(0x5eed0000ULL + variant_index)) {}

bool Workload::has_kind(StepKind kind) const {
  for (const auto &s : m_steps)
    if (s.kind == kind)
      return true;
  return false;
}

std::int64_t Workload::duration_ns(std::uint32_t task, std::size_t step) const {
  const Duration &d = m_steps[step].duration;
  double ms = d.ms;
  switch (d.distribution) {
  case DistributionKind::fixed:
    break;
  case DistributionKind::uniform:
    ms = d.min_ms + (d.max_ms - d.min_ms) * counter_uniform(m_stream, task, step);
    break;
  case DistributionKind::exponential:
    // Inverse transform; 1 - u lies in (0, 1], so the log is finite.
    ms = -d.ms * std::log(1.0 - counter_uniform(m_stream, task, step));
    break;
  }
  return std::llround(ms * m_time_scale * 1e6);
}

} // namespace conlab
