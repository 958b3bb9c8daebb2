// The latency heatmap: for each variant a grid of when tasks ended (across) by how long they took
// (up, a log scale of ten rows to a decade), each cell coloured by how many tasks fell in it, on
// one colour scale shared by every variant. Where a percentile line averages a moment away, the
// grid shows the shape: two modes, a stall every request waited out, a tail that grows as a
// queue builds. Drawn by an item inside a QChart, so it exports to PNG, SVG and PDF like every
// other chart.
#pragma once

#include "ui/charts/chart_data.h"

#include <QGraphicsObject>

#include <vector>

class QChart;

namespace conlab::ui {

struct LatencyMapPanel {
  int colour = 0; // the variant's index: its colour
  QString label;
  LatencyOverTime grid; // at the interval of every other panel
  double p99_s = 0, max_s = 0;
};

// A cell of a panel's grid: the tasks that ended in [end_from, end_to) s taking [lower, upper) s.
struct LatencyMapCell {
  std::size_t panel = 0;
  int column = 0, row = 0;
  std::uint32_t count = 0;
  double end_from_s = 0, end_to_s = 0, lower_s = 0, upper_s = 0;
};

class LatencyMapItem : public QGraphicsObject {
  Q_OBJECT
public:
  LatencyMapItem(QChart *chart, const ChartData &data, bool log_colour);

  QRectF boundingRect() const override;
  void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

  const std::vector<LatencyMapPanel> &panels() const { return m_panels; }
  double interval_s() const { return m_interval_s; } // the width of every panel's columns
  double span_s() const { return m_span_s; }         // the time axis runs 0 … span
  int lowest_row() const { return m_lowest_row; }    // the rows drawn, bottom to top
  int highest_row() const { return m_highest_row; }
  std::uint32_t max_count() const { return m_max_count; }
  bool log_colour() const { return m_log; }
  double colour_position(std::uint32_t count) const; // 0 … 1 on the colour scale
  // The cell under a point of the scene, if any task fell in it.
  std::optional<LatencyMapCell> cell_at(QPointF pos) const;

protected:
  void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
  struct Layout;
  Layout layout() const;
  void paint_panel(QPainter *painter, const Layout &l, std::size_t i) const;
  void paint_colour_bar(QPainter *painter, const Layout &l) const;

  QChart *m_chart;
  std::vector<LatencyMapPanel> m_panels;
  double m_interval_s = LatencyOverTime::kFirstIntervalS, m_span_s = 1;
  int m_lowest_row = 0, m_highest_row = 0;
  std::uint32_t m_max_count = 0;
  bool m_log = false;
};

// The heatmap item of a chart made by make_latencymap_chart (nullptr for other charts).
LatencyMapItem *find_latencymap_item(const QChart *chart);

} // namespace conlab::ui
