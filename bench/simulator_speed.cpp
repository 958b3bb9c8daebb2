// Simulator speed: simulated tasks per second for 100,000 tasks of a mixed, drawn workload.
// Target (issue: sweeps and simulator): well under a second for 100,000 tasks.
// Usage: bench_simulator [tasks]
#include "core/analysis/simulator.h"
#include "tests/support/experiment_builder.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
  using namespace conlab;
  const std::int64_t tasks = argc > 1 ? std::atoll(argv[1]) : 100'000;
  Variant v = test::variant("event_loop_offload", StepKind::blocking_io, 10, 8);
  v.steps[0].duration.distribution = DistributionKind::exponential;
  v.steps.push_back(test::step(StepKind::cpu, 1));
  v.steps.push_back(test::step(StepKind::io, 5));
  const Experiment e = test::closed_experiment(v, tasks, 1'000);
  const auto t0 = std::chrono::steady_clock::now();
  const Simulation s = simulate(e, 0, 2);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%lld tasks, %llu events in %.3f s: %.0f tasks/s; simulated makespan %.3f s\n",
              static_cast<long long>(tasks), static_cast<unsigned long long>(s.events), took,
              static_cast<double>(tasks) / took, s.summary.makespan_s);
  return took < 1.0 ? 0 : 1;
}
