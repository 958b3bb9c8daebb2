// The result charts as tabs, one QChartView per chart kind, rebuilt from ChartData whenever the
// results or the chart preferences change. A sweep's charts sit on pages with a metric selector.
#pragma once

#include "ui/charts/chart_factory.h"

#include <QTabWidget>

#include <map>
#include <memory>

class QChartView;
class QComboBox;

namespace conlab::ui {

class ChartPanel : public QTabWidget {
  Q_OBJECT
public:
  explicit ChartPanel(QWidget *parent = nullptr);

  void set_data(std::shared_ptr<const ChartData> data);
  void set_options(const ChartOptions &options);
  void set_sweep_metric(SweepMetric metric); // what the sweep charts draw
  const ChartOptions &options() const { return m_options; }
  std::shared_ptr<const ChartData> data() const { return m_data; }

  QChartView *view(ChartKind kind) const;
  QWidget *page(ChartKind kind) const; // the tab's widget: the view, or its page with a selector
  std::optional<ChartKind> kind_of(const QWidget *page) const;
  QComboBox *metric_selector(ChartKind kind) const; // the sweep charts' (nullptr for others)
  // The kinds the current data fills (a run's seven before any data).
  QList<ChartKind> shown_kinds() const;
  bool building() const; // charts are still being rebuilt, one per event-loop turn
  std::optional<ChartKind> current_kind() const; // nullopt when a non-chart tab is current

Q_SIGNALS:
  void charts_ready(); // every chart shows the current data

private:
  QWidget *make_sweep_page(ChartKind kind, QChartView *view);
  void rebuild();
  void build_next();

  std::shared_ptr<const ChartData> m_data;
  ChartOptions m_options;
  std::map<ChartKind, QChartView *> m_views;
  std::map<ChartKind, QWidget *> m_pages;
  std::map<ChartKind, QComboBox *> m_metric_selectors;
  QList<ChartKind> m_pending;
  bool m_build_scheduled = false;
};

} // namespace conlab::ui
