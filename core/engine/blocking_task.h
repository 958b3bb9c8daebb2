// Runs a whole task on the calling thread, the way a thread-based server runs a request: every
// step blocks the thread, `io` included, because a plain thread has no loop to return to.
#pragma once

#include "core/engine/model.h"

namespace conlab {

// Records start and (unless stopped) finish. Returns false if a stop cut the task short.
bool run_task_blocking(ModelContext &context, std::uint32_t task);

// One blocking or cpu step on the calling thread; shared by loops that offload such steps.
bool run_step_blocking(const ModelContext &context, StepKind kind, std::int64_t ns);

} // namespace conlab
