#include "core/engine/blocking_task.h"

#include "core/engine/blocking_wait.h"
#include "core/engine/threads/thread_sched.h"

#include <algorithm>

namespace conlab {

bool burn_holding_gil(const CpuWork &cpu, Gil &gil, std::int64_t ns, const std::stop_token &stop,
                      const std::function<void(std::int64_t)> &on_wait) {
  // CPython looks at its eval breaker every few bytecodes, far more often than the switch
  // interval. A slice of at most 20 µs, and a fifth of the interval at small time scales, keeps
  // a drop request served within a small part of the interval.
  const std::int64_t slice = std::clamp<std::int64_t>(gil.switch_interval_ns() / 5, 1'000, 20'000);
  for (std::int64_t left = ns; left > 0;) {
    const std::int64_t now = std::min(left, slice);
    if (!cpu.burn(now, stop))
      return false;
    left -= now;
    if (const std::int64_t waited = gil.check(); waited > 0 && on_wait)
      on_wait(waited);
  }
  return true;
}

namespace {

bool run_step(const ModelContext &context, std::uint32_t task, StepKind kind, std::int64_t ns) {
  Gil *gil = context.gil();
  if (!gil) {
    if (kind == StepKind::cpu)
      return context.cpu().burn(ns, context.stop());
    return blocking_wait(ns, context.stop());
  }
  if (kind == StepKind::cpu) {
    context.enter_python(task);
    return burn_holding_gil(context.cpu(), *gil, ns, context.stop(),
                            [&](std::int64_t waited) { context.gil_waited(task, waited); });
  }
  // A blocking call in CPython (time.sleep, a socket read) releases the lock around the wait,
  // also on a loop thread in the middle of a batch of callbacks (GilBatch).
  if (gil->held_by_this_thread())
    gil->release();
  const bool done = blocking_wait(ns, context.stop());
  context.gil_waited(task, gil->acquire());
  return done;
}

struct StepMark {
  RunClock::clock::time_point at;
  ThreadSchedTimes sched;
  static StepMark now() { return {RunClock::clock::now(), own_sched_times()}; }
};

// A step's wall time split by its thread's own accounting: on a core, ready for one, and the
// rest blocked, less its waits for the interpreter lock, which the sample counts apart. A thread
// woken to take the lock may wait for a core meanwhile: that wait is in both, and is left in the
// GIL's part only, so that the parts add up to the wall time.
struct StepSplit {
  std::int64_t on_cpu_ns = 0, runnable_ns = 0, blocked_ns = 0;
};
StepSplit split_step(const StepMark &from, const StepMark &to, std::int64_t gil_ns, StepKind kind) {
  const std::int64_t wall = (to.at - from.at).count();
  if (!from.sched.known || !to.sched.known) { // no schedstat: the step's kind says which
    const std::int64_t rest = std::max<std::int64_t>(0, wall - gil_ns);
    return kind == StepKind::cpu ? StepSplit{.on_cpu_ns = rest} : StepSplit{.blocked_ns = rest};
  }
  StepSplit out;
  out.on_cpu_ns = to.sched.on_cpu_ns - from.sched.on_cpu_ns;
  out.runnable_ns = to.sched.runnable_ns - from.sched.runnable_ns;
  out.blocked_ns = wall - out.on_cpu_ns - out.runnable_ns - gil_ns;
  if (out.blocked_ns < 0) {
    out.runnable_ns = std::max<std::int64_t>(0, out.runnable_ns + out.blocked_ns);
    out.blocked_ns = 0;
  }
  return out;
}

// Adds what ran on this thread between the marks to the task's causes and its step spans.
void record(const ModelContext &context, std::uint32_t task, TaskCauses &causes,
            const StepMark &from, const StepMark &to, std::int64_t gil_ns, StepKind kind) {
  const StepSplit split = split_step(from, to, gil_ns, kind);
  causes.add_on_cpu(split.on_cpu_ns);
  causes.add_runnable(split.runnable_ns);
  causes.add_blocked(split.blocked_ns);
  context.step_ran(task, from.at, to.at, TaskCauses::seconds(split.on_cpu_ns),
                   TaskCauses::seconds(split.runnable_ns));
}

} // namespace

bool run_step_blocking(const ModelContext &context, std::uint32_t task, StepKind kind,
                       std::int64_t ns) {
  TaskCauses *causes = context.causes(task);
  if (!causes)
    return run_step(context, task, kind, ns);
  // Its GIL waits, however they were taken (enter_python included), are what its sample gained.
  const std::int64_t gil_before = context.recorder_gil_wait_ns(task);
  const StepMark from = StepMark::now();
  const bool done = run_step(context, task, kind, ns);
  record(context, task, *causes, from, StepMark::now(),
         context.recorder_gil_wait_ns(task) - gil_before, kind);
  return done;
}

namespace {

bool all_cpu(const Workload &w) {
  for (std::size_t s = 0; s < w.step_count(); ++s)
    if (w.kind(s) != StepKind::cpu)
      return false;
  return true;
}

// The whole task on this thread, split at its two ends rather than around every step: the same
// sums (nothing else runs on the thread meanwhile), no gap between steps left unexplained, and
// two readings a task however many steps it has.
bool run_task_split(ModelContext &context, std::uint32_t task, TaskCauses &causes) {
  const StepMark from = StepMark::now();
  context.task_started(task, from.at);
  const std::int64_t gil_before = context.recorder_gil_wait_ns(task);
  context.enter_python(task);
  const Workload &w = context.workload();
  bool completed = true;
  for (std::size_t s = 0; s < w.step_count() && completed; ++s)
    completed = run_step(context, task, w.kind(s), w.duration_ns(task, s));
  // The thread goes back to its pool's queue; its next task starts by taking the lock back.
  const auto handing_over = RunClock::clock::now();
  context.leave_python_idle();
  const std::int64_t handover = context.gil() ? (RunClock::clock::now() - handing_over).count() : 0;
  const StepMark to = StepMark::now();
  const std::int64_t gil = context.recorder_gil_wait_ns(task) - gil_before + handover;
  record(context, task, causes, from, to, gil, all_cpu(w) ? StepKind::cpu : StepKind::io);
  causes.gil_handover_s += TaskCauses::seconds(handover);
  if (completed)
    context.task_finished_at(task, context.clock().to_ns(to.at));
  return completed;
}

} // namespace

bool run_task_blocking(ModelContext &context, std::uint32_t task) {
  if (TaskCauses *causes = context.causes(task))
    return run_task_split(context, task, *causes);
  context.task_started(task);
  context.enter_python(task);
  const Workload &w = context.workload();
  bool completed = true;
  for (std::size_t s = 0; s < w.step_count() && completed; ++s)
    completed = run_step(context, task, w.kind(s), w.duration_ns(task, s));
  // The thread goes back to its pool's queue; its next task starts by taking the lock back.
  context.leave_python_idle();
  if (completed)
    context.task_finished(task);
  return completed;
}

} // namespace conlab
