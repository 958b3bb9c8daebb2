#include "ui/charts/chart_style.h"

#include <QAbstractSeries>
#include <QChart>
#include <QCursor>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace conlab::ui {

QLocale chart_locale() {
  const QLocale locale;
  return locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                         : locale;
}

QRectF carve_title_strips(QRectF area, double height, bool footnote, TitleStrips &strips) {
  if (footnote) {
    strips.footnote = QRectF(area.left(), area.bottom() - height, area.width(), height);
    area.setBottom(strips.footnote.top());
  }
  strips.x_title = QRectF(area.left(), area.bottom() - height, area.width(), height);
  area.setBottom(strips.x_title.top());
  strips.y_title = QRectF(area.left(), area.top(), height, area.height());
  area.setLeft(strips.y_title.right() + 4);
  return area;
}

QColor variant_colour(int index) {
  // Okabe-Ito, without yellow (unreadable on white) and black (reserved for annotations).
  static constexpr std::array<QRgb, 7> colours = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                                  0xE69F00, 0x56B4E9, 0x7F3C8D};
  const auto n = static_cast<int>(colours.size());
  return QColor(colours[static_cast<std::size_t>(((index % n) + n) % n)]);
}

void set_chart_theme(QChart *chart, bool dark) {
  chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
  // The background reaches the edges: a dark chart exported onto white has no white frame.
  chart->layout()->setContentsMargins(0, 0, 0, 0);
}

QColor ink(const QChart *chart) { return chart->titleBrush().color(); }

QColor paper(const QChart *chart) {
  const QBrush brush = chart->backgroundBrush();
  if (const QGradient *gradient = brush.gradient(); gradient && !gradient->stops().isEmpty())
    return gradient->stops().first().second;
  return brush.color();
}

void style_chart(QChart *chart, const QString &title) {
  chart->setTitle(title);
  QFont title_font = chart->titleFont();
  title_font.setPointSizeF(11);
  title_font.setBold(true);
  chart->setTitleFont(title_font);
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->setBackgroundRoundness(0);
  chart->setMargins(QMargins(6, 6, 12, 6));
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->legend()->setShowToolTips(true);
}

static void style_axis(QAbstractAxis *axis, const QString &title) {
  axis->setTitleText(title);
  QFont font = axis->titleFont();
  font.setPointSizeF(9);
  font.setBold(false);
  axis->setTitleFont(font);
  axis->setGridLineColor(QColor(0xe0, 0xe0, 0xe0));
}

QValueAxis *value_axis(const QString &title, double min, double max) {
  auto *axis = new QValueAxis;
  style_axis(axis, title);
  if (!(max > min))
    max = min + 1;
  axis->setRange(min, max);
  axis->applyNiceNumbers();
  // %g with enough digits: 1500, not 1.5e+03; 0.3 for a tick that adds up to 0.30000000000000004.
  axis->setLabelFormat(QStringLiteral("%.12g"));
  return axis;
}

QLogValueAxis *log_axis(const QString &title, double min, double max) {
  auto *axis = new QLogValueAxis;
  style_axis(axis, title);
  axis->setBase(10);
  min = std::max(min, 1e-9);
  max = std::max(max, min * 10);
  // Whole decades, so every tick is a round number.
  axis->setRange(std::pow(10, std::floor(std::log10(min))),
                 std::pow(10, std::ceil(std::log10(max))));
  axis->setLabelFormat(QStringLiteral("%.12g")); // 1000000, not 1e+06
  axis->setMinorTickCount(8);
  axis->setMinorGridLineColor(QColor(0xf2, 0xf2, 0xf2));
  return axis;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y) {
  if (!series->chart())
    chart->addSeries(series);
  if (!chart->axes().contains(x))
    chart->addAxis(x, Qt::AlignBottom);
  if (!chart->axes().contains(y))
    chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
}

bool spans_decades(double min, double max, double decades) {
  return min > 0 && max > 0 && std::log10(max / min) > decades;
}

QLineSeries *add_variant_line(QChart *chart, int variant, const QString &label,
                              const QList<QPointF> &points, QAbstractAxis *x, QAbstractAxis *y,
                              const QString &y_unit) {
  auto *line = new QLineSeries;
  line->setName(label);
  line->replace(points);
  line->setPen(QPen(variant_colour(variant), 2));
  attach(chart, line, x, y);
  QObject::connect(line, &QLineSeries::hovered, line, [label, y_unit](const QPointF &p, bool on) {
    if (!on)
      return QToolTip::hideText();
    QToolTip::showText(QCursor::pos(), tr_("%1: %2 %3 at %4 s")
                                           .arg(label)
                                           .arg(p.y(), 0, 'g', 4)
                                           .arg(y_unit)
                                           .arg(p.x(), 0, 'g', 4));
  });
  return line;
}

double max_y(const QList<QList<QPointF>> &lists) {
  double out = 0;
  for (const auto &list : lists)
    for (const QPointF &p : list)
      out = std::max(out, p.y());
  return out;
}

} // namespace conlab::ui
