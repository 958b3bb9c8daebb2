// The sweep charts from hand-made results: the line chart's series (mean line, min–max band,
// dashed simulation, knee, rings) hold the expected points; the heatmap has a cell per point and
// variant coloured in the order of the values; both export like every other chart.
#include "tests/ui/sweep_fixtures.h"
#include "ui/charts/chart_callout.h"
#include "ui/charts/chart_style.h"
#include "ui/export/chart_export.h"
#include "ui/sweep/sweep_heatmap.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include <memory>

using namespace conlab;
using namespace conlab::ui;

namespace {

template <class Series> QList<Series *> series_named(QChart *chart, const QString &object_name) {
  QList<Series *> out;
  for (QAbstractSeries *s : chart->series())
    if (auto *typed = qobject_cast<Series *>(s); typed && s->objectName() == object_name)
      out << typed;
  return out;
}

QList<QPointF> points(const QXYSeries *series) { return series->points(); }

QList<QPointF> expected(std::initializer_list<std::pair<double, double>> xy) {
  QList<QPointF> out;
  for (auto [x, y] : xy)
    out << QPointF(x, y);
  return out;
}

} // namespace

class TestSweepChart : public QObject {
  Q_OBJECT
  ChartData m_one, m_two;
  QTemporaryDir m_dir;

private Q_SLOTS:
  void initTestCase() {
    m_one = build_chart_data(test::hand_made_sweep(false));
    m_two = build_chart_data(test::hand_made_sweep(true));
    QVERIFY(m_one.sweep && m_two.sweep);
  }

  void sweep_results_have_sweep_charts_only() {
    QCOMPARE(chart_kinds_for(m_one), QList<ChartKind>{ChartKind::sweep});
    QCOMPARE(chart_kinds_for(m_two), (QList<ChartKind>{ChartKind::sweep, ChartKind::heatmap}));
    QCOMPARE(chart_kinds_for(ChartData{}), all_chart_kinds());
  }

  void line_chart_has_mean_band_simulation_knee_and_rings() {
    ChartOptions options;
    options.sweep_metric = SweepMetric::throughput;
    std::unique_ptr<QChart> chart(make_chart(ChartKind::sweep, m_one, options));

    const auto measured = series_named<QLineSeries>(chart.get(), QStringLiteral("measured"));
    QCOMPARE(measured.size(), 2);
    QCOMPARE(measured[0]->name(), QStringLiteral("pool"));
    QCOMPARE(points(measured[0]), expected({{1, 100}, {2, 200}, {4, 400}, {8, 400}}));
    QCOMPARE(points(measured[1]), expected({{1, 50}, {2, 50}, {4, 50}, {8, 50}}));
    QCOMPARE(measured[0]->pen().style(), Qt::SolidLine);
    QVERIFY(measured[0]->pointsVisible());

    const auto simulated = series_named<QLineSeries>(chart.get(), QStringLiteral("simulated"));
    QCOMPARE(simulated.size(), 2);
    QCOMPARE(simulated[0]->name(), QStringLiteral("pool simulated"));
    QCOMPARE(simulated[0]->pen().style(), Qt::DashLine);
    QCOMPARE(simulated[0]->pen().color(), measured[0]->pen().color());
    QCOMPARE(points(simulated[0]), expected({{1, 100}, {2, 100}, {4, 400}, {8, 400}}));

    QList<QAreaSeries *> bands;
    for (QAbstractSeries *s : chart->series())
      if (auto *band = qobject_cast<QAreaSeries *>(s))
        bands << band;
    QCOMPARE(bands.size(), 2);
    QCOMPARE(points(bands[0]->upperSeries()), expected({{1, 110}, {2, 210}, {4, 410}, {8, 410}}));
    QCOMPARE(points(bands[0]->lowerSeries()), expected({{1, 90}, {2, 190}, {4, 390}, {8, 390}}));

    // The knee of "pool" at P = 4, named; "loop" never gains, so it has none.
    const auto knees = series_named<QScatterSeries>(chart.get(), QStringLiteral("knee"));
    QCOMPARE(knees.size(), 1);
    QCOMPARE(points(knees[0]), expected({{4, 400}}));
    auto *label = find_chart_item<ChartCallout>(chart.get());
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("knee P = 4"));

    // P = 2 of "pool" is 50% from its simulation.
    const auto rings = series_named<QScatterSeries>(chart.get(), QStringLiteral("disagreements"));
    QCOMPARE(rings.size(), 1);
    QCOMPARE(points(rings[0]), expected({{2, 200}}));

    // 1 … 8 spans 8×: a log axis for P.
    QVERIFY(qobject_cast<QLogValueAxis *>(chart->axes(Qt::Horizontal).value(0)));
  }

  void metric_selects_what_is_drawn() {
    ChartOptions options;
    options.sweep_metric = SweepMetric::makespan;
    options.log_axes = false;
    std::unique_ptr<QChart> chart(make_chart(ChartKind::sweep, m_one, options));
    const auto measured = series_named<QLineSeries>(chart.get(), QStringLiteral("measured"));
    QCOMPARE(measured[1]->points().first().y(), (100.0 / 40 + 100.0 / 60) / 2);
    QVERIFY(chart->title().startsWith(QStringLiteral("Makespan")));
    QVERIFY(qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal).value(0)));

    // The simulation models time only: no dashed line for CPU use.
    options.sweep_metric = SweepMetric::cpu_utilization;
    chart.reset(make_chart(ChartKind::sweep, m_one, options));
    QCOMPARE(series_named<QLineSeries>(chart.get(), QStringLiteral("measured")).size(), 2);
    QVERIFY(series_named<QLineSeries>(chart.get(), QStringLiteral("simulated")).isEmpty());
  }

  // Two parameters: a line per variant and value of C (2 × 3 stays readable).
  void two_axis_line_chart_draws_each_second_value() {
    std::unique_ptr<QChart> chart(make_chart(ChartKind::sweep, m_two, {}));
    const auto measured = series_named<QLineSeries>(chart.get(), QStringLiteral("measured"));
    QCOMPARE(measured.size(), 6);
    QCOMPARE(measured[2]->name(), QStringLiteral("pool · C = 3"));
    QCOMPARE(points(measured[2]), expected({{1, 300}, {2, 600}, {4, 1200}, {8, 1200}}));
  }

  void heatmap_cells_are_coloured_in_value_order() {
    std::unique_ptr<QChart> chart(make_chart(ChartKind::heatmap, m_two, {}));
    SweepHeatmapItem *item = find_heatmap_item(chart.get());
    QVERIFY(item);
    QCOMPARE(item->cells().size(), std::size_t(2 * 4 * 3));
    QCOMPARE(item->scale_min(), 50.0);
    QCOMPARE(item->scale_max(), 1200.0);
    std::vector<HeatmapCell> cells = item->cells();
    std::sort(cells.begin(), cells.end(),
              [](const HeatmapCell &a, const HeatmapCell &b) { return *a.value < *b.value; });
    for (std::size_t i = 1; i < cells.size(); ++i) {
      if (*cells[i].value > *cells[i - 1].value)
        QVERIFY2(
            luminance(cells[i].colour) > luminance(cells[i - 1].colour),
            qPrintable(QStringLiteral("%1 vs %2").arg(*cells[i].value).arg(*cells[i - 1].value)));
      else
        QCOMPARE(cells[i].colour, cells[i - 1].colour);
    }
    // "pool" at P = 8, C = 3: the top-right cell of its grid, the highest value.
    const auto top = std::find_if(item->cells().begin(), item->cells().end(), [](const auto &c) {
      return c.variant == 0 && c.column == 3 && c.row == 2;
    });
    QCOMPARE(*top->value, 1200.0);
    QCOMPARE(top->colour, heat_colour(1.0));
    const auto flagged = std::count_if(item->cells().begin(), item->cells().end(),
                                       [](const HeatmapCell &c) { return c.disagrees; });
    QCOMPARE(flagged, 3); // P = 2 of "pool", at each C
  }

  void heatmap_leaves_unmeasured_cells_empty() {
    RunResults partial = test::hand_made_sweep(true);
    partial.sweep->points[0].variants[0].measurements.clear();
    const ChartData data = build_chart_data(partial);
    std::unique_ptr<QChart> chart(make_chart(ChartKind::heatmap, data, {}));
    const auto &cells = find_heatmap_item(chart.get())->cells();
    QVERIFY(!cells[0].value);
    QVERIFY(!cells[0].colour.isValid());
  }

  void dark_theme_paints_a_dark_background() {
    for (bool dark : {false, true}) {
      ChartOptions options;
      options.dark = dark;
      for (ChartKind kind : sweep_chart_kinds()) {
        const QImage image = render_chart_image(kind, m_two, QSize(600, 400), 96, options);
        const QColor corner = image.pixelColor(3, 3);
        QVERIFY2(dark ? corner.lightnessF() < 0.35 : corner.lightnessF() > 0.9,
                 qPrintable(chart_name(kind) + corner.name()));
      }
    }
  }

  void exports_to_every_format_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("format");
    for (ChartKind kind : sweep_chart_kinds())
      for (const char *format : {"png", "svg", "pdf"})
        QTest::addRow("%s.%s", qPrintable(chart_name(kind)), format)
            << static_cast<int>(kind) << QString::fromLatin1(format);
  }

  void exports_to_every_format() {
    QFETCH(int, kind);
    QFETCH(QString, format);
    ExportOptions options;
    options.format = *format_from_name(format);
    options.size = QSize(900, 500);
    const QString path = m_dir.filePath(chart_name(ChartKind(kind)) + QLatin1Char('.') + format);
    QCOMPARE(export_chart(ChartKind(kind), m_two, path, options), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (format == QLatin1String("png")) {
      QImage image;
      QVERIFY(image.loadFromData(bytes, "PNG"));
      QCOMPARE(image.size(), QSize(900, 500));
    } else if (format == QLatin1String("svg")) {
      QVERIFY(bytes.contains(chart_title(ChartKind(kind)).toUtf8()));
      QVERIFY(bytes.contains("Throughput (tasks/s)")); // the chart's own title
      if (ChartKind(kind) == ChartKind::heatmap)
        QVERIFY(bytes.contains("1200/s")); // a cell's value
      else
        QVERIFY(bytes.contains("pool · C = 1 simulated")); // the legend
    } else {
      QVERIFY(bytes.startsWith("%PDF"));
      QVERIFY(bytes.size() > 2000);
    }
  }

  void export_all_writes_the_sweep_charts() {
    QStringList written;
    QVERIFY(
        export_all_charts(m_two, m_dir.filePath(QStringLiteral("all")), {}, &written).isEmpty());
    QCOMPARE(written.size(), 2);
    QVERIFY(written[1].endsWith(QStringLiteral("heatmap.png")));
  }
};

QTEST_MAIN(TestSweepChart)
#include "test_sweep_chart.moc"
