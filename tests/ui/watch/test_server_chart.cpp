// The server chart from a hand-made watch whose CPU, run-queue wait and threads are known: a
// run that watched its server has the chart and its series hold the rates; one that did not
// has no such chart.
#include "ui/charts/chart_factory.h"

#include <QChart>
#include <QLineSeries>
#include <QtTest>

#include <memory>

using namespace conlab;
using namespace conlab::ui;

namespace {

constexpr std::int64_t kMs = 1'000'000;

RunResults watched_run(bool watched) {
  RunResults r;
  r.experiment.name = "load";
  VariantResult v;
  v.label = "/d";
  v.model = "external";
  RepeatResult rep;
  TaskSample s;
  s.submit_ns = 0;
  s.start_ns = 0;
  s.end_ns = 30 * kMs;
  rep.samples.push_back(s);
  if (watched) {
    // 1 core busy for 10 ms, then 2 cores with 1 thread waiting for 10 ms, then idle; the pool
    // grows from 1 thread to 41 at 10 ms.
    ProcessWatch w;
    w.pid = 4242;
    w.points = {{0, 1, 0, 0, 30 << 20},
                {10 * kMs, 41, 0.010, 0, 31 << 20},
                {20 * kMs, 41, 0.030, 0.010, 32 << 20},
                {30 * kMs, 41, 0.030, 0.010, 32 << 20}};
    w.first_threads = 1;
    w.peak_threads = 41;
    rep.server_watch = w;
  }
  v.repeats.push_back(rep);
  r.variants.push_back(v);
  return r;
}

QLineSeries *series_named(QChart *chart, const QString &name) {
  for (QAbstractSeries *s : chart->series())
    if (s->name() == name)
      return qobject_cast<QLineSeries *>(s);
  return nullptr;
}

} // namespace

class TestServerChart : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void only_a_watched_run_has_the_chart() {
    QVERIFY(chart_kinds_for(build_chart_data(watched_run(true))).contains(ChartKind::server));
    QVERIFY(!chart_kinds_for(build_chart_data(watched_run(false))).contains(ChartKind::server));
    QCOMPARE(chart_kind_from_name(QStringLiteral("server")), ChartKind::server);
    QVERIFY(tabbed_chart_kinds().contains(ChartKind::server));
  }

  void series_hold_the_rates_and_the_threads() {
    const ChartData data = build_chart_data(watched_run(true));
    const VariantChartData &v = data.variants[0];
    QVERIFY(v.watched);
    QVERIFY(v.server_note.contains(QStringLiteral("41 threads at the peak (1 at the start)")));
    std::unique_ptr<QChart> chart(make_chart(ChartKind::server, data));
    QLineSeries *cores = series_named(chart.get(), QStringLiteral("/d cores busy"));
    QLineSeries *waiting = series_named(chart.get(), QStringLiteral("/d waiting for a core"));
    QLineSeries *threads = series_named(chart.get(), QStringLiteral("/d threads"));
    QVERIFY(cores && waiting && threads);
    // Steps of at least 1 ms: every 10 ms sample is its own step, drawn at its middle.
    const QList<QPointF> busy = cores->points();
    QCOMPARE(busy.size(), 3);
    QCOMPARE(busy[0], QPointF(0.005, 1.0));
    QCOMPARE(busy[1], QPointF(0.015, 2.0));
    QCOMPARE(busy[2], QPointF(0.025, 0.0));
    QCOMPARE(waiting->points()[1], QPointF(0.015, 1.0));
    QCOMPARE(threads->points().front(), QPointF(0, 1));
    QCOMPARE(threads->points().back(), QPointF(0.03, 41));
    QCOMPARE(threads->pen().style(), Qt::DashLine);
    QCOMPARE(waiting->pen().style(), Qt::DotLine);
    QVERIFY(chart->title().startsWith(QStringLiteral("The server under load")));
  }
};

QTEST_MAIN(TestServerChart)
#include "test_server_chart.moc"
