// Not a test: renders the screenshots in docs/images/ — the main window after running the
// article's preset, and every chart; with `sweep`, the window running and showing the two sweep
// presets and their charts; with `preset NAME`, the same shots as the article's of that preset;
// with `results FILE`, the same shots of a results file, without running anything; with
// `compare A B`, the compare view of two results files (runs or sweeps), on each of its charts;
// with `capacity FILE LABEL SLO`, the capacity dialog of that variant while it searches and when
// it is done, and the editor aimed at a server.
// Usage: conlab_screenshots OUTPUT_DIR [sweep | preset NAME | results FILE | compare A B |
// capacity FILE LABEL SLO]. In the
// system's
// language, like the app: LANG=zh_CN.UTF-8 takes them in Chinese.
#include "core/experiment/spec_json.h"
#include "core/results/environment.h"
#include "core/util/file_io.h"
#include "ui/capacity/capacity_dialog.h"
#include "ui/charts/chart_panel.h"
#include "ui/compare/compare_view.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/export/chart_export.h"
#include "ui/i18n/language.h"
#include "ui/main_window.h"
#include "ui/run/results_view.h"
#include "ui/sweep/sweep_editor.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace {

using namespace conlab::ui;

void save_chart(MainWindow &window, ChartKind kind, conlab::SweepMetric metric,
                const QString &path) {
  ChartOptions options = window.charts()->options();
  options.sweep_metric = metric;
  render_chart_image(kind, *window.charts()->data(), QSize(1200, 700), 96, options).save(path);
}

// pool-size-sweep, then cpu-share-sweep: the window while the first grows, the charts of both,
// the editor's sweep section.
int sweep_screenshots(QApplication &app, MainWindow &window, const QDir &out) {
  window.load_preset(QStringLiteral("pool-size-sweep"), 0); // at its own time scale
  bool live_taken = false;
  QObject::connect(window.runner(), &RunController::sweep_run_done, [&] {
    if (!live_taken && window.charts()->data()->sweep->results.runs_done >= 8) {
      live_taken = true;
      QTimer::singleShot(300, [&] { window.grab().save(out.filePath("sweep-running.png")); });
    }
  });
  int stage = 0;
  QObject::connect(&window, &MainWindow::results_shown, [&] {
    QTimer::singleShot(300, [&] {
      if (stage++ == 0) {
        window.grab().save(out.filePath(QStringLiteral("sweep-window.png")));
        save_chart(window, ChartKind::sweep, conlab::SweepMetric::throughput,
                   out.filePath(QStringLiteral("sweep-throughput.png")));
        save_chart(window, ChartKind::sweep, conlab::SweepMetric::makespan,
                   out.filePath(QStringLiteral("sweep-makespan.png")));
        window.load_preset(QStringLiteral("cpu-share-sweep"), 0);
        window.editor()->sweep_editor()->grab().save(out.filePath("sweep-editor.png"));
        window.run();
        return;
      }
      window.tabs()->setCurrentWidget(window.charts()->page(ChartKind::heatmap));
      QTimer::singleShot(200, [&] {
        window.grab().save(out.filePath(QStringLiteral("sweep-heatmap-window.png")));
        save_chart(window, ChartKind::heatmap, conlab::SweepMetric::throughput,
                   out.filePath(QStringLiteral("sweep-heatmap.png")));
        save_chart(window, ChartKind::sweep, conlab::SweepMetric::throughput,
                   out.filePath(QStringLiteral("sweep-two-axes.png")));
        app.quit();
      });
    });
  });
  window.run();
  return app.exec();
}

conlab::history::RunRecord record_of(std::int64_t id, const char *file) {
  conlab::history::RunRecord r;
  r.id = id;
  r.results_file = file;
  r.name = QFileInfo(QString::fromLocal8Bit(file)).fileName().toStdString();
  r.experiment = r.name;
  r.finished = conlab::history::Clock::now();
  return r;
}

// The compare view as the history panel opens it, then each of its visible chart tabs.
int compare_screenshots(QApplication &app, const char *a, const char *b, const QDir &out) {
  CompareView view;
  view.resize(1600, 1100);
  view.show();
  QObject::connect(&view, &CompareView::failed, [&](const QString &reason) {
    std::fprintf(stderr, "cannot compare: %s\n", qPrintable(reason));
    app.exit(1);
  });
  QObject::connect(&view, &CompareView::ready, [&] {
    QTimer::singleShot(300, [&] {
      view.grab().save(out.filePath(QStringLiteral("compare-view.png")));
      ChartPanel *charts = view.charts();
      for (int i = 0; i < charts->count(); ++i)
        if (charts->isTabVisible(i)) {
          charts->setCurrentIndex(i);
          app.processEvents();
          charts->grab().save(out.filePath(QStringLiteral("compare-chart-%1.png").arg(i)));
        }
      app.quit();
    });
  });
  view.compare(record_of(1, a), record_of(2, b));
  return app.exec();
}

// The capacity dialog of variant `label` of experiment `file`: after its third run and when done;
// then the editor with the experiment aimed at a server.
int capacity_screenshots(QApplication &app, MainWindow &window, const char *file, const char *label,
                         const char *slo, const QDir &out) {
  std::string text, error;
  if (!conlab::read_text_file(file, text, error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const conlab::Experiment e = conlab::parse_experiment_text(text, conlab::available_cores());
  std::size_t index = 0;
  while (index < e.variants.size() && e.variants[index].label != label)
    ++index;
  if (index == e.variants.size())
    return 1;
  window.editor()->set_experiment(e);
  window.editor()
      ->findChild<QLineEdit *>(QStringLiteral("target"))
      ->setText(QStringLiteral("http://127.0.0.1:8000"));
  window.grab().save(out.filePath(QStringLiteral("editor-server.png")));
  CapacityDialog dialog(e, index, conlab::available_cores());
  dialog.set_slo_text(QString::fromLocal8Bit(slo));
  dialog.show();
  int runs = 0;
  QTimer poll;
  QObject::connect(&poll, &QTimer::timeout, [&] {
    if (++runs == 40) // 4 s into the search
      dialog.grab().save(out.filePath(QStringLiteral("capacity-running.png")));
  });
  poll.start(100);
  QObject::connect(&dialog, &CapacityDialog::finished_search, [&] {
    QTimer::singleShot(300, [&] {
      dialog.grab().save(out.filePath(QStringLiteral("capacity-dialog.png")));
      app.quit();
    });
  });
  dialog.start();
  return app.exec();
}

} // namespace

int main(int argc, char **argv) {
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true); // the person's own settings stay out of the pictures
  conlab::ui::install_translations(QLocale::system());
  const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
  QDir().mkpath(out);
  if (argc > 4 && QString::fromLocal8Bit(argv[2]) == QLatin1String("compare"))
    return compare_screenshots(app, argv[3], argv[4], QDir(out));
  conlab::ui::MainWindow window;
  window.resize(1600, 1000);
  window.show();
  if (argc > 2 && QString::fromLocal8Bit(argv[2]) == QLatin1String("sweep"))
    return sweep_screenshots(app, window, QDir(out));
  if (argc > 5 && QString::fromLocal8Bit(argv[2]) == QLatin1String("capacity"))
    return capacity_screenshots(app, window, argv[3], argv[4], argv[5], QDir(out));
  if (argc > 3 && QString::fromLocal8Bit(argv[2]) == QLatin1String("preset"))
    window.load_preset(QString::fromLocal8Bit(argv[3]), 0); // at its own time scale
  else
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
      window.tabs()->setCurrentWidget(window.charts()->page(conlab::ui::ChartKind::latencymap));
      QTimer::singleShot(100, [&] {
        window.grab().save(QDir(out).filePath(QStringLiteral("latencymap-window.png")));
        window.tabs()->setCurrentWidget(window.results_view()); // not the sweep's hidden Table
        QTimer::singleShot(100, [&] {
          window.grab().save(QDir(out).filePath(QStringLiteral("results-table.png")));
          // The split of the response time, scrolled to: its columns follow the percentiles.
          QTableView *table = window.results_view();
          const QAbstractItemModel *columns = table->model();
          for (int c = 0; c < columns->columnCount(); ++c)
            if (columns->headerData(c, Qt::Horizontal).toString() ==
                QCoreApplication::translate("conlab::ui::ResultsTableModel", "Largest part"))
              table->horizontalScrollBar()->setValue(table->horizontalHeader()->visualIndex(c));
          QTimer::singleShot(100, [&] {
            window.grab().save(QDir(out).filePath(QStringLiteral("results-table-causes.png")));
            app.quit();
          });
        });
      });
    });
  });
  if (argc > 3 && QString::fromLocal8Bit(argv[2]) == QLatin1String("results")) {
    if (!window.open_file(QString::fromLocal8Bit(argv[3])))
      return 1;
  } else {
    window.run();
  }
  return app.exec();
}
