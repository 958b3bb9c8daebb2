#include "core/engine/threads/threads_needed.h"

#include "core/engine/model_registry.h"

#include <algorithm>

namespace conlab {

std::int64_t threads_at_once(const Variant &variant, const Load &load, int cores) {
  const ModelInfo *info = find_model(variant.model);
  if (!info || !info->shape)
    return 0;
  std::int64_t threads = variant.background_cpu_threads.value_or(0);
  if (variant.model == "thread_per_task")
    return threads + (load.kind == LoadKind::closed ? std::min(load.tasks, load.clients) : 0);
  const ScheduleShape shape = info->shape(variant, cores);
  return threads + shape.task_threads + shape.loops + shape.executor_threads;
}

std::optional<ThreadShortfall> thread_shortfall(const Variant &variant, const Load &load,
                                                int cores) {
  const std::int64_t needed = threads_at_once(variant, load, cores);
  if (needed <= kThreadMargin)
    return std::nullopt;
  ThreadLimit limit = thread_headroom(variant.stack_bytes());
  if (needed <= limit.allows)
    return std::nullopt;
  return ThreadShortfall{needed, std::move(limit)};
}

} // namespace conlab
