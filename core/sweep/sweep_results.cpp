#include "core/sweep/sweep_results.h"

#include "core/util/translatable.h"

#include <algorithm>

namespace conlab {

const char *to_string(SweepMetric metric) {
  switch (metric) {
  case SweepMetric::makespan:
    return "makespan";
  case SweepMetric::throughput:
    return "throughput";
  case SweepMetric::p50:
    return "p50";
  case SweepMetric::p99:
    return "p99";
  case SweepMetric::cpu_utilization:
    return "cpu";
  case SweepMetric::loop_lag:
    return "loop_lag";
  case SweepMetric::memory_per_task:
    return "memory_per_task";
  case SweepMetric::cpu_per_wait:
    return "cpu_per_wait";
  case SweepMetric::switches_per_task:
    return "switches_per_task";
  }
  return "?";
}

std::optional<SweepMetric> parse_sweep_metric(std::string_view name) {
  for (SweepMetric m : kSweepMetrics)
    if (name == to_string(m))
      return m;
  return std::nullopt;
}

std::string sweep_metric_names() {
  std::string names;
  for (SweepMetric m : kSweepMetrics)
    names += (names.empty() ? "" : ", ") + std::string(to_string(m));
  return names;
}

// Shown translated by the desktop lab.
const char *metric_title(SweepMetric metric) {
  switch (metric) {
  case SweepMetric::makespan:
    return CONLAB_TRANSLATABLE("conlab::sweep", "makespan (s)");
  case SweepMetric::throughput:
    return CONLAB_TRANSLATABLE("conlab::sweep", "throughput (tasks/s)");
  case SweepMetric::p50:
    return CONLAB_TRANSLATABLE("conlab::sweep", "p50 latency (s)");
  case SweepMetric::p99:
    return CONLAB_TRANSLATABLE("conlab::sweep", "p99 latency (s)");
  case SweepMetric::cpu_utilization:
    return CONLAB_TRANSLATABLE("conlab::sweep", "CPU utilisation");
  case SweepMetric::loop_lag:
    return CONLAB_TRANSLATABLE("conlab::sweep", "loop lag p99 (s)");
  case SweepMetric::memory_per_task:
    return CONLAB_TRANSLATABLE("conlab::sweep", "memory per task in flight (bytes)");
  case SweepMetric::cpu_per_wait:
    return CONLAB_TRANSLATABLE("conlab::sweep", "CPU per wait (s)");
  case SweepMetric::switches_per_task:
    return CONLAB_TRANSLATABLE("conlab::sweep", "context switches per task");
  }
  return "?";
}

bool higher_is_better(SweepMetric metric) { return metric == SweepMetric::throughput; }

double metric_value(const SweepMetrics &m, SweepMetric metric) {
  switch (metric) {
  case SweepMetric::makespan:
    return m.makespan_s;
  case SweepMetric::throughput:
    return m.throughput_per_s;
  case SweepMetric::p50:
    return m.p50_s;
  case SweepMetric::p99:
    return m.p99_s;
  case SweepMetric::cpu_utilization:
    return m.cpu_utilization;
  case SweepMetric::loop_lag:
    return m.loop_lag_p99_s;
  case SweepMetric::memory_per_task:
    return m.memory_per_task_bytes;
  case SweepMetric::cpu_per_wait:
    return m.cpu_per_wait_s;
  case SweepMetric::switches_per_task:
    return m.switches_per_task;
  }
  return 0;
}

namespace {

template <class Fold>
std::optional<double> fold(const std::vector<SweepMeasurement> &measurements, SweepMetric metric,
                           Fold combine) {
  std::optional<double> out;
  for (const SweepMeasurement &m : measurements)
    if (m.complete) {
      const double v = metric_value(m.metrics, metric);
      out = out ? combine(*out, v) : v;
    }
  return out;
}

} // namespace

std::optional<double> SweepVariantPoint::mean(SweepMetric metric) const {
  const std::optional<double> sum = fold(measurements, metric, std::plus<>());
  if (!sum)
    return std::nullopt;
  const auto n = std::count_if(measurements.begin(), measurements.end(),
                               [](const SweepMeasurement &m) { return m.complete; });
  return *sum / static_cast<double>(n);
}

std::optional<double> SweepVariantPoint::min(SweepMetric metric) const {
  return fold(measurements, metric, [](double a, double b) { return std::min(a, b); });
}

std::optional<double> SweepVariantPoint::max(SweepMetric metric) const {
  return fold(measurements, metric, [](double a, double b) { return std::max(a, b); });
}

bool SweepVariantPoint::has_repeat(int repeat) const {
  return std::any_of(measurements.begin(), measurements.end(), [&](const SweepMeasurement &m) {
    return m.complete && m.repeat == repeat;
  });
}

} // namespace conlab
