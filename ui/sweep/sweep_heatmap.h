// The heatmap of a two-parameter sweep: per variant a grid (first parameter across, second up)
// coloured by the metric on one colour scale shared by all variants, the value printed in each
// cell that has room for it, cells more than 10% from the simulation marked in a corner. Drawn
// by an item inside a QChart, so it exports to PNG, SVG and PDF like every other chart.
#pragma once

#include "ui/charts/chart_data.h"
#include "ui/charts/colour_scale.h"

#include <QColor>
#include <QGraphicsObject>

#include <optional>
#include <vector>

class QChart;

namespace conlab::ui {

struct HeatmapCell {
  std::size_t variant = 0;
  std::size_t column = 0, row = 0; // index into the first and second axis' values
  std::size_t point = 0;           // index into SweepResults::points
  std::optional<double> value;     // mean over complete repeats; absent until measured
  std::optional<double> simulated;
  bool disagrees = false;
  QColor colour;
};

class SweepHeatmapItem : public QGraphicsObject {
  Q_OBJECT
public:
  SweepHeatmapItem(QChart *chart, std::shared_ptr<const SweepChartData> data, SweepMetric metric,
                   bool log_scale);

  QRectF boundingRect() const override;
  void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

  const std::vector<HeatmapCell> &cells() const { return m_cells; }
  std::vector<std::size_t> variants() const { return m_variants; } // one panel each
  double scale_min() const { return m_lo; }
  double scale_max() const { return m_hi; }
  bool log_scale() const { return m_log; }

protected:
  void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
  struct Layout;
  Layout layout() const;
  double scale_position(double value) const; // 0..1 on the colour scale

  QChart *m_chart;
  std::shared_ptr<const SweepChartData> m_data;
  SweepMetric m_metric;
  std::vector<std::size_t> m_variants;
  std::vector<double> m_columns, m_rows; // the axes' values
  std::vector<HeatmapCell> m_cells;
  double m_lo = 0, m_hi = 1;
  bool m_log = false;
};

// The heatmap item of a chart made by make_sweep_heatmap (nullptr for other charts).
SweepHeatmapItem *find_heatmap_item(const QChart *chart);

} // namespace conlab::ui
