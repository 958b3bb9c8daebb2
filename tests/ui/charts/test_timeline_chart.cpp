// The thread timeline's threads and their states: an event_loop_offload run draws its executor's
// P threads as rows of their own, each offloaded step on the row of the thread that ran it; a
// thread pool's states lie inside its task bars, in their fixed order around the GIL waits, and
// are drawn that way (solid, dotted, pale); a run without step spans draws as before; a variant
// of one thread beside 64 keeps room for its label.
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/offscreen_chart.h"
#include "ui/charts/timeline_data.h"
#include "ui/charts/timeline_item.h"

#include "core/engine/runner.h"
#include "tests/support/experiment_builder.h"

#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QImage>
#include <QPainter>
#include <QToolTip>
#include <QtTest>

#include <map>
#include <memory>
#include <set>

using namespace conlab;
using namespace conlab::ui;

namespace {

constexpr std::int64_t kMs = 1'000'000;

TaskSample sample(std::uint32_t task, std::uint32_t worker, std::int64_t start_ms,
                  std::int64_t end_ms) {
  TaskSample s;
  s.submit_ns = 0;
  s.start_ns = start_ms * kMs;
  s.end_ns = end_ms * kMs;
  s.task = task;
  s.worker = worker;
  return s;
}

// A pool of two threads (the recorder's 5 and 9) running four tasks of 100 ms in two waves.
// Each task is one step on its own thread: 50 ms on a core, 20 ms waiting for one, the rest
// blocked; task 3 also waits 10 ms for the GIL, 10 ms into its step. `spans` false: a run that
// did not split its steps' time.
RunResults pool_run(bool spans) {
  RunResults r;
  r.experiment.name = "pool";
  VariantResult v;
  v.label = "pool";
  v.model = "thread_pool";
  RepeatResult rep;
  rep.samples = {sample(0, 5, 0, 100), sample(1, 9, 0, 100), sample(2, 5, 100, 200),
                 sample(3, 9, 100, 200)};
  if (spans)
    for (const TaskSample &s : rep.samples)
      rep.step_spans.push_back({s.task, s.worker, s.start_ns, s.end_ns, 0.050f, 0.020f});
  rep.gil_waits.push_back({3, 110 * kMs, 120 * kMs});
  v.repeats.push_back(rep);
  r.variants.push_back(v);
  return r;
}

QStringList row_labels(QChart *chart) {
  for (QAbstractAxis *axis : chart->axes(Qt::Vertical))
    if (auto *category = qobject_cast<QCategoryAxis *>(axis))
      return category->categoriesLabels();
  return {};
}

// A chart laid out and drawn off-screen, with the pixel where a data point of the timeline lands.
struct Drawn {
  QImage image{1200, 700, QImage::Format_ARGB32};
  QChart *chart = nullptr;
  double rows = 0;
  explicit Drawn(const ChartData &data)
      : chart(make_chart(ChartKind::timeline, data)), rows(data.timeline_rows),
        offscreen(std::make_unique<OffscreenChart>(chart, QSizeF(1200, 700))) {
    image.fill(Qt::white);
    QPainter painter(&image);
    offscreen->render(painter, QRectF(0, 0, 1200, 700));
  }
  // y in ChartData's row units (the chart draws the first variant on top: it flips them).
  QPointF position(double seconds, double y) const {
    return chart->mapToPosition(QPointF(seconds, (rows - 1) - y), chart->series().front());
  }
  QColor at(double seconds, double y) const {
    return image.pixelColor(position(seconds, y).toPoint());
  }
  // The tooltip that hovering there shows.
  QString hover(double seconds, double y) const {
    TimelineItem *item = find_timeline_item(chart);
    QGraphicsSceneHoverEvent event(QEvent::GraphicsSceneHoverMove);
    event.setPos(position(seconds, y));
    event.setScreenPos(QPoint(100, 100));
    item->scene()->sendEvent(item, &event);
    return QToolTip::text();
  }
  std::unique_ptr<OffscreenChart> offscreen;
};

double middle(const TimelineStep &s) { return (s.y0 + s.y1) / 2; }
// A quarter down a lane: clear of the queue-wait line that runs along its middle.
double off_middle(double y0, double y1) { return y0 + 0.25 * (y1 - y0); }

} // namespace

class TestTimelineChart : public QObject {
  Q_OBJECT

private Q_SLOTS:
  // The totals fill the room the GIL waits leave, on a core first, then waiting for one, then
  // blocked; waits beyond the step are cut to it.
  void states_are_laid_out_in_order_around_the_gil() {
    const auto states = lay_out_states(0, 10, 3, 2, {{8, 12}, {1, 2}});
    const std::vector<std::tuple<double, double, ThreadState>> expected = {
        {0, 1, ThreadState::on_cpu},   {1, 2, ThreadState::gil},     {2, 4, ThreadState::on_cpu},
        {4, 6, ThreadState::runnable}, {6, 8, ThreadState::blocked}, {8, 10, ThreadState::gil}};
    QCOMPARE(states.size(), expected.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
      QCOMPARE(states[i].from_s, std::get<0>(expected[i]));
      QCOMPARE(states[i].to_s, std::get<1>(expected[i]));
      QCOMPARE(states[i].state, std::get<2>(expected[i]));
    }
    // More on a core than the step has room for is cut to the room: nothing left blocked.
    const auto full = lay_out_states(0, 1, 5, 5, {});
    QCOMPARE(full.size(), std::size_t(1));
    QCOMPARE(full[0].state, ThreadState::on_cpu);
    QCOMPARE(full[0].to_s, 1.0);
  }

  void offload_draws_its_executor_threads_as_rows() {
    constexpr int pool = 3;
    constexpr int tasks = 9;
    Experiment e = test::closed_experiment(
        test::variant("event_loop_offload", StepKind::blocking_io, 20, pool), tasks, tasks);
    RunOptions options;
    options.split = CauseSplitMode::on;
    const RunResults results = run_experiment(e, options);
    QVERIFY2(!results.variants[0].repeats[0].step_spans.empty(), "the run kept no step spans");
    const ChartData data = build_chart_data(results);
    const VariantChartData &v = data.variants[0];
    QCOMPARE(v.rows, 1 + pool);
    QCOMPARE(v.task_rows, 1);
    QCOMPARE(int(v.steps.size()), tasks);
    // Every task on the loop's thread; every step on one of the executor's P threads, a row each.
    std::set<int> loop;
    double bars_low = 1e9, bars_high = -1e9;
    std::map<int, const TimelineBar *> bar_of;
    for (const TimelineBar &bar : v.bars) {
      loop.insert(bar.worker);
      bars_low = std::min(bars_low, bar.y0);
      bars_high = std::max(bars_high, bar.y1);
      bar_of[bar.task] = &bar;
    }
    QCOMPARE(loop.size(), std::size_t(1));
    std::map<int, std::vector<const TimelineStep *>> by_thread;
    for (const TimelineStep &step : v.steps) {
      QVERIFY(step.own_row);
      QVERIFY(!loop.contains(step.worker));
      by_thread[step.worker].push_back(&step);
      // On its own row, clear of the loop's row; during its task's life.
      QVERIFY(step.y0 >= bars_high || step.y1 <= bars_low);
      const TimelineBar &bar = *bar_of.at(step.task);
      QVERIFY(step.start_s >= bar.start_s - 1e-9 && step.end_s <= bar.end_s + 1e-9);
      // A blocking call: its thread mostly blocked.
      QVERIFY2(step.blocked_s > 0.5 * (step.end_s - step.start_s),
               qPrintable(QString::number(step.blocked_s)));
    }
    QCOMPARE(int(by_thread.size()), pool);
    std::set<double> rows;
    for (auto &[worker, steps] : by_thread) {
      rows.insert(middle(*steps.front()));
      std::sort(steps.begin(), steps.end(),
                [](auto *a, auto *b) { return a->start_s < b->start_s; });
      for (std::size_t i = 0; i < steps.size(); ++i) {
        QCOMPARE(middle(*steps[i]), middle(*steps.front())); // one row per thread
        if (i > 0) // a thread runs one step at a time: its waves follow each other
          QVERIFY(steps[i]->start_s >= steps[i - 1]->end_s - 1e-6);
      }
    }
    QCOMPARE(int(rows.size()), pool);

    Drawn drawn(data);
    QCOMPARE(find_timeline_item(drawn.chart)->step_count(), tasks);
    QCOMPARE(row_labels(drawn.chart),
             QStringList{QStringLiteral("event_loop_offload/blocking_io (loop + 3 executor "
                                        "threads)")});
    QVERIFY(drawn.chart->title().startsWith(
        QStringLiteral("Thread timeline: a row per thread, a bar per task or step")));
    QCOMPARE(find_timeline_item(drawn.chart)->key_labels().size(), 4); // title + three states
    // Each step is drawn on its executor's row, where nothing else is, and hovering finds it.
    for (const TimelineStep &step : v.steps) {
      const double t = (step.start_s + step.end_s) / 2;
      const QColor c = drawn.at(t, middle(step));
      QVERIFY2(c != QColor(Qt::white) && c != QColor(0xf3, 0xf3, 0xf3), qPrintable(c.name()));
      const QString tip = drawn.hover(t, middle(step));
      QVERIFY2(tip.startsWith(QStringLiteral("%1 task %2: a step on thread %3 from ")
                                  .arg(v.label)
                                  .arg(step.task)
                                  .arg(step.worker)),
               qPrintable(tip));
    }
  }

  void pool_states_lie_inside_the_task_bars() {
    const ChartData data = build_chart_data(pool_run(true));
    const VariantChartData &v = data.variants[0];
    QCOMPARE(v.rows, 2);
    QCOMPARE(v.task_rows, 2);
    QCOMPARE(v.steps.size(), std::size_t(4));
    for (const TimelineStep &step : v.steps) {
      QVERIFY(!step.own_row);
      const TimelineBar &bar = v.bars[std::size_t(
          std::find_if(v.bars.begin(), v.bars.end(),
                       [&](const TimelineBar &b) { return b.task == step.task; }) -
          v.bars.begin())];
      QCOMPARE(step.y0, bar.y0);
      QCOMPARE(step.y1, bar.y1);
      QCOMPARE(step.worker, bar.worker);
      QVERIFY(step.start_s >= bar.start_s && step.end_s <= bar.end_s);
      // The states cover the step without a gap, and add up to what the kernel counted.
      QCOMPARE(step.states.front().from_s, step.start_s);
      QCOMPARE(step.states.back().to_s, step.end_s);
      for (std::size_t i = 1; i < step.states.size(); ++i)
        QCOMPARE(step.states[i].from_s, step.states[i - 1].to_s);
      QVERIFY(std::abs(step.on_cpu_s - 0.050) < 1e-6);
      QVERIFY(std::abs(step.runnable_s - 0.020) < 1e-6);
    }
    // Task 3's wait for the lock stays where it was; the states fill the rest in their order.
    const TimelineStep &third = v.steps[3];
    QCOMPARE(third.task, 3);
    QVERIFY(std::abs(third.gil_wait_s - 0.010) < 1e-6);
    QVERIFY(std::abs(third.blocked_s - 0.020) < 1e-6);
    QCOMPARE(third.states.size(), std::size_t(5));
    QCOMPARE(third.states[1].state, ThreadState::gil);
    QVERIFY(std::abs(third.states[1].from_s - 0.110) < 1e-9);

    // Drawn over the bar: solid on a core, dotted waiting for one, a pale tint blocked.
    Drawn drawn(data);
    const TimelineStep &first = v.steps[0];
    const double y = off_middle(first.y0, first.y1);
    const QColor colour = variant_colour(0);
    QCOMPARE(drawn.at(0.025, y), colour);
    const QColor blocked = drawn.at(0.085, y);
    QVERIFY2(blocked != colour && blocked.lightness() > colour.lightness() &&
                 blocked != QColor(Qt::white),
             qPrintable(blocked.name()));
    std::set<QRgb> dotted;
    for (double t = 0.055; t < 0.065; t += 0.0005)
      for (double dy : {-0.05, 0.0, 0.05})
        dotted.insert(drawn.at(t, y + dy).rgb());
    QVERIFY2(dotted.contains(colour.rgb()) && dotted.size() >= 2, "waiting for a core: dots");
    QVERIFY(find_timeline_item(drawn.chart)->key_labels().contains(QStringLiteral("on a core")));
    // Hovering the step says what its thread did, and that the order is not known.
    const QString tip = drawn.hover(0.085, y);
    QVERIFY2(tip.startsWith(QStringLiteral("pool task 0 on thread 5")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("a step on thread 5 from 0 s")) &&
                 tip.contains(QStringLiteral("on a core 50.0 ms (50%), waiting for a core 20.0 ms "
                                             "(20%), blocked 30.0 ms (30%) (shares of the step, "
                                             "not their order)")),
             qPrintable(tip));
  }

  void a_run_without_step_spans_draws_as_before() {
    const ChartData data = build_chart_data(pool_run(false));
    const VariantChartData &v = data.variants[0];
    QVERIFY(v.steps.empty());
    QCOMPARE(v.rows, 2);
    QCOMPARE(v.task_rows, 2);
    Drawn drawn(data);
    QCOMPARE(row_labels(drawn.chart), QStringList{QStringLiteral("pool (2 threads)")});
    QCOMPARE(drawn.chart->title(),
             QStringLiteral("Thread timeline: a row per worker thread, a bar per task, thin line "
                            "= queue wait, hatched = waiting for the GIL — pool"));
    QVERIFY(find_timeline_item(drawn.chart)->key_labels().isEmpty());
    QCOMPARE(find_timeline_item(drawn.chart)->step_count(), 0);
    // The whole bar in the variant's colour, where a step would have been pale.
    QCOMPARE(drawn.at(0.085, off_middle(v.bars[0].y0, v.bars[0].y1)), variant_colour(0));
  }

  // Beside a pool of 128 threads, a variant of one keeps a label's share of the height (3 row
  // units of 131 would be too thin for it).
  void a_thin_variant_keeps_room_for_its_label() {
    RunResults r;
    r.experiment.name = "wide";
    for (int threads : {1, 128}) {
      VariantResult v;
      v.label = "P=" + std::to_string(threads);
      v.model = "thread_pool";
      RepeatResult rep;
      for (int t = 0; t < threads; ++t)
        rep.samples.push_back(sample(std::uint32_t(t), std::uint32_t(t), 0, 100));
      v.repeats.push_back(rep);
      r.variants.push_back(v);
    }
    const ChartData data = build_chart_data(r);
    const VariantChartData &thin = data.variants[0];
    QCOMPARE(thin.rows, 1);
    QVERIFY2(thin.units > kTimelineMinUnits && thin.units >= data.timeline_rows / 30 - 1e-9,
             qPrintable(QString::number(thin.units)));
    QCOMPARE(data.variants[1].first_row, thin.units);
    QCOMPARE(data.timeline_rows, thin.units + 128);
    // Its bar stays inside its rows.
    QVERIFY(thin.bars[0].y0 >= -0.5 && thin.bars[0].y1 <= thin.units - 0.5);
    for (const TimelineBar &bar : data.variants[1].bars)
      QVERIFY(bar.y0 >= thin.units - 0.5);
  }
};

QTEST_MAIN(TestTimelineChart)
#include "test_timeline_chart.moc"
