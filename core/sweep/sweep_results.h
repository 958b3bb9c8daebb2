// What a sweep measured: per point and variant, a few numbers per repeat (not the per-task
// samples, which a grid of hundreds of runs could not keep), the closed-form prediction and the
// discrete-event simulation of the same point.
#pragma once

#include "core/util/shard.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conlab {

// The numbers a sweep chart can draw, from one run of one variant at one point.
struct SweepMetrics {
  double makespan_s = 0;
  double throughput_per_s = 0;
  double p50_s = 0, p90_s = 0, p99_s = 0, max_s = 0;
  double cpu_utilization = 0;
  double loop_lag_p99_s = 0; // 0 when the model has no loop
  double loop_lag_max_s = 0;
  double queue_wait_share = 0;
  // Cost per task (TaskCost): where a model's cost rises with concurrency.
  double memory_per_task_bytes = 0;
  double cpu_per_wait_s = 0;    // 0: the tasks do not wait
  double switches_per_task = 0; // voluntary and involuntary
};

enum class SweepMetric {
  makespan,
  throughput,
  p50,
  p99,
  cpu_utilization,
  loop_lag,
  memory_per_task,
  cpu_per_wait,
  switches_per_task
};
const char *to_string(SweepMetric metric);    // "makespan", "throughput", ...
std::optional<SweepMetric> parse_sweep_metric(std::string_view name); // to_string's inverse
std::string sweep_metric_names();             // "makespan, throughput, …" for error messages
const char *metric_title(SweepMetric metric); // "makespan (s)"
bool higher_is_better(SweepMetric metric);
double metric_value(const SweepMetrics &m, SweepMetric metric);
inline constexpr SweepMetric kSweepMetrics[] = {SweepMetric::makespan,
                                                SweepMetric::throughput,
                                                SweepMetric::p50,
                                                SweepMetric::p99,
                                                SweepMetric::cpu_utilization,
                                                SweepMetric::loop_lag,
                                                SweepMetric::memory_per_task,
                                                SweepMetric::cpu_per_wait,
                                                SweepMetric::switches_per_task};

struct SweepMeasurement {
  int repeat = 0;
  std::size_t order = 0; // when it ran: 0 first (the sweep runs points in a shuffled order)
  bool complete = false; // every task finished (a cancelled run is kept, but redone on resume)
  SweepMetrics metrics;
  // In a merged sweep: the index of the part (SweepResults::parts) that measured it.
  std::optional<std::size_t> part;
};

struct SweepVariantPoint {
  // Not empty: the variant needs more threads at once here than this machine allows, and is
  // not run at this point (e.g. "needs 100000 threads at once, and this machine allows 32640
  // more: vm.max_map_count is 65530, two memory maps a thread").
  std::string beyond_machine;
  std::vector<SweepMeasurement> measurements;
  std::optional<double> predicted_makespan_s; // closed form; absent where none applies
  std::string formula;
  std::optional<SweepMetrics> simulated; // absent when the point is too big to simulate

  // Over the complete measurements: mean, lowest and highest of a metric. nullopt: none.
  std::optional<double> mean(SweepMetric metric) const;
  std::optional<double> min(SweepMetric metric) const;
  std::optional<double> max(SweepMetric metric) const;
  bool has_repeat(int repeat) const; // a complete measurement of that repeat exists
};

struct SweepPoint {
  std::vector<double> values;              // one per axis
  std::vector<SweepVariantPoint> variants; // in the experiment's variant order
};

// A sweep's part `index` of `count` (conlab-cli sweep --shard I/N) owns the (point, repeat) runs
// whose place in the sweep's run order is index, index + count, index + 2·count, …: dealt out in
// turn, so every part keeps the shuffled order and gets as much of each region of the grid as
// another. How many of a sweep's `runs` (point, repeat) runs part `shard` owns.
inline std::size_t runs_of_part(std::size_t runs, const Shard &shard) {
  return runs > shard.index ? (runs - shard.index + shard.count - 1) / shard.count : 0;
}

// A part of a merged sweep, and the machine that ran it.
struct SweepPart {
  Shard shard;
  std::string file; // as it was named to the merge
  std::string hostname, cpu_model, build_type;
  int cores = 0;
  std::size_t runs = 0; // complete (point, repeat) runs it brought
  double wall_time_s = 0;
};

struct SweepResults {
  std::vector<SweepPoint> points; // grid order: the first axis varies slowest
  std::size_t runs_done = 0;      // complete (point, repeat) runs
  std::size_t runs_total = 0;     // points × repeats (in a part: the runs it owns)
  std::optional<Shard> shard;     // this file holds one part of the sweep
  std::vector<SweepPart> parts;    // this sweep was merged from these
};

} // namespace conlab
