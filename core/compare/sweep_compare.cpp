#include "core/compare/sweep_compare.h"

#include "core/engine/model_registry.h"
#include "core/engine/runner.h"
#include "core/sweep/sweep.h"
#include "core/util/format.h"

#include <algorithm>
#include <stdexcept>

namespace conlab {
namespace {

// A run of a sweep keeps these numbers (SweepMetrics), not its tasks: the summary they make is
// all that compare_runs reads of a run.
Summary summary_of(const SweepMeasurement &m, std::uint32_t tasks, bool has_loop) {
  Summary s;
  s.tasks = tasks;
  s.completed = m.complete ? tasks : 0;
  s.makespan_s = m.metrics.makespan_s;
  s.throughput_per_s = m.metrics.throughput_per_s;
  s.latency_s.p50 = m.metrics.p50_s;
  s.latency_s.p90 = m.metrics.p90_s;
  s.latency_s.p99 = m.metrics.p99_s;
  s.latency_s.max = m.metrics.max_s;
  s.cpu_utilization = m.metrics.cpu_utilization;
  s.queue_wait_share = m.metrics.queue_wait_share;
  s.loop_lag_s.measured = has_loop;
  s.loop_lag_s.max_s = m.metrics.loop_lag_max_s;
  s.loop_lag_s.p99_s = m.metrics.loop_lag_p99_s;
  return s;
}

// One point of a sweep as the results of a single run of the experiment at that point: each
// variant's measurements become its repeats, in the order they ran (the trend test reads it).
RunResults point_results(const RunResults &run, const SweepPoint &point) {
  RunResults r;
  r.experiment = experiment_at(run.experiment, point.values);
  r.environment = run.environment;
  r.calibration = run.calibration;
  r.status = run.status;
  r.error = run.error;
  const int cores = std::max(1, run.environment.cores);
  const auto tasks = static_cast<std::uint32_t>(r.experiment.load.tasks);
  for (std::size_t i = 0; i < r.experiment.variants.size() && i < point.variants.size(); ++i) {
    VariantResult v = variant_setup(r.experiment.variants[i], cores);
    const ModelInfo *info = find_model(v.model);
    const bool has_loop = info && info->has_event_loop;
    std::vector<SweepMeasurement> runs = point.variants[i].measurements;
    std::stable_sort(
        runs.begin(), runs.end(),
        [](const SweepMeasurement &a, const SweepMeasurement &b) { return a.order < b.order; });
    for (const SweepMeasurement &m : runs) {
      RepeatResult repeat;
      repeat.repeat = m.repeat;
      repeat.complete = m.complete;
      repeat.summary = summary_of(m, tasks, has_loop);
      v.repeats.push_back(std::move(repeat));
    }
    r.variants.push_back(std::move(v));
  }
  return r;
}

void check_both_sweeps(const RunResults &a, const RunResults &b, const CompareOptions &options) {
  const std::string &an = options.baseline_name, &bn = options.candidate_name;
  for (const auto &[run, name] : {std::pair{&a, &an}, std::pair{&b, &bn}})
    if (run->sweep && !run->experiment.sweep)
      throw CompareRefused(*name + " holds a sweep's results without the sweep's grid");
  const bool sa = a.sweep.has_value(), sb = b.sweep.has_value();
  if (sa && sb)
    return;
  throw CompareRefused(sa ? bn + " is a single run and " + an +
                                " a sweep: compare a sweep with "
                                "a sweep over the same grid"
                       : sb ? an + " is a single run and " + bn +
                                  " a sweep: compare a sweep with "
                                  "a sweep over the same grid"
                            : "neither " + an + " nor " + bn + " is a sweep's results");
}

// "P, C": the parameters a grid sweeps, in axis order.
std::string axes_text(const Sweep &sweep) {
  std::string text;
  for (const SweepAxis &axis : sweep.axes)
    text += (text.empty() ? "" : ", ") + axis_label(axis);
  return text;
}

const SweepPoint *find_point(const SweepResults &results, const std::vector<double> &values) {
  const auto it = std::find_if(results.points.begin(), results.points.end(),
                               [&](const SweepPoint &p) { return p.values == values; });
  return it == results.points.end() ? nullptr : &*it;
}

std::size_t shared_labels(const Experiment &a, const Experiment &b) {
  return static_cast<std::size_t>(
      std::count_if(a.variants.begin(), a.variants.end(), [&](const Variant &v) {
        return std::any_of(b.variants.begin(), b.variants.end(),
                           [&](const Variant &w) { return w.label == v.label; });
      }));
}

// Bonferroni: m intervals at 1 − α/m each miss together at most α of the time.
double per_pair_confidence(double confidence, std::size_t pairs) {
  return 1 - (1 - confidence) / static_cast<double>(std::max<std::size_t>(pairs, 1));
}

} // namespace

bool sweep_keeps(Metric metric) {
  return metric != Metric::queue_wait_mean && metric != Metric::peak_rss;
}

SweepComparison compare_sweeps(const RunResults &baseline, const RunResults &candidate,
                               const CompareOptions &options) {
  check_both_sweeps(baseline, candidate, options);
  const Sweep &sa = *baseline.experiment.sweep, &sb = *candidate.experiment.sweep;
  if (axes_text(sa) != axes_text(sb))
    throw CompareRefused(options.baseline_name + " sweeps " + axes_text(sa) + ", " +
                         options.candidate_name + " sweeps " + axes_text(sb) +
                         ": a sweep compares with a sweep over the same parameters");
  SweepComparison out;
  out.sweep = sa;
  out.confidence = options.confidence;
  std::vector<std::pair<const SweepPoint *, const SweepPoint *>> matched;
  for (const SweepPoint &p : baseline.sweep->points) {
    if (const SweepPoint *q = find_point(*candidate.sweep, p.values))
      matched.emplace_back(&p, q);
    else
      out.only_in_baseline.push_back(point_text(sa, p.values));
  }
  for (const SweepPoint &q : candidate.sweep->points)
    if (!find_point(*baseline.sweep, q.values))
      out.only_in_candidate.push_back(point_text(sb, q.values));
  if (matched.empty())
    throw CompareRefused(options.baseline_name + " and " + options.candidate_name +
                         " share no point of their grids (" + axes_text(sa) +
                         "): nothing to compare");
  out.pairs = matched.size() * shared_labels(baseline.experiment, candidate.experiment);
  out.point_confidence = per_pair_confidence(options.confidence, out.pairs);
  CompareOptions point_options = options;
  point_options.confidence = out.point_confidence;
  for (const auto &[a, b] : matched) {
    SweepPointComparison point{a->values, point_text(sa, a->values), {}};
    // Every point checks the machines and the experiment the same way; the sweep keeps one copy
    // of what they say.
    point.comparison =
        compare_runs(point_results(baseline, *a), point_results(candidate, *b), point_options);
    if (out.points.empty()) {
      out.notes = point.comparison.notes;
      out.baseline = point.comparison.baseline;
      out.candidate = point.comparison.candidate;
    }
    point.comparison.notes.clear();
    for (VariantComparison &v : point.comparison.variants)
      std::erase_if(v.metrics, [](const MetricComparison &m) { return !sweep_keeps(m.metric); });
    out.points.push_back(std::move(point));
  }
  return out;
}

Comparison as_one_comparison(const SweepComparison &comparison) {
  Comparison out;
  out.baseline = comparison.baseline;
  out.candidate = comparison.candidate;
  out.notes = comparison.notes;
  out.confidence = comparison.point_confidence;
  for (const SweepPointComparison &point : comparison.points)
    for (VariantComparison v : point.comparison.variants) {
      v.label = point.label + " · " + v.label;
      out.variants.push_back(std::move(v));
    }
  out.only_in_baseline = comparison.only_in_baseline;
  out.only_in_candidate = comparison.only_in_candidate;
  return out;
}

GateReport apply_gate(const SweepComparison &comparison, const RegressionGate &gate) {
  return apply_gate(as_one_comparison(comparison), gate);
}

namespace {

// The points of one direction (worse, better, unknown), grouped by variant in the order met.
using PointsByVariant = std::vector<std::pair<std::string, std::vector<std::string>>>;

void add_point(PointsByVariant &groups, const std::string &variant, const std::string &point) {
  const auto it =
      std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == variant; });
  (it == groups.end() ? groups.emplace_back(variant, std::vector<std::string>{}).second
                      : it->second)
      .push_back(point);
}

// "P = 2, P = 4 and 3 more", or "every point" when it is all of them.
std::string points_text(const std::vector<std::string> &points, std::size_t all,
                        std::size_t limit) {
  if (points.size() == all && all > 1)
    return "every point";
  std::string text;
  for (std::size_t i = 0; i < points.size() && i < limit; ++i)
    text += (i ? ", " : "") + points[i];
  if (points.size() > limit)
    text += " and " + std::to_string(points.size() - limit) + " more";
  return text;
}

// "at P = 4" for one variant; ": /b at every point; /c at P = 2" for several.
std::string groups_text(const PointsByVariant &groups, bool several, std::size_t all,
                        std::size_t limit) {
  if (!several)
    return " at " + points_text(groups.front().second, all, limit);
  std::string text = ":";
  for (std::size_t i = 0; i < groups.size(); ++i)
    text += (i ? "; " : " ") + groups[i].first + " at " + points_text(groups[i].second, all, limit);
  return text;
}

} // namespace

std::string changed_points_text(const SweepComparison &comparison, Metric metric,
                                std::size_t limit) {
  PointsByVariant worse, better, unknown;
  std::size_t within = 0, variants = 0;
  for (const SweepPointComparison &point : comparison.points)
    variants = std::max(variants, point.comparison.variants.size());
  for (const SweepPointComparison &point : comparison.points)
    for (const VariantComparison &v : point.comparison.variants) {
      const MetricComparison *m = v.find(metric);
      if (!m || !m->measured())
        continue;
      switch (m->verdict) {
      case Verdict::worse:
        add_point(worse, v.label, point.label);
        break;
      case Verdict::better:
        add_point(better, v.label, point.label);
        break;
      case Verdict::noise_unknown:
        add_point(unknown, v.label, point.label);
        break;
      default:
        ++within;
      }
    }
  const bool several = variants > 1;
  const std::size_t all = comparison.points.size();
  const std::string noun = several ? "pair" : "point";
  std::vector<std::string> parts;
  if (!worse.empty())
    parts.push_back("worse beyond the noise" + groups_text(worse, several, all, limit));
  if (!better.empty())
    parts.push_back("better beyond the noise" + groups_text(better, several, all, limit));
  if (!unknown.empty())
    parts.push_back("noise unknown (fewer than 2 runs a side)" +
                    groups_text(unknown, several, all, limit));
  if (within > 0) {
    const std::string n = std::to_string(within) + " ";
    parts.push_back(parts.empty() ? within == 1 ? "within the noise at the one " + noun
                                                : "within the noise at all " + n + noun + "s"
                    : within == 1 ? "within the noise at the other " + noun
                                  : "within the noise at the " + n + "other " + noun + "s");
  }
  std::string text(metric_info(metric).title);
  text += ": ";
  if (parts.empty())
    return text + "not measured at any point";
  for (std::size_t i = 0; i < parts.size(); ++i)
    text += (i ? "; " : "") + parts[i];
  return text;
}

} // namespace conlab
