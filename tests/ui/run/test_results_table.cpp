// The results table's split of the response time: "Largest part" and a share column for each
// cause that took a part in some variant, between the response times and the waits; a cause the
// run could not see (an HTTP target's server side) reads "—", and a run without a split has none
// of these columns.
#include "tests/ui/ui_fixtures.h"
#include "ui/latency/cause_words.h"
#include "ui/run/results_table_model.h"

#include "tests/support/cause_split_builder.h"
#include <QAbstractItemModelTester>

#include <QtTest>

#include <map>

using namespace conlab;
using namespace conlab::ui;

namespace {

using conlab::test::split;
VariantResult variant(const std::string &label, CauseSplit causes) {
  return conlab::test::split_variant(label, causes);
}

std::shared_ptr<const RunResults> three_variants() {
  auto r = std::make_shared<RunResults>();
  r->variants.push_back(variant("pool", split(10, true,
                                              {{Cause::queue_wait, 0.6},
                                               {Cause::on_cpu, 0.3},
                                               {Cause::blocked, 0.1001},
                                               {Cause::other, -0.0001},
                                               {Cause::gil_wait, 0.001}})));
  r->variants.push_back(
      variant("http", split(8, false, {{Cause::queue_wait, 0.7}, {Cause::other, 0.3}})));
  r->variants.push_back(variant("none", split(0, false, {})));
  return r;
}

QStringList headers(const QAbstractItemModel &model) {
  QStringList out;
  for (int c = 0; c < model.columnCount(); ++c)
    out << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
  return out;
}

QString cell(const QAbstractItemModel &model, int row, const QString &header) {
  return model.index(row, static_cast<int>(headers(model).indexOf(header))).data().toString();
}

} // namespace

class TestResultsTable : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void split_columns_follow_the_response_times() {
    ResultsTableModel model;
    QAbstractItemModelTester tester(&model);
    model.set_results(three_variants());
    const QStringList h = headers(model);
    // A column per cause some variant spent at least half a percent in: the GIL's 0.1% and the
    // unexplained rest's rounding get none, nor do the causes no variant had.
    const qsizetype largest = h.indexOf(QStringLiteral("Largest part"));
    QVERIFY2(largest > 0, qPrintable(h.join(QStringLiteral(", "))));
    QCOMPARE(h[largest - 1], QStringLiteral("Max"));
    QCOMPARE(h.mid(largest, 6),
             (QStringList{QStringLiteral("Largest part"), QStringLiteral("% queued"),
                          QStringLiteral("% on a core"), QStringLiteral("% blocked"),
                          QStringLiteral("% unexplained"), QStringLiteral("Queue wait p99")}));
    for (const char *absent : {"% GIL", "% ready for a core", "% loop busy", "% hand-off"})
      QVERIFY2(!h.contains(QLatin1String(absent)), absent);
    QCOMPARE(model.cause_columns(),
             (std::vector<Cause>{Cause::queue_wait, Cause::on_cpu, Cause::blocked, Cause::other}));
    QVERIFY(!model.headerData(static_cast<int>(largest) + 1, Qt::Horizontal, Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
  }

  void cells_are_the_shares_and_dashes_where_unseen() {
    ResultsTableModel model;
    model.set_results(three_variants());
    QCOMPARE(cell(model, 0, QStringLiteral("Largest part")), QStringLiteral("queued"));
    QCOMPARE(cell(model, 0, QStringLiteral("% queued")), QStringLiteral("60%"));
    QCOMPARE(cell(model, 0, QStringLiteral("% on a core")), QStringLiteral("30%"));
    QCOMPARE(cell(model, 0, QStringLiteral("% blocked")), QStringLiteral("10%"));
    QCOMPARE(cell(model, 0, QStringLiteral("% unexplained")), QStringLiteral("0%")); // not −0.0%
    // The raw share sorts.
    const int queued = static_cast<int>(headers(model).indexOf(QStringLiteral("% queued")));
    QCOMPARE(model.index(0, queued).data(Qt::UserRole).toDouble(), 0.6);
    // Seen from the client, only the lab's own waits are known; the queue beats the rest.
    QCOMPARE(cell(model, 1, QStringLiteral("Largest part")), QStringLiteral("queued"));
    QCOMPARE(cell(model, 1, QStringLiteral("% queued")), QStringLiteral("70%"));
    QCOMPARE(cell(model, 1, QStringLiteral("% on a core")), QStringLiteral("—"));
    QCOMPARE(cell(model, 1, QStringLiteral("% blocked")), QStringLiteral("—"));
    QCOMPARE(cell(model, 1, QStringLiteral("% unexplained")), QStringLiteral("30%"));
    QVERIFY(!model.index(1, static_cast<int>(headers(model).indexOf(QStringLiteral("% on a core"))))
                 .data(Qt::UserRole)
                 .isValid());
    // Nothing finished: nothing to split.
    for (const char *h : {"Largest part", "% queued", "% on a core", "% blocked", "% unexplained"})
      QCOMPARE(cell(model, 2, QLatin1String(h)), QStringLiteral("—"));
  }

  void a_run_without_a_split_has_no_split_columns() {
    ResultsTableModel with, without;
    with.set_results(three_variants());
    auto old = std::make_shared<RunResults>(*three_variants());
    for (VariantResult &v : old->variants)
      v.summary.causes = CauseSplit{}; // a results file from before the split
    without.set_results(old);
    QVERIFY(without.cause_columns().empty());
    QVERIFY(!headers(without).contains(QStringLiteral("Largest part")));
    QCOMPARE(without.columnCount(), with.columnCount() - 5);
    QCOMPARE(headers(without).indexOf(QStringLiteral("Queue wait p99")),
             headers(without).indexOf(QStringLiteral("Max")) + 1);
  }

  // A real run of the article: every variant measured, each share column its results' share.
  void a_real_run_fills_the_columns() {
    const RunResults run = run_experiment(conlab::ui::test::tiny_article(8, 0.01));
    ResultsTableModel model;
    model.set_results(std::make_shared<const RunResults>(run));
    const std::vector<Cause> &causes = model.cause_columns();
    QVERIFY(!causes.empty());
    const int first = static_cast<int>(headers(model).indexOf(QStringLiteral("Largest part"))) + 1;
    QVERIFY(first > 0);
    for (int r = 0; r < model.rowCount(); ++r) {
      const CauseSplit &split = run.variants[static_cast<std::size_t>(r)].summary.causes;
      QVERIFY(split.measured);
      for (std::size_t k = 0; k < causes.size(); ++k)
        QCOMPARE(model.index(r, first + static_cast<int>(k)).data(Qt::UserRole).toDouble(),
                 std::max(0.0, split.share(causes[k])));
      QCOMPARE(model.index(r, first - 1).data().toString(), cause_name(*largest_part(split)));
    }
  }
};

QTEST_MAIN(TestResultsTable)
#include "test_results_table.moc"
