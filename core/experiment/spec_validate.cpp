// The value rules of an experiment: ranges, names, limits of this machine. Shared by the file
// reader and the editor, which builds experiments in code.
#include "core/engine/model_registry.h"
#include "core/engine/threads/thread_limits.h"
#include "core/engine/threads/threads_needed.h"
#include "core/experiment/spec_json.h"
#include "core/http/url.h"
#include "core/sweep/sweep.h"
#include "core/util/json_fields.h"
#include "core/util/machine_memory.h"
#include "core/util/translatable.h"
#include "core/watch/process_watch.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include <unistd.h>

namespace conlab {
namespace {

using json::field_path;
using json::index_path;
using json::number_text;

constexpr double kMaxStepMs = 3'600'000; // one hour
constexpr double kMaxTimeScale = 1000;
constexpr double kMaxRatePerS = 1e7;
constexpr std::int64_t kMaxTasks = 50'000'000;
constexpr double kSampleBytes = 64; // one TaskSample plus its share of the summary's copies
constexpr std::string_view kPoolNames[] = {"python_default_executor", "anyio_default", "cores"};

class Checker {
public:
  explicit Checker(json::Errors &errors) : m_errors(errors) {}

  // `format` is a CONLAB_TRANSLATABLE template, its %1, %2, … filled with `args`.
  void error(std::string path, const char *format, std::vector<std::string> args = {}) {
    m_errors.push_back(field_error(std::move(path), format, std::move(args)));
  }
  void range(const std::string &path, std::int64_t value, std::int64_t lo, std::int64_t hi,
             const char *above = CONLAB_TRANSLATABLE("conlab::errors", "must be ≤ %1")) {
    if (value < lo)
      error(path, CONLAB_TRANSLATABLE("conlab::errors", "must be ≥ %1"), {std::to_string(lo)});
    else if (value > hi)
      error(path, above, {std::to_string(hi)});
  }
  bool finite(const std::string &path, double value) {
    if (std::isfinite(value))
      return true;
    error(path, CONLAB_TRANSLATABLE("conlab::errors", "must be a finite number"));
    return false;
  }
  void milliseconds(const std::string &path, double ms, bool positive) {
    if (!finite(path, ms))
      return;
    if (positive ? ms <= 0 : ms < 0)
      error(path,
            positive ? CONLAB_TRANSLATABLE("conlab::errors", "must be > 0")
                     : CONLAB_TRANSLATABLE("conlab::errors", "must be ≥ %1"),
            {"0"});
    else if (ms > kMaxStepMs)
      error(path, CONLAB_TRANSLATABLE("conlab::errors", "must be ≤ %1 (one hour)"),
            {number_text(kMaxStepMs)});
  }

  json::Errors &errors() { return m_errors; }

private:
  json::Errors &m_errors;
};

std::string bytes_text(double bytes) {
  const char *units[] = {"bytes", "KB", "MB", "GB", "TB", "PB"};
  std::size_t unit = 0;
  while (bytes >= 1024 && unit + 1 < std::size(units)) {
    bytes /= 1024;
    ++unit;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
  return buffer;
}

void check_load(Checker &c, const Experiment &e) {
  const Load &load = e.load;
  const std::string tasks = "load.tasks";
  if (load.tasks < 1) {
    c.error(tasks, CONLAB_TRANSLATABLE("conlab::errors", "must be ≥ %1"), {"1"});
  } else if (load.tasks > kMaxTasks) {
    c.error(tasks,
            CONLAB_TRANSLATABLE("conlab::errors",
                                "must be ≤ %1 (the samples of a bigger run are kept in memory)"),
            {std::to_string(kMaxTasks)});
  } else {
    const double variants = static_cast<double>(std::max<std::size_t>(e.variants.size(), 1));
    const double repeats = std::max(e.repeats, 1);
    const double bytes = static_cast<double>(load.tasks) * variants * repeats * kSampleBytes;
    const double limit = physical_memory_bytes() / 4;
    if (bytes > limit)
      c.error(tasks,
              CONLAB_TRANSLATABLE("conlab::errors",
                                  "%1 tasks × %2 variants × %3 repeats need about %4 for samples; "
                                  "the limit is %5 (a quarter of this machine's memory)"),
              {std::to_string(load.tasks), number_text(variants), number_text(repeats),
               bytes_text(bytes), bytes_text(limit)});
  }
  if (load.kind == LoadKind::closed) {
    if (load.clients < 1)
      c.error("load.clients", CONLAB_TRANSLATABLE("conlab::errors", "must be ≥ %1"), {"1"});
  } else if (c.finite("load.rate_per_s", load.rate_per_s) &&
             (load.rate_per_s <= 0 || load.rate_per_s > kMaxRatePerS)) {
    c.error("load.rate_per_s", CONLAB_TRANSLATABLE("conlab::errors", "must be > 0 and ≤ %1"),
            {number_text(kMaxRatePerS)});
  }
}

void check_step(Checker &c, const Step &step, const std::string &path) {
  const Duration &d = step.duration;
  switch (d.distribution) {
  case DistributionKind::fixed:
    c.milliseconds(field_path(path, "ms"), d.ms, false);
    break;
  case DistributionKind::uniform:
    c.milliseconds(field_path(path, "min_ms"), d.min_ms, false);
    c.milliseconds(field_path(path, "max_ms"), d.max_ms, false);
    if (d.min_ms > d.max_ms)
      c.error(field_path(path, "min_ms"),
              CONLAB_TRANSLATABLE("conlab::errors", "must be ≤ max_ms (%1 > %2)"),
              {number_text(d.min_ms), number_text(d.max_ms)});
    break;
  case DistributionKind::exponential:
    c.milliseconds(field_path(path, "mean_ms"), d.ms, true);
    break;
  }
}

void check_steps(Checker &c, const std::vector<Step> &steps, const std::string &path, int depth) {
  for (std::size_t j = 0; j < steps.size(); ++j) {
    const Step &step = steps[j];
    const std::string at = index_path(path, j);
    if (!step.is_repeat()) {
      check_step(c, step, at);
      continue;
    }
    c.range(field_path(at, "repeat"), *step.repeat, 1, kMaxStepsPerTask);
    if (depth + 1 > kMaxRepeatDepth) {
      c.error(at, CONLAB_TRANSLATABLE("conlab::errors", "repeats nest at most %1 deep"),
              {std::to_string(kMaxRepeatDepth)});
      continue;
    }
    if (step.steps.empty())
      c.error(field_path(at, "steps"),
              CONLAB_TRANSLATABLE("conlab::errors", "must contain at least one step"));
    check_steps(c, step.steps, field_path(at, "steps"), depth + 1);
  }
}

void check_pool(Checker &c, const PoolSize &pool, const std::string &path, int cores) {
  if (pool.named.empty()) {
    c.range(path, pool.value, 1, kMaxThreads,
            CONLAB_TRANSLATABLE("conlab::errors", "must be ≤ %1 (the thread cap)"));
    return;
  }
  if (std::find(std::begin(kPoolNames), std::end(kPoolNames), pool.named) == std::end(kPoolNames)) {
    c.error(path,
            CONLAB_TRANSLATABLE("conlab::errors",
                                "must be an integer or one of \"python_default_executor\", "
                                "\"anyio_default\", \"cores\" (found %1)"),
            {json::quoted(pool.named)});
    return;
  }
  const int threads = pool.resolve(cores);
  if (threads > kMaxThreads)
    c.error(path,
            CONLAB_TRANSLATABLE("conlab::errors", "\"%1\" means %2 threads on this machine, above "
                                                  "the cap of %3; give a number"),
            {pool.named, std::to_string(threads), std::to_string(kMaxThreads)});
}

// An empty or unknown model: the known ones, and the nearest when it is a likely typo.
void unknown_model(Checker &c, const std::string &path, const std::string &name) {
  std::string list, suggestion;
  std::size_t best = 3;
  for (const ModelInfo *m : model_registry()) {
    list += (list.empty() ? "" : ", ") + std::string(m->name);
    const std::size_t d = json::edit_distance(name, m->name);
    if (d < best && d < name.size()) {
      best = d;
      suggestion = m->name;
    }
  }
  if (name.empty())
    c.error(path, CONLAB_TRANSLATABLE("conlab::errors", "must not be empty; known models: %1"),
            {list});
  else if (suggestion.empty())
    c.error(path, CONLAB_TRANSLATABLE("conlab::errors", "unknown model %1; known models: %2"),
            {json::quoted(name), list});
  else
    c.error(path,
            CONLAB_TRANSLATABLE("conlab::errors",
                                "unknown model %1; did you mean %2? known models: %3"),
            {json::quoted(name), suggestion, list});
}

// "stack_kb": at least what pthreads accepts, and only where the model starts task threads.
void check_stack(Checker &c, const Variant &v, const ModelInfo *info, const std::string &path) {
  if (!v.stack_kb)
    return;
  const std::string stack = field_path(path, "stack_kb");
  const bool starts_threads =
      info && info->uses_stack_size && (!info->uses_offload || v.offload.value_or(false));
  if (info && !starts_threads) {
    c.error(stack,
            CONLAB_TRANSLATABLE("conlab::errors",
                                "not used by model %1: it starts no threads that run tasks"),
            {v.model});
    return;
  }
  if (v.target)
    c.error(stack, CONLAB_TRANSLATABLE("conlab::errors", "not available in HTTP mode"));
  const std::int64_t least_kb = (minimum_thread_stack_bytes() + 1023) / 1024;
  if (*v.stack_kb < least_kb)
    c.error(stack,
            CONLAB_TRANSLATABLE("conlab::errors", "must be ≥ %1 (PTHREAD_STACK_MIN on this "
                                                  "machine, in KiB)"),
            {std::to_string(least_kb)});
  else
    c.range(stack, *v.stack_kb, least_kb, kMaxStackKb,
            CONLAB_TRANSLATABLE("conlab::errors", "must be ≤ %1 (1 GiB)"));
}

// The threads the variant starts at once against what this machine allows now, so that a run
// that would hit a limit halfway (pthread_create failing, the OOM killer) never starts.
void check_threads(Checker &c, const Variant &v, const ModelInfo &info, const Load &load, int cores,
                   const std::string &path) {
  const std::optional<ThreadShortfall> shortfall = thread_shortfall(v, load, cores);
  if (!shortfall)
    return;
  const std::string where = info.uses_pool_size && v.pool_size ? field_path(path, "pool_size")
                            : info.uses_loops && v.loops       ? field_path(path, "loops")
                                                               : field_path(path, "model");
  c.error(where, shortfall->limit.format, shortfall->limit.arguments(shortfall->needed));
}

void check_variant(Checker &c, const Experiment &e, std::size_t i, int cores, ThreadLimits limits) {
  const Variant &v = e.variants[i];
  const std::string path = index_path("variants", i);
  if (v.label.empty())
    c.error(field_path(path, "label"), CONLAB_TRANSLATABLE("conlab::errors", "must not be empty"));
  for (std::size_t j = 0; j < i && !v.label.empty(); ++j)
    if (e.variants[j].label == v.label) {
      c.error(field_path(path, "label"),
              CONLAB_TRANSLATABLE("conlab::errors", "duplicate label %1 (variants[%2] has it too)"),
              {json::quoted(v.label), std::to_string(j)});
      break;
    }
  const ModelInfo *info = find_model(v.model);
  const std::string model_path = field_path(path, "model");
  if (!info)
    unknown_model(c, model_path, v.model);
  const auto unused = [&](std::string_view key) {
    c.error(field_path(path, key), CONLAB_TRANSLATABLE("conlab::errors", "not used by model %1"),
            {v.model});
  };
  if (v.pool_size) {
    if (info && !info->uses_pool_size)
      unused("pool_size");
    else
      check_pool(c, *v.pool_size, field_path(path, "pool_size"), cores);
  }
  if (v.loops) {
    if (info && !info->uses_loops)
      unused("loops");
    else
      c.range(field_path(path, "loops"), *v.loops, 1, kMaxLoops);
  } else if (info && info->uses_loops && cores > kMaxLoops) {
    c.error(field_path(path, "loops"),
            CONLAB_TRANSLATABLE("conlab::errors", "the default of one loop per core means %1 loops "
                                                  "on this machine, above the cap of %2; give a "
                                                  "number"),
            {std::to_string(cores), std::to_string(kMaxLoops)});
  }
  if (v.offload && info && !info->uses_offload)
    unused("offload");
  if (v.processes && info && !info->uses_processes)
    unused("processes");
  if (info && info->runs_in_processes && info->runs_in_processes(v)) {
    if (info->uses_pool_size && v.pool_size && v.pool_size->resolve(cores) > kMaxWorkerProcesses)
      c.error(
          field_path(path, "pool_size"),
          CONLAB_TRANSLATABLE("conlab::errors", "means %1 worker processes, above the cap of %2"),
          {std::to_string(v.pool_size->resolve(cores)), std::to_string(kMaxWorkerProcesses)});
    if (v.target)
      c.error(model_path, CONLAB_TRANSLATABLE("conlab::errors",
                                              "worker processes are not available in HTTP mode"));
  }
  if (v.switch_interval_ms) {
    const std::string interval = field_path(path, "switch_interval_ms");
    if (!v.has_gil())
      c.error(interval,
              CONLAB_TRANSLATABLE("conlab::errors", "only applies with \"gil\": \"cpython\""));
    else if (c.finite(interval, *v.switch_interval_ms) &&
             (*v.switch_interval_ms <= 0 || *v.switch_interval_ms > kMaxSwitchIntervalMs))
      c.error(interval,
              CONLAB_TRANSLATABLE("conlab::errors", "must be > 0 and ≤ %1 (1 s; Python's is 5)"),
              {number_text(kMaxSwitchIntervalMs)});
  }
  if (v.gil && v.target)
    c.error(field_path(path, "gil"),
            CONLAB_TRANSLATABLE("conlab::errors",
                                "not available in HTTP mode: the server's interpreter is its own"));
  if (v.background_cpu_threads) {
    c.range(field_path(path, "background_cpu_threads"), *v.background_cpu_threads, 0,
            kMaxBackgroundCpuThreads);
    if (v.target)
      c.error(field_path(path, "background_cpu_threads"),
              CONLAB_TRANSLATABLE("conlab::errors", "not available in HTTP mode"));
  }
  check_stack(c, v, info, path);
  if (v.claimed_makespan_s) {
    const std::string claimed = field_path(path, "claimed_makespan_s");
    if (c.finite(claimed, *v.claimed_makespan_s) && *v.claimed_makespan_s < 0)
      c.error(claimed, CONLAB_TRANSLATABLE("conlab::errors", "must be ≥ %1"), {"0"});
  }
  if (v.steps.empty())
    c.error(field_path(path, "steps"),
            CONLAB_TRANSLATABLE("conlab::errors", "must contain at least one step"));
  check_steps(c, v.steps, field_path(path, "steps"), 0);
  if (const std::int64_t n = steps_per_task(v.steps); n > kMaxStepsPerTask)
    c.error(field_path(path, "steps"),
            CONLAB_TRANSLATABLE("conlab::errors",
                                "each task would run more than %1 steps (the cap), counting "
                                "every repeat; repeat fewer times"),
            {std::to_string(kMaxStepsPerTask)});
  if (v.target && !v.target->embedded) {
    std::string why;
    if (!http::parse_url(v.target->url, why)) // the URL parser's own words
      c.errors().push_back(FieldError{field_path(field_path(path, "target"), "url"), why});
    // A process is checked now, not when its variant's turn comes: a PID that names nothing is
    // an error before the run starts.
    if (const std::optional<std::int64_t> pid = v.target->watch) {
      if (const std::string problem = watch_problem(*pid); !problem.empty())
        c.errors().push_back(FieldError{field_path(field_path(path, "target"), "watch"), problem});
    }
  }
  if (info && !v.target && limits == ThreadLimits::checked)
    check_threads(c, v, *info, e.load, cores, path);
}

} // namespace

std::vector<FieldError> validate_experiment(const Experiment &experiment, int cores,
                                            ThreadLimits limits) {
  json::Errors errors;
  Checker c(errors);
  if (experiment.name.empty())
    c.error("name", CONLAB_TRANSLATABLE("conlab::errors", "must not be empty"));
  if (c.finite("time_scale", experiment.time_scale) &&
      (experiment.time_scale <= 0 || experiment.time_scale > kMaxTimeScale))
    c.error("time_scale", CONLAB_TRANSLATABLE("conlab::errors", "must be > 0 and ≤ %1"),
            {number_text(kMaxTimeScale)});
  c.range("repeats", experiment.repeats, 1, 1000);
  check_load(c, experiment);
  if (experiment.variants.empty())
    c.error("variants", CONLAB_TRANSLATABLE("conlab::errors", "must contain at least one variant"));
  // A sweep checks each point's threads itself, and runs the variants that fit there.
  if (experiment.sweep)
    limits = ThreadLimits::left_to_the_sweep;
  for (std::size_t i = 0; i < experiment.variants.size(); ++i)
    check_variant(c, experiment, i, cores, limits);
  for (FieldError &e : validate_sweep(experiment, cores))
    errors.push_back(std::move(e));
  return errors;
}

} // namespace conlab
