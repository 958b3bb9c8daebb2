#include "loop_task.h"

#include "blocking_task.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>

namespace conlab {
namespace asio = boost::asio;

namespace {

// Concrete executor types instead of any_io_executor: no type erasure on the hot path, and
// smaller coroutine frames and timers, which matters with 100,000 tasks waiting at once.
using LoopExecutor = asio::io_context::executor_type;
using PoolExecutor = asio::thread_pool::executor_type;
template <typename T> using LoopAwaitable = asio::awaitable<T, LoopExecutor>;
constexpr asio::use_awaitable_t<LoopExecutor> on_loop;
using LoopTimer = asio::basic_waitable_timer<std::chrono::steady_clock,
                                             asio::wait_traits<std::chrono::steady_clock>,
                                             LoopExecutor>;

// Runs one blocking or cpu step on the offload pool and resumes on the loop.
LoopAwaitable<bool> offloaded_step(asio::thread_pool &offload, const ModelContext &context,
                                   StepKind kind, std::int64_t ns) {
  co_return co_await asio::co_spawn(
      offload.get_executor(),
      [&context, kind, ns]() -> asio::awaitable<bool, PoolExecutor> {
        co_return run_step_blocking(context, kind, ns);
      },
      on_loop);
}

LoopAwaitable<void> run_task(ModelContext &context, std::uint32_t task,
                             asio::thread_pool *offload) {
  if (context.stopping())
    co_return;
  context.task_started(task);
  const Workload &w = context.workload();
  for (std::size_t s = 0; s < w.step_count(); ++s) {
    const std::int64_t ns = w.duration_ns(task, s);
    bool completed = true;
    if (w.kind(s) == StepKind::io) {
      if (ns <= 0) {
        // Like `await asyncio.sleep(0)`: yield to the loop once.
        co_await asio::post(co_await asio::this_coro::executor, on_loop);
      } else {
        LoopTimer timer(co_await asio::this_coro::executor, std::chrono::nanoseconds(ns));
        co_await timer.async_wait(on_loop);
      }
      completed = !context.stopping();
    } else if (offload) {
      completed = co_await offloaded_step(*offload, context, w.kind(s), ns);
    } else {
      completed = run_step_blocking(context, w.kind(s), ns);
    }
    if (!completed)
      co_return;
  }
  context.task_finished(task);
}

} // namespace

void spawn_task_on_loop(asio::io_context &loop, ModelContext &context, std::uint32_t task,
                        asio::thread_pool *offload) {
  asio::post(loop, [&loop, &context, task, offload]() mutable {
    asio::co_spawn(loop.get_executor(), run_task(context, task, offload), asio::detached);
  });
}


namespace {

constexpr std::size_t kSpawnChunk = 256;

void spawn_chunk(asio::io_context &loop, ModelContext &context,
                 std::shared_ptr<std::vector<std::uint32_t>> tasks, std::size_t from,
                 asio::thread_pool *offload) {
  const std::size_t to = std::min(tasks->size(), from + kSpawnChunk);
  for (std::size_t i = from; i < to; ++i)
    asio::co_spawn(loop.get_executor(), run_task(context, (*tasks)[i], offload), asio::detached);
  if (to < tasks->size())
    asio::post(loop, [&loop, &context, tasks = std::move(tasks), to, offload]() mutable {
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

void spawn_tasks_on_loop(asio::io_context &loop, ModelContext &context,
                         std::vector<std::uint32_t> tasks,
                         asio::thread_pool *offload) {
  if (tasks.empty())
    return;
  auto shared = std::make_shared<std::vector<std::uint32_t>>(std::move(tasks));
  asio::post(loop, [&loop, &context, shared = std::move(shared), offload]() mutable {
    spawn_chunk(loop, context, std::move(shared), 0, offload);
  });
}

} // namespace conlab
