// Where a task's time went, beside what TaskSample already splits off (its queue wait, executor
// wait, GIL wait and hand-off): on a core, ready for a core, blocked on a wait, and ready on an
// event loop that was busy with another task. In-process runs only, one per task, kept apart
// from TaskSample so that a sample stays at 48 bytes for HTTP runs, which cannot see inside a
// server's tasks.
#pragma once

#include <cmath>
#include <cstdint>

namespace conlab {

struct TaskCauses {
  // Seconds as floats, for the reason TaskSample gives: 7 significant digits in 4 bytes.
  float on_cpu_s = 0;     // the kernel's run time of the threads that ran the task's steps
  float runnable_s = 0;   // the kernel's run-queue wait of those threads, during the steps
  float blocked_s = 0;    // waiting on a timer or a blocking call
  float loop_delay_s = 0; // could go on, but its event loop was busy elsewhere
  // Handing the interpreter lock to a waiting thread before the task could end (as CPython's
  // drop_gil waits for the waiter to take it): a GIL wait its sample does not count.
  float gil_handover_s = 0;

  static float seconds(std::int64_t ns) {
    return static_cast<float>(static_cast<double>(ns) / 1e9);
  }
  static std::int64_t nanoseconds(float s) { return std::llround(static_cast<double>(s) * 1e9); }
  void add_on_cpu(std::int64_t ns) { on_cpu_s += seconds(ns); }
  void add_runnable(std::int64_t ns) { runnable_s += seconds(ns); }
  void add_blocked(std::int64_t ns) { blocked_s += seconds(ns); }
  void add_loop_delay(std::int64_t ns) { loop_delay_s += seconds(ns); }
};
static_assert(sizeof(TaskCauses) == 20);

} // namespace conlab
