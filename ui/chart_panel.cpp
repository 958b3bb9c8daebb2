#include "chart_panel.h"

#include <QChart>
#include <QChartView>
#include <QTimer>

namespace conlab::ui {

ChartPanel::ChartPanel(QWidget *parent) : QTabWidget(parent) {
  setDocumentMode(true);
  for (ChartKind kind : all_chart_kinds()) {
    auto *view = new QChartView(this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setObjectName(chart_name(kind));
    view->chart()->setTitle(tr("Run the experiment or open a results file to see this chart."));
    m_views[kind] = view;
    addTab(view, chart_title(kind));
  }
}

void ChartPanel::set_data(std::shared_ptr<const ChartData> data) {
  m_data = std::move(data);
  rebuild();
}

void ChartPanel::set_options(const ChartOptions &options) {
  m_options = options;
  rebuild();
}

// One chart per turn of the event loop, the one on show first: building all seven at once
// (thousands of points and bars) would stall the GUI thread for tens of milliseconds.
void ChartPanel::rebuild() {
  if (!m_data)
    return;
  m_pending.clear();
  for (ChartKind kind : all_chart_kinds())
    if (m_views.at(kind)->isVisible())
      m_pending.prepend(kind);
    else
      m_pending.append(kind);
  build_next();
}

void ChartPanel::build_next() {
  if (m_pending.isEmpty() || !m_data) {
    Q_EMIT charts_ready();
    return;
  }
  const ChartKind kind = m_pending.takeFirst();
  QChartView *view = m_views.at(kind);
  QChart *old = view->chart();
  view->setChart(make_chart(kind, *m_data, m_options));
  delete old; // setChart leaves the old chart to us
  QTimer::singleShot(0, this, &ChartPanel::build_next);
}

bool ChartPanel::building() const { return !m_pending.isEmpty(); }

QChartView *ChartPanel::view(ChartKind kind) const {
  auto it = m_views.find(kind);
  return it == m_views.end() ? nullptr : it->second;
}

std::optional<ChartKind> ChartPanel::current_kind() const {
  for (const auto &[kind, view] : m_views)
    if (view == currentWidget())
      return kind;
  return std::nullopt;
}

} // namespace conlab::ui
