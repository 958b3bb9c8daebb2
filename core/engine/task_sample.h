// What the lab measures for one task: when it was submitted, started and ended, and on which
// worker thread it ran. Times are steady-clock nanoseconds from the start of the run.
#pragma once

#include <cstdint>

namespace conlab {

struct TaskSample {
  std::int64_t submit_ns = -1; // for open load: the intended arrival time
  std::int64_t start_ns = -1;
  std::int64_t end_ns = -1; // -1: the task never finished (cancelled)
  std::uint32_t task = 0;
  std::uint32_t worker = 0; // small index of the OS thread that started the task
  // Time the task spent, after it started, waiting for a thread of an executor it offloaded
  // to (event_loop_offload, qt_event_loop with offload): a queue inside the task.
  std::int64_t executor_wait_ns = 0;
  // Time the task's threads spent waiting to take the interpreter lock (variants with a GIL).
  std::int64_t gil_wait_ns = 0;
  // Time the task's steps spent on their way to a worker process and back (process_pool).
  std::int64_t handoff_ns = 0;

  bool submitted() const { return submit_ns >= 0; }
  bool started() const { return start_ns >= 0; }
  bool finished() const { return end_ns >= 0; }
  std::int64_t response_ns() const { return end_ns - submit_ns; }
  std::int64_t queue_wait_ns() const { return start_ns - submit_ns; }
  std::int64_t service_ns() const { return end_ns - start_ns; }
};

// One wait of a task for the interpreter lock, from when the thread asked for it until it had it.
// Kept for the first tasks of a run, which the timeline draws.
struct GilWait {
  std::uint32_t task = 0;
  std::int64_t start_ns = 0, end_ns = 0;
};

} // namespace conlab
