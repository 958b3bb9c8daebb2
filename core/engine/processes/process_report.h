// What a variant's worker processes cost and how they ended (process_pool, and multi_loop with
// "processes": true), once they have all been reaped.
#pragma once

#include <cstdint>
#include <string>

namespace conlab {

// The most worker processes one variant may start.
inline constexpr int kMaxWorkerProcesses = 256;

struct ProcessReport {
  int workers = 0;           // started (0: none was needed)
  double start_s = 0;        // forking them until every one was ready
  bool start_in_run = false; // started by the run's first task (inside the makespan), not before
  double cpu_time_s = 0;     // the workers' own, from wait4
  std::int64_t voluntary_context_switches = 0;
  std::int64_t involuntary_context_switches = 0;
  std::string error; // a worker died: which, how, and what it took down
  std::uint32_t tasks_taken_down = 0;

  // A reaped worker's CPU and context switches, added to the variant's.
  template <typename Exit> void add_usage(const Exit &exit) {
    cpu_time_s += exit.cpu_time_s;
    voluntary_context_switches += exit.voluntary_context_switches;
    involuntary_context_switches += exit.involuntary_context_switches;
  }
};

} // namespace conlab
