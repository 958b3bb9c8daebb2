#include "ui/charts/offscreen_chart.h"

#include <QChart>
#include <QCoreApplication>
#include <QPainter>
#include <QSvgGenerator>

namespace conlab::ui {

OffscreenChart::OffscreenChart(QChart *chart, QSizeF size) : m_chart(chart) {
  m_scene.addItem(m_chart);
  m_chart->setGeometry(QRectF(QPointF(0, 0), size));
  m_scene.setSceneRect(QRectF(QPointF(0, 0), size));
  // The chart lays itself out on posted events; deliver them now, without a running loop.
  QCoreApplication::sendPostedEvents(nullptr, 0);
  QCoreApplication::sendPostedEvents(nullptr, 0);
}

OffscreenChart::OffscreenChart(ChartKind kind, const ChartData &data, QSizeF size,
                               const ChartOptions &options)
    : OffscreenChart(make_chart(kind, data, options), size) {}

void OffscreenChart::render(QPainter &painter, const QRectF &target) {
  m_scene.render(&painter, target, m_scene.sceneRect(), Qt::IgnoreAspectRatio);
}

bool OffscreenChart::write_svg(QIODevice *device, QSize size, int dpi, const QString &title) {
  QSvgGenerator svg;
  svg.setOutputDevice(device);
  svg.setSize(size);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setResolution(dpi);
  svg.setTitle(title);
  svg.setDescription(m_chart->title());
  QPainter painter;
  if (!painter.begin(&svg))
    return false;
  render(painter, QRectF(QPointF(0, 0), QSizeF(size)));
  return painter.end();
}

QString OffscreenChart::title() const { return m_chart->title(); }

} // namespace conlab::ui
