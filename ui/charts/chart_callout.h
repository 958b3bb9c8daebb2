// A label pinned to a point of a chart (the knee of a sweep): text on a box in the chart's
// background colour, beside the point and kept inside the plot area, so that lines passing
// under it do not make it unreadable. Part of the chart's scene, so exports show it too.
#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsObject>
#include <QPointF>
#include <QString>

class QAbstractSeries;
class QChart;

namespace conlab::ui {

class ChartCallout : public QGraphicsObject {
  Q_OBJECT
public:
  // `at` in the data units of `anchor`'s axes.
  ChartCallout(QChart *chart, QAbstractSeries *anchor, QPointF at, QString text);

  QString text() const { return m_text; }
  QPointF at() const { return m_at; }
  QRectF boundingRect() const override;
  void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
  QRectF box() const; // in scene coordinates

  QChart *m_chart;
  QAbstractSeries *m_anchor;
  QPointF m_at;
  QString m_text;
  QFont m_font;
};

} // namespace conlab::ui
