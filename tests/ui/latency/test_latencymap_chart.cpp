// The latency heatmap from hand-made runs whose every task's end and response time are known:
// all variants on one interval, every task in a cell that hovering finds with the right bounds,
// each cell painted in its count's colour; and a run beyond its sample budget, whose CDF and
// histogram cover the binned tasks and say so.
#include "ui/charts/chart_factory.h"
#include "ui/charts/colour_scale.h"
#include "ui/charts/offscreen_chart.h"
#include "ui/latency/latencymap_item.h"

#include <QChart>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include <map>
#include <memory>

using namespace conlab;
using namespace conlab::ui;

namespace {

constexpr std::int64_t kMs = 1'000'000;

// `tasks` tasks, one submitted every `every_ms`, each taking `latency_ms`.
VariantResult steady_variant(const std::string &label, int tasks, double every_ms,
                             double latency_ms) {
  VariantResult v;
  v.label = label;
  v.model = "event_loop";
  RepeatResult rep;
  for (int i = 0; i < tasks; ++i) {
    TaskSample s;
    s.task = static_cast<std::uint32_t>(i);
    s.submit_ns = static_cast<std::int64_t>(i * every_ms * kMs);
    s.start_ns = s.submit_ns;
    s.end_ns = s.submit_ns + static_cast<std::int64_t>(latency_ms * kMs);
    rep.samples.push_back(s);
  }
  rep.latency_over_time.add_finished(rep.samples);
  rep.complete = true;
  v.summary.tasks = static_cast<std::uint32_t>(tasks);
  v.repeats.push_back(std::move(rep));
  return v;
}

RunResults two_variants() {
  RunResults r;
  r.experiment.name = "latency-map";
  // 100 tasks of 1.5 ms over 100 ms fit the first 1 ms interval; 300 of 15 ms over 615 ms do
  // not (256 columns of 1 ms), so that grid widens to 4 ms, and the first must follow it.
  r.variants.push_back(steady_variant("fast", 100, 1, 1.5));
  r.variants.push_back(steady_variant("slow", 300, 2, 15));
  return r;
}

struct CellKey {
  std::size_t panel;
  int column, row;
  auto operator<=>(const CellKey &) const = default;
};

// Every cell that hovering finds, with the scene points that found it, on a 1-pixel raster.
std::map<CellKey, std::pair<LatencyMapCell, QList<QPointF>>> hover_cells(const LatencyMapItem &item,
                                                                         const QRectF &area) {
  std::map<CellKey, std::pair<LatencyMapCell, QList<QPointF>>> cells;
  for (double y = area.top() + 0.5; y < area.bottom(); y += 1)
    for (double x = area.left() + 0.5; x < area.right(); x += 1)
      if (auto cell = item.cell_at(QPointF(x, y))) {
        auto &entry = cells[{cell->panel, cell->column, cell->row}];
        entry.first = *cell;
        entry.second << QPointF(x, y);
      }
  return cells;
}

} // namespace

class TestLatencyMapChart : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void is_a_chart_of_every_run() {
    QVERIFY(all_chart_kinds().contains(ChartKind::latencymap));
    QCOMPARE(chart_kind_from_name(QStringLiteral("latencymap")), ChartKind::latencymap);
  }

  void variants_share_one_interval_and_keep_every_task() {
    const ChartData data = build_chart_data(two_variants());
    QCOMPARE(data.variants.size(), std::size_t(2));
    for (const VariantChartData &v : data.variants)
      QCOMPARE(v.latency_map.interval_s(), 0.004);
    QCOMPARE(data.variants[0].latency_map.total(), std::uint64_t(100));
    QCOMPARE(data.variants[1].latency_map.total(), std::uint64_t(300));

    std::unique_ptr<QChart> chart(make_chart(ChartKind::latencymap, data));
    const LatencyMapItem *item = find_latencymap_item(chart.get());
    QVERIFY(item);
    QCOMPARE(item->panels().size(), std::size_t(2));
    QCOMPARE(item->interval_s(), 0.004);
    // The slow variant's last task ends at 598 + 15 = 613 ms: the axis runs to its column's end.
    QCOMPARE(item->span_s(), 154 * 0.004);
    // 1.5 ms is row 31, 15 ms row 41: drawn with a row of room either side.
    QCOMPARE(item->lowest_row(), 30);
    QCOMPARE(item->highest_row(), 42);
    // Four fast tasks end in each 4 ms column; under ten, so a linear colour scale.
    QCOMPARE(item->max_count(), std::uint32_t(4));
    QVERIFY(!item->log_colour());
    QVERIFY(chart->title().startsWith(QStringLiteral("Response time over time")));
  }

  void hovering_finds_every_task_in_its_cell_painted_in_its_colour() {
    const ChartData data = build_chart_data(two_variants());
    QChart *chart = make_chart(ChartKind::latencymap, data);
    const LatencyMapItem *item = find_latencymap_item(chart);
    QVERIFY(item);
    const QSize size(1000, 700);
    OffscreenChart offscreen(chart, size);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
      QPainter painter(&image);
      offscreen.render(painter, QRectF(QPointF(0, 0), size));
    }

    const auto cells = hover_cells(*item, chart->plotArea());
    std::uint64_t found[2] = {0, 0};
    for (const auto &[key, entry] : cells) {
      const auto &[cell, points] = entry;
      found[cell.panel] += cell.count;
      const double latency = cell.panel == 0 ? 0.0015 : 0.015;
      QVERIFY2(cell.lower_s <= latency && latency < cell.upper_s,
               qPrintable(QStringLiteral("panel %1 row %2").arg(cell.panel).arg(cell.row)));
      QCOMPARE(cell.end_to_s - cell.end_from_s, 0.004);
      QVERIFY(cell.end_from_s < (cell.panel == 0 ? 0.1015 : 0.613));
      // The middle of the points that found the cell is inside it: painted in its count's colour.
      const QPointF mid = points[points.size() / 2];
      const QColor painted = image.pixelColor(mid.toPoint());
      const QColor expected = heat_colour(item->colour_position(cell.count));
      QVERIFY2(std::abs(painted.red() - expected.red()) <= 2 &&
                   std::abs(painted.green() - expected.green()) <= 2 &&
                   std::abs(painted.blue() - expected.blue()) <= 2,
               qPrintable(QStringLiteral("panel %1 column %2: painted %3, expected %4")
                              .arg(cell.panel)
                              .arg(cell.column)
                              .arg(painted.name(), expected.name())));
    }
    QCOMPARE(found[0], std::uint64_t(100));
    QCOMPARE(found[1], std::uint64_t(300));
  }

  void many_tasks_per_cell_use_a_log_colour_scale() {
    RunResults r;
    r.variants.push_back(steady_variant("dense", 5000, 0.01, 2)); // 400 per 4 ms column
    const ChartData data = build_chart_data(r);
    std::unique_ptr<QChart> chart(make_chart(ChartKind::latencymap, data));
    const LatencyMapItem *item = find_latencymap_item(chart.get());
    QVERIFY(item);
    QVERIFY(item->max_count() >= 10);
    QVERIFY(item->log_colour());
    QCOMPARE(item->colour_position(1), 0.0);
    QCOMPARE(item->colour_position(item->max_count()), 1.0);
    ChartOptions linear;
    linear.log_axes = false;
    std::unique_ptr<QChart> flat(make_chart(ChartKind::latencymap, data, linear));
    QVERIFY(!find_latencymap_item(flat.get())->log_colour());
  }

  void a_run_with_no_finished_task_says_so() {
    RunResults r;
    VariantResult v;
    v.label = "stuck";
    RepeatResult rep;
    TaskSample s;
    s.submit_ns = 0;
    rep.samples.push_back(s);
    v.repeats.push_back(rep);
    r.variants.push_back(v);
    std::unique_ptr<QChart> chart(make_chart(ChartKind::latencymap, build_chart_data(r)));
    QVERIFY(!find_latencymap_item(chart.get()));
    QVERIFY(chart->title().contains(QStringLiteral("no task finished")));
  }

  void beyond_the_budget_the_distribution_charts_cover_the_binned_tasks() {
    // 1,000 tasks kept, 9,000 more folded: 3,000 of 1 ms and 6,000 of 100 ms.
    RunResults r;
    r.variants.push_back(steady_variant("budget", 1000, 0.1, 1));
    RepeatResult &rep = r.variants[0].repeats[0];
    FoldedSamples folded;
    for (int i = 0; i < 9000; ++i) {
      TaskSample s;
      s.submit_ns = 100 * kMs + i * kMs / 10;
      s.start_ns = s.submit_ns;
      s.end_ns = s.submit_ns + (i < 3000 ? kMs : 100 * kMs);
      folded.add(s);
      rep.latency_over_time.add(s.end_ns, s.end_ns - s.submit_ns);
    }
    rep.beyond_budget = folded;
    r.variants[0].summary.tasks = 10000;
    const ChartData data = build_chart_data(r);
    const VariantChartData &v = data.variants[0];
    QCOMPARE(v.folded_tasks, std::uint64_t(10000));
    QCOMPARE(v.kept_samples, std::uint32_t(1000));
    QCOMPARE(v.latency_map.total(), std::uint64_t(10000));
    double histogram_total = 0;
    for (double c : v.histogram_counts)
      histogram_total += c;
    QCOMPARE(histogram_total, 10000.0);
    // 4,000 tasks of 1 ms, 6,000 of 100 ms: the CDF reaches 0.4 near 1 ms and ends at 1 at 100 ms.
    QVERIFY(!v.cdf.isEmpty());
    QCOMPARE(v.cdf.back().y(), 1.0);
    QVERIFY(std::abs(v.cdf.back().x() - 0.1) < 0.1 * 0.001);
    for (const QPointF &p : v.cdf)
      if (p.x() < 0.05)
        QVERIFY(std::abs(p.y() - 0.4) < 1e-9 || p.y() < 0.4);
    QVERIFY(std::abs(v.max_response_s - 0.1) < 0.1 * 0.001);
    for (ChartKind kind : {ChartKind::cdf, ChartKind::histogram}) {
      std::unique_ptr<QChart> chart(make_chart(kind, data));
      QVERIFY2(chart->title().contains(QStringLiteral("beyond the first 1,000 samples")),
               qPrintable(chart->title()));
    }
    RunResults kept = two_variants();
    std::unique_ptr<QChart> plain(make_chart(ChartKind::cdf, build_chart_data(kept)));
    QVERIFY(!plain->title().contains(QStringLiteral("beyond")));
  }
};

QTEST_MAIN(TestLatencyMapChart)
#include "test_latencymap_chart.moc"
