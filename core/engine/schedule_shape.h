// How a model holds threads while it runs a task, in the terms the simulator needs. Each model
// file describes itself with one of these, so a new model is simulated without touching the
// simulator.
#pragma once

namespace conlab {

struct ScheduleShape {
  // > 0: a task holds one of these threads from its start to its end (thread_pool: P;
  // thread_per_task: its thread cap). Tasks wait in FIFO order for a free one.
  int task_threads = 0;
  // > 0: tasks are dealt round-robin to this many event loops. A loop runs one thing at a time;
  // it is held through a step that does not await (blocking_io, cpu) and free during `io`.
  int loops = 0;
  // > 0 (with loops): blocking_io and cpu steps are awaited on an executor of this many
  // threads instead of holding the loop (run_in_executor, QtConcurrent).
  int executor_threads = 0;
};

} // namespace conlab
