// qt_event_loop: the same lesson in Qt — tasks are QCoro coroutines on a Qt event loop in its own
// thread. `io` awaits a QTimer; blocking steps freeze the loop unless `offload` is on, in which
// case they are awaited through QtConcurrent::run on a QThreadPool of P threads.
#include "core/engine/blocking_task.h"
#include "core/engine/model_registry.h"
#include "core/util/translatable.h"

#include <QCoro/QCoroFuture>
#include <QCoro/QCoroTask>
#include <QCoro/QCoroTimer>
#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <chrono>
#include <future>
#include <set>

namespace conlab {
namespace {

// Qt hands work between threads through its event queue and thread pool, whose locks live in a
// library ThreadSanitizer cannot see into. Every hand-off in this file also goes through this
// atomic (release before, acquire after), which makes the same ordering visible to TSan and
// costs one uncontended atomic operation.
class HandOff {
public:
  void release() { m_sequence.fetch_add(1, std::memory_order_release); }
  void acquire() const { (void)m_sequence.load(std::memory_order_acquire); }

private:
  std::atomic<std::uint64_t> m_sequence{0};
};

int qt_pool_size(const Variant &v, int cores) {
  return v.offload.value_or(false) ? resolved_pool_size(v, cores) : 1;
}

// Lives in the loop thread; every member is touched only there.
class QtLoopWorker final : public QObject {
public:
  QtLoopWorker(ModelContext &context, QThreadPool *offload, HandOff &hand_off)
      : m_context(context), m_offload(offload), m_hand_off(hand_off) {
    m_lag.loop = 0;
    m_probe.setTimerType(Qt::PreciseTimer);
    m_probe.setSingleShot(true);
    connect(&m_probe, &QTimer::timeout, this, &QtLoopWorker::probeWoke);
  }

  void startProbe() { armProbe(RunClock::clock::now()); }

  void spawn(std::uint32_t task) {
    if (m_draining || m_context.stopping())
      return;
    ++m_live;
    runTask(task); // eager: runs to its first suspension, then the Task object may go
  }

  // Wakes every waiting coroutine so it can see the stop and end; quits when none is left.
  void drain() {
    m_draining = true;
    if (m_probe.isActive()) {
      // A probe that is overdue now was held up by the loop until now: that is lag too.
      const auto now = RunClock::clock::now();
      if (now > m_due)
        m_lag.samples.push_back({m_context.clock().to_ns(m_due), (now - m_due).count()});
    }
    m_probe.stop();
    for (QTimer *t : m_waits)
      t->start(0);
    quitIfIdle();
  }

  LoopLagTrace takeLag() { return std::move(m_lag); }

private:
  QCoro::Task<> runTask(std::uint32_t task) {
    m_context.task_started(task);
    // Under a GIL the loop thread holds it while the coroutine runs and drops it while the
    // coroutine is suspended, as in loop_task.cpp.
    m_context.enter_python(task);
    const Workload &w = m_context.workload();
    bool completed = true;
    for (std::size_t s = 0; s < w.step_count() && completed; ++s) {
      const std::int64_t ns = w.duration_ns(task, s);
      if (w.kind(s) == StepKind::io) {
        m_context.leave_python();
        co_await waitFor(task, ns);
        m_context.enter_python(task);
        completed = !m_context.stopping();
      } else if (m_offload) {
        m_context.leave_python();
        ModelContext &context = m_context;
        const StepKind kind = w.kind(s);
        HandOff &hand_off = m_hand_off;
        hand_off.release();
        const auto asked = std::chrono::steady_clock::now();
        auto ran = asked; // when the pool's thread was done with the step
        completed = co_await QtConcurrent::run(
            m_offload, [&context, &hand_off, task, kind, ns, asked, &ran] {
              hand_off.acquire();
              context.executor_waited(task, (std::chrono::steady_clock::now() - asked).count());
              const bool done = run_step_blocking(context, task, kind, ns);
              context.leave_python();
              ran = std::chrono::steady_clock::now();
              hand_off.release();
              return done;
            });
        m_hand_off.acquire();
        m_context.loop_resumed(task, 0, ran);
        m_context.enter_python(task);
      } else {
        completed = run_step_blocking(m_context, task, w.kind(s), ns);
      }
    }
    m_context.leave_python();
    if (completed)
      m_context.task_finished(task);
    --m_live;
    quitIfIdle();
  }

  QCoro::Task<> waitFor(std::uint32_t task, std::int64_t ns) {
    QTimer timer; // precise: the default coarse timer may be 5% late, which would skew results
    timer.setTimerType(Qt::PreciseTimer);
    timer.setSingleShot(true);
    m_waits.insert(&timer);
    // A QTimer counts whole milliseconds: the wait is what it was asked for.
    const std::chrono::milliseconds wait =
        m_draining ? std::chrono::milliseconds(0)
                   : std::chrono::round<std::chrono::milliseconds>(std::chrono::nanoseconds(ns));
    const auto ready = std::chrono::steady_clock::now() + wait;
    timer.start(wait);
    co_await qCoro(timer).waitForTimeout();
    m_waits.erase(&timer);
    m_context.loop_resumed(task, std::chrono::nanoseconds(wait).count(), ready);
  }

  void armProbe(RunClock::clock::time_point from) {
    m_due = from + std::chrono::nanoseconds(kLoopLagIntervalNs);
    m_probe.start(std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::nanoseconds(kLoopLagIntervalNs)));
  }

  void probeWoke() {
    const auto woke = RunClock::clock::now();
    m_lag.samples.push_back(
        {m_context.clock().to_ns(m_due), std::max<std::int64_t>(0, (woke - m_due).count())});
    armProbe(woke);
  }

  void quitIfIdle() {
    if (m_draining && m_live == 0) {
      m_hand_off.release(); // everything this thread wrote is visible to whoever waits for it
      QThread::currentThread()->quit();
    }
  }

  ModelContext &m_context;
  QThreadPool *m_offload;
  HandOff &m_hand_off;
  QTimer m_probe{this}; // a child, so it moves to the loop thread with the worker
  RunClock::clock::time_point m_due;
  LoopLagTrace m_lag;
  std::set<QTimer *> m_waits;
  std::int64_t m_live = 0;
  bool m_draining = false;
};

class QtEventLoopModel final : public Model {
public:
  QtEventLoopModel(ModelContext &context, bool offload, int pool_size, std::int64_t stack_bytes)
      : m_context(context) {
    if (offload) {
      m_pool.setMaxThreadCount(pool_size);
      m_pool.setExpiryTimeout(-1); // keep threads: starting one is not part of the task
      if (stack_bytes > 0)
        m_pool.setStackSize(static_cast<uint>(stack_bytes));
    }
    m_worker = new QtLoopWorker(context, offload ? &m_pool : nullptr, m_hand_off);
    m_worker->moveToThread(&m_thread);
  }
  ~QtEventLoopModel() override { shutdown(); }

  void start() override {
    m_thread.start();
    // Wait until the loop runs, so its start-up is not counted as the first task's queue wait.
    std::promise<void> running;
    post([&running](QtLoopWorker *w) {
      w->startProbe();
      running.set_value();
    });
    running.get_future().wait();
  }

  void submit(std::uint32_t task) override {
    post([task](QtLoopWorker *w) { w->spawn(task); });
  }

  void shutdown() override {
    if (!m_worker)
      return;
    post([](QtLoopWorker *w) { w->drain(); });
    m_thread.wait();
    m_pool.waitForDone();
    m_hand_off.acquire();
    m_context.add_loop_lag(m_worker->takeLag());
    delete m_worker; // its thread has ended, so deleting it here is safe
    m_worker = nullptr;
  }

private:
  // Runs f(worker) on the loop thread.
  template <typename F> void post(F f) {
    m_hand_off.release();
    QMetaObject::invokeMethod(m_worker, [this, f = std::move(f)] {
      m_hand_off.acquire();
      f(m_worker);
    });
  }

  ModelContext &m_context;
  HandOff m_hand_off;
  QThread m_thread;
  QThreadPool m_pool;
  QtLoopWorker *m_worker = nullptr;
};

} // namespace

extern const ModelInfo qt_event_loop_model{
    .name = "qt_event_loop",
    .summary = CONLAB_TRANSLATABLE(
        "conlab::models",
        "Tasks are QCoro coroutines on a Qt event loop in its own thread; with offload on, "
        "blocking calls and computation run through QtConcurrent on P threads."),
    .python_analogue = CONLAB_TRANSLATABLE(
        "conlab::models", "async def on one asyncio loop (offload: loop.run_in_executor)"),
    .uses_pool_size = true,
    .uses_offload = true,
    .uses_stack_size = true, // with offload: its QThreadPool's threads
    .default_pool = "cores",
    .has_event_loop = true,
    .create = [](const ModelSetup &setup) -> std::unique_ptr<Model> {
      const bool offload = setup.variant.offload.value_or(false);
      return std::make_unique<QtEventLoopModel>(setup.context, offload,
                                                qt_pool_size(setup.variant, setup.cores),
                                                setup.variant.stack_bytes());
    },
    .concurrency =
        [](const Variant &v, int cores) {
          const double p = qt_pool_size(v, cores);
          return StepConcurrency{.blocking_io = p, .cpu = p};
        },
    .shape =
        [](const Variant &v, int cores) {
          const bool offload = v.offload.value_or(false);
          return ScheduleShape{.loops = 1, .executor_threads = offload ? qt_pool_size(v, cores) : 0};
        },
};

} // namespace conlab
