#include "ui/run/run_controller.h"

#include <QThread>

#include <atomic>
#include <chrono>

namespace conlab::ui {
namespace {

constexpr auto kProgressInterval = std::chrono::milliseconds(100);

} // namespace

// Queues `deliver` to the controller's thread unless the previous one is still queued: a slow
// GUI thread gets the latest news, never a backlog.
void RunController::post_once(const std::shared_ptr<ProgressGate> &gate,
                              std::function<void()> deliver) {
  if (gate->pending.exchange(true))
    return;
  QMetaObject::invokeMethod(
      this,
      [gate, deliver = std::move(deliver)] {
        gate->pending = false;
        deliver();
      },
      Qt::QueuedConnection);
}

RunController::RunController(QObject *parent) : QObject(parent) {
  qRegisterMetaType<conlab::RunProgress>();
  qRegisterMetaType<conlab::SweepProgress>();
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

void RunController::begin() {
  m_stop.request_stop();
  m_stop = std::stop_source();
  ++m_generation;
  m_running = true;
  Q_EMIT started(m_generation);
}

quint64 RunController::start(const Experiment &experiment) {
  begin();
  const quint64 generation = m_generation;

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

quint64 RunController::start_sweep(const Experiment &experiment) {
  begin();
  const quint64 generation = m_generation;
  auto progress_gate = std::make_shared<ProgressGate>();
  auto results_gate = std::make_shared<ProgressGate>();
  launch([this, experiment, generation, progress_gate, results_gate, stop = m_stop.get_token()] {
    SweepOptions options;
    options.stop = stop;
    options.on_progress = [this, generation, progress_gate](const SweepProgress &p) {
      const auto now = std::chrono::steady_clock::now();
      if (now - progress_gate->last < kProgressInterval)
        return;
      progress_gate->last = now;
      post_once(progress_gate, [this, generation, p] {
        if (generation == m_generation)
          Q_EMIT sweep_progress(p);
      });
    };
    options.on_run_done = [this, generation, results_gate](const RunResults &so_far) {
      if (results_gate->pending)
        return; // the chart data would be built for nothing
      auto copy = std::make_shared<const RunResults>(so_far);
      RunOutcome outcome{copy, std::make_shared<const ChartData>(build_chart_data(*copy))};
      post_once(results_gate, [this, generation, outcome] {
        if (generation == m_generation)
          Q_EMIT sweep_run_done(outcome);
      });
    };
    auto results = std::make_shared<RunResults>(run_sweep(experiment, options));
    RunOutcome outcome{results, std::make_shared<const ChartData>(build_chart_data(*results))};
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
