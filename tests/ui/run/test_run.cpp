// Running experiments through the window: every chart fills with the expected series and
// points, cancel keeps what was measured, results files reopen, and the GUI loop keeps ticking.
#include "core/results/results_json.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/charts/chart_panel.h"
#include "ui/charts/timeline_item.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/main_window.h"
#include "ui/run/explanation_view.h"
#include "ui/run/live_chart.h"
#include "ui/run/results_table_model.h"
#include "ui/run/results_view.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace conlab;
using namespace conlab::ui;

namespace {

QList<QLineSeries *> visible_lines(QChart *chart) {
  QList<QLineSeries *> out;
  for (QAbstractSeries *s : chart->series())
    if (auto *line = qobject_cast<QLineSeries *>(s);
        line && s->type() == QAbstractSeries::SeriesTypeLine && !line->name().isEmpty())
      out << line;
  return out;
}

QChart *chart(MainWindow &w, ChartKind kind) { return w.charts()->view(kind)->chart(); }

} // namespace

class TestRun : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void run_fills_every_chart() {
    MainWindow w;
    w.editor()->set_experiment(test::tiny_article(8, 0.01));
    QSignalSpy shown(&w, &MainWindow::results_shown);
    w.run();
    QVERIFY(w.runner()->running());
    QVERIFY(shown.wait(120'000));
    const auto results = w.results();
    QVERIFY(results);
    QCOMPARE(results->status, RunStatus::completed);
    QCOMPARE(results->variants.size(), std::size_t(4));

    int shown_tabs = 0;
    for (int i = 0; i < w.tabs()->count(); ++i)
      shown_tabs += w.tabs()->isTabVisible(i) ? 1 : 0;
    QCOMPARE(shown_tabs, 1 + 10 + 1); // live, the ten charts, the table; not a sweep's charts
    for (int v = 0; v < 4; ++v)
      QVERIFY2(w.live()->points(v) >= 1, "live completions line has points");

    // summary: makespan and throughput bar series, one set per variant.
    const auto bars = chart(w, ChartKind::summary)->series();
    QCOMPARE(bars.size(), 2);
    QCOMPARE(qobject_cast<QBarSeries *>(bars[0])->count(), 4);
    QCOMPARE(qobject_cast<QBarSeries *>(bars[0])->barSets()[3]->label(), QStringLiteral("/d"));

    // cost: a bar set per variant, and in each group the cheapest at 1×.
    const auto *cost = qobject_cast<QBarSeries *>(chart(w, ChartKind::cost)->series().value(0));
    QVERIFY(cost);
    QCOMPARE(cost->count(), 4);
    for (int group = 0; group < cost->barSets()[0]->count(); ++group) {
      double cheapest = std::numeric_limits<double>::infinity();
      for (const QBarSet *set : cost->barSets())
        if (set->at(group) > 0)
          cheapest = std::min(cheapest, set->at(group));
      QCOMPARE(cheapest, 1.0);
    }

    // cdf: one line per variant with a point per task.
    const auto cdf = visible_lines(chart(w, ChartKind::cdf));
    QCOMPARE(cdf.size(), 4);
    for (QLineSeries *line : cdf)
      QCOMPARE(line->count(), 8);

    // histogram: one outline per variant, two points per bin plus the closing edge.
    const auto histogram = visible_lines(chart(w, ChartKind::histogram));
    QCOMPARE(histogram.size(), 4);
    for (QLineSeries *line : histogram)
      QCOMPARE(line->count(), 2 * 40 + 2);

    for (ChartKind kind : {ChartKind::throughput, ChartKind::inflight}) {
      const auto lines = visible_lines(chart(w, kind));
      QCOMPARE(lines.size(), 4);
      for (QLineSeries *line : lines)
        QVERIFY2(line->count() >= 2, qPrintable(chart_name(kind) + line->name()));
    }

    // loop lag: the three loop variants (/a, /b, /c), not the thread pool.
    QCOMPARE(visible_lines(chart(w, ChartKind::looplag)).size(), 3);

    // timeline: a bar per task, 4 × 8.
    auto *item = find_timeline_item(chart(w, ChartKind::timeline));
    QVERIFY(item);
    QCOMPARE(item->bar_count(), 32);

    // table: a row per variant; the proxy sorts by the raw numbers.
    QAbstractItemModelTester tester(w.results_model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(w.results_model()->rowCount(), 4);
    w.results_view()->sortByColumn(4, Qt::DescendingOrder); // makespan
    QCOMPARE(w.results_view()->model()->index(0, 0).data().toString(), QStringLiteral("/a"));
    const QString tsv = w.results_view()->selection_as_tsv();
    QCOMPARE(tsv.count(QLatin1Char('\n')), 5);
    QVERIFY(tsv.startsWith(QStringLiteral("Variant\tModel")));
    QVERIFY(w.explanations()->toPlainText().contains(QStringLiteral("/d")));
  }

  // Each group is one figure over the cheapest variant's: the cheapest bar is 1×, the label
  // names what 1× is, and a figure nobody measured has no group.
  void cost_chart_compares_each_figure_with_the_cheapest() {
    const auto variant = [](int index, const char *label, double memory, double cpu,
                            double switches) {
      VariantChartData v;
      v.index = index;
      v.label = QString::fromLatin1(label);
      v.cost.measured = true;
      v.cost.memory_per_task_bytes = memory;
      v.cost.waits_per_task = 0; // no waits: CPU per wait is not measured
      v.cost.cpu_per_wait_s = cpu;
      v.cost.voluntary_switches_per_task = switches;
      return v;
    };
    ChartData data;
    data.variants = {variant(0, "loop", 300, 1e-6, 0.5), variant(1, "threads", 6000, 2e-5, 100)};
    std::unique_ptr<QChart> chart(make_chart(ChartKind::cost, data));
    auto *bars = qobject_cast<QBarSeries *>(chart->series().value(0));
    QVERIFY(bars);
    QCOMPARE(bars->count(), 2);
    auto *categories = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal, bars).value(0));
    QVERIFY(categories);
    QCOMPARE(categories->categories(),
             QStringList({QStringLiteral("memory per task (1× = 300 B)"),
                          QStringLiteral("switches per task (1× = 0.50)")}));
    QCOMPARE(bars->barSets()[0]->at(0), 1.0);
    QCOMPARE(bars->barSets()[1]->at(0), 20.0);
    QCOMPARE(bars->barSets()[1]->at(1), 200.0);
    QVERIFY(qobject_cast<QLogValueAxis *>(chart->axes(Qt::Vertical, bars).value(0)));

    // A variant with no switches at all is 0×, which a log axis cannot draw.
    data.variants[0].cost.voluntary_switches_per_task = 0;
    data.variants[1].cost.involuntary_switches_per_task = 2;
    chart.reset(make_chart(ChartKind::cost, data));
    bars = qobject_cast<QBarSeries *>(chart->series().value(0));
    QCOMPARE(bars->barSets()[0]->at(1), 0.0);
    QCOMPARE(bars->barSets()[1]->at(1), 1.0);
    QVERIFY(!qobject_cast<QLogValueAxis *>(chart->axes(Qt::Vertical, bars).value(0)));
  }

  void results_file_reopens_without_running() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.json"));
    save_results(run_experiment(test::tiny_article(4, 0.01)), path.toStdString());
    MainWindow w;
    QSignalSpy shown(&w, &MainWindow::results_shown);
    QVERIFY(w.open_file(path));
    QVERIFY(shown.wait(30'000));
    QCOMPARE(w.results_model()->rowCount(), 4);
    QCOMPARE(visible_lines(chart(w, ChartKind::cdf)).first()->count(), 4);
  }

  void broken_file_changes_nothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"schema":"conlab.experiment/1","name":"x","load":{"kind":"closed","tasks":0,"clients":1},
               "variants":[{"label":"a","model":"thread_pool","pool_size":0,"steps":[]}]})");
    f.close();
    MainWindow w;
    w.editor()->set_experiment(test::tiny_article());
    QString error;
    QVERIFY(!w.open_file(path, &error));
    QVERIFY2(error.contains(QStringLiteral("load.tasks")), qPrintable(error));
    QCOMPARE(w.editor()->experiment().name, std::string("fastapi-article"));
  }

  void cancel_keeps_what_was_measured() {
    MainWindow w;
    w.editor()->set_experiment(test::tiny_article(100, 0.2)); // /a alone takes 20 s
    QSignalSpy shown(&w, &MainWindow::results_shown);
    w.run();
    QTest::qWait(700);
    w.cancel();
    QVERIFY(shown.wait(30'000));
    QCOMPARE(w.results()->status, RunStatus::cancelled);
    QVERIFY(w.results()->variants[0].summary.completed > 0);
    QVERIFY(w.results()->variants[0].summary.completed < 100);
  }

  // The GUI loop keeps ticking while a many-task experiment runs and its charts are built.
  void gui_stays_responsive() {
    MainWindow w;
    w.editor()->set_experiment(test::many_tasks(20'000));
    QSignalSpy shown(&w, &MainWindow::results_shown);
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, [&] {
      const qint64 now = clock.elapsed();
      worst = std::max(worst, now - last);
      last = now;
      ++ticks;
    });
    clock.start();
    timer.start();
    w.run();
    QVERIFY(shown.wait(180'000));
    QTest::qWait(100); // the charts' first paint
    timer.stop();
    qInfo("GUI loop: %d ticks in %lld ms, worst gap %lld ms", ticks, clock.elapsed(), worst);
    QVERIFY2(worst < 200, qPrintable(QStringLiteral("worst gap %1 ms").arg(worst)));
  }
};

QTEST_MAIN(TestRun)
#include "test_run.moc"
