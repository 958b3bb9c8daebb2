// Runs a sweep: every (point, repeat) pair runs every variant once, in a seeded shuffled order so
// that a machine that drifts (thermal throttling, a backup starting) spreads its drift over the
// grid instead of drawing it as a trend. Cancelling keeps the finished runs; a cancelled sweep
// can be resumed without redoing them.
#pragma once

#include "core/engine/runner.h"
#include "core/results/results.h"

#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace conlab {

// Beyond these a sweep needs the person's confirmation (conlab-cli sweep --yes).
inline constexpr std::size_t kSweepRunsWithoutConfirmation = 500; // variant runs
inline constexpr double kSweepSecondsWithoutConfirmation = 15 * 60;
// Points with more steps than this (tasks × steps per task) are not simulated (it would take
// seconds each).
inline constexpr std::int64_t kMaxSimulatedSweepSteps = 1'000'000;

struct SweepPlan {
  std::vector<std::pair<std::size_t, int>> order; // (point, repeat) still to run, in run order
  std::vector<std::size_t> positions;             // each one's place in the whole sweep's order
  std::size_t variant_runs = 0;                    // order.size() × variants
  std::vector<double> run_seconds;                 // expected length of each entry of order
  double estimated_s = 0;                          // all of them, with per-run overhead
};

// The runs still to do (all of them unless `done` has some; with a shard, only the part's), and
// how long they should take.
SweepPlan plan_sweep(const Experiment &experiment, int cores, const SweepResults *done = nullptr,
                     const std::optional<Shard> &shard = std::nullopt);

// Every variant of the point measured that repeat completely, or cannot run here.
bool sweep_run_done(const SweepResults &sweep, std::size_t point, int repeat);
// The first top-level field of the two experiments that differs ("load"), or "" if none does.
std::string experiment_difference(const Experiment &a, const Experiment &b);

// How many (point, repeat) runs the whole sweep has: points × repeats.
std::size_t sweep_run_count(const Experiment &experiment);
// Every (point, repeat) of the sweep in the order a single process runs them (seeded).
std::vector<std::pair<std::size_t, int>> sweep_run_order(const Experiment &experiment);

// Why the plan needs confirmation ("1200 variant runs, about 2 h 10 min; …"), or nullopt.
std::optional<std::string> needs_confirmation(const SweepPlan &plan);

// Throws std::invalid_argument saying why `previous` cannot be resumed with `experiment` here,
// as part `shard` of it (nullopt: as the whole sweep, or as the part the file holds).
void check_resumable(const Experiment &experiment, const RunResults &previous, int cores,
                     const std::optional<Shard> &shard = std::nullopt);

struct SweepProgress {
  std::size_t run = 0;  // 0-based index of the current (point, repeat) in this invocation
  std::size_t runs = 0; // how many this invocation runs
  std::size_t point = 0;
  int repeat = 0;
  RunProgress inside; // progress of the current run
  double elapsed_s = 0;
  double fraction = 0; // of this invocation's expected time
  double eta_s = -1;
};

struct SweepOptions {
  std::stop_token stop;
  // From the sweep's thread, about every 100 ms.
  std::function<void(const SweepProgress &)> on_progress;
  // After each (point, repeat): everything measured so far, e.g. to save it or chart it.
  std::function<void(const RunResults &)> on_run_done;
  int cores = 0;                           // 0: this machine's
  const CpuCalibration *calibration = nullptr; // reuse instead of calibrating again
  const RunResults *resume = nullptr; // a sweep of the same experiment: its complete runs stay
  // Run only this part of the grid (a resumed part keeps its own when this is nullopt).
  std::optional<Shard> shard;
};

// The experiment must have passed validation and have a sweep.
RunResults run_sweep(const Experiment &experiment, const SweepOptions &options = {});

} // namespace conlab
