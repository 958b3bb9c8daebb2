#include "ui/latency/latencymap_item.h"

#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/colour_scale.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace conlab::ui {
namespace {

constexpr double kGap = 14, kTitleHeight = 20, kLabelHeight = 16, kBarWidth = 14;
// At least a decade of rows, so that the latency axis always carries two labelled ticks.
constexpr int kMinRows = LatencyOverTime::kRowsPerDecade;

QString duration_text(double s) { return QString::fromStdString(human_duration(s)); }

// A latency on the row scale: row r spans [r, r + 1).
double row_position(double latency_s) {
  return std::log10(std::max(latency_s, LatencyOverTime::kLowestS) / LatencyOverTime::kLowestS) *
         LatencyOverTime::kRowsPerDecade;
}

// "1 µs", "20 ms", "1,000 s": the latency ticks are 1, 2 and 5 times a power of ten, so they
// are whole numbers in the unit that fits.
QString latency_tick_text(double s) {
  const QLocale locale = chart_locale();
  const auto whole = [&](double v) { return locale.toString(std::round(v), 'f', 0); };
  if (s < 1e-3 * (1 - 1e-9))
    return whole(s * 1e6) + QStringLiteral(" µs");
  if (s < 1 - 1e-9)
    return whole(s * 1e3) + QStringLiteral(" ms");
  return whole(s) + QStringLiteral(" s");
}

// Powers of ten within [lo, hi]; with fewer than two of them, 2× and 5× as well.
std::vector<double> latency_ticks(double lo, double hi) {
  std::vector<double> ticks;
  for (int pass = 0; pass < 2 && ticks.size() < 2; ++pass) {
    ticks.clear();
    for (double decade = std::pow(10.0, std::floor(std::log10(lo))); decade <= hi; decade *= 10)
      for (double m : pass == 0 ? std::vector<double>{1} : std::vector<double>{1, 2, 5})
        if (decade * m >= lo * (1 - 1e-9) && decade * m <= hi * (1 + 1e-9))
          ticks.push_back(decade * m);
  }
  return ticks;
}

// A step of 1, 2 or 5 times a power of ten that cuts `span` into at most `most` parts.
double nice_step(double span, int most) {
  const double raw = span / std::max(most, 1);
  const double decade = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (decade * m >= raw)
      return decade * m;
  return decade * 10;
}

} // namespace

struct LatencyMapItem::Layout {
  std::vector<QRectF> grids;  // per panel: the cells
  std::vector<QRectF> titles; // per panel: swatch, label, p99, max, count
  QRectF bar, bar_title;
  TitleStrips strips;
  QFont font, bold;
  double time_unit = 1; // seconds per unit of the time axis' labels (1 or 0.001)
  double time_step = 1; // between time ticks, in seconds
  std::vector<double> latency_ticks;
  int lowest = 0, rows = 1;
  double span = 1;

  double x_of(std::size_t panel, double t) const {
    const QRectF &g = grids[panel];
    return g.left() + std::min(t / span, 1.0) * g.width();
  }
  double y_of(std::size_t panel, double row) const {
    const QRectF &g = grids[panel];
    return g.bottom() - (row - lowest) / rows * g.height();
  }
};

LatencyMapItem::LatencyMapItem(QChart *chart, const ChartData &data, bool log_colour)
    : QGraphicsObject(chart), m_chart(chart) {
  setAcceptHoverEvents(true);
  setZValue(5);
  connect(chart, &QChart::plotAreaChanged, this, [this] { prepareGeometryChange(); });
  int lowest = LatencyOverTime::kRows, highest = -1;
  double span = 0;
  for (const VariantChartData &v : data.variants) {
    m_panels.push_back({v.index, v.label, v.latency_map, v.p99_s, v.max_response_s});
    const LatencyOverTime &grid = v.latency_map;
    if (grid.empty())
      continue;
    m_interval_s = grid.interval_s(); // build_chart_data widened all of them to one interval
    span = std::max(span, static_cast<double>(grid.columns().size()) * grid.interval_s());
    for (const LatencyOverTime::Column &column : grid.columns())
      for (int r = 0; r < LatencyOverTime::kRows; ++r)
        if (column[r] > 0) {
          lowest = std::min(lowest, r), highest = std::max(highest, r);
          m_max_count = std::max(m_max_count, column[r]);
        }
  }
  if (highest >= 0) {
    // A row of room on either side, and at least a decade in all.
    lowest = std::max(lowest - 1, 0);
    highest = std::min(highest + 1, LatencyOverTime::kRows - 1);
    while (highest - lowest + 1 < kMinRows) {
      if (lowest > 0)
        --lowest;
      if (highest - lowest + 1 < kMinRows && highest < LatencyOverTime::kRows - 1)
        ++highest;
    }
    m_lowest_row = lowest, m_highest_row = highest;
  }
  m_span_s = span > 0 ? span : 1;
  m_log = log_colour && m_max_count >= 10;
}

double LatencyMapItem::colour_position(std::uint32_t count) const {
  if (m_max_count <= 1)
    return 1;
  if (m_log)
    return std::log(static_cast<double>(std::max<std::uint32_t>(count, 1))) /
           std::log(static_cast<double>(m_max_count));
  return static_cast<double>(count) / m_max_count;
}

QRectF LatencyMapItem::boundingRect() const { return m_chart->plotArea(); }

LatencyMapItem::Layout LatencyMapItem::layout() const {
  Layout l;
  // Pixel sizes, which are scene units (see SweepHeatmapItem: a point size would grow with the
  // paint device's resolution and dwarf the cells in a PDF).
  l.font.setPixelSize(11);
  l.bold = l.font;
  l.bold.setBold(true);
  l.bold.setPixelSize(12);
  const QFontMetricsF fm(l.font);
  l.lowest = m_lowest_row;
  l.rows = m_highest_row - m_lowest_row + 1;
  l.span = m_span_s;
  l.time_unit = m_span_s < 2 ? 1e-3 : 1;
  l.latency_ticks = latency_ticks(LatencyOverTime::row_lower_s(m_lowest_row),
                                  LatencyOverTime::row_lower_s(m_highest_row + 1));

  QRectF area = m_chart->plotArea();
  const QString bar_title = tr("tasks per cell");
  const double bar_labels = fm.horizontalAdvance(chart_locale().toString(m_max_count)) + 8;
  const double right = std::max(kBarWidth + 4 + bar_labels, fm.horizontalAdvance(bar_title) + 8);
  l.bar_title = QRectF(area.right() - right, area.top(), right, kTitleHeight);
  // Half a label's height below the title, so that the top count's label stays clear of it.
  const double bar_top = l.bar_title.bottom() + fm.height() / 2 + 2;
  l.bar = QRectF(l.bar_title.left(), bar_top, kBarWidth,
                 std::max(10.0, area.bottom() - 3 * kLabelHeight - 4 - bar_top));
  area.setRight(l.bar_title.left() - kGap);
  area = carve_title_strips(area, kLabelHeight, true, l.strips);

  double tick_width = 0;
  for (double s : l.latency_ticks)
    tick_width = std::max(tick_width, fm.horizontalAdvance(latency_tick_text(s)));
  const std::size_t n = std::max<std::size_t>(m_panels.size(), 1);
  const std::size_t columns = n <= 3 ? 1 : 2;
  const std::size_t rows = (n + columns - 1) / columns;
  const double panel_w = area.width() / static_cast<double>(columns);
  const double panel_h = area.height() / static_cast<double>(rows);
  for (std::size_t i = 0; i < m_panels.size(); ++i) {
    const QRectF panel(area.left() + panel_w * static_cast<double>(i % columns),
                       area.top() + panel_h * static_cast<double>(i / columns), panel_w, panel_h);
    const double left = panel.left() + tick_width + 6;
    l.titles.emplace_back(left, panel.top(), panel.right() - kGap - left, kTitleHeight);
    const double top = panel.top() + kTitleHeight;
    l.grids.emplace_back(
        QPointF(left, top),
        QPointF(panel.right() - kGap, std::max(top + 10, panel.bottom() - kLabelHeight - 4)));
  }
  // Time ticks as far apart as the widest label needs.
  const double widest =
      fm.horizontalAdvance(chart_locale().toString(m_span_s / l.time_unit, 'g', 6));
  const double grid_w = l.grids.empty() ? area.width() : l.grids.front().width();
  l.time_step = nice_step(m_span_s, static_cast<int>(grid_w / (widest + 24)));
  return l;
}

void LatencyMapItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
  if (m_panels.empty())
    return;
  const Layout l = layout();
  painter->save();
  for (std::size_t i = 0; i < m_panels.size(); ++i)
    paint_panel(painter, l, i);
  const QColor text = ink(m_chart);
  painter->setFont(l.font);
  painter->setPen(text);
  painter->drawText(l.strips.x_title, Qt::AlignCenter,
                    l.time_unit < 1 ? tr("when the task ended, since the variant started (ms)")
                                    : tr("when the task ended, since the variant started (s)"));
  painter->save();
  painter->translate(l.strips.y_title.center());
  painter->rotate(-90);
  painter->drawText(QRectF(-l.strips.y_title.height() / 2, -l.strips.y_title.width() / 2,
                           l.strips.y_title.height(), l.strips.y_title.width()),
                    Qt::AlignCenter, tr("response time (log scale)"));
  painter->restore();
  const double interval = m_interval_s;
  painter->drawText(
      l.strips.footnote, Qt::AlignLeft | Qt::AlignVCenter,
      tr("one cell: %1 of the run × a tenth of a decade of response time · dashed line: p99")
          .arg(duration_text(interval)));
  paint_colour_bar(painter, l);
  painter->restore();
}

void LatencyMapItem::paint_panel(QPainter *painter, const Layout &l, std::size_t i) const {
  const LatencyMapPanel &panel = m_panels[i];
  const QRectF &g = l.grids[i];
  const QColor text = ink(m_chart);
  const QFontMetricsF fm(l.font);

  // The title: swatch, label, then the numbers a reader looks for first.
  const QRectF title = l.titles[i];
  painter->fillRect(QRectF(title.left(), title.center().y() - 5, 10, 10),
                    variant_colour(panel.colour));
  painter->setFont(l.bold);
  painter->setPen(text);
  const QRectF label_rect = title.adjusted(16, 0, 0, 0);
  painter->drawText(label_rect, Qt::AlignLeft | Qt::AlignVCenter, panel.label);
  const double label_w = QFontMetricsF(l.bold).horizontalAdvance(panel.label);
  painter->setFont(l.font);
  const QString numbers =
      panel.grid.empty()
          ? tr("no task finished")
          : tr("p99 %1 · max %2 · %3 tasks")
                .arg(duration_text(panel.p99_s), duration_text(panel.max_s),
                     chart_locale().toString(static_cast<qulonglong>(panel.grid.total())));
  painter->drawText(label_rect.adjusted(label_w + 10, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                    numbers);

  // The cells, without antialiasing: neighbours then share their edges with no seam.
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing, false);
  painter->setClipRect(g);
  const auto &columns = panel.grid.columns();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const double x0 = l.x_of(i, static_cast<double>(c) * m_interval_s);
    const double x1 = l.x_of(i, static_cast<double>(c + 1) * m_interval_s);
    for (int r = m_lowest_row; r <= m_highest_row; ++r)
      if (const std::uint32_t count = columns[c][r]; count > 0)
        painter->fillRect(QRectF(QPointF(x0, l.y_of(i, r + 1)), QPointF(x1, l.y_of(i, r))),
                          heat_colour(colour_position(count)));
  }
  painter->restore();
  painter->setPen(QPen(text, 0.6));
  painter->drawRect(g);

  // p99 as a dashed line across the panel, labelled at its right end.
  if (!panel.grid.empty() && panel.p99_s > 0) {
    const double y = l.y_of(i, row_position(panel.p99_s));
    if (y >= g.top() && y <= g.bottom()) {
      painter->setPen(QPen(text, 1, Qt::DashLine));
      painter->drawLine(QPointF(g.left(), y), QPointF(g.right(), y));
      const QString p99 = tr("p99");
      const QRectF tag(g.right() - fm.horizontalAdvance(p99) - 6, y - fm.height() - 1,
                       fm.horizontalAdvance(p99) + 4, fm.height());
      painter->fillRect(tag, paper(m_chart));
      painter->setPen(text);
      painter->drawText(tag, Qt::AlignCenter, p99);
    }
  }

  // Ticks: latency on the left, time underneath.
  painter->setPen(text);
  for (double s : l.latency_ticks) {
    const double y = l.y_of(i, row_position(s));
    painter->drawLine(QPointF(g.left() - 3, y), QPointF(g.left(), y));
    painter->drawText(QRectF(g.left() - 206, y - 8, 200, 16), Qt::AlignRight | Qt::AlignVCenter,
                      latency_tick_text(s));
  }
  const QLocale locale = chart_locale();
  for (int k = 0; k * l.time_step <= m_span_s * (1 + 1e-9); ++k) {
    const double t = k * l.time_step;
    const double x = l.x_of(i, t);
    painter->drawLine(QPointF(x, g.bottom()), QPointF(x, g.bottom() + 3));
    painter->drawText(QRectF(x - 40, g.bottom() + 3, 80, kLabelHeight),
                      Qt::AlignHCenter | Qt::AlignTop, locale.toString(t / l.time_unit, 'g', 6));
  }
}

void LatencyMapItem::paint_colour_bar(QPainter *painter, const Layout &l) const {
  const QFontMetricsF fm(l.font);
  painter->drawText(l.bar_title, Qt::AlignLeft | Qt::AlignBottom, tr("tasks per cell"));
  painter->fillRect(l.bar, heat_gradient(l.bar.bottomLeft(), l.bar.topLeft()));
  // Counts 1, 10, 100, … (or evenly spaced on a linear scale) and the largest, leaving out any
  // whose label would touch one already drawn.
  std::vector<std::uint32_t> ticks = {m_max_count};
  if (m_log)
    for (std::uint64_t c = 1; c < m_max_count; c *= 10)
      ticks.push_back(static_cast<std::uint32_t>(c));
  else
    for (double step = nice_step(m_max_count, 4), c = step; c < m_max_count; c += step)
      ticks.push_back(static_cast<std::uint32_t>(c));
  if (!m_log && m_max_count > 1)
    ticks.push_back(1);
  std::vector<double> drawn;
  const QLocale locale = chart_locale();
  for (std::uint32_t count : ticks) {
    const double y = l.bar.bottom() - colour_position(count) * l.bar.height();
    if (std::any_of(drawn.begin(), drawn.end(),
                    [&](double other) { return std::abs(other - y) < fm.height(); }))
      continue;
    drawn.push_back(y);
    painter->drawLine(QPointF(l.bar.right(), y), QPointF(l.bar.right() + 3, y));
    painter->drawText(QRectF(l.bar.right() + 5, y - 8, 200, 16), Qt::AlignLeft | Qt::AlignVCenter,
                      locale.toString(count));
  }
}

std::optional<LatencyMapCell> LatencyMapItem::cell_at(QPointF pos) const {
  const Layout l = layout();
  for (std::size_t i = 0; i < m_panels.size(); ++i) {
    const QRectF &g = l.grids[i];
    if (!g.contains(pos))
      continue;
    const double t = (pos.x() - g.left()) / g.width() * m_span_s;
    const auto column = static_cast<std::size_t>(t / m_interval_s);
    const int row = l.lowest + static_cast<int>((g.bottom() - pos.y()) / g.height() * l.rows);
    const auto &columns = m_panels[i].grid.columns();
    if (column >= columns.size() || row < 0 || row >= LatencyOverTime::kRows ||
        columns[column][row] == 0)
      return std::nullopt;
    LatencyMapCell cell;
    cell.panel = i;
    cell.column = static_cast<int>(column);
    cell.row = row;
    cell.count = columns[column][row];
    cell.end_from_s = static_cast<double>(column) * m_interval_s;
    cell.end_to_s = cell.end_from_s + m_interval_s;
    cell.lower_s = LatencyOverTime::row_lower_s(row);
    cell.upper_s = LatencyOverTime::row_lower_s(row + 1);
    return cell;
  }
  return std::nullopt;
}

void LatencyMapItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event) {
  const std::optional<LatencyMapCell> cell = cell_at(event->pos());
  if (!cell) {
    QToolTip::hideText();
    return;
  }
  QToolTip::showText(event->screenPos(),
                     tr("%1: %2 tasks took %3–%4, ending %5–%6 after the start")
                         .arg(m_panels[cell->panel].label, chart_locale().toString(cell->count),
                              duration_text(cell->lower_s), duration_text(cell->upper_s),
                              duration_text(cell->end_from_s), duration_text(cell->end_to_s)));
}

LatencyMapItem *find_latencymap_item(const QChart *chart) {
  return find_chart_item<LatencyMapItem>(chart);
}

} // namespace conlab::ui
