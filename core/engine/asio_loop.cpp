#include "core/engine/asio_loop.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <future>

namespace conlab {
namespace asio = boost::asio;

namespace {

// Wakes every kLoopLagIntervalNs and records how late it woke. When the loop is shut down it is
// cancelled; a cancellation that arrives after the due time is lateness too (the loop was busy
// until then), so it is recorded before the probe stops the loop.
asio::awaitable<void> probe_lag(asio::io_context &io, const RunClock &clock, LoopLagTrace &trace,
                                asio::steady_timer *&timer_out, const bool &stopping) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer_out = &timer;
  const auto interval = std::chrono::nanoseconds(kLoopLagIntervalNs);
  auto due = RunClock::clock::now() + interval;
  for (;;) {
    timer.expires_at(due);
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    const auto woke = RunClock::clock::now();
    if (woke >= due)
      trace.samples.push_back({clock.to_ns(due), (woke - due).count()});
    if (ec || stopping) // a timer that fired just before cancel() would not see the cancel
      break;
    due = woke + interval;
  }
  timer_out = nullptr;
  io.stop();
}

} // namespace

AsioLoop::AsioLoop(std::uint32_t index, ModelContext &context) : m_context(context) {
  m_lag.loop = index;
  m_sleepers.set_gil(context.gil());
}

AsioLoop::~AsioLoop() { stop_and_join(); }

void AsioLoop::start() {
  m_work.emplace(m_io.get_executor());
  asio::co_spawn(m_io, probe_lag(m_io, m_context.clock(), m_lag, m_probe, m_stopping), asio::detached);
  // Wait until the loop runs, so a thread that is slow to get going does not count as
  // the first task's queue wait.
  std::promise<void> running;
  asio::post(m_io, [&running] { running.set_value(); });
  m_thread = std::thread([this] { m_io.run(); });
  running.get_future().wait();
}

void AsioLoop::stop_and_join() {
  if (!m_thread.joinable())
    return;
  // Let the probe take its last reading and stop the loop; pending coroutines (a cancelled run's)
  // are then destroyed with the io_context, never resumed.
  asio::post(m_io, [this] {
    m_stopping = true;
    if (m_probe)
      m_probe->cancel();
    else
      m_io.stop();
  });
  m_thread.join();
  m_work.reset();
  m_sleepers.clear(); // a cancelled run's sleepers: destroyed here, never resumed
  m_context.add_loop_lag(std::move(m_lag));
}

} // namespace conlab
