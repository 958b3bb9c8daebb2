// Results a finished run would have, made without running anything: for the history tests and
// for the writer processes of the concurrency test.
#pragma once

#include "core/history/run_record.h"
#include "core/results/results.h"
#include "core/sweep/sweep.h"

#include <string>
#include <vector>

namespace conlab::history::test {

// Results of `experiment` with one variant per makespan ("/a", "/b", …), as a finished run has
// them: summary numbers and a prediction, no samples.
inline RunResults fake_results(const std::string &experiment, std::vector<double> makespans,
                               RunStatus status = RunStatus::completed) {
  RunResults r;
  r.experiment.name = experiment;
  r.experiment.time_scale = 0.05;
  r.status = status;
  r.wall_time_s = 1.5;
  for (std::size_t i = 0; i < makespans.size(); ++i) {
    VariantResult v;
    v.label = "/" + std::string(1, static_cast<char>('a' + i));
    v.model = "thread_pool";
    v.summary.tasks = 100;
    v.summary.completed = status == RunStatus::completed ? 100 : 40;
    v.summary.makespan_s = makespans[i];
    v.summary.throughput_per_s = 100 / makespans[i];
    v.summary.latency_s.p50 = makespans[i] / 2;
    v.summary.latency_s.p99 = makespans[i] * 0.99;
    v.prediction.makespan_s = makespans[i] * 0.9;
    r.variants.push_back(std::move(v));
  }
  return r;
}

// A sweep over P = 1, 2, 4 with two repeats per point, cancelled after five of its six runs:
// "/a" doubles its throughput with P (100, 200, 400 tasks/s per repeat mean), "/b" finished
// nothing (its measurements are all incomplete).
inline RunResults fake_sweep_results(const std::string &experiment) {
  RunResults r;
  r.experiment.name = experiment;
  r.experiment.repeats = 2;
  r.status = RunStatus::cancelled;
  r.experiment.variants = {Variant{.label = "/a", .model = "thread_pool"},
                           Variant{.label = "/b", .model = "event_loop"}};
  r.experiment.sweep =
      Sweep{.axes = {SweepAxis{.parameter = SweepParameter::pool_size, .values = {1, 2, 4}}}};
  SweepResults sweep{.runs_done = 5, .runs_total = 6};
  for (double p : {1.0, 2.0, 4.0}) {
    SweepPoint point{{p}, {}};
    SweepVariantPoint a, b;
    for (int repeat = 0; repeat < (p == 4 ? 1 : 2); ++repeat) {
      const double throughput = 100 * p + (repeat == 0 ? -10 : 10) * (p == 4 ? 0 : 1);
      a.measurements.push_back(
          {.repeat = repeat,
           .complete = true,
           .metrics = {.makespan_s = 100 / throughput, .throughput_per_s = throughput}});
      b.measurements.push_back({.repeat = repeat, .complete = false, .metrics = {}});
    }
    a.predicted_makespan_s = 1 / p;
    point.variants = {a, b};
    sweep.points.push_back(std::move(point));
  }
  r.sweep = std::move(sweep);
  return r;
}

inline Clock::time_point at_second(long seconds) {
  return Clock::time_point(std::chrono::seconds(1'700'000'000 + seconds));
}

} // namespace conlab::history::test
