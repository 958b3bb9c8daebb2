#include "core/analysis/prediction.h"

#include "core/engine/model_registry.h"
#include "core/util/format.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace conlab {
namespace {

std::string number(double v) {
  if (std::isinf(v))
    return "∞";
  if (v == std::floor(v) && std::abs(v) < 1e9)
    return std::to_string(static_cast<long long>(v));
  return human_count(v);
}

// The single limit every step of the workload runs under, or nothing when steps differ.
struct Limit {
  double tasks_at_once = 0; // for waits: tasks overlapping; for cpu: cores really used
  bool cpu = false;
  std::string why; // "P", "L", "C", "1 loop thread", "M cores"
};

std::optional<Limit> common_limit(const Variant &v, const ModelInfo &info, double clients,
                                  int cores, std::string &reason) {
  const StepConcurrency c = info.concurrency(v, cores);
  std::set<std::pair<double, bool>> limits;
  Limit limit;
  for (const Step *leaf : written_leaves(v.steps)) {
    const Step &s = *leaf;
    const bool cpu = s.kind == StepKind::cpu;
    double k = std::min(c.of(s.kind), clients);
    std::string why = c.of(s.kind) == 1 ? "1 thread"
                      : info.uses_loops     ? "L"
                      : info.uses_pool_size ? "P"
                                            : "thread cap";
    if (clients < c.of(s.kind))
      why = "C";
    const int background = v.background_cpu_threads.value_or(0);
    // Worker processes have an interpreter each; background threads share the lab's.
    const bool own_gil = runs_in_processes(v);
    if (cpu && v.has_gil() && !own_gil) {
      // One interpreter lock: the k task threads and the K background threads take turns at
      // it, each switch interval in turn, so the tasks compute k/(k+K) of one core.
      k = k / (k + background);
      why = background
                ? "the GIL, shared with K = " + std::to_string(background) + " background threads"
                : "1 GIL";
    } else if (cpu && (cores < k || background > 0)) {
      // K background threads compute beside them: M cores shared equally among k + K.
      const double share = cores * k / (k + background);
      if (share < k) {
        k = share;
        why = background
                  ? "M·k/(k+K) cores, K = " + std::to_string(background) + " background threads"
                  : "M cores";
      }
    }
    limits.insert({k, cpu});
    limit = {k, cpu, why};
  }
  if (limits.size() != 1) {
    reason = "no closed form: steps run under different limits";
    return std::nullopt;
  }
  return limit;
}

} // namespace

Prediction predict(const Variant &variant, const Load &load, double time_scale, int cores) {
  Prediction p;
  const ModelInfo *info = find_model(variant.model);
  if (!info || variant.steps.empty()) {
    p.formula = "no closed form: unknown model or empty workload";
    return p;
  }
  const std::vector<Step> leaves = leaf_steps(variant.steps); // once: up to 100,000 of them
  double s = 0;
  for (const Step &step : leaves) {
    if (step.duration.distribution != DistributionKind::fixed) {
      p.formula = "no closed form: drawn durations";
      return p;
    }
    s += step.duration.ms / 1000 * time_scale;
  }
  const auto n = static_cast<double>(load.tasks);
  const double clients =
      load.kind == LoadKind::closed ? static_cast<double>(std::min(load.clients, load.tasks)) : n;
  std::string reason;
  const auto limit = common_limit(variant, *info, clients, cores, reason);
  if (!limit) {
    p.formula = reason;
    return p;
  }
  // Beside a thread that computes holding the GIL, a thread whose wait ends must wait for the
  // lock: up to one switch interval, after which it asks for it. So must the thread that starts
  // a task, since it was idle in between (CPython's worker blocks in queue.get(), a loop in
  // select()): w + 1 wake-ups per task. Closed form for one task thread only; several waiters
  // compete with each other too.
  std::string gil_note;
  // (Not where the waits run in worker processes, away from the lab's lock: multi_loop's.)
  const bool waits_in_workers = runs_in_processes(variant) && !info->uses_pool_size;
  if (variant.has_gil() && variant.background_cpu_threads.value_or(0) > 0 && !limit->cpu &&
      !waits_in_workers) {
    if (limit->tasks_at_once != 1) {
      p.formula = "no closed form: several threads wait for a GIL held by a CPU-bound thread";
      return p;
    }
    double wakes = 1; // the task's start
    for (const Step &step : leaves)
      wakes += step.kind != StepKind::cpu;
    const double interval_s = variant.switch_interval() / 1000 * time_scale;
    s += wakes * interval_s;
    gil_note = " (S includes (w+1)·I = " + number(wakes) + " × " + human_duration(interval_s) +
               ": the task's start and each wait's end take up to one switch interval for the "
               "GIL)";
  }
  const double k = limit->tasks_at_once;
  p.concurrency = k;
  const std::string S = human_duration(s);

  if (load.kind == LoadKind::open) {
    const double lambda = load.rate_per_s;
    const double capacity = s > 0 ? k / s : INFINITY;
    const double arrivals_end = (n - 1) / lambda;
    const double backlog = limit->cpu ? n * s / k : std::ceil(n / k) * s;
    p.makespan_s = std::max(arrivals_end + s, backlog);
    p.formula = "≈ max((N−1)/λ + S, " + std::string(limit->cpu ? "N·S/k" : "⌈N/k⌉·S") +
                ") with λ = " + number(lambda) + "/s, capacity k/S = " + number(capacity) + "/s";
    if (load.arrivals == ArrivalKind::poisson)
      p.formula += " (Poisson arrivals: expected value)";
  } else if (limit->cpu) {
    p.makespan_s = n * s / k;
    p.formula = "N·S/k, k = " + limit->why + " = " + number(k) + " → " + number(n) + " × " + S +
                " / " + number(k) + " = " + human_duration(*p.makespan_s);
  } else {
    p.waves = std::ceil(n / k);
    p.makespan_s = p.waves * s;
    if (p.waves == 1)
      p.formula = "S: all " + number(n) + " tasks wait at once = " + S;
    else
      p.formula = "⌈N/k⌉·S, k = " + limit->why + " = " + number(k) + " → ⌈" + number(n) + "/" +
                  number(k) + "⌉ × " + S + " = " + human_duration(*p.makespan_s);
  }
  p.formula += gil_note;
  if (p.makespan_s && *p.makespan_s > 0)
    p.throughput_per_s = n / *p.makespan_s;
  return p;
}

double expected_seconds(const Experiment &e, const Variant &v, const Prediction &p) {
  if (p.makespan_s)
    return std::max(*p.makespan_s, 1e-3);
  double task_s = 0;
  for (const Step &s : leaf_steps(v.steps))
    task_s += s.duration.mean_ms() / 1000 * e.time_scale;
  const double tasks = static_cast<double>(e.load.tasks);
  if (e.load.kind == LoadKind::open)
    return std::max(tasks / e.load.rate_per_s + task_s, 1e-3);
  return std::max(task_s * std::ceil(tasks / static_cast<double>(e.load.clients)), 1e-3);
}

} // namespace conlab
