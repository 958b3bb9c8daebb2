// What a variant's explanation rests on, as facts and numbers rather than sentences: which cause
// the evidence names, how the measurement compares with the prediction and with a reported
// number. explain() turns them into English (the CLI, results files); the desktop lab words the
// same facts in the language it shows.
#pragma once

#include "core/analysis/prediction.h"
#include "core/analysis/summary.h"
#include "core/experiment/spec.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace conlab {

// The one cause an explanation names first, strongest evidence first.
enum class ExplanationCause {
  gil_bound,              // threads waited for CPython's interpreter lock
  loop_held_up_elsewhere, // the loop was late although nothing in the workload blocks it
  loop_blocked,           // a blocking step froze the event loop
  executor_bound,         // tasks waited for an executor thread (the loop stayed free)
  queue_bound,            // tasks queued for a worker
  cpu_saturated,          // every core was busy computing
  cpu_overlap,            // computation overlapped as far as there were free cores
  waits_overlapped,       // waits overlapped, nothing queued
  external_server,        // a real server timed from outside: its model is the only story
};

// The pool that limited a queueing variant, as the explanation names it.
enum class PoolKind { none, python_default_executor, anyio_default, plain, processes };

struct PredictionCheck {
  enum class Verdict { close, slower, faster }; // beyond ±10% of the prediction, or not
  double measured_s = 0;
  double predicted_s = 0;
  double gap = 0; // measured / predicted − 1
  Verdict verdict = Verdict::close;
};

struct ClaimCheck {
  double claimed_s = 0; // the reported makespan, at the run's time scale
  double measured_s = 0;
  bool agrees = false;   // within 25%
  bool by_waves = false; // disagrees because the pool runs the tasks in waves
  double threads = 0;    // with by_waves: the tasks that run at once
  double waves = 0;      // with by_waves: ⌈tasks / threads⌉
};

struct ExplanationFacts {
  bool nothing_finished = false; // then nothing below is filled in
  ExplanationCause cause = ExplanationCause::waits_overlapped;
  double share = 0; // the cause's share: loop blocked, executor or queue wait, CPU busy
  bool lag_measured = false;
  double worst_lag_s = 0;
  double overlap = 0; // tasks running at once, averaged over the run
  int cores = 0;
  double cpu_utilization = 0;
  PoolKind pool = PoolKind::none; // for executor_bound and queue_bound
  // queue_bound on a model that starts a thread for every task: the queue is the wait for that
  // thread to start, not for a free worker.
  bool own_thread = false;
  int pool_threads = 0;
  double waves = 0;                   // the prediction's waves; named when > 1
  std::uint32_t tasks = 0;            // over all repeats
  std::uint32_t completed = 0;        // < tasks: a partial run, compared with nothing
  std::uint32_t tasks_per_repeat = 0; // what one run's waves and the claim count
  // gil_bound: the threads that took turns at the lock (task threads and background ones), the
  // share of the tasks' running time spent waiting for it, and the wait per wake-up when the
  // tasks only wait (the convoy beside a CPU-bound thread).
  double gil_threads = 0;
  int background_threads = 0;
  double forced_switches = 0;
  bool gil_waits_only = false;
  double gil_wait_per_wake_s = 0;
  double switch_interval_s = 0; // at the run's time scale
  // Worker processes (process_pool; multi_loop with "processes": true): how many, what starting
  // them cost and whether that was inside the makespan, each task's hand-off there and back
  // (p50), and the tasks a dead worker took down.
  double worker_processes = 0;
  double process_start_s = 0;
  bool process_start_in_run = false;
  double handoff_p50_s = 0;
  double tasks_taken_down = 0;
  // external_server: the model the variant says the server follows, and whether that model's
  // blocking step holds its event loop.
  std::string model;
  bool model_blocks_loop = false;
  // Where the time went (in-process runs): the causes that took 5% or more of the response
  // time, largest first; and, when more than half of the time the tasks had started went to
  // waiting for a core, that share, the cores and the pool size (0: no pool) to name the limit.
  struct SplitPart {
    Cause cause = Cause::other;
    double share = 0;
  };
  std::vector<SplitPart> split;
  double ready_share_of_started = 0; // 0 unless above one half
  int pool_size = 0;
  std::optional<PredictionCheck> prediction;
  std::optional<ClaimCheck> claim;
};

// The split's parts that the cause sentence has not already named: a queue it put a share on is
// left out, so that the two do not say the same number twice.
std::vector<ExplanationFacts::SplitPart> split_parts_to_name(const ExplanationFacts &facts);

// `summary` pools `repeats` runs (combine_repeats): counts add up, times are per run.
ExplanationFacts explanation_facts(const Variant &variant, const Summary &summary,
                                   const Prediction &prediction, double time_scale, int cores,
                                   std::size_t repeats);

} // namespace conlab
