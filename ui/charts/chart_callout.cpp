#include "ui/charts/chart_callout.h"

#include "ui/charts/chart_style.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

namespace conlab::ui {

namespace {
constexpr double kOffset = 12, kPadding = 4;
} // namespace

ChartCallout::ChartCallout(QChart *chart, QAbstractSeries *anchor, QPointF at, QString text)
    : QGraphicsObject(chart), m_chart(chart), m_anchor(anchor), m_at(at), m_text(std::move(text)) {
  // A pixel size is in scene units: a point size would grow with the paint device's resolution
  // and dwarf the chart in a PDF.
  m_font.setPixelSize(12); // 9 pt at 96 dpi
  m_font.setBold(true);
  setZValue(20); // above every series
  connect(chart, &QChart::plotAreaChanged, this, [this] { prepareGeometryChange(); });
}

// Below and to the right of the point; flipped left or up where the plot area ends.
QRectF ChartCallout::box() const {
  const QPointF p = m_chart->mapToPosition(m_at, m_anchor);
  const QSizeF size =
      QFontMetricsF(m_font).size(Qt::TextSingleLine, m_text) + QSizeF(2 * kPadding, 2 * kPadding);
  const QRectF plot = m_chart->plotArea();
  QRectF r(p + QPointF(kOffset, kOffset), size);
  if (r.right() > plot.right())
    r.moveRight(p.x() - kOffset);
  if (r.bottom() > plot.bottom())
    r.moveBottom(p.y() - kOffset);
  return r;
}

QRectF ChartCallout::boundingRect() const { return box().adjusted(-1, -1, 1, 1); }

void ChartCallout::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
  const QRectF r = box();
  QColor background = paper(m_chart);
  background.setAlphaF(0.88f);
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setPen(QPen(ink(m_chart), 1));
  painter->setBrush(background);
  painter->drawRoundedRect(r, 3, 3);
  painter->setFont(m_font);
  painter->drawText(r, Qt::AlignCenter, m_text);
  painter->restore();
}

} // namespace conlab::ui
