#include "core/analysis/summary.h"

#include <boost/histogram.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace conlab {
namespace {

constexpr double kNs = 1e-9;
constexpr std::int64_t kLagThresholdNs = 1'000'000; // below this a loop counts as responsive
constexpr unsigned kThroughputBuckets = 50;

struct Span {
  std::int64_t first_submit = std::numeric_limits<std::int64_t>::max();
  std::int64_t last_end = 0;
  bool empty() const { return last_end <= first_submit; }
  double seconds() const { return empty() ? 0 : static_cast<double>(last_end - first_submit) * kNs; }
};

Span span_of(const std::vector<TaskSample> &samples) {
  Span s;
  for (const auto &t : samples) {
    if (t.submitted())
      s.first_submit = std::min(s.first_submit, t.submit_ns);
    if (t.finished())
      s.last_end = std::max(s.last_end, t.end_ns);
  }
  return s;
}

// A part of each task's response time (a wait inside the task): its percentiles, and its share
// of all the response time.
void fill_part(std::vector<double> part, double total_response, Percentiles &pct, double &share) {
  const double total = std::accumulate(part.begin(), part.end(), 0.0);
  share = total_response > 0 ? total / total_response : 0;
  pct = percentiles(std::move(part));
}

void fill_latencies(Summary &out, const std::vector<const TaskSample *> &finished,
                    const FoldedSamples *beyond) {
  std::vector<double> response, wait, service, executor_wait, gil_wait, handoff;
  for (auto *v : {&response, &wait, &service, &executor_wait, &gil_wait, &handoff})
    v->reserve(finished.size());
  for (const TaskSample *t : finished) {
    response.push_back(static_cast<double>(t->response_ns()) * kNs);
    wait.push_back(static_cast<double>(t->queue_wait_ns()) * kNs);
    service.push_back(static_cast<double>(t->service_ns()) * kNs);
    executor_wait.push_back(static_cast<double>(t->executor_wait_ns()) * kNs);
    gil_wait.push_back(static_cast<double>(t->gil_wait_ns()) * kNs);
    handoff.push_back(static_cast<double>(t->handoff_ns()) * kNs);
  }
  double total_response = std::accumulate(response.begin(), response.end(), 0.0);
  if (beyond && beyond->completed) {
    // The kept samples join the folded ones' histograms, and every percentile is read off them.
    FoldedSamples all = *beyond;
    for (const TaskSample *t : finished)
      all.add(*t);
    total_response = all.response.sum_s();
    out.latency_s = percentiles(all.response);
    out.service_s = percentiles(all.service);
    out.queue_wait_s = percentiles(all.queue_wait);
    out.queue_wait_share = total_response > 0 ? all.queue_wait.sum_s() / total_response : 0;
  } else {
    fill_part(std::move(wait), total_response, out.queue_wait_s, out.queue_wait_share);
    out.latency_s = percentiles(std::move(response));
    out.service_s = percentiles(std::move(service));
  }
  // Waits inside a task are in-process only, where every sample is kept.
  fill_part(std::move(executor_wait), total_response, out.executor_wait_s, out.executor_wait_share);
  fill_part(std::move(gil_wait), total_response, out.gil_wait_s, out.gil_wait_share);
  fill_part(std::move(handoff), total_response, out.handoff_s, out.handoff_share);
}

// Completions per column of the run's latency grid, within the span: the throughput over time
// of a run whose samples were not all kept.
std::vector<ThroughputBucket> throughput_columns(const LatencyOverTime &grid, const Span &span) {
  std::vector<ThroughputBucket> out;
  const double w = grid.interval_s();
  for (std::size_t c = 0; c < grid.columns().size(); ++c) {
    const double start = w * static_cast<double>(c);
    const double begin = std::max(start, static_cast<double>(span.first_submit) * kNs);
    const double end = std::min(start + w, static_cast<double>(span.last_end) * kNs);
    if (end <= begin)
      continue;
    std::uint64_t n = 0;
    for (std::uint32_t count : grid.columns()[c])
      n += count;
    out.push_back({begin, end - begin, static_cast<std::uint32_t>(n)});
  }
  return out;
}

LoopLagSummary summarize_lag(const std::vector<LoopLagTrace> &traces, double duration_s) {
  LoopLagSummary out;
  if (traces.empty())
    return out;
  out.measured = true;
  std::vector<double> lags;
  double blocked_s = 0;
  for (const auto &trace : traces)
    for (const auto &s : trace.samples) {
      lags.push_back(static_cast<double>(s.lag_ns) * kNs);
      if (s.lag_ns > kLagThresholdNs)
        blocked_s += static_cast<double>(s.lag_ns) * kNs;
    }
  if (lags.empty())
    return out;
  const Percentiles p = percentiles(std::move(lags));
  out.max_s = p.max;
  out.p99_s = p.p99;
  out.mean_s = p.mean;
  const double loop_time = duration_s * static_cast<double>(traces.size());
  out.blocked_share = loop_time > 0 ? std::min(1.0, blocked_s / loop_time) : 0;
  return out;
}

// Time-weighted mean of tasks in flight over the span, from the telemetry step function.
double mean_in_flight(const std::vector<TelemetryPoint> &telemetry, const Span &span) {
  if (telemetry.size() < 2 || span.empty())
    return 0;
  double area = 0;
  for (std::size_t i = 0; i + 1 < telemetry.size(); ++i) {
    const std::int64_t a = std::max(telemetry[i].at_ns, span.first_submit);
    const std::int64_t b = std::min(telemetry[i + 1].at_ns, span.last_end);
    if (b > a)
      area += static_cast<double>(telemetry[i].in_flight) * static_cast<double>(b - a);
  }
  return area / static_cast<double>(span.last_end - span.first_submit);
}

// g++ 12 with sanitizers reports Boost.Histogram's axis index arrays as used uninitialised
// when it inlines them here; they are written before use (a false positive inside Boost).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
std::vector<ThroughputBucket> throughput_buckets(const std::vector<const TaskSample *> &finished,
                                                 const Span &span) {
  if (finished.empty() || span.empty())
    return {};
  namespace bh = boost::histogram;
  const double begin = static_cast<double>(span.first_submit) * kNs;
  const double end = static_cast<double>(span.last_end) * kNs;
  // The upper edge is nudged so the very last completion falls inside the last bucket.
  auto histogram = bh::make_histogram(
      bh::axis::regular<>(kThroughputBuckets, begin, std::nextafter(end, end + 1)));
  for (const TaskSample *t : finished)
    histogram(static_cast<double>(t->end_ns) * kNs);
  std::vector<ThroughputBucket> out;
  for (auto &&cell : bh::indexed(histogram))
    out.push_back({cell.bin().lower(), cell.bin().width(), static_cast<std::uint32_t>(*cell)});
  return out;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

} // namespace

QuantileRank quantile_rank(std::size_t n, double q) {
  const double pos = q * static_cast<double>(n - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  return {lo, std::min(lo + 1, n - 1), pos - static_cast<double>(lo)};
}

double sorted_quantile(std::span<const double> sorted, double q) {
  const QuantileRank rank = quantile_rank(sorted.size(), q);
  return sorted[rank.lo] + (sorted[rank.hi] - sorted[rank.lo]) * rank.fraction;
}

Percentiles percentiles(const LatencyHistogram &h) {
  Percentiles p;
  if (!h.count())
    return p;
  p.p50 = h.quantile_s(0.50);
  p.p90 = h.quantile_s(0.90);
  p.p99 = h.quantile_s(0.99);
  p.p999 = h.quantile_s(0.999);
  p.max = h.max_s();
  p.mean = h.mean_s();
  return p;
}

Percentiles percentiles(std::vector<double> values) {
  Percentiles p;
  if (values.empty())
    return p;
  std::sort(values.begin(), values.end());
  p.p50 = sorted_quantile(values, 0.50);
  p.p90 = sorted_quantile(values, 0.90);
  p.p99 = sorted_quantile(values, 0.99);
  p.p999 = sorted_quantile(values, 0.999);
  p.max = values.back();
  p.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  return p;
}

Summary summarize(const std::vector<TaskSample> &samples,
                  const std::vector<TelemetryPoint> &telemetry,
                  const std::vector<LoopLagTrace> &loop_lag, const ResourceUsage &resources,
                  int cores, const BeyondBudget *beyond) {
  Summary out;
  const FoldedSamples *folded = beyond ? &beyond->folded : nullptr;
  out.tasks = static_cast<std::uint32_t>(samples.size() + (folded ? folded->tasks : 0));
  std::vector<const TaskSample *> finished;
  for (const auto &t : samples)
    if (t.finished())
      finished.push_back(&t);
  out.completed = static_cast<std::uint32_t>(finished.size() + (folded ? folded->completed : 0));
  Span span = span_of(samples);
  if (folded && folded->tasks) {
    span.first_submit = std::min(span.first_submit, folded->first_submit_ns);
    span.last_end = std::max(span.last_end, folded->last_end_ns);
  }
  out.makespan_s = span.seconds();
  out.throughput_per_s = out.makespan_s > 0 ? out.completed / out.makespan_s : 0;
  fill_latencies(out, finished, folded);

  out.cpu_time_s = resources.cpu_time_s;
  out.cpu_utilization = out.makespan_s > 0 ? resources.cpu_time_s / (out.makespan_s * cores) : 0;
  out.context_switches =
      resources.voluntary_context_switches + resources.involuntary_context_switches;
  out.peak_threads = resources.peak_threads;
  out.peak_rss_bytes = resources.peak_rss_bytes;
  std::uint32_t workers = 0;
  for (const TaskSample *t : finished)
    workers = std::max(workers, t->worker + 1);
  out.workers_used = std::max(workers, folded ? folded->workers : 0);

  out.loop_lag_s = summarize_lag(loop_lag, out.makespan_s);
  out.littles_law.mean_in_flight = mean_in_flight(telemetry, span);
  out.littles_law.throughput_x_response = out.throughput_per_s * out.latency_s.mean;
  const double larger =
      std::max(out.littles_law.mean_in_flight, out.littles_law.throughput_x_response);
  out.littles_law.relative_gap =
      larger > 0 ? std::abs(out.littles_law.mean_in_flight - out.littles_law.throughput_x_response) /
                       larger
                 : 0;
  out.throughput_over_time = folded && folded->completed
                                 ? throughput_columns(beyond->over_time, span)
                                 : throughput_buckets(finished, span);
  return out;
}

Summary combine_repeats(const std::vector<Summary> &repeats,
                        const std::vector<std::vector<TaskSample>> &samples,
                        const std::vector<const FoldedSamples *> &folded) {
  if (repeats.size() == 1)
    return repeats.front();
  Summary out;
  if (repeats.empty())
    return out;
  std::vector<const TaskSample *> finished;
  for (const auto &run : samples)
    for (const auto &t : run)
      if (t.finished())
        finished.push_back(&t);
  std::optional<FoldedSamples> beyond;
  for (const FoldedSamples *f : folded)
    if (f)
      (beyond ? *beyond : beyond.emplace()) += *f;
  fill_latencies(out, finished, beyond ? &*beyond : nullptr);
  const double n = static_cast<double>(repeats.size());
  double makespan = 0, cpu = 0, util = 0, lag_mean = 0, lag_share = 0, in_flight = 0, lambda_w = 0;
  double forced_switches = 0, held_share = 0, process_start = 0;
  for (const Summary &r : repeats) {
    out.causes += r.causes;
    if (r.processes.measured) {
      out.processes.measured = true;
      out.processes.workers = std::max(out.processes.workers, r.processes.workers);
      out.processes.start_in_run = r.processes.start_in_run;
      out.processes.tasks_taken_down += r.processes.tasks_taken_down;
      process_start += r.processes.start_s;
    }
    out.gil.measured = out.gil.measured || r.gil.measured;
    forced_switches += r.gil.forced_switches;
    held_share += r.gil.held_share;
    out.tasks += r.tasks;
    out.completed += r.completed;
    makespan += r.makespan_s;
    cpu += r.cpu_time_s;
    util += r.cpu_utilization;
    out.context_switches += r.context_switches;
    out.peak_threads = std::max(out.peak_threads, r.peak_threads);
    out.workers_used = std::max(out.workers_used, r.workers_used);
    out.peak_rss_bytes = std::max(out.peak_rss_bytes, r.peak_rss_bytes);
    out.loop_lag_s.measured = out.loop_lag_s.measured || r.loop_lag_s.measured;
    out.loop_lag_s.max_s = std::max(out.loop_lag_s.max_s, r.loop_lag_s.max_s);
    out.loop_lag_s.p99_s = std::max(out.loop_lag_s.p99_s, r.loop_lag_s.p99_s);
    lag_mean += r.loop_lag_s.mean_s;
    lag_share += r.loop_lag_s.blocked_share;
    in_flight += r.littles_law.mean_in_flight;
    lambda_w += r.littles_law.throughput_x_response;
  }
  out.makespan_s = makespan / n; // the mean repeat; min and max stay in the repeats
  out.throughput_per_s = makespan > 0 ? out.completed / makespan : 0;
  out.cpu_time_s = cpu / n;
  out.cpu_utilization = util / n;
  out.loop_lag_s.mean_s = lag_mean / n;
  out.loop_lag_s.blocked_share = lag_share / n;
  out.gil.forced_switches = forced_switches / n;
  out.gil.held_share = held_share / n;
  out.processes.start_s = process_start / n;
  out.littles_law.mean_in_flight = in_flight / n;
  out.littles_law.throughput_x_response = lambda_w / n;
  const double larger = std::max(in_flight, lambda_w);
  out.littles_law.relative_gap = larger > 0 ? std::abs(in_flight - lambda_w) / larger : 0;
  out.throughput_over_time = repeats.front().throughput_over_time;
  std::vector<TaskCost> costs;
  for (const Summary &r : repeats)
    costs.push_back(r.cost);
  out.cost = combine_task_costs(costs);
  return out;
}

} // namespace conlab
