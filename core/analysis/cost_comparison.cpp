#include "core/analysis/cost_comparison.h"

#include "core/engine/model_registry.h"
#include "core/util/format.h"

#include <vector>

namespace conlab {
namespace {

// Below this the peak resident set has not measurably moved: a page here and there.
constexpr double kMeasurableBytes = 1024 * 1024;

ScheduleShape shape_of(const Variant &v, int cores) {
  const ModelInfo *info = find_model(v.model);
  return info && info->shape ? info->shape(v, cores) : ScheduleShape{};
}

bool runs_on_threads(const Variant &v, int cores) { return shape_of(v, cores).task_threads > 0; }

bool runs_as_coroutines(const Variant &v, int cores) {
  const ScheduleShape shape = shape_of(v, cores);
  return shape.loops > 0 && shape.executor_threads == 0 && !runs_in_processes(v) && !v.target;
}

std::optional<double> ratio(double threads, double coroutines) {
  if (!(coroutines > 0) || !(threads > 0))
    return std::nullopt;
  return threads / coroutines;
}

double switches(const TaskCost &c) {
  return c.voluntary_switches_per_task + c.involuntary_switches_per_task;
}

std::string times(double x) { return human_count(x) + "×"; }

} // namespace

std::optional<CostComparison> compare_with_coroutines(const MeasuredVariant &variant,
                                                      std::span<const MeasuredVariant> run,
                                                      int cores) {
  if (variant.spec->target || !runs_on_threads(*variant.spec, cores))
    return std::nullopt;
  const TaskCost &threads = variant.summary->cost;
  if (!threads.measured)
    return std::nullopt;
  for (const MeasuredVariant &other : run) {
    if (!runs_as_coroutines(*other.spec, cores) || !other.summary->cost.measured)
      continue;
    const TaskCost &coroutines = other.summary->cost;
    CostComparison c{.coroutine_label = other.spec->label};
    if (coroutines.rss_above_baseline_bytes >= kMeasurableBytes)
      c.memory_ratio = ratio(threads.memory_per_task_bytes, coroutines.memory_per_task_bytes);
    if (threads.waits_per_task > 0) {
      c.cpu_per_wait_ratio = ratio(threads.cpu_per_wait_s, coroutines.cpu_per_wait_s);
      // Only where the tasks compute: without cpu steps it is the CPU per wait again.
      if (threads.overhead_per_wait_s < threads.cpu_per_wait_s && overhead_resolved(threads)) {
        c.overhead_ratio_is_lower_bound = !overhead_resolved(coroutines);
        c.overhead_per_wait_ratio =
            ratio(threads.overhead_per_wait_s, c.overhead_ratio_is_lower_bound
                                                   ? overhead_resolution_s(coroutines)
                                                   : coroutines.overhead_per_wait_s);
      }
    }
    c.switches_ratio = ratio(switches(threads), switches(coroutines));
    if (!c.memory_ratio && !c.cpu_per_wait_ratio && !c.overhead_per_wait_ratio && !c.switches_ratio)
      return std::nullopt;
    return c;
  }
  return std::nullopt;
}

std::string describe(const CostComparison &c) {
  std::vector<std::string> items;
  const auto add = [&](const std::optional<double> &r, const char *what, bool lower_bound = false) {
    if (r)
      items.push_back((lower_bound ? "more than " : "") + times(*r) + " " + what);
  };
  add(c.memory_ratio, "the memory per task");
  add(c.cpu_per_wait_ratio, "the CPU per wait");
  add(c.overhead_per_wait_ratio, "the CPU per wait beyond the tasks' own computation",
      c.overhead_ratio_is_lower_bound);
  add(c.switches_ratio, "the context switches per task");
  std::string parts;
  for (std::size_t i = 0; i < items.size(); ++i)
    parts += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return " Each task on a thread here took " + parts + " of a coroutine in “" + c.coroutine_label +
         "”.";
}

} // namespace conlab
