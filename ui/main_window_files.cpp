// MainWindow's file side: new, open (experiment or results), save, drag and drop, exports.
#include "ui/main_window.h"

#include "core/results/results_json.h"
#include "ui/charts/chart_panel.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/experiment/variant_table_model.h"
#include "ui/export/chart_export.h"
#include "ui/export/export_dialog.h"
#include "ui/i18n/core_text.h"
#include "ui/recent_files.h"

#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include <fstream>
#include <sstream>

namespace conlab::ui {
namespace {

QString describe(const SpecError &e) {
  QStringList lines;
  for (const FieldError &f : e.errors())
    lines << field_error_text(f);
  return lines.join(QLatin1Char('\n'));
}

bool looks_like_results(const QString &path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return false;
  return file.read(4096).contains(RunResults::kSchema);
}

} // namespace

QString MainWindow::last_directory() const {
  return QSettings().value(QStringLiteral("last_directory")).toString();
}

void MainWindow::remember_directory(const QString &path) {
  QSettings().setValue(QStringLiteral("last_directory"), QFileInfo(path).absolutePath());
}

void MainWindow::new_experiment() {
  if (!maybe_save())
    return;
  Experiment e;
  e.name = "untitled";
  e.load.tasks = 20;
  e.load.clients = 20;
  m_editor->set_experiment(e);
  m_editor->variants_model()->add_variant();
  m_editor->set_modified(false);
  m_path.clear();
  update_title();
}

void MainWindow::open_dialog() {
  if (!maybe_save())
    return;
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open an experiment or results file"), last_directory(),
                                   tr("Concurrency Lab files (*.json);;All files (*)"));
  if (!path.isEmpty())
    open_file(path);
}

bool MainWindow::open_file(const QString &path, QString *error) {
  QString problem;
  try {
    if (looks_like_results(path)) {
      auto results = std::make_shared<const RunResults>(load_results(path.toStdString()));
      m_editor->set_experiment(results->experiment);
      m_path.clear();
      m_runner->show(results); // chart data is prepared off the GUI thread
    } else {
      m_editor->set_experiment(load_experiment_file(path.toStdString(), m_cores));
      m_path = path;
    }
  } catch (const SpecError &e) {
    problem = describe(e);
  } catch (const std::exception &e) {
    problem = QString::fromStdString(e.what());
  }
  if (!problem.isEmpty()) {
    if (error)
      *error = problem;
    show_error(tr("Cannot open %1").arg(QFileInfo(path).fileName()), problem);
    return false;
  }
  m_recent->add(path);
  remember_directory(path);
  update_actions();
  update_title();
  return true;
}

bool MainWindow::save() { return m_path.isEmpty() ? save_as() : save_to(m_path); }

bool MainWindow::save_as() {
  const QString name = QString::fromStdString(m_editor->experiment().name);
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save the experiment"),
      last_directory() + QLatin1Char('/') + (name.isEmpty() ? QStringLiteral("experiment") : name) +
          QStringLiteral(".json"),
      tr("Experiment files (*.json)"));
  return !path.isEmpty() && save_to(path);
}

bool MainWindow::save_to(const QString &path) {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
    show_error(tr("Cannot save"), tr("%1: %2").arg(path, file.errorString()));
    return false;
  }
  const std::string text = to_json_text(m_editor->experiment());
  if (file.write(text.data(), static_cast<qint64>(text.size())) !=
      static_cast<qint64>(text.size())) {
    show_error(tr("Cannot save"), tr("%1: %2").arg(path, file.errorString()));
    return false;
  }
  m_path = path;
  m_editor->set_modified(false);
  m_recent->add(path);
  remember_directory(path);
  update_title();
  return true;
}

bool MainWindow::maybe_save() {
  if (!m_editor->modified() || QApplication::platformName() == QLatin1String("offscreen"))
    return true;
  const auto answer = QMessageBox::question(
      this, tr("Unsaved changes"), tr("The experiment has changes. Save them?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
  return answer == QMessageBox::Discard || (answer == QMessageBox::Save && save());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
  if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
  const QString path = event->mimeData()->urls().first().toLocalFile();
  if (maybe_save())
    open_file(path);
  event->acceptProposedAction();
}

void MainWindow::export_chart() {
  if (!m_charts->data())
    return;
  const ChartKind kind =
      m_charts->kind_of(m_tabs->currentWidget()).value_or(m_charts->shown_kinds().first());
  ExportDialog dialog(false, chart_name(kind) + QStringLiteral(".png"), this);
  if (dialog.exec() != QDialog::Accepted)
    return;
  ExportOptions options = dialog.options();
  options.chart = m_charts->options();
  const QString error = conlab::ui::export_chart(kind, *m_charts->data(), dialog.path(), options);
  error.isEmpty() ? statusBar()->showMessage(tr("Wrote %1").arg(dialog.path()), 5000)
                  : show_error(tr("Export failed"), error);
}

void MainWindow::export_all() {
  if (!m_charts->data())
    return;
  ExportDialog dialog(true, {}, this);
  if (dialog.exec() != QDialog::Accepted)
    return;
  ExportOptions options = dialog.options();
  options.chart = m_charts->options();
  const QStringList problems = export_all_charts(*m_charts->data(), dialog.path(), options);
  problems.isEmpty()
      ? statusBar()->showMessage(tr("Wrote every chart to %1").arg(dialog.path()), 5000)
      : show_error(tr("Export failed"), problems.join(QLatin1Char('\n')));
}

void MainWindow::copy_chart() {
  if (!m_charts->data())
    return;
  if (const std::optional<ChartKind> k = m_charts->kind_of(m_tabs->currentWidget())) {
    const QSize size = m_charts->view(*k)->size().expandedTo(QSize(800, 500));
    QApplication::clipboard()->setImage(
        render_chart_image(*k, *m_charts->data(), size, 96, m_charts->options()));
    statusBar()->showMessage(tr("Copied the chart as an image"), 3000);
  }
}

void MainWindow::save_results_json() {
  if (!m_results)
    return;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save results"), last_directory() + QStringLiteral("/results.json"),
      tr("Results (*.json)"));
  if (path.isEmpty())
    return;
  try {
    save_results(*m_results, path.toStdString());
    m_recent->add(path);
    remember_directory(path);
  } catch (const std::exception &e) {
    show_error(tr("Cannot save the results"), QString::fromStdString(e.what()));
  }
}

void MainWindow::save_samples_csv() {
  if (!m_results)
    return;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Save samples"), last_directory() + QStringLiteral("/samples.csv"),
      tr("CSV (*.csv)"));
  if (path.isEmpty())
    return;
  try {
    conlab::save_samples_csv(*m_results, path.toStdString());
    remember_directory(path);
  } catch (const std::exception &e) {
    show_error(tr("Cannot save the samples"), QString::fromStdString(e.what()));
  }
}

} // namespace conlab::ui
