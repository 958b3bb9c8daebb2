#include "ui/latency/cause_labels_item.h"

#include "ui/charts/chart_style.h"
#include "ui/latency/cause_words.h"

#include <QAbstractSeries>
#include <QChart>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace conlab::ui {
namespace {

constexpr double kPadding = 3; // between a label and its segment's ends

// Black on light colours, white on dark ones (relative luminance, as WCAG weighs it).
QColor text_on(const QColor &background) {
  const double luminance =
      0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
  return luminance > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

CauseLabelsItem::CauseLabelsItem(QChart *chart, QAbstractSeries *anchor,
                                 std::vector<CauseSegment> segments, double bar_width,
                                 QString empty_message)
    : QGraphicsObject(chart), m_chart(chart), m_anchor(anchor), m_segments(std::move(segments)),
      m_bar_width(bar_width), m_empty_message(std::move(empty_message)) {
  // Pixels are scene units: a point size would grow with a PDF's resolution (as in ChartCallout).
  m_font.setPixelSize(12);
  m_font.setBold(true);
  setZValue(20); // above the bars
  setAcceptedMouseButtons(Qt::NoButton);
  setAcceptHoverEvents(false); // the bars' own tooltips stay reachable through it
  connect(chart, &QChart::plotAreaChanged, this, [this] { prepareGeometryChange(); });
}

QRectF CauseLabelsItem::segment_box(const CauseSegment &segment) const {
  if (!m_anchor) // no bars: nothing to map onto
    return {};
  const QPointF from = m_chart->mapToPosition(QPointF(segment.from, segment.row), m_anchor);
  const QPointF to = m_chart->mapToPosition(QPointF(segment.to, segment.row), m_anchor);
  const QPointF next = m_chart->mapToPosition(QPointF(segment.from, segment.row + 1), m_anchor);
  const double height = std::abs(next.y() - from.y()) * m_bar_width;
  return QRectF(QPointF(std::min(from.x(), to.x()), from.y() - height / 2),
                QPointF(std::max(from.x(), to.x()), from.y() + height / 2));
}

std::vector<CauseLabel> CauseLabelsItem::labels() const {
  std::vector<CauseLabel> out;
  const QFontMetricsF metrics(m_font);
  for (const CauseSegment &segment : m_segments) {
    const QRectF box = segment_box(segment);
    const QString text = share_text((segment.to - segment.from) / 100);
    const QSizeF size = metrics.size(Qt::TextSingleLine, text);
    // Inside its own segment or not at all: segments do not overlap, so neither can labels.
    if (size.width() + 2 * kPadding > box.width() || size.height() > box.height())
      continue;
    QRectF label(QPointF(), size);
    label.moveCenter(box.center());
    out.push_back({segment, text, label, text_on(cause_colour(segment.cause))});
  }
  return out;
}

QRectF CauseLabelsItem::boundingRect() const { return m_chart->plotArea().adjusted(-1, -1, 1, 1); }

void CauseLabelsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
  painter->save();
  painter->setFont(m_font);
  if (m_segments.empty() && !m_empty_message.isEmpty()) {
    painter->setPen(ink(m_chart));
    painter->drawText(m_chart->plotArea(), Qt::AlignCenter | Qt::TextWordWrap, m_empty_message);
  }
  for (const CauseLabel &label : labels()) {
    painter->setPen(label.colour);
    painter->drawText(label.box, Qt::AlignCenter, label.text);
  }
  painter->restore();
}

CauseLabelsItem *find_cause_labels_item(const QChart *chart) {
  return find_chart_item<CauseLabelsItem>(chart);
}

} // namespace conlab::ui
