// The experiment a person describes: variants, load, workload steps. Plain values, no behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace conlab {

enum class StepKind { io, blocking_io, cpu };
enum class DistributionKind { fixed, uniform, exponential };
enum class LoadKind { closed, open };
enum class ArrivalKind { constant, poisson };
// Whether the variant's threads share one interpreter lock: none (C++, free-threaded Python
// 3.13t) or CPython's GIL.
enum class GilKind { none, cpython };

inline constexpr double kDefaultSwitchIntervalMs = 5; // sys.getswitchinterval()
inline constexpr double kMaxSwitchIntervalMs = 1000;
inline constexpr int kMaxBackgroundCpuThreads = 64;
inline constexpr int kMaxStackKb = 1024 * 1024; // 1 GiB

// A step's duration in milliseconds at time scale 1: fixed, or drawn per task from a seeded
// distribution (uniform on [min_ms, max_ms], exponential with mean ms).
struct Duration {
  DistributionKind distribution = DistributionKind::fixed;
  double ms = 0;     // fixed value, or the mean of an exponential
  double min_ms = 0; // uniform only
  double max_ms = 0; // uniform only

  double mean_ms() const;
};

// One step of a task, or a repeat group: `steps` done `repeat` times over, in order
// ({"repeat": K, "steps": [...]} in a file). Groups nest anywhere a step can stand. Everything
// that runs, predicts or simulates a task reads its leaf steps (leaf_steps), repeats expanded.
struct Step {
  StepKind kind = StepKind::io;
  Duration duration;
  std::optional<std::int64_t> repeat; // present: a repeat group; kind and duration unused
  std::vector<Step> steps;            // the group's body

  bool is_repeat() const { return repeat.has_value(); }
};

// Caps on what one task does, so that a nested repeat cannot make the workload's step list (a
// few dozen bytes a step) take the machine's memory: checked by validation before a run.
inline constexpr std::int64_t kMaxStepsPerTask = 100'000;
inline constexpr int kMaxRepeatDepth = 8;

// Pool sizes may be numbers or the name of a real-world default, resolved on the machine that
// runs the experiment (so the article's preset gives 6 threads on 2 cores, 36 on 32).
struct PoolSize {
  std::string named; // "", "python_default_executor", "anyio_default" or "cores"
  int value = 0;     // used when named is empty

  int resolve(int cores) const;
  std::string describe(int cores) const;
};

// HTTP mode: measure the variant by sending it requests instead of running it in-process.
// Either the embedded server serves the variant for the run, or an external URL is used as is.
struct HttpTarget {
  bool embedded = false;
  std::string url; // external target: http://host:port/path
  // External target: the server's process, watched from /proc while it is loaded (its threads,
  // their CPU and wait for a core, its memory). Checked when the experiment is validated.
  std::optional<std::int64_t> watch;
};

struct Variant {
  std::string label;
  std::string model;
  std::optional<PoolSize> pool_size; // P: executor or pool threads
  std::optional<int> loops;          // L: multi_loop
  std::optional<bool> offload;       // qt_event_loop: run blocking steps on a QThreadPool
  std::optional<bool> processes;     // multi_loop: L processes (uvicorn --workers), not threads
  std::optional<GilKind> gil;        // absent: none
  std::optional<double> switch_interval_ms;  // with gil cpython; absent: 5 ms
  std::optional<int> background_cpu_threads; // K threads computing for the whole run
  std::optional<int> stack_kb; // the stack of each thread that runs tasks; absent: the system's
  std::optional<double> claimed_makespan_s; // a number reported elsewhere, e.g. the article's
  std::vector<Step> steps;
  std::optional<HttpTarget> target; // absent: run in-process

  bool has_gil() const { return gil.value_or(GilKind::none) == GilKind::cpython; }
  // At time scale 1; the run multiplies it by the time scale like every duration.
  double switch_interval() const { return switch_interval_ms.value_or(kDefaultSwitchIntervalMs); }
  // 0: the system's default stack.
  std::int64_t stack_bytes() const { return stack_kb ? std::int64_t{*stack_kb} * 1024 : 0; }
};

struct Load {
  LoadKind kind = LoadKind::closed;
  std::int64_t tasks = 1;
  std::int64_t clients = 1;  // closed
  double rate_per_s = 0;     // open
  ArrivalKind arrivals = ArrivalKind::constant;
};

// A sweep: the same experiment over a grid of one or two parameters. Each axis gives its values
// as a list or as a range; a range is linear (from, from + step, … ≤ to) or logarithmic (from,
// from × step, … ≤ to, step > 1). Integer parameters are rounded and repeated values dropped.
enum class SweepParameter { pool_size, clients, tasks, loops, rate_per_s, step_ms, cpu_share };
enum class SweepScale { linear, log };

struct SweepRange {
  double from = 0, to = 0;
  double step = 0; // linear: added; log: multiplied by
  SweepScale scale = SweepScale::linear;
};

struct SweepAxis {
  SweepParameter parameter = SweepParameter::pool_size;
  std::size_t step_index = 0;      // step_ms: which step of every variant (0-based)
  std::vector<double> values;      // given as a list, or
  std::optional<SweepRange> range; // as a range
};

struct Sweep {
  std::vector<SweepAxis> axes; // one or two
  bool shuffle = true;         // run the (point, repeat) pairs in a seeded random order
};

struct Experiment {
  std::string name;
  std::string description;
  Load load;
  double time_scale = 1.0;
  int repeats = 1;
  std::uint64_t seed = 1;
  std::vector<Variant> variants;
  std::optional<Sweep> sweep; // absent: one run
};

const char *to_string(StepKind kind);
const char *to_string(DistributionKind kind);
const char *to_string(LoadKind kind);
const char *to_string(ArrivalKind kind);
const char *to_string(GilKind kind);
const char *to_string(SweepParameter parameter);
const char *to_string(SweepScale scale);

// The steps one task runs, in order, each repeat group expanded. Call only on validated steps
// (at most kMaxStepsPerTask of them).
std::vector<Step> leaf_steps(const std::vector<Step> &steps);
// How many steps one task runs, counted without expanding; saturates at kMaxStepsPerTask + 1.
std::int64_t steps_per_task(const std::vector<Step> &steps);
// The steps as written, depth first, without repeating: what a sweep's step_index counts.
std::vector<Step *> written_leaves(std::vector<Step> &steps);
std::vector<const Step *> written_leaves(const std::vector<Step> &steps);

// Effective number of threads a variant's model uses for blocking work (P, L, or 1).
int resolved_pool_size(const Variant &variant, int cores);

} // namespace conlab
