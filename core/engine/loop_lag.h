// Loop lag: a probe timer on every event loop asks to wake every few ms and records how late it
// woke. A loop that runs a blocking call cannot wake the probe, so lag is its fingerprint.
#pragma once

#include <cstdint>
#include <vector>

namespace conlab {

struct LagSample {
  std::int64_t at_ns = 0;  // when the probe should have woken
  std::int64_t lag_ns = 0; // how late it actually woke
};

struct LoopLagTrace {
  std::uint32_t loop = 0;
  std::vector<LagSample> samples;
};

// How often the probe asks to wake. Fixed in real time (not scaled): it is the resolution of
// the measurement, not part of the workload.
inline constexpr std::int64_t kLoopLagIntervalNs = 2'000'000;

} // namespace conlab
