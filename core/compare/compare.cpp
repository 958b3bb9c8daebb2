#include "core/compare/compare.h"

#include "core/util/format.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace conlab {
namespace {

// FNV-1a: a stable hash of the label, so a variant's bootstrap draws do not depend on which
// other variants the files hold or in what order (std::hash is not stable across libraries).
std::uint64_t label_hash(std::string_view label) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : label) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

std::size_t finished_tasks(const VariantResult &variant) {
  std::size_t n = 0;
  for (const RepeatResult &repeat : variant.repeats)
    n += static_cast<std::size_t>(std::count_if(repeat.samples.begin(), repeat.samples.end(),
                                                [](const TaskSample &t) { return t.finished(); }));
  return n;
}

VariantSetup setup_of(const VariantResult &variant) {
  VariantSetup s;
  s.model = variant.model;
  s.pool_size = variant.pool_size;
  s.loops = variant.loops;
  s.offload = variant.offload;
  s.finished_tasks = finished_tasks(variant);
  s.repeats = variant.repeats.size();
  s.complete_repeats =
      static_cast<std::size_t>(std::count_if(variant.repeats.begin(), variant.repeats.end(),
                                             [](const RepeatResult &r) { return r.complete; }));
  return s;
}

NoiseEstimate not_estimated(std::string reason) {
  NoiseEstimate noise;
  noise.reason = std::move(reason);
  return noise;
}

// The per-task metrics of one variant, bootstrapped together (one set of resamples for the
// latency quantiles, one for queue wait).
struct TaskNoise {
  std::vector<BootstrapInterval> latency; // p50, p90, p99
  std::optional<BootstrapInterval> queue_wait_mean;
  std::size_t n_baseline = 0, n_candidate = 0;
};

constexpr SampleStatistic kLatencyStatistics[] = {SampleStatistic::quantile(0.50),
                                                  SampleStatistic::quantile(0.90),
                                                  SampleStatistic::quantile(0.99)};

NoiseEstimate from_bootstrap(const BootstrapInterval &b, const TaskNoise &task) {
  NoiseEstimate noise;
  noise.method = NoiseMethod::bootstrap;
  noise.interval = b.interval;
  noise.confidence = b.confidence;
  noise.resamples = b.resamples;
  noise.n_baseline = task.n_baseline;
  noise.n_candidate = task.n_candidate;
  return noise;
}

NoiseEstimate task_noise(Metric metric, const TaskNoise &task) {
  if (task.n_baseline == 0 || task.n_candidate == 0)
    return not_estimated(std::string("no finished tasks in ") + (task.n_baseline == 0 ? "A" : "B") +
                         ": noise not estimated");
  switch (metric) {
  case Metric::latency_p50:
    return from_bootstrap(task.latency[0], task);
  case Metric::latency_p90:
    return from_bootstrap(task.latency[1], task);
  case Metric::latency_p99:
    return from_bootstrap(task.latency[2], task);
  default:
    return from_bootstrap(*task.queue_wait_mean, task);
  }
}

NoiseEstimate repeat_noise(Metric metric, const VariantResult &a, const VariantResult &b,
                           double confidence) {
  if (a.repeats.size() <= 1 && b.repeats.size() <= 1)
    return not_estimated("no repeats: noise not estimated");
  const std::vector<double> values_a = metric_samples(a, metric);
  const std::vector<double> values_b = metric_samples(b, metric);
  for (const auto &[side, values] : {std::pair{"A", &values_a}, std::pair{"B", &values_b}})
    if (values->size() < 2)
      return not_estimated(std::string("fewer than 2 complete repeats in ") + side +
                           ": noise not estimated");
  const std::optional<WelchInterval> welch = welch_interval(values_a, values_b, confidence);
  NoiseEstimate noise;
  noise.method = NoiseMethod::welch;
  noise.interval = welch->interval;
  noise.confidence = confidence;
  noise.n_baseline = values_a.size();
  noise.n_candidate = values_b.size();
  return noise;
}

Verdict verdict_of(const MetricComparison &m) {
  if (!m.measured())
    return Verdict::not_measured;
  if (!m.noise.estimated())
    return Verdict::noise_unknown;
  const Interval &i = m.noise.interval;
  if (!i.excludes_zero())
    return Verdict::within_noise;
  switch (metric_info(m.metric).better) {
  case Better::lower:
    return i.low > 0 ? Verdict::worse : Verdict::better;
  case Better::higher:
    return i.high < 0 ? Verdict::worse : Verdict::better;
  case Better::neither:
    break;
  }
  return Verdict::changed;
}

VariantComparison compare_variant(const VariantResult &a, const VariantResult &b,
                                  const BootstrapOptions &options) {
  VariantComparison out;
  out.label = a.label;
  out.baseline = setup_of(a);
  out.candidate = setup_of(b);

  TaskNoise task;
  const std::vector<double> latency_a = metric_samples(a, Metric::latency_p50);
  const std::vector<double> latency_b = metric_samples(b, Metric::latency_p50);
  const std::vector<double> wait_a = metric_samples(a, Metric::queue_wait_mean);
  const std::vector<double> wait_b = metric_samples(b, Metric::queue_wait_mean);
  task.n_baseline = latency_a.size();
  task.n_candidate = latency_b.size();
  if (!latency_a.empty() && !latency_b.empty()) {
    BootstrapOptions seeded = options;
    seeded.seed = options.seed ^ label_hash(a.label);
    task.latency = bootstrap_differences(latency_a, latency_b, kLatencyStatistics, seeded);
    seeded.seed += 1;
    const SampleStatistic mean = SampleStatistic::mean();
    task.queue_wait_mean = bootstrap_differences(wait_a, wait_b, {&mean, 1}, seeded).front();
  }
  out.latency_shift = mann_whitney(latency_a, latency_b);
  out.queue_wait_shift = mann_whitney(wait_a, wait_b);

  for (const MetricInfo &info : compare_metrics()) {
    MetricComparison m{info.metric,
                       metric_value(a.summary, info.metric),
                       metric_value(b.summary, info.metric),
                       {},
                       {}};
    if (!m.baseline || !m.candidate)
      m.noise = not_estimated(std::string("not measured in ") + (!m.baseline ? "A" : "B"));
    else if (info.noise == NoiseBasis::task_samples)
      m.noise = task_noise(info.metric, task);
    else
      m.noise = repeat_noise(info.metric, a, b, options.confidence);
    m.verdict = verdict_of(m);
    out.metrics.push_back(std::move(m));
  }
  return out;
}

RunSide side_of(const RunResults &results, const std::string &name) {
  return RunSide{name,
                 results.experiment.name,
                 results.status,
                 results.experiment.repeats,
                 results.experiment.time_scale,
                 results.environment.build_type,
                 results.environment.cores,
                 results.environment.hostname};
}

std::string describe_load(const Load &load) {
  std::string text = std::to_string(load.tasks) + " tasks";
  if (load.kind == LoadKind::closed)
    return text + " from " + std::to_string(load.clients) + " clients";
  return text + " at " + human_rate(load.rate_per_s) + "/s (" + to_string(load.arrivals) + ")";
}

std::vector<std::string> context_notes(const RunResults &a, const RunResults &b) {
  std::vector<std::string> notes;
  for (const auto &[side, results] : {std::pair{"A", &a}, std::pair{"B", &b}}) {
    if (results->status == RunStatus::cancelled)
      notes.push_back(std::string(side) +
                      " was cancelled: it holds what was measured before the stop");
    else if (results->status == RunStatus::failed)
      notes.push_back(std::string(side) + " failed: " + results->error);
  }
  const Experiment &ea = a.experiment, &eb = b.experiment;
  if (ea.name != eb.name)
    notes.push_back("A ran \"" + ea.name + "\", B ran \"" + eb.name +
                    "\": variants are matched by label alone");
  if (ea.time_scale != eb.time_scale)
    notes.push_back("time scale differs (A ×" + human_scale(ea.time_scale) + ", B ×" +
                    human_scale(eb.time_scale) + "): durations are not comparable");
  if (describe_load(ea.load) != describe_load(eb.load))
    notes.push_back("load differs: A " + describe_load(ea.load) + ", B " + describe_load(eb.load));
  const Environment &va = a.environment, &vb = b.environment;
  if (va.cores != vb.cores || va.hostname != vb.hostname)
    notes.push_back("machines differ: A " + va.hostname + " (" + std::to_string(va.cores) +
                    " cores), B " + vb.hostname + " (" + std::to_string(vb.cores) + " cores)");
  if (va.build_type != vb.build_type)
    notes.push_back("build types differ: A " + va.build_type + ", B " + vb.build_type +
                    " (the lab's own overhead differs)");
  return notes;
}

const VariantResult *find_variant(const RunResults &results, const std::string &label) {
  const auto it = std::find_if(results.variants.begin(), results.variants.end(),
                               [&](const VariantResult &v) { return v.label == label; });
  return it == results.variants.end() ? nullptr : &*it;
}

} // namespace

std::string_view to_string(NoiseMethod method) {
  constexpr std::string_view names[] = {"bootstrap", "welch", "not_estimated"};
  return names[static_cast<std::size_t>(method)];
}

std::string_view to_string(Verdict verdict) {
  constexpr std::string_view names[] = {"better",  "worse",         "within_noise",
                                        "changed", "noise_unknown", "not_measured"};
  return names[static_cast<std::size_t>(verdict)];
}

std::string NoiseEstimate::describe(Metric metric) const {
  if (!estimated())
    return reason;
  const std::string name = method == NoiseMethod::bootstrap ? "bootstrap" : "Welch t";
  return name + " " + human_percent(confidence) + " CI [" +
         metric_delta_text(metric, interval.low) + ", " + metric_delta_text(metric, interval.high) +
         "]";
}

std::optional<double> MetricComparison::ratio() const {
  if (!measured() || *baseline == 0)
    return std::nullopt;
  return *candidate / *baseline;
}

std::optional<double> MetricComparison::relative_change() const {
  if (!measured())
    return std::nullopt;
  if (*baseline == 0)
    return delta() == 0 ? 0 : std::copysign(std::numeric_limits<double>::infinity(), delta());
  return delta() / std::fabs(*baseline);
}

std::optional<double> MetricComparison::worsening() const {
  const std::optional<double> change = relative_change();
  const Better better = metric_info(metric).better;
  if (!change || better == Better::neither)
    return std::nullopt;
  return better == Better::lower ? *change : -*change;
}

std::string VariantSetup::describe() const {
  std::string text = model;
  if (loops > 0)
    text += " L=" + std::to_string(loops);
  if (pool_size > 0)
    text += " P=" + std::to_string(pool_size);
  return text;
}

const MetricComparison *VariantComparison::find(Metric metric) const {
  const auto it = std::find_if(metrics.begin(), metrics.end(),
                               [&](const MetricComparison &m) { return m.metric == metric; });
  return it == metrics.end() ? nullptr : &*it;
}

Comparison compare_runs(const RunResults &baseline, const RunResults &candidate,
                        const CompareOptions &options) {
  // A sweep keeps a few numbers per point, not the per-task samples a comparison rests on.
  if (baseline.sweep || candidate.sweep)
    throw std::invalid_argument(
        (baseline.sweep ? options.baseline_name : options.candidate_name) +
        " is a sweep's results: compare takes two single runs (their per-task samples); a "
        "sweep's points are in its charts and its report");
  Comparison out;
  out.baseline = side_of(baseline, options.baseline_name);
  out.candidate = side_of(candidate, options.candidate_name);
  out.bootstrap = options.bootstrap;
  out.notes = context_notes(baseline, candidate);
  for (const VariantResult &a : baseline.variants) {
    if (const VariantResult *b = find_variant(candidate, a.label))
      out.variants.push_back(compare_variant(a, *b, options.bootstrap));
    else
      out.only_in_baseline.push_back(a.label);
  }
  for (const VariantResult &b : candidate.variants)
    if (!find_variant(baseline, b.label))
      out.only_in_candidate.push_back(b.label);
  return out;
}

} // namespace conlab
