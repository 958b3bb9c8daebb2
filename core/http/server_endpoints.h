// One endpoint of the embedded server per variant: a request runs the variant's steps the way a
// real framework with that model would run its handler (see DESIGN.md's model table).
//
//   event_loop          steps are coroutines on the server's own loop thread: `io` awaits a
//                       timer, `blocking_io`/`cpu` block that thread and so every connection.
//   event_loop_offload  as above, but `blocking_io`/`cpu` are awaited on a pool of P threads.
//   thread_pool         the whole handler runs on a pool of P threads (`io` blocks a thread);
//                       the connection coroutine awaits it, as Starlette does for a `def`.
//   thread_per_task     the whole handler runs on a new OS thread per request.
//   multi_loop          L loops of the endpoint's own; each request's handler is handed to the
//                       next loop round-robin and runs there as on event_loop (the connection's
//                       parsing stays on the accepting loop).
//   qt_event_loop       served like event_loop (or event_loop_offload when `offload` is set):
//                       the server has no Qt loop. The response's X-Conlab-Note says so.
#pragma once

#include "core/engine/blocking_task.h"
#include "core/engine/cpu_work.h"
#include "core/engine/model.h"
#include "core/engine/task_recorder.h"
#include "core/experiment/spec.h"
#include "core/experiment/workload.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace conlab::http {

// What a handler produced: 200 with a small JSON body, or 503 when the server is stopping or
// thread_per_task hit the thread cap.
struct HandlerResult {
  bool ok = true;
  std::string reason; // when not ok
  std::uint32_t request = 0;
};

// Detached threads, counted, so that stop can wait for every one of them.
class ThreadSet {
public:
  // False at the cap: then nothing started and `fn` was not moved from.
  template <typename F> bool start(F &fn, int cap) {
    {
      std::lock_guard lock(m_mutex);
      if (m_closed || m_live >= cap)
        return false;
      ++m_live;
    }
    std::thread([this, fn = std::move(fn)]() mutable {
      {
        F local = std::move(fn); // destroyed before the count drops: nothing outlives join()
        local();
      }
      std::lock_guard lock(m_mutex);
      --m_live;
      m_done.notify_all();
    }).detach();
    return true;
  }
  // Refuses new threads from now on, then waits for the running ones.
  void join() {
    std::unique_lock lock(m_mutex);
    m_closed = true;
    m_done.wait(lock, [this] { return m_live == 0; });
  }

private:
  std::mutex m_mutex;
  std::condition_variable m_done;
  int m_live = 0;
  bool m_closed = false;
};

class Endpoint {
public:
  Endpoint(const Variant &variant, std::string path, std::uint32_t variant_index,
           const Experiment &experiment, const CpuWork &cpu, int cores, std::stop_token stop);
  ~Endpoint();
  Endpoint(const Endpoint &) = delete;
  Endpoint &operator=(const Endpoint &) = delete;

  const std::string &path() const { return m_path; }
  const Variant &variant() const { return m_variant; }
  // How the model is served, when that differs from in-process (qt_event_loop); else empty.
  const std::string &note() const { return m_note; }
  int pool_size() const { return m_pool_size; }

  // Starts the endpoint's own threads (pool, loops). Before the first request.
  void start();
  // Runs one request's handler; call from a coroutine on the server's loop.
  boost::asio::awaitable<HandlerResult> handle();
  // Stops pools and loops and joins every thread. Handlers still waiting on them never resume.
  void shutdown();

private:
  enum class Kind { loop, loop_offload, pool, thread_per_task, multi_loop };

  boost::asio::awaitable<bool> steps_on_loop(std::uint32_t request);
  bool steps_blocking(std::uint32_t request) const;
  // 1 done, 0 cut short by a stop, -1 refused at the thread cap.
  boost::asio::awaitable<int> on_new_thread(std::uint32_t request);
  // `work()` (→ bool) on the pool; the result comes back to the awaiting loop.
  template <typename Work> boost::asio::awaitable<bool> on_pool(Work work);
  template <typename Handler> struct ThreadJob;

  struct LoopThread {
    boost::asio::io_context io{1};
    std::thread thread;
  };

  Variant m_variant;
  std::string m_path;
  std::string m_note;
  Kind m_kind = Kind::loop;
  int m_pool_size = 0;
  int m_loop_count = 0;
  std::stop_token m_stop;
  Workload m_workload;
  // run_step_blocking takes a model context: the same function, so a blocking or cpu step means
  // the same thing here as in-process. The recorder is empty; the generator measures.
  RunClock m_clock;
  TaskRecorder m_recorder{0, m_clock};
  ModelContext m_context;
  std::atomic<std::uint32_t> m_requests{0};
  std::atomic<std::uint32_t> m_next_loop{0};
  ThreadSet m_threads;
  std::unique_ptr<boost::asio::thread_pool> m_pool;
  std::vector<std::unique_ptr<LoopThread>> m_loops;
  bool m_shut_down = false;
};

} // namespace conlab::http
