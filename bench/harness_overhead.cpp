// Harness overhead: what the lab itself costs per task, measured on zero-length tasks (one `io`
// step of 0 ms, i.e. a single yield to the loop) so that nothing but the machinery is timed:
// submission, start/finish records, the closed-load hand-off and the model's scheduling.
// Target: event_loop ≤ 0.15 µs per task over 1 million tasks (it was ≤ 1 µs when the engine
// was new). Each model runs with each task's time split by cause (the default) and without
// (RunOptions::split on and off): the split may cost at most 0.5 µs a task on event_loop. A `cpu`
// step of 0 ms shows what the split costs a step that a thread runs itself (two readings of its
// CPU clock and schedstat).
#include "core/engine/runner.h"
#include "core/results/environment.h"

#include <benchmark/benchmark.h>

namespace {

conlab::Experiment zero_length(const char *model, int pool, std::int64_t tasks,
                               conlab::StepKind kind) {
  conlab::Experiment e;
  e.name = "overhead";
  e.load.tasks = tasks;
  e.load.clients = tasks;
  conlab::Variant v;
  v.label = model;
  v.model = model;
  if (pool > 0)
    v.pool_size = conlab::PoolSize{"", pool};
  conlab::Step s;
  s.kind = kind;
  s.duration.ms = 0;
  v.steps.push_back(s);
  e.variants.push_back(v);
  return e;
}

void run(benchmark::State &state, const char *model, int pool, bool split,
         conlab::StepKind kind = conlab::StepKind::io) {
  const auto tasks = state.range(0);
  const conlab::Experiment e = zero_length(model, pool, tasks, kind);
  static const conlab::CpuCalibration calibration = conlab::CpuWork::calibrate(1, 5);
  conlab::RunOptions options;
  options.calibration = &calibration;
  options.split = split ? conlab::CauseSplitMode::on : conlab::CauseSplitMode::off;
  double makespan = 0;
  for (auto _ : state) {
    const conlab::RunResults r = conlab::run_experiment(e, options);
    makespan = r.variants[0].summary.makespan_s;
    state.SetIterationTime(makespan);
  }
  state.counters["ns_per_task"] = makespan * 1e9 / static_cast<double>(tasks);
  state.counters["tasks"] = static_cast<double>(tasks);
}

void event_loop(benchmark::State &state) { run(state, "event_loop", 0, true); }
void event_loop_no_split(benchmark::State &state) { run(state, "event_loop", 0, false); }
void event_loop_cpu_step(benchmark::State &state) {
  run(state, "event_loop", 0, true, conlab::StepKind::cpu);
}
void event_loop_cpu_step_no_split(benchmark::State &state) {
  run(state, "event_loop", 0, false, conlab::StepKind::cpu);
}
void thread_pool_cores(benchmark::State &state) {
  run(state, "thread_pool", conlab::available_cores(), true);
}
void thread_pool_cores_no_split(benchmark::State &state) {
  run(state, "thread_pool", conlab::available_cores(), false);
}

#define CONLAB_OVERHEAD(name)                                                                      \
  BENCHMARK(name)->Arg(1'000'000)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3)
CONLAB_OVERHEAD(event_loop);
CONLAB_OVERHEAD(event_loop_no_split);
CONLAB_OVERHEAD(event_loop_cpu_step);
CONLAB_OVERHEAD(event_loop_cpu_step_no_split);
CONLAB_OVERHEAD(thread_pool_cores);
CONLAB_OVERHEAD(thread_pool_cores_no_split);

} // namespace

BENCHMARK_MAIN();
