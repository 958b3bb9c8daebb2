// What the lab measures for one task: when it was submitted, started and ended, and on which
// worker thread it ran. Times are steady-clock nanoseconds from the start of the run.
#pragma once

#include <cmath>
#include <cstdint>

namespace conlab {

struct TaskSample {
  std::int64_t submit_ns = -1; // for open load: the intended arrival time
  std::int64_t start_ns = -1;
  std::int64_t end_ns = -1; // -1: the task never finished (cancelled)
  std::uint32_t task = 0;
  std::uint32_t worker = 0; // small index of the OS thread that started the task
  // Waits inside the task, in seconds. A float has 7 significant digits (better than a
  // nanosecond below 8 ms, 2 µs at 17 s) in 4 bytes where nanoseconds in an int64 took 8: that
  // keeps a sample at 48 bytes, which is what a run of millions of requests holds per request.
  //
  // Time the task spent, after it started, waiting for a thread of an executor it offloaded
  // to (event_loop_offload, qt_event_loop with offload): a queue inside the task.
  float executor_wait_s = 0;
  // Time the task's threads spent waiting to take the interpreter lock (variants with a GIL).
  float gil_wait_s = 0;
  // Time the task's steps spent on their way to a worker process and back (process_pool).
  float handoff_s = 0;
  // It ended without a result (an HTTP request with no usable answer). In the padding of the
  // 48 bytes; the recorder's users turn it into an unfinished sample.
  bool failed = false;

  std::int64_t executor_wait_ns() const { return nanoseconds(executor_wait_s); }
  std::int64_t gil_wait_ns() const { return nanoseconds(gil_wait_s); }
  std::int64_t handoff_ns() const { return nanoseconds(handoff_s); }
  void add_executor_wait(std::int64_t ns) { executor_wait_s += seconds(ns); }
  void add_gil_wait(std::int64_t ns) { gil_wait_s += seconds(ns); }
  void add_handoff(std::int64_t ns) { handoff_s += seconds(ns); }

  bool submitted() const { return submit_ns >= 0; }
  bool started() const { return start_ns >= 0; }
  bool finished() const { return end_ns >= 0; }
  std::int64_t response_ns() const { return end_ns - submit_ns; }
  std::int64_t queue_wait_ns() const { return start_ns - submit_ns; }
  std::int64_t service_ns() const { return end_ns - start_ns; }

private:
  static std::int64_t nanoseconds(float s) { return std::llround(static_cast<double>(s) * 1e9); }
  static float seconds(std::int64_t ns) {
    return static_cast<float>(static_cast<double>(ns) / 1e9);
  }
};
static_assert(sizeof(TaskSample) <= 48, "a sample per request: keep it within 48 bytes");

// One wait of a task for the interpreter lock, from when the thread asked for it until it had it.
// Kept for the first tasks of a run, which the timeline draws.
struct GilWait {
  std::uint32_t task = 0;
  std::int64_t start_ns = 0, end_ns = 0;
};

// One step that a thread ran itself (a blocking call or a computation), on which thread and how
// its time split: what the timeline draws as that thread's states. Kept for the first tasks of a
// run that splits its tasks' time by cause. An offloaded step names the executor's thread, so
// event_loop_offload's P threads get rows of their own beside the loop.
struct StepSpan {
  std::uint32_t task = 0;
  std::uint32_t worker = 0; // the recorder's index of the thread, as TaskSample::worker
  std::int64_t start_ns = 0, end_ns = 0;
  float on_cpu_s = 0, runnable_s = 0; // the rest of the span was blocked (or waiting for the GIL)
};

} // namespace conlab
