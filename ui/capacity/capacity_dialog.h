// "Find capacity…" on a variant in the desktop lab: the highest arrival rate that meets an SLO,
// searched on a worker thread while every run appears in the log and on the chart as it ends.
// The variant is run in process (with the simulator's capacity beside it), or at its server
// when the experiment is aimed at one. The search can be stopped at any time and keeps its runs.
#pragma once

#include "core/capacity/capacity_results.h"
#include "core/experiment/spec.h"

#include <QDialog>

#include <memory>
#include <optional>
#include <stop_token>
#include <thread>

class QChartView;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace conlab::ui {

class CapacityDialog : public QDialog {
  Q_OBJECT
public:
  CapacityDialog(Experiment experiment, std::size_t variant, int cores, QWidget *parent = nullptr);
  ~CapacityDialog() override; // stops the search and waits for it

  // What the search uses; the fields set the SLO, the time limit and the runs per rate.
  void set_limits(const CapacityLimits &limits) { m_limits = limits; }
  void set_slo_text(const QString &text);
  void start();
  bool running() const { return m_worker.joinable() && !m_finished; }
  const std::optional<CapacityResults> &results() const { return m_results; }
  QString answer_text() const;
  QChartView *chart_view() const { return m_chart; }

Q_SIGNALS:
  void finished_search();

private:
  static QString run_line(const Slo &slo, const CapacityRun &run);
  void run_done(const CapacityRun &run);
  void search_done(const CapacityResults &results);
  void redraw(const CapacityResults &results);
  void save();
  void export_chart_file();

  Experiment m_experiment;
  std::size_t m_variant;
  int m_cores;
  CapacityLimits m_limits;
  CapacityResults m_partial; // the runs so far, for the chart while the search goes on
  std::optional<CapacityResults> m_results;
  std::stop_source m_stop;
  std::thread m_worker;
  bool m_finished = false;

  QLineEdit *m_slo;
  QSpinBox *m_minutes;
  QSpinBox *m_runs_per_step;
  QPushButton *m_start;
  QPushButton *m_save;
  QPushButton *m_export;
  QLabel *m_answer;
  QPlainTextEdit *m_log;
  QChartView *m_chart;
};

} // namespace conlab::ui
