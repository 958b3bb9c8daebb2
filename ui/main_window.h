// The lab's main window: the experiment editor on the left; live charts, result charts, the
// results table and the explanations on the right; Run/Cancel with progress and ETA below.
#pragma once

#include "ui/run/run_controller.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;
class QTabWidget;

namespace conlab::ui {

class ChartPanel;
class ExperimentEditor;
class ExplanationView;
class HistoryPanel;
class LiveChart;
class RecentFiles;
class ResultsTableModel;
class ResultsView;
class SweepTableModel;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(QWidget *parent = nullptr);
  ~MainWindow() override;

  // The newcomer's start: the article's preset at a time scale that keeps the run short.
  void open_first_experiment();
  void load_preset(const QString &name, double time_scale);
  // An experiment or a results file; on failure the error (with field paths) is shown and
  // returned, and nothing changes.
  bool open_file(const QString &path, QString *error = nullptr);

  void run();
  void cancel();
  // The capacity under an SLO of the variant selected in the editor, in a dialog of its own.
  void find_capacity();

  ExperimentEditor *editor() const { return m_editor; }
  ChartPanel *charts() const { return m_charts; }
  LiveChart *live() const { return m_live; }
  ResultsTableModel *results_model() const { return m_results_model; }
  ResultsView *results_view() const { return m_results_view; }
  ResultsView *sweep_table() const { return m_sweep_view; } // a sweep's Table tab
  ExplanationView *explanations() const { return m_explanations; }
  HistoryPanel *history() const { return m_history; }
  QTabWidget *tabs() const { return m_tabs; }
  RunController *runner() const { return m_runner; }
  std::shared_ptr<const RunResults> results() const { return m_results; }

Q_SIGNALS:
  void results_shown(); // charts, table and explanations show new results

protected:
  void closeEvent(QCloseEvent *event) override;
  void dragEnterEvent(QDragEnterEvent *event) override;
  void dropEvent(QDropEvent *event) override;

private:
  void build_menus();
  void build_history(); // main_window_history.cpp
  void build_status_bar();
  void restore_settings();
  void save_settings() const;
  void on_progress(const RunProgress &p);
  void on_finished(const RunOutcome &outcome);

  // main_window_sweep.cpp
  void start_sweep(const Experiment &experiment);
  void on_sweep_progress(const SweepProgress &p);
  void on_sweep_run_done(const RunOutcome &so_far);
  void show_chart_tabs(); // the tabs the results fill: a run's charts or a sweep's
  void update_actions();
  void update_title();
  void show_error(const QString &title, const QString &text);

  // main_window_files.cpp
  void new_experiment();
  void open_dialog();
  bool save();
  bool save_as();
  bool save_to(const QString &path);
  bool maybe_save();
  void export_chart();
  void export_all();
  void copy_chart();
  void save_results_json();
  void save_samples_csv();
  QString last_directory() const;
  void remember_directory(const QString &path);

  int m_cores;
  QAction *m_find_capacity = nullptr;
  QString m_path;        // the experiment file being edited; empty when new or a preset
  Experiment m_sweeping; // the sweep running, for its progress text
  std::vector<std::vector<double>> m_sweep_grid; // its points
  std::shared_ptr<const RunResults> m_results;
  RunController *m_runner;
  ExperimentEditor *m_editor;
  QTabWidget *m_tabs;
  LiveChart *m_live;
  ChartPanel *m_charts;
  ResultsTableModel *m_results_model;
  ResultsView *m_results_view;
  SweepTableModel *m_sweep_model;
  ResultsView *m_sweep_view;
  ExplanationView *m_explanations;
  HistoryPanel *m_history = nullptr;
  QSplitter *m_main_split, *m_right_split;
  QProgressBar *m_progress;
  QLabel *m_status;
  RecentFiles *m_recent = nullptr;
  QAction *m_run, *m_cancel, *m_log_axes, *m_cdf_log_x;
  QList<QAction *> m_result_actions;
};

} // namespace conlab::ui
