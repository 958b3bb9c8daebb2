#include "core/engine/background_cpu.h"

#include "core/engine/blocking_task.h"

namespace conlab {
namespace {

// Long enough that a call costs nothing next to it, short enough to stop within a millisecond.
constexpr std::int64_t kBurstNs = 1'000'000;

void compute_until_stopped(const CpuWork &cpu, Gil *gil, const std::stop_token &stop) {
  if (!gil) {
    while (!stop.stop_requested())
      cpu.burn(kBurstNs, stop);
    return;
  }
  gil->acquire();
  while (!stop.stop_requested())
    burn_holding_gil(cpu, *gil, kBurstNs, stop);
  gil->release();
}

} // namespace

BackgroundCpu::BackgroundCpu(int threads, const CpuWork &cpu, Gil *gil) {
  m_threads.reserve(static_cast<std::size_t>(threads));
  for (int i = 0; i < threads; ++i)
    m_threads.emplace_back(
        [&cpu, gil](std::stop_token stop) { compute_until_stopped(cpu, gil, stop); });
}

BackgroundCpu::~BackgroundCpu() { stop(); }

void BackgroundCpu::stop() {
  for (std::jthread &t : m_threads)
    t.request_stop();
  m_threads.clear(); // joins
}

} // namespace conlab
