#include "ui/charts/timeline_item.h"

#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/latency/cause_words.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QLegend>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace conlab::ui {
namespace {

QString duration_text(double s) { return QString::fromStdString(human_duration(s)); }

// A bar or step from `from` to `to` over [y0, y1], at least a pixel wide, with a hairline between
// lanes: a step over its task's bar gets exactly the bar's rectangle.
QRectF lane_rect(const QTransform &t, double from, double to, double y0, double y1) {
  QRectF r = t.mapRect(QRectF(QPointF(from, y0), QPointF(to, y1)));
  if (r.width() < 1)
    r.setWidth(1);
  if (r.height() > 3)
    r.adjust(0, 0.5, 0, -0.5);
  return r;
}

// Fills `r` the way the timeline draws a thread in `state`, in a variant's `colour` on the
// chart's `paper`: solid on a core, dotted waiting for a core, a pale tint blocked, hatched
// waiting for the GIL. The key draws its swatches with it too, so they match.
void paint_thread_state(QPainter *painter, const QRectF &r, ThreadState state, const QColor &colour,
                        const QColor &paper) {
  // The tint: about two parts paper to one part colour, pale but still the variant's (and still
  // visible on a thin row under a queue wait's line).
  constexpr float share = 0.35f;
  const QColor tint = QColor::fromRgbF(share * colour.redF() + (1 - share) * paper.redF(),
                                       share * colour.greenF() + (1 - share) * paper.greenF(),
                                       share * colour.blueF() + (1 - share) * paper.blueF());
  switch (state) {
  case ThreadState::on_cpu:
    painter->fillRect(r, colour);
    break;
  case ThreadState::runnable: // ready to run: the colour, broken up into dots
    painter->fillRect(r, tint);
    painter->fillRect(r, QBrush(colour, Qt::Dense4Pattern));
    break;
  case ThreadState::blocked:
    painter->fillRect(r, tint);
    break;
  case ThreadState::gil: // as the task bars' waits for the lock have always been drawn
    painter->fillRect(r, colour);
    painter->fillRect(r, QColor(255, 255, 255, 150));
    painter->fillRect(r, QBrush(QColor(40, 40, 40, 170), Qt::BDiagPattern));
    break;
  }
}

// The state a step spent most of its time in: what a step too narrow for its parts shows.
ThreadState dominant_state(const TimelineStep &step) {
  std::pair<double, ThreadState> best{step.on_cpu_s, ThreadState::on_cpu};
  for (auto other : {std::pair{step.runnable_s, ThreadState::runnable},
                     std::pair{step.blocked_s, ThreadState::blocked},
                     std::pair{step.gil_wait_s, ThreadState::gil}})
    if (other.first > best.first)
      best = other;
  return best.second;
}

// A step in its thread's states, outlined so that back to back steps (the waves on an
// executor's thread, the tasks of a pool's thread) read one by one. Over a task's bar, the
// waits for the GIL are left to the bar's own hatching, which covers them where they were.
void paint_step(QPainter *painter, const QTransform &t, const TimelineStep &step,
                const QColor &colour, const QColor &paper) {
  const QRectF r = lane_rect(t, step.start_s, step.end_s, step.y0, step.y1);
  if (r.width() < 2) {
    const ThreadState state = dominant_state(step);
    if (step.own_row || state != ThreadState::gil)
      paint_thread_state(painter, r, state, colour, paper);
  } else {
    for (const StateStretch &s : step.states) {
      if (s.state == ThreadState::gil && !step.own_row)
        continue;
      QRectF w = t.mapRect(QRectF(QPointF(s.from_s, step.y0), QPointF(s.to_s, step.y1)));
      w.setTop(r.top());
      w.setBottom(r.bottom());
      paint_thread_state(painter, w, s.state, colour, paper);
    }
  }
  // A row too thin for an outline gets a tick where each step starts: the waves still show.
  if (r.width() >= 3) {
    painter->setPen(QPen(colour.darker(150), 1));
    painter->setBrush(Qt::NoBrush);
    if (r.height() >= 5)
      painter->drawRect(r.adjusted(0, 0, -1, -1));
    else
      painter->drawLine(r.topLeft(), r.bottomLeft() - QPointF(0, 1));
    painter->setPen(Qt::NoPen);
  }
}

QString share_of(double part, double whole) {
  return QStringLiteral("%1 (%2)").arg(duration_text(part),
                                       share_text(whole > 0 ? part / whole : 0));
}

// What a step's thread did in it, for its tooltip: the kernel's totals, not their order.
QString step_text(const TimelineStep &step) {
  const double d = step.end_s - step.start_s;
  QString text =
      TimelineItem::tr("a step on thread %1 from %2 to %3 (%4)\non a core %5, waiting for a core "
                       "%6, blocked %7 (shares of the step, not their order)")
          .arg(step.worker)
          .arg(duration_text(step.start_s), duration_text(step.end_s), duration_text(d),
               share_of(step.on_cpu_s, d), share_of(step.runnable_s, d),
               share_of(step.blocked_s, d));
  if (step.gil_wait_s > 0)
    text += TimelineItem::tr(", waiting for the GIL %1 (hatched, where it happened)")
                .arg(share_of(step.gil_wait_s, d));
  return text;
}

bool step_holds(const TimelineStep &step, const QPointF &p) {
  return p.y() >= step.y0 && p.y() <= step.y1 && p.x() >= step.start_s && p.x() <= step.end_s;
}

} // namespace

TimelineItem::TimelineItem(QChart *chart, QAbstractSeries *anchor,
                           std::vector<VariantChartData> variants)
    : QGraphicsObject(chart), m_chart(chart), m_anchor(anchor), m_variants(std::move(variants)) {
  setAcceptHoverEvents(true);
  setZValue(5);
  connect(chart, &QChart::plotAreaChanged, this, [this] { prepareGeometryChange(); });
}

QRectF TimelineItem::boundingRect() const { return m_chart->plotArea().united(key_band()); }

void TimelineItem::set_key(const QString &title, std::vector<TimelineKeyEntry> key) {
  prepareGeometryChange();
  m_key_title = title;
  m_key = std::move(key);
  m_key_height = std::ceil(QFontMetricsF(m_chart->legend()->font()).height() * 1.8);
  QMargins margins = m_chart->margins();
  m_key_below = margins.bottom();
  margins.setBottom(margins.bottom() + static_cast<int>(m_key_height));
  m_chart->setMargins(margins);
}

QStringList TimelineItem::key_labels() const {
  QStringList out;
  if (!m_key.empty() && !m_key_title.isEmpty())
    out << m_key_title;
  for (const TimelineKeyEntry &e : m_key)
    out << e.label;
  return out;
}

QRectF TimelineItem::key_band() const {
  if (m_key.empty())
    return {};
  const QRectF r = m_chart->rect();
  return QRectF(r.left(), r.bottom() - m_key_below - m_key_height, r.width(), m_key_height);
}

void TimelineItem::paint_key(QPainter *painter) const {
  const QRectF band = key_band();
  painter->setFont(m_chart->legend()->font());
  const QFontMetricsF fm(painter->font());
  const double h = std::round(fm.height() * 0.8), w = 2 * h;
  const double gap = fm.height() * 0.4, space = fm.height() * 1.2;
  double width = 0;
  for (const TimelineKeyEntry &e : m_key)
    width += w + gap + fm.horizontalAdvance(e.label) + space;
  width -= space;
  // The title goes first when the band has room for it; the entries alone are enough to read.
  const double title_width = fm.horizontalAdvance(m_key_title) + space;
  const bool with_title = !m_key_title.isEmpty() && width + title_width <= band.width() - 2 * space;
  double x = band.center().x() - (width + (with_title ? title_width : 0)) / 2;
  const QColor key(0x70, 0x70, 0x70); // the states' look, in no variant's colour
  const QColor back = paper(m_chart);
  painter->setPen(ink(m_chart));
  const auto text = [&](const QString &label) {
    const double advance = fm.horizontalAdvance(label);
    painter->setPen(ink(m_chart));
    painter->drawText(QRectF(x, band.top(), advance + 1, band.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, label);
    x += advance + space;
  };
  if (with_title)
    text(m_key_title);
  for (const TimelineKeyEntry &e : m_key) {
    const QRectF swatch(std::round(x), std::round(band.center().y() - h / 2), w, h);
    paint_thread_state(painter, swatch, e.state, key, back);
    painter->setPen(QPen(key.darker(150), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(swatch.adjusted(0, 0, -1, -1));
    x += w + gap;
    text(e.label);
  }
}

int TimelineItem::bar_count() const {
  int n = 0;
  for (const auto &v : m_variants)
    n += static_cast<int>(v.bars.size());
  return n;
}

int TimelineItem::step_count() const {
  int n = 0;
  for (const auto &v : m_variants)
    n += static_cast<int>(v.steps.size());
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
  const QColor back = paper(m_chart);
  painter->save();
  painter->setClipRect(m_chart->plotArea());
  painter->setRenderHint(QPainter::Antialiasing, false);
  for (const VariantChartData &v : m_variants) {
    const QColor colour = variant_colour(v.index);
    painter->setPen(Qt::NoPen);
    for (const TimelineBar &bar : v.bars)
      painter->fillRect(lane_rect(t, bar.start_s, bar.end_s, bar.y0, bar.y1), colour);
    for (const TimelineStep &step : v.steps)
      paint_step(painter, t, step, colour, back);
    // Under a GIL: the stretches of the task spent waiting for the lock, hatched over its bar.
    for (const TimelineBar &bar : v.bars) {
      const QRectF r = lane_rect(t, bar.start_s, bar.end_s, bar.y0, bar.y1);
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
    // Dark and thin: a queue wait crosses the bar of the task that held the worker.
    painter->setPen(QPen(QColor(40, 40, 40, 150), 1));
    for (const TimelineBar &bar : v.bars) {
      if (bar.start_s - bar.submit_s <= 0)
        continue;
      const double mid = (bar.y0 + bar.y1) / 2;
      painter->drawLine(t.map(QPointF(bar.submit_s, mid)), t.map(QPointF(bar.start_s, mid)));
    }
  }
  painter->restore();
  if (!m_key.empty()) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    paint_key(painter);
    painter->restore();
  }
}

void TimelineItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event) {
  const QTransform inverse = data_to_scene().inverted();
  const QPointF p = inverse.map(event->pos());
  // An executor's row first: nothing else is drawn there.
  for (const VariantChartData &v : m_variants)
    for (const TimelineStep &step : v.steps)
      if (step.own_row && step_holds(step, p)) {
        QToolTip::showText(event->screenPos(),
                           tr("%1 task %2: %3").arg(v.label).arg(step.task).arg(step_text(step)));
        return;
      }
  for (const VariantChartData &v : m_variants)
    for (const TimelineBar &bar : v.bars)
      if (p.y() >= bar.y0 && p.y() <= bar.y1 && p.x() >= bar.submit_s && p.x() <= bar.end_s) {
        QString tip =
            tr("%1 task %2 on thread %3\nsubmitted %4, started %5, ended %6\nqueue wait %7, "
               "service %8")
                .arg(v.label)
                .arg(bar.task)
                .arg(bar.worker)
                .arg(duration_text(bar.submit_s), duration_text(bar.start_s),
                     duration_text(bar.end_s), duration_text(bar.start_s - bar.submit_s),
                     duration_text(bar.end_s - bar.start_s));
        if (bar.gil_wait_s >= 1e-6)
          tip += tr("\nwaiting for the GIL %1 (hatched)").arg(duration_text(bar.gil_wait_s));
        for (const TimelineStep &step : v.steps)
          if (!step.own_row && step.task == bar.task && step_holds(step, p))
            tip += QLatin1Char('\n') + step_text(step);
        QToolTip::showText(event->screenPos(), tip);
        return;
      }
  QToolTip::hideText();
}

TimelineItem *find_timeline_item(const QChart *chart) {
  return find_chart_item<TimelineItem>(chart);
}

} // namespace conlab::ui
