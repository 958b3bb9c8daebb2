#include "core/compare/compare.h"

#include "core/compare/compare_text.h"
#include "core/util/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace conlab {
namespace {

// Every complete repeat of a variant is one run. A cancelled or failed repeat is not: its
// makespan and its tail are of a different, shorter experiment.
std::vector<const RepeatResult *> complete_runs(std::span<const VariantResult *const> files) {
  std::vector<const RepeatResult *> runs;
  for (const VariantResult *variant : files)
    for (const RepeatResult &repeat : variant->repeats)
      if (repeat.complete)
        runs.push_back(&repeat);
  return runs;
}

VariantSetup setup_of(std::span<const VariantResult *const> files) {
  VariantSetup s;
  const VariantResult &first = *files.front();
  s.model = first.model;
  s.pool_size = first.pool_size;
  s.loops = first.loops;
  s.offload = first.offload;
  for (const VariantResult *variant : files)
    for (const RepeatResult &repeat : variant->repeats) {
      // A run kept without its task samples (a sweep's point) still says how many finished.
      s.finished_tasks += repeat.samples.empty()
                              ? repeat.summary.completed
                              : static_cast<std::size_t>(std::count_if(
                                    repeat.samples.begin(), repeat.samples.end(),
                                    [](const TaskSample &t) { return t.finished(); }));
      ++s.repeats;
      s.complete_repeats += repeat.complete;
    }
  return s;
}

RunValues run_values(std::span<const VariantResult *const> files, Metric metric) {
  RunValues out;
  for (const RepeatResult *run : complete_runs(files))
    if (const std::optional<double> value = metric_value(run->summary, metric))
      out.values.push_back(*value);
  out.trend = trend_test(out.values);
  out.groups = two_groups(out.values);
  return out;
}

// The side's value: the mean over its runs. With no complete run (a cancelled one), what the
// files measured before the stop, pooled, so that the table still shows it.
std::optional<double> side_value(std::span<const VariantResult *const> files, const RunValues &runs,
                                 Metric metric) {
  const std::vector<double> &v = runs.values;
  if (!v.empty())
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  double sum = 0;
  int n = 0;
  for (const VariantResult *variant : files)
    if (const std::optional<double> value = metric_value(variant->summary, metric)) {
      sum += *value;
      ++n;
    }
  return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
}

NoiseEstimate not_estimated(std::string reason) {
  NoiseEstimate noise;
  noise.reason = std::move(reason);
  return noise;
}

std::string runs_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " run" : " runs"); }

NoiseEstimate run_noise(const RunValues &a, const RunValues &b, double confidence) {
  const std::size_t na = a.values.size(), nb = b.values.size();
  if (na < 2 || nb < 2) {
    const std::string counts =
        na == nb ? runs_text(na) + " each" : "A " + runs_text(na) + ", B " + runs_text(nb);
    return not_estimated(counts + ": noise unknown — run with --repeats 5");
  }
  const std::optional<WelchInterval> welch = welch_interval(a.values, b.values, confidence);
  NoiseEstimate noise;
  noise.method = NoiseMethod::welch;
  noise.interval = welch->interval;
  noise.confidence = confidence;
  noise.degrees_of_freedom = welch->degrees_of_freedom;
  noise.n_baseline = na;
  noise.n_candidate = nb;
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

std::vector<double> task_values(std::span<const VariantResult *const> files, Metric metric) {
  std::vector<double> values;
  for (const VariantResult *variant : files)
    for (const RepeatResult &repeat : variant->repeats)
      for (const TaskSample &task : repeat.samples)
        if (task.finished())
          values.push_back(1e-9 * static_cast<double>(metric == Metric::queue_wait_mean
                                                          ? task.queue_wait_ns()
                                                          : task.response_ns()));
  return values;
}

std::vector<std::string> generator_warnings(std::span<const VariantResult *const> files) {
  std::vector<std::string> out;
  for (const VariantResult *variant : files)
    for (const RepeatResult &repeat : variant->repeats)
      for (const std::string &w : repeat.generator_warnings)
        if (std::find(out.begin(), out.end(), w) == out.end())
          out.push_back(w);
  return out;
}

using Files = std::vector<const VariantResult *>; // one variant, in each file of a side

VariantComparison compare_variant(const Files &a, const Files &b, double confidence) {
  VariantComparison out;
  out.label = a.front()->label;
  out.baseline = setup_of(a);
  out.candidate = setup_of(b);
  out.latency_shift =
      mann_whitney(task_values(a, Metric::latency_p50), task_values(b, Metric::latency_p50));
  out.queue_wait_shift = mann_whitney(task_values(a, Metric::queue_wait_mean),
                                      task_values(b, Metric::queue_wait_mean));
  out.generator_warnings_baseline = generator_warnings(a);
  out.generator_warnings_candidate = generator_warnings(b);
  for (const MetricInfo &info : compare_metrics()) {
    MetricComparison m{info.metric};
    m.baseline_runs = run_values(a, info.metric);
    m.candidate_runs = run_values(b, info.metric);
    m.baseline = side_value(a, m.baseline_runs, info.metric);
    m.candidate = side_value(b, m.candidate_runs, info.metric);
    if (!m.baseline || !m.candidate)
      m.noise = not_estimated(std::string("not measured in ") + (!m.baseline ? "A" : "B"));
    else
      m.noise = run_noise(m.baseline_runs, m.candidate_runs, confidence);
    m.verdict = verdict_of(m);
    out.metrics.push_back(std::move(m));
  }
  return out;
}

std::string joined(const std::vector<std::string> &names) {
  std::string text;
  for (const std::string &name : names)
    text += (text.empty() ? "" : ", ") + name;
  return text;
}

int status_rank(RunStatus status) {
  return status == RunStatus::failed ? 2 : status == RunStatus::cancelled ? 1 : 0;
}

RunSide side_of(const RunSet &set, const std::string &name) {
  const RunResults &first = set.runs.front();
  RunSide side{set.names.size() == 1 ? set.names.front() : name,
               set.names,
               first.experiment.name,
               first.status,
               0,
               first.experiment.time_scale,
               first.environment.build_type,
               first.environment.cores,
               first.environment.cpu_model,
               first.environment.hostname};
  if (set.names.size() > 1)
    side.name = joined(set.names);
  for (const RunResults &run : set.runs) {
    side.repeats += run.experiment.repeats;
    if (status_rank(run.status) > status_rank(side.status))
      side.status = run.status;
  }
  return side;
}

std::string describe_load(const Load &load) {
  std::string text = std::to_string(load.tasks) + " tasks";
  if (load.kind == LoadKind::closed)
    return text + " from " + std::to_string(load.clients) + " clients";
  return text + " at " + human_rate(load.rate_per_s) + "/s (" + to_string(load.arrivals) + ")";
}

// What makes two machines of different kinds for the lab's numbers: the cores it could use, the
// CPU, and the build (the lab's own overhead). An unknown value (an older file) differs from
// nothing. "cores 2 and 4, build type Debug and Release".
std::string kind_differences(const Environment &a, const Environment &b) {
  std::vector<std::string> parts;
  if (a.cores != b.cores && a.cores > 0 && b.cores > 0)
    parts.push_back("cores " + std::to_string(a.cores) + " and " + std::to_string(b.cores));
  if (a.cpu_model != b.cpu_model && !a.cpu_model.empty() && !b.cpu_model.empty())
    parts.push_back("CPU model \"" + a.cpu_model + "\" and \"" + b.cpu_model + "\"");
  if (a.build_type != b.build_type && !a.build_type.empty() && !b.build_type.empty())
    parts.push_back("build type " + a.build_type + " and " + b.build_type);
  return joined(parts);
}

constexpr const char *kAllowMixed = " (--allow-mixed compares them anyway)";

// The files of one side must be runs of one experiment, on one kind of machine.
void check_side(const RunSet &set, const char *side, const CompareOptions &options,
                std::vector<std::string> &notes) {
  const RunResults &first = set.runs.front();
  for (std::size_t i = 1; i < set.runs.size(); ++i) {
    const RunResults &run = set.runs[i];
    const std::string pair = set.names[0] + " and " + set.names[i];
    const Experiment &e0 = first.experiment, &ei = run.experiment;
    if (e0.name != ei.name || e0.time_scale != ei.time_scale ||
        describe_load(e0.load) != describe_load(ei.load))
      throw CompareRefused(std::string(side) + "'s files " + pair +
                           " are runs of different experiments (name, time scale or load "
                           "differ): the runs of one side must repeat one experiment");
    const std::string kinds = kind_differences(first.environment, run.environment);
    if (kinds.empty())
      continue;
    if (!options.allow_mixed_machines)
      throw CompareRefused(std::string(side) + "'s files " + pair +
                           " ran on different kinds of machine: " + kinds + kAllowMixed);
    notes.push_back(std::string(side) + "'s files " + pair +
                    " ran on different kinds of machine: " + kinds);
  }
}

std::vector<std::string> context_notes(const RunSet &a, const RunSet &b,
                                       const CompareOptions &options) {
  std::vector<std::string> notes;
  check_side(a, "A", options, notes);
  check_side(b, "B", options, notes);
  const RunResults &ra = a.runs.front(), &rb = b.runs.front();
  const std::string kinds = kind_differences(ra.environment, rb.environment);
  if (!kinds.empty()) {
    if (!options.allow_mixed_machines)
      throw CompareRefused("A and B ran on different kinds of machine: " + kinds +
                           ": their numbers measure the machines as much as the change" +
                           kAllowMixed);
    notes.push_back("A and B ran on different kinds of machine: " + kinds);
  }
  for (const auto &[side, set] : {std::pair{"A", &a}, std::pair{"B", &b}})
    for (std::size_t i = 0; i < set->runs.size(); ++i) {
      const RunResults &run = set->runs[i];
      const std::string who =
          set->runs.size() == 1 ? std::string(side) : std::string(side) + " " + set->names[i];
      if (run.status == RunStatus::cancelled)
        notes.push_back(who + " was cancelled: it holds what was measured before the stop");
      else if (run.status == RunStatus::failed)
        notes.push_back(who + " failed: " + run.error);
    }
  const Experiment &ea = ra.experiment, &eb = rb.experiment;
  if (ea.name != eb.name)
    notes.push_back("A ran \"" + ea.name + "\", B ran \"" + eb.name +
                    "\": variants are matched by label alone");
  if (ea.time_scale != eb.time_scale)
    notes.push_back("time scale differs (A ×" + human_scale(ea.time_scale) + ", B ×" +
                    human_scale(eb.time_scale) + "): durations are not comparable");
  if (describe_load(ea.load) != describe_load(eb.load))
    notes.push_back("load differs: A " + describe_load(ea.load) + ", B " + describe_load(eb.load));
  const Environment &va = ra.environment, &vb = rb.environment;
  if (kinds.empty() && va.hostname != vb.hostname)
    notes.push_back("hosts differ, of the same kind: A " + va.hostname + ", B " + vb.hostname);
  return notes;
}

const VariantResult *find_variant(const RunResults &results, const std::string &label) {
  const auto it = std::find_if(results.variants.begin(), results.variants.end(),
                               [&](const VariantResult &v) { return v.label == label; });
  return it == results.variants.end() ? nullptr : &*it;
}

Files files_of(const RunSet &set, const std::string &label) {
  Files files;
  for (const RunResults &run : set.runs)
    if (const VariantResult *v = find_variant(run, label))
      files.push_back(v);
  return files;
}

// The labels of a side, each once, in the order its files first name them.
std::vector<std::string> labels_of(const RunSet &set) {
  std::vector<std::string> labels;
  for (const RunResults &run : set.runs)
    for (const VariantResult &v : run.variants)
      if (std::find(labels.begin(), labels.end(), v.label) == labels.end())
        labels.push_back(v.label);
  return labels;
}

std::string signed_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.2f", value);
  return buffer;
}

std::string p_text(double p) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, p < 0.001 ? "p < 0.001" : "p = %.2g", p);
  return buffer;
}

} // namespace

std::string_view to_string(NoiseMethod method) {
  constexpr std::string_view names[] = {"welch", "not_estimated"};
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
  return "Welch t " + confidence_text(confidence) + " CI over " + std::to_string(n_baseline) +
         " + " + runs_text(n_candidate) + " [" + metric_delta_text(metric, interval.low) + ", " +
         metric_delta_text(metric, interval.high) + "]";
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

Comparison compare_runs(const RunSet &baseline, const RunSet &candidate,
                        const CompareOptions &options) {
  for (const auto &[set, name] : {std::pair{&baseline, &options.baseline_name},
                                  std::pair{&candidate, &options.candidate_name}}) {
    if (set->runs.empty() || set->runs.size() != set->names.size())
      throw std::invalid_argument(*name + ": no results files, or a name missing for one");
    // A sweep keeps a few numbers per point, not the runs of a variant.
    for (std::size_t i = 0; i < set->runs.size(); ++i)
      if (set->runs[i].sweep)
        throw std::invalid_argument(set->names[i] +
                                    " is a sweep's results: compare takes single runs (their "
                                    "repeats); a sweep's points are in its charts and its report");
  }
  Comparison out;
  out.notes = context_notes(baseline, candidate, options);
  out.baseline = side_of(baseline, options.baseline_name);
  out.candidate = side_of(candidate, options.candidate_name);
  out.confidence = options.confidence;
  const std::vector<std::string> labels_a = labels_of(baseline), labels_b = labels_of(candidate);
  for (const std::string &label : labels_a) {
    const Files b = files_of(candidate, label);
    if (b.empty())
      out.only_in_baseline.push_back(label);
    else
      out.variants.push_back(compare_variant(files_of(baseline, label), b, options.confidence));
  }
  for (const std::string &label : labels_b)
    if (std::find(labels_a.begin(), labels_a.end(), label) == labels_a.end())
      out.only_in_candidate.push_back(label);
  return out;
}

Comparison compare_runs(const RunResults &baseline, const RunResults &candidate,
                        const CompareOptions &options) {
  return compare_runs(RunSet{{baseline}, {options.baseline_name}},
                      RunSet{{candidate}, {options.candidate_name}}, options);
}

std::vector<std::string> comparison_warnings(const Comparison &comparison, Metric metric) {
  std::vector<std::string> out;
  const std::string title(metric_info(metric).title);
  for (const VariantComparison &v : comparison.variants) {
    const MetricComparison *m = v.find(metric);
    for (const auto &[side, runs, generator] :
         {std::tuple{"A", m ? &m->baseline_runs : nullptr, &v.generator_warnings_baseline},
          std::tuple{"B", m ? &m->candidate_runs : nullptr, &v.generator_warnings_candidate}}) {
      const std::string who = std::string(side) + ", " + v.label + ": ";
      if (runs && runs->drifts())
        out.push_back(who + title + " drifted " + (runs->trend->tau > 0 ? "up" : "down") +
                      " across its " + runs_text(runs->trend->n) + " (Kendall τ = " +
                      signed_number(runs->trend->tau) + ", " + p_text(runs->trend->p_value) +
                      "): the machine changed while they ran, so their spread is not the noise "
                      "of one state");
      if (runs && runs->bimodal()) {
        const TwoGroups &g = *runs->groups;
        out.push_back(who + "the runs fall into two groups (" + std::to_string(g.low_count) +
                      " near " + metric_text(metric, g.low_mean) + ", " +
                      std::to_string(g.n - g.low_count) + " near " +
                      metric_text(metric, g.high_mean) +
                      "): the machine switched between two states; their mean is neither");
      }
      for (const std::string &w : *generator)
        out.push_back(who + "the load generator's self-check: " + w);
    }
  }
  return out;
}

} // namespace conlab
