// Collects one TaskSample per task without locks: every task owns its slot, and the counters
// that telemetry reads are atomics. Worker threads get small, stable indices for the timeline.
//
// The slots live in chunks of 65,536 that are allocated when a task in them is first touched,
// so the memory a recorder holds follows the tasks that ran, not how many it was allowed: an
// HTTP run for a duration may send any number of requests up to its cap.
//
// With a sample budget, only the first tasks' chunks are kept. A chunk beyond it is handed over
// once every task in it has ended (take_ended_chunks), to be folded into histograms and freed,
// so a run of any length holds the budget plus the chunks still in flight.
#pragma once

#include "core/engine/run_clock.h"
#include "core/engine/task_causes.h"
#include "core/engine/task_sample.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace conlab {

// Unmaps the causes of a run's tasks (see measure_causes).
struct FreeCauses {
  std::size_t bytes = 0; // of the mapping
  void operator()(TaskCauses *causes) const;
};

class TaskRecorder {
public:
  // `chunk_bits`: tasks per chunk as a power of two (10 … 16).
  TaskRecorder(std::uint32_t tasks, const RunClock &clock, std::uint32_t chunk_bits = kChunkBits);
  ~TaskRecorder();
  TaskRecorder(const TaskRecorder &) = delete;
  TaskRecorder &operator=(const TaskRecorder &) = delete;

  void submitted(std::uint32_t task, std::int64_t submit_ns);
  // Returns the start time it recorded (run clock ns), which a task may take for "now".
  std::int64_t started(std::uint32_t task);
  void started(std::uint32_t task, std::int64_t start_ns); // timed by the caller, on this thread
  void finished(std::uint32_t task);
  // The task ended without a result (an HTTP request with no usable answer): it counts as
  // ended, and its sample leaves the recorder with `failed` set.
  void failed(std::uint32_t task);
  // Only while the task is suspended waiting for that executor (no other thread touches it).
  void executor_waited(std::uint32_t task, std::int64_t ns) { slot(task).add_executor_wait(ns); }
  void handed_off(std::uint32_t task, std::int64_t ns) { slot(task).add_handoff(ns); }
  // Worker processes report a task's start and end themselves (multi_loop with processes):
  // times from the run's clock, `worker` from reserve_workers().
  void started_at(std::uint32_t task, std::int64_t start_ns, std::uint32_t worker);
  void finished_at(std::uint32_t task, std::int64_t end_ns);
  std::uint32_t reserve_workers(std::uint32_t count) {
    return m_workers.fetch_add(count, std::memory_order_relaxed);
  }
  // By the thread that runs the task at the moment (a task runs on one thread at a time): a
  // wait for the interpreter lock that ended at `end_ns`. Its interval is kept too for the
  // first kGilWaitTasks tasks (once keep_gil_waits() was called), when it lasted 1 µs or more.
  static constexpr std::uint32_t kGilWaitTasks = 2000;
  void keep_gil_waits();
  void gil_waited(std::uint32_t task, std::int64_t ns, std::int64_t end_ns) {
    slot(task).add_gil_wait(ns);
    if (ns >= 1000 && task < m_gil_waits.size())
      m_gil_waits[task].push_back({end_ns - ns, end_ns});
  }
  std::int64_t gil_wait_ns(std::uint32_t task) { return slot(task).gil_wait_ns(); }
  // By the thread that runs the step: it ran [start_ns, end_ns] on this thread. Kept for the first
  // kGilWaitTasks tasks once keep_step_spans() was called.
  void keep_step_spans();
  void step_ran(std::uint32_t task, std::int64_t start_ns, std::int64_t end_ns, float on_cpu_s,
                float runnable_s) {
    if (task < m_step_spans.size())
      m_step_spans[task].push_back({task, worker_index(), start_ns, end_ns, on_cpu_s, runnable_s});
  }
  // Every kept span, by task then time. Only once every thread has been joined.
  std::vector<StepSpan> take_step_spans();
  // Every kept wait, by task then time. Only once every thread has been joined.
  std::vector<GilWait> take_gil_waits();

  // In-process runs: keep a TaskCauses per task (20 bytes each, in memory the kernel hands out
  // as tasks first touch it). Before the run starts. Without it, causes() is null.
  void measure_causes();
  // Only by the thread that runs the task at the moment, like its sample.
  TaskCauses *causes(std::uint32_t task) { return m_causes ? &m_causes[task] : nullptr; }
  // Only once every thread has been joined: every task's, or none when they were not measured.
  std::vector<TaskCauses> take_causes();

  std::uint32_t tasks() const { return m_tasks; } // also after take_samples()
  std::uint64_t submitted_count() const { return m_submitted.load(std::memory_order_relaxed); }
  std::uint64_t started_count() const { return m_started.load(std::memory_order_relaxed); }
  std::uint64_t finished_count() const { return m_finished.load(std::memory_order_acquire); }
  std::uint32_t worker_count() const { return m_workers.load(std::memory_order_relaxed); }
  const RunClock &clock() const { return m_clock; }

  // Only once every thread that touched the recorder has been joined: every task's sample, or
  // the first `count` (a run that stopped before its cap), in task order.
  std::vector<TaskSample> take_samples() { return take_samples(m_tasks); }
  std::vector<TaskSample> take_samples(std::uint32_t count);

  static constexpr std::uint32_t kChunkBits = 16;

  // Keep the samples of the first `budget` tasks (rounded up to a whole chunk); the rest are
  // handed over chunk by chunk. Before the run starts.
  void keep_first(std::uint32_t budget);
  std::uint32_t kept() const { return m_kept; } // tasks whose samples take_samples() returns
  std::uint32_t chunk_size() const { return 1u << m_chunk_bits; }
  // Thread-safe: the chunks beyond the budget whose every task ended since the last call, each
  // chunk_size() samples in task order (untouched slots have submit −1 and start −1).
  std::vector<std::unique_ptr<TaskSample[]>> take_ended_chunks();
  // Only once every thread has been joined: the samples beyond the budget not yet handed over,
  // of tasks below `count`.
  std::vector<TaskSample> take_unkept(std::uint32_t count);

private:
  std::uint32_t worker_index();
  TaskSample &slot(std::uint32_t task) {
    TaskSample *chunk = m_chunks[task >> m_chunk_bits].load(std::memory_order_acquire);
    return (chunk ? chunk : allocate_chunk(task >> m_chunk_bits))[task & (chunk_size() - 1)];
  }
  TaskSample *allocate_chunk(std::uint32_t chunk);
  void ended(std::uint32_t task); // counts it, and hands its chunk over when it was the last

  const RunClock &m_clock;
  const std::uint32_t m_tasks;
  const std::uint32_t m_chunk_bits;
  const std::uint32_t m_chunk_count;
  std::uint32_t m_kept;
  std::unique_ptr<std::atomic<std::uint32_t>[]> m_ended; // per chunk beyond the budget
  std::mutex m_handed_mutex;
  std::vector<std::unique_ptr<TaskSample[]>> m_handed; // ended chunks, until taken
  std::unique_ptr<std::atomic<TaskSample *>[]> m_chunks;
  std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> m_gil_waits;
  std::vector<std::vector<StepSpan>> m_step_spans;
  std::unique_ptr<TaskCauses[], FreeCauses> m_causes;
  std::atomic<std::uint64_t> m_submitted{0};
  std::atomic<std::uint64_t> m_started{0};
  std::atomic<std::uint64_t> m_finished{0};
  std::atomic<std::uint32_t> m_workers{0};
  const std::uint64_t m_generation; // tells this recorder's worker indices from an earlier one's
};

} // namespace conlab
