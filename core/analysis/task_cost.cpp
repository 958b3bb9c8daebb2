#include "core/analysis/task_cost.h"

#include <algorithm>

namespace conlab {

std::uint32_t peak_in_flight(const std::vector<TaskSample> &samples) {
  // +1 at each submit, −1 at each end; at equal times the end comes first (a closed client's
  // next task is submitted at the instant its last one ended).
  std::vector<std::int64_t> submits, ends;
  submits.reserve(samples.size());
  ends.reserve(samples.size());
  for (const TaskSample &t : samples) {
    if (!t.submitted())
      continue;
    submits.push_back(t.submit_ns);
    if (t.finished())
      ends.push_back(t.end_ns);
  }
  std::sort(submits.begin(), submits.end());
  std::sort(ends.begin(), ends.end());
  std::int64_t in_flight = 0, peak = 0;
  std::size_t e = 0;
  for (const std::int64_t at : submits) {
    for (; e < ends.size() && ends[e] <= at; ++e)
      --in_flight;
    peak = std::max(peak, ++in_flight);
  }
  return static_cast<std::uint32_t>(peak);
}

double overhead_resolution_s(const TaskCost &cost) {
  // CPU per wait less the overhead is the computation per wait (all of it where the overhead
  // came out below zero and was clamped, which flags it all the same).
  return 0.1 * std::max(0.0, cost.cpu_per_wait_s - cost.overhead_per_wait_s);
}

TaskCost measure_task_cost(const std::vector<TaskSample> &samples, const ResourceUsage &resources,
                           const TaskCostInputs &inputs) {
  TaskCost c;
  const auto finished = static_cast<double>(std::count_if(
      samples.begin(), samples.end(), [](const TaskSample &t) { return t.finished(); }));
  if (finished == 0)
    return c;
  c.measured = true;
  c.peak_in_flight = peak_in_flight(samples);
  c.rss_above_baseline_bytes = static_cast<double>(
      std::max<std::int64_t>(0, resources.peak_rss_bytes - inputs.baseline_rss_bytes));
  c.memory_per_task_bytes =
      c.peak_in_flight > 0 ? c.rss_above_baseline_bytes / c.peak_in_flight : 0;
  c.waits_per_task = inputs.waits_per_task;
  if (inputs.waits_per_task > 0) {
    const double waits = finished * inputs.waits_per_task;
    c.cpu_per_wait_s = resources.cpu_time_s / waits;
    c.overhead_per_wait_s =
        std::max(0.0, resources.cpu_time_s - finished * inputs.computation_per_task_s) / waits;
  }
  c.voluntary_switches_per_task =
      static_cast<double>(resources.voluntary_context_switches) / finished;
  c.involuntary_switches_per_task =
      static_cast<double>(resources.involuntary_context_switches) / finished;
  c.threads_started = static_cast<double>(inputs.thread_starts.count);
  if (inputs.thread_starts.count > 0)
    c.thread_start_s = static_cast<double>(inputs.thread_starts.ns) * 1e-9 /
                       static_cast<double>(inputs.thread_starts.count);
  return c;
}

TaskCost combine_task_costs(const std::vector<TaskCost> &repeats) {
  TaskCost out;
  double n = 0;
  for (const TaskCost &r : repeats) {
    if (!r.measured)
      continue;
    out.measured = true;
    ++n;
    out.peak_in_flight = std::max(out.peak_in_flight, r.peak_in_flight);
    out.rss_above_baseline_bytes =
        std::max(out.rss_above_baseline_bytes, r.rss_above_baseline_bytes);
    out.memory_per_task_bytes += r.memory_per_task_bytes;
    out.waits_per_task = r.waits_per_task;
    out.cpu_per_wait_s += r.cpu_per_wait_s;
    out.overhead_per_wait_s += r.overhead_per_wait_s;
    out.voluntary_switches_per_task += r.voluntary_switches_per_task;
    out.involuntary_switches_per_task += r.involuntary_switches_per_task;
    out.threads_started += r.threads_started;
    out.thread_start_s += r.thread_start_s;
  }
  if (n == 0)
    return out;
  for (double *mean : {&out.memory_per_task_bytes, &out.cpu_per_wait_s, &out.overhead_per_wait_s,
                       &out.voluntary_switches_per_task, &out.involuntary_switches_per_task,
                       &out.threads_started, &out.thread_start_s})
    *mean /= n;
  return out;
}

} // namespace conlab
