// Field-by-field comparisons for the round-trip tests of experiment and results files. Written
// out member by member (the structs have no operator==), so a new field needs a line here.
#pragma once

#include "core/experiment/spec_json.h"
#include "core/results/results.h"

#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

namespace conlab::test {

inline bool same(const Experiment &a, const Experiment &b) {
  const auto same_duration = [](const Duration &x, const Duration &y) {
    return x.distribution == y.distribution && x.ms == y.ms && x.min_ms == y.min_ms &&
           x.max_ms == y.max_ms;
  };
  const auto same_pool = [](const std::optional<PoolSize> &x, const std::optional<PoolSize> &y) {
    return x.has_value() == y.has_value() && (!x || (x->named == y->named && x->value == y->value));
  };
  const auto same_steps = [&](const std::vector<Step> &x, const std::vector<Step> &y,
                              const auto &self) -> bool {
    if (x.size() != y.size())
      return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (x[i].repeat != y[i].repeat || !self(x[i].steps, y[i].steps, self))
        return false;
      if (!x[i].is_repeat() &&
          (x[i].kind != y[i].kind || !same_duration(x[i].duration, y[i].duration)))
        return false;
    }
    return true;
  };
  const auto same_variant = [&](const Variant &x, const Variant &y) {
    if (!same_steps(x.steps, y.steps, same_steps))
      return false;
    return x.label == y.label && x.model == y.model && same_pool(x.pool_size, y.pool_size) &&
           x.loops == y.loops && x.offload == y.offload && x.gil == y.gil &&
           x.switch_interval_ms == y.switch_interval_ms &&
           x.background_cpu_threads == y.background_cpu_threads && x.stack_kb == y.stack_kb &&
           x.claimed_makespan_s == y.claimed_makespan_s;
  };
  if (a.variants.size() != b.variants.size())
    return false;
  for (std::size_t i = 0; i < a.variants.size(); ++i)
    if (!same_variant(a.variants[i], b.variants[i]))
      return false;
  return a.name == b.name && a.description == b.description && a.load.kind == b.load.kind &&
         a.load.tasks == b.load.tasks && a.load.clients == b.load.clients &&
         a.load.rate_per_s == b.load.rate_per_s && a.load.arrivals == b.load.arrivals &&
         a.time_scale == b.time_scale && a.repeats == b.repeats && a.seed == b.seed;
}

inline void expect_same_number(double a, double b, const char *what) {
  if (std::isnan(a))
    EXPECT_TRUE(std::isnan(b)) << what;
  else
    EXPECT_EQ(a, b) << what; // exact: numbers are written with full precision
}

inline void expect_same(const Percentiles &a, const Percentiles &b) {
  expect_same_number(a.p50, b.p50, "p50");
  expect_same_number(a.p90, b.p90, "p90");
  expect_same_number(a.p99, b.p99, "p99");
  expect_same_number(a.p999, b.p999, "p999");
  expect_same_number(a.max, b.max, "max");
  expect_same_number(a.mean, b.mean, "mean");
}

inline void expect_same(const Summary &a, const Summary &b) {
  EXPECT_EQ(a.tasks, b.tasks);
  EXPECT_EQ(a.completed, b.completed);
  expect_same_number(a.makespan_s, b.makespan_s, "makespan_s");
  expect_same_number(a.throughput_per_s, b.throughput_per_s, "throughput_per_s");
  expect_same(a.latency_s, b.latency_s);
  expect_same(a.queue_wait_s, b.queue_wait_s);
  expect_same(a.service_s, b.service_s);
  expect_same_number(a.queue_wait_share, b.queue_wait_share, "queue_wait_share");
  expect_same(a.executor_wait_s, b.executor_wait_s);
  expect_same_number(a.executor_wait_share, b.executor_wait_share, "executor_wait_share");
  EXPECT_EQ(a.gil.measured, b.gil.measured);
  if (a.gil.measured) {
    expect_same(a.gil_wait_s, b.gil_wait_s);
    expect_same_number(a.gil_wait_share, b.gil_wait_share, "gil_wait_share");
    expect_same_number(a.gil.forced_switches, b.gil.forced_switches, "gil.forced_switches");
    expect_same_number(a.gil.held_share, b.gil.held_share, "gil.held_share");
  }
  EXPECT_EQ(a.processes.measured, b.processes.measured);
  if (a.processes.measured) {
    expect_same(a.handoff_s, b.handoff_s);
    expect_same_number(a.handoff_share, b.handoff_share, "handoff_share");
    expect_same_number(a.processes.workers, b.processes.workers, "processes.workers");
    expect_same_number(a.processes.start_s, b.processes.start_s, "processes.start_s");
    EXPECT_EQ(a.processes.start_in_run, b.processes.start_in_run);
    expect_same_number(a.processes.tasks_taken_down, b.processes.tasks_taken_down,
                       "processes.tasks_taken_down");
  }
  expect_same_number(a.cpu_time_s, b.cpu_time_s, "cpu_time_s");
  expect_same_number(a.cpu_utilization, b.cpu_utilization, "cpu_utilization");
  EXPECT_EQ(a.context_switches, b.context_switches);
  EXPECT_EQ(a.peak_threads, b.peak_threads);
  EXPECT_EQ(a.workers_used, b.workers_used);
  EXPECT_EQ(a.peak_rss_bytes, b.peak_rss_bytes);
  EXPECT_EQ(a.cost.measured, b.cost.measured);
  const auto &ac = a.cost, &bc = b.cost;
  for (const auto &[x, y, name] :
       {std::tuple{ac.peak_in_flight, bc.peak_in_flight, "peak_in_flight"},
        {ac.rss_above_baseline_bytes, bc.rss_above_baseline_bytes, "rss_above_baseline"},
        {ac.memory_per_task_bytes, bc.memory_per_task_bytes, "memory_per_task"},
        {ac.waits_per_task, bc.waits_per_task, "waits_per_task"},
        {ac.cpu_per_wait_s, bc.cpu_per_wait_s, "cpu_per_wait"},
        {ac.overhead_per_wait_s, bc.overhead_per_wait_s, "overhead_per_wait"},
        {ac.voluntary_switches_per_task, bc.voluntary_switches_per_task, "voluntary"},
        {ac.involuntary_switches_per_task, bc.involuntary_switches_per_task, "involuntary"},
        {ac.threads_started, bc.threads_started, "threads_started"},
        {ac.thread_start_s, bc.thread_start_s, "thread_start"}})
    expect_same_number(x, y, name);
  EXPECT_EQ(a.loop_lag_s.measured, b.loop_lag_s.measured);
  expect_same_number(a.loop_lag_s.max_s, b.loop_lag_s.max_s, "lag max");
  expect_same_number(a.loop_lag_s.p99_s, b.loop_lag_s.p99_s, "lag p99");
  expect_same_number(a.loop_lag_s.mean_s, b.loop_lag_s.mean_s, "lag mean");
  expect_same_number(a.loop_lag_s.blocked_share, b.loop_lag_s.blocked_share, "blocked");
  expect_same_number(a.littles_law.mean_in_flight, b.littles_law.mean_in_flight, "L");
  expect_same_number(a.littles_law.throughput_x_response, b.littles_law.throughput_x_response,
                     "λW");
  expect_same_number(a.littles_law.relative_gap, b.littles_law.relative_gap, "gap");
  ASSERT_EQ(a.throughput_over_time.size(), b.throughput_over_time.size());
  for (std::size_t i = 0; i < a.throughput_over_time.size(); ++i) {
    EXPECT_EQ(a.throughput_over_time[i].start_s, b.throughput_over_time[i].start_s);
    EXPECT_EQ(a.throughput_over_time[i].width_s, b.throughput_over_time[i].width_s);
    EXPECT_EQ(a.throughput_over_time[i].completions, b.throughput_over_time[i].completions);
  }
}

inline void expect_same(const RepeatResult &a, const RepeatResult &b) {
  EXPECT_EQ(a.repeat, b.repeat);
  EXPECT_EQ(a.complete, b.complete);
  ASSERT_EQ(a.samples.size(), b.samples.size());
  for (std::size_t i = 0; i < a.samples.size(); ++i) {
    EXPECT_EQ(a.samples[i].task, b.samples[i].task);
    EXPECT_EQ(a.samples[i].submit_ns, b.samples[i].submit_ns);
    EXPECT_EQ(a.samples[i].start_ns, b.samples[i].start_ns);
    EXPECT_EQ(a.samples[i].end_ns, b.samples[i].end_ns);
    EXPECT_EQ(a.samples[i].worker, b.samples[i].worker);
    EXPECT_EQ(a.samples[i].executor_wait_ns(), b.samples[i].executor_wait_ns());
    EXPECT_EQ(a.samples[i].gil_wait_ns(), b.samples[i].gil_wait_ns());
    EXPECT_EQ(a.samples[i].handoff_ns(), b.samples[i].handoff_ns());
  }
  EXPECT_EQ(a.error, b.error);
  ASSERT_EQ(a.gil_waits.size(), b.gil_waits.size());
  for (std::size_t i = 0; i < a.gil_waits.size(); ++i) {
    EXPECT_EQ(a.gil_waits[i].task, b.gil_waits[i].task);
    EXPECT_EQ(a.gil_waits[i].start_ns, b.gil_waits[i].start_ns);
    EXPECT_EQ(a.gil_waits[i].end_ns, b.gil_waits[i].end_ns);
  }
  ASSERT_EQ(a.telemetry.size(), b.telemetry.size());
  for (std::size_t i = 0; i < a.telemetry.size(); ++i) {
    EXPECT_EQ(a.telemetry[i].at_ns, b.telemetry[i].at_ns);
    EXPECT_EQ(a.telemetry[i].in_flight, b.telemetry[i].in_flight);
    EXPECT_EQ(a.telemetry[i].queued, b.telemetry[i].queued);
    EXPECT_EQ(a.telemetry[i].busy, b.telemetry[i].busy);
    EXPECT_EQ(a.telemetry[i].threads, b.telemetry[i].threads);
  }
  ASSERT_EQ(a.loop_lag.size(), b.loop_lag.size());
  for (std::size_t i = 0; i < a.loop_lag.size(); ++i) {
    EXPECT_EQ(a.loop_lag[i].loop, b.loop_lag[i].loop);
    ASSERT_EQ(a.loop_lag[i].samples.size(), b.loop_lag[i].samples.size());
    for (std::size_t j = 0; j < a.loop_lag[i].samples.size(); ++j) {
      EXPECT_EQ(a.loop_lag[i].samples[j].at_ns, b.loop_lag[i].samples[j].at_ns);
      EXPECT_EQ(a.loop_lag[i].samples[j].lag_ns, b.loop_lag[i].samples[j].lag_ns);
    }
  }
  EXPECT_EQ(a.resources.cpu_time_s, b.resources.cpu_time_s);
  EXPECT_EQ(a.resources.user_time_s, b.resources.user_time_s);
  EXPECT_EQ(a.resources.system_time_s, b.resources.system_time_s);
  EXPECT_EQ(a.resources.voluntary_context_switches, b.resources.voluntary_context_switches);
  EXPECT_EQ(a.resources.involuntary_context_switches, b.resources.involuntary_context_switches);
  EXPECT_EQ(a.resources.peak_threads, b.resources.peak_threads);
  EXPECT_EQ(a.resources.peak_rss_bytes, b.resources.peak_rss_bytes);
  expect_same(a.summary, b.summary);
  EXPECT_EQ(a.latency_over_time.interval_s(), b.latency_over_time.interval_s());
  EXPECT_EQ(a.latency_over_time.columns(), b.latency_over_time.columns());
  ASSERT_EQ(a.beyond_budget.has_value(), b.beyond_budget.has_value());
  if (a.beyond_budget) {
    const FoldedSamples &x = *a.beyond_budget, &y = *b.beyond_budget;
    EXPECT_EQ(x.tasks, y.tasks);
    EXPECT_EQ(x.completed, y.completed);
    EXPECT_EQ(x.first_submit_ns, y.first_submit_ns);
    EXPECT_EQ(x.last_end_ns, y.last_end_ns);
    EXPECT_EQ(x.last_failure_ns, y.last_failure_ns);
    EXPECT_EQ(x.workers, y.workers);
    for (auto [h, k] :
         {std::pair{&x.response, &y.response}, std::pair{&x.queue_wait, &y.queue_wait},
          std::pair{&x.service, &y.service}}) {
      EXPECT_EQ(h->nonzero_bins(), k->nonzero_bins());
      EXPECT_EQ(h->count(), k->count());
      EXPECT_EQ(h->min_ns(), k->min_ns());
      EXPECT_EQ(h->max_ns(), k->max_ns());
      EXPECT_EQ(h->sum_s(), k->sum_s());
    }
  }
}

inline void expect_same(const RunResults &a, const RunResults &b) {
  EXPECT_EQ(to_json_text(a.experiment), to_json_text(b.experiment));
  EXPECT_EQ(a.environment.cores, b.environment.cores);
  EXPECT_EQ(a.environment.cpu_model, b.environment.cpu_model);
  EXPECT_EQ(a.environment.os, b.environment.os);
  EXPECT_EQ(a.environment.kernel, b.environment.kernel);
  EXPECT_EQ(a.environment.compiler, b.environment.compiler);
  EXPECT_EQ(a.environment.build_type, b.environment.build_type);
  EXPECT_EQ(a.environment.boost_version, b.environment.boost_version);
  EXPECT_EQ(a.environment.qt_version, b.environment.qt_version);
  EXPECT_EQ(a.environment.qcoro_version, b.environment.qcoro_version);
  EXPECT_EQ(a.environment.lab_version, b.environment.lab_version);
  EXPECT_EQ(a.environment.hostname, b.environment.hostname);
  EXPECT_EQ(a.environment.started_at, b.environment.started_at);
  EXPECT_EQ(a.calibration.iterations_per_ms, b.calibration.iterations_per_ms);
  EXPECT_EQ(a.calibration.trials, b.calibration.trials);
  EXPECT_EQ(a.calibration.calibration_ms, b.calibration.calibration_ms);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.error, b.error);
  EXPECT_EQ(a.wall_time_s, b.wall_time_s);
  ASSERT_EQ(a.variants.size(), b.variants.size());
  for (std::size_t i = 0; i < a.variants.size(); ++i) {
    const VariantResult &x = a.variants[i], &y = b.variants[i];
    SCOPED_TRACE(x.label);
    EXPECT_EQ(x.label, y.label);
    EXPECT_EQ(x.model, y.model);
    EXPECT_EQ(x.pool_size, y.pool_size);
    EXPECT_EQ(x.loops, y.loops);
    EXPECT_EQ(x.offload, y.offload);
    EXPECT_EQ(x.pool_description, y.pool_description);
    expect_same(x.summary, y.summary);
    EXPECT_EQ(x.prediction.makespan_s, y.prediction.makespan_s);
    EXPECT_EQ(x.prediction.throughput_per_s, y.prediction.throughput_per_s);
    EXPECT_EQ(x.prediction.formula, y.prediction.formula);
    EXPECT_EQ(x.prediction.concurrency, y.prediction.concurrency);
    EXPECT_EQ(x.prediction.waves, y.prediction.waves);
    EXPECT_EQ(x.explanation, y.explanation);
    ASSERT_EQ(x.repeats.size(), y.repeats.size());
    for (std::size_t r = 0; r < x.repeats.size(); ++r)
      expect_same(x.repeats[r], y.repeats[r]);
  }
}

} // namespace conlab::test
