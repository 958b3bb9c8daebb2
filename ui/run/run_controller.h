// Runs experiments off the GUI thread and hands the results back by queued call: progress
// throttled to ~10 Hz, per-repeat summaries as they finish, then the results with their chart
// data (built on the worker too). A generation counter drops a superseded run's late results.
// A sweep runs the same way, handing over everything measured so far after each of its runs.
#pragma once

#include "core/engine/runner.h"
#include "core/sweep/sweep_runner.h"
#include "ui/charts/chart_data.h"

#include <QObject>

#include <atomic>
#include <chrono>
#include <functional>

#include <memory>
#include <stop_token>

class QThread;

namespace conlab::ui {

// Forwarding state shared by the worker and the queued calls: at most one progress update in
// flight, so a slow GUI thread never accumulates a backlog of them.
struct ProgressGate {
  std::atomic<bool> pending{false};
  std::chrono::steady_clock::time_point last{};
};

struct RunOutcome {
  std::shared_ptr<const RunResults> results;
  std::shared_ptr<const ChartData> charts;
};

class RunController : public QObject {
  Q_OBJECT
public:
  explicit RunController(QObject *parent = nullptr);
  ~RunController() override; // cancels and waits for any worker

  // Starts a run of a validated experiment; cancels the current one. Returns its generation.
  quint64 start(const Experiment &experiment);
  // Starts a sweep of a validated experiment that has one; cancels the current run. Progress
  // comes through sweep_progress(), the results so far through sweep_run_done(), the end
  // through finished().
  quint64 start_sweep(const Experiment &experiment);
  void cancel(); // what was measured is kept and delivered through finished()
  bool running() const { return m_running; }
  quint64 generation() const { return m_generation; }

  // Prepares chart data off the GUI thread for results loaded from a file; delivered through
  // finished() like a run's.
  quint64 show(std::shared_ptr<const RunResults> results);

Q_SIGNALS:
  void started(quint64 generation);
  void progress(const conlab::RunProgress &progress);
  void repeat_done(int variant, int repeat, const conlab::Summary &summary);
  void finished(const conlab::ui::RunOutcome &outcome);
  void sweep_progress(const conlab::SweepProgress &progress);
  // After a (point, repeat) of a sweep: everything so far. Skipped while the previous one is
  // still on its way, so a sweep of quick runs cannot flood the GUI thread.
  void sweep_run_done(const conlab::ui::RunOutcome &so_far);

private:
  void launch(std::function<void()> work);
  void deliver_progress(quint64 generation, const RunProgress &progress);
  void deliver_repeat(quint64 generation, int variant, int repeat, const Summary &summary);
  void deliver(quint64 generation, RunOutcome outcome);
  void begin(); // a new generation and stop source; emits started()
  void post_once(const std::shared_ptr<ProgressGate> &gate, std::function<void()> deliver);

  quint64 m_generation = 0;
  bool m_running = false;
  std::stop_source m_stop;
  std::vector<QThread *> m_threads;
};

} // namespace conlab::ui

Q_DECLARE_METATYPE(conlab::RunProgress)
Q_DECLARE_METATYPE(conlab::SweepProgress)
Q_DECLARE_METATYPE(conlab::Summary)
Q_DECLARE_METATYPE(conlab::ui::RunOutcome)
