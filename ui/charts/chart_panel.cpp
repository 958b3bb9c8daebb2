#include "ui/charts/chart_panel.h"

#include "ui/sweep/sweep_findings_text.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace conlab::ui {

ChartPanel::ChartPanel(QWidget *parent) : QTabWidget(parent) {
  setDocumentMode(true);
  for (ChartKind kind : tabbed_chart_kinds()) {
    auto *view = new QChartView(this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setObjectName(chart_name(kind));
    view->chart()->setTitle(tr("Run the experiment or open a results file to see this chart."));
    m_views[kind] = view;
    m_pages[kind] = sweep_chart_kinds().contains(kind) ? make_sweep_page(kind, view) : view;
    addTab(m_pages[kind], chart_title(kind));
  }
}

QWidget *ChartPanel::make_sweep_page(ChartKind kind, QChartView *view) {
  auto *page = new QWidget(this);
  page->setObjectName(chart_name(kind) + QStringLiteral("_page"));
  auto *layout = new QVBoxLayout(page);
  layout->setContentsMargins(0, 4, 0, 0);
  auto *bar = new QHBoxLayout;
  auto *selector = new QComboBox(page);
  selector->setObjectName(QStringLiteral("sweep_metric"));
  for (SweepMetric metric : kSweepMetrics)
    selector->addItem(SweepText::metric_title(metric), static_cast<int>(metric));
  selector->setCurrentIndex(selector->findData(static_cast<int>(m_options.sweep_metric)));
  selector->setToolTip(tr("What the sweep charts draw against the swept parameter"));
  auto *label = new QLabel(tr("&Metric"), page);
  label->setBuddy(selector);
  bar->addSpacing(8);
  bar->addWidget(label);
  bar->addWidget(selector);
  bar->addStretch();
  layout->addLayout(bar);
  layout->addWidget(view, 1);
  m_metric_selectors[kind] = selector;
  connect(selector, &QComboBox::activated, this, [this, selector] {
    set_sweep_metric(static_cast<SweepMetric>(selector->currentData().toInt()));
  });
  return page;
}

void ChartPanel::set_data(std::shared_ptr<const ChartData> data) {
  m_data = std::move(data);
  rebuild();
}

void ChartPanel::set_options(const ChartOptions &options) {
  m_options = options;
  for (const auto &[kind, selector] : m_metric_selectors)
    selector->setCurrentIndex(selector->findData(static_cast<int>(options.sweep_metric)));
  rebuild();
}

void ChartPanel::set_sweep_metric(SweepMetric metric) {
  ChartOptions options = m_options;
  options.sweep_metric = metric;
  set_options(options);
}

QList<ChartKind> ChartPanel::shown_kinds() const {
  return m_data ? chart_kinds_for(*m_data) : all_chart_kinds();
}

// One chart per turn of the event loop, the one on show first: building all seven at once
// (thousands of points and bars) would stall the GUI thread for tens of milliseconds. A sweep
// delivers new data after every run; one chain of turns serves them all.
void ChartPanel::rebuild() {
  if (!m_data)
    return;
  m_pending.clear();
  for (ChartKind kind : shown_kinds())
    if (m_pages.at(kind)->isVisible())
      m_pending.prepend(kind);
    else
      m_pending.append(kind);
  if (!m_build_scheduled)
    build_next();
}

void ChartPanel::build_next() {
  m_build_scheduled = false;
  if (m_pending.isEmpty() || !m_data) {
    Q_EMIT charts_ready();
    return;
  }
  const ChartKind kind = m_pending.takeFirst();
  QChartView *view = m_views.at(kind);
  QChart *old = view->chart();
  view->setChart(make_chart(kind, *m_data, m_options));
  delete old; // setChart leaves the old chart to us
  m_build_scheduled = true;
  QTimer::singleShot(0, this, &ChartPanel::build_next);
}

bool ChartPanel::building() const { return !m_pending.isEmpty(); }

QChartView *ChartPanel::view(ChartKind kind) const {
  auto it = m_views.find(kind);
  return it == m_views.end() ? nullptr : it->second;
}

QWidget *ChartPanel::page(ChartKind kind) const {
  auto it = m_pages.find(kind);
  return it == m_pages.end() ? nullptr : it->second;
}

std::optional<ChartKind> ChartPanel::kind_of(const QWidget *page) const {
  for (const auto &[kind, p] : m_pages)
    if (p == page)
      return kind;
  return std::nullopt;
}

QComboBox *ChartPanel::metric_selector(ChartKind kind) const {
  auto it = m_metric_selectors.find(kind);
  return it == m_metric_selectors.end() ? nullptr : it->second;
}

std::optional<ChartKind> ChartPanel::current_kind() const { return kind_of(currentWidget()); }

} // namespace conlab::ui
