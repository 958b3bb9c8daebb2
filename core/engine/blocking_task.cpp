#include "core/engine/blocking_task.h"

#include "core/engine/blocking_wait.h"

namespace conlab {

bool run_step_blocking(const ModelContext &context, StepKind kind, std::int64_t ns) {
  if (kind == StepKind::cpu)
    return context.cpu().burn(ns, context.stop());
  return blocking_wait(ns, context.stop());
}

bool run_task_blocking(ModelContext &context, std::uint32_t task) {
  context.task_started(task);
  const Workload &w = context.workload();
  for (std::size_t s = 0; s < w.step_count(); ++s)
    if (!run_step_blocking(context, w.kind(s), w.duration_ns(task, s)))
      return false;
  context.task_finished(task);
  return true;
}

} // namespace conlab
