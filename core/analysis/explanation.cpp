#include "core/analysis/explanation.h"

#include "core/util/format.h"

#include <sstream>

namespace conlab {
namespace {

std::string pool_words(const ExplanationFacts &f) {
  const std::string p = std::to_string(f.pool_threads);
  switch (f.pool) {
  case PoolKind::none:
    return "";
  case PoolKind::python_default_executor:
    return "Python's default executor has min(32, cores + 4) = " + p + " threads on " +
           std::to_string(f.cores) + " cores";
  case PoolKind::anyio_default:
    return "AnyIO's thread limiter allows " + p + " threads";
  case PoolKind::plain:
    return "the pool has " + p + (f.pool_threads == 1 ? " thread" : " threads");
  case PoolKind::processes:
    return "the pool has " + p + (f.pool_threads == 1 ? " worker process" : " worker processes");
  }
  return "";
}

// What the worker processes cost, after the cause.
void processes(std::ostringstream &out, const ExplanationFacts &f) {
  if (f.worker_processes <= 0)
    return;
  out << " Each of its " << human_count(f.worker_processes)
      << " worker processes has an interpreter of its own; starting them took "
      << human_duration(f.process_start_s)
      << (f.process_start_in_run ? " inside the makespan" : " before the run, as a server's do");
  if (f.handoff_p50_s > 0)
    out << ", and each task's trip to a worker and back " << human_duration(f.handoff_p50_s)
        << " (p50)";
  out << ".";
  if (f.tasks_taken_down > 0)
    out << " A worker process died and took down " << human_count(f.tasks_taken_down) << " tasks.";
}

// Ends a sentence about queueing with the pool that caused it and the waves it made.
void pool_limit(std::ostringstream &out, const ExplanationFacts &f) {
  const std::string pool = pool_words(f);
  if (!pool.empty())
    out << " (" << pool << ")";
  if (f.waves > 1)
    out << ", so " << f.tasks_per_repeat << " tasks took " << f.waves << " waves";
  out << ".";
}

void cause(std::ostringstream &out, const ExplanationFacts &f) {
  switch (f.cause) {
  case ExplanationCause::gil_bound:
    if (f.gil_waits_only)
      out << "Its threads waited " << human_percent(f.share)
          << " of their running time for the GIL, about " << human_duration(f.gil_wait_per_wake_s)
          << " each time a wait ended: a CPU-bound thread held the lock, and a waiting thread "
             "gets it back only when the switch interval ("
          << human_duration(f.switch_interval_s) << ") has passed and it asks for it.";
    else
      out << "Its threads waited " << human_percent(f.share)
          << " of their running time for the GIL (" << human_count(f.forced_switches)
          << " forced switches): in CPython one thread runs Python code at a time, so "
          << human_count(f.gil_threads) << " threads computed at the speed of one.";
    return;
  case ExplanationCause::loop_held_up_elsewhere:
    out << "The event loop was held up " << human_percent(f.share) << " of the run (worst lag "
        << human_duration(f.worst_lag_s)
        << ") although no step of this workload blocks it: the machine was busy with other "
           "work, and these numbers carry that noise.";
    return;
  case ExplanationCause::loop_blocked:
    out << "The event loop was blocked " << human_percent(f.share) << " of the run (worst lag "
        << human_duration(f.worst_lag_s) << "): each blocking step froze every task, so about "
        << human_count(f.overlap) << " ran at a time.";
    return;
  case ExplanationCause::executor_bound:
    out << "The loop stayed free (worst lag " << human_duration(f.worst_lag_s)
        << "), but tasks spent " << human_percent(f.share) << " of their response time waiting for "
        << (f.pool == PoolKind::processes ? "a worker process" : "an executor thread") << "; about "
        << human_count(f.overlap) << " ran their blocking work at once";
    pool_limit(out, f);
    return;
  case ExplanationCause::queue_bound:
    out << "Tasks spent " << human_percent(f.share) << " of their response time "
        << (f.own_thread ? "waiting for their own thread to start" : "queued for a worker")
        << "; about " << human_count(f.overlap) << " ran at once";
    pool_limit(out, f);
    return;
  case ExplanationCause::cpu_saturated:
    out << "The CPU was saturated (" << human_percent(f.share) << " of " << f.cores
        << " cores): computation, not waiting, set the pace.";
    return;
  case ExplanationCause::cpu_overlap:
    out << "About " << human_count(f.overlap) << " tasks computed at once on " << f.cores
        << " cores (CPU " << human_percent(f.share)
        << " busy): computation can only overlap as far as there are free cores.";
    return;
  case ExplanationCause::external_server:
    return; // against_model says it all
  case ExplanationCause::waits_overlapped:
    out << "About " << human_count(f.overlap) << " tasks overlapped at once";
    if (f.lag_measured)
      out << " and the loop stayed responsive (worst lag " << human_duration(f.worst_lag_s) << ")";
    out << "; waiting was overlapped, not queued.";
    return;
  }
}

void against_prediction(std::ostringstream &out, const PredictionCheck &c) {
  out << " Measured " << human_duration(c.measured_s) << " vs predicted "
      << human_duration(c.predicted_s) << " (" << (c.gap >= 0 ? "+" : "") << human_percent(c.gap)
      << ")";
  switch (c.verdict) {
  case PredictionCheck::Verdict::slower:
    out << ": slower than an ideal machine by more than 10%, overhead or contention worth a look.";
    return;
  case PredictionCheck::Verdict::faster:
    out << ": faster than the model says, so the model misses something here.";
    return;
  case PredictionCheck::Verdict::close:
    out << ".";
    return;
  }
}

// What the variant's model says the server does, in words.
std::string model_words(const ExplanationFacts &f) {
  const std::string pool = pool_words(f);
  if (!pool.empty())
    return f.model + ": " + pool;
  if (f.model_blocks_loop)
    return f.model + ": a blocking step holds the one loop, so requests are served one at a time";
  if (f.model == "event_loop")
    return f.model + ": the waits overlap on one loop";
  return f.model;
}

// A real server, against the model its variant names.
void against_model(std::ostringstream &out, const ExplanationFacts &f) {
  if (!f.prediction)
    return;
  const PredictionCheck &c = *f.prediction;
  const std::string gap = std::string(c.gap >= 0 ? "+" : "") + human_percent(c.gap);
  if (c.verdict == PredictionCheck::Verdict::close) {
    out << "The server took " << human_duration(c.measured_s) << ", as its model predicts ("
        << human_duration(c.predicted_s) << ", " << gap << "), " << model_words(f) << ".";
    return;
  }
  out << "The server took " << human_duration(c.measured_s) << " where its model ("
      << model_words(f) << ") predicts " << human_duration(c.predicted_s) << " (" << gap
      << "): it does not work as that model says; it overlapped "
      << (c.verdict == PredictionCheck::Verdict::slower
              ? "less (a smaller pool, a blocking call, or too few cores)"
              : "more (a larger pool, or a wait that does not block)")
      << ".";
}

void against_claim(std::ostringstream &out, const ClaimCheck &c, std::uint32_t tasks) {
  if (c.agrees) {
    out << " This agrees with the reported " << human_duration(c.claimed_s) << ".";
    return;
  }
  out << " The reported " << human_duration(c.claimed_s) << " does not hold here";
  if (c.by_waves)
    out << ": with " << c.threads << " threads, " << tasks << " tasks need ⌈" << tasks << "/"
        << c.threads << "⌉ = " << c.waves << " waves; " << human_duration(c.claimed_s)
        << " would need " << tasks << " threads at once.";
  else
    out << " (measured " << human_duration(c.measured_s) << ").";
}

std::string_view cause_words(Cause c) {
  switch (c) {
  case Cause::queue_wait:
    return "queued";
  case Cause::on_cpu:
    return "on a core";
  case Cause::runnable:
    return "waiting for a core";
  case Cause::blocked:
    return "blocked on a wait";
  case Cause::loop_delay:
    return "ready while its loop ran others";
  case Cause::gil_wait:
    return "waiting for the GIL";
  case Cause::handoff:
    return "on the way to a worker process";
  case Cause::other:
    return "unexplained";
  }
  return "";
}

void split(std::ostringstream &out, const ExplanationFacts &f) {
  const std::vector<ExplanationFacts::SplitPart> parts = split_parts_to_name(f);
  if (!parts.empty()) {
    out << (parts.size() < f.split.size() ? " The rest went to: " : " Its response time went to: ");
    for (std::size_t i = 0; i < parts.size(); ++i)
      out << (i == 0 ? "" : ", ") << human_percent(parts[i].share) << ' '
          << cause_words(parts[i].cause);
    out << '.';
  }
  if (f.ready_share_of_started > 0) {
    out << " Once started, " << human_percent(f.ready_share_of_started)
        << " of it was spent ready but waiting for a core: the CPU (" << f.cores
        << (f.cores == 1 ? " core" : " cores");
    if (f.pool_size > 0)
      out << "), not the pool of " << f.pool_size << ", was the limit.";
    else
      out << ") was the limit.";
  }
}

} // namespace

std::string explain(const ExplanationFacts &f) {
  if (f.nothing_finished)
    return "No task finished, so there is nothing to explain yet.";
  std::ostringstream out;
  cause(out, f);
  processes(out, f);
  split(out, f);
  if (f.completed < f.tasks) {
    out << " Only " << f.completed << " of " << f.tasks
        << " tasks finished before the run stopped.";
    return out.str();
  }
  if (f.cause == ExplanationCause::external_server)
    against_model(out, f);
  else if (f.prediction)
    against_prediction(out, *f.prediction);
  if (f.claim)
    against_claim(out, *f.claim, f.tasks_per_repeat);
  std::string text = out.str();
  text.erase(0, text.find_first_not_of(' ')); // a cause with nothing to say leaves a space
  return text;
}

std::string explain(const Variant &variant, const Summary &summary, const Prediction &prediction,
                    double time_scale, int cores, std::size_t repeats) {
  return explain(explanation_facts(variant, summary, prediction, time_scale, cores, repeats));
}

} // namespace conlab
