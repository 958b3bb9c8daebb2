// What one task cost, per variant: the run's totals divided so that a coroutine and a thread
// can be set side by side without a calculator. Memory per task in flight, CPU per wait (and
// the part of it that was not the tasks' own computation), context switches per task, and the
// thread start cost where the model starts threads.
#pragma once

#include "core/engine/task_sample.h"
#include "core/engine/telemetry.h"
#include "core/engine/threads/thread_starts.h"

#include <cstdint>
#include <vector>

namespace conlab {

struct TaskCost {
  bool measured = false;
  double peak_in_flight = 0;           // tasks submitted and not yet finished, at most at once
  double rss_above_baseline_bytes = 0; // peak RSS − the RSS just before the model was built
  double memory_per_task_bytes = 0;    // the two above divided
  double waits_per_task = 0;           // io and blocking_io steps of one task (0: none)
  double cpu_per_wait_s = 0;           // the process's CPU time ÷ the finished tasks' waits
  // CPU per wait less the tasks' own computation (their cpu steps): what waiting and waking
  // cost the lab's scheduling, coroutine resumes or kernel switches.
  double overhead_per_wait_s = 0;
  double voluntary_switches_per_task = 0;   // the thread blocked or slept
  double involuntary_switches_per_task = 0; // the kernel took the core away
  double threads_started = 0;               // threads the model started to run tasks
  double thread_start_s = 0; // mean CPU time of pthread_create, in the thread that called it
};

// The tasks' own computation is the calibrated length of their cpu steps, which a core runs some
// percent faster or slower from one run to the next (frequency, a neighbour on the host). An
// overhead per wait below a tenth of that computation cannot be told from the drift: that tenth
// is the resolution, and an overhead below it reads "< resolution". Zero where tasks do not
// compute.
double overhead_resolution_s(const TaskCost &cost);
inline bool overhead_resolved(const TaskCost &cost) {
  return cost.overhead_per_wait_s >= overhead_resolution_s(cost);
}

// What the division needs beyond the samples and the resource use.
struct TaskCostInputs {
  std::int64_t baseline_rss_bytes = 0;
  double waits_per_task = 0;
  double computation_per_task_s = 0; // the mean of the cpu steps, time scale applied
  ThreadStarts thread_starts;
};

TaskCost measure_task_cost(const std::vector<TaskSample> &samples, const ResourceUsage &resources,
                           const TaskCostInputs &inputs);

// Several repeats of one variant: the mean of each figure, the peaks' maximum.
TaskCost combine_task_costs(const std::vector<TaskCost> &repeats);

// The most tasks submitted and not finished at any instant, from the samples themselves (the
// telemetry samples every few ms and can miss the peak).
std::uint32_t peak_in_flight(const std::vector<TaskSample> &samples);

} // namespace conlab
