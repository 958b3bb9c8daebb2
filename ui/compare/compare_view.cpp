#include "ui/compare/compare_view.h"

#include "core/compare/compare.h"
#include "core/compare/compare_text.h"
#include "core/compare/regression_gate.h"
#include "core/compare/sweep_compare.h"
#include "core/results/results_json.h"
#include "core/util/format.h"
#include "ui/charts/chart_panel.h"
#include "ui/compare/compare_charts.h"
#include "ui/compare/compare_table_model.h"

#include <QChartView>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace conlab::ui {
namespace {

const QString kA = QStringLiteral("A");
const QString kB = QStringLiteral("B");

struct Prepared {
  std::shared_ptr<const Comparison> comparison; // for two sweeps, every (point, variant) pair
  std::shared_ptr<const SweepComparison> sweep; // two sweeps only
  std::shared_ptr<const ChartData> charts;
  QString error;
};

Prepared prepare(const std::string &a_file, const std::string &b_file) {
  Prepared p;
  try {
    const RunResults a = load_results(a_file);
    const RunResults b = load_results(b_file);
    CompareOptions options;
    options.baseline_name = kA.toStdString();
    options.candidate_name = kB.toStdString();
    if (a.sweep || b.sweep) { // the same rules as conlab-cli compare: both sweeps, one grid
      p.sweep = std::make_shared<const SweepComparison>(compare_sweeps(a, b, options));
      p.comparison = std::make_shared<const Comparison>(as_one_comparison(*p.sweep));
      p.charts = std::make_shared<const ChartData>(overlay_sweep_chart_data(a, b, kA, kB));
      return p;
    }
    p.comparison = std::make_shared<const Comparison>(compare_runs(a, b, options));
    p.charts = std::make_shared<const ChartData>(overlay_chart_data(a, b, kA, kB));
  } catch (const std::exception &e) {
    p.error = QString::fromStdString(e.what());
  }
  return p;
}

QString side_text(const QString &letter, const history::RunRecord &r) {
  return CompareView::tr("<b>%1</b> run %2 “%3” — %4, %5, finished %6")
      .arg(letter)
      .arg(r.id)
      .arg(QString::fromStdString(r.name).toHtmlEscaped(),
           QString::fromStdString(r.experiment).toHtmlEscaped(),
           QString::fromUtf8(to_string(r.status)),
           QString::fromStdString(history::local_time_text(r.finished)));
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent), m_header(new QLabel(this)), m_notes(new QLabel(this)),
      m_model(new CompareTableModel(this)), m_table(new QTableView(this)),
      m_charts(new ChartPanel(this)) {
  m_header->setTextFormat(Qt::RichText);
  m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_notes->setWordWrap(true);
  m_notes->hide();
  m_table->setModel(m_model);
  m_table->setAlternatingRowColors(true);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  auto *split = new QSplitter(Qt::Vertical, this);
  split->addWidget(m_table);
  split->addWidget(m_charts);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_header);
  layout->addWidget(m_notes);
  layout->addWidget(split, 1);
  connect(m_charts, &ChartPanel::charts_ready, this, [this] {
    const QList<ChartKind> shown = m_charts->shown_kinds();
    for (ChartKind kind : shown)
      if (QChartView *view = m_charts->view(kind); view && view->chart())
        mark_candidate_series(view->chart(), kB);
    // Two runs show the single-run charts, two sweeps their sweep charts.
    for (ChartKind kind : tabbed_chart_kinds())
      m_charts->setTabVisible(m_charts->indexOf(m_charts->page(kind)), shown.contains(kind));
    Q_EMIT ready();
  });
}

void CompareView::compare(const history::RunRecord &a, const history::RunRecord &b) {
  const quint64 generation = ++m_generation;
  m_header->setText(side_text(kA, a) + QStringLiteral("<br>") + side_text(kB, b));
  setWindowTitle(tr("Compare run %1 (A) with run %2 (B) — Concurrency Lab").arg(a.id).arg(b.id));
  auto *watcher = new QFutureWatcher<Prepared>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    if (generation != m_generation)
      return;
    const Prepared p = watcher->result();
    if (!p.error.isEmpty()) {
      m_notes->setText(tr("Cannot compare: %1").arg(p.error));
      m_notes->show();
      Q_EMIT failed(p.error);
      return;
    }
    show_comparison(p.comparison, p.sweep);
    if (p.sweep) // the chart of the metric the verdict is on
      m_charts->set_sweep_metric(SweepMetric::p99);
    m_charts->set_data(p.charts); // ready() follows when the last chart is built
  });
  watcher->setFuture(QtConcurrent::run(prepare, a.results_file, b.results_file));
}

void CompareView::show_comparison(std::shared_ptr<const Comparison> comparison,
                                  std::shared_ptr<const SweepComparison> sweep) {
  QStringList notes;
  // The same verdict as `conlab-cli compare` gives with its defaults, in the same words.
  const GateReport gate = apply_gate(*comparison, RegressionGate{});
  notes << tr("Verdict on %1 (threshold %2): %3.")
               .arg(QString::fromStdString(std::string(metric_info(gate.gate.metric).title)),
                    QString::fromStdString(human_percent(gate.gate.threshold)),
                    QString::fromStdString(gate_result_text(gate)));
  if (sweep)
    notes << tr("Two sweeps, point by point: %1. Each interval is %2, so that the %3 points and "
                "variants together keep 95%.")
                 .arg(QString::fromStdString(changed_points_text(*sweep, gate.gate.metric)),
                      QString::fromStdString(confidence_text(sweep->point_confidence)))
                 .arg(sweep->pairs);
  // A grid of single runs would list every pair without a verdict: the first few say it.
  std::size_t hidden = 0;
  for (const std::string &line : gate_lines(*comparison, gate, sweep != nullptr, 3, hidden))
    notes << QString::fromStdString(line);
  if (hidden > 0)
    notes << tr("… and %1 more without a verdict.").arg(hidden);
  for (const std::string &warning : comparison_warnings(*comparison, gate.gate.metric))
    notes << tr("Warning: %1").arg(QString::fromStdString(warning));
  for (const std::string &note : comparison->notes)
    notes << QString::fromStdString(note);
  if (!comparison->only_in_baseline.empty() || !comparison->only_in_candidate.empty()) {
    QStringList only;
    for (const std::string &label : comparison->only_in_baseline)
      only << tr("%1 only in A").arg(QString::fromStdString(label));
    for (const std::string &label : comparison->only_in_candidate)
      only << tr("%1 only in B").arg(QString::fromStdString(label));
    notes << only.join(QStringLiteral(", ")) + QLatin1Char('.');
  }
  m_notes->setText(notes.join(QLatin1Char('\n')));
  m_notes->setVisible(!notes.isEmpty());
  m_model->set_comparison(std::move(comparison));
  m_table->resizeColumnsToContents();
}

QString CompareView::header_text() const { return m_header->text(); }
QString CompareView::notes_text() const { return m_notes->text(); }

} // namespace conlab::ui
