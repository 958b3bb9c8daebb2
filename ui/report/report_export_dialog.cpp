#include "ui/report/report_export_dialog.h"

#include "ui/report/report_file.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace conlab::ui {
namespace {

QString tr_(const char *text) { return QCoreApplication::translate("conlab::ui", text); }

} // namespace

QString report_path_with_suffix(const QString &chosen, const QString &selected_filter) {
  if (chosen.isEmpty() || !QFileInfo(chosen).suffix().isEmpty())
    return chosen;
  return chosen + (selected_filter.contains(QLatin1String("*.pdf")) ? QStringLiteral(".pdf")
                                                                    : QStringLiteral(".html"));
}

QString export_report_dialog(QMainWindow *window, const RunResults *results,
                             const ChartOptions &charts, const QString &directory) {
  if (!results)
    return {};
  const QString html = tr_("HTML report, opens in any browser (*.html)");
  const QString pdf = tr_("PDF report, A4 (*.pdf)");
  QString filter = html;
  const QString name = QString::fromStdString(results->experiment.name);
  const QString suggested = QDir(directory.isEmpty() ? QDir::homePath() : directory)
                                .filePath((name.isEmpty() ? QStringLiteral("results") : name) +
                                          QStringLiteral("-report.html"));
  const QString path = report_path_with_suffix(
      QFileDialog::getSaveFileName(window, tr_("Export report"), suggested,
                                   html + QStringLiteral(";;") + pdf, &filter),
      filter);
  if (path.isEmpty())
    return {};
  ReportOptions options;
  options.charts = charts;
  QApplication::setOverrideCursor(Qt::WaitCursor);
  const QString error = write_report(*results, options, path);
  QApplication::restoreOverrideCursor();
  if (!error.isEmpty()) {
    QMessageBox::warning(window, tr_("Cannot export the report"), error);
    return {};
  }
  window->statusBar()->showMessage(
      tr_("Wrote the report to %1").arg(QDir::toNativeSeparators(path)), 5000);
  return path;
}

} // namespace conlab::ui
