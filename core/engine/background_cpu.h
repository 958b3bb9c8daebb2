// `"background_cpu_threads": K`: K threads in the run's process that compute without pause while
// a variant runs, the way a CPU-bound thread sits beside a server in one Python process. Under
// the variant's GIL they hold it while they compute and give it up only on a drop request, which
// is what makes a waiting thread wake up to a switch interval late (the convoy effect). Without
// a GIL they are a noisy neighbour on the cores.
#pragma once

#include "core/engine/cpu_work.h"
#include "core/engine/gil.h"

#include <thread>
#include <vector>

namespace conlab {

class BackgroundCpu {
public:
  // Starts the threads at once; `gil` may be null.
  BackgroundCpu(int threads, const CpuWork &cpu, Gil *gil);
  BackgroundCpu(const BackgroundCpu &) = delete;
  BackgroundCpu &operator=(const BackgroundCpu &) = delete;
  // Stops and joins them (also what stop() does).
  ~BackgroundCpu();
  void stop();

private:
  std::vector<std::jthread> m_threads;
};

} // namespace conlab
