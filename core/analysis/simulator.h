// A discrete-event simulation of a variant on an ideal machine: the model's threads, loops and
// executor as FIFO resources, M cores shared equally by whatever computes at the moment, the
// same load (closed or open) and the same drawn durations (same seed) as the real run. It
// predicts where no closed form applies: mixed steps, random durations, open load.
#pragma once

#include "core/analysis/summary.h"
#include "core/engine/task_sample.h"
#include "core/experiment/spec.h"

#include <cstdint>
#include <vector>

namespace conlab {

struct Simulation {
  std::vector<TaskSample> samples; // the predicted timeline, task by task
  Summary summary;                 // latency distribution, makespan, queue waits
  std::uint64_t events = 0;        // how much work the simulation took
};

Simulation simulate(const Experiment &experiment, std::size_t variant_index, int cores);

// What a simulation of the variant would step through: tasks × steps per task (repeats
// expanded), saturating. Its time grows with it, about a second per few million steps here, so
// callers simulate only within a budget of their own.
std::int64_t simulated_steps(const Experiment &experiment, std::size_t variant_index);

// Whether a simulation stands for the variant: the simulator has no interpreter lock and no
// background threads, so for a variant with either it would predict them away.
bool simulator_models(const Variant &variant);

} // namespace conlab
