// thread_per_task: a new OS thread for every task, as classic thread-per-request servers do.
// Everything overlaps, computation included, until the cores or the machine's threads run out.
#include "core/engine/blocking_task.h"
#include "core/engine/model_registry.h"
#include "core/engine/threads/sized_thread.h"
#include "core/engine/threads/thread_limits.h"
#include "core/util/translatable.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <list>
#include <mutex>
#include <system_error>

namespace conlab {
namespace {

class ThreadPerTaskModel final : public Model {
public:
  // A closed load was checked against the machine's limits before the run; an open one can
  // outrun them, and queues beyond what the machine allowed when the run began.
  ThreadPerTaskModel(ModelContext &context, std::int64_t stack_bytes)
      : m_context(context), m_stack_bytes(stack_bytes),
        m_cap(std::max<std::int64_t>(1, thread_headroom(stack_bytes).allows)) {}
  ~ThreadPerTaskModel() override { shutdown(); }

  void start() override {}

  void submit(std::uint32_t task) override {
    std::unique_lock lock(m_mutex);
    reap(lock);
    if (m_closed)
      return;
    if (m_live >= m_cap) {
      m_waiting.push_back(task); // open load beyond the cap: queue until a thread ends
      return;
    }
    if (!launch(task)) {
      lock.unlock(); // its end may submit the next task, which takes the lock
      m_context.task_failed(task);
    }
  }

  void shutdown() override {
    std::unique_lock lock(m_mutex);
    m_closed = true;
    m_waiting.clear();
    std::list<SizedThread> all = std::move(m_threads);
    lock.unlock();
    for (auto &t : all)
      t.join();
  }

private:
  // Starts a thread for the task; the caller holds the mutex. A limit hit all the same (another
  // program took the threads the check saw free) lowers the cap to what runs: the task waits for
  // a thread to end, or, when none runs that could, launch returns false and the caller fails
  // the task once it has let go of the mutex.
  bool launch(std::uint32_t task) {
    m_threads.emplace_back();
    auto self = std::prev(m_threads.end());
    try {
      const std::int64_t before = thread_cpu_ns();
      *self = SizedThread(m_stack_bytes, [this, task, self] { body(task, self); });
      m_context.thread_starts().add(1, thread_cpu_ns() - before);
    } catch (const std::system_error &) {
      m_threads.erase(self);
      m_cap = std::max<std::int64_t>(1, m_live);
      if (m_live == 0)
        return false;
      m_waiting.push_front(task);
      return true;
    }
    ++m_live;
    return true;
  }

  void body(std::uint32_t task, std::list<SizedThread>::iterator self) {
    if (!m_context.stopping())
      run_task_blocking(m_context, task);
    std::unique_lock lock(m_mutex);
    --m_live;
    if (m_closed)
      return; // shutdown owns the handle now
    m_finished.push_back(self);
    if (!m_waiting.empty()) {
      const std::uint32_t next = m_waiting.front();
      m_waiting.pop_front();
      if (!launch(next)) {
        lock.unlock();
        m_context.task_failed(next);
      }
    }
  }

  // Joins threads that have finished their task, so a long run does not hoard dead threads.
  void reap(std::unique_lock<std::mutex> &lock) {
    if (m_finished.empty())
      return;
    std::list<SizedThread> done;
    for (auto it : m_finished)
      done.splice(done.end(), m_threads, it);
    m_finished.clear();
    lock.unlock();
    for (auto &t : done)
      t.join();
    lock.lock();
  }

  ModelContext &m_context;
  std::mutex m_mutex;
  std::int64_t m_stack_bytes;
  std::int64_t m_cap;
  std::list<SizedThread> m_threads;
  std::vector<std::list<SizedThread>::iterator> m_finished;
  std::deque<std::uint32_t> m_waiting;
  std::int64_t m_live = 0;
  bool m_closed = false;
};

} // namespace

extern const ModelInfo thread_per_task_model{
    .name = "thread_per_task",
    .summary = CONLAB_TRANSLATABLE(
        "conlab::models",
        "Every task gets its own new OS thread; all tasks run at once, limited only by the "
        "cores for computation and by the threads this machine allows."),
    .python_analogue = CONLAB_TRANSLATABLE(
        "conlab::models", "threading.Thread per request (classic thread-per-request servers)"),
    .uses_stack_size = true,
    .create = [](const ModelSetup &setup) -> std::unique_ptr<Model> {
      return std::make_unique<ThreadPerTaskModel>(setup.context, setup.variant.stack_bytes());
    },
    // The ideal machine has no thread limit; a real one is checked before the run.
    .concurrency =
        [](const Variant &, int) {
          const double unbounded = std::numeric_limits<double>::infinity();
          return StepConcurrency{.io = unbounded, .blocking_io = unbounded, .cpu = unbounded};
        },
    .shape = [](const Variant &,
                int) { return ScheduleShape{.task_threads = std::numeric_limits<int>::max()}; },
};

} // namespace conlab
