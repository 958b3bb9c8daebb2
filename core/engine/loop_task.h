// A task as a C++20 coroutine on an Asio event loop, the way `async def` runs under uvicorn:
// `io` awaits a timer and frees the loop; `blocking_io` and `cpu` run right on the loop thread
// and freeze it, unless an offload executor is given (loop.run_in_executor), in which case the
// coroutine awaits them on that executor and the loop stays free.
#pragma once

#include "core/engine/asio_loop.h"
#include "core/engine/model.h"
#include "core/engine/processes/process_executor.h"
#include "core/engine/threads/pool_threads.h"

#include <boost/asio/io_context.hpp>

#include <vector>

namespace conlab {

// Where a loop awaits its blocking and cpu steps: nowhere (they run on the loop thread), an
// executor of threads, or one of worker processes.
struct Offload {
  PoolThreads *threads = nullptr;
  ProcessExecutor *processes = nullptr;
  explicit operator bool() const { return threads || processes; }
};

// Posts the task to the loop (never runs it inline on the caller's stack, so a task that
// finishes and submits the next cannot recurse).
void spawn_task_on_loop(AsioLoop &loop, ModelContext &context, std::uint32_t task,
                        Offload offload = {});

// first .. first + count - 1 as a list.
std::vector<std::uint32_t> task_range(std::uint32_t first, std::uint32_t count);

// Hands many tasks to the loop with one wake-up; the loop starts them a chunk at a time so
// its other work (timers, the lag probe) still gets turns in between.
void spawn_tasks_on_loop(AsioLoop &loop, ModelContext &context, std::vector<std::uint32_t> tasks,
                         Offload offload = {});

} // namespace conlab
