// The coroutine type of tasks on an Asio event loop.
//
// Why not asio::awaitable + co_spawn: each co_spawn adds an entry-point frame, a type-erased
// completion handler and work guards — about 900 bytes and 1 µs per task, so 100,000 tasks
// took 90 ms just to start and a 1 s wait measured 1.09 s. This type is a plain C++20
// coroutine that runs on the same io_context: it starts eagerly on the loop thread, frees its
// frame when it ends, and suspends only through the three awaiters below, each of which
// resumes it on the loop.
#pragma once

#include "core/engine/loop_sleep_queue.h"
#include "core/engine/processes/process_executor.h"
#include "core/engine/threads/pool_threads.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <coroutine>
#include <exception>
#include <memory>
#include <utility>

namespace conlab {

struct LoopCoroutine {
  struct promise_type {
    LoopCoroutine get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; } // the frame frees itself
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); } // task code does not throw
  };
};

// Resumes a coroutine once from a posted handler. If the handler is destroyed without running
// (the loop or pool was stopped: a cancelled run), it destroys the coroutine instead, so no
// frame leaks.
class ResumeOnLoop {
public:
  explicit ResumeOnLoop(std::coroutine_handle<> h) : m_handle(h) {}
  ResumeOnLoop(ResumeOnLoop &&other) noexcept : m_handle(std::exchange(other.m_handle, {})) {}
  ResumeOnLoop &operator=(ResumeOnLoop &&) = delete;
  ~ResumeOnLoop() {
    if (m_handle)
      m_handle.destroy();
  }
  void operator()() { std::exchange(m_handle, {}).resume(); }

private:
  std::coroutine_handle<> m_handle;
};

// `await sleep(d)`: the loop is free meanwhile.
struct SleepUntil {
  LoopSleepQueue &queue;
  LoopSleepQueue::clock::time_point deadline;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { queue.push(deadline, h); }
  void await_resume() const noexcept {}
};

// `await asyncio.sleep(0)`: let every other ready task run once.
struct YieldToLoop {
  LoopSleepQueue &queue;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { queue.push_ready(h); }
  void await_resume() const noexcept {}
};

// `await loop.run_in_executor(pool, fn)`: fn runs on the pool, the coroutine resumes on the loop.
template <typename F> struct RunOnPool {
  boost::asio::io_context &loop;
  PoolThreads &pool;
  F fn;
  bool result = false;

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    boost::asio::post(pool.context(), [this, resume = ResumeOnLoop(h)]() mutable {
      result = fn(); // the coroutine is suspended until the post below resumes it
      boost::asio::post(loop, std::move(resume));
    });
  }
  bool await_resume() const noexcept { return result; }
};
template <typename F> RunOnPool(boost::asio::io_context &, PoolThreads &, F) -> RunOnPool<F>;

// `await loop.run_in_executor(ProcessPoolExecutor(P), fn)`: the step runs in a worker process,
// the coroutine resumes on the loop with how it went.
struct RunInProcess {
  boost::asio::io_context &loop;
  ProcessExecutor &pool;
  ProcessExecutor::Job job;
  ProcessExecutor::Done done{};

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    // Shared: the pool's callback is copyable, the resumption is not.
    auto resume = std::make_shared<ResumeOnLoop>(h);
    pool.submit(job, [this, resume](const ProcessExecutor::Done &d) {
      done = d; // the coroutine is suspended until the post below resumes it
      boost::asio::post(loop, [resume] { (*resume)(); });
    });
  }
  ProcessExecutor::Done await_resume() const noexcept { return done; }
};

} // namespace conlab
