// Every model the lab knows, with what the prediction and the editor need to know about it.
// Adding a model means one file in models/ that defines a ModelInfo, and one line in the
// registry (model_registry.cpp).
#pragma once

#include "core/engine/model.h"
#include "core/engine/schedule_shape.h"

#include <limits>
#include <memory>
#include <string_view>
#include <vector>

namespace conlab {

// How many tasks the model lets into a step of each kind at the same time. Unbounded is
// infinity. For cpu, the number of cores further caps real parallelism (the prediction does it).
struct StepConcurrency {
  double io = std::numeric_limits<double>::infinity();
  double blocking_io = 1;
  double cpu = 1;

  double of(StepKind kind) const;
};

struct ModelInfo {
  std::string_view name;
  std::string_view summary;         // one sentence, plain words
  std::string_view python_analogue; // what a Python programmer would write
  bool uses_pool_size = false;      // P
  bool uses_loops = false;          // L
  bool uses_offload = false;        // qt_event_loop's switch
  bool uses_processes = false;      // multi_loop's "processes" switch
  bool uses_stack_size = false;     // starts threads that run tasks: "stack_kb" applies
  std::string_view default_pool;    // named PoolSize when pool_size is absent
  bool has_event_loop = false;      // gets a loop-lag probe
  std::unique_ptr<Model> (*create)(const ModelSetup &setup) = nullptr;
  StepConcurrency (*concurrency)(const Variant &variant, int cores) = nullptr;
  ScheduleShape (*shape)(const Variant &variant, int cores) = nullptr; // for the simulator
  // Whether the variant's steps run in worker processes, each with an interpreter lock of its
  // own (process_pool; multi_loop with "processes": true). Null: never.
  bool (*runs_in_processes)(const Variant &variant) = nullptr;
};

// The registry's answer for `variant` (false for an unknown model).
bool runs_in_processes(const Variant &variant);

const std::vector<const ModelInfo *> &model_registry();
const ModelInfo *find_model(std::string_view name);

// A sanity cap on P and on thread_per_task's threads at once. The machine's own limits
// (threads/thread_limits.h), checked before a run, are what usually stops a variant first.
inline constexpr int kMaxThreads = 1'000'000;
inline constexpr int kMaxLoops = 256;

} // namespace conlab
