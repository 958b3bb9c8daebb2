#include "ui/sweep/sweep_heatmap.h"

#include "core/sweep/sweep.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/colour_scale.h"
#include "ui/sweep/sweep_chart_axes.h"
#include "ui/sweep/sweep_findings_text.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QLegend>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace conlab::ui {
namespace {

constexpr double kGap = 14, kTitleHeight = 20, kLabelHeight = 16, kBarWidth = 14;

// A value on an axis as its tick label: "4", "20%", "250".
QString tick_text(const SweepAxis &axis, double value) {
  const QString number = QString::number(value * display_factor(axis), 'g', 4);
  return axis.parameter == SweepParameter::cpu_share ? number + QLatin1Char('%') : number;
}

std::size_t index_of(const std::vector<double> &values, double v) {
  return static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), v) -
                                  values.begin());
}

} // namespace

struct SweepHeatmapItem::Layout {
  std::vector<QRectF> grids;  // per panel: the cells
  std::vector<QRectF> titles; // per panel: the variant's name above its grid
  QRectF bar;
  TitleStrips strips;
  QFont font, bold;
  QRectF cell(std::size_t panel, std::size_t column, std::size_t row, std::size_t columns,
              std::size_t rows) const {
    const QRectF &g = grids[panel];
    const double w = g.width() / static_cast<double>(columns);
    const double h = g.height() / static_cast<double>(rows);
    // Row 0 (the smallest value) at the bottom, as on any y axis.
    return {g.left() + w * static_cast<double>(column),
            g.bottom() - h * static_cast<double>(row + 1), w, h};
  }
};

SweepHeatmapItem::SweepHeatmapItem(QChart *chart, std::shared_ptr<const SweepChartData> data,
                                   SweepMetric metric, bool log_scale)
    : QGraphicsObject(chart), m_chart(chart), m_data(std::move(data)), m_metric(metric) {
  setAcceptHoverEvents(true);
  setZValue(5);
  connect(chart, &QChart::plotAreaChanged, this, [this] { prepareGeometryChange(); });
  m_columns = m_data->values(0);
  m_rows = m_data->values(1);
  AxisSpan span;
  for (std::size_t v = 0; v < m_data->variant_labels.size(); ++v) {
    if (!m_data->shows(v, metric))
      continue;
    m_variants.push_back(v);
    for (std::size_t p = 0; p < m_data->results.points.size(); ++p) {
      const SweepPoint &point = m_data->results.points[p];
      if (point.values.size() < 2 || v >= point.variants.size())
        continue;
      HeatmapCell cell;
      cell.variant = v;
      cell.point = p;
      cell.column = index_of(m_columns, point.values[0]);
      cell.row = index_of(m_rows, point.values[1]);
      cell.value = point.variants[v].mean(metric);
      if (point.variants[v].simulated && simulation_predicts(metric))
        cell.simulated = metric_value(*point.variants[v].simulated, metric);
      if (cell.value)
        span.add(*cell.value);
      m_cells.push_back(cell);
    }
    if (v < m_data->analysis.variants.size())
      for (const Disagreement &d : m_data->analysis.variants[v].disagreements)
        for (HeatmapCell &cell : m_cells)
          cell.disagrees = cell.disagrees || (cell.variant == v && cell.point == d.point);
  }
  if (!span.empty()) {
    m_lo = span.lo;
    m_hi = span.hi > span.lo ? span.hi : span.lo + (span.lo != 0 ? std::abs(span.lo) * 0.1 : 1);
  }
  m_log = log_scale && m_lo > 0 && spans_decades(m_lo, m_hi, 1.0);
  for (HeatmapCell &cell : m_cells)
    if (cell.value)
      cell.colour = heat_colour(scale_position(*cell.value));
}

double SweepHeatmapItem::scale_position(double value) const {
  if (m_log)
    return std::log(value / m_lo) / std::log(m_hi / m_lo);
  return (value - m_lo) / (m_hi - m_lo);
}

QRectF SweepHeatmapItem::boundingRect() const { return m_chart->plotArea(); }

SweepHeatmapItem::Layout SweepHeatmapItem::layout() const {
  Layout l;
  // Pixel sizes, which are scene units: a point size would be turned into pixels at the paint
  // device's resolution, and text painted into a 1200-dpi PDF would dwarf the cells it labels.
  l.font.setPixelSize(11); // 8.5 pt at 96 dpi, as the chart's own labels
  l.bold = l.font;
  l.bold.setBold(true);
  l.bold.setPixelSize(13);
  const QFontMetricsF fm(l.font);
  QRectF area = m_chart->plotArea();
  double label_width = 0;
  for (double v : {m_lo, m_hi, (m_lo + m_hi) / 2})
    label_width = std::max(label_width, fm.horizontalAdvance(sweep_metric_text(m_metric, v)));
  l.bar = QRectF(area.right() - label_width - 14 - kBarWidth, area.top() + kTitleHeight, kBarWidth,
                 std::max(10.0, area.height() - kTitleHeight - 2 * kLabelHeight));
  area.setRight(l.bar.left() - kGap);
  const bool flagged =
      std::any_of(m_cells.begin(), m_cells.end(), [](const HeatmapCell &c) { return c.disagrees; });
  area = carve_title_strips(area, kLabelHeight, flagged, l.strips);

  const SweepAxis &second = m_data->sweep.axes[1];
  double row_label_width = 0;
  for (double v : m_rows)
    row_label_width = std::max(row_label_width, fm.horizontalAdvance(tick_text(second, v)));
  const std::size_t n = std::max<std::size_t>(m_variants.size(), 1);
  const std::size_t columns = n <= 3 ? n : static_cast<std::size_t>(std::ceil(std::sqrt(n)));
  const std::size_t rows = (n + columns - 1) / columns;
  const double panel_w = area.width() / static_cast<double>(columns);
  const double panel_h = area.height() / static_cast<double>(rows);
  for (std::size_t i = 0; i < m_variants.size(); ++i) {
    const QRectF panel(area.left() + panel_w * static_cast<double>(i % columns),
                       area.top() + panel_h * static_cast<double>(i / columns), panel_w, panel_h);
    l.titles.emplace_back(panel.left() + row_label_width + 6, panel.top(),
                          panel.width() - row_label_width - 6 - kGap, kTitleHeight);
    l.grids.emplace_back(QPointF(l.titles.back().left(), panel.top() + kTitleHeight),
                         QPointF(panel.right() - kGap, panel.bottom() - kLabelHeight - 4));
  }
  return l;
}

void SweepHeatmapItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) {
  const Layout l = layout();
  const QColor text = ink(m_chart);
  const QColor background = paper(m_chart);
  const SweepAxis &first = m_data->sweep.axes[0], &second = m_data->sweep.axes[1];
  const std::size_t columns = std::max<std::size_t>(m_columns.size(), 1);
  const std::size_t rows = std::max<std::size_t>(m_rows.size(), 1);
  painter->save();
  painter->setFont(l.font);
  const QFontMetricsF fm(l.font);

  for (std::size_t i = 0; i < m_variants.size(); ++i) {
    const std::size_t v = m_variants[i];
    painter->setFont(l.bold);
    painter->setPen(text);
    const QRectF swatch(l.titles[i].left(), l.titles[i].center().y() - 5, 10, 10);
    painter->fillRect(swatch, variant_colour(m_data->colour(v)));
    painter->drawText(l.titles[i].adjusted(16, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      m_data->variant_labels[v]);
    painter->setFont(l.font);
    // Empty cells (not measured yet) hatched, so a growing sweep shows what is still to come.
    const QBrush hatch(dark_colour(background) ? QColor(0x70, 0x70, 0x70)
                                               : QColor(0xbb, 0xbb, 0xbb),
                       Qt::BDiagPattern);
    for (const HeatmapCell &cell : m_cells) {
      if (cell.variant != v)
        continue;
      const QRectF r = l.cell(i, cell.column, cell.row, columns, rows);
      if (!cell.value) {
        painter->fillRect(r, hatch);
        continue;
      }
      painter->fillRect(r, cell.colour);
      const QColor on_cell = dark_colour(cell.colour) ? Qt::white : Qt::black;
      const QString value = sweep_metric_text(m_metric, *cell.value);
      if (r.width() >= fm.horizontalAdvance(value) + 6 && r.height() >= fm.height() + 2) {
        painter->setPen(on_cell);
        painter->drawText(r, Qt::AlignCenter, value);
      }
      if (cell.disagrees) {
        const double s = std::min({9.0, r.width() / 3, r.height() / 3});
        const QPointF corner = r.topRight();
        const QPointF triangle[] = {corner, corner - QPointF(s, 0), corner + QPointF(0, s)};
        painter->setPen(Qt::NoPen);
        painter->setBrush(on_cell);
        painter->drawPolygon(triangle, 3);
        painter->setBrush(Qt::NoBrush);
      }
    }
    // Tick labels: every value when they fit, else every k-th.
    painter->setPen(text);
    const double cell_w = l.grids[i].width() / static_cast<double>(columns);
    double widest = 0;
    for (double x : m_columns)
      widest = std::max(widest, fm.horizontalAdvance(tick_text(first, x)));
    const auto every = static_cast<std::size_t>(std::ceil((widest + 6) / std::max(cell_w, 1.0)));
    for (std::size_t c = 0; c < m_columns.size(); c += std::max<std::size_t>(every, 1)) {
      const QRectF r = l.cell(i, c, 0, columns, rows);
      painter->drawText(
          QRectF(r.left() - 20, l.grids[i].bottom() + 2, r.width() + 40, kLabelHeight),
          Qt::AlignHCenter | Qt::AlignTop, tick_text(first, m_columns[c]));
    }
    const double cell_h = l.grids[i].height() / static_cast<double>(rows);
    const auto every_row = static_cast<std::size_t>(std::ceil(fm.height() / std::max(cell_h, 1.0)));
    for (std::size_t r = 0; r < m_rows.size(); r += std::max<std::size_t>(every_row, 1)) {
      const QRectF cell = l.cell(i, 0, r, columns, rows);
      painter->drawText(QRectF(l.grids[i].left() - 206, cell.top(), 200, cell.height()),
                        Qt::AlignRight | Qt::AlignVCenter, tick_text(second, m_rows[r]));
    }
  }

  painter->setPen(text);
  painter->drawText(l.strips.x_title, Qt::AlignCenter, sweep_axis_title(first));
  painter->save();
  painter->translate(l.strips.y_title.center());
  painter->rotate(-90);
  painter->drawText(QRectF(-l.strips.y_title.height() / 2, -l.strips.y_title.width() / 2,
                           l.strips.y_title.height(), l.strips.y_title.width()),
                    Qt::AlignCenter, sweep_axis_title(second));
  painter->restore();

  // The colour scale: the gradient, then five values along it (log-spaced on a log scale).
  painter->fillRect(l.bar, heat_gradient(l.bar.bottomLeft(), l.bar.topLeft()));
  for (int k = 0; k <= 4; ++k) {
    const double t = k / 4.0;
    const double value = m_log ? m_lo * std::pow(m_hi / m_lo, t) : m_lo + (m_hi - m_lo) * t;
    const double y = l.bar.bottom() - t * l.bar.height();
    painter->drawLine(QPointF(l.bar.right(), y), QPointF(l.bar.right() + 3, y));
    painter->drawText(QRectF(l.bar.right() + 5, y - 8, 200, 16), Qt::AlignLeft | Qt::AlignVCenter,
                      sweep_metric_text(m_metric, value));
  }
  painter->drawText(QRectF(l.bar.left() - 60, l.bar.top() - kTitleHeight, 200, kTitleHeight - 4),
                    Qt::AlignLeft | Qt::AlignBottom,
                    higher_is_better(m_metric) ? tr("higher is better") : tr("lower is better"));
  if (!l.strips.footnote.isNull()) {
    const QPointF corner(l.strips.footnote.left() + 9, l.strips.footnote.center().y() - 4);
    const QPointF triangle[] = {corner, corner - QPointF(9, 0), corner + QPointF(0, 9)};
    painter->setPen(Qt::NoPen);
    painter->setBrush(text);
    painter->drawPolygon(triangle, 3);
    painter->setPen(text);
    painter->drawText(l.strips.footnote.adjusted(16, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      tr("corner mark: measured makespan more than 10% from the simulation"));
  }
  painter->restore();
}

void SweepHeatmapItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event) {
  const Layout l = layout();
  const std::size_t columns = std::max<std::size_t>(m_columns.size(), 1);
  const std::size_t rows = std::max<std::size_t>(m_rows.size(), 1);
  for (std::size_t i = 0; i < m_variants.size(); ++i)
    for (const HeatmapCell &cell : m_cells)
      if (cell.variant == m_variants[i] &&
          l.cell(i, cell.column, cell.row, columns, rows).contains(event->pos())) {
        QString tip =
            tr("%1 at %2: %3")
                .arg(m_data->variant_labels[cell.variant],
                     SweepText::point(m_data->sweep, m_data->results.points[cell.point].values),
                     cell.value ? sweep_metric_text(m_metric, *cell.value)
                                : tr("not measured yet"));
        if (cell.simulated)
          tip += tr(" (simulated %1)").arg(sweep_metric_text(m_metric, *cell.simulated));
        QToolTip::showText(event->screenPos(), tip);
        return;
      }
  QToolTip::hideText();
}

SweepHeatmapItem *find_heatmap_item(const QChart *chart) {
  return find_chart_item<SweepHeatmapItem>(chart);
}

QChart *make_sweep_heatmap(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  set_chart_theme(chart, options.dark);
  if (!data.sweep || data.sweep->axes() < 2) {
    style_chart(chart,
                tr_("A heatmap needs a sweep of two parameters — %1").arg(run_caption(data)));
    return chart;
  }
  const SweepMetric metric = options.sweep_metric;
  style_chart(chart,
              tr_("%1 over %2 × %3 — %4")
                  .arg(sweep_metric_heading(metric),
                       SweepText::axis_label(data.sweep->sweep.axes[0]),
                       SweepText::axis_label(data.sweep->sweep.axes[1]), sweep_caption(data)));
  chart->legend()->setVisible(false);
  auto *item = new SweepHeatmapItem(chart, data.sweep, metric, options.log_axes);
  item->setObjectName(QStringLiteral("heatmap_item"));
  return chart;
}

} // namespace conlab::ui
