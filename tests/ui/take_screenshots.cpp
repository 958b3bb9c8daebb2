// Not a test: renders the screenshots in docs/images/ — the main window after running the
// article's preset, and every chart. Usage: conlab_screenshots OUTPUT_DIR
#include "chart_export.h"
#include "chart_panel.h"
#include "main_window.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true); // the person's own settings stay out of the pictures
  const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
  QDir().mkpath(out);
  conlab::ui::MainWindow window;
  window.resize(1600, 1000);
  window.show();
  window.open_first_experiment();
  bool live_taken = false;
  QObject::connect(window.runner(), &conlab::ui::RunController::progress, [&] {
    if (!live_taken && window.runner()->running()) {
      QTimer::singleShot(
          2500, [&] { window.grab().save(QDir(out).filePath(QStringLiteral("live.png"))); });
      live_taken = true;
    }
  });
  QObject::connect(&window, &conlab::ui::MainWindow::results_shown, [&] {
    QTimer::singleShot(200, [&] {
      window.grab().save(QDir(out).filePath(QStringLiteral("main-window.png")));
      for (conlab::ui::ChartKind kind : conlab::ui::all_chart_kinds()) {
        const QImage image =
            conlab::ui::render_chart_image(kind, *window.charts()->data(), QSize(1200, 700));
        image.save(
            QDir(out).filePath(QStringLiteral("chart-%1.png").arg(conlab::ui::chart_name(kind))));
      }
      window.tabs()->setCurrentIndex(window.tabs()->count() - 1);
      QTimer::singleShot(100, [&] {
        window.grab().save(QDir(out).filePath(QStringLiteral("results-table.png")));
        app.quit();
      });
    });
  });
  window.run();
  return app.exec();
}
