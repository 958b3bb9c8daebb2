// The GIL: what it costs and what it does, on this machine.
//  - overhead: one thread computing 100 ms holding an uncontended lock (slices and check points)
//    against the same computation without a lock; target ≤ 2%;
//  - cpu-bound: 8 tasks of 100 ms on a thread pool of `cores` threads with the GIL and without
//    it, and on one event loop (serial): the speed-up the lock takes away;
//  - processes: the same 8 tasks on a process pool of `cores` worker processes under the GIL, and
//    on `cores` loops in processes (uvicorn --workers): the speed-up worker processes give back,
//    and what they cost (the workers' start, each step's hand-off);
//  - convoy: gil-convoy's p50 response beside a CPU-bound thread with the GIL, against alone.
// Usage: bench_gil   (run it three times and report min, median and max of each figure)
#include "core/engine/blocking_task.h"
#include "core/engine/runner.h"
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "core/results/environment.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The best of 11 alternating trials of each, so that a disturbed trial does not count.
double gil_overhead(const conlab::CpuWork &cpu) {
  constexpr std::int64_t kStepNs = 100'000'000;
  double plain = 1e9, locked = 1e9;
  for (int i = 0; i < 11; ++i) {
    auto start = Clock::now();
    cpu.burn(kStepNs, std::stop_token{});
    plain = std::min(plain, seconds(start));
    conlab::Gil gil(5'000'000);
    start = Clock::now();
    gil.acquire();
    conlab::burn_holding_gil(cpu, gil, kStepNs, std::stop_token{});
    gil.release();
    locked = std::min(locked, seconds(start));
  }
  return locked / plain - 1;
}

conlab::Summary summary(const conlab::Variant &v, std::int64_t tasks, std::int64_t clients,
                        const conlab::CpuCalibration &calibration) {
  conlab::Experiment e;
  e.name = "bench";
  e.load.tasks = tasks;
  e.load.clients = clients;
  e.variants = {v};
  conlab::RunOptions options;
  options.calibration = &calibration;
  return conlab::run_experiment(e, options).variants.front().summary;
}

double makespan(const conlab::Variant &v, std::int64_t tasks, std::int64_t clients,
                const conlab::CpuCalibration &calibration) {
  return summary(v, tasks, clients, calibration).makespan_s;
}

conlab::Variant cpu_variant(const char *model, int pool, bool gil) {
  conlab::Variant v;
  v.label = model;
  v.model = model;
  if (pool)
    v.pool_size = conlab::PoolSize{"", pool};
  if (gil)
    v.gil = conlab::GilKind::cpython;
  conlab::Step step;
  step.kind = conlab::StepKind::cpu;
  step.duration.ms = 100;
  v.steps = {step};
  return v;
}

} // namespace

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  const int cores = conlab::available_cores();
  const conlab::CpuCalibration calibration = conlab::CpuWork::calibrate();
  const conlab::CpuWork cpu(calibration);

  const double overhead = gil_overhead(cpu);
  std::printf("overhead: uncontended GIL on a 100 ms cpu step: %+.2f%% (target ≤ 2%%)\n",
              overhead * 100);

  const double with = makespan(cpu_variant("thread_pool", cores, true), 8, 8, calibration);
  const double without = makespan(cpu_variant("thread_pool", cores, false), 8, 8, calibration);
  const double serial = makespan(cpu_variant("event_loop", 0, false), 8, 8, calibration);
  std::printf("cpu-bound: 8 × 100 ms, thread pool of %d: GIL %.3f s, no GIL %.3f s "
              "(no GIL %.2f× faster); one loop %.3f s (GIL pool %.2f× the loop's speed)\n",
              cores, with, without, with / without, serial, serial / with);

  const conlab::Summary pool = summary(cpu_variant("process_pool", cores, true), 8, 8, calibration);
  conlab::Variant loops_variant = cpu_variant("multi_loop", 0, true);
  loops_variant.loops = cores;
  loops_variant.processes = true;
  const double loops = makespan(loops_variant, 8, 8, calibration);
  std::printf("processes: 8 × 100 ms under the GIL, process pool of %d: %.3f s (%.2f× the loop's "
              "speed; workers' start %.2f ms, hand-off p50 %.1f µs); %d loops in processes %.3f s "
              "(%.2f×)\n",
              cores, pool.makespan_s, serial / pool.makespan_s, pool.processes.start_s * 1e3,
              pool.handoff_s.p50 * 1e6, cores, loops, serial / loops);

  conlab::Experiment convoy =
      conlab::parse_experiment_text(conlab::find_preset("gil-convoy")->json, cores);
  conlab::RunOptions options;
  options.calibration = &calibration;
  const conlab::RunResults r = conlab::run_experiment(convoy, options);
  const double alone = r.variants[0].summary.latency_s.p50;
  const double beside = r.variants[1].summary.latency_s.p50;
  const double free = r.variants[2].summary.latency_s.p50;
  std::printf("convoy: p50 response of a 1 ms wait: alone %.3f ms, beside a CPU thread with the "
              "GIL %.3f ms (%.1f×), without it %.3f ms\n",
              alone * 1e3, beside * 1e3, beside / alone, free * 1e3);
  return overhead <= 0.02 ? 0 : 1;
}
