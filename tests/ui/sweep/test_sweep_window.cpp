// Running a sweep through the window: the run controller hands over the results after every
// run, so the sweep chart grows point by point; cancel keeps the finished points; a big grid
// asks first; a sweep's results reopen with their own charts and no per-task ones.
#include "core/history/run_history.h"
#include "core/results/results_json.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/charts/chart_panel.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/history/history_panel.h"
#include "ui/main_window.h"
#include "ui/run/explanation_view.h"
#include "ui/run/results_view.h"
#include "ui/sweep/sweep_table_model.h"

#include <QAbstractButton>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLineSeries>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace conlab;
using namespace conlab::ui;

namespace {

// /c (io on an event loop) and /d (blocking on a pool) at P = 2 and P = 4: two points.
Experiment tiny_sweep(double time_scale = 0.005, std::vector<double> pools = {2, 4}) {
  Experiment e = test::tiny_article(4, time_scale);
  e.name = "tiny-sweep";
  e.variants = {e.variants[2], e.variants[3]};
  e.sweep = Sweep{.axes = {SweepAxis{.parameter = SweepParameter::pool_size, .values = pools}},
                  .shuffle = false};
  return e;
}

// The points of each measured line of the sweep chart.
QList<int> measured_points(MainWindow &w) {
  QList<int> out;
  for (QAbstractSeries *s : w.charts()->view(ChartKind::sweep)->chart()->series())
    if (s->objectName() == QLatin1String("measured"))
      out << static_cast<int>(qobject_cast<QLineSeries *>(s)->count());
  return out;
}

bool tab_shown(MainWindow &w, QWidget *page) {
  return w.tabs()->isTabVisible(w.tabs()->indexOf(page));
}

} // namespace

class TestSweepWindow : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void sweep_grows_the_chart_point_by_point() {
    MainWindow w;
    w.editor()->set_experiment(tiny_sweep());
    // The chart's lines right after each handover (connected after the window's own slot).
    QList<QList<int>> seen;
    connect(w.runner(), &RunController::sweep_run_done, this, [&] { seen << measured_points(w); });
    QSignalSpy progress(w.runner(), &RunController::sweep_progress);
    QSignalSpy finished(w.runner(), &RunController::finished);
    QSignalSpy shown(&w, &MainWindow::results_shown);
    QSignalSpy recorded(w.history(), &HistoryPanel::recorded);
    w.run();
    QVERIFY(w.runner()->running());
    QVERIFY(shown.wait(60'000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(shown.count(), 1); // not once per point
    // Kept in the run history like any run, once.
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 30'000);
    const history::RunRecord record = w.history()->history()->get(recorded[0][0].toLongLong());
    QCOMPARE(record.sweep, std::string("P: 2 of 2 runs"));

    const auto results = w.results();
    QCOMPARE(results->status, RunStatus::completed);
    QVERIFY(results->variants.empty());
    QCOMPARE(results->sweep->runs_done, std::size_t(2));
    QCOMPARE(measured_points(w), (QList<int>{2, 2}));
    QVERIFY2(!seen.isEmpty() && seen.first() == (QList<int>{1, 1}),
             "the chart showed the first point before the second ran");
    QVERIFY(progress.count() >= 1);

    QVERIFY(tab_shown(w, w.charts()->page(ChartKind::sweep)));
    QVERIFY(!tab_shown(w, w.charts()->page(ChartKind::heatmap))); // one parameter

    // The sweep's own table instead of a single run's: every point and variant, sortable.
    QVERIFY(tab_shown(w, w.sweep_table()));
    QVERIFY(!tab_shown(w, w.results_view()));
    const QAbstractItemModel *table = w.sweep_table()->model();
    QCOMPARE(table->rowCount(), 4); // 2 points × 2 variants
    QCOMPARE(table->index(0, SweepTableModel::point).data().toString(), QStringLiteral("P = 2"));
    QCOMPARE(table->index(3, SweepTableModel::variant).data().toString(), QStringLiteral("/d"));
    QCOMPARE(table->index(3, SweepTableModel::runs).data().toString(), QStringLiteral("1"));
    QVERIFY(table->index(3, SweepTableModel::makespan).data(Qt::UserRole).toDouble() > 0);
    w.sweep_table()->sortByColumn(SweepTableModel::makespan, Qt::AscendingOrder);
    for (int r = 1; r < table->rowCount(); ++r)
      QVERIFY(table->index(r - 1, SweepTableModel::makespan).data(Qt::UserRole).toDouble() <=
              table->index(r, SweepTableModel::makespan).data(Qt::UserRole).toDouble());
    QVERIFY(w.sweep_table()->selection_as_tsv().startsWith(QStringLiteral("Point\tVariant")));
    for (ChartKind kind : all_chart_kinds())
      QVERIFY2(!tab_shown(w, w.charts()->page(kind)), qPrintable(chart_name(kind)));
    QCOMPARE(w.tabs()->currentWidget(), w.charts()->page(ChartKind::sweep));
    QVERIFY(w.explanations()->toPlainText().contains(QStringLiteral("2 of 2 runs done")));
    // The findings, from the analysis the chart data carries.
    QVERIFY(w.explanations()->toPlainText().contains(QStringLiteral("of the simulation")) ||
            w.explanations()->toPlainText().contains(QStringLiteral("disagree by more than")));

    // The metric selector redraws the chart.
    QComboBox *selector = w.charts()->metric_selector(ChartKind::sweep);
    selector->setCurrentIndex(selector->findData(static_cast<int>(SweepMetric::makespan)));
    Q_EMIT selector->activated(selector->currentIndex());
    QCOMPARE(w.charts()->options().sweep_metric, SweepMetric::makespan);
    QVERIFY(shown.wait(10'000)); // the redrawn charts
    QVERIFY(w.charts()
                ->view(ChartKind::sweep)
                ->chart()
                ->title()
                .startsWith(QStringLiteral("Makespan")));

    // A single run afterwards brings the run's charts back.
    Experiment single = tiny_sweep();
    single.sweep.reset();
    w.editor()->set_experiment(single);
    w.run();
    QVERIFY(shown.wait(60'000));
    QVERIFY(tab_shown(w, w.charts()->page(ChartKind::summary)));
    QVERIFY(!tab_shown(w, w.charts()->page(ChartKind::sweep)));
  }

  void cancel_keeps_the_finished_points() {
    MainWindow w;
    // 4 tasks of 100 ms blocking on P threads (and io on a loop): about 0.1–0.2 s a point.
    w.editor()->set_experiment(tiny_sweep(0.1, {1, 2, 4, 8, 16, 32}));
    QSignalSpy run_done(w.runner(), &RunController::sweep_run_done);
    QSignalSpy shown(&w, &MainWindow::results_shown);
    w.run();
    QVERIFY(run_done.wait(60'000));
    w.cancel();
    QVERIFY(shown.wait(60'000));
    const auto results = w.results();
    QCOMPARE(results->status, RunStatus::cancelled);
    QVERIFY(results->sweep->runs_done >= 1);
    QVERIFY(results->sweep->runs_done < 6);
    const QList<int> lines = measured_points(w);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], static_cast<int>(results->sweep->runs_done));
    QVERIFY(
        w.charts()->view(ChartKind::sweep)->chart()->title().contains(QStringLiteral("cancelled")));

    // Saved and reopened: the same points, the sweep's charts only.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sweep.json"));
    save_results(*results, path.toStdString());
    MainWindow reopened;
    QSignalSpy reopened_shown(&reopened, &MainWindow::results_shown);
    QVERIFY(reopened.open_file(path));
    QVERIFY(reopened_shown.wait(30'000));
    QCOMPARE(measured_points(reopened), lines);
    QVERIFY(!tab_shown(reopened, reopened.charts()->page(ChartKind::cdf)));
    QVERIFY(reopened.editor()->experiment().sweep);
  }

  void a_big_sweep_asks_first() {
    MainWindow w;
    Experiment big = tiny_sweep();
    big.sweep->axes[0] = SweepAxis{.parameter = SweepParameter::pool_size,
                                   .range = SweepRange{1, 300, 1, SweepScale::linear}};
    w.editor()->set_experiment(big); // 300 points × 2 variants = 600 variant runs
    QString question;
    QTimer::singleShot(0, [&] {
      auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
      QVERIFY(box);
      question = box->text();
      box->button(QMessageBox::No)->click();
    });
    w.run();
    QVERIFY2(question.contains(QStringLiteral("600 variant runs")), qPrintable(question));
    QVERIFY(!w.runner()->running());
    QVERIFY(!w.results());
  }
};

QTEST_MAIN(TestSweepWindow)
#include "test_sweep_window.moc"
