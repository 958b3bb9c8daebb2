// One Asio event loop on its own thread, with the loop-lag probe running on it. The building
// block of event_loop, event_loop_offload and multi_loop.
#pragma once

#include "core/engine/loop_sleep_queue.h"
#include "core/engine/model.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <optional>
#include <thread>

namespace conlab {

class AsioLoop {
public:
  AsioLoop(std::uint32_t index, ModelContext &context);
  ~AsioLoop();
  AsioLoop(const AsioLoop &) = delete;
  AsioLoop &operator=(const AsioLoop &) = delete;

  void start();
  boost::asio::io_context &io_context() { return m_io; }
  // Where this loop's coroutines sleep for `io` steps (loop thread only).
  LoopSleepQueue &sleepers() { return m_sleepers; }
  // Stops the loop (pending coroutines are destroyed, not resumed), joins its thread and hands
  // the lag trace to the context. Safe to call twice.
  void stop_and_join();

private:
  ModelContext &m_context;
  LoopLagTrace m_lag; // written only by the loop thread until it is joined
  boost::asio::io_context m_io{1};
  LoopSleepQueue m_sleepers{m_io}; // destroyed before m_io, with any coroutine still asleep
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> m_work;
  boost::asio::steady_timer *m_probe = nullptr; // the lag probe's timer; loop thread only
  bool m_stopping = false;                       // loop thread only
  std::thread m_thread;
};

} // namespace conlab
