#include "core/compare/compare_metrics.h"

#include "core/util/format.h"
#include "core/util/translatable.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace conlab {
namespace {

using enum Metric;
// The titles are shown translated by the desktop lab.
constexpr std::array kMetrics{
    MetricInfo{makespan, "makespan", CONLAB_TRANSLATABLE("conlab::compare", "makespan"),
               MetricUnit::seconds, Better::lower},
    MetricInfo{throughput, "throughput", CONLAB_TRANSLATABLE("conlab::compare", "throughput/s"),
               MetricUnit::per_second, Better::higher},
    MetricInfo{latency_p50, "p50", CONLAB_TRANSLATABLE("conlab::compare", "latency p50"),
               MetricUnit::seconds, Better::lower},
    MetricInfo{latency_p90, "p90", CONLAB_TRANSLATABLE("conlab::compare", "latency p90"),
               MetricUnit::seconds, Better::lower},
    MetricInfo{latency_p99, "p99", CONLAB_TRANSLATABLE("conlab::compare", "latency p99"),
               MetricUnit::seconds, Better::lower},
    MetricInfo{latency_max, "max", CONLAB_TRANSLATABLE("conlab::compare", "latency max"),
               MetricUnit::seconds, Better::lower},
    MetricInfo{queue_wait_mean, "queue-wait",
               CONLAB_TRANSLATABLE("conlab::compare", "queue wait mean"), MetricUnit::seconds,
               Better::lower},
    MetricInfo{cpu_utilization, "cpu", CONLAB_TRANSLATABLE("conlab::compare", "CPU utilisation"),
               MetricUnit::share, Better::neither},
    MetricInfo{peak_rss, "rss", CONLAB_TRANSLATABLE("conlab::compare", "peak RSS"),
               MetricUnit::bytes, Better::lower},
    MetricInfo{loop_lag_max, "loop-lag", CONLAB_TRANSLATABLE("conlab::compare", "loop lag max"),
               MetricUnit::seconds, Better::lower},
};

std::string with_sign(double value, const std::string &magnitude) {
  return (value > 0 ? "+" : value < 0 ? "-" : "") + magnitude;
}

} // namespace

std::span<const MetricInfo> compare_metrics() { return kMetrics; }

const MetricInfo &metric_info(Metric metric) {
  return *std::find_if(kMetrics.begin(), kMetrics.end(),
                       [&](const MetricInfo &info) { return info.metric == metric; });
}

const MetricInfo *find_metric(std::string_view key) {
  const auto it = std::find_if(kMetrics.begin(), kMetrics.end(),
                               [&](const MetricInfo &info) { return info.key == key; });
  return it == kMetrics.end() ? nullptr : &*it;
}

std::string metric_keys() {
  std::string keys;
  for (const MetricInfo &info : kMetrics)
    keys += (keys.empty() ? "" : ", ") + std::string(info.key);
  return keys;
}

std::string_view to_string(Better better) {
  constexpr std::string_view names[] = {"lower", "higher", "neither"};
  return names[static_cast<std::size_t>(better)];
}

std::optional<double> metric_value(const Summary &s, Metric metric) {
  if (s.completed == 0)
    return std::nullopt;
  switch (metric) {
  case makespan:
    return s.makespan_s;
  case throughput:
    return s.throughput_per_s;
  case latency_p50:
    return s.latency_s.p50;
  case latency_p90:
    return s.latency_s.p90;
  case latency_p99:
    return s.latency_s.p99;
  case latency_max:
    return s.latency_s.max;
  case queue_wait_mean:
    return s.queue_wait_s.mean;
  case cpu_utilization:
    return s.cpu_utilization;
  case peak_rss:
    return s.peak_rss_bytes > 0 ? std::optional<double>(static_cast<double>(s.peak_rss_bytes))
                                : std::nullopt;
  case loop_lag_max:
    return s.loop_lag_s.measured ? std::optional<double>(s.loop_lag_s.max_s) : std::nullopt;
  }
  return std::nullopt;
}

std::string metric_text(Metric metric, double value) {
  switch (metric_info(metric).unit) {
  case MetricUnit::seconds:
    return human_duration(value);
  case MetricUnit::per_second:
    return human_rate(value);
  case MetricUnit::share:
    return human_percent(value);
  case MetricUnit::bytes:
    return human_bytes(value);
  }
  return human_count(value);
}

std::string metric_delta_text(Metric metric, double delta) {
  if (!std::isfinite(delta))
    return metric_text(metric, delta);
  return with_sign(delta, metric_text(metric, std::fabs(delta)));
}

} // namespace conlab
