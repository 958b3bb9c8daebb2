#include "asio_loop.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace conlab {
namespace asio = boost::asio;

namespace {

asio::awaitable<void> probe_lag(const RunClock &clock, LoopLagTrace &trace) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  const auto interval = std::chrono::nanoseconds(kLoopLagIntervalNs);
  auto due = RunClock::clock::now() + interval;
  for (;;) {
    timer.expires_at(due);
    co_await timer.async_wait(asio::use_awaitable);
    const auto woke = RunClock::clock::now();
    trace.samples.push_back({clock.to_ns(due), (woke - due).count()});
    due = woke + interval;
  }
}

} // namespace

AsioLoop::AsioLoop(std::uint32_t index, ModelContext &context) : m_context(context) {
  m_lag.loop = index;
}

AsioLoop::~AsioLoop() { stop_and_join(); }

void AsioLoop::start() {
  m_work.emplace(m_io.get_executor());
  asio::co_spawn(m_io, probe_lag(m_context.clock(), m_lag), asio::detached);
  m_thread = std::thread([this] { m_io.run(); });
}

void AsioLoop::stop_and_join() {
  if (!m_thread.joinable())
    return;
  m_work.reset();
  m_io.stop();
  m_thread.join();
  m_context.add_loop_lag(std::move(m_lag));
}

} // namespace conlab
