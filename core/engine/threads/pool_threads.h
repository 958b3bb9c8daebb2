// P threads that run what is posted to them, first come first served, each with the variant's
// stack size: boost::asio::thread_pool, whose threads cannot be given a stack size, rebuilt on
// an io_context.
#pragma once

#include "core/engine/threads/sized_thread.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <optional>
#include <vector>

namespace conlab {

class PoolThreads {
public:
  // Starts `count` threads now, before the run's clock; stack_bytes 0: the system's default.
  PoolThreads(int count, std::int64_t stack_bytes);
  ~PoolThreads();

  // What boost::asio::post takes.
  boost::asio::io_context &context() { return m_context; }
  int size() const { return static_cast<int>(m_threads.size()); }
  // The CPU time starting the threads took in the constructor (pthread_create each).
  std::int64_t start_ns() const { return m_start_ns; }
  // Drops what has not started and lets the threads finish the handler they are running.
  void stop();
  void join();

private:
  boost::asio::io_context m_context;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> m_work;
  std::vector<SizedThread> m_threads;
  std::int64_t m_start_ns = 0;
};

} // namespace conlab
