// Where the response time went, summed over a variant's tasks: each task's response time split
// into causes that add up to it, from the lab's own timestamps and the kernel's per-thread
// scheduler accounting (core/engine/task_causes.h). What tells "the pool is too small" from "the
// CPU is saturated" from "something blocks the loop".
#pragma once

#include "core/engine/task_causes.h"
#include "core/engine/task_sample.h"

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace conlab {

enum class Cause {
  queue_wait, // waiting for a worker, or for an executor's thread inside the task
  on_cpu,     // running on a core
  runnable,   // ready, waiting for a core
  blocked,    // waiting on a timer or a blocking call
  loop_delay, // ready, but its event loop was busy with another task
  gil_wait,   // waiting to take the interpreter lock
  handoff,    // its steps' trips to a worker process and back
  other,      // the rest: the response time the parts above do not explain
};
inline constexpr std::size_t kCauseCount = 8;
inline constexpr std::array<Cause, kCauseCount> kCauses{
    Cause::queue_wait, Cause::on_cpu,   Cause::runnable, Cause::blocked,
    Cause::loop_delay, Cause::gil_wait, Cause::handoff,  Cause::other};

// The key in results files, CSV and the CLI: "queue_wait", "on_cpu", ...
std::string_view cause_key(Cause cause);
// Where the lab reads it, as the results name it.
std::string_view cause_source(Cause cause);

// Why an in-process variant's split was not measured.
enum class SplitLeftOut {
  no,              // measured (or an HTTP target, which cannot be)
  short_steps,     // `auto`: its thread-run steps average under 1 ms, too short to read around
  child_processes, // its tasks ran whole in worker processes (multi_loop with processes)
  turned_off,      // --split off
};
std::string_view left_out_key(SplitLeftOut why); // "short_steps", ... ("" for no)
std::optional<SplitLeftOut> left_out_from_key(std::string_view key);

struct CauseSplit {
  bool measured = false; // false: the run could not see inside its tasks (an HTTP target)
  SplitLeftOut left_out = SplitLeftOut::no;
  std::uint64_t tasks = 0;                   // finished tasks summed
  double response_s = 0;                     // Σ response time
  std::array<double, kCauseCount> total_s{}; // Σ per cause; `other` may be slightly negative

  double seconds(Cause c) const { return total_s[static_cast<std::size_t>(c)]; }
  // Of all the response time; 0 when nothing finished.
  double share(Cause c) const { return response_s > 0 ? seconds(c) / response_s : 0; }
  // The largest cause but `other` (largest_part, below; `other` when nothing is known).
  Cause largest() const;
  CauseSplit &operator+=(const CauseSplit &o);
};

// A cause below this share in every variant is left out (legend, table columns, report): half a
// percent is under a pixel of most bars, and the CLI's table and the lab's chart draw the line
// there alike.
inline constexpr double kCauseShownShare = 0.005;

// How much of a variant's split the run could see.
enum class SplitKnown {
  nothing,   // no task finished, or a results file from before the split
  lab_side,  // the lab's own timestamps only (queue, GIL, hand-off), the rest all in `other`: an
             // HTTP target (the server's side), or a variant whose steps were too short to time
             // each without distorting them
  everything // the lab ran the tasks itself and read the kernel's accounting
};
SplitKnown split_known(const CauseSplit &split);
bool cause_known(const CauseSplit &split, Cause cause);
// The share drawn and listed: 0 for a cause the run could not see, and for an `other` slightly
// below 0 (the parts are measured separately, and their rounding can exceed the response time).
double shown_share(const CauseSplit &split, Cause cause);
// The mean seconds per finished task (0 when none finished).
double seconds_per_task(const CauseSplit &split, Cause cause);

// The causes at kCauseShownShare or more in some split, in the order of kCauses.
std::vector<Cause> causes_shown(const std::vector<CauseSplit> &splits);

// What a newcomer looks for first: the largest part of the response time. `other` never counts
// (it is what the parts do not explain); seen from the lab's side only, the largest known part
// counts only when it beats the unexplained rest. None when nothing is known.
std::optional<Cause> largest_part(const CauseSplit &split);

// Over the finished tasks; `causes` is one per sample, or empty (then only the lab's own parts
// are known, and `measured` is false).
CauseSplit split_causes(std::span<const TaskSample> samples, std::span<const TaskCauses> causes);

} // namespace conlab
