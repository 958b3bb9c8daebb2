#include "explanation.h"

#include "format.h"
#include "model_registry.h"

#include <cmath>
#include <sstream>

namespace conlab {
namespace {

// Above these shares the evidence is strong enough to name a cause.
constexpr double kBlockedLoop = 0.5;
constexpr double kQueueBound = 0.3;
constexpr double kCpuSaturated = 0.8;
constexpr double kPredictionGap = 0.10;
constexpr double kClaimGap = 0.25;

std::string pool_words(const Variant &v, int cores) {
  if (!v.pool_size)
    return "";
  const int p = v.pool_size->resolve(cores);
  const std::string &named = v.pool_size->named;
  if (named == "python_default_executor")
    return "Python's default executor has min(32, cores + 4) = " + std::to_string(p) +
           " threads on " + std::to_string(cores) + " cores";
  if (named == "anyio_default")
    return "AnyIO's thread limiter allows " + std::to_string(p) + " threads";
  return "the pool has " + std::to_string(p) + " threads";
}

// Whether some step of the workload runs on (and so freezes) the model's event loop.
bool blocks_its_loop(const Variant &v, int cores) {
  const ModelInfo *info = find_model(v.model);
  if (!info || !info->shape)
    return false;
  const ScheduleShape shape = info->shape(v, cores);
  if (shape.loops == 0 || shape.executor_threads > 0)
    return false;
  for (const Step &step : v.steps)
    if (step.kind != StepKind::io)
      return true;
  return false;
}

bool has_cpu(const Variant &v) {
  for (const Step &s : v.steps)
    if (s.kind == StepKind::cpu)
      return true;
  return false;
}

// Tasks really running (not waiting for an executor thread), averaged over the run.
double tasks_at_once(const Summary &s) {
  const double running = s.service_s.mean - s.executor_wait_s.mean;
  return s.makespan_s > 0 ? running * s.completed / s.makespan_s : 0;
}

// Ends a sentence about queueing with the pool that caused it and the waves it made.
void pool_limit(std::ostringstream &out, const Variant &v, const Summary &s, const Prediction &p,
                int cores) {
  const std::string pool = pool_words(v, cores);
  if (!pool.empty())
    out << " (" << pool << ")";
  if (p.waves > 1)
    out << ", so " << s.tasks << " tasks took " << p.waves << " waves";
  out << ".";
}

void cause(std::ostringstream &out, const Variant &v, const Summary &s, const Prediction &p,
           int cores) {
  const double overlap = tasks_at_once(s);
  const bool loop_held_up = s.loop_lag_s.measured && s.loop_lag_s.blocked_share > kBlockedLoop;
  if (loop_held_up && !blocks_its_loop(v, cores)) {
    out << "The event loop was held up " << human_percent(s.loop_lag_s.blocked_share)
        << " of the run (worst lag " << human_duration(s.loop_lag_s.max_s)
        << ") although no step of this workload blocks it: the machine was busy with other "
           "work, and these numbers carry that noise.";
  } else if (loop_held_up) {
    out << "The event loop was blocked " << human_percent(s.loop_lag_s.blocked_share)
        << " of the run (worst lag " << human_duration(s.loop_lag_s.max_s)
        << "): each blocking step froze every task, so about " << human_count(overlap)
        << " ran at a time.";
  } else if (s.executor_wait_share > kQueueBound) {
    out << "The loop stayed free (worst lag " << human_duration(s.loop_lag_s.max_s)
        << "), but tasks spent " << human_percent(s.executor_wait_share)
        << " of their response time waiting for an executor thread; about "
        << human_count(overlap) << " ran their blocking work at once";
    pool_limit(out, v, s, p, cores);
  } else if (s.queue_wait_share > kQueueBound) {
    out << "Tasks spent " << human_percent(s.queue_wait_share)
        << " of their response time queued for a worker; about " << human_count(overlap)
        << " ran at once";
    pool_limit(out, v, s, p, cores);
  } else if (s.cpu_utilization > kCpuSaturated) {
    out << "The CPU was saturated (" << human_percent(s.cpu_utilization) << " of " << cores
        << " cores): computation, not waiting, set the pace.";
  } else if (has_cpu(v)) {
    out << "About " << human_count(overlap) << " tasks computed at once on " << cores
        << " cores (CPU " << human_percent(s.cpu_utilization)
        << " busy): computation can only overlap as far as there are free cores.";
  } else {
    out << "About " << human_count(overlap) << " tasks overlapped at once";
    if (s.loop_lag_s.measured)
      out << " and the loop stayed responsive (worst lag " << human_duration(s.loop_lag_s.max_s)
          << ")";
    out << "; waiting was overlapped, not queued.";
  }
}

void against_prediction(std::ostringstream &out, const Summary &s, const Prediction &p) {
  if (!p.makespan_s || *p.makespan_s <= 0 || s.makespan_s <= 0)
    return;
  const double gap = s.makespan_s / *p.makespan_s - 1;
  out << " Measured " << human_duration(s.makespan_s) << " vs predicted "
      << human_duration(*p.makespan_s) << " (" << (gap >= 0 ? "+" : "") << human_percent(gap)
      << ")";
  if (std::abs(gap) > kPredictionGap)
    out << (gap > 0 ? ": slower than an ideal machine by more than 10%, overhead or contention "
                      "worth a look."
                    : ": faster than the model says, so the model misses something here.");
  else
    out << ".";
}

void against_claim(std::ostringstream &out, const Variant &v, const Summary &s,
                   const Prediction &p, double time_scale) {
  if (!v.claimed_makespan_s || s.makespan_s <= 0)
    return;
  const double claimed = *v.claimed_makespan_s * time_scale;
  const double gap = s.makespan_s / claimed - 1;
  if (std::abs(gap) <= kClaimGap) {
    out << " This agrees with the reported " << human_duration(claimed) << ".";
    return;
  }
  out << " The reported " << human_duration(claimed) << " does not hold here";
  if (p.waves > 1 && v.pool_size)
    out << ": with " << p.concurrency << " threads, " << s.tasks << " tasks need ⌈" << s.tasks
        << "/" << p.concurrency << "⌉ = " << p.waves << " waves; " << human_duration(claimed)
        << " would need " << s.tasks << " threads at once.";
  else
    out << " (measured " << human_duration(s.makespan_s) << ").";
}

} // namespace

std::string explain(const Variant &variant, const Summary &summary, const Prediction &prediction,
                    double time_scale, int cores) {
  std::ostringstream out;
  if (summary.completed == 0)
    return "No task finished, so there is nothing to explain yet.";
  cause(out, variant, summary, prediction, cores);
  if (summary.completed < summary.tasks) {
    // A partial run's makespan says nothing about the whole run's prediction or claims.
    out << " Only " << summary.completed << " of " << summary.tasks
        << " tasks finished before the run stopped.";
    return out.str();
  }
  against_prediction(out, summary, prediction);
  against_claim(out, variant, summary, prediction, time_scale);
  return out.str();
}

} // namespace conlab
