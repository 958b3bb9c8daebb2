#include "core/engine/runner.h"

#include "core/analysis/cost_comparison.h"
#include "core/analysis/explanation.h"
#include "core/analysis/simulator.h"
#include "core/engine/background_cpu.h"
#include "core/engine/load_driver.h"
#include "core/engine/model_registry.h"
#include "core/http/http_target.h"
#include "core/util/format.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <malloc.h>
#include <mutex>
#include <stdexcept>

namespace conlab {
namespace {

// Beyond this many steps (tasks × steps per task) the simulation would take seconds before the
// run even starts.
constexpr std::int64_t kMaxSimulatedSteps = 4'000'000;

class ProgressTracker {
public:
  ProgressTracker(const RunOptions &options, std::vector<double> expected, int repeats)
      : m_options(options), m_expected(std::move(expected)) {
    for (double s : m_expected)
      m_total += s * repeats;
  }

  void begin(std::size_t variant, int repeat) {
    m_variant = variant;
    m_repeat = repeat;
    m_variant_start = clock::now();
  }
  void end() { m_done += m_expected[m_variant]; }

  void report(const TaskRecorder &recorder) {
    if (!m_options.on_progress)
      return;
    RunProgress p;
    p.variant = m_variant;
    p.repeat = m_repeat;
    // Read in this order (finished, started, submitted) so no count can exceed the one before.
    p.finished = recorder.finished_count();
    const std::uint64_t started = recorder.started_count();
    const std::uint64_t submitted = recorder.submitted_count();
    p.total = recorder.tasks();
    p.in_flight = submitted > p.finished ? submitted - p.finished : 0;
    p.queued = submitted > started ? submitted - started : 0;
    p.busy = started > p.finished ? started - p.finished : 0;
    p.elapsed_s = seconds_since(m_start);
    // Within a variant, tasks finished is a poor clock (/c finishes everything at the end), so
    // take the larger of the task share and the time share of the variant's length. That length
    // is the expected one until the variant outruns it; from then on the expectation no longer
    // tells, and the pace of its finished tasks does. Late with none finished, nobody knows:
    // the ETA is unknown (-1) and the bar holds where it was.
    const double expected = std::max(m_expected[m_variant], 1e-3);
    const double here_s = seconds_since(m_variant_start);
    const double by_tasks =
        p.total ? static_cast<double>(p.finished) / static_cast<double>(p.total) : 0;
    const bool late = here_s > expected;
    if (!late || by_tasks > 0.01) {
      const double length = late ? here_s / by_tasks : expected;
      const double within = std::min(0.99, std::max(by_tasks, here_s / length));
      // The variants still to come, at the pace of those that ran (or of this one, if late).
      const double before_s = p.elapsed_s - here_s;
      const double pace = m_done > 0 ? before_s / m_done : length / expected;
      p.eta_s = (1 - within) * length + std::max(0.0, m_total - m_done - expected) * pace;
      // Never backwards: a bar that shrinks reads as a bug, even when the estimate grew.
      if (p.elapsed_s + p.eta_s > 0)
        m_fraction = std::max(m_fraction, p.elapsed_s / (p.elapsed_s + p.eta_s));
    }
    p.fraction = std::min(1.0, m_fraction);
    m_options.on_progress(p);
  }

private:
  using clock = std::chrono::steady_clock;
  static double seconds_since(clock::time_point t) {
    return std::chrono::duration<double>(clock::now() - t).count();
  }

  const RunOptions &m_options;
  std::vector<double> m_expected;
  double m_total = 0, m_done = 0;
  double m_fraction = 0; // the largest reported so far
  std::size_t m_variant = 0;
  int m_repeat = 0;
  clock::time_point m_start = clock::now(), m_variant_start = clock::now();
};

// A loop that starts a million tasks allocates a frame for each, about 120 MB in one go from
// its thread's heap. glibc grows such a heap 128 KB at a time, with an mprotect call each: a
// third of the time it took to start them all (228 ns a task against 148 with a 64 MB step,
// bench_scale_io 1000000). A larger step costs address space, not memory: only pages touched
// are resident, and baseline_rss_bytes() hands what is freed back before each variant.
void grow_heaps_in_large_steps() {
  static std::once_flag once;
  std::call_once(once, [] { mallopt(M_TOP_PAD, 64 << 20); });
}

// The resident memory before a variant builds its model: what its tasks' memory is measured
// above. Heap that the last variant freed is handed back to the system first (glibc keeps it
// otherwise, and this variant would reuse it without its RSS growing).
std::int64_t baseline_rss_bytes() {
  malloc_trim(0);
  return current_rss_bytes();
}

TaskCostInputs cost_inputs(const Workload &w, std::int64_t baseline_rss,
                           const ModelContext &context) {
  TaskCostInputs in{.baseline_rss_bytes = baseline_rss,
                    .thread_starts = context.thread_starts().totals()};
  for (std::size_t step = 0; step < w.step_count(); ++step) {
    if (w.kind(step) != StepKind::cpu)
      in.waits_per_task += 1;
    else
      in.computation_per_task_s += w.mean_ns(step) * 1e-9;
  }
  return in;
}

// Why the variant's split is not measured, or SplitLeftOut::no.
SplitLeftOut left_out(CauseSplitMode mode, const Variant &variant, double time_scale) {
  const ModelInfo *info = find_model(variant.model);
  // Its loops, and the tasks on them, run in worker processes the recorder cannot see into.
  if (info && info->uses_processes && variant.processes.value_or(false))
    return SplitLeftOut::child_processes;
  if (mode == CauseSplitMode::off)
    return SplitLeftOut::turned_off;
  if (mode == CauseSplitMode::automatic && !split_is_cheap(variant, time_scale))
    return SplitLeftOut::short_steps;
  return SplitLeftOut::no;
}

RepeatResult run_repeat(const Experiment &e, std::size_t index, int repeat, const CpuWork &cpu,
                        int cores, const std::stop_token &stop, ProgressTracker &progress,
                        SplitLeftOut split_left_out) {
  const Variant &variant = e.variants[index];
  const ModelInfo *info = find_model(variant.model);
  if (!info)
    throw std::invalid_argument("unknown model " + variant.model);

  RepeatResult out;
  out.repeat = repeat;
  const Workload workload(variant, e.time_scale, e.seed, static_cast<std::uint32_t>(index));
  const RunClock clock;
  TaskRecorder recorder(static_cast<std::uint32_t>(e.load.tasks), clock);
  if (split_left_out == SplitLeftOut::no) {
    recorder.measure_causes();
    recorder.keep_step_spans();
  }
  LoadDriver driver(e.load, recorder, stop, e.seed);
  // The switch interval is a duration like the steps', so it follows the time scale.
  std::optional<Gil> gil;
  if (variant.has_gil()) {
    gil.emplace(std::llround(variant.switch_interval() * 1e6 * e.time_scale));
    recorder.keep_gil_waits();
  }
  ModelContext context(
      workload, cpu, recorder, stop, [&driver](std::uint32_t task) { driver.on_finished(task); },
      gil ? &*gil : nullptr);
  const std::int64_t baseline_rss = baseline_rss_bytes();
  std::unique_ptr<Model> model = info->create({variant, cores, context});

  RunMeter meter(recorder);
  model->start();
  std::optional<BackgroundCpu> background;
  if (variant.background_cpu_threads.value_or(0) > 0)
    background.emplace(*variant.background_cpu_threads, cpu, gil ? &*gil : nullptr);
  const auto load_start = std::chrono::steady_clock::now();
  driver.run(*model, [&] { progress.report(recorder); });
  model->shutdown();
  const GilStats gil_stats = gil ? gil->stats() : GilStats{};
  const double run_ns =
      std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - load_start)
          .count();
  if (background)
    background->stop();
  out.telemetry = meter.stop(out.resources);
  const std::optional<ProcessReport> processes = context.take_processes();
  if (processes) {
    // The workers' CPU and switches are the variant's too: getrusage(RUSAGE_SELF) misses them.
    out.resources.cpu_time_s += processes->cpu_time_s;
    out.resources.voluntary_context_switches += processes->voluntary_context_switches;
    out.resources.involuntary_context_switches += processes->involuntary_context_switches;
    out.error = processes->error;
  }

  out.samples = recorder.take_samples();
  out.gil_waits = recorder.take_gil_waits();
  out.causes = recorder.take_causes();
  out.step_spans = recorder.take_step_spans();
  out.loop_lag = context.take_loop_lag();
  out.latency_over_time.add_finished(out.samples);
  out.summary = summarize(out.samples, out.telemetry, out.loop_lag, out.resources, cores);
  out.summary.causes = split_causes(out.samples, out.causes);
  out.summary.causes.left_out = split_left_out;
  out.summary.cost =
      measure_task_cost(out.samples, out.resources, cost_inputs(workload, baseline_rss, context));
  if (gil) {
    out.summary.gil.measured = true;
    out.summary.gil.forced_switches = static_cast<double>(gil_stats.forced_switches);
    out.summary.gil.held_share =
        run_ns > 0 ? std::min(1.0, static_cast<double>(gil_stats.held_ns) / run_ns) : 0;
  }
  if (processes)
    out.summary.processes =
        ProcessSummary{.measured = true,
                       .workers = static_cast<double>(processes->workers),
                       .start_s = processes->start_s,
                       .start_in_run = processes->start_in_run,
                       .tasks_taken_down = static_cast<double>(processes->tasks_taken_down)};
  out.complete = out.summary.completed == out.summary.tasks;
  progress.report(recorder);
  return out;
}

void finish_variant(const Experiment &e, const Variant &v, VariantResult &result, int cores) {
  std::vector<Summary> summaries;
  std::vector<std::vector<TaskSample>> samples;
  std::vector<const FoldedSamples *> folded;
  for (const RepeatResult &r : result.repeats) {
    summaries.push_back(r.summary);
    samples.push_back(r.samples);
    folded.push_back(r.beyond_budget ? &*r.beyond_budget : nullptr);
  }
  result.summary = combine_repeats(summaries, samples, folded);
  // Workers started by the run's first task are inside the makespan: so is their measured cost.
  if (result.summary.processes.start_in_run && result.prediction.makespan_s) {
    *result.prediction.makespan_s += result.summary.processes.start_s;
    result.prediction.formula +=
        " + the workers' start, measured: " + human_duration(result.summary.processes.start_s);
    result.prediction.throughput_per_s =
        static_cast<double>(e.load.tasks) / *result.prediction.makespan_s;
  }
  result.explanation =
      explain(v, result.summary, result.prediction, e.time_scale, cores, result.repeats.size());
  // What went wrong in a repeat (a worker process died) comes first.
  std::string errors;
  for (const RepeatResult &r : result.repeats)
    if (!r.error.empty())
      errors += "Repeat " + std::to_string(r.repeat + 1) + ": " + r.error + ". ";
  result.explanation = errors + result.explanation;
}

// Coroutine vs thread: a variant on threads says what its tasks cost beside the run's coroutines.
void add_cost_comparisons(RunResults &results, int cores) {
  std::vector<MeasuredVariant> run;
  for (std::size_t i = 0; i < results.variants.size(); ++i)
    run.push_back({&results.experiment.variants[i], &results.variants[i].summary});
  for (std::size_t i = 0; i < run.size(); ++i)
    if (const auto c = compare_with_coroutines(run[i], run, cores))
      results.variants[i].explanation += describe(*c);
}

VariantResult describe_variant(const Experiment &e, std::size_t index, int cores) {
  const Variant &v = e.variants[index];
  VariantResult r = variant_setup(v, cores);
  r.prediction = predict(v, e.load, e.time_scale, cores);
  const bool simulable = simulator_models(v);
  if (!r.prediction.makespan_s && !simulable)
    r.prediction.formula += " (the simulator does not model the GIL or background threads)";
  const std::int64_t steps = simulated_steps(e, index);
  if (!r.prediction.makespan_s && simulable && steps > kMaxSimulatedSteps)
    r.prediction.formula += " (not simulated: " + human_count(static_cast<double>(steps)) +
                            " steps in all, beyond the simulator's " +
                            human_count(static_cast<double>(kMaxSimulatedSteps)) + ")";
  if (!r.prediction.makespan_s && simulable && steps <= kMaxSimulatedSteps) {
    // No closed form: the discrete-event simulation of the same model, load and durations.
    const Simulation sim = simulate(e, index, cores);
    r.prediction.makespan_s = sim.summary.makespan_s;
    if (sim.summary.makespan_s > 0)
      r.prediction.throughput_per_s = sim.summary.completed / sim.summary.makespan_s;
    r.prediction.formula = "simulated (" + r.prediction.formula + ")";
  }
  return r;
}

} // namespace

bool split_is_cheap(const Variant &variant, double time_scale) {
  const ModelInfo *info = find_model(variant.model);
  const bool loop = info && info->has_event_loop;
  double total_ms = 0;
  std::size_t steps = 0;
  for (const Step &step : leaf_steps(variant.steps))
    if (!loop || step.kind != StepKind::io) { // a loop awaits its io steps: no thread runs them
      total_ms += step.duration.mean_ms();
      ++steps;
    }
  // A thread-based model reads around a whole task, a loop around each step it hands a thread.
  const double readings = loop ? static_cast<double>(steps) : 1.0;
  return steps == 0 || total_ms / readings * 1e-3 * time_scale >= kCheapSplitStepS;
}

VariantResult variant_setup(const Variant &v, int cores) {
  const ModelInfo *info = find_model(v.model);
  VariantResult r;
  r.label = v.label;
  r.model = v.model;
  r.offload = v.offload.value_or(false);
  if (info && info->uses_pool_size && (!info->uses_offload || r.offload)) {
    r.pool_size = resolved_pool_size(v, cores);
    r.pool_description = v.pool_size ? v.pool_size->describe(cores) : std::to_string(r.pool_size);
  }
  if (info && info->uses_loops)
    r.loops = v.loops.value_or(cores);
  return r;
}

const char *to_string(RunStatus status) {
  switch (status) {
  case RunStatus::completed:
    return "completed";
  case RunStatus::cancelled:
    return "cancelled";
  case RunStatus::failed:
    return "failed";
  }
  return "?";
}

RunResults run_experiment(const Experiment &e, const RunOptions &options) {
  const auto started = std::chrono::steady_clock::now();
  grow_heaps_in_large_steps();
  RunResults results;
  results.experiment = e;
  results.environment = current_environment();
  const int cores = options.cores > 0 ? options.cores : results.environment.cores;
  results.calibration = options.calibration ? *options.calibration : CpuWork::calibrate();
  const CpuWork cpu(results.calibration);

  std::vector<double> expected;
  for (const Variant &v : e.variants) {
    results.variants.push_back(describe_variant(e, results.variants.size(), cores));
    expected.push_back(expected_seconds(e, v, results.variants.back().prediction));
  }
  ProgressTracker progress(options, expected, e.repeats);
  std::vector<std::string> http_notes(e.variants.size()); // HTTP targets: errors, self-check

  try {
    for (int repeat = 0; repeat < e.repeats; ++repeat) {
      for (std::size_t i = 0; i < e.variants.size() && !options.stop.stop_requested(); ++i) {
        progress.begin(i, repeat);
        results.variants[i].repeats.push_back(
            e.variants[i].target
                ? http::run_target_repeat(
                      e, i, repeat, cpu, cores, options.stop,
                      [&progress](const TaskRecorder &r) { progress.report(r); }, http_notes[i])
                : run_repeat(e, i, repeat, cpu, cores, options.stop, progress,
                             left_out(options.split, e.variants[i], e.time_scale)));
        progress.end();
        if (options.on_repeat_done)
          options.on_repeat_done(i, results.variants[i].repeats.back());
      }
    }
  } catch (const std::exception &ex) {
    // Keep what was measured; say what went wrong.
    results.status = RunStatus::failed;
    results.error = ex.what();
  }
  if (results.status != RunStatus::failed && options.stop.stop_requested())
    results.status = RunStatus::cancelled;
  for (std::size_t i = 0; i < e.variants.size(); ++i) {
    finish_variant(e, e.variants[i], results.variants[i], cores);
    if (!http_notes[i].empty())
      results.variants[i].explanation += " " + http_notes[i];
  }
  add_cost_comparisons(results, cores);
  results.wall_time_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return results;
}

} // namespace conlab
