#include "core/engine/cpu_work.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>

namespace conlab {
namespace {

// Keeps kernel results observable so the optimiser cannot drop the work.
std::atomic<std::uint64_t> g_sink{0};

// Work between two looks at the stop token: ~0.25 ms, so Ctrl-C is seen promptly.
constexpr double kChunkMs = 0.25;

// CPU time of the calling thread. Calibration divides work by CPU time, not wall time, so a
// machine busy with other programs while it calibrates still measures the speed of one core.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

} // namespace

std::uint64_t cpu_kernel(std::uint64_t iterations, std::uint64_t state) {
  for (std::uint64_t i = 0; i < iterations; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    state += i;
  }
  return state;
}

CpuCalibration CpuWork::calibrate(int trials, double trial_ms) {
  using clock = std::chrono::steady_clock;
  const auto begin = clock::now();
  double best = 0;
  std::uint64_t iterations = 1 << 14;
  // Grow the batch until one batch takes about trial_ms, then time the remaining trials.
  for (int t = 0; t < trials;) {
    const double t0 = thread_cpu_ms();
    g_sink.fetch_xor(cpu_kernel(iterations, 0x1234567 + static_cast<std::uint64_t>(t)),
                     std::memory_order_relaxed);
    const double ms = thread_cpu_ms() - t0;
    if (ms < trial_ms / 2) {
      iterations *= 2;
      continue;
    }
    best = std::max(best, static_cast<double>(iterations) / ms);
    ++t;
  }
  CpuCalibration c;
  c.iterations_per_ms = best;
  c.trials = trials;
  c.calibration_ms = std::chrono::duration<double, std::milli>(clock::now() - begin).count();
  return c;
}

bool CpuWork::burn(std::int64_t ns, const std::stop_token &stop) const {
  double remaining = static_cast<double>(ns) / 1e6 * m_calibration.iterations_per_ms;
  const double chunk = kChunkMs * m_calibration.iterations_per_ms;
  std::uint64_t state = static_cast<std::uint64_t>(ns) | 1;
  while (remaining > 0) {
    if (stop.stop_requested())
      return false;
    const double now = std::min(remaining, chunk);
    state = cpu_kernel(static_cast<std::uint64_t>(std::llround(now)), state);
    remaining -= now;
  }
  g_sink.fetch_xor(state, std::memory_order_relaxed);
  return true;
}

} // namespace conlab
