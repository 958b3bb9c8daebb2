#include "ui/main_window.h"

#include "core/experiment/presets.h"
#include "core/results/environment.h"
#include "core/util/format.h"
#include "ui/about_dialog.h"
#include "ui/capacity/capacity_dialog.h"
#include "ui/charts/chart_panel.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/experiment/variant_table_model.h"
#include "ui/i18n/core_text.h"
#include "ui/preferences_dialog.h"
#include "ui/recent_files.h"
#include "ui/report/report_export_dialog.h"
#include "ui/run/explanation_view.h"
#include "ui/run/live_chart.h"
#include "ui/run/results_table_model.h"
#include "ui/run/results_view.h"
#include "ui/sweep/sweep_table_model.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

namespace conlab::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_cores(available_cores()), m_runner(new RunController(this)),
      m_editor(new ExperimentEditor(m_cores, this)), m_tabs(new QTabWidget(this)),
      m_live(new LiveChart(this)), m_charts(new ChartPanel(this)),
      m_results_model(new ResultsTableModel(this)),
      m_results_view(new ResultsView(m_results_model, this)),
      m_sweep_model(new SweepTableModel(this)), m_sweep_view(new ResultsView(m_sweep_model, this)),
      m_explanations(new ExplanationView(this)) {
  setAcceptDrops(true);
  auto *editor_scroll = new QScrollArea(this);
  editor_scroll->setWidget(m_editor);
  editor_scroll->setWidgetResizable(true);
  editor_scroll->setMinimumWidth(560);
  m_tabs->addTab(m_live, tr("Live"));
  while (m_charts->count() > 0) // the chart views move into the one tab bar
    m_tabs->addTab(m_charts->widget(0), m_charts->tabText(0));
  m_tabs->addTab(m_results_view, tr("Table"));
  m_tabs->addTab(m_sweep_view, tr("Table")); // a sweep's: only one of the two is shown
  m_charts->hide();
  m_right_split = new QSplitter(Qt::Vertical, this);
  m_right_split->addWidget(m_tabs);
  m_right_split->addWidget(m_explanations);
  m_right_split->setStretchFactor(0, 4);
  m_right_split->setStretchFactor(1, 1);
  m_main_split = new QSplitter(Qt::Horizontal, this);
  m_main_split->addWidget(editor_scroll);
  m_main_split->addWidget(m_right_split);
  m_main_split->setStretchFactor(1, 1);
  m_main_split->setSizes({620, 980});
  setCentralWidget(m_main_split);

  build_menus();
  build_history();
  build_status_bar();
  connect(m_editor, &ExperimentEditor::changed, this, [this] {
    update_actions();
    update_title();
  });
  connect(m_runner, &RunController::progress, this, &MainWindow::on_progress);
  connect(m_runner, &RunController::finished, this, &MainWindow::on_finished);
  connect(m_runner, &RunController::sweep_progress, this, &MainWindow::on_sweep_progress);
  connect(m_runner, &RunController::sweep_run_done, this, &MainWindow::on_sweep_run_done);
  // A sweep's charts also fill while it runs; results_shown() waits for the end.
  connect(m_charts, &ChartPanel::charts_ready, this, [this] {
    if (!m_runner->running())
      Q_EMIT results_shown();
  });
  connect(m_runner, &RunController::repeat_done, this, [this](int variant, int, const Summary &s) {
    const auto &variants = m_editor->variants_model()->variants();
    if (variant < static_cast<int>(variants.size()))
      m_status->setText(
          tr("%1 done: %2 tasks in %3")
              .arg(QString::fromStdString(variants[static_cast<std::size_t>(variant)].label))
              .arg(s.completed)
              .arg(QString::fromStdString(human_duration(s.makespan_s))));
  });
  restore_settings();
  update_actions();
  update_title();
}

MainWindow::~MainWindow() = default;

void MainWindow::build_menus() {
  QMenu *file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&New experiment"), QKeySequence::New, this, &MainWindow::new_experiment);
  file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open_dialog);
  m_recent = new RecentFiles(file->addMenu(tr("Open &recent")), this);
  connect(m_recent, &RecentFiles::open_requested, this, [this](const QString &p) {
    if (maybe_save())
      open_file(p);
  });
  QMenu *presets_menu = file->addMenu(tr("&Presets"));
  for (const Preset &p : presets()) {
    QAction *a = presets_menu->addAction(QString::fromStdString(p.name));
    a->setToolTip(preset_description(p));
    a->setStatusTip(preset_description(p));
    const QString name = QString::fromStdString(p.name);
    connect(a, &QAction::triggered, this, [this, name] {
      if (maybe_save())
        load_preset(name, 0);
    });
  }
  presets_menu->setToolTipsVisible(true);
  file->addSeparator();
  file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
  file->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, &MainWindow::save_as);
  QAction *export_report = file->addAction(tr("Export &report…"), this, [this] {
    const QString path =
        export_report_dialog(this, m_results.get(), m_charts->options(), last_directory());
    if (!path.isEmpty())
      remember_directory(path);
  });
  export_report->setObjectName(QStringLiteral("export_report"));
  export_report->setStatusTip(tr("One HTML or PDF document: the experiment, the environment, "
                                 "the numbers, every chart and the explanations"));
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu *run_menu = menuBar()->addMenu(tr("&Run"));
  m_run = run_menu->addAction(tr("&Run experiment"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                              &MainWindow::run);
  m_cancel = run_menu->addAction(tr("&Cancel (keep what was measured)"),
                                 QKeySequence(Qt::Key_Escape), this, &MainWindow::cancel);
  run_menu->addSeparator();
  m_find_capacity = run_menu->addAction(tr("Find the &capacity of the selected variant…"), this,
                                        &MainWindow::find_capacity);
  m_find_capacity->setToolTip(tr("The highest arrival rate at which the variant meets an SLO "
                                 "such as p99<200ms"));
  m_run->setToolTip(tr("Run every variant (Ctrl+R)"));
  m_cancel->setToolTip(tr("Stop the run; what was measured is kept (Esc)"));

  QMenu *results = menuBar()->addMenu(tr("R&esults"));
  m_result_actions = {
      results->addAction(tr("Export this &chart…"), this, &MainWindow::export_chart),
      results->addAction(tr("Export &all charts…"), this, &MainWindow::export_all),
      results->addAction(tr("Co&py this chart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                         this, &MainWindow::copy_chart),
      results->addAction(tr("Save results as &JSON…"), this, &MainWindow::save_results_json),
      results->addAction(tr("Save samples as &CSV…"), this, &MainWindow::save_samples_csv)};
  m_result_actions << export_report;

  QMenu *view = menuBar()->addMenu(tr("&View"));
  m_log_axes = view->addAction(tr("&Log axes where the data spans decades"));
  m_cdf_log_x = view->addAction(tr("Response-time CDF on a log &x axis"));
  for (QAction *a : {m_log_axes, m_cdf_log_x}) {
    a->setCheckable(true);
    connect(a, &QAction::toggled, this, [this] {
      ChartOptions options = m_charts->options();
      options.log_axes = m_log_axes->isChecked();
      options.cdf_log_x = m_cdf_log_x->isChecked();
      m_charts->set_options(options);
    });
  }

  QMenu *settings = menuBar()->addMenu(tr("&Settings"));
  QAction *preferences = settings->addAction(tr("&Preferences…"), QKeySequence::Preferences, this,
                                             [this] { PreferencesDialog(this).exec(); });
  preferences->setMenuRole(QAction::PreferencesRole);

  QMenu *help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Concurrency Lab"), this, [this] { AboutDialog(this).exec(); });

  QToolBar *bar = addToolBar(tr("Run"));
  bar->setObjectName(QStringLiteral("run_toolbar"));
  bar->addAction(m_run);
  bar->addAction(m_cancel);
  bar->addSeparator();
  bar->addAction(m_result_actions[1]);
}

void MainWindow::build_status_bar() {
  m_progress = new QProgressBar(this);
  m_progress->setRange(0, 1000);
  m_progress->setMaximumWidth(260);
  m_progress->setTextVisible(true);
  m_progress->setFormat(QStringLiteral("%p%"));
  m_status = new QLabel(tr("Ready. Ctrl+R runs the experiment."), this);
  statusBar()->addWidget(m_status, 1);
  statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::open_first_experiment() { load_preset(QStringLiteral("fastapi-article"), 0.05); }

void MainWindow::load_preset(const QString &name, double time_scale) {
  const Preset *preset = find_preset(name.toStdString());
  if (!preset)
    return show_error(tr("No such preset"), name);
  try {
    Experiment e = parse_experiment_text(preset->json, m_cores);
    if (time_scale > 0)
      e.time_scale = time_scale;
    m_editor->set_experiment(e);
    m_path.clear();
    update_actions();
    update_title();
  } catch (const std::exception &e) {
    show_error(tr("The preset is broken"), QString::fromStdString(e.what()));
  }
}

void MainWindow::run() {
  if (m_runner->running() || !m_editor->errors().empty())
    return;
  const Experiment experiment = m_editor->experiment();
  if (experiment.sweep)
    return start_sweep(experiment);
  m_live->reset(experiment);
  m_tabs->setTabVisible(m_tabs->indexOf(m_live), true);
  m_tabs->setCurrentWidget(m_live);
  m_progress->setValue(0);
  m_status->setText(tr("Starting…"));
  m_runner->start(experiment);
  update_actions();
}

void MainWindow::find_capacity() {
  if (!m_editor->errors().empty()) {
    show_error(
        tr("Cannot search"),
        tr("Fix the experiment first: %1").arg(field_error_text(m_editor->errors().front())));
    return;
  }
  Experiment e = m_editor->experiment();
  if (e.variants.empty())
    return;
  const int row = std::max(0, m_editor->variants_view()->currentIndex().row());
  auto *dialog = new CapacityDialog(std::move(e), static_cast<std::size_t>(row), m_cores, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
}

void MainWindow::cancel() {
  if (!m_runner->running())
    return;
  m_runner->cancel();
  m_status->setText(tr("Cancelling: keeping what was measured…"));
}

void MainWindow::on_progress(const RunProgress &p) {
  m_live->add_progress(p);
  m_progress->setValue(static_cast<int>(p.fraction * 1000));
  const auto &variants = m_editor->variants_model()->variants();
  const QString label = p.variant < variants.size()
                            ? QString::fromStdString(variants[p.variant].label)
                            : QString::number(p.variant);
  QString text = tr("Running %1 (repeat %2): %3 of %4 tasks · %5 elapsed")
                     .arg(label)
                     .arg(p.repeat + 1)
                     .arg(p.finished)
                     .arg(p.total)
                     .arg(QString::fromStdString(human_duration(p.elapsed_s)));
  if (p.eta_s >= 0)
    text += tr(" · about %1 left").arg(QString::fromStdString(human_duration(p.eta_s)));
  m_status->setText(text);
}

void MainWindow::on_finished(const RunOutcome &outcome) {
  m_results = outcome.results;
  m_charts->set_data(outcome.charts);
  m_results_model->set_results(m_results);
  m_sweep_model->set_data(outcome.charts ? outcome.charts->sweep : nullptr);
  m_explanations->set_results(m_results.get(),
                              outcome.charts ? outcome.charts->sweep.get() : nullptr);
  m_progress->setValue(m_results->status == RunStatus::completed ? 1000 : m_progress->value());
  const QString how = m_results->status == RunStatus::completed ? tr("Finished")
                      : m_results->status == RunStatus::cancelled
                          ? tr("Cancelled (partial results kept)")
                          : tr("Failed: %1").arg(QString::fromStdString(m_results->error));
  m_status->setText(
      tr("%1 in %2.").arg(how, QString::fromStdString(human_duration(m_results->wall_time_s))));
  if (m_tabs->currentWidget() == m_live || m_tabs->currentIndex() < 0)
    m_tabs->setCurrentWidget(m_charts->page(m_charts->shown_kinds().first()));
  show_chart_tabs();
  update_actions();
  // results_shown() follows when the last chart is built (ChartPanel builds one per turn).
}

void MainWindow::update_actions() {
  const bool running = m_runner->running();
  m_run->setEnabled(!running && m_editor->errors().empty());
  m_cancel->setEnabled(running);
  for (QAction *a : m_result_actions)
    a->setEnabled(m_results != nullptr);
  m_result_actions[4]->setEnabled(m_results && !m_results->sweep); // a sweep keeps no samples
}

void MainWindow::update_title() {
  const QString name = QString::fromStdString(m_editor->experiment().name);
  setWindowTitle(tr("%1[*] — Concurrency Lab").arg(name.isEmpty() ? tr("untitled") : name));
  setWindowModified(m_editor->modified());
}

void MainWindow::show_error(const QString &title, const QString &text) {
  m_status->setText(title + QStringLiteral(": ") + text.section(QLatin1Char('\n'), 0, 0));
  if (!QApplication::platformName().startsWith(QLatin1String("offscreen")))
    QMessageBox::warning(this, title, text);
}

void MainWindow::restore_settings() {
  QSettings s;
  if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
    // First start: most of the screen, since the editor and the charts share it.
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    resize(std::min(1600, screen.width() * 9 / 10), std::min(1000, screen.height() * 9 / 10));
    move(screen.center() - rect().center());
  }
  restoreState(s.value(QStringLiteral("window/state")).toByteArray());
  m_main_split->restoreState(s.value(QStringLiteral("window/main_split")).toByteArray());
  m_right_split->restoreState(s.value(QStringLiteral("window/right_split")).toByteArray());
  m_log_axes->setChecked(s.value(QStringLiteral("charts/log_axes"), true).toBool());
  m_cdf_log_x->setChecked(s.value(QStringLiteral("charts/cdf_log_x"), false).toBool());
}

void MainWindow::save_settings() const {
  QSettings s;
  s.setValue(QStringLiteral("window/geometry"), saveGeometry());
  s.setValue(QStringLiteral("window/state"), saveState());
  s.setValue(QStringLiteral("window/main_split"), m_main_split->saveState());
  s.setValue(QStringLiteral("window/right_split"), m_right_split->saveState());
  s.setValue(QStringLiteral("charts/log_axes"), m_log_axes->isChecked());
  s.setValue(QStringLiteral("charts/cdf_log_x"), m_cdf_log_x->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event) {
  if (!maybe_save()) {
    event->ignore();
    return;
  }
  m_runner->cancel();
  save_settings();
  event->accept();
}

} // namespace conlab::ui
