// Real computation for `cpu` steps: fixed work, not fixed time. Calibrated once per run so that
// one unit (1 ms at time scale 1) takes about 1 ms on one idle core of this machine; two tasks
// sharing one core then take twice as long, which is what makes parallel speed-up visible.
#pragma once

#include <cstdint>
#include <stop_token>

namespace conlab {

struct CpuCalibration {
  double iterations_per_ms = 0;
  int trials = 0;
  double calibration_ms = 0; // wall time spent calibrating
};

class CpuWork {
public:
  explicit CpuWork(CpuCalibration calibration) : m_calibration(calibration) {}

  // Measures this machine: several short trials, keeping the fastest (least disturbed) one.
  static CpuCalibration calibrate(int trials = 5, double trial_ms = 20);

  // Computes for the work worth `ns` of one core; returns early if a stop is requested.
  // Returns false when it stopped early.
  bool burn(std::int64_t ns, const std::stop_token &stop) const;

  const CpuCalibration &calibration() const { return m_calibration; }

private:
  CpuCalibration m_calibration;
};

// The computation itself: a dependent chain of integer mixing the compiler cannot skip.
std::uint64_t cpu_kernel(std::uint64_t iterations, std::uint64_t state);

} // namespace conlab
