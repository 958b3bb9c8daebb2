#include "ui/charts/chart_data.h"

#include "core/engine/model_registry.h"
#include "ui/charts/timeline_data.h"
#include "ui/i18n/core_text.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace conlab::ui {
namespace {

constexpr int kCdfPoints = 1000;
constexpr int kSeriesPoints = 2000;
constexpr int kHistogramBins = 40;

double seconds(std::int64_t ns) { return static_cast<double>(ns) * 1e-9; }

// Each finished task's time to its end from `since`: its submit (the response time), or its
// start, which for an HTTP sample is when its request was sent.
enum class Since { submit, start };
std::vector<double> times_to_end(const RepeatResult &repeat, Since since) {
  std::vector<double> out;
  out.reserve(repeat.samples.size());
  for (const TaskSample &s : repeat.samples) {
    const bool from_submit = since == Since::submit;
    if (s.finished() && (from_submit ? s.submitted() : s.started()))
      out.push_back(seconds(from_submit ? s.response_ns() : s.service_ns()));
  }
  return out;
}

// A run beyond its sample budget: every finished task's time, the kept ones and the folded
// ones, in one histogram (exact to 0.1%), so that the CDF and the histogram cover the whole run.
LatencyHistogram binned_times(const VariantResult &variant, Since since) {
  LatencyHistogram h;
  for (const RepeatResult &rep : variant.repeats) {
    for (const TaskSample &s : rep.samples)
      if (s.finished() && (since == Since::submit ? s.submitted() : s.started()))
        h.add(since == Since::submit ? s.response_ns() : s.service_ns());
    if (rep.beyond_budget)
      h += since == Since::submit ? rep.beyond_budget->response : rep.beyond_budget->service;
  }
  return h;
}

bool folds_samples(const VariantResult &variant) {
  return std::any_of(variant.repeats.begin(), variant.repeats.end(),
                     [](const RepeatResult &r) { return r.beyond_budget.has_value(); });
}

// The histogram's bins as (time, count), fastest first: what the CDF and the bar histogram of a
// run beyond its budget are drawn from.
using Binned = std::vector<std::pair<double, std::uint64_t>>;
Binned bins_of(const LatencyHistogram &h) {
  Binned out;
  for (auto [index, count] : h.nonzero_bins())
    out.emplace_back(std::clamp(LatencyHistogram::bin_middle_s(index), h.min_s(), h.max_s()),
                     count);
  return out;
}

QList<QPointF> cdf_points(const Binned &bins) {
  QList<QPointF> out;
  std::uint64_t total = 0;
  for (const auto &bin : bins)
    total += bin.second;
  if (total == 0)
    return out;
  // At most about kCdfPoints points: a bin is drawn when the share has risen by 1/kCdfPoints.
  std::uint64_t seen = 0;
  double last_y = -1;
  for (std::size_t i = 0; i < bins.size(); ++i) {
    seen += bins[i].second;
    const double y = static_cast<double>(seen) / static_cast<double>(total);
    if (y - last_y >= 1.0 / kCdfPoints || i + 1 == bins.size()) {
      out.append(QPointF(bins[i].first, y));
      last_y = y;
    }
  }
  return out;
}

QList<QPointF> cdf_points(std::vector<double> values) {
  QList<QPointF> out;
  if (values.empty())
    return out;
  std::sort(values.begin(), values.end());
  const auto n = values.size();
  const std::size_t step = std::max<std::size_t>(1, n / kCdfPoints);
  out.reserve(static_cast<qsizetype>(n / step + 2));
  for (std::size_t i = 0; i < n; i += step)
    out.append(QPointF(values[i], static_cast<double>(i + 1) / static_cast<double>(n)));
  if (out.back().y() < 1)
    out.append(QPointF(values.back(), 1.0));
  return out;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty())
    return 0;
  const auto k =
      static_cast<std::size_t>(std::clamp(std::ceil(q * static_cast<double>(values.size())) - 1,
                                          0.0, static_cast<double>(values.size() - 1)));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

QList<QPointF> throughput_steps(const Summary &summary) {
  QList<QPointF> out;
  for (const ThroughputBucket &b : summary.throughput_over_time) {
    const double rate = b.width_s > 0 ? b.completions / b.width_s : 0;
    out.append(QPointF(b.start_s, rate));
    out.append(QPointF(b.start_s + b.width_s, rate));
  }
  return decimate(out, kSeriesPoints);
}

QList<QPointF> in_flight_points(const RepeatResult &repeat) {
  QList<QPointF> out;
  out.reserve(static_cast<qsizetype>(repeat.telemetry.size()));
  for (const TelemetryPoint &p : repeat.telemetry)
    out.append(QPointF(seconds(p.at_ns), p.in_flight));
  return decimate(out, kSeriesPoints);
}

// The watched server's CPU and run-queue wait as rates over steps of at least 1/200 of the
// watch (its samples are a few ms apart, too fine to read), and its thread count at each step.
void server_watch_points(const ProcessWatch &w, VariantChartData &v) {
  v.watched = true;
  v.server_note = QString::fromStdString(describe_watch(w));
  if (w.points.empty())
    return;
  const double step_s = std::max(w.span_s() / 200, 1e-3);
  const WatchPoint *from = &w.points.front();
  v.server_threads.append(QPointF(seconds(from->at_ns), from->threads));
  for (const WatchPoint &p : w.points) {
    const double dt = 1e-9 * static_cast<double>(p.at_ns - from->at_ns);
    if (dt < step_s && &p != &w.points.back())
      continue;
    if (dt > 0) {
      const double mid = seconds(from->at_ns) + dt / 2;
      v.server_cpu.append(QPointF(mid, (p.cpu_s - from->cpu_s) / dt));
      v.server_waiting.append(QPointF(mid, (p.runqueue_wait_s - from->runqueue_wait_s) / dt));
    }
    v.server_threads.append(QPointF(seconds(p.at_ns), p.threads));
    from = &p;
  }
}

// A probe due at `at` that woke `lag` late means the loop was blocked from `at` to `at + lag`:
// a timer due at t in between would have been late by at + lag − t. Long lags are drawn as
// that descending ramp, so a loop blocked for seconds shows as a tall sawtooth, not a dot.
QList<QPointF> loop_lag_points(const RepeatResult &repeat) {
  std::vector<LagSample> samples;
  for (const LoopLagTrace &trace : repeat.loop_lag)
    samples.insert(samples.end(), trace.samples.begin(), trace.samples.end());
  std::sort(samples.begin(), samples.end(),
            [](const LagSample &a, const LagSample &b) { return a.at_ns < b.at_ns; });
  QList<QPointF> out;
  for (const LagSample &s : samples) {
    const double lag_ms = static_cast<double>(s.lag_ns) * 1e-6;
    out.append(QPointF(seconds(s.at_ns), lag_ms));
    if (lag_ms > 5)
      out.append(QPointF(seconds(s.at_ns + s.lag_ns), 0.0));
  }
  return decimate(out, kSeriesPoints);
}

QList<double> histogram_edges(double min, double max, bool log) {
  QList<double> edges;
  if (!(max > min)) {
    const double pad = min > 0 ? min * 0.1 : 1e-3;
    min = std::max(min - pad, log ? min / 2 : 0.0);
    max += pad;
  }
  for (int i = 0; i <= kHistogramBins; ++i) {
    const double t = static_cast<double>(i) / kHistogramBins;
    edges.append(log ? min * std::pow(max / min, t) : min + (max - min) * t);
  }
  return edges;
}

QList<double> histogram_counts(const std::vector<double> &values, const Binned &binned,
                               const QList<double> &edges) {
  QList<double> counts(edges.size() - 1, 0.0);
  const auto add = [&](double x, double n) {
    auto it = std::upper_bound(edges.begin(), edges.end(), x);
    auto bin = std::clamp<qsizetype>(it - edges.begin() - 1, 0, counts.size() - 1);
    counts[bin] += n;
  };
  for (double x : values)
    add(x, 1);
  for (const auto &[x, n] : binned)
    add(x, static_cast<double>(n));
  return counts;
}

// Every variant's latency grid at the widest variant's interval, so that one colour scale
// counts the same time per cell in all of them.
void align_latency_maps(std::vector<VariantChartData> &variants) {
  double interval = 0;
  for (const VariantChartData &v : variants)
    if (!v.latency_map.empty())
      interval = std::max(interval, v.latency_map.interval_s());
  for (VariantChartData &v : variants)
    v.latency_map.widen_to(interval);
}

} // namespace

QList<QPointF> decimate(const QList<QPointF> &points, int max_points) {
  if (points.size() <= max_points || max_points < 4)
    return points;
  const qsizetype buckets = max_points / 2;
  const double per_bucket = static_cast<double>(points.size()) / static_cast<double>(buckets);
  QList<QPointF> out;
  out.reserve(max_points);
  for (qsizetype b = 0; b < buckets; ++b) {
    const auto begin = static_cast<qsizetype>(std::floor(static_cast<double>(b) * per_bucket));
    const auto end = std::min(
        points.size(), static_cast<qsizetype>(std::floor(static_cast<double>(b + 1) * per_bucket)));
    if (begin >= end)
      continue;
    auto [lo, hi] =
        std::minmax_element(points.begin() + begin, points.begin() + end,
                            [](const QPointF &a, const QPointF &c) { return a.y() < c.y(); });
    if (lo->x() <= hi->x()) {
      out.append(*lo);
      if (hi != lo)
        out.append(*hi);
    } else {
      out.append(*hi);
      out.append(*lo);
    }
  }
  return out;
}

ChartData build_chart_data(const RunResults &results) {
  ChartData data;
  data.experiment_name = QString::fromStdString(results.experiment.name);
  data.time_scale = results.experiment.time_scale;
  data.cancelled = results.status == RunStatus::cancelled;
  data.repeats = results.experiment.repeats;
  if (auto sweep = build_sweep_chart_data(results))
    data.sweep = std::make_shared<const SweepChartData>(std::move(*sweep));

  std::vector<std::vector<double>> responses;
  std::vector<Binned> binned_responses;
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  double row = 0;
  for (std::size_t i = 0; i < results.variants.size(); ++i) {
    const VariantResult &r = results.variants[i];
    VariantChartData v;
    v.index = static_cast<int>(i);
    v.label = QString::fromStdString(r.label);
    v.model = QString::fromStdString(r.model);
    const ModelInfo *info = find_model(r.model);
    v.has_event_loop = info && info->has_event_loop;
    v.makespan_s = r.summary.makespan_s;
    v.throughput_per_s = r.summary.throughput_per_s;
    v.predicted_makespan_s = r.prediction.makespan_s;
    v.cost = r.summary.cost;
    v.causes = r.summary.causes;
    v.http_target =
        i < results.experiment.variants.size() && results.experiment.variants[i].target.has_value();
    v.predicted_throughput_per_s = r.prediction.throughput_per_s;
    if (i < results.experiment.variants.size() && results.experiment.variants[i].claimed_makespan_s)
      v.claimed_makespan_s =
          *results.experiment.variants[i].claimed_makespan_s * results.experiment.time_scale;
    v.formula = formula_text(r.prediction.formula);
    v.tasks = r.summary.tasks;
    v.completed = r.summary.completed;
    v.p50_s = r.summary.latency_s.p50;
    v.p99_s = r.summary.latency_s.p99;
    std::vector<double> all;
    Binned binned;
    const bool folded = folds_samples(r);
    if (folded) {
      const LatencyHistogram h = binned_times(r, Since::submit);
      binned = bins_of(h);
      v.folded_tasks = r.summary.tasks;
      for (const RepeatResult &rep : r.repeats)
        v.kept_samples = std::max(v.kept_samples, static_cast<std::uint32_t>(rep.samples.size()));
      if (h.count() > 0) {
        v.min_response_s = h.min_s();
        v.max_response_s = h.max_s();
        lo = std::min(lo, v.min_response_s);
        hi = std::max(hi, v.max_response_s);
      }
      v.cdf = cdf_points(binned);
    }
    for (const RepeatResult &rep : folded ? std::vector<RepeatResult>{} : r.repeats) {
      auto times = times_to_end(rep, Since::submit);
      all.insert(all.end(), times.begin(), times.end());
    }
    if (!all.empty()) {
      auto [mn, mx] = std::minmax_element(all.begin(), all.end());
      v.min_response_s = *mn;
      v.max_response_s = *mx;
      lo = std::min(lo, *mn);
      hi = std::max(hi, *mx);
      if (v.p50_s <= 0)
        v.p50_s = quantile(all, 0.5), v.p99_s = quantile(all, 0.99);
    }
    if (!folded)
      v.cdf = cdf_points(all);
    const bool open_http = results.experiment.load.kind == LoadKind::open &&
                           i < results.experiment.variants.size() &&
                           results.experiment.variants[i].target.has_value();
    if (open_http && folded) {
      const LatencyHistogram h = binned_times(r, Since::start);
      v.min_from_send_s = h.min_s();
      if (h.count() > 0)
        lo = std::min(lo, v.min_from_send_s);
      v.cdf_from_send = cdf_points(bins_of(h));
    } else if (open_http) {
      std::vector<double> sent;
      for (const RepeatResult &rep : r.repeats) {
        auto times = times_to_end(rep, Since::start);
        sent.insert(sent.end(), times.begin(), times.end());
      }
      if (!sent.empty()) {
        v.min_from_send_s = *std::min_element(sent.begin(), sent.end());
        lo = std::min(lo, v.min_from_send_s);
      }
      v.cdf_from_send = cdf_points(std::move(sent));
    }
    responses.push_back(std::move(all));
    binned_responses.push_back(std::move(binned));
    if (!r.repeats.empty()) {
      const RepeatResult &first = r.repeats.front();
      v.throughput =
          throughput_steps(first.summary.throughput_over_time.empty() ? r.summary : first.summary);
      v.in_flight = in_flight_points(first);
      v.loop_lag = loop_lag_points(first);
      build_timeline(first, v, row);
      v.latency_map = first.latency_over_time;
      if (first.server_watch)
        server_watch_points(*first.server_watch, v);
      row += v.units;
    }
    data.variants.push_back(std::move(v));
  }
  data.timeline_rows = space_timeline(data.variants);
  align_latency_maps(data.variants);
  if (hi > 0) {
    data.histogram_log = lo > 0 && hi / lo > 30;
    data.histogram_edges = histogram_edges(lo, hi, data.histogram_log);
    for (std::size_t i = 0; i < data.variants.size(); ++i)
      data.variants[i].histogram_counts =
          histogram_counts(responses[i], binned_responses[i], data.histogram_edges);
  }
  return data;
}

} // namespace conlab::ui

namespace conlab::ui {

ChartData build_chart_data(const CapacityResults &results) {
  ChartData data;
  data.experiment_name = QString::fromStdString(results.target);
  data.time_scale = results.time_scale;
  data.cancelled = results.measured.outcome == CapacityOutcome::cancelled;
  data.capacity = std::make_shared<const CapacityResults>(results);
  return data;
}

} // namespace conlab::ui
