// The metrics two runs are compared on: for each, its name on the command line and in JSON, its
// unit, and which way is better. Each is measured once per run, and its noise is the spread of
// those per-run values (compare.h).
#pragma once

#include "core/results/results.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace conlab {

enum class Metric {
  makespan,
  throughput,
  latency_p50,
  latency_p90,
  latency_p99,
  latency_max,
  queue_wait_mean,
  cpu_utilization,
  peak_rss,
  loop_lag_max,
};

// Which way a change is an improvement. CPU utilisation has none: more can mean the cores were
// put to work or that overhead grew, so it is shown but never judged.
enum class Better { lower, higher, neither };

enum class MetricUnit { seconds, per_second, share, bytes };

struct MetricInfo {
  Metric metric;
  std::string_view key;   // "p99": the --metric argument and the JSON name
  std::string_view title; // "latency p99"
  MetricUnit unit;
  Better better;
};

// Every metric, in the order tables list them.
std::span<const MetricInfo> compare_metrics();
const MetricInfo &metric_info(Metric metric);
const MetricInfo *find_metric(std::string_view key); // nullptr for an unknown key
std::string metric_keys();                           // "makespan, throughput, p50, ..."

std::string_view to_string(Better better); // "lower", "higher", "neither"

// The variant's (pooled) value as the run reported it; nullopt when the run has none: no task
// finished, no event loop to lag, or no RSS reading.
std::optional<double> metric_value(const Summary &summary, Metric metric);

// "52.3 ms", "98.1", "37%", "12.5 MiB"; and the same with a sign for a difference: "+1.20 ms".
std::string metric_text(Metric metric, double value);
std::string metric_delta_text(Metric metric, double delta);

} // namespace conlab
