// MainWindow's sweep side: the confirmation a big grid needs, progress over the grid with an
// ETA, the sweep chart growing after every run, and the tabs a sweep's results fill.
#include "ui/main_window.h"

#include "core/sweep/sweep.h"
#include "core/util/format.h"
#include "ui/charts/chart_panel.h"
#include "ui/run/explanation_view.h"
#include "ui/run/live_chart.h"
#include "ui/run/results_view.h"
#include "ui/sweep/sweep_findings_text.h"
#include "ui/sweep/sweep_table_model.h"

#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QTabWidget>

namespace conlab::ui {

void MainWindow::start_sweep(const Experiment &experiment) {
  const SweepPlan plan = plan_sweep(experiment, m_cores);
  if (const std::optional<std::string> why = needs_confirmation(plan)) {
    const auto answer = QMessageBox::question(
        this, tr("Run a big sweep?"),
        tr("This sweep is big: %1.\n\nRun it? Cancel stops it at any time and keeps the finished "
           "points.")
            .arg(QString::fromStdString(*why)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) {
      m_status->setText(tr("The sweep was not started."));
      return;
    }
  }
  m_sweeping = experiment;
  m_sweep_grid = sweep_points(*experiment.sweep);
  m_progress->setValue(0);
  m_status->setText(tr("Starting the sweep: %1 variant runs, estimated %2…")
                        .arg(plan.variant_runs)
                        .arg(QString::fromStdString(human_span(plan.estimated_s))));
  m_runner->start_sweep(experiment);
  update_actions();
}

void MainWindow::on_sweep_progress(const SweepProgress &p) {
  m_progress->setValue(static_cast<int>(p.fraction * 1000));
  if (!m_sweeping.sweep || p.point >= m_sweep_grid.size())
    return;
  QString text = tr("Sweep run %1 of %2: %3")
                     .arg(p.run + 1)
                     .arg(p.runs)
                     .arg(SweepText::point(*m_sweeping.sweep, m_sweep_grid[p.point]));
  if (m_sweeping.repeats > 1)
    text += tr(" · repeat %1 of %2").arg(p.repeat + 1).arg(m_sweeping.repeats);
  if (p.inside.variant < m_sweeping.variants.size())
    text +=
        QStringLiteral(" · ") + QString::fromStdString(m_sweeping.variants[p.inside.variant].label);
  text += tr(" · %1 elapsed").arg(QString::fromStdString(human_span(p.elapsed_s)));
  if (p.eta_s >= 0)
    text += tr(" · about %1 left").arg(QString::fromStdString(human_span(p.eta_s)));
  m_status->setText(text);
}

void MainWindow::on_sweep_run_done(const RunOutcome &so_far) {
  m_charts->set_data(so_far.charts);
  m_sweep_model->set_data(so_far.charts ? so_far.charts->sweep : nullptr);
  m_explanations->set_results(so_far.results.get(),
                              so_far.charts ? so_far.charts->sweep.get() : nullptr);
  show_chart_tabs();
}

void MainWindow::show_chart_tabs() {
  const QList<ChartKind> shown = m_charts->shown_kinds();
  for (ChartKind kind : tabbed_chart_kinds())
    m_tabs->setTabVisible(m_tabs->indexOf(m_charts->page(kind)), shown.contains(kind));
  // A sweep keeps numbers per point, not the per-task samples the live charts and the table
  // of a single run show: its own table lists the points.
  const bool sweep = m_charts->data() && m_charts->data()->sweep;
  m_tabs->setTabVisible(m_tabs->indexOf(m_live), !sweep);
  m_tabs->setTabVisible(m_tabs->indexOf(m_results_view), !sweep);
  m_tabs->setTabVisible(m_tabs->indexOf(m_sweep_view), sweep);
  if (!m_tabs->isTabVisible(m_tabs->currentIndex()) || m_tabs->currentWidget() == m_live)
    m_tabs->setCurrentWidget(m_charts->page(shown.first()));
}

} // namespace conlab::ui
