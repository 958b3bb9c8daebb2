#include "ui/charts/timeline_item.h"

#include "core/util/format.h"
#include "ui/charts/chart_style.h"

#include <QChart>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QToolTip>

namespace conlab::ui {

TimelineItem::TimelineItem(QChart *chart, QAbstractSeries *anchor,
                           std::vector<VariantChartData> variants)
    : QGraphicsObject(chart), m_chart(chart), m_anchor(anchor), m_variants(std::move(variants)) {
  setAcceptHoverEvents(true);
  setZValue(5);
  connect(chart, &QChart::plotAreaChanged, this, [this] { prepareGeometryChange(); });
}

QRectF TimelineItem::boundingRect() const { return m_chart->plotArea(); }

int TimelineItem::bar_count() const {
  int n = 0;
  for (const auto &v : m_variants)
    n += static_cast<int>(v.bars.size());
  return n;
}

QTransform TimelineItem::data_to_scene() const {
  // Both axes are linear: two mapped points give the whole transform.
  const QPointF o = m_chart->mapToPosition(QPointF(0, 0), m_anchor);
  const QPointF u = m_chart->mapToPosition(QPointF(1, 1), m_anchor);
  return QTransform(u.x() - o.x(), 0, 0, u.y() - o.y(), o.x(), o.y());
}

void TimelineItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
  const QTransform t = data_to_scene();
  painter->save();
  painter->setClipRect(m_chart->plotArea());
  painter->setRenderHint(QPainter::Antialiasing, false);
  for (const VariantChartData &v : m_variants) {
    const QColor colour = variant_colour(v.index);
    // Dark and thin: a queue wait crosses the bar of the task that held the worker.
    QPen wait_pen(QColor(40, 40, 40, 150), 1);
    painter->setPen(Qt::NoPen);
    for (const TimelineBar &bar : v.bars) {
      QRectF r = t.mapRect(QRectF(QPointF(bar.start_s, bar.y0), QPointF(bar.end_s, bar.y1)));
      if (r.width() < 1)
        r.setWidth(1);
      if (r.height() > 3)
        r.adjust(0, 0.5, 0, -0.5); // a hairline between lanes
      painter->fillRect(r, colour);
      // Under a GIL: the stretches of the task spent waiting for the lock, hatched over its bar.
      for (const auto &[from, to] : bar.gil_waits) {
        QRectF w = t.mapRect(QRectF(QPointF(from, bar.y0), QPointF(to, bar.y1)));
        w.setTop(r.top());
        w.setBottom(r.bottom());
        if (w.width() < 1)
          w.setWidth(1);
        painter->fillRect(w, QColor(255, 255, 255, 150));
        painter->fillRect(w, QBrush(QColor(40, 40, 40, 170), Qt::BDiagPattern));
      }
    }
    painter->setPen(wait_pen);
    for (const TimelineBar &bar : v.bars) {
      if (bar.start_s - bar.submit_s <= 0)
        continue;
      const double mid = (bar.y0 + bar.y1) / 2;
      painter->drawLine(t.map(QPointF(bar.submit_s, mid)), t.map(QPointF(bar.start_s, mid)));
    }
  }
  painter->restore();
}

void TimelineItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event) {
  const QTransform inverse = data_to_scene().inverted();
  const QPointF p = inverse.map(event->pos());
  for (const VariantChartData &v : m_variants)
    for (const TimelineBar &bar : v.bars)
      if (p.y() >= bar.y0 && p.y() <= bar.y1 && p.x() >= bar.submit_s && p.x() <= bar.end_s) {
        QString tip =
            tr("%1 task %2 on thread %3\nsubmitted %4, started %5, ended %6\nqueue wait %7, "
               "service %8")
                .arg(v.label)
                .arg(bar.task)
                .arg(bar.worker)
                .arg(QString::fromStdString(human_duration(bar.submit_s)),
                     QString::fromStdString(human_duration(bar.start_s)),
                     QString::fromStdString(human_duration(bar.end_s)),
                     QString::fromStdString(human_duration(bar.start_s - bar.submit_s)),
                     QString::fromStdString(human_duration(bar.end_s - bar.start_s)));
        if (bar.gil_wait_s >= 1e-6)
          tip += tr("\nwaiting for the GIL %1 (hatched)")
                     .arg(QString::fromStdString(human_duration(bar.gil_wait_s)));
        QToolTip::showText(event->screenPos(), tip);
        return;
      }
  QToolTip::hideText();
}

TimelineItem *find_timeline_item(const QChart *chart) {
  return find_chart_item<TimelineItem>(chart);
}

} // namespace conlab::ui
