// Runs an experiment with one CPU calibration per test program: calibrating takes a while, and
// the models' tests only need it to be the same for every run they compare.
#pragma once

#include "core/engine/runner.h"

namespace conlab::test {

inline const CpuCalibration &calibration() {
  static const CpuCalibration c = CpuWork::calibrate();
  return c;
}

inline RunResults run_calibrated(const Experiment &e) {
  RunOptions options;
  options.calibration = &calibration();
  return run_experiment(e, options);
}

} // namespace conlab::test
