#include "loop_task.h"

#include "blocking_task.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace conlab {
namespace asio = boost::asio;

namespace {

// Runs one blocking or cpu step on the offload executor and resumes on the loop.
asio::awaitable<bool> offloaded_step(asio::any_io_executor offload, const ModelContext &context,
                                     StepKind kind, std::int64_t ns) {
  co_return co_await asio::co_spawn(
      offload,
      [&context, kind, ns]() -> asio::awaitable<bool> {
        co_return run_step_blocking(context, kind, ns);
      },
      asio::use_awaitable);
}

asio::awaitable<void> run_task(ModelContext &context, std::uint32_t task,
                               std::optional<asio::any_io_executor> offload) {
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
        co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
      } else {
        asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::nanoseconds(ns));
        co_await timer.async_wait(asio::use_awaitable);
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
                        std::optional<asio::any_io_executor> offload) {
  asio::post(loop, [&loop, &context, task, offload = std::move(offload)]() mutable {
    asio::co_spawn(loop, run_task(context, task, std::move(offload)), asio::detached);
  });
}

} // namespace conlab
