// The capacity chart from a hand-made search: every run a point (met or missed), the median per
// rate a line, the SLO a horizontal line and the capacity found a vertical one, the simulator's
// beside them, the key number in the title; and it exports like every chart.
#include "core/capacity/capacity_results.h"
#include "ui/charts/chart_data.h"
#include "ui/charts/chart_factory.h"
#include "ui/export/chart_export.h"

#include <QChart>
#include <QGraphicsScene>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSet>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QtTest>

#include <limits>
#include <memory>

using namespace conlab;
using namespace conlab::ui;

namespace {

CapacityRun run_at(double rate, double value_s, bool met) {
  CapacityRun run;
  run.rate_per_s = rate;
  run.value_s = value_s;
  run.met = met;
  run.requests = 200;
  return run;
}

CapacityResults searched() {
  std::string error;
  CapacityResults r;
  r.target = "pool.json --variant /pool";
  r.arrivals = "poisson";
  r.measured.slo = *parse_slo("p99<60ms", error);
  r.measured.outcome = CapacityOutcome::found;
  r.measured.capacity_per_s = 165;
  r.measured.breaking_per_s = 180;
  r.measured.runs = {run_at(60, 0.024, true),
                     run_at(120, 0.034, true),
                     run_at(240, 0.2, false),
                     run_at(240, 0.21, false),
                     run_at(180, 0.075, false),
                     run_at(180, 0.12, false),
                     run_at(165, 0.043, true),
                     run_at(165, 0.045, true),
                     run_at(120, std::numeric_limits<double>::infinity(), false)};
  CapacitySearch predicted = r.measured;
  predicted.capacity_per_s = 170;
  r.predicted = predicted;
  return r;
}

QString plain(const QString &rich) { return QTextDocumentFragment::fromHtml(rich).toPlainText(); }

template <class Series> QList<Series *> all_of(QChart *chart) {
  QList<Series *> out;
  for (QAbstractSeries *s : chart->series())
    if (auto *typed = qobject_cast<Series *>(s))
      out << typed;
  return out;
}

} // namespace

class CapacityChartTest : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void drawsEveryRunTheSloAndTheCapacity() {
    const ChartData data = build_chart_data(searched());
    QCOMPARE(chart_kinds_for(data), QList<ChartKind>{ChartKind::capacity});
    QGraphicsScene scene; // owns the chart; the legend fills in once the chart is in a scene
    QChart *chart = make_chart(ChartKind::capacity, data);
    scene.addItem(chart);
    QCOMPARE(plain(chart->title()),
             QStringLiteral("Capacity for p99<60ms: 165/s — pool.json --variant /pool"));

    int met = 0, missed = 0;
    for (QScatterSeries *s : all_of<QScatterSeries>(chart))
      (s->color().alpha() == 0 ? missed : met) += static_cast<int>(s->count());
    QCOMPARE(met, 4);
    QCOMPARE(missed, 5); // the failed run too, drawn at the top

    QLineSeries *slo = nullptr, *found = nullptr, *predicted = nullptr;
    for (QLineSeries *line : all_of<QLineSeries>(chart)) {
      if (qobject_cast<QScatterSeries *>(line))
        continue;
      const QString name = plain(line->name());
      if (name == QStringLiteral("SLO p99<60ms"))
        slo = line;
      else if (name == QStringLiteral("capacity 165/s"))
        found = line;
      else if (name == QStringLiteral("predicted 170/s"))
        predicted = line;
    }
    QVERIFY(slo && found && predicted);
    QCOMPARE(slo->at(0).y(), 60.0);
    QCOMPARE(found->at(0).x(), 165.0);
    QCOMPARE(found->at(1).x(), 165.0);
    QCOMPARE(predicted->at(0).x(), 170.0);

    QCoreApplication::processEvents(); // the legend makes its markers on the next layout
    QSet<QString> names;
    for (QLegendMarker *marker : chart->legend()->markers())
      if (marker->isVisible()) {
        QVERIFY2(!names.contains(marker->label()), qPrintable(marker->label()));
        names.insert(marker->label());
      }
    QCOMPARE(names.size(), 7);
  }

  void aSearchWithoutACapacitySaysSoInItsTitle() {
    CapacityResults r = searched();
    r.measured.outcome = CapacityOutcome::misses_at_lowest;
    r.measured.capacity_per_s.reset();
    r.measured.runs = {run_at(60, 0.2, false), run_at(60, 0.3, false)};
    r.predicted.reset();
    QGraphicsScene scene;
    QChart *chart = make_chart(ChartKind::capacity, build_chart_data(r));
    scene.addItem(chart);
    QVERIFY2(plain(chart->title()).startsWith(QStringLiteral("No capacity for p99<60ms")),
             qPrintable(chart->title()));
    QCoreApplication::processEvents();
    QStringList legend;
    for (QLegendMarker *marker : chart->legend()->markers())
      legend << plain(marker->label());
    // No run met it and nothing was found: no entry for either.
    QCOMPARE(legend,
             (QStringList{QStringLiteral("median (measured)"), QStringLiteral("run that missed it"),
                          QStringLiteral("SLO p99<60ms")}));
  }

  void exportsLikeEveryChart() {
    QTemporaryDir dir;
    const ChartData data = build_chart_data(searched());
    for (const char *suffix : {"png", "svg", "pdf"}) {
      const QString path = dir.filePath(QStringLiteral("capacity.") + QLatin1String(suffix));
      ExportOptions options;
      options.format = *format_from_name(QLatin1String(suffix));
      QCOMPARE(export_chart(ChartKind::capacity, data, path, options), QString());
      QVERIFY(QFileInfo(path).size() > 1000);
    }
  }
};

QTEST_MAIN(CapacityChartTest)
#include "test_capacity_chart.moc"
