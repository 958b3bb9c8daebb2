// Simulation against measurement over a sweep: for every point and variant of a preset with a
// sweep, the measured makespan (mean over repeats) beside the simulated one, the error, and the
// mean and worst absolute error per variant; then the simulator's own speed on the same grid.
// Usage: bench_sweep_fidelity [preset] [time scale] [repeats]   (default pool-size-sweep 0.2 3)
#include "core/analysis/simulator.h"
#include "core/experiment/presets.h"
#include "core/experiment/spec_json.h"
#include "core/sweep/sweep.h"
#include "core/sweep/sweep_runner.h"
#include "core/util/format.h"

#include <QCoreApplication>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv) {
  using namespace conlab;
  QCoreApplication app(argc, argv); // qt_event_loop variants need one
  const std::string name = argc > 1 ? argv[1] : "pool-size-sweep";
  const Preset *preset = find_preset(name);
  if (!preset) {
    std::fprintf(stderr, "no preset %s\n", name.c_str());
    return 2;
  }
  const int cores = available_cores();
  Experiment e = parse_experiment_text(preset->json, cores);
  if (!e.sweep) {
    std::fprintf(stderr, "%s has no sweep\n", name.c_str());
    return 2;
  }
  if (argc > 2)
    e.time_scale = std::atof(argv[2]);
  if (argc > 3)
    e.repeats = std::atoi(argv[3]);

  const RunResults r = run_sweep(e);
  std::printf("%s, time scale %s, %d repeats, %d cores, %s\n\n", e.name.c_str(),
              human_scale(e.time_scale).c_str(), e.repeats, cores,
              human_span(r.wall_time_s).c_str());
  for (std::size_t v = 0; v < e.variants.size(); ++v) {
    double sum = 0, worst = 0;
    int n = 0;
    std::printf("%s\n", e.variants[v].label.c_str());
    for (const SweepPoint &p : r.sweep->points) {
      const SweepVariantPoint &vp = p.variants[v];
      const auto measured = vp.mean(SweepMetric::makespan);
      if (!measured || !vp.simulated)
        continue;
      const double error = (*measured - vp.simulated->makespan_s) / vp.simulated->makespan_s;
      std::printf("  %-24s measured %-9s simulated %-9s %+6.1f%%\n",
                  point_text(*e.sweep, p.values).c_str(), human_duration(*measured).c_str(),
                  human_duration(vp.simulated->makespan_s).c_str(), error * 100);
      sum += std::abs(error);
      worst = std::max(worst, std::abs(error));
      ++n;
    }
    if (n > 0)
      std::printf("  mean |error| %.1f%%, worst %.1f%%\n\n", sum / n * 100, worst * 100);
  }

  // The simulator alone on the same grid: every point and variant, timed.
  std::uint64_t tasks = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto &values : sweep_points(*e.sweep)) {
    const Experiment at = experiment_at(e, values);
    for (std::size_t v = 0; v < at.variants.size(); ++v)
      tasks += simulate(at, v, cores).summary.completed;
  }
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("simulating the whole grid: %llu tasks in %.4f s (%.0f simulated tasks/s)\n",
              static_cast<unsigned long long>(tasks), took, static_cast<double>(tasks) / took);
  return 0;
}
