#include "run_controller.h"

#include <QThread>

#include <atomic>
#include <chrono>

namespace conlab::ui {
namespace {

constexpr auto kProgressInterval = std::chrono::milliseconds(100);

// Forwarding state shared by the worker and the queued calls: at most one progress update in
// flight, so a slow GUI thread never accumulates a backlog of them.
struct ProgressGate {
  std::atomic<bool> pending{false};
  std::chrono::steady_clock::time_point last{};
};

} // namespace

RunController::RunController(QObject *parent) : QObject(parent) {
  qRegisterMetaType<conlab::RunProgress>();
  qRegisterMetaType<conlab::Summary>();
  qRegisterMetaType<conlab::ui::RunOutcome>();
}

RunController::~RunController() {
  m_stop.request_stop();
  for (QThread *thread : m_threads) {
    thread->wait();
    delete thread;
  }
}

void RunController::launch(std::function<void()> work) {
  QThread *thread = QThread::create(std::move(work));
  thread->setObjectName(QStringLiteral("conlab-run"));
  m_threads.push_back(thread);
  connect(thread, &QThread::finished, this, [this, thread] {
    std::erase(m_threads, thread);
    thread->deleteLater();
  });
  thread->start();
}

quint64 RunController::start(const Experiment &experiment) {
  m_stop.request_stop();
  m_stop = std::stop_source();
  const quint64 generation = ++m_generation;
  m_running = true;
  Q_EMIT started(generation);

  auto gate = std::make_shared<ProgressGate>();
  // The worker never touches `this` except through queued calls; the destructor waits for it.
  launch([this, experiment, generation, gate, stop = m_stop.get_token()] {
    RunOptions options;
    options.stop = stop;
    options.on_progress = [this, generation, gate](const RunProgress &p) {
      const auto now = std::chrono::steady_clock::now();
      // The runner's last report of a variant may give total 0 (its recorder's samples are
      // already taken): finished ≥ total marks the end either way.
      const bool boundary = p.finished == 0 || p.finished >= p.total;
      // Variant boundaries always go through; in between, at most one update is in flight.
      if (!boundary && (now - gate->last < kProgressInterval || gate->pending.exchange(true)))
        return;
      gate->last = now;
      QMetaObject::invokeMethod(
          this,
          [this, generation, gate, p, boundary] {
            if (!boundary)
              gate->pending = false;
            deliver_progress(generation, p);
          },
          Qt::QueuedConnection);
    };
    options.on_repeat_done = [this, generation](std::size_t variant, const RepeatResult &r) {
      QMetaObject::invokeMethod(
          this,
          [this, generation, variant = static_cast<int>(variant), repeat = r.repeat,
           summary = r.summary] { deliver_repeat(generation, variant, repeat, summary); },
          Qt::QueuedConnection);
    };
    RunOutcome outcome;
    auto results = std::make_shared<RunResults>(run_experiment(experiment, options));
    outcome.charts = std::make_shared<const ChartData>(build_chart_data(*results));
    outcome.results = std::move(results);
    QMetaObject::invokeMethod(
        this, [this, generation, outcome] { deliver(generation, outcome); }, Qt::QueuedConnection);
  });
  return generation;
}

quint64 RunController::show(std::shared_ptr<const RunResults> results) {
  const quint64 generation = ++m_generation;
  m_stop.request_stop();
  m_running = false;
  launch([this, generation, results = std::move(results)] {
    RunOutcome outcome{results, std::make_shared<const ChartData>(build_chart_data(*results))};
    QMetaObject::invokeMethod(
        this, [this, generation, outcome] { deliver(generation, outcome); }, Qt::QueuedConnection);
  });
  return generation;
}

void RunController::cancel() { m_stop.request_stop(); }

void RunController::deliver_progress(quint64 generation, const RunProgress &p) {
  Q_ASSERT(thread() == QThread::currentThread());
  if (generation == m_generation)
    Q_EMIT progress(p);
}

void RunController::deliver_repeat(quint64 generation, int variant, int repeat,
                                   const Summary &summary) {
  Q_ASSERT(thread() == QThread::currentThread());
  if (generation == m_generation)
    Q_EMIT repeat_done(variant, repeat, summary);
}

void RunController::deliver(quint64 generation, RunOutcome outcome) {
  Q_ASSERT(thread() == QThread::currentThread());
  if (generation != m_generation)
    return; // superseded: its results vanish
  m_running = false;
  Q_EMIT finished(outcome);
}

} // namespace conlab::ui
