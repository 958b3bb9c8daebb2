// The result charts as tabs, one QChartView per chart kind, rebuilt from ChartData whenever the
// results or the chart preferences change.
#pragma once

#include "chart_factory.h"

#include <QTabWidget>

#include <map>
#include <memory>

class QChartView;

namespace conlab::ui {

class ChartPanel : public QTabWidget {
  Q_OBJECT
public:
  explicit ChartPanel(QWidget *parent = nullptr);

  void set_data(std::shared_ptr<const ChartData> data);
  void set_options(const ChartOptions &options);
  const ChartOptions &options() const { return m_options; }
  std::shared_ptr<const ChartData> data() const { return m_data; }

  QChartView *view(ChartKind kind) const;
  bool building() const; // charts are still being rebuilt, one per event-loop turn
  std::optional<ChartKind> current_kind() const; // nullopt when a non-chart tab is current

Q_SIGNALS:
  void charts_ready(); // every chart shows the current data

private:
  void rebuild();
  void build_next();

  std::shared_ptr<const ChartData> m_data;
  ChartOptions m_options;
  std::map<ChartKind, QChartView *> m_views;
  QList<ChartKind> m_pending;
};

} // namespace conlab::ui
