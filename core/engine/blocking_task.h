// Runs a whole task on the calling thread, the way a thread-based server runs a request: every
// step blocks the thread, `io` included, because a plain thread has no loop to return to.
#pragma once

#include "core/engine/model.h"

#include <functional>

namespace conlab {

// Records start and (unless stopped) finish. Returns false if a stop cut the task short. Under a
// GIL the thread holds the lock while it runs the task and drops it when the task ends.
bool run_task_blocking(ModelContext &context, std::uint32_t task);

// One blocking or cpu step of `task` on the calling thread; shared by loops that offload such
// steps. Under a GIL it keeps CPython's rules: `cpu` computes only while holding the lock and
// checks for drop requests between short slices; `io` and `blocking_io` drop the lock while they
// wait and take it back afterwards. The thread holds the lock when the step returns; the caller
// drops it (leave_python) when the task leaves the thread.
bool run_step_blocking(const ModelContext &context, std::uint32_t task, StepKind kind,
                       std::int64_t ns);

// Computes for `ns` of one core holding `gil`, in slices with a check point between them; each
// wait to get the lock back after a forced switch is handed to `on_wait` (ns) as it ends.
// Returns false when a stop cut it short.
bool burn_holding_gil(const CpuWork &cpu, Gil &gil, std::int64_t ns, const std::stop_token &stop,
                      const std::function<void(std::int64_t)> &on_wait = {});

} // namespace conlab
