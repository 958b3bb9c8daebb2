// Results a finished run would have, made without running anything: for the history tests and
// for the writer processes of the concurrency test.
#pragma once

#include "results.h"
#include "run_record.h"

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

inline Clock::time_point at_second(long seconds) {
  return Clock::time_point(std::chrono::seconds(1'700'000'000 + seconds));
}

} // namespace conlab::history::test
