// thread_per_task: a new OS thread for every task, as classic thread-per-request servers do.
// Everything overlaps, computation included, until the cores or the thread cap run out.
#include "core/engine/blocking_task.h"
#include "core/engine/model_registry.h"
#include "core/util/translatable.h"

#include <deque>
#include <list>
#include <mutex>
#include <thread>

namespace conlab {
namespace {

class ThreadPerTaskModel final : public Model {
public:
  explicit ThreadPerTaskModel(ModelContext &context) : m_context(context) {}
  ~ThreadPerTaskModel() override { shutdown(); }

  void start() override {}

  void submit(std::uint32_t task) override {
    std::unique_lock lock(m_mutex);
    reap(lock);
    if (m_closed)
      return;
    if (m_live >= kMaxThreads) {
      m_waiting.push_back(task); // open load beyond the cap: queue until a thread ends
      return;
    }
    launch(task);
  }

  void shutdown() override {
    std::unique_lock lock(m_mutex);
    m_closed = true;
    m_waiting.clear();
    std::list<std::thread> all = std::move(m_threads);
    lock.unlock();
    for (auto &t : all)
      t.join();
  }

private:
  // Starts a thread for the task; the caller holds the mutex.
  void launch(std::uint32_t task) {
    ++m_live;
    m_threads.emplace_back();
    auto self = std::prev(m_threads.end());
    *self = std::thread([this, task, self] { body(task, self); });
  }

  void body(std::uint32_t task, std::list<std::thread>::iterator self) {
    if (!m_context.stopping())
      run_task_blocking(m_context, task);
    std::lock_guard lock(m_mutex);
    --m_live;
    if (m_closed)
      return; // shutdown owns the handle now
    m_finished.push_back(self);
    if (!m_waiting.empty()) {
      const std::uint32_t next = m_waiting.front();
      m_waiting.pop_front();
      launch(next);
    }
  }

  // Joins threads that have finished their task, so a long run does not hoard dead threads.
  void reap(std::unique_lock<std::mutex> &lock) {
    if (m_finished.empty())
      return;
    std::list<std::thread> done;
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
  std::list<std::thread> m_threads;
  std::vector<std::list<std::thread>::iterator> m_finished;
  std::deque<std::uint32_t> m_waiting;
  int m_live = 0;
  bool m_closed = false;
};

} // namespace

extern const ModelInfo thread_per_task_model{
    .name = "thread_per_task",
    .summary = CONLAB_TRANSLATABLE(
        "conlab::models",
        "Every task gets its own new OS thread; all tasks run at once, limited only by the "
        "cores for computation (and a hard cap of 2048 threads)."),
    .python_analogue = CONLAB_TRANSLATABLE(
        "conlab::models", "threading.Thread per request (classic thread-per-request servers)"),
    .create = [](const ModelSetup &setup) -> std::unique_ptr<Model> {
      return std::make_unique<ThreadPerTaskModel>(setup.context);
    },
    .concurrency =
        [](const Variant &, int) {
          const double cap = kMaxThreads;
          return StepConcurrency{.io = cap, .blocking_io = cap, .cpu = cap};
        },
    .shape = [](const Variant &, int) { return ScheduleShape{.task_threads = kMaxThreads}; },
};

} // namespace conlab
