#include "core/engine/loop_task.h"

#include "core/engine/blocking_task.h"
#include "core/engine/loop_coroutine.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <memory>

namespace conlab {
namespace asio = boost::asio;

namespace {

// Two instantiations: with kOffloads false the executor and worker-process branches are
// discarded, and with them their awaiters' room in the coroutine frame (352 bytes a task with
// them, a third of that without). event_loop and multi_loop, where a million tasks may wait at
// once, need only the small one.
template <bool kOffloads>
LoopCoroutine run_task(AsioLoop &loop, ModelContext &context, std::uint32_t task,
                       [[maybe_unused]] Offload offload) {
  if (context.stopping())
    co_return;
  // Without a GIL to wait for in between, the start's clock reading is the first step's "now"
  // too: on a loop starting a million tasks, a clock read (about 50 ns in a VM) per task is a
  // tenth of the start's cost.
  const std::int64_t started_at = context.task_started(task);
  const bool start_is_now = context.gil() == nullptr;
  // Under a GIL the loop thread holds the lock while the coroutine runs, and drops it whenever
  // the coroutine suspends (the loop goes back to waiting, as asyncio's select() releases it).
  context.enter_python(task);
  const Workload &w = context.workload();
  // The clock reading of a wait's resumption, when nothing happened since (no GIL, and that wait
  // was the last step): the task's end. With the split by cause, a one-wait task then reads the
  // clock as often as without it.
  std::optional<RunClock::clock::time_point> resumed_now;
  for (std::size_t s = 0; s < w.step_count(); ++s) {
    const std::int64_t ns = w.duration_ns(task, s);
    const StepKind kind = w.kind(s);
    bool completed = true;
    resumed_now.reset();
    if (kind == StepKind::io) {
      context.leave_python();
      const auto asked =
          s == 0 && start_is_now ? context.clock().at(started_at) : LoopSleepQueue::clock::now();
      if (ns <= 0) {
        co_await YieldToLoop{loop.sleepers()};
        resumed_now = context.loop_resumed(task, 0, asked);
      } else {
        const auto ready = asked + std::chrono::nanoseconds(ns);
        co_await SleepUntil{loop.sleepers(), ready};
        resumed_now = context.loop_resumed(task, ns, ready);
      }
      if (!start_is_now)
        resumed_now.reset();
      context.enter_python(task);
      completed = !context.stopping();
    } else if constexpr (!kOffloads) {
      completed = run_step_blocking(context, task, kind, ns);
    } else if (offload.processes) {
      // The worker process has its own interpreter lock; this thread gives up the loop's.
      context.leave_python();
      const auto asked = std::chrono::steady_clock::now();
      const ProcessExecutor::Done done =
          co_await RunInProcess{loop.io_context(), *offload.processes, {task, kind, ns}};
      context.executor_waited(task, done.queued_ns);
      context.handed_off(task, done.handoff_ns);
      context.ran_in_process(task, kind,
                             (std::chrono::steady_clock::now() - asked).count() - done.queued_ns -
                                 done.handoff_ns);
      if (done.outcome == ProcessExecutor::Outcome::failed) {
        context.task_failed(task); // the pool broke under it
        co_return;
      }
      context.enter_python(task);
      completed = done.outcome == ProcessExecutor::Outcome::completed && !context.stopping();
    } else if (offload.threads) {
      context.leave_python();
      const auto asked = std::chrono::steady_clock::now();
      auto ran = asked; // when the executor's thread was done with the step
      completed = co_await RunOnPool{
          loop.io_context(), *offload.threads, [&context, task, kind, ns, asked, &ran] {
            context.executor_waited(task, (std::chrono::steady_clock::now() - asked).count());
            const bool done = run_step_blocking(context, task, kind, ns);
            context.leave_python();
            ran = std::chrono::steady_clock::now();
            return done;
          }};
      context.loop_resumed(task, 0, ran);
      context.enter_python(task);
    } else {
      completed = run_step_blocking(context, task, kind, ns);
    }
    if (!completed) {
      context.leave_python();
      co_return;
    }
  }
  context.leave_python();
  if (resumed_now)
    context.task_finished_at(task, context.clock().to_ns(*resumed_now));
  else
    context.task_finished(task);
}

void start_task(AsioLoop &loop, ModelContext &context, std::uint32_t task, Offload offload) {
  if (offload.threads || offload.processes)
    run_task<true>(loop, context, task, offload);
  else
    run_task<false>(loop, context, task, offload);
}

} // namespace

void spawn_task_on_loop(AsioLoop &loop, ModelContext &context, std::uint32_t task,
                        Offload offload) {
  asio::post(loop.io_context(), [&loop, &context, task, offload]() mutable {
    start_task(loop, context, task, offload);
  });
}

namespace {

constexpr std::size_t kSpawnChunk = 256;

void spawn_chunk(AsioLoop &loop, ModelContext &context,
                 std::shared_ptr<std::vector<std::uint32_t>> tasks, std::size_t from,
                 Offload offload) {
  const std::size_t to = std::min(tasks->size(), from + kSpawnChunk);
  {
    const GilBatch batch(context.gil()); // the chunk starts under one hold of the lock
    for (std::size_t i = from; i < to; ++i)
      start_task(loop, context, (*tasks)[i], offload);
  }
  if (to < tasks->size())
    asio::post(loop.io_context(),
               [&loop, &context, tasks = std::move(tasks), to, offload]() mutable {
                 spawn_chunk(loop, context, std::move(tasks), to, offload);
               });
}

} // namespace

std::vector<std::uint32_t> task_range(std::uint32_t first, std::uint32_t count) {
  std::vector<std::uint32_t> tasks(count);
  for (std::uint32_t i = 0; i < count; ++i)
    tasks[i] = first + i;
  return tasks;
}

void spawn_tasks_on_loop(AsioLoop &loop, ModelContext &context, std::vector<std::uint32_t> tasks,
                         Offload offload) {
  if (tasks.empty())
    return;
  auto shared = std::make_shared<std::vector<std::uint32_t>>(std::move(tasks));
  asio::post(loop.io_context(), [&loop, &context, shared = std::move(shared), offload]() mutable {
    spawn_chunk(loop, context, std::move(shared), 0, offload);
  });
}

} // namespace conlab
