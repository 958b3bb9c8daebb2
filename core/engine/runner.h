// Runs an experiment: every variant, every repeat, one after another, under the chosen load.
// Blocking call; run it off any thread that must stay responsive. Cancellation through the stop
// token keeps everything measured so far.
#pragma once

#include "core/results/results.h"

#include <functional>
#include <stop_token>

namespace conlab {

struct RunProgress {
  std::size_t variant = 0; // index into experiment.variants
  int repeat = 0;
  std::uint64_t finished = 0;  // tasks finished in this variant-repeat
  std::uint64_t total = 0;     // tasks in this variant-repeat
  double elapsed_s = 0;        // since the run started
  double eta_s = -1;           // estimated seconds left in the whole run; -1 unknown
  double fraction = 0;         // of the whole run's predicted time, 0..1
  std::uint64_t in_flight = 0; // submitted, not finished (live telemetry of this variant)
  std::uint64_t queued = 0;    // submitted, not started
  std::uint64_t busy = 0;      // started, not finished
};

enum class CauseSplitMode { automatic, on, off };
inline constexpr double kCheapSplitStepS = 1e-3;

// Whether `automatic` splits the variant: none of its steps runs on a thread, or what is read
// around (a thread-based model's whole task, a loop's thread-run step) averages kCheapSplitStepS
// or more at the time scale.
bool split_is_cheap(const Variant &variant, double time_scale);

struct RunOptions {
  std::stop_token stop;
  // Called from the runner's thread about every 100 ms, and at each variant boundary.
  std::function<void(const RunProgress &)> on_progress;
  // Called when a variant-repeat is done (summary first, details already in the value).
  std::function<void(std::size_t variant, const RepeatResult &)> on_repeat_done;
  int cores = 0;                               // 0: this machine's
  const CpuCalibration *calibration = nullptr; // reuse instead of calibrating again
  // Split each task's time by cause from the kernel's per-thread accounting. It costs nothing
  // measurable a wait on a loop, but about 2.4 µs each time a thread reads its CPU clock and
  // schedstat before and after: around each step a loop hands a thread, around each whole task
  // of a thread-based model. `automatic` splits a variant unless what is read around averages
  // under kCheapSplitStepS, where the readings would add more than 0.25% to it (its CPU per wait
  // still counts them). Off: only the lab's own timestamps (queue, executor, GIL waits).
  CauseSplitMode split = CauseSplitMode::automatic;
};

// What a variant is on a machine of `cores` before it runs: label, model, resolved pool size and
// loops; no repeats, no prediction.
VariantResult variant_setup(const Variant &variant, int cores);

// The experiment must have passed validation (spec_json.h).
RunResults run_experiment(const Experiment &experiment, const RunOptions &options = {});

} // namespace conlab
