#include "core/engine/threads/pool_threads.h"

#include "core/engine/threads/thread_starts.h"

namespace conlab {

PoolThreads::PoolThreads(int count, std::int64_t stack_bytes)
    : m_context(count), m_work(boost::asio::make_work_guard(m_context)) {
  m_threads.reserve(static_cast<std::size_t>(count));
  try {
    for (int i = 0; i < count; ++i) {
      const std::int64_t before = thread_cpu_ns();
      m_threads.emplace_back(stack_bytes, [this] { m_context.run(); });
      m_start_ns += thread_cpu_ns() - before;
    }
  } catch (...) {
    stop(); // no half-started pool outlives the failure
    join();
    throw;
  }
}

PoolThreads::~PoolThreads() {
  stop();
  join();
}

void PoolThreads::stop() {
  m_work.reset();
  m_context.stop();
}

void PoolThreads::join() {
  m_work.reset();
  for (SizedThread &t : m_threads)
    t.join();
}

} // namespace conlab
