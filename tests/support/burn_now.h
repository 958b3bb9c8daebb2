// A closed form for computation timed on the machine as it is now: `threads` threads burning
// `total_ns` of work between them at once. Timing tests divide a run by it, so a core taken by
// something else moves both sides of the ratio.
#pragma once

#include "core/engine/cpu_work.h"

#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

namespace conlab::test {

inline double burn_now(const CpuCalibration &calibration, int threads, double total_ns) {
  const CpuWork cpu(calibration);
  const auto start = std::chrono::steady_clock::now();
  {
    std::vector<std::jthread> burners;
    for (int i = 0; i < threads; ++i)
      burners.emplace_back([&] { cpu.burn(std::llround(total_ns / threads), std::stop_token{}); });
  } // joins
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace conlab::test
