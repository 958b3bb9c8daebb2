// Coroutine vs thread, in the numbers of one run: a variant that runs each task on a thread of
// its own or of a pool, set beside the first variant of the same run that runs its tasks as
// coroutines on event loops. The explanation states the ratios measured ("N× the memory per
// task and M× the CPU per wait of a coroutine").
#pragma once

#include "core/analysis/summary.h"
#include "core/experiment/spec.h"

#include <optional>
#include <span>
#include <string>

namespace conlab {

struct CostComparison {
  std::string coroutine_label;
  // Threads ÷ coroutines; absent when either side has no figure to divide (a coroutine's memory
  // below what the resident-set count resolves, no waits, no switches).
  std::optional<double> memory_ratio;
  std::optional<double> cpu_per_wait_ratio;
  // The same without the tasks' own computation, which both sides do alike: what waiting and
  // waking cost, where the two designs differ.
  std::optional<double> overhead_per_wait_ratio;
  // Where the coroutine's overhead is below what the run resolves: the ratio to that
  // resolution, so the threads' overhead is at least this many times the coroutine's.
  bool overhead_ratio_is_lower_bound = false;
  std::optional<double> switches_ratio; // voluntary and involuntary together
};

struct MeasuredVariant {
  const Variant *spec = nullptr;
  const Summary *summary = nullptr;
};

// Empty unless `variant` runs its tasks on threads, the run has a coroutine variant, and at
// least one ratio could be taken.
std::optional<CostComparison> compare_with_coroutines(const MeasuredVariant &variant,
                                                      std::span<const MeasuredVariant> run,
                                                      int cores);

// The English sentence, starting with a space.
std::string describe(const CostComparison &comparison);

} // namespace conlab
