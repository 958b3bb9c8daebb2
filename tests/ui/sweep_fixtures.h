// Sweep results made by hand, so the sweep charts can be checked against known numbers: a pool
// of P threads (1, 2, 4, 8) or P × C, two variants, two repeats per point.
#pragma once

#include "core/results/results.h"
#include "core/sweep/sweep.h"

namespace conlab::ui::test {

// Variant 0 ("pool") gains throughput up to P = 4 and then stays flat: its knee is P = 4.
// Variant 1 ("loop") never changes. Throughput per repeat is mean ∓ 10 (repeat 0, 1); the
// simulation says `mean`, except at P = 2 for variant 0 where it says half: a > 10% disagreement.
inline double hand_made_throughput(std::size_t variant, double p, double c = 1) {
  return variant == 0 ? 100 * std::min(p, 4.0) * c : 50 * c;
}

inline RunResults hand_made_sweep(bool two_axes = false) {
  RunResults r;
  Experiment &e = r.experiment;
  e.name = "hand-made";
  e.repeats = 2;
  e.load.tasks = 100;
  e.load.clients = 100;
  const Step wait{StepKind::blocking_io, Duration{.ms = 100}};
  e.variants = {Variant{.label = "pool",
                        .model = "thread_pool",
                        .pool_size = PoolSize{.value = 4},
                        .steps = {wait}},
                Variant{.label = "loop", .model = "event_loop", .steps = {wait}}};
  Sweep sweep;
  sweep.axes.push_back(SweepAxis{.parameter = SweepParameter::pool_size, .values = {1, 2, 4, 8}});
  if (two_axes)
    sweep.axes.push_back(SweepAxis{.parameter = SweepParameter::clients, .values = {1, 2, 3}});
  e.sweep = sweep;
  SweepResults results;
  for (const std::vector<double> &values : sweep_points(sweep)) {
    SweepPoint point{values, {}};
    const double c = two_axes ? values[1] : 1;
    for (std::size_t v = 0; v < 2; ++v) {
      const double mean = hand_made_throughput(v, values[0], c);
      SweepVariantPoint vp;
      for (int repeat = 0; repeat < 2; ++repeat) {
        SweepMetrics m;
        m.throughput_per_s = mean + (repeat == 0 ? -10 : 10);
        m.makespan_s = 100 / m.throughput_per_s;
        vp.measurements.push_back({repeat, results.points.size() * 2 + repeat, true, m});
      }
      SweepMetrics simulated;
      simulated.throughput_per_s = mean;
      simulated.makespan_s = 100 / mean;
      if (v == 0 && values[0] == 2) {
        simulated.throughput_per_s = mean / 2;
        simulated.makespan_s = 2 * 100 / mean;
      }
      vp.simulated = simulated;
      point.variants.push_back(vp);
    }
    results.points.push_back(std::move(point));
  }
  results.runs_total = results.runs_done = results.points.size() * 2;
  r.sweep = std::move(results);
  return r;
}

} // namespace conlab::ui::test
