// Draws a ChartData's timeline bars inside a chart's plot area: each task a bar from start to
// end on its worker's row, its queue wait a thin line from submit to start. Part of the chart's
// scene, so it renders in exports exactly as on screen.
#pragma once

#include "ui/charts/chart_data.h"

#include <QGraphicsObject>

class QChart;
class QAbstractSeries;

namespace conlab::ui {

class TimelineItem : public QGraphicsObject {
  Q_OBJECT
public:
  // `anchor` is a series attached to the chart's linear x (seconds) and y (rows) axes.
  TimelineItem(QChart *chart, QAbstractSeries *anchor, std::vector<VariantChartData> variants);

  QRectF boundingRect() const override;
  void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
  int bar_count() const;

protected:
  void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
  QTransform data_to_scene() const;

  QChart *m_chart;
  QAbstractSeries *m_anchor;
  std::vector<VariantChartData> m_variants; // bars only (the rest is cleared)
};

// The timeline item of a chart made by make_timeline_chart (nullptr for other charts).
TimelineItem *find_timeline_item(const QChart *chart);

} // namespace conlab::ui
