#include "core/sweep/sweep_runner.h"

#include "core/analysis/simulator.h"
#include "core/engine/threads/threads_needed.h"
#include "core/experiment/spec_json.h"
#include "core/sweep/sweep.h"
#include "core/util/format.h"
#include "core/util/json_fields.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <stdexcept>

namespace conlab {
namespace {

using Clock = std::chrono::steady_clock;

// What one variant run costs beyond its tasks: model start and stop, telemetry, summary.
constexpr double kRunOverheadS = 0.02;
// Estimates simulate points without a closed form up to this many steps (milliseconds each).
constexpr std::int64_t kMaxEstimateSimulatedSteps = 100'000;

SweepMetrics metrics_of(const Summary &s) {
  SweepMetrics m;
  m.makespan_s = s.makespan_s;
  m.throughput_per_s = s.throughput_per_s;
  m.p50_s = s.latency_s.p50;
  m.p90_s = s.latency_s.p90;
  m.p99_s = s.latency_s.p99;
  m.max_s = s.latency_s.max;
  m.cpu_utilization = s.cpu_utilization;
  m.loop_lag_p99_s = s.loop_lag_s.p99_s;
  m.loop_lag_max_s = s.loop_lag_s.max_s;
  m.queue_wait_share = s.queue_wait_share;
  m.memory_per_task_bytes = s.cost.memory_per_task_bytes;
  m.cpu_per_wait_s = s.cost.cpu_per_wait_s;
  m.switches_per_task = s.cost.voluntary_switches_per_task + s.cost.involuntary_switches_per_task;
  return m;
}

// Every (point, repeat) pair, in the order they run. Seeded by the experiment, so a resumed
// sweep finds the same order.
std::vector<std::pair<std::size_t, int>> run_order(const Experiment &e, std::size_t points) {
  std::vector<std::pair<std::size_t, int>> order;
  for (int r = 0; r < e.repeats; ++r)
    for (std::size_t p = 0; p < points; ++p)
      order.emplace_back(p, r);
  if (e.sweep && e.sweep->shuffle) {
    std::mt19937_64 random(e.seed ^ 0x9e3779b97f4a7c15ULL);
    std::shuffle(order.begin(), order.end(), random);
  }
  return order;
}

SweepResults fresh_points(const Experiment &e, int cores) {
  SweepResults out;
  for (const std::vector<double> &values : sweep_points(*e.sweep)) {
    const Experiment at = experiment_at(e, values);
    SweepPoint point{values, {}};
    for (std::size_t i = 0; i < at.variants.size(); ++i) {
      SweepVariantPoint v;
      if (!at.variants[i].target)
        if (const auto shortfall = thread_shortfall(at.variants[i], at.load, cores))
          v.beyond_machine = shortfall->describe();
      const Prediction p = predict(at.variants[i], at.load, at.time_scale, cores);
      v.predicted_makespan_s = p.makespan_s;
      v.formula = p.formula;
      if (simulated_steps(at, i) <= kMaxSimulatedSweepSteps && !at.variants[i].target &&
          simulator_models(at.variants[i]))
        v.simulated = metrics_of(simulate(at, i, cores).summary);
      point.variants.push_back(std::move(v));
    }
    out.points.push_back(std::move(point));
  }
  out.runs_total = out.points.size() * static_cast<std::size_t>(e.repeats);
  return out;
}

// Complete runs, and runs to do, of the sweep or of the part it holds.
void count_done(const Experiment &e, SweepResults &sweep) {
  sweep.runs_done = 0;
  sweep.runs_total = 0;
  const auto order = run_order(e, sweep.points.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (sweep.shard && !sweep.shard->owns(k))
      continue;
    ++sweep.runs_total;
    sweep.runs_done += sweep_run_done(sweep, order[k].first, order[k].second) ? 1 : 0;
  }
}

class SweepProgressTracker {
public:
  SweepProgressTracker(const SweepOptions &options, const SweepPlan &plan)
      : m_options(options), m_plan(plan) {
    for (double s : plan.run_seconds)
      m_total += s;
  }

  void begin(std::size_t run) {
    m_run = run;
    m_current.run = run;
    m_current.runs = m_plan.order.size();
    m_current.point = m_plan.order[run].first;
    m_current.repeat = m_plan.order[run].second;
  }
  void end() { m_done += m_plan.run_seconds[m_run]; }

  void report(const RunProgress &inside) {
    if (!m_options.on_progress)
      return;
    SweepProgress p = m_current;
    p.inside = inside;
    p.elapsed_s = std::chrono::duration<double>(Clock::now() - m_start).count();
    const double done = m_done + inside.fraction * m_plan.run_seconds[m_run];
    p.fraction = m_total > 0 ? std::min(1.0, done / m_total) : 0;
    const double pace = done > 0 ? p.elapsed_s / done : 1;
    p.eta_s = std::max(0.0, (m_total - done) * pace);
    m_options.on_progress(p);
  }

private:
  const SweepOptions &m_options;
  const SweepPlan &m_plan;
  SweepProgress m_current;
  std::size_t m_run = 0;
  double m_total = 0, m_done = 0;
  Clock::time_point m_start = Clock::now();
};

} // namespace

bool sweep_run_done(const SweepResults &done, std::size_t point, int repeat) {
  if (point >= done.points.size())
    return false;
  const auto &variants = done.points[point].variants;
  return !variants.empty() &&
         std::all_of(variants.begin(), variants.end(), [&](const SweepVariantPoint &v) {
           return v.has_repeat(repeat) || !v.beyond_machine.empty();
         });
}

// The first top-level key whose value differs, for a message a person can act on.
std::string experiment_difference(const Experiment &a, const Experiment &b) {
  const boost::json::object ja = to_json(a).as_object(), jb = to_json(b).as_object();
  for (const auto &[key, value] : ja) {
    const boost::json::value *other = jb.if_contains(key);
    if (!other || *other != value)
      return std::string(key);
  }
  for (const auto &[key, value] : jb)
    if (!ja.contains(key))
      return std::string(key);
  return "";
}

std::size_t sweep_run_count(const Experiment &e) {
  return e.sweep ? sweep_points(*e.sweep).size() * static_cast<std::size_t>(e.repeats) : 0;
}

std::vector<std::pair<std::size_t, int>> sweep_run_order(const Experiment &e) {
  return e.sweep ? run_order(e, sweep_points(*e.sweep).size())
                 : std::vector<std::pair<std::size_t, int>>{};
}

SweepPlan plan_sweep(const Experiment &e, int cores, const SweepResults *done,
                     const std::optional<Shard> &shard) {
  SweepPlan plan;
  if (!e.sweep)
    return plan;
  const std::vector<std::vector<double>> points = sweep_points(*e.sweep);
  std::vector<double> point_seconds;
  for (const std::vector<double> &values : points) {
    const Experiment at = experiment_at(e, values);
    double seconds = 0;
    for (std::size_t i = 0; i < at.variants.size(); ++i) {
      Prediction p = predict(at.variants[i], at.load, at.time_scale, cores);
      if (!p.makespan_s && simulated_steps(at, i) <= kMaxEstimateSimulatedSteps)
        p.makespan_s = simulate(at, i, cores).summary.makespan_s;
      seconds += expected_seconds(at, at.variants[i], p) + kRunOverheadS;
    }
    point_seconds.push_back(seconds);
  }
  const auto order = run_order(e, points.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto [point, repeat] = order[k];
    if ((shard && !shard->owns(k)) || (done && sweep_run_done(*done, point, repeat)))
      continue;
    plan.order.emplace_back(point, repeat);
    plan.positions.push_back(k);
    plan.run_seconds.push_back(point_seconds[point]);
    plan.estimated_s += point_seconds[point];
  }
  plan.variant_runs = plan.order.size() * e.variants.size();
  return plan;
}

std::optional<std::string> needs_confirmation(const SweepPlan &plan) {
  const bool many = plan.variant_runs > kSweepRunsWithoutConfirmation;
  const bool long_ = plan.estimated_s > kSweepSecondsWithoutConfirmation;
  if (!many && !long_)
    return std::nullopt;
  return std::to_string(plan.variant_runs) + " variant runs, estimated " +
         human_span(plan.estimated_s) + "; a sweep of more than " +
         std::to_string(kSweepRunsWithoutConfirmation) + " runs or " +
         human_span(kSweepSecondsWithoutConfirmation) + " needs confirmation";
}

void check_resumable(const Experiment &e, const RunResults &previous, int cores,
                     const std::optional<Shard> &shard) {
  if (!previous.sweep || !previous.experiment.sweep)
    throw std::invalid_argument("it holds a single run, not a sweep");
  const std::optional<Shard> &held = previous.sweep->shard;
  if (shard && !held)
    throw std::invalid_argument("it holds the whole sweep, not part " + shard->text() +
                                "; resume it without --shard");
  if (shard && held && (shard->index != held->index || shard->count != held->count))
    throw std::invalid_argument("it holds part " + held->text() + ", not part " + shard->text());
  if (const std::string key = experiment_difference(e, previous.experiment); !key.empty())
    throw std::invalid_argument("it is a sweep of a different experiment (" + key +
                                " differs); resume with the experiment it was started with");
  if (previous.environment.cores != cores)
    throw std::invalid_argument("it was measured on " + std::to_string(previous.environment.cores) +
                                " cores and this machine has " + std::to_string(cores) +
                                "; the points would not be comparable");
  if (previous.sweep->points.size() != sweep_points(*e.sweep).size())
    throw std::invalid_argument("its grid has " + std::to_string(previous.sweep->points.size()) +
                                " points, the experiment's has " +
                                std::to_string(sweep_points(*e.sweep).size()));
}

RunResults run_sweep(const Experiment &e, const SweepOptions &options) {
  const auto started = Clock::now();
  RunResults results;
  results.experiment = e;
  results.environment = current_environment();
  const int cores = options.cores > 0 ? options.cores : results.environment.cores;
  if (options.resume) {
    check_resumable(e, *options.resume, cores);
    results.calibration = options.resume->calibration;
    results.sweep = options.resume->sweep;
    for (SweepPoint &point : results.sweep->points) // an interrupted run is redone
      for (SweepVariantPoint &v : point.variants)
        std::erase_if(v.measurements, [](const SweepMeasurement &m) { return !m.complete; });
    if (options.shard) // a part resumed as the same part
      results.sweep->shard = options.shard;
  } else {
    results.calibration = options.calibration ? *options.calibration : CpuWork::calibrate();
    results.sweep = fresh_points(e, cores);
    results.sweep->shard = options.shard;
  }
  SweepResults &sweep = *results.sweep;
  count_done(e, sweep);
  std::size_t next_order = 0;
  for (const SweepPoint &point : sweep.points)
    for (const SweepVariantPoint &v : point.variants)
      for (const SweepMeasurement &m : v.measurements)
        next_order = std::max(next_order, m.order + 1);

  const SweepPlan plan = plan_sweep(e, cores, &sweep, sweep.shard);
  SweepProgressTracker progress(options, plan);
  for (std::size_t k = 0; k < plan.order.size() && !options.stop.stop_requested(); ++k) {
    const auto [point, repeat] = plan.order[k];
    progress.begin(k);
    Experiment at = experiment_at(e, sweep.points[point].values);
    at.repeats = 1;
    // The variants that fit on this machine at this point; run[k] is variant ran[k].
    std::vector<std::size_t> ran;
    std::vector<Variant> fitting;
    for (std::size_t v = 0; v < at.variants.size(); ++v)
      if (sweep.points[point].variants[v].beyond_machine.empty()) {
        ran.push_back(v);
        fitting.push_back(at.variants[v]);
      }
    at.variants = std::move(fitting);
    RunOptions run_options{.stop = options.stop,
                           .on_progress = [&](const RunProgress &p) { progress.report(p); },
                           .cores = cores,
                           .calibration = &results.calibration};
    const RunResults run = at.variants.empty() ? RunResults{} : run_experiment(at, run_options);
    // A part's runs are numbered by their place in the whole sweep's order, so that parts merge
    // into the order one process would have run them in.
    const std::size_t order = sweep.shard ? plan.positions[k] : next_order++;
    for (std::size_t v = 0; v < run.variants.size(); ++v)
      for (const RepeatResult &r : run.variants[v].repeats)
        sweep.points[point].variants[ran[v]].measurements.push_back(
            {repeat, order, run.status == RunStatus::completed, metrics_of(r.summary)});
    progress.end();
    count_done(e, sweep);
    results.wall_time_s = std::chrono::duration<double>(Clock::now() - started).count();
    if (run.status == RunStatus::failed) {
      results.status = RunStatus::failed;
      results.error = "at " + point_text(*e.sweep, sweep.points[point].values) + ": " + run.error;
    }
    if (options.on_run_done)
      options.on_run_done(results);
    if (results.status == RunStatus::failed)
      break;
  }
  count_done(e, sweep);
  if (results.status != RunStatus::failed && sweep.runs_done < sweep.runs_total)
    results.status = RunStatus::cancelled;
  results.wall_time_s = std::chrono::duration<double>(Clock::now() - started).count();
  return results;
}

} // namespace conlab
