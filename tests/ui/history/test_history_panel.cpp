// The history panel in the desktop lab, offscreen: runs the window makes are recorded (a
// cancelled one too), listed, searched, renamed and tagged in place, marked as baseline, opened,
// compared (table and overlaid charts), and deleted only after the person said yes. A history that
// cannot be used is reported and left as it is until the person agrees to move it aside.
#include "core/history/run_history.h"
#include "tests/support/results_builder.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/charts/chart_panel.h"
#include "ui/compare/compare_table_model.h"
#include "ui/compare/compare_view.h"
#include "ui/experiment/experiment_editor.h"
#include "ui/history/history_panel.h"
#include "ui/history/history_table_model.h"
#include "ui/main_window.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <functional>

using namespace conlab;
using namespace conlab::ui;
using history::RunRecord;

namespace {

// Answers the next modal message box with `button` once it shows, after handing it to `check`.
void answer_next_box(QMessageBox::StandardButton button,
                     std::function<void(QMessageBox *)> check = {}) {
  auto *timer = new QTimer;
  timer->setInterval(10);
  QObject::connect(timer, &QTimer::timeout, timer, [timer, button, check] {
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    if (!box)
      return;
    timer->stop();
    timer->deleteLater();
    if (check)
      check(box);
    box->button(button)->click();
  });
  timer->start();
}

void select_run(HistoryPanel &panel, std::int64_t id) {
  panel.view()->clearSelection();
  for (int row = 0; row < panel.proxy()->rowCount(); ++row) {
    const QModelIndex index = panel.proxy()->index(row, 0);
    if (index.data(HistoryTableModel::RunIdRole).toLongLong() == id)
      panel.view()->selectionModel()->select(index, QItemSelectionModel::Select |
                                                        QItemSelectionModel::Rows);
  }
}

QModelIndex cell(HistoryPanel &panel, std::int64_t id, int column) {
  for (int row = 0; row < panel.proxy()->rowCount(); ++row) {
    const QModelIndex index = panel.proxy()->index(row, column);
    if (index.data(HistoryTableModel::RunIdRole).toLongLong() == id)
      return index;
  }
  return {};
}

RunResults results_of(const Experiment &e, double makespan) {
  RunResults r;
  r.experiment = e;
  for (const Variant &v : e.variants) {
    VariantResult vr;
    vr.label = v.label;
    vr.model = "thread_pool";
    vr.summary.tasks = vr.summary.completed = 10;
    vr.summary.makespan_s = makespan;
    r.variants.push_back(vr);
  }
  return r;
}

// Selects runs a and b in the panel and triggers Compare.
void compare_two(HistoryPanel &panel, std::int64_t a, std::int64_t b) {
  select_run(panel, a);
  panel.view()->selectionModel()->select(cell(panel, b, 0),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
  QVERIFY(panel.compare_action()->isEnabled());
  panel.compare_action()->trigger();
}

} // namespace

class TestHistoryPanel : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The window's own panel uses it too: never the user's history.
    qputenv("CONLAB_HISTORY_DIR", m_dir->path().toUtf8());
  }

  void runs_of_the_window_are_recorded_and_compared() {
    MainWindow w;
    HistoryPanel &panel = *w.history();
    QVERIFY(panel.history());
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy recorded(&panel, &HistoryPanel::recorded);
    for (int run = 0; run < 2; ++run) {
      QSignalSpy shown(&w, &MainWindow::results_shown);
      w.editor()->set_experiment(ui::test::tiny_article(8, 0.01));
      w.run();
      QVERIFY(shown.wait(120'000));
      QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), run + 1, 30'000);
    }
    QCOMPARE(panel.model()->rowCount(), 2);
    const std::vector<RunRecord> runs = panel.history()->list();
    QCOMPARE(runs[0].experiment, std::string("fastapi-article"));
    QCOMPARE(runs[0].variants.size(), std::size_t(4));
    QVERIFY(QFile::exists(QString::fromStdString(runs[0].results_file)));

    // Opening a recorded run shows it without recording it again.
    QSignalSpy shown(&w, &MainWindow::results_shown);
    select_run(panel, runs[1].id);
    QVERIFY(panel.open_action()->isEnabled());
    panel.open_action()->trigger();
    QVERIFY(shown.wait(60'000));
    QCOMPARE(w.results()->variants.size(), std::size_t(4));
    QTest::qWait(50);
    QCOMPARE(panel.history()->list().size(), std::size_t(2));

    // The older run is the baseline; the newer compares with it.
    select_run(panel, runs[1].id);
    panel.baseline_action()->trigger();
    QVERIFY(panel.history()->get(runs[1].id).baseline);
    select_run(panel, runs[0].id);
    QVERIFY(panel.compare_baseline_action()->isEnabled());
    panel.compare_baseline_action()->trigger();
    CompareView *view = panel.compare_view();
    QVERIFY(view);
    QSignalSpy ready(view, &CompareView::ready);
    QVERIFY(ready.wait(60'000));
    QVERIFY(view->header_text().contains(QStringLiteral("run %1").arg(runs[1].id)));
    QAbstractItemModelTester table_tester(view->table_model(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    bool found_makespan = false;
    for (int row = 0; row < view->table_model()->rowCount(); ++row) {
      const MetricComparison *m = view->table_model()->metric_at(row);
      const QString label =
          view->table_model()->index(row, CompareTableModel::variant).data().toString();
      if (m->metric == Metric::makespan && label == QLatin1String("/a")) {
        found_makespan = true;
        QCOMPARE(*m->baseline, runs[1].variants[0].makespan_s); // A: the baseline
        QCOMPARE(*m->candidate, runs[0].variants[0].makespan_s);
        QVERIFY(!view->table_model()
                     ->index(row, CompareTableModel::verdict)
                     .data()
                     .toString()
                     .isEmpty());
      }
    }
    QVERIFY(found_makespan);
    // Every variant drawn twice on the CDF: A solid, B dashed, in the same colour.
    QChart *cdf = view->charts()->view(ChartKind::cdf)->chart();
    QLineSeries *a = nullptr, *b = nullptr;
    for (QAbstractSeries *s : cdf->series())
      if (auto *line = qobject_cast<QLineSeries *>(s)) {
        if (line->name() == QLatin1String("A /c"))
          a = line;
        if (line->name() == QLatin1String("B /c"))
          b = line;
      }
    QVERIFY(a && b);
    QCOMPARE(a->pen().style(), Qt::SolidLine);
    QCOMPARE(b->pen().style(), Qt::DashLine);
    QCOMPARE(a->pen().color(), b->pen().color());
  }

  void a_cancelled_run_is_recorded_with_its_status() {
    MainWindow w;
    QSignalSpy recorded(w.history(), &HistoryPanel::recorded);
    QSignalSpy progress(w.runner(), &RunController::progress);
    w.editor()->set_experiment(ui::test::many_tasks(200'000));
    w.run();
    QVERIFY(progress.wait(60'000));
    w.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 60'000);
    const RunRecord r = w.history()->history()->get(recorded[0][0].toLongLong());
    QCOMPARE(r.status, RunStatus::cancelled);
  }

  void search_rename_and_tag_in_place() {
    HistoryPanel panel(m_dir->path());
    history::RunHistory writer(m_dir->path().toStdString()); // another connection, as another lab
    Experiment article = ui::test::tiny_article();
    Experiment pool = article;
    pool.name = "pool-size";
    const auto now = history::Clock::now();
    const auto a = writer.add(results_of(article, 1), now, now).id;
    const auto p = writer.add(results_of(pool, 2), now, now).id;
    panel.refresh();
    QCOMPARE(panel.proxy()->rowCount(), 2);

    panel.search()->setText(QStringLiteral("POOL"));
    QCOMPARE(panel.proxy()->rowCount(), 1);
    panel.search()->clear();

    QVERIFY(panel.proxy()->setData(cell(panel, a, HistoryTableModel::name),
                                   QStringLiteral("before the fix")));
    QVERIFY(panel.proxy()->setData(cell(panel, a, HistoryTableModel::tags),
                                   QStringLiteral("laptop, slow")));
    QCOMPARE(writer.get(a).name, std::string("before the fix"));
    QCOMPARE(writer.get(a).tags, (std::vector<std::string>{"laptop", "slow"}));
    panel.search()->setText(QStringLiteral("laptop"));
    QCOMPARE(panel.proxy()->rowCount(), 1);
    QCOMPARE(panel.proxy()->index(0, 0).data(HistoryTableModel::RunIdRole).toLongLong(), a);
    panel.search()->clear();

    QVERIFY(!panel.proxy()->setData(cell(panel, p, HistoryTableModel::name), QStringLiteral(" ")));
    QVERIFY(panel.message().contains(QStringLiteral("name: must not be empty")));
    QCOMPARE(writer.get(p).name, std::string("pool-size"));
  }

  void delete_asks_first() {
    HistoryPanel panel(m_dir->path());
    history::RunHistory writer(m_dir->path().toStdString());
    const auto now = history::Clock::now();
    const RunRecord r = writer.add(results_of(ui::test::tiny_article(), 1), now, now);
    panel.refresh();
    select_run(panel, r.id);

    QString question;
    answer_next_box(QMessageBox::Cancel, [&](QMessageBox *box) { question = box->text(); });
    panel.delete_action()->trigger();
    QVERIFY(question.contains(QStringLiteral("Delete run %1").arg(r.id)));
    QVERIFY(question.contains(QStringLiteral("Its results file is removed too.")));
    QCOMPARE(writer.list().size(), std::size_t(1)); // said no: nothing happened
    QVERIFY(QFile::exists(QString::fromStdString(r.results_file)));

    select_run(panel, r.id);
    answer_next_box(QMessageBox::Yes);
    panel.delete_action()->trigger();
    QVERIFY(writer.list().empty());
    QVERIFY(!QFile::exists(QString::fromStdString(r.results_file)));
    QCOMPARE(panel.proxy()->rowCount(), 0);
  }

  // Two sweeps in the history compare point by point, by the CLI's rules: the verdict names the
  // point that changed, the table has a row per point, variant and metric, the intervals are
  // Bonferroni's, and the sweep chart overlays both (B dashed).
  void two_sweeps_compare_point_by_point() {
    HistoryPanel panel(m_dir->path());
    history::RunHistory writer(m_dir->path().toStdString());
    const auto now = history::Clock::now();
    const RunRecord a = writer.add(conlab::test::pool_sweep({1, 2, 4, 8}, 5), now, now);
    const RunRecord b = writer.add(
        conlab::test::pool_sweep({1, 2, 4, 8}, 5, [](double p) { return p == 4 ? 1.5 : 1.0; }), now,
        now);
    panel.refresh();
    compare_two(panel, a.id, b.id);
    CompareView *view = panel.compare_view();
    QVERIFY(view);
    QSignalSpy ready(view, &CompareView::ready);
    QVERIFY(ready.wait(30'000));
    const QString notes = view->notes_text();
    QVERIFY2(notes.contains(QStringLiteral("Verdict on latency p99 (threshold 5.0%): regressed.")),
             qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("worse beyond the noise at P = 4; within the noise at "
                                           "the 3 other points")),
             qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("P = 4 · pool: regressed: +50% worse")),
             qPrintable(notes));
    CompareTableModel *model = view->table_model();
    QStringList variants;
    for (int row = 0; row < model->rowCount(); ++row)
      variants << model->index(row, CompareTableModel::variant).data().toString();
    QVERIFY(variants.contains(QStringLiteral("P = 8 · pool")));
    QVERIFY(model->headerData(CompareTableModel::noise, Qt::Horizontal, Qt::DisplayRole)
                .toString()
                .contains(QStringLiteral("98.75%")));
    QChartView *chart = view->charts()->view(ChartKind::sweep);
    QVERIFY(chart && chart->chart());
    QStringList dashed;
    for (QAbstractSeries *series : chart->chart()->series())
      if (auto *line = qobject_cast<QLineSeries *>(series);
          line && line->pen().style() == Qt::DashLine)
        dashed << line->name();
    QCOMPARE(dashed, QStringList{QStringLiteral("B pool")});
  }

  void a_damaged_results_file_cannot_be_compared_and_the_history_stays() {
    HistoryPanel panel(m_dir->path());
    history::RunHistory writer(m_dir->path().toStdString());
    const auto now = history::Clock::now();
    const RunRecord a = writer.add(results_of(ui::test::tiny_article(), 1), now, now);
    const RunRecord b = writer.add(results_of(ui::test::tiny_article(), 2), now, now);
    QFile file(QString::fromStdString(b.results_file));
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.resize(file.size() / 2); // a truncated file
    file.close();
    panel.refresh();
    compare_two(panel, a.id, b.id);
    QSignalSpy failed(panel.compare_view(), &CompareView::failed);
    QVERIFY(failed.wait(30'000));
    QVERIFY(panel.message().contains(QStringLiteral("Cannot compare")));
    QVERIFY(panel.message().contains(QString::fromStdString(b.results_file)));
    QCOMPARE(writer.list().size(), std::size_t(2));
  }

  void an_unusable_history_is_left_alone_until_moved_aside() {
    const QString db = m_dir->path() + QStringLiteral("/history.sqlite");
    QFile file(db);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray garbage(5000, 'x');
    file.write(garbage);
    file.close();

    HistoryPanel panel(m_dir->path());
    QVERIFY(!panel.history());
    QVERIFY(panel.message().contains(db));
    QVERIFY(panel.message().contains(QStringLiteral("not a readable SQLite database")));
    QCOMPARE(panel.model()->rowCount(), 0);
    panel.record(std::make_shared<const RunResults>(results_of(ui::test::tiny_article(), 1)),
                 history::Clock::now()); // nowhere to record: nothing happens
    auto *move = panel.findChild<QPushButton *>();
    QVERIFY(move && move->isVisibleTo(&panel));

    answer_next_box(QMessageBox::Cancel);
    move->click();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage); // untouched
    file.close();

    answer_next_box(QMessageBox::Yes);
    move->click();
    QVERIFY(panel.history());
    QVERIFY(panel.message().isEmpty());
    const QStringList aside =
        QDir(m_dir->path()).entryList({QStringLiteral("history.sqlite.unreadable-*")});
    QCOMPARE(aside.size(), 1);
    QFile kept(m_dir->path() + QLatin1Char('/') + aside.front());
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);
  }

private:
  std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestHistoryPanel)
#include "test_history_panel.moc"
