// The numbers a person reads: makespan, throughput, latency percentiles and the rest, computed
// from per-task samples, telemetry, loop lag and resource use as DESIGN.md defines them.
#pragma once

#include "core/analysis/cause_split.h"
#include "core/analysis/folded_samples.h"
#include "core/analysis/latency_over_time.h"
#include "core/analysis/task_cost.h"
#include "core/engine/loop_lag.h"
#include "core/engine/task_sample.h"
#include "core/engine/telemetry.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace conlab {

struct Percentiles {
  double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0, mean = 0;
};

struct LoopLagSummary {
  bool measured = false; // false: the model has no event loop
  double max_s = 0, p99_s = 0, mean_s = 0;
  double blocked_share = 0; // share of the run the loop could not wake on time (lag > 1 ms)
};

struct LittlesLaw {
  double mean_in_flight = 0;        // time-weighted, from telemetry
  double throughput_x_response = 0; // λ · W
  double relative_gap = 0;          // |L − λW| / max(L, λW)
};

struct ThroughputBucket {
  double start_s = 0;
  double width_s = 0;
  std::uint32_t completions = 0;
};

// The interpreter lock of a variant with `"gil": "cpython"` (measured false otherwise).
struct GilSummary {
  bool measured = false;
  double forced_switches = 0; // drops a waiter forced on the holder, per run
  double held_share = 0;      // share of the run in which some thread held the lock
};

// The worker processes of process_pool, or of multi_loop with "processes": true.
struct ProcessSummary {
  bool measured = false;
  double workers = 0;
  double start_s = 0;          // forking them until every one was ready
  bool start_in_run = false;   // started by the first task, inside the makespan (process_pool)
  double tasks_taken_down = 0; // by a worker that died
};

struct Summary {
  std::uint32_t tasks = 0;     // asked for
  std::uint32_t completed = 0; // finished (fewer when cancelled)
  double makespan_s = 0;       // last end − first submit
  double throughput_per_s = 0; // completed / makespan
  Percentiles latency_s;       // response time: end − submit
  Percentiles queue_wait_s;    // start − submit
  Percentiles service_s;       // end − start
  double queue_wait_share = 0; // Σ queue wait / Σ response time
  Percentiles executor_wait_s;    // inside a task, waiting for an offload executor's thread
  double executor_wait_share = 0; // Σ executor wait / Σ response time
  Percentiles gil_wait_s;         // inside a task, waiting to take the interpreter lock
  double gil_wait_share = 0;      // Σ GIL wait / Σ response time
  GilSummary gil;
  Percentiles handoff_s;    // inside a task, its steps' trips to a worker process and back
  double handoff_share = 0; // Σ hand-off / Σ response time
  ProcessSummary processes;
  CauseSplit causes; // every finished task's response time by cause, summed
  double cpu_time_s = 0;
  double cpu_utilization = 0; // cpu time / (makespan × cores)
  std::int64_t context_switches = 0;
  std::uint32_t peak_threads = 0;
  std::uint32_t workers_used = 0; // distinct threads that started tasks
  std::int64_t peak_rss_bytes = 0;
  TaskCost cost; // per task: memory in flight, CPU per wait, switches, thread start
  LoopLagSummary loop_lag_s;
  LittlesLaw littles_law;
  std::vector<ThroughputBucket> throughput_over_time;
};

Percentiles percentiles(std::vector<double> values);

// Quantiles interpolate linearly between closest ranks (the "R-7" definition, numpy's default):
// the value at rank q·(n − 1), counting from 0, lies `fraction` of the way from rank lo to hi.
struct QuantileRank {
  std::size_t lo = 0, hi = 0;
  double fraction = 0;
};
QuantileRank quantile_rank(std::size_t n, double q);              // n ≥ 1
double sorted_quantile(std::span<const double> sorted, double q); // `sorted` not empty

// The tasks of a run beyond its sample budget, which the summary counts in: its percentiles then
// come from histograms (3 significant digits) and its throughput over time from the grid.
struct BeyondBudget {
  const FoldedSamples &folded;
  const LatencyOverTime &over_time; // every finished task of the run
};

Summary summarize(const std::vector<TaskSample> &samples,
                  const std::vector<TelemetryPoint> &telemetry,
                  const std::vector<LoopLagTrace> &loop_lag, const ResourceUsage &resources,
                  int cores, const BeyondBudget *beyond = nullptr);

// Pools several repeats of one variant: latencies over all samples (and over what each repeat
// folded beyond its budget, when `folded` has one entry per repeat), makespan as the mean.
Summary combine_repeats(const std::vector<Summary> &repeats,
                        const std::vector<std::vector<TaskSample>> &samples,
                        const std::vector<const FoldedSamples *> &folded = {});

// Percentiles read off a histogram: exact mean, min and max, the rest to 3 significant digits.
Percentiles percentiles(const LatencyHistogram &histogram);

} // namespace conlab
