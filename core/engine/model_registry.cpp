#include "core/engine/model_registry.h"

namespace conlab {

extern const ModelInfo event_loop_model;
extern const ModelInfo event_loop_offload_model;
extern const ModelInfo thread_pool_model;
extern const ModelInfo thread_per_task_model;
extern const ModelInfo multi_loop_model;
extern const ModelInfo qt_event_loop_model;
extern const ModelInfo process_pool_model;

double StepConcurrency::of(StepKind kind) const {
  switch (kind) {
  case StepKind::io:
    return io;
  case StepKind::blocking_io:
    return blocking_io;
  case StepKind::cpu:
    return cpu;
  }
  return 1;
}

const std::vector<const ModelInfo *> &model_registry() {
  static const std::vector<const ModelInfo *> models = {
      &event_loop_model, &event_loop_offload_model, &thread_pool_model,  &thread_per_task_model,
      &multi_loop_model, &qt_event_loop_model,      &process_pool_model,
  };
  return models;
}

bool runs_in_processes(const Variant &variant) {
  const ModelInfo *info = find_model(variant.model);
  return info && info->runs_in_processes && info->runs_in_processes(variant);
}

const ModelInfo *find_model(std::string_view name) {
  for (const ModelInfo *m : model_registry())
    if (m->name == name)
      return m;
  return nullptr;
}

} // namespace conlab
