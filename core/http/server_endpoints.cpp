#include "core/http/server_endpoints.h"

#include "core/engine/model_registry.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

namespace conlab::http {
namespace asio = boost::asio;

namespace {

// thread_per_task behind the embedded server: a request beyond this many threads at once is
// refused, so that a flood of connections cannot exhaust the machine's threads.
constexpr int kThreadCap = 2048;

} // namespace

Endpoint::Endpoint(const Variant &variant, std::string path, std::uint32_t variant_index,
                   const Experiment &experiment, const CpuWork &cpu, int cores,
                   std::stop_token stop)
    : m_variant(variant), m_path(std::move(path)), m_stop(stop),
      m_workload(variant, experiment.time_scale, experiment.seed, variant_index),
      m_context(m_workload, cpu, m_recorder, stop, [](std::uint32_t) {}) {
  const std::string &model = variant.model;
  if (model == "event_loop_offload" || model == "thread_pool") {
    m_pool_size = resolved_pool_size(variant, cores);
    m_kind = model == "thread_pool" ? Kind::pool : Kind::loop_offload;
  } else if (model == "thread_per_task") {
    m_kind = Kind::thread_per_task;
  } else if (model == "multi_loop") {
    m_kind = Kind::multi_loop;
    m_loop_count = variant.loops.value_or(cores);
  } else if (model == "qt_event_loop") {
    if (variant.offload.value_or(false)) {
      m_kind = Kind::loop_offload;
      m_pool_size = resolved_pool_size(variant, cores);
      m_note = "qt_event_loop served like event_loop_offload with " + std::to_string(m_pool_size) +
               " threads (the server has no Qt event loop)";
    } else {
      m_note = "qt_event_loop served like event_loop (the server has no Qt event loop)";
    }
  }
}

Endpoint::~Endpoint() { shutdown(); }

void Endpoint::start() {
  if (m_pool_size > 0)
    m_pool = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(m_pool_size));
  for (int i = 0; i < m_loop_count; ++i) {
    auto loop = std::make_unique<LoopThread>();
    loop->thread = std::thread([io = &loop->io] {
      auto work = asio::make_work_guard(*io); // runs until stop(), even with nothing to do
      io->run();
    });
    m_loops.push_back(std::move(loop));
  }
}

void Endpoint::shutdown() {
  if (m_shut_down)
    return;
  m_shut_down = true;
  // The server requested the stop already: blocking and cpu steps end at their next slice.
  if (m_pool) {
    m_pool->stop();
    m_pool->join();
  }
  for (auto &loop : m_loops) {
    loop->io.stop();
    if (loop->thread.joinable())
      loop->thread.join();
  }
  m_threads.join();
}

bool Endpoint::steps_blocking(std::uint32_t request) const {
  // A plain thread has no loop to return to: every step blocks it, `io` included.
  for (std::size_t s = 0; s < m_workload.step_count(); ++s) {
    const std::int64_t ns = m_workload.duration_ns(request, s);
    const StepKind kind =
        m_workload.kind(s) == StepKind::cpu ? StepKind::cpu : StepKind::blocking_io;
    if (ns > 0 && !run_step_blocking(m_context, request, kind, ns))
      return false;
  }
  return true;
}

asio::awaitable<bool> Endpoint::steps_on_loop(std::uint32_t request) {
  const auto executor = co_await asio::this_coro::executor;
  for (std::size_t s = 0; s < m_workload.step_count(); ++s) {
    const std::int64_t ns = m_workload.duration_ns(request, s);
    if (ns <= 0)
      continue; // a no-op step costs nothing, not even a trip through the timer queue
    const StepKind kind = m_workload.kind(s);
    if (kind == StepKind::io) {
      asio::steady_timer timer(executor, std::chrono::nanoseconds(ns));
      boost::system::error_code ec;
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      if (ec)
        co_return false;
    } else if (m_pool) {
      // await loop.run_in_executor(pool, step): the loop serves others meanwhile.
      const bool ok = co_await on_pool(
          [this, request, kind, ns] { return run_step_blocking(m_context, request, kind, ns); });
      if (!ok)
        co_return false;
    } else if (!run_step_blocking(m_context, request, kind, ns)) { // blocks the loop (/a)
      co_return false;
    }
  }
  co_return !m_stop.stop_requested();
}

namespace {

// Calls an awaiting coroutine's handler with `value` on the loop it awaits on (its associated
// executor), from whichever thread did the work.
template <typename Handler, typename Value> void hand_back(Handler handler, Value value) {
  auto loop = asio::get_associated_executor(handler);
  asio::dispatch(loop, [h = std::move(handler), value]() mutable { std::move(h)(value); });
}

} // namespace

// A request's handler on a thread of its own. Its completion goes back to the awaiting loop.
template <typename Handler> struct Endpoint::ThreadJob {
  const Endpoint *endpoint;
  std::uint32_t request;
  Handler handler;

  void complete(int value) { hand_back(std::move(handler), value); }
  void operator()() { complete(endpoint->steps_blocking(request) ? 1 : 0); }
};

asio::awaitable<int> Endpoint::on_new_thread(std::uint32_t request) {
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(int)>(
      [this, request](auto handler) {
        ThreadJob<decltype(handler)> job{this, request, std::move(handler)};
        if (!m_threads.start(job, kThreadCap))
          job.complete(-1); // refused rather than queued: the model has no queue
      },
      asio::use_awaitable);
}

// Work on a pool thread, its result handed straight to the awaiting loop. Not co_spawn onto the
// pool: co_spawn posts its completion to the pool first, behind every queued task, so a request
// finished in the first wave would wait for the last wave to start before its response went out.
template <typename Work> asio::awaitable<bool> Endpoint::on_pool(Work work) {
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(bool)>(
      [this, work](auto handler) {
        asio::post(*m_pool,
                   [work, h = std::move(handler)]() mutable { hand_back(std::move(h), work()); });
      },
      asio::use_awaitable);
}

asio::awaitable<HandlerResult> Endpoint::handle() {
  HandlerResult result;
  result.request = m_requests.fetch_add(1, std::memory_order_relaxed);
  bool ok = false;
  bool refused = false;
  switch (m_kind) {
  case Kind::loop:
  case Kind::loop_offload:
    ok = co_await steps_on_loop(result.request);
    break;
  case Kind::pool:
    ok = co_await on_pool([this, request = result.request] { return steps_blocking(request); });
    break;
  case Kind::thread_per_task: {
    const int outcome = co_await on_new_thread(result.request);
    ok = outcome == 1;
    refused = outcome < 0;
    break;
  }
  case Kind::multi_loop: {
    const std::uint32_t k = m_next_loop.fetch_add(1, std::memory_order_relaxed) %
                            static_cast<std::uint32_t>(m_loops.size());
    ok =
        co_await asio::co_spawn(m_loops[k]->io, steps_on_loop(result.request), asio::use_awaitable);
    break;
  }
  }
  result.ok = ok;
  if (!ok)
    result.reason =
        refused ? "thread_per_task is at its cap of " + std::to_string(kThreadCap) + " threads"
                : "the server is stopping";
  co_return result;
}

} // namespace conlab::http
