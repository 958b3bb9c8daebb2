// Everything a run produced: the spec it ran, where, the calibration, and per variant the raw
// samples, telemetry, summary, prediction and explanation. Values only; they cross threads.
#pragma once

#include "core/analysis/folded_samples.h"
#include "core/analysis/interval_histograms.h"
#include "core/analysis/latency_over_time.h"
#include "core/analysis/prediction.h"
#include "core/analysis/summary.h"
#include "core/engine/cpu_work.h"
#include "core/engine/loop_lag.h"
#include "core/engine/task_sample.h"
#include "core/engine/telemetry.h"
#include "core/experiment/spec.h"
#include "core/results/environment.h"
#include "core/results/load_parts.h"
#include "core/sweep/sweep_results.h"
#include "core/watch/process_watch.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace conlab {

enum class RunStatus { completed, cancelled, failed };
const char *to_string(RunStatus status);

// HTTP mode: requests that got no usable response, by kind, and responses outside 2xx by code.
// Such requests have no end time in the samples; a non-2xx response is complete, so it has one.
struct HttpErrors {
  std::uint64_t refused = 0; // connection refused
  std::uint64_t reset = 0;   // connection reset or closed before the response was complete
  std::uint64_t timeout = 0; // no complete response within the timeout
  std::uint64_t other = 0;   // e.g. a malformed response, a host that does not resolve
  std::map<int, std::uint64_t> status; // non-2xx responses by status code
  std::uint64_t failed() const { return refused + reset + timeout + other; }
  std::uint64_t total() const {
    std::uint64_t n = failed();
    for (const auto &[code, count] : status)
      n += count;
    return n;
  }
};

struct RepeatResult {
  int repeat = 0;
  std::vector<TaskSample> samples; // every task's, or the first ones' up to the sample budget
  // The tasks beyond the sample budget, counted and folded into histograms (HTTP runs longer
  // than the budget); the summary covers them and `samples` alone.
  std::optional<FoldedSamples> beyond_budget;
  LatencyOverTime latency_over_time; // every finished task, kept or folded
  std::vector<TelemetryPoint> telemetry;
  std::vector<LoopLagTrace> loop_lag;
  std::vector<GilWait> gil_waits; // under a GIL: the first tasks' waits for the lock
  // One per sample when the run split each task's time by cause (in-process runs); else empty.
  std::vector<TaskCauses> causes;
  std::vector<StepSpan> step_spans; // with `causes`: the first tasks' steps that threads ran
  ResourceUsage resources;
  Summary summary;
  bool complete = false;                 // every task finished
  std::optional<HttpErrors> http_errors; // HTTP targets only
  // HTTP targets with a watched server (--watch PID): its threads, CPU and memory meanwhile.
  std::optional<ProcessWatch> server_watch;
  // HTTP targets: the generator's own self-check when it, not the server, may have been the
  // limit ("sent 812 req/s of the 1,000 asked"). Empty: it kept up.
  std::vector<std::string> generator_warnings;
  // HTTP load runs: the generator's self-check, or in a merged load every generator's.
  std::vector<GeneratorCheck> generators;
  // HTTP load runs: every answered request's response time, by the second it ended in.
  std::optional<IntervalHistograms> latency_by_interval;
  std::string error; // what went wrong in this repeat alone (a worker process died)
};

struct VariantResult {
  std::string label;
  std::string model;
  int pool_size = 0; // resolved P (0 when the model has none)
  int loops = 0;     // resolved L (0 when the model has none)
  bool offload = false;
  std::string pool_description; // e.g. "6 (python_default_executor)"
  std::vector<RepeatResult> repeats;
  Summary summary; // pooled over repeats
  Prediction prediction;
  std::string explanation;
};

// A server the lab started for the run (`--spawn`) and stopped after it.
struct ServerUnderTestRecord {
  std::string command;          // as given to /bin/sh -c
  std::string log_path;         // its stdout and stderr
  std::string ended_on_its_own; // "exited with code 1" when it ended during the run; else empty
};

struct RunResults {
  static constexpr const char *kSchema = "conlab.results/1";
  Experiment experiment;
  Environment environment;
  CpuCalibration calibration;
  RunStatus status = RunStatus::completed;
  std::string error; // when failed
  double wall_time_s = 0;
  std::vector<VariantResult> variants;         // empty for a sweep: its results are per point
  std::optional<SweepResults> sweep;           // present when experiment.sweep is
  std::optional<ServerUnderTestRecord> server; // present when the lab started the server
  std::optional<LoadSettings> load_settings;   // conlab-cli load: the load as it was asked for
};

// Whether some variant of the run measured an interpreter lock ("gil": "cpython").
inline bool ran_under_a_gil(const RunResults &results) {
  for (const VariantResult &v : results.variants)
    if (v.summary.gil.measured)
      return true;
  return false;
}

// Whether some variant of the run had worker processes (process_pool, multi_loop processes).
inline bool ran_worker_processes(const RunResults &results) {
  for (const VariantResult &v : results.variants)
    if (v.summary.processes.measured)
      return true;
  return false;
}

} // namespace conlab
