// "Find capacity…" on a variant: the search runs on a worker thread, each run shows as it ends,
// and the answer stands beside the simulator's; a bad SLO is said before anything runs, and
// closing the dialog mid-search stops it.
#include "core/capacity/capacity_search.h"
#include "ui/capacity/capacity_dialog.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

using namespace conlab;
using namespace conlab::ui;

namespace {

// P = 4 threads, S = 20 ms: never more than 200 requests/s.
Experiment pool_of_four() {
  Experiment e;
  e.name = "pool4";
  Variant v;
  v.label = "/pool";
  v.model = "thread_pool";
  v.pool_size = PoolSize{.value = 4};
  v.steps.push_back(Step{StepKind::blocking_io, Duration{.ms = 20}});
  e.variants.push_back(v);
  return e;
}

CapacityLimits quick() {
  CapacityLimits l;
  l.run_duration_s = 1;
  l.min_requests = 150;
  l.precision = 0.1;
  return l;
}

} // namespace

class CapacityDialogTest : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void findsTheCapacityOfAVariantBesideTheSimulators() {
    CapacityDialog dialog(pool_of_four(), 0, 2);
    dialog.set_limits(quick());
    dialog.set_slo_text(QStringLiteral("p99<60ms"));
    dialog.start();
    QVERIFY(dialog.running());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.running(), 120'000);
    QVERIFY(dialog.results());
    const CapacityResults &r = *dialog.results();
    QCOMPARE(r.measured.outcome, CapacityOutcome::found);
    QVERIFY(*r.measured.capacity_per_s < 200);
    QVERIFY(r.predicted && r.predicted->capacity_per_s);
    QVERIFY2(
        dialog.answer_text().startsWith(QStringLiteral("the highest rate that keeps p99<60ms is")),
        qPrintable(dialog.answer_text()));
    QVERIFY(dialog.chart_view()->chart()->series().size() >= 5);
  }

  void aBadSloIsSaidAndNothingRuns() {
    CapacityDialog dialog(pool_of_four(), 0, 2);
    dialog.set_slo_text(QStringLiteral("p99 200ms"));
    dialog.start();
    QVERIFY(!dialog.running());
    QVERIFY2(dialog.answer_text().contains(QStringLiteral("it needs a '<'")),
             qPrintable(dialog.answer_text()));
  }

  void closingMidSearchStopsIt() {
    QElapsedTimer timer;
    timer.start();
    {
      CapacityDialog dialog(pool_of_four(), 0, 2);
      CapacityLimits slow = quick();
      slow.run_duration_s = 30; // a search of many minutes
      slow.max_run_duration_s = 30;
      dialog.set_limits(slow);
      dialog.start();
      QTest::qWait(300);
      QVERIFY(dialog.running());
    } // the destructor stops the search and joins it
    QVERIFY2(timer.elapsed() < 15'000, qPrintable(QString::number(timer.elapsed())));
  }
};

QTEST_MAIN(CapacityDialogTest)
#include "test_capacity_dialog.moc"
