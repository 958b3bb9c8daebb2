#include "core/analysis/explanation_facts.h"

#include "core/engine/model_registry.h"

#include <algorithm>
#include <cmath>

namespace conlab {
namespace {

// Above these shares the evidence is strong enough to name a cause.
constexpr double kBlockedLoop = 0.5;
constexpr double kQueueBound = 0.3;
constexpr double kGilBound = 0.3; // of the tasks' running time
constexpr double kCpuSaturated = 0.8;
constexpr double kPredictionGap = 0.10;
constexpr double kClaimGap = 0.25;
constexpr double kSplitPart = 0.05; // a cause the explanation names

// Whether some step of the workload runs on (and so freezes) the model's event loop.
bool blocks_its_loop(const Variant &v, int cores) {
  const ModelInfo *info = find_model(v.model);
  if (!info || !info->shape)
    return false;
  const ScheduleShape shape = info->shape(v, cores);
  if (shape.loops == 0 || shape.executor_threads > 0)
    return false;
  for (const Step *step : written_leaves(v.steps)) // the kinds alone: no need to expand
    if (step->kind != StepKind::io)
      return true;
  return false;
}

bool has_cpu(const Variant &v) {
  for (const Step *s : written_leaves(v.steps))
    if (s->kind == StepKind::cpu)
      return true;
  return false;
}

// Tasks really running (not waiting for an executor thread), averaged over the run: Little's law
// with the throughput, which is per run also when the summary pools several repeats.
double tasks_at_once(const Summary &s) {
  const double running = s.service_s.mean - s.executor_wait_s.mean;
  return running * s.throughput_per_s;
}

void name_pool(ExplanationFacts &f, const Variant &v, int cores) {
  if (!v.pool_size)
    return;
  f.pool_threads = v.pool_size->resolve(cores);
  const std::string &named = v.pool_size->named;
  f.pool = runs_in_processes(v)                 ? PoolKind::processes
           : named == "python_default_executor" ? PoolKind::python_default_executor
           : named == "anyio_default"           ? PoolKind::anyio_default
                                                : PoolKind::plain;
}

// Σ GIL wait over Σ running time (service): how much of the time the tasks held a thread they
// were waiting, not computing or waiting on I/O.
double gil_share_of_running(const Summary &s) {
  return s.service_s.mean > 0 ? s.gil_wait_s.mean / s.service_s.mean : 0;
}

std::size_t wait_steps(const Variant &v) {
  std::size_t n = 0;
  for (const Step &step : leaf_steps(v.steps))
    n += step.kind != StepKind::cpu;
  return n;
}

void name_gil(ExplanationFacts &f, const Variant &v, const Summary &s, double time_scale) {
  f.background_threads = v.background_cpu_threads.value_or(0);
  f.gil_threads = s.workers_used + f.background_threads;
  f.forced_switches = s.gil.forced_switches;
  f.switch_interval_s = v.switch_interval() / 1000 * time_scale;
  f.gil_waits_only = !has_cpu(v);
  // Every wait step ends with taking the lock back, and so does the start of a task: its thread
  // was idle in between and gave the lock up.
  f.gil_wait_per_wake_s = s.gil_wait_s.mean / static_cast<double>(wait_steps(v) + 1);
}

void find_cause(ExplanationFacts &f, const Variant &v, const Summary &s, int cores,
                double time_scale) {
  // A server the lab did not start sits behind a socket: its queues, loop and threads are out of
  // sight, and the measurement can only be set against what its model predicts.
  if (v.target && !v.target->embedded) {
    f.cause = ExplanationCause::external_server;
    f.model = v.model;
    f.model_blocks_loop = blocks_its_loop(v, cores);
    name_pool(f, v, cores);
    return;
  }
  const bool loop_held_up = s.loop_lag_s.measured && s.loop_lag_s.blocked_share > kBlockedLoop;
  // The GIL first: a loop that waits for the lock lags and a pool whose threads wait for it
  // queues, but the lock is the reason for both.
  if (s.gil.measured && gil_share_of_running(s) > kGilBound) {
    f.cause = ExplanationCause::gil_bound;
    f.share = gil_share_of_running(s);
    name_gil(f, v, s, time_scale);
  } else if (loop_held_up) {
    f.cause = blocks_its_loop(v, cores) ? ExplanationCause::loop_blocked
                                        : ExplanationCause::loop_held_up_elsewhere;
    f.share = s.loop_lag_s.blocked_share;
  } else if (s.executor_wait_share > kQueueBound) {
    f.cause = ExplanationCause::executor_bound;
    f.share = s.executor_wait_share;
  } else if (s.queue_wait_share > kQueueBound) {
    f.cause = ExplanationCause::queue_bound;
    f.share = s.queue_wait_share;
  } else if (s.cpu_utilization > kCpuSaturated) {
    f.cause = ExplanationCause::cpu_saturated;
    f.share = s.cpu_utilization;
  } else if (has_cpu(v)) {
    f.cause = ExplanationCause::cpu_overlap;
    f.share = s.cpu_utilization;
  } else {
    f.cause = ExplanationCause::waits_overlapped;
  }
  if (f.cause == ExplanationCause::executor_bound || f.cause == ExplanationCause::queue_bound)
    name_pool(f, v, cores);
  if (f.cause == ExplanationCause::queue_bound && !v.pool_size) {
    const ModelInfo *info = find_model(v.model);
    f.own_thread =
        info && !info->uses_pool_size && info->shape && info->shape(v, cores).task_threads > 0;
  }
}

std::optional<PredictionCheck> check_prediction(const Summary &s, const Prediction &p) {
  if (!p.makespan_s || *p.makespan_s <= 0 || s.makespan_s <= 0)
    return std::nullopt;
  PredictionCheck c;
  c.measured_s = s.makespan_s;
  c.predicted_s = *p.makespan_s;
  c.gap = s.makespan_s / *p.makespan_s - 1;
  if (std::abs(c.gap) > kPredictionGap)
    c.verdict = c.gap > 0 ? PredictionCheck::Verdict::slower : PredictionCheck::Verdict::faster;
  return c;
}

std::optional<ClaimCheck> check_claim(const Variant &v, const Summary &s, const Prediction &p,
                                      double time_scale, int cores) {
  if (!v.claimed_makespan_s || s.makespan_s <= 0)
    return std::nullopt;
  ClaimCheck c;
  c.claimed_s = *v.claimed_makespan_s * time_scale;
  c.measured_s = s.makespan_s;
  c.agrees = std::abs(s.makespan_s / c.claimed_s - 1) <= kClaimGap;
  // Waves of the pool's size only: when clients or cores allow fewer at once, "with N threads"
  // would name the wrong limit.
  if (!c.agrees && p.waves > 1 && v.pool_size && p.concurrency == v.pool_size->resolve(cores)) {
    c.by_waves = true;
    c.threads = p.concurrency;
    c.waves = p.waves;
  }
  return c;
}

// The split only where it was measured inside the tasks: an HTTP target's would be all queue
// and "other", which says nothing the latency does not.
void find_split(ExplanationFacts &f, const Variant &v, const Summary &s, int cores) {
  const CauseSplit &c = s.causes;
  if (!c.measured || c.tasks == 0)
    return;
  for (Cause cause : kCauses)
    if (c.share(cause) >= kSplitPart)
      f.split.push_back({cause, c.share(cause)});
  std::sort(f.split.begin(), f.split.end(),
            [](const auto &a, const auto &b) { return a.share > b.share; });
  const double started = c.response_s - c.seconds(Cause::queue_wait);
  const double ready = started > 0 ? c.seconds(Cause::runnable) / started : 0;
  if (ready > 0.5) {
    f.ready_share_of_started = ready;
    const ModelInfo *info = find_model(v.model);
    f.pool_size = info && info->uses_pool_size ? resolved_pool_size(v, cores) : 0;
  }
}

} // namespace

std::vector<ExplanationFacts::SplitPart> split_parts_to_name(const ExplanationFacts &f) {
  const bool queue_named =
      f.cause == ExplanationCause::queue_bound || f.cause == ExplanationCause::executor_bound;
  std::vector<ExplanationFacts::SplitPart> out;
  for (const auto &part : f.split)
    if (!(queue_named && part.cause == Cause::queue_wait))
      out.push_back(part);
  return out;
}

ExplanationFacts explanation_facts(const Variant &variant, const Summary &summary,
                                   const Prediction &prediction, double time_scale, int cores,
                                   std::size_t repeats) {
  ExplanationFacts f;
  f.tasks = summary.tasks;
  f.tasks_per_repeat =
      static_cast<std::uint32_t>(summary.tasks / std::max<std::size_t>(1, repeats));
  f.completed = summary.completed;
  if (summary.completed == 0) {
    f.nothing_finished = true;
    return f;
  }
  f.lag_measured = summary.loop_lag_s.measured;
  f.worst_lag_s = summary.loop_lag_s.max_s;
  f.overlap = tasks_at_once(summary);
  f.cores = cores;
  f.cpu_utilization = summary.cpu_utilization;
  f.waves = prediction.waves;
  find_cause(f, variant, summary, cores, time_scale);
  find_split(f, variant, summary, cores);
  if (summary.processes.measured) {
    f.worker_processes = summary.processes.workers;
    f.process_start_s = summary.processes.start_s;
    f.process_start_in_run = summary.processes.start_in_run;
    f.handoff_p50_s = summary.handoff_s.p50;
    f.tasks_taken_down = summary.processes.tasks_taken_down;
  }
  // A partial run's makespan says nothing about the whole run's prediction or claims.
  if (summary.completed < summary.tasks)
    return f;
  f.prediction = check_prediction(summary, prediction);
  f.claim = check_claim(variant, summary, prediction, time_scale, cores);
  return f;
}

} // namespace conlab
