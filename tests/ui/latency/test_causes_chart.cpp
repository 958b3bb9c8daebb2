// "Where the time went" from hand-made splits whose every share is known: a bar per variant with
// a split, in the experiment's order from the top, each segment its cause's share; one legend
// entry per cause that took a part somewhere; an HTTP variant's row says it is the client's side;
// percentages only on segments they fit, never over each other; and a chart with nothing to split
// says so instead of drawing empty bars.
#include "ui/charts/chart_factory.h"
#include "ui/charts/offscreen_chart.h"
#include "ui/latency/cause_labels_item.h"
#include "ui/latency/cause_words.h"

#include "tests/support/cause_split_builder.h"
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QToolTip>
#include <QValueAxis>

#include <QtTest>

#include <map>
#include <memory>
#include <set>

using namespace conlab;
using namespace conlab::ui;

namespace {

using conlab::test::split;
VariantResult variant(const std::string &label, CauseSplit causes) {
  return conlab::test::split_variant(label, causes);
}

// pool: mostly queued, and `other` a rounding below zero; cpu: a saturated CPU; http: seen from
// the client, mostly the server's unexplained time; old: nothing finished.
RunResults four_variants() {
  RunResults r;
  r.experiment.name = "causes";
  r.variants.push_back(variant("pool", split(10, true,
                                             {{Cause::queue_wait, 0.6},
                                              {Cause::on_cpu, 0.3},
                                              {Cause::blocked, 0.1005},
                                              {Cause::other, -0.0005}})));
  r.variants.push_back(
      variant("cpu", split(4, true, {{Cause::on_cpu, 0.45}, {Cause::runnable, 0.55}})));
  r.variants.push_back(
      variant("http", split(8, false, {{Cause::queue_wait, 0.2}, {Cause::other, 0.8}})));
  r.variants.push_back(variant("none", split(0, false, {})));
  r.experiment.variants.resize(r.variants.size());
  r.experiment.variants[2].target = HttpTarget{}; // the lab's embedded server
  return r;
}

QHorizontalStackedBarSeries *bars_of(QChart *chart) {
  return qobject_cast<QHorizontalStackedBarSeries *>(chart->series().value(0));
}

QBarSet *set_named(QHorizontalStackedBarSeries *bars, const QString &name) {
  for (QBarSet *set : bars->barSets())
    if (set->label() == name)
      return set;
  return nullptr;
}

} // namespace

class TestCausesChart : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void is_a_chart_of_every_run() {
    QVERIFY(all_chart_kinds().contains(ChartKind::causes));
    QCOMPARE(chart_kind_from_name(QStringLiteral("causes")), ChartKind::causes);
    QCOMPARE(chart_name(ChartKind::causes), QStringLiteral("causes"));
    QCOMPARE(chart_title(ChartKind::causes), QStringLiteral("Where the time went"));
    QVERIFY(chart_kinds_for(build_chart_data(four_variants())).contains(ChartKind::causes));
  }

  void one_bar_per_variant_with_a_split_first_on_top() {
    std::unique_ptr<QChart> chart(make_chart(ChartKind::causes, build_chart_data(four_variants())));
    QVERIFY(chart->title().startsWith(QStringLiteral("Where the time went")));
    // "none" has no bar, and the title says so rather than leave it to look like a zero.
    QVERIFY2(chart->title().startsWith(QStringLiteral(
                 "Where the time went — largest part per variant (not split: none)")),
             qPrintable(chart->title()));
    auto *bars = bars_of(chart.get());
    QVERIFY(bars);
    auto *rows = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Vertical, bars).value(0));
    QVERIFY(rows);
    // Qt counts categories from the bottom: the first variant is the last, at the top. "none"
    // finished nothing, so it has no bar; "http" names no largest part, since the part it knows
    // (queued, 20%) is smaller than what the server's side left unexplained.
    QCOMPARE(rows->categories(), (QStringList{QStringLiteral("http (client side only)"),
                                              QStringLiteral("cpu: ready, waiting for a core 55%"),
                                              QStringLiteral("pool: queued 60%")}));
    // Not an HTTP target, yet split from the lab's timestamps alone (steps too short to time).
    RunResults in_process = four_variants();
    in_process.experiment.variants[2].target.reset();
    std::unique_ptr<QChart> timestamps(make_chart(ChartKind::causes, build_chart_data(in_process)));
    auto *timestamp_rows =
        qobject_cast<QBarCategoryAxis *>(timestamps->axes(Qt::Vertical).value(0));
    QVERIFY(timestamp_rows);
    QCOMPARE(timestamp_rows->categories().value(0),
             QStringLiteral("http (the lab's timestamps only)"));
    auto *axis = qobject_cast<QValueAxis *>(chart->axes(Qt::Horizontal, bars).value(0));
    QVERIFY(axis);
    QCOMPARE(axis->min(), 0.0);
    QCOMPARE(axis->max(), 100.0);
  }

  void segments_are_the_shares_in_percent() {
    std::unique_ptr<QChart> chart(make_chart(ChartKind::causes, build_chart_data(four_variants())));
    auto *bars = bars_of(chart.get());
    QVERIFY(bars);
    // Rows bottom up: http, cpu, pool. Every set has a value for every row.
    const std::map<Cause, QList<double>> expected = {
        {Cause::queue_wait, {20, 0, 60}},
        {Cause::on_cpu, {0, 45, 30}},
        {Cause::runnable, {0, 55, 0}},
        {Cause::blocked, {0, 0, 10.05}},
        // pool's −0.05% is a rounding: drawn as nothing, not as a bar backwards.
        {Cause::other, {80, 0, 0}},
    };
    QCOMPARE(bars->count(), static_cast<int>(expected.size()));
    for (const auto &[cause, values] : expected) {
      QBarSet *set = set_named(bars, cause_name(cause));
      QVERIFY2(set, qPrintable(cause_name(cause)));
      QCOMPARE(set->count(), values.size());
      for (int i = 0; i < values.size(); ++i)
        QVERIFY2(qAbs(set->at(i) - values[i]) < 1e-9,
                 qPrintable(QStringLiteral("%1, row %2: %3, expected %4")
                                .arg(cause_name(cause))
                                .arg(i)
                                .arg(set->at(i))
                                .arg(values[i])));
      QCOMPARE(set->color(), cause_colour(cause));
    }
  }

  void legend_names_each_cause_once() {
    QChart *chart = make_chart(ChartKind::causes, build_chart_data(four_variants()));
    const OffscreenChart laid_out(chart, QSizeF(1200, 700)); // the legend as an export shows it
    QStringList names;
    for (QLegendMarker *marker : chart->legend()->markers())
      if (marker->isVisible())
        names << marker->label();
    QCOMPARE(names.size(),
             static_cast<qsizetype>(std::set<QString>(names.begin(), names.end()).size()));
    QCOMPARE(names, (QStringList{QStringLiteral("queued"), QStringLiteral("on a core"),
                                 QStringLiteral("ready, waiting for a core"),
                                 QStringLiteral("blocked (timer or call)"),
                                 QStringLiteral("unexplained")}));
    // Each cause keeps its colour whichever variants the run has.
    RunResults one = four_variants();
    one.variants.erase(one.variants.begin(), one.variants.begin() + 1); // without "pool"
    std::unique_ptr<QChart> other(make_chart(ChartKind::causes, build_chart_data(one)));
    QBarSet *on_cpu = set_named(bars_of(other.get()), cause_name(Cause::on_cpu));
    QVERIFY(on_cpu);
    QCOMPARE(on_cpu->color(), cause_colour(Cause::on_cpu));
    QVERIFY(!set_named(bars_of(other.get()), cause_name(Cause::blocked))); // only pool blocked
  }

  void labels_only_where_they_fit_and_never_touch() {
    RunResults r = four_variants();
    // A sliver of 1% beside a wide part: no room for "1.0%" in it.
    r.variants[1].summary.causes = split(4, true, {{Cause::on_cpu, 0.99}, {Cause::runnable, 0.01}});
    QChart *chart = make_chart(ChartKind::causes, build_chart_data(r));
    const CauseLabelsItem *item = find_cause_labels_item(chart);
    QVERIFY(item);
    const OffscreenChart offscreen(chart, QSizeF(1200, 700)); // laid out as an export is
    const std::vector<CauseLabel> labels = item->labels();
    QStringList texts;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      texts << labels[i].text;
      for (std::size_t j = i + 1; j < labels.size(); ++j)
        QVERIFY2(!labels[i].box.intersects(labels[j].box),
                 qPrintable(labels[i].text + QStringLiteral(" over ") + labels[j].text));
      QCOMPARE(labels[i].text, share_text((labels[i].segment.to - labels[i].segment.from) / 100));
      QVERIFY(chart->plotArea().contains(labels[i].box));
    }
    // pool's three parts and http's two fit; of cpu's only the 99%.
    QCOMPARE(texts,
             (QStringList{QStringLiteral("20%"), QStringLiteral("60%"), QStringLiteral("99%"),
                          QStringLiteral("30%"), QStringLiteral("10%"), QStringLiteral("80%")}));
  }

  void a_narrower_chart_drops_the_labels_that_no_longer_fit() {
    RunResults r = four_variants();
    r.variants[0].summary.causes =
        split(10, true, {{Cause::queue_wait, 0.34}, {Cause::on_cpu, 0.33}, {Cause::blocked, 0.33}});
    QChart *chart = make_chart(ChartKind::causes, build_chart_data(r));
    const CauseLabelsItem *item = find_cause_labels_item(chart);
    QVERIFY(item);
    const OffscreenChart wide(chart, QSizeF(1200, 700));
    const std::size_t at_1200 = item->labels().size();
    QCOMPARE(at_1200, std::size_t(7));          // pool's three, cpu's two, http's two
    chart->setGeometry(QRectF(0, 0, 260, 700)); // beside its row labels, a plot of few pixels
    QCoreApplication::sendPostedEvents(nullptr, 0);
    QCoreApplication::sendPostedEvents(nullptr, 0);
    const std::vector<CauseLabel> labels = item->labels();
    QVERIFY2(
        labels.size() < at_1200,
        qPrintable(
            QStringLiteral("%1 labels at 1200 px, %2 at 260 px").arg(at_1200).arg(labels.size())));
    for (const CauseLabel &label : labels)
      QVERIFY(chart->plotArea().contains(label.box));
  }

  void tooltip_gives_cause_share_and_seconds_per_task() {
    std::unique_ptr<QChart> chart(make_chart(ChartKind::causes, build_chart_data(four_variants())));
    QBarSet *queued = set_named(bars_of(chart.get()), cause_name(Cause::queue_wait));
    QVERIFY(queued);
    Q_EMIT queued->hovered(true, 2); // the top row: pool, 60% of 1 s per task
    QTRY_VERIFY(!QToolTip::text().isEmpty());
    QCOMPARE(QToolTip::text(),
             QStringLiteral("pool — queued: 60% of the response time, 600 ms per task on average"));
    Q_EMIT queued->hovered(false, 2);
  }

  void nothing_to_split_says_so() {
    RunResults r = four_variants();
    r.variants.erase(r.variants.begin(), r.variants.begin() + 3); // "none" alone
    for (const ChartData &data : {build_chart_data(r), ChartData{}}) {
      std::unique_ptr<QChart> chart(make_chart(ChartKind::causes, data));
      QVERIFY(chart->series().isEmpty()); // no empty bars
      QVERIFY2(chart->title().contains(QStringLiteral("nothing to split")),
               qPrintable(chart->title()));
      const CauseLabelsItem *item = find_cause_labels_item(chart.get());
      QVERIFY(item);
      QVERIFY(item->segments().empty());
      QVERIFY(!item->empty_message().isEmpty());
    }
  }
};

QTEST_MAIN(TestCausesChart)
#include "test_causes_chart.moc"
