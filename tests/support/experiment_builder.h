// Small helpers to build experiments in code for tests, without going through JSON.
#pragma once

#include "core/experiment/spec.h"

#include <string>
#include <vector>

namespace conlab::test {

inline Step step(StepKind kind, double ms) {
  Step s;
  s.kind = kind;
  s.duration.ms = ms;
  return s;
}

// {"repeat": times, "steps": body}
inline Step repeat(std::int64_t times, std::vector<Step> body) {
  Step s;
  s.repeat = times;
  s.steps = std::move(body);
  return s;
}

inline Variant variant(std::string model, StepKind kind, double ms, int pool = 0, int loops = 0,
                       bool offload = false) {
  Variant v;
  v.label = model + "/" + to_string(kind);
  v.model = std::move(model);
  if (pool > 0)
    v.pool_size = PoolSize{"", pool};
  if (loops > 0)
    v.loops = loops;
  if (offload)
    v.offload = true;
  v.steps.push_back(step(kind, ms));
  return v;
}

inline Experiment closed_experiment(Variant v, std::int64_t tasks, std::int64_t clients,
                                    double time_scale = 1.0) {
  Experiment e;
  e.name = "test";
  e.load.kind = LoadKind::closed;
  e.load.tasks = tasks;
  e.load.clients = clients;
  e.time_scale = time_scale;
  e.variants.push_back(std::move(v));
  return e;
}

} // namespace conlab::test
