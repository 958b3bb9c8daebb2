// Draws a ChartData's timeline bars inside a chart's plot area: each task a bar from start to
// end on its worker's row, its queue wait a thin line from submit to start, and each step a
// thread ran itself in that thread's states (over its task's bar, or on an executor's row). Part
// of the chart's scene, so it renders in exports exactly as on screen.
#pragma once

#include "ui/charts/chart_data.h"

#include <QGraphicsObject>
#include <QStringList>

class QChart;
class QAbstractSeries;

namespace conlab::ui {

// An entry of the key of thread states that the item draws below the x axis.
struct TimelineKeyEntry {
  ThreadState state = ThreadState::on_cpu;
  QString label;
};

class TimelineItem : public QGraphicsObject {
  Q_OBJECT
public:
  // `anchor` is a series attached to the chart's linear x (seconds) and y (rows) axes.
  TimelineItem(QChart *chart, QAbstractSeries *anchor, std::vector<VariantChartData> variants);

  QRectF boundingRect() const override;
  void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
  int bar_count() const;
  int step_count() const;
  // The key of the states, in a band it reserves under the x axis title: swatches larger than a
  // legend's markers, so that dotted and hatched read apart. `title` leads it where it fits.
  void set_key(const QString &title, std::vector<TimelineKeyEntry> key);
  QStringList key_labels() const; // the title (if any), then the entries

protected:
  void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
  QTransform data_to_scene() const;
  QRectF key_band() const;
  void paint_key(QPainter *painter) const;

  QChart *m_chart;
  QAbstractSeries *m_anchor;
  std::vector<VariantChartData> m_variants; // their timelines
  QString m_key_title;
  std::vector<TimelineKeyEntry> m_key;
  double m_key_height = 0, m_key_below = 0; // the band's height, and the margin under it
};

// The timeline item of a chart made by make_timeline_chart (nullptr for other charts).
TimelineItem *find_timeline_item(const QChart *chart);

} // namespace conlab::ui
